// Peer mentors and coordinators over their whole life (issue 11, part 1): details that change, a
// mentor who moves to another coordinator, people who leave and come back.
#include "core/CsvImport.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace cc;
using namespace cc::test;

namespace {

QString firstField(const Error &error)
{
    return error.fields.isEmpty() ? QString() : error.fields.first().field;
}

QStringList idsOf(const QList<PeerMentor> &mentors)
{
    QStringList ids;
    for (const PeerMentor &m : mentors)
        ids << m.id;
    ids.sort();
    return ids;
}

} // namespace

class TestDirectoryLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void updatePeerMentor_data();
    void updatePeerMentor();
    void updateIsAuditedByFieldNames();
    void unchangedUpdateWritesNothing();

    void moveMentors();
    void moveIsAllOrNothing_data();
    void moveIsAllOrNothing();

    void deactivatedMentorIsHiddenAndKeepsHistory();
    void deactivatedMentorGetsNoRecords();
    void reactivatedMentorGetsRecordsAgain();
    void onlyManagersDeactivate_data();
    void onlyManagersDeactivate();

    void updateCoordinator_data();
    void updateCoordinator();
    void coordinatorWithActiveMentorsCannotLeave();
    void inactiveCoordinatorIsNoTarget();

    void reimportUpdatesById();
    void previewWritesNothing();
    void missingColumnKeepsStoredValue();

private:
    int rows(const QString &table, const QString &where = {})
    {
        return int(countRows(m_db->db(), table, where));
    }
    NewRecord pauseOf(const QString &mentor, const QString &coordinator) const;

    std::unique_ptr<TestDatabase> m_db;
    ManualClock m_clock{testNow()};
    World m_world;
    std::unique_ptr<DirectoryService> m_directory;
    std::unique_ptr<NotificationRecordService> m_records;
};

void TestDirectoryLifecycle::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_directory = std::make_unique<DirectoryService>(m_db->db(), m_clock);
    m_records = std::make_unique<NotificationRecordService>(m_db->db(), m_clock);
}

void TestDirectoryLifecycle::cleanupTestCase()
{
    m_records.reset();
    m_directory.reset();
    m_db.reset();
}

void TestDirectoryLifecycle::init()
{
    m_db->reset();
    m_clock.set(testNow());
    auto created = m_world.create(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    created = m_world.createUsers(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
}

NewRecord TestDirectoryLifecycle::pauseOf(const QString &mentor, const QString &coordinator) const
{
    NewRecord r;
    r.peerMentorId = mentor;
    r.coordinatorId = coordinator;
    r.eventType = EventType::PauseActivated;
    r.effectiveDate = utc(2026, 3, 20);
    r.channels = {QStringLiteral("push")};
    return r;
}

// ---- a mentor's details ------------------------------------------------------------------------

void TestDirectoryLifecycle::updatePeerMentor_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("coordinator");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QString a1 = World::kCoordA1;
    const QString a2 = World::kCoordA2;
    const QString ok = QStringLiteral("ok");
    const QString name = QStringLiteral("Åse Ødegård-Lie");
    const QString phone = QStringLiteral("+47 912 34 567");
    // pm_a1 is coord_a1's (coordinator A's own); pm_a2 is coord_a2's.
    QTest::newRow("org admin: new phone") << "adminA"
                                          << "pm_a1" << name << phone << a1 << ok << "";
    QTest::newRow("org admin: moves her") << "adminA"
                                          << "pm_a1" << name << phone << a2 << ok << "";
    QTest::newRow("global admin, another org") << "global"
                                               << "pm_b1"
                                               << "Bjørn B. Berg" << phone << World::kCoordB1 << ok << "";
    QTest::newRow("her coordinator: contact details") << "coordA"
                                                      << "pm_a1" << name << phone << a1 << ok << "";
    QTest::newRow("her coordinator may not move her") << "coordA"
                                                      << "pm_a1" << name << phone << a2 << "forbidden"
                                                      << "";
    QTest::newRow("another coordinator's mentor") << "coordA"
                                                  << "pm_a2"
                                                  << "Per H." << phone << a2 << "forbidden"
                                                  << "";
    QTest::newRow("another organisation's mentor") << "adminA"
                                                   << "pm_b1"
                                                   << "Bjørn" << phone << World::kCoordB1 << "not-found"
                                                   << "";
    QTest::newRow("empty name") << "adminA"
                                << "pm_a1"
                                << "  " << phone << a1 << "invalid"
                                << "name";
    QTest::newRow("bad phone") << "coordA"
                               << "pm_a1" << name << "call me" << a1 << "invalid"
                               << "phone";
    QTest::newRow("coordinator of another org")
        << "adminA"
        << "pm_a1" << name << phone << World::kCoordB1 << "unprocessable"
        << "coordinator_id";
    QTest::newRow("unknown coordinator") << "adminA"
                                         << "pm_a1" << name << phone << "coord_zz"
                                         << "unprocessable"
                                         << "coordinator_id";
}

void TestDirectoryLifecycle::updatePeerMentor()
{
    QFETCH(QString, caller);
    QFETCH(QString, id);
    QFETCH(QString, name);
    QFETCH(QString, phone);
    QFETCH(QString, coordinator);
    QFETCH(QString, code);
    QFETCH(QString, field);

    const PeerMentor before = *m_directory->peerMentor(Caller::system(), id);
    PeerMentor changed = before;
    changed.name = name;
    changed.phone = phone;
    changed.coordinatorId = coordinator;
    changed.orgId = QStringLiteral("org_zz"); // not changeable: ignored
    QSignalSpy spy(m_directory.get(), &DirectoryService::directoryChanged);
    auto updated = m_directory->updatePeerMentor(m_world.who(caller), changed);
    QCOMPARE(codeOf(updated), code);
    const PeerMentor after = *m_directory->peerMentor(Caller::system(), id);
    if (updated) {
        QCOMPARE(after.name, name.trimmed());
        QCOMPARE(after.phone, phone);
        QCOMPARE(after.coordinatorId, coordinator);
        QCOMPARE(after.orgId, before.orgId);
        QCOMPARE(after.email, before.email);
        QCOMPARE(after.createdAt, before.createdAt);
        QCOMPARE(spy.count(), 1);
        return;
    }
    QCOMPARE(firstField(updated.error()), field);
    QCOMPARE(after.name, before.name);
    QCOMPARE(after.phone, before.phone);
    QCOMPARE(after.coordinatorId, before.coordinatorId);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(rows(QStringLiteral("audit_log"), QStringLiteral("action = 'peer_mentor.update'")), 0);
}

void TestDirectoryLifecycle::updateIsAuditedByFieldNames()
{
    PeerMentor m = *m_directory->peerMentor(Caller::system(), World::kMentorA1);
    m.phone = QStringLiteral("+47 400 00 000");
    m.email = QStringLiteral("ase.new@a.example");
    m_clock.advance(60 * 1000); // after her creation's entry
    QVERIFY(m_directory->updatePeerMentor(m_world.coordinatorA, m));
    AuditLog audit(m_db->db(), m_clock);
    auto entries = audit.list(m_world.orgAdminA, PageRequest{1, 10}, World::kMentorA1);
    QVERIFY2(entries, why(entries).constData());
    QCOMPARE(entries->items.first().action, QStringLiteral("peer_mentor.update"));
    QCOMPARE(entries->items.first().username, m_world.coordinatorA.username);
    // The names of what changed, never the values (an audit entry is no copy of personal data).
    QCOMPARE(entries->items.first().detail, QStringLiteral("email, phone"));
}

void TestDirectoryLifecycle::unchangedUpdateWritesNothing()
{
    const PeerMentor m = *m_directory->peerMentor(Caller::system(), World::kMentorA1);
    QSignalSpy spy(m_directory.get(), &DirectoryService::directoryChanged);
    auto same = m_directory->updatePeerMentor(m_world.orgAdminA, m);
    QVERIFY2(same, why(same).constData());
    QCOMPARE(spy.count(), 0);
    QCOMPARE(rows(QStringLiteral("audit_log"), QStringLiteral("action = 'peer_mentor.update'")), 0);
}

// ---- moving mentors --------------------------------------------------------------------------------

void TestDirectoryLifecycle::moveMentors()
{
    QSignalSpy spy(m_directory.get(), &DirectoryService::directoryChanged);
    // pm_a2 is coord_a2's already: only pm_a1 changes.
    auto moved =
        m_directory->moveMentors(m_world.orgAdminA, {World::kMentorA1, World::kMentorA2}, World::kCoordA2);
    QVERIFY2(moved, why(moved).constData());
    QCOMPARE(*moved, 1);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(m_directory->peerMentor(Caller::system(), World::kMentorA1)->coordinatorId, World::kCoordA2);
    QCOMPARE(rows(QStringLiteral("audit_log"), QStringLiteral("action = 'peer_mentor.move'")), 1);
    auto ofA2 = m_directory->peerMentors(m_world.orgAdminA, MentorQuery{{}, World::kCoordA2});
    QCOMPARE(idsOf(*ofA2), (QStringList{World::kMentorA1, World::kMentorA2}));
    auto ofA1 = m_directory->peerMentors(m_world.orgAdminA, MentorQuery{{}, World::kCoordA1});
    QVERIFY(ofA1->isEmpty());
}

void TestDirectoryLifecycle::moveIsAllOrNothing_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QStringList>("mentors");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    QTest::newRow("a coordinator may not")
        << "coordA" << QStringList{World::kMentorA1} << World::kCoordA2 << "forbidden"
        << "";
    QTest::newRow("one of another org among them")
        << "adminA" << QStringList{World::kMentorA1, World::kMentorB1} << World::kCoordA2 << "not-found"
        << "peer_mentor_id";
    QTest::newRow("global: to another org's coordinator")
        << "global" << QStringList{World::kMentorA1, World::kMentorA2} << World::kCoordB1 << "unprocessable"
        << "peer_mentor_id";
    QTest::newRow("to another org's coordinator")
        << "adminA" << QStringList{World::kMentorA1} << World::kCoordB1 << "not-found"
        << "coordinator_id";
    QTest::newRow("nobody") << "adminA" << QStringList{} << World::kCoordA2 << "invalid"
                            << "peer_mentor_id";
}

void TestDirectoryLifecycle::moveIsAllOrNothing()
{
    QFETCH(QString, caller);
    QFETCH(QStringList, mentors);
    QFETCH(QString, to);
    QFETCH(QString, code);
    QFETCH(QString, field);

    auto moved = m_directory->moveMentors(m_world.who(caller), mentors, to);
    QCOMPARE(codeOf(moved), code);
    QCOMPARE(firstField(moved.error()), field);
    QCOMPARE(m_directory->peerMentor(Caller::system(), World::kMentorA1)->coordinatorId, World::kCoordA1);
    QCOMPARE(m_directory->peerMentor(Caller::system(), World::kMentorA2)->coordinatorId, World::kCoordA2);
    QCOMPARE(rows(QStringLiteral("audit_log"), QStringLiteral("action = 'peer_mentor.move'")), 0);
}

// ---- people who leave ----------------------------------------------------------------------------

void TestDirectoryLifecycle::deactivatedMentorIsHiddenAndKeepsHistory()
{
    QVERIFY(m_records->record(m_world.coordinatorA, pauseOf(World::kMentorA1, World::kCoordA1)));
    m_clock.advance(3600 * 1000);
    QSignalSpy spy(m_directory.get(), &DirectoryService::directoryChanged);
    auto left = m_directory->setPeerMentorActive(m_world.orgAdminA, World::kMentorA1, false);
    QVERIFY2(left, why(left).constData());
    QCOMPARE(spy.count(), 1);

    const PeerMentor ase = *m_directory->peerMentor(m_world.coordinatorA, World::kMentorA1);
    QVERIFY(!ase.active());
    QCOMPARE(ase.deactivatedAt, testNow().addSecs(3600));
    QCOMPARE(idsOf(*m_directory->peerMentors(m_world.orgAdminA)), QStringList{World::kMentorA2});
    QCOMPARE(idsOf(*m_directory->peerMentors(m_world.orgAdminA, MentorQuery{{}, {}, Activity::Inactive})),
             QStringList{World::kMentorA1});
    QCOMPARE(idsOf(*m_directory->peerMentors(m_world.orgAdminA, MentorQuery{{}, {}, Activity::Any})),
             (QStringList{World::kMentorA1, World::kMentorA2}));
    // Her history is kept.
    auto history = m_records->history(m_world.coordinatorA, World::kMentorA1);
    QVERIFY2(history, why(history).constData());
    QCOMPARE(history->events.size(), 1);
    QCOMPARE(rows(QStringLiteral("audit_log"), QStringLiteral("action = 'peer_mentor.deactivate'")), 1);

    // Twice is no change.
    QVERIFY(m_directory->setPeerMentorActive(m_world.orgAdminA, World::kMentorA1, false));
    QCOMPARE(spy.count(), 1);
}

void TestDirectoryLifecycle::deactivatedMentorGetsNoRecords()
{
    QVERIFY(m_directory->setPeerMentorActive(m_world.orgAdminA, World::kMentorA1, false));
    const int before = rows(QStringLiteral("notification_records"));
    auto refused = m_records->record(m_world.coordinatorA, pauseOf(World::kMentorA1, World::kCoordA1));
    QCOMPARE(codeOf(refused), QStringLiteral("unprocessable"));
    QCOMPARE(firstField(refused.error()), QStringLiteral("peer_mentor_id"));
    QVERIFY2(refused.error().message.contains(QLatin1String("inactive")),
             qPrintable(refused.error().message));
    QCOMPARE(rows(QStringLiteral("notification_records")), before);
}

void TestDirectoryLifecycle::reactivatedMentorGetsRecordsAgain()
{
    QVERIFY(m_directory->setPeerMentorActive(m_world.orgAdminA, World::kMentorA1, false));
    QVERIFY(m_directory->setPeerMentorActive(m_world.globalAdmin, World::kMentorA1, true));
    QVERIFY(m_directory->peerMentor(m_world.coordinatorA, World::kMentorA1)->active());
    auto recorded = m_records->record(m_world.coordinatorA, pauseOf(World::kMentorA1, World::kCoordA1));
    QVERIFY2(recorded, why(recorded).constData());
    QCOMPARE(rows(QStringLiteral("audit_log"), QStringLiteral("action = 'peer_mentor.reactivate'")), 1);
}

void TestDirectoryLifecycle::onlyManagersDeactivate_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("mentor");
    QTest::addColumn<QString>("code");
    QTest::newRow("her coordinator") << "coordA" << World::kMentorA1 << "forbidden";
    QTest::newRow("another org's admin") << "adminB" << World::kMentorA1 << "not-found";
    QTest::newRow("her org admin") << "adminA" << World::kMentorA1 << "ok";
    QTest::newRow("global admin") << "global" << World::kMentorB1 << "ok";
}

void TestDirectoryLifecycle::onlyManagersDeactivate()
{
    QFETCH(QString, caller);
    QFETCH(QString, mentor);
    QFETCH(QString, code);
    const Status s = m_directory->setPeerMentorActive(m_world.who(caller), mentor, false);
    QCOMPARE(codeOf(s), code);
    QCOMPARE(m_directory->peerMentor(Caller::system(), mentor)->active(), !s.ok());
}

// ---- coordinators ----------------------------------------------------------------------------------

void TestDirectoryLifecycle::updateCoordinator_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("org admin") << "adminA" << World::kCoordA1 << "kari@a.example"
                               << "ok"
                               << "";
    QTest::newRow("global admin") << "global" << World::kCoordB1 << "berit@b.example"
                                  << "ok"
                                  << "";
    QTest::newRow("the coordinator herself") << "coordA" << World::kCoordA1 << "k@a.example"
                                             << "forbidden"
                                             << "";
    QTest::newRow("another org") << "adminA" << World::kCoordB1 << "x@b.example"
                                 << "not-found"
                                 << "";
    QTest::newRow("bad email") << "adminA" << World::kCoordA1 << "kari at a"
                               << "invalid"
                               << "email";
}

void TestDirectoryLifecycle::updateCoordinator()
{
    QFETCH(QString, caller);
    QFETCH(QString, id);
    QFETCH(QString, email);
    QFETCH(QString, code);
    QFETCH(QString, field);
    Coordinator c = *m_directory->coordinator(Caller::system(), id);
    const Coordinator before = c;
    c.name = QStringLiteral(" Kari K. ");
    c.email = email;
    auto updated = m_directory->updateCoordinator(m_world.who(caller), c);
    QCOMPARE(codeOf(updated), code);
    const Coordinator after = *m_directory->coordinator(Caller::system(), id);
    if (updated) {
        QCOMPARE(after.name, QStringLiteral("Kari K."));
        QCOMPARE(after.email, email);
        QCOMPARE(rows(QStringLiteral("audit_log"), QStringLiteral("action = 'coordinator.update'")), 1);
        return;
    }
    QCOMPARE(firstField(updated.error()), field);
    QCOMPARE(after.name, before.name);
    QCOMPARE(after.email, before.email);
}

void TestDirectoryLifecycle::coordinatorWithActiveMentorsCannotLeave()
{
    auto refused = m_directory->setCoordinatorActive(m_world.orgAdminA, World::kCoordA1, false);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QVERIFY2(refused.error().message.contains(QLatin1String("1 active peer mentor")),
             qPrintable(refused.error().message));
    QVERIFY(m_directory->coordinator(Caller::system(), World::kCoordA1)->active());

    // Moved away (or left herself), the coordinator can leave.
    QVERIFY(m_directory->moveMentors(m_world.orgAdminA, {World::kMentorA1}, World::kCoordA2));
    auto left = m_directory->setCoordinatorActive(m_world.orgAdminA, World::kCoordA1, false);
    QVERIFY2(left, why(left).constData());
    QVERIFY(!m_directory->coordinator(Caller::system(), World::kCoordA1)->active());
    auto active = m_directory->coordinators(m_world.orgAdminA, {}, Activity::Active);
    QCOMPARE(active->size(), 1);
    QCOMPARE(active->first().id, World::kCoordA2);
    // Names for history and statistics still include her.
    QCOMPARE(m_directory->coordinators(m_world.orgAdminA)->size(), 2);
    QCOMPARE(rows(QStringLiteral("audit_log"), QStringLiteral("action = 'coordinator.deactivate'")), 1);
    QVERIFY(m_directory->setCoordinatorActive(m_world.orgAdminA, World::kCoordA1, true));
    QVERIFY(m_directory->coordinator(Caller::system(), World::kCoordA1)->active());
    QCOMPARE(codeOf(m_directory->setCoordinatorActive(m_world.coordinatorA, World::kCoordA1, false)),
             QStringLiteral("forbidden"));
}

void TestDirectoryLifecycle::inactiveCoordinatorIsNoTarget()
{
    QVERIFY(m_directory->moveMentors(m_world.orgAdminA, {World::kMentorA2}, World::kCoordA1));
    QVERIFY(m_directory->setCoordinatorActive(m_world.orgAdminA, World::kCoordA2, false));
    auto moved = m_directory->moveMentors(m_world.orgAdminA, {World::kMentorA1}, World::kCoordA2);
    QCOMPARE(codeOf(moved), QStringLiteral("unprocessable"));
    QCOMPARE(firstField(moved.error()), QStringLiteral("coordinator_id"));
    PeerMentor m = *m_directory->peerMentor(Caller::system(), World::kMentorA1);
    m.coordinatorId = World::kCoordA2;
    QCOMPARE(codeOf(m_directory->updatePeerMentor(m_world.orgAdminA, m)), QStringLiteral("unprocessable"));
}

// ---- re-importing a corrected list --------------------------------------------------------------

void TestDirectoryLifecycle::reimportUpdatesById()
{
    // pm_a1 gets a phone, pm_a2 is as stored, pm_new is new: 1 new, 1 changed, 1 unchanged.
    const PeerMentor per = *m_directory->peerMentor(Caller::system(), World::kMentorA2);
    const QByteArray csv = QStringLiteral("id;org_id;coordinator_id;name;email;phone\n"
                                          "pm_a1;org_a;coord_a1;Åse Ødegård;ase@a.example;+47 912 34 567\n"
                                          "%1;org_a;%2;%3;%4;%5\n"
                                          "pm_new;org_a;coord_a2;Nils Nilsen;;\n")
                               .arg(per.id, per.coordinatorId, per.name, per.email, per.phone)
                               .toUtf8();
    auto input = peerMentorsFromCsv(csv);
    QVERIFY2(input, why(input).constData());
    QSignalSpy spy(m_directory.get(), &DirectoryService::directoryChanged);
    auto done = m_directory->importPeerMentors(m_world.orgAdminA, *input);
    QVERIFY2(done, why(done).constData());
    QCOMPARE(done->added.size(), 1);
    QCOMPARE(done->changed.size(), 1);
    QCOMPARE(done->unchanged, 1);
    QCOMPARE(spy.count(), 1);
    const PeerMentor ase = *m_directory->peerMentor(Caller::system(), World::kMentorA1);
    QCOMPARE(ase.phone, QStringLiteral("+47 912 34 567"));
    QCOMPARE(ase.createdAt, testNow());
    QCOMPARE(m_directory->peerMentor(Caller::system(), QStringLiteral("pm_new"))->name,
             QStringLiteral("Nils Nilsen"));
    QCOMPARE(rows(QStringLiteral("audit_log"), QStringLiteral("action = 'peer_mentor.update'")), 1);
    QCOMPARE(rows(QStringLiteral("audit_log"), QStringLiteral("action = 'peer_mentor.import'")), 1);

    // The same file again changes nothing.
    auto again = m_directory->importPeerMentors(m_world.orgAdminA, *input);
    QVERIFY2(again, why(again).constData());
    QCOMPARE(again->added.size() + again->changed.size(), 0);
    QCOMPARE(again->unchanged, 3);
    QCOMPARE(spy.count(), 1);
}

void TestDirectoryLifecycle::previewWritesNothing()
{
    auto input = peerMentorsFromCsv("id,org_id,coordinator_id,name\n"
                                    "pm_a1,org_a,coord_a2,Åse Ødegård\n"
                                    "pm_x,org_a,coord_a1,Ny Person\n"
                                    "pm_y,org_a,coord_zz,Feil Koordinator\n");
    QVERIFY2(input, why(input).constData());
    const int audit = rows(QStringLiteral("audit_log"));
    auto plan = m_directory->planImport(m_world.orgAdminA, *input);
    QVERIFY2(plan, why(plan).constData());
    QCOMPARE(plan->added.size(), 1);
    QCOMPARE(plan->changed.size(), 1);
    QCOMPARE(plan->changed.first().coordinatorId, World::kCoordA2);
    QCOMPARE(plan->problems.size(), 1);
    QCOMPARE(plan->problems.first().line, 4);
    QCOMPARE(plan->problems.first().field, QStringLiteral("coordinator_id"));
    QCOMPARE(rows(QStringLiteral("audit_log")), audit);
    QCOMPARE(m_directory->peerMentor(Caller::system(), World::kMentorA1)->coordinatorId, World::kCoordA1);
    QCOMPARE(codeOf(m_directory->peerMentor(Caller::system(), QStringLiteral("pm_x"))),
             QStringLiteral("not-found"));
    // Imported, the problem stops everything.
    QCOMPARE(codeOf(m_directory->importPeerMentors(m_world.orgAdminA, *input)), QStringLiteral("invalid"));
    QCOMPARE(m_directory->peerMentor(Caller::system(), World::kMentorA1)->coordinatorId, World::kCoordA1);
}

void TestDirectoryLifecycle::missingColumnKeepsStoredValue()
{
    // Åse has an email; a list without the email column must not erase it.
    const QString email = m_directory->peerMentor(Caller::system(), World::kMentorA1)->email;
    QVERIFY(!email.isEmpty());
    auto input = peerMentorsFromCsv("id,org_id,name,phone\npm_a1,org_a,Åse Ødegård,+47 22 00 00 00\n");
    QVERIFY2(input, why(input).constData());
    auto done = m_directory->importPeerMentors(m_world.orgAdminA, *input);
    QVERIFY2(done, why(done).constData());
    QCOMPARE(done->changed.size(), 1);
    const PeerMentor ase = *m_directory->peerMentor(Caller::system(), World::kMentorA1);
    QCOMPARE(ase.email, email);
    QCOMPARE(ase.coordinatorId, World::kCoordA1);
    QCOMPARE(ase.phone, QStringLiteral("+47 22 00 00 00"));
}

CC_DATABASE_TEST_MAIN(TestDirectoryLifecycle)
#include "tst_directorylifecycle.moc"
