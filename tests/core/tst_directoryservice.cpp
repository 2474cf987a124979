#include "core/AuthService.h"
#include "core/DirectoryService.h"
#include "core/Passwords.h"
#include "core/UserRepository.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace cc;
using namespace cc::test;

namespace {

QString firstField(const Error &error)
{
    return error.fields.isEmpty() ? QString() : error.fields.first().field;
}

Organisation org(const QString &id, const QString &name, const QString &locale = QStringLiteral("nb"),
                 const QString &timeZone = QStringLiteral("Europe/Oslo"))
{
    return Organisation{id, name, locale, timeZone, {}};
}

PeerMentor mentor(const QString &id, const QString &orgId, const QString &coordinatorId, const QString &name,
                  const QString &email = {}, const QString &phone = {})
{
    return PeerMentor{id, orgId, coordinatorId, name, email, phone, {}};
}

const QString kPassword = World::kPassword;

// The world as the directory tests name it, with Kari (A) and Øyvind (A) both Anne's mentors.
World cast()
{
    World w;
    w.orgA.name = QStringLiteral("Oslo");
    w.orgB.name = QStringLiteral("Bergen");
    w.coordA1.name = QStringLiteral("Anne Berg");
    w.coordA2.name = QStringLiteral("Arne Dahl");
    w.coordB1.name = QStringLiteral("Bjørn Lie");
    w.mentorA1 = mentor(World::kMentorA1, World::kOrgA, World::kCoordA1, QStringLiteral("Kari Nordmann"),
                        QStringLiteral("kari.nordmann@example.no"));
    w.mentorA2 = mentor(World::kMentorA2, World::kOrgA, World::kCoordA1, QStringLiteral("Øyvind Ødegård"),
                        QStringLiteral("oyvind@example.no"));
    w.mentorB1 = mentor(World::kMentorB1, World::kOrgB, World::kCoordB1, QStringLiteral("Kari Berg"),
                        QStringLiteral("kari.berg@example.no"));
    return w;
}

} // namespace

class TestDirectoryService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void addOrganisation_data();
    void addOrganisation();
    void addOrganisationStoresIt();
    void addOrganisationDuplicate();
    void organisationsAreScoped();

    void addCoordinator_data();
    void addCoordinator();
    void coordinatorsAreScoped();

    void addPeerMentor_data();
    void addPeerMentor();
    void peerMentorIsScoped();
    void peerMentorsAreScoped();
    void searchPeerMentors_data();
    void searchPeerMentors();

    void importPeerMentors();
    void importIsAllOrNothing_data();
    void importIsAllOrNothing();

    void addUser_data();
    void addUser();
    void addUserTakenUsername();
    void addUserSignsIn();
    void usersAreScoped();
    void setPassword_data();
    void setPassword();
    void setPasswordRevokesTokens();
    void setRole_data();
    void setRole();
    void setDisabled_data();
    void setDisabled();
    void disablingRevokesTokens();

private:
    int rows(const QString &table, const QString &where = {});

    std::unique_ptr<test::TestDatabase> m_db;
    ManualClock m_clock{test::testNow()};
    std::unique_ptr<DirectoryService> m_directory;

    World m_world = cast();
};

int TestDirectoryService::rows(const QString &table, const QString &where)
{
    return int(countRows(m_db->db(), table, where));
}

void TestDirectoryService::initTestCase()
{
    m_db = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_directory = std::make_unique<DirectoryService>(m_db->db(), m_clock);
}

void TestDirectoryService::cleanupTestCase()
{
    m_directory.reset();
    m_db.reset();
}

// The world, three more mentors of A and one more of B, and the users behind the callers.
void TestDirectoryService::init()
{
    m_db->reset();
    m_clock.set(test::testNow());
    auto created = m_world.create(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    const QList<PeerMentor> mentors{
        mentor(QStringLiteral("pm_a3"), World::kOrgA, World::kCoordA2, QStringLiteral("Åse Løvås")),
        mentor(QStringLiteral("pm_a4"), World::kOrgA, World::kCoordA2, QStringLiteral("Liv Sæther"),
               QStringLiteral("liv@saether.no")),
        mentor(QStringLiteral("pm_a5"), World::kOrgA, World::kCoordA1, QStringLiteral("Ola 100% Hansen")),
        mentor(QStringLiteral("pm_b2"), World::kOrgB, World::kCoordB1, QStringLiteral("Åsmund Ås")),
    };
    for (const PeerMentor &m : mentors) {
        auto added = m_directory->addPeerMentor(Caller::system(), m);
        QVERIFY2(added, why(added).constData());
    }
    created = m_world.createUsers(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
}

// ---- organisations ---------------------------------------------------------------------------

void TestDirectoryService::addOrganisation_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("timeZone");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QString g = QStringLiteral("global");
    const QString oslo = QStringLiteral("Europe/Oslo");
    QTest::newRow("nb, Oslo") << g << QStringLiteral("org_nhf") << QStringLiteral("NHF")
                              << QStringLiteral("nb") << oslo << QStringLiteral("ok") << QString();
    QTest::newRow("en, New York") << g << QStringLiteral("org.us-1") << QStringLiteral("US branch")
                                  << QStringLiteral("en") << QStringLiteral("America/New_York")
                                  << QStringLiteral("ok") << QString();
    QTest::newRow("coordinator") << QStringLiteral("coordA") << QStringLiteral("org_x") << QStringLiteral("X")
                                 << QStringLiteral("nb") << oslo << QStringLiteral("forbidden") << QString();
    QTest::newRow("org admin") << QStringLiteral("adminA") << QStringLiteral("org_x") << QStringLiteral("X")
                               << QStringLiteral("nb") << oslo << QStringLiteral("forbidden") << QString();
    QTest::newRow("empty id") << g << QString() << QStringLiteral("X") << QStringLiteral("nb") << oslo
                              << QStringLiteral("invalid") << QStringLiteral("id");
    QTest::newRow("space in id") << g << QStringLiteral("org x") << QStringLiteral("X")
                                 << QStringLiteral("nb") << oslo << QStringLiteral("invalid")
                                 << QStringLiteral("id");
    QTest::newRow("slash in id") << g << QStringLiteral("org/x") << QStringLiteral("X")
                                 << QStringLiteral("nb") << oslo << QStringLiteral("invalid")
                                 << QStringLiteral("id");
    QTest::newRow("65 characters") << g << QString(65, QLatin1Char('o')) << QStringLiteral("X")
                                   << QStringLiteral("nb") << oslo << QStringLiteral("invalid")
                                   << QStringLiteral("id");
    QTest::newRow("non-ASCII id") << g << QStringLiteral("org_bø") << QStringLiteral("X")
                                  << QStringLiteral("nb") << oslo << QStringLiteral("invalid")
                                  << QStringLiteral("id");
    QTest::newRow("blank name") << g << QStringLiteral("org_x") << QStringLiteral("   ")
                                << QStringLiteral("nb") << oslo << QStringLiteral("invalid")
                                << QStringLiteral("name");
    QTest::newRow("name too long") << g << QStringLiteral("org_x") << QString(201, QLatin1Char('n'))
                                   << QStringLiteral("nb") << oslo << QStringLiteral("invalid")
                                   << QStringLiteral("name");
    QTest::newRow("locale de") << g << QStringLiteral("org_x") << QStringLiteral("X") << QStringLiteral("de")
                               << oslo << QStringLiteral("invalid") << QStringLiteral("locale");
    QTest::newRow("locale empty") << g << QStringLiteral("org_x") << QStringLiteral("X") << QString() << oslo
                                  << QStringLiteral("invalid") << QStringLiteral("locale");
    QTest::newRow("locale nb-NO") << g << QStringLiteral("org_x") << QStringLiteral("X")
                                  << QStringLiteral("nb-NO") << oslo << QStringLiteral("invalid")
                                  << QStringLiteral("locale");
    QTest::newRow("unknown time zone")
        << g << QStringLiteral("org_x") << QStringLiteral("X") << QStringLiteral("nb")
        << QStringLiteral("Mars/Olympus_Mons") << QStringLiteral("invalid") << QStringLiteral("time_zone");
    QTest::newRow("empty time zone") << g << QStringLiteral("org_x") << QStringLiteral("X")
                                     << QStringLiteral("nb") << QString() << QStringLiteral("invalid")
                                     << QStringLiteral("time_zone");
}

void TestDirectoryService::addOrganisation()
{
    QFETCH(QString, caller);
    QFETCH(QString, id);
    QFETCH(QString, name);
    QFETCH(QString, locale);
    QFETCH(QString, timeZone);
    QFETCH(QString, code);
    QFETCH(QString, field);

    QSignalSpy changed(m_directory.get(), &DirectoryService::directoryChanged);
    auto added = m_directory->addOrganisation(m_world.who(caller), org(id, name, locale, timeZone));
    QCOMPARE(codeOf(added), code);
    if (added) {
        QCOMPARE(added->id, id);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(rows(QStringLiteral("organisations")), 3);
        return;
    }
    QCOMPARE(firstField(added.error()), field);
    if (!field.isEmpty())
        QVERIFY2(added.error().message.contains(field), qPrintable(added.error().message));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(rows(QStringLiteral("organisations")), 2);
}

void TestDirectoryService::addOrganisationStoresIt()
{
    m_clock.advance(5000);
    auto added = m_directory->addOrganisation(m_world.globalAdmin,
                                              org(QStringLiteral("org_c"), QStringLiteral("  Trondheim  "),
                                                  QStringLiteral("en"), QStringLiteral("Europe/Berlin")));
    QVERIFY2(added, why(added).constData());
    QCOMPARE(added->name, QStringLiteral("Trondheim"));
    QCOMPARE(added->createdAt, m_clock.now());
    auto read = m_directory->organisation(m_world.globalAdmin, QStringLiteral("org_c"));
    QVERIFY2(read, why(read).constData());
    QCOMPARE(read->name, QStringLiteral("Trondheim"));
    QCOMPARE(read->locale, QStringLiteral("en"));
    QCOMPARE(read->timeZone, QStringLiteral("Europe/Berlin"));
    QCOMPARE(read->createdAt, m_clock.now());
    QCOMPARE(rows(QStringLiteral("audit_log"),
                  QStringLiteral("action = 'organisation.create' AND entity_id = 'org_c'")),
             1);
}

void TestDirectoryService::addOrganisationDuplicate()
{
    QSignalSpy changed(m_directory.get(), &DirectoryService::directoryChanged);
    auto again = m_directory->addOrganisation(m_world.globalAdmin,
                                              org(QStringLiteral("org_a"), QStringLiteral("Another Oslo")));
    QCOMPARE(codeOf(again), QStringLiteral("conflict"));
    QVERIFY(again.error().message.contains(QLatin1String("org_a")));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_directory->organisation(m_world.globalAdmin, QStringLiteral("org_a"))->name,
             QStringLiteral("Oslo"));
}

void TestDirectoryService::organisationsAreScoped()
{
    auto all = m_directory->organisations(m_world.globalAdmin);
    QVERIFY2(all, why(all).constData());
    QCOMPARE(all->size(), 2);
    for (const Caller &caller : {m_world.coordinatorA, m_world.orgAdminA}) {
        auto mine = m_directory->organisations(caller);
        QVERIFY2(mine, why(mine).constData());
        QCOMPARE(mine->size(), 1);
        QCOMPARE(mine->first().id, QStringLiteral("org_a"));
        QVERIFY(m_directory->organisation(caller, QStringLiteral("org_a")).ok());
        auto other = m_directory->organisation(caller, QStringLiteral("org_b"));
        QCOMPARE(codeOf(other), QStringLiteral("not-found"));
        QCOMPARE(other.error().code,
                 m_directory->organisation(caller, QStringLiteral("org_zz")).error().code);
    }
}

// ---- coordinators -------------------------------------------------------------------------------

void TestDirectoryService::addCoordinator_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("orgId");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QString a = QStringLiteral("org_a");
    QTest::newRow("org admin, own organisation")
        << QStringLiteral("adminA") << QStringLiteral("coord_new") << a << QStringLiteral("Nora Lie")
        << QStringLiteral("nora@example.no") << QStringLiteral("ok") << QString();
    QTest::newRow("global admin") << QStringLiteral("global") << QStringLiteral("coord_new")
                                  << QStringLiteral("org_b") << QStringLiteral("Nora Lie") << QString()
                                  << QStringLiteral("ok") << QString();
    QTest::newRow("org admin, other organisation")
        << QStringLiteral("adminB") << QStringLiteral("coord_new") << a << QStringLiteral("Nora Lie")
        << QString() << QStringLiteral("not-found") << QStringLiteral("org");
    QTest::newRow("coordinator") << QStringLiteral("coordA") << QStringLiteral("coord_new") << a
                                 << QStringLiteral("Nora Lie") << QString() << QStringLiteral("forbidden")
                                 << QString();
    QTest::newRow("unknown organisation")
        << QStringLiteral("global") << QStringLiteral("coord_new") << QStringLiteral("org_zz")
        << QStringLiteral("Nora Lie") << QString() << QStringLiteral("not-found") << QStringLiteral("org");
    QTest::newRow("existing id") << QStringLiteral("adminA") << QStringLiteral("coord_a1") << a
                                 << QStringLiteral("Nora Lie") << QString() << QStringLiteral("conflict")
                                 << QString();
    QTest::newRow("existing id of other organisation")
        << QStringLiteral("adminA") << QStringLiteral("coord_b1") << a << QStringLiteral("Nora Lie")
        << QString() << QStringLiteral("conflict") << QString();
    QTest::newRow("bad id") << QStringLiteral("adminA") << QStringLiteral("coord new") << a
                            << QStringLiteral("Nora Lie") << QString() << QStringLiteral("invalid")
                            << QStringLiteral("id");
    QTest::newRow("empty name") << QStringLiteral("adminA") << QStringLiteral("coord_new") << a << QString()
                                << QString() << QStringLiteral("invalid") << QStringLiteral("name");
    QTest::newRow("email without @") << QStringLiteral("adminA") << QStringLiteral("coord_new") << a
                                     << QStringLiteral("Nora Lie") << QStringLiteral("nora.example.no")
                                     << QStringLiteral("invalid") << QStringLiteral("email");
    QTest::newRow("email without domain dot")
        << QStringLiteral("adminA") << QStringLiteral("coord_new") << a << QStringLiteral("Nora Lie")
        << QStringLiteral("nora@example") << QStringLiteral("invalid") << QStringLiteral("email");
    QTest::newRow("email with space")
        << QStringLiteral("adminA") << QStringLiteral("coord_new") << a << QStringLiteral("Nora Lie")
        << QStringLiteral("nora lie@example.no") << QStringLiteral("invalid") << QStringLiteral("email");
}

void TestDirectoryService::addCoordinator()
{
    QFETCH(QString, caller);
    QFETCH(QString, id);
    QFETCH(QString, orgId);
    QFETCH(QString, name);
    QFETCH(QString, email);
    QFETCH(QString, code);
    QFETCH(QString, field);

    QSignalSpy changed(m_directory.get(), &DirectoryService::directoryChanged);
    auto added = m_directory->addCoordinator(m_world.who(caller), Coordinator{id, orgId, name, email, {}});
    QCOMPARE(codeOf(added), code);
    if (added) {
        QCOMPARE(changed.count(), 1);
        auto read = m_directory->coordinator(m_world.globalAdmin, id);
        QVERIFY2(read, why(read).constData());
        QCOMPARE(read->orgId, orgId);
        QCOMPARE(read->name, name);
        QCOMPARE(read->email, email);
        QCOMPARE(read->createdAt, test::testNow());
        return;
    }
    QCOMPARE(firstField(added.error()), field);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(rows(QStringLiteral("coordinators")), 3);
}

void TestDirectoryService::coordinatorsAreScoped()
{
    auto a = m_directory->coordinators(m_world.coordinatorA);
    QVERIFY2(a, why(a).constData());
    QCOMPARE(a->size(), 2);
    for (const Coordinator &c : std::as_const(*a))
        QCOMPARE(c.orgId, QStringLiteral("org_a"));
    // An org admin cannot widen the scope by naming another organisation.
    auto sneaky = m_directory->coordinators(m_world.orgAdminA, QStringLiteral("org_b"));
    QVERIFY2(sneaky, why(sneaky).constData());
    QCOMPARE(sneaky->size(), 2);
    QCOMPARE(sneaky->first().orgId, QStringLiteral("org_a"));
    auto all = m_directory->coordinators(m_world.globalAdmin);
    QVERIFY2(all, why(all).constData());
    QCOMPARE(all->size(), 3);
    auto onlyB = m_directory->coordinators(m_world.globalAdmin, QStringLiteral("org_b"));
    QVERIFY2(onlyB, why(onlyB).constData());
    QCOMPARE(onlyB->size(), 1);

    QVERIFY(m_directory->coordinator(m_world.coordinatorA, QStringLiteral("coord_a2")).ok());
    QCOMPARE(codeOf(m_directory->coordinator(m_world.coordinatorA, QStringLiteral("coord_b1"))),
             QStringLiteral("not-found"));
    QCOMPARE(codeOf(m_directory->coordinator(m_world.orgAdminB, QStringLiteral("coord_a1"))),
             QStringLiteral("not-found"));
}

// ---- peer mentors ----------------------------------------------------------------------------------

void TestDirectoryService::addPeerMentor_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("orgId");
    QTest::addColumn<QString>("coordinatorId");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QString a = QStringLiteral("org_a");
    const QString c = QStringLiteral("coord_a2");
    QTest::newRow("org admin, own organisation")
        << QStringLiteral("adminA") << a << c << QStringLiteral("new@example.no")
        << QStringLiteral("+47 900 12 345") << QStringLiteral("ok") << QString();
    QTest::newRow("global admin") << QStringLiteral("global") << QStringLiteral("org_b")
                                  << QStringLiteral("coord_b1") << QString() << QString()
                                  << QStringLiteral("ok") << QString();
    QTest::newRow("phone with brackets and dashes")
        << QStringLiteral("adminA") << a << c << QString() << QStringLiteral("(22) 12-34-56")
        << QStringLiteral("ok") << QString();
    QTest::newRow("no coordinator") << QStringLiteral("adminA") << a << QString() << QString() << QString()
                                    << QStringLiteral("ok") << QString();
    QTest::newRow("org admin, other organisation")
        << QStringLiteral("adminB") << a << c << QString() << QString() << QStringLiteral("not-found")
        << QStringLiteral("org");
    QTest::newRow("coordinator") << QStringLiteral("coordA") << a << c << QString() << QString()
                                 << QStringLiteral("forbidden") << QString();
    QTest::newRow("coordinator of another organisation")
        << QStringLiteral("adminA") << a << QStringLiteral("coord_b1") << QString() << QString()
        << QStringLiteral("unprocessable") << QStringLiteral("coordinator_id");
    QTest::newRow("global admin, coordinator of another organisation")
        << QStringLiteral("global") << QStringLiteral("org_b") << QStringLiteral("coord_a1") << QString()
        << QString() << QStringLiteral("unprocessable") << QStringLiteral("coordinator_id");
    QTest::newRow("unknown coordinator")
        << QStringLiteral("adminA") << a << QStringLiteral("coord_zz") << QString() << QString()
        << QStringLiteral("unprocessable") << QStringLiteral("coordinator_id");
    QTest::newRow("bad email") << QStringLiteral("adminA") << a << c << QStringLiteral("new@") << QString()
                               << QStringLiteral("invalid") << QStringLiteral("email");
    QTest::newRow("two @") << QStringLiteral("adminA") << a << c << QStringLiteral("a@b@example.no")
                           << QString() << QStringLiteral("invalid") << QStringLiteral("email");
    QTest::newRow("letters in phone")
        << QStringLiteral("adminA") << a << c << QString() << QStringLiteral("call me")
        << QStringLiteral("invalid") << QStringLiteral("phone");
    QTest::newRow("phone too short") << QStringLiteral("adminA") << a << c << QString()
                                     << QStringLiteral("12") << QStringLiteral("invalid")
                                     << QStringLiteral("phone");
    QTest::newRow("phone too long") << QStringLiteral("adminA") << a << c << QString()
                                    << QString(40, QLatin1Char('1')) << QStringLiteral("invalid")
                                    << QStringLiteral("phone");
}

void TestDirectoryService::addPeerMentor()
{
    QFETCH(QString, caller);
    QFETCH(QString, orgId);
    QFETCH(QString, coordinatorId);
    QFETCH(QString, email);
    QFETCH(QString, phone);
    QFETCH(QString, code);
    QFETCH(QString, field);

    QSignalSpy changed(m_directory.get(), &DirectoryService::directoryChanged);
    auto added = m_directory->addPeerMentor(m_world.who(caller),
                                            mentor(QStringLiteral("pm_new"), orgId, coordinatorId,
                                                   QStringLiteral(" Nils Nilsen "), email, phone));
    QCOMPARE(codeOf(added), code);
    if (added) {
        QCOMPARE(changed.count(), 1);
        auto read = m_directory->peerMentor(m_world.globalAdmin, QStringLiteral("pm_new"));
        QVERIFY2(read, why(read).constData());
        QCOMPARE(read->name, QStringLiteral("Nils Nilsen"));
        QCOMPARE(read->orgId, orgId);
        QCOMPARE(read->coordinatorId, coordinatorId);
        QCOMPARE(read->email, email);
        QCOMPARE(read->phone, phone);
        QCOMPARE(read->createdAt, test::testNow());
        return;
    }
    QCOMPARE(firstField(added.error()), field);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(codeOf(m_directory->peerMentor(m_world.globalAdmin, QStringLiteral("pm_new"))),
             QStringLiteral("not-found"));
}

void TestDirectoryService::peerMentorIsScoped()
{
    QVERIFY(m_directory->peerMentor(m_world.coordinatorA, QStringLiteral("pm_a1")).ok());
    QVERIFY(m_directory->peerMentor(m_world.globalAdmin, QStringLiteral("pm_b1")).ok());
    auto other = m_directory->peerMentor(m_world.coordinatorA, QStringLiteral("pm_b1"));
    QCOMPARE(codeOf(other), QStringLiteral("not-found"));
    QCOMPARE(other.error().message,
             m_directory->peerMentor(m_world.coordinatorA, QStringLiteral("pm_zz")).error().message);
    QCOMPARE(codeOf(m_directory->peerMentor(m_world.orgAdminB, QStringLiteral("pm_a1"))),
             QStringLiteral("not-found"));

    // An existing id of another organisation is a conflict, not a way to learn about it.
    auto clash = m_directory->addPeerMentor(m_world.orgAdminA,
                                            mentor(QStringLiteral("pm_b1"), QStringLiteral("org_a"),
                                                   QStringLiteral("coord_a1"), QStringLiteral("Clash")));
    QCOMPARE(codeOf(clash), QStringLiteral("conflict"));
    QVERIFY(!clash.error().message.contains(QLatin1String("Kari")));
}

void TestDirectoryService::peerMentorsAreScoped()
{
    auto a = m_directory->peerMentors(m_world.coordinatorA);
    QVERIFY2(a, why(a).constData());
    QCOMPARE(a->size(), 5);
    for (const PeerMentor &m : std::as_const(*a))
        QCOMPARE(m.orgId, QStringLiteral("org_a"));
    auto b = m_directory->peerMentors(m_world.orgAdminB);
    QVERIFY2(b, why(b).constData());
    QCOMPARE(b->size(), 2);
    auto all = m_directory->peerMentors(m_world.globalAdmin);
    QVERIFY2(all, why(all).constData());
    QCOMPARE(all->size(), 7);
    // Someone who is not a global admin and has no organisation sees no one, not everyone.
    Caller lost = m_world.coordinatorA;
    lost.orgId.clear();
    auto none = m_directory->peerMentors(lost);
    QVERIFY2(none, why(none).constData());
    QVERIFY(none->isEmpty());
    auto noCoordinators = m_directory->coordinators(lost);
    QVERIFY2(noCoordinators, why(noCoordinators).constData());
    QVERIFY(noCoordinators->isEmpty());
}

void TestDirectoryService::searchPeerMentors_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("ids");

    const QString a = QStringLiteral("coordA");
    QTest::newRow("empty: everyone") << a << QString()
                                     << QStringList{QStringLiteral("pm_a1"), QStringLiteral("pm_a2"),
                                                    QStringLiteral("pm_a3"), QStringLiteral("pm_a4"),
                                                    QStringLiteral("pm_a5")};
    QTest::newRow("first name") << a << QStringLiteral("kari") << QStringList{QStringLiteral("pm_a1")};
    QTest::newRow("upper case") << a << QStringLiteral("NORDMANN") << QStringList{QStringLiteral("pm_a1")};
    QTest::newRow("trimmed") << a << QStringLiteral("  kari  ") << QStringList{QStringLiteral("pm_a1")};
    QTest::newRow("ø finds Ø") << a << QStringLiteral("øyvind") << QStringList{QStringLiteral("pm_a2")};
    QTest::newRow("ØDEGÅRD finds Ødegård")
        << a << QStringLiteral("ØDEGÅRD") << QStringList{QStringLiteral("pm_a2")};
    QTest::newRow("å finds Å") << a << QStringLiteral("åse") << QStringList{QStringLiteral("pm_a3")};
    QTest::newRow("Å finds å and Å") << a << QStringLiteral("Å")
                                     << QStringList{QStringLiteral("pm_a2"), QStringLiteral("pm_a3")};
    QTest::newRow("æ") << a << QStringLiteral("SÆTHER") << QStringList{QStringLiteral("pm_a4")};
    QTest::newRow("email") << a << QStringLiteral("@example.no")
                           << QStringList{QStringLiteral("pm_a1"), QStringLiteral("pm_a2")};
    QTest::newRow("email, upper case")
        << a << QStringLiteral("SAETHER.NO") << QStringList{QStringLiteral("pm_a4")};
    QTest::newRow("exact id") << a << QStringLiteral("pm_a3") << QStringList{QStringLiteral("pm_a3")};
    QTest::newRow("id of another organisation") << a << QStringLiteral("pm_b1") << QStringList{};
    QTest::newRow("name of another organisation") << a << QStringLiteral("Åsmund") << QStringList{};
    QTest::newRow("percent is no wildcard")
        << a << QStringLiteral("%") << QStringList{QStringLiteral("pm_a5")};
    QTest::newRow("underscore is no wildcard") << a << QStringLiteral("_") << QStringList{};
    QTest::newRow("no match") << a << QStringLiteral("zzz") << QStringList{};
    QTest::newRow("global admin, both organisations")
        << QStringLiteral("global") << QStringLiteral("kari")
        << QStringList{QStringLiteral("pm_a1"), QStringLiteral("pm_b1")};
    QTest::newRow("org B") << QStringLiteral("adminB") << QStringLiteral("kari")
                           << QStringList{QStringLiteral("pm_b1")};
    QTest::newRow("org B, Å") << QStringLiteral("coordB") << QStringLiteral("ås")
                              << QStringList{QStringLiteral("pm_b2")};
}

void TestDirectoryService::searchPeerMentors()
{
    QFETCH(QString, caller);
    QFETCH(QString, search);
    QFETCH(QStringList, ids);

    auto found = m_directory->peerMentors(m_world.who(caller), MentorQuery{search});
    QVERIFY2(found, why(found).constData());
    QStringList got;
    for (const PeerMentor &m : std::as_const(*found))
        got << m.id;
    got.sort(); // the order of non-ASCII names depends on the database's collation
    QCOMPARE(got, ids);
}

void TestDirectoryService::importPeerMentors()
{
    QSignalSpy changed(m_directory.get(), &DirectoryService::directoryChanged);
    const QList<ImportedMentor> input{
        {2,
         mentor(QStringLiteral("pm_i1"), QStringLiteral("org_a"), QStringLiteral("coord_a1"),
                QStringLiteral(" Ida Moen "), QStringLiteral("ida@example.no"))},
        {3,
         mentor(QStringLiteral("pm_i2"), QStringLiteral("org_a"), QStringLiteral("coord_a2"),
                QStringLiteral("Vegard Aas"), QString(), QStringLiteral("+47 400 00 000"))},
        {4,
         mentor(QStringLiteral("pm_i3"), QStringLiteral("org_a"), QString(), QStringLiteral("Guro Fjeld"))},
    };
    auto imported = m_directory->importPeerMentors(m_world.orgAdminA, input);
    QVERIFY2(imported, why(imported).constData());
    QCOMPARE(imported->added.size(), 3);
    QCOMPARE(imported->changed.size(), 0);
    QCOMPARE(changed.count(), 1);
    auto ida = m_directory->peerMentor(m_world.coordinatorA, QStringLiteral("pm_i1"));
    QVERIFY2(ida, why(ida).constData());
    QCOMPARE(ida->name, QStringLiteral("Ida Moen"));
    QCOMPARE(ida->email, QStringLiteral("ida@example.no"));
    QCOMPARE(rows(QStringLiteral("peer_mentors"), QStringLiteral("org_id = 'org_a'")), 8);
    QCOMPARE(rows(QStringLiteral("audit_log"), QStringLiteral("action = 'peer_mentor.import'")), 3);

    auto empty = m_directory->importPeerMentors(m_world.orgAdminA, {});
    QVERIFY2(empty, why(empty).constData());
    QCOMPARE(empty->added.size() + empty->changed.size() + empty->unchanged, 0);
}

void TestDirectoryService::importIsAllOrNothing_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QStringList>("problems"); // "line:field" of each problem, in line order

    // Line 4 changes an existing mentor, which is no problem for her org admin.
    QTest::newRow("one of each") << QStringLiteral("adminA")
                                 << QStringList{QStringLiteral("3:id"), QStringLiteral("5:coordinator_id"),
                                                QStringLiteral("6:email"),
                                                QStringLiteral("7:coordinator_id")};
    QTest::newRow("another organisation's admin")
        << QStringLiteral("adminB")
        << QStringList{QStringLiteral("2:org"), QStringLiteral("3:org"),   QStringLiteral("4:id"),
                       QStringLiteral("5:org"), QStringLiteral("6:email"), QStringLiteral("7:org"),
                       QStringLiteral("8:org")};
}

void TestDirectoryService::importIsAllOrNothing()
{
    QFETCH(QString, caller);
    QFETCH(QStringList, problems);

    const QString a = QStringLiteral("org_a");
    const QList<ImportedMentor> input{
        {2, mentor(QStringLiteral("pm_x1"), a, QStringLiteral("coord_a1"), QStringLiteral("Good One"))},
        {3,
         mentor(QStringLiteral("pm_x1"), a, QStringLiteral("coord_a1"),
                QStringLiteral("Same Id"))}, // duplicate in file
        {4,
         mentor(QStringLiteral("pm_a1"), a, QStringLiteral("coord_a1"),
                QStringLiteral("Exists"))}, // exists already
        {5,
         mentor(QStringLiteral("pm_x2"), a, QStringLiteral("coord_b1"),
                QStringLiteral("Wrong Coord"))}, // other org's coordinator
        {6,
         mentor(QStringLiteral("pm_x3"), a, QStringLiteral("coord_a2"), QStringLiteral("Bad Mail"),
                QStringLiteral("nope"))},
        {7,
         mentor(QStringLiteral("pm_x4"), a, QStringLiteral("coord_zz"),
                QStringLiteral("No Coord"))}, // unknown coordinator
        {8, mentor(QStringLiteral("pm_x5"), a, QStringLiteral("coord_a2"), QStringLiteral("Good Two"))},
    };
    const int before = rows(QStringLiteral("peer_mentors"));
    QSignalSpy changed(m_directory.get(), &DirectoryService::directoryChanged);
    auto imported = m_directory->importPeerMentors(m_world.who(caller), input);
    QCOMPARE(codeOf(imported), QStringLiteral("invalid"));
    QStringList got;
    for (const FieldError &f : imported.error().fields) {
        got << QStringLiteral("%1:%2").arg(f.line).arg(f.field);
        QVERIFY2(f.message.startsWith(QStringLiteral("Line %1: ").arg(f.line)), qPrintable(f.message));
    }
    QCOMPARE(got, problems);
    QVERIFY2(imported.error().message.startsWith(
                 QStringLiteral("Nothing was imported: %1 problem").arg(problems.size())),
             qPrintable(imported.error().message));
    if (caller == QLatin1String("adminA")) {
        QVERIFY(imported.error().fields.at(0).message.contains(
            QLatin1String("line 2"))); // the duplicate names the first
    } else {
        QVERIFY2(imported.error().fields.at(2).message.contains(QLatin1String("another organisation")),
                 qPrintable(imported.error().fields.at(2).message));
    }

    // Nothing at all was added, not even the good lines.
    QCOMPARE(rows(QStringLiteral("peer_mentors")), before);
    QCOMPARE(codeOf(m_directory->peerMentor(m_world.globalAdmin, QStringLiteral("pm_x1"))),
             QStringLiteral("not-found"));
    QCOMPARE(codeOf(m_directory->peerMentor(m_world.globalAdmin, QStringLiteral("pm_x5"))),
             QStringLiteral("not-found"));
    QCOMPARE(rows(QStringLiteral("audit_log"), QStringLiteral("action = 'peer_mentor.import'")), 0);
    QCOMPARE(changed.count(), 0);
    // The existing mentor is untouched.
    QCOMPARE(m_directory->peerMentor(m_world.globalAdmin, QStringLiteral("pm_a1"))->name,
             QStringLiteral("Kari Nordmann"));
}

// ---- users -----------------------------------------------------------------------------------------

void TestDirectoryService::addUser_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("orgId");
    QTest::addColumn<QString>("coordinatorId");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QString a = QStringLiteral("org_a");
    const QString pw = kPassword;
    const QString coordinator = QStringLiteral("coordinator");
    const QString orgAdmin = QStringLiteral("org_admin");
    const QString globalAdmin = QStringLiteral("global_admin");
    const QString ok = QStringLiteral("ok");
    const QString invalid = QStringLiteral("invalid");

    QTest::newRow("global admin makes a coordinator")
        << QStringLiteral("global") << QStringLiteral("nora") << coordinator << a
        << QStringLiteral("coord_a2") << pw << ok << QString();
    QTest::newRow("org admin makes a coordinator")
        << QStringLiteral("adminA") << QStringLiteral("nora") << coordinator << a
        << QStringLiteral("coord_a2") << pw << ok << QString();
    QTest::newRow("org admin makes an org admin") << QStringLiteral("adminA") << QStringLiteral("nora")
                                                  << orgAdmin << a << QString() << pw << ok << QString();
    QTest::newRow("org admin with a coordinator link")
        << QStringLiteral("adminA") << QStringLiteral("nora") << orgAdmin << a << QStringLiteral("coord_a1")
        << pw << ok << QString();
    QTest::newRow("global admin makes a global admin")
        << QStringLiteral("global") << QStringLiteral("root2") << globalAdmin << QString() << QString() << pw
        << ok << QString();
    QTest::newRow("username with . _ -") << QStringLiteral("global") << QStringLiteral("n0ra.l_i-e")
                                         << orgAdmin << a << QString() << pw << ok << QString();
    QTest::newRow("password of exactly 10")
        << QStringLiteral("global") << QStringLiteral("nora") << orgAdmin << a << QString()
        << QStringLiteral("0123456789") << ok << QString();
    QTest::newRow("Norwegian password") << QStringLiteral("global") << QStringLiteral("nora") << orgAdmin << a
                                        << QString() << QStringLiteral("blåbærsyltetøy") << ok << QString();

    QTest::newRow("org admin makes a global admin")
        << QStringLiteral("adminA") << QStringLiteral("nora") << globalAdmin << QString() << QString() << pw
        << QStringLiteral("forbidden") << QString();
    QTest::newRow("org admin, other organisation")
        << QStringLiteral("adminB") << QStringLiteral("nora") << orgAdmin << a << QString() << pw
        << QStringLiteral("not-found") << QStringLiteral("org");
    QTest::newRow("coordinator makes a user")
        << QStringLiteral("coordA") << QStringLiteral("nora") << coordinator << a
        << QStringLiteral("coord_a2") << pw << QStringLiteral("forbidden") << QString();
    QTest::newRow("global admin in an organisation")
        << QStringLiteral("global") << QStringLiteral("nora") << globalAdmin << a << QString() << pw
        << invalid << QStringLiteral("org");
    QTest::newRow("org admin without organisation")
        << QStringLiteral("global") << QStringLiteral("nora") << orgAdmin << QString() << QString() << pw
        << invalid << QStringLiteral("org");
    QTest::newRow("coordinator without organisation")
        << QStringLiteral("global") << QStringLiteral("nora") << coordinator << QString()
        << QStringLiteral("coord_a1") << pw << invalid << QStringLiteral("org");
    QTest::newRow("coordinator without coordinator")
        << QStringLiteral("global") << QStringLiteral("nora") << coordinator << a << QString() << pw
        << invalid << QStringLiteral("coordinator");
    QTest::newRow("coordinator of another organisation")
        << QStringLiteral("adminA") << QStringLiteral("nora") << coordinator << a
        << QStringLiteral("coord_b1") << pw << QStringLiteral("unprocessable")
        << QStringLiteral("coordinator");
    QTest::newRow("unknown coordinator") << QStringLiteral("global") << QStringLiteral("nora") << coordinator
                                         << a << QStringLiteral("coord_zz") << pw
                                         << QStringLiteral("unprocessable") << QStringLiteral("coordinator");
    QTest::newRow("global admin with a coordinator")
        << QStringLiteral("global") << QStringLiteral("nora") << globalAdmin << QString()
        << QStringLiteral("coord_a1") << pw << QStringLiteral("unprocessable")
        << QStringLiteral("coordinator");
    QTest::newRow("unknown organisation")
        << QStringLiteral("global") << QStringLiteral("nora") << orgAdmin << QStringLiteral("org_zz")
        << QString() << pw << QStringLiteral("not-found") << QStringLiteral("org");

    QTest::newRow("upper-case username") << QStringLiteral("global") << QStringLiteral("Nora") << orgAdmin
                                         << a << QString() << pw << invalid << QStringLiteral("username");
    QTest::newRow("one-letter username") << QStringLiteral("global") << QStringLiteral("n") << orgAdmin << a
                                         << QString() << pw << invalid << QStringLiteral("username");
    QTest::newRow("username starting with a dot")
        << QStringLiteral("global") << QStringLiteral(".nora") << orgAdmin << a << QString() << pw << invalid
        << QStringLiteral("username");
    QTest::newRow("username with a space")
        << QStringLiteral("global") << QStringLiteral("nora lie") << orgAdmin << a << QString() << pw
        << invalid << QStringLiteral("username");
    QTest::newRow("username with @") << QStringLiteral("global") << QStringLiteral("nora@example.no")
                                     << orgAdmin << a << QString() << pw << invalid
                                     << QStringLiteral("username");
    QTest::newRow("65-character username")
        << QStringLiteral("global") << QString(65, QLatin1Char('n')) << orgAdmin << a << QString() << pw
        << invalid << QStringLiteral("username");
    QTest::newRow("non-ASCII username") << QStringLiteral("global") << QStringLiteral("bjørn") << orgAdmin
                                        << a << QString() << pw << invalid << QStringLiteral("username");
    QTest::newRow("password of 9") << QStringLiteral("global") << QStringLiteral("nora") << orgAdmin << a
                                   << QString() << QStringLiteral("012345678") << invalid
                                   << QStringLiteral("password");
    QTest::newRow("empty password") << QStringLiteral("global") << QStringLiteral("nora") << orgAdmin << a
                                    << QString() << QString() << invalid << QStringLiteral("password");
    QTest::newRow("password over 1024")
        << QStringLiteral("global") << QStringLiteral("nora") << orgAdmin << a << QString()
        << QString(1025, QLatin1Char('p')) << invalid << QStringLiteral("password");
}

void TestDirectoryService::addUser()
{
    QFETCH(QString, caller);
    QFETCH(QString, username);
    QFETCH(QString, role);
    QFETCH(QString, orgId);
    QFETCH(QString, coordinatorId);
    QFETCH(QString, password);
    QFETCH(QString, code);
    QFETCH(QString, field);

    const int before = rows(QStringLiteral("users"));
    QSignalSpy changed(m_directory.get(), &DirectoryService::usersChanged);
    DirectoryService::NewUser input{
        username, QStringLiteral("  Nora Lie  "), *roleFromName(role), orgId, coordinatorId, password};
    auto added = m_directory->addUser(m_world.who(caller), input);
    QCOMPARE(codeOf(added), code);
    if (added) {
        QCOMPARE(changed.count(), 1);
        QCOMPARE(added->username, username);
        QCOMPARE(added->displayName, QStringLiteral("Nora Lie"));
        QCOMPARE(roleName(added->role), role);
        QCOMPARE(added->orgId, orgId);
        QCOMPARE(added->coordinatorId, coordinatorId);
        QVERIFY(added->id.startsWith(QLatin1String("user_")));
        QVERIFY(!added->disabled);
        QCOMPARE(added->createdAt, test::testNow());
        QVERIFY(added->passwordHash.startsWith(QLatin1String("$argon2id$")));
        QVERIFY(verifyPassword(password, added->passwordHash));
        UserRepository users(m_db->db());
        auto stored = users.userByUsername(username);
        QVERIFY(stored && stored->has_value());
        QCOMPARE((*stored)->id, added->id);
        QCOMPARE((*stored)->passwordHash, added->passwordHash);
        QCOMPARE(rows(QStringLiteral("users")), before + 1);
        QCOMPARE(rows(QStringLiteral("audit_log"), QStringLiteral("action = 'user.create'")), 1);
        return;
    }
    QCOMPARE(firstField(added.error()), field);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(rows(QStringLiteral("users")), before);
}

void TestDirectoryService::addUserTakenUsername()
{
    DirectoryService::NewUser input{QStringLiteral("admin.a"), QString(), Role::OrgAdmin,
                                    QStringLiteral("org_a"),   QString(), kPassword};
    auto taken = m_directory->addUser(m_world.globalAdmin, input);
    QCOMPARE(codeOf(taken), QStringLiteral("conflict"));
    QVERIFY(taken.error().message.contains(QLatin1String("admin.a")));
    // Also when the first one is in another organisation.
    input.orgId = QStringLiteral("org_b");
    QCOMPARE(codeOf(m_directory->addUser(m_world.orgAdminB, input)), QStringLiteral("conflict"));
    auto fresh =
        m_directory->addUser(m_world.globalAdmin,
                             DirectoryService::NewUser{QStringLiteral("nora"), QString(), Role::OrgAdmin,
                                                       QStringLiteral("org_a"), QString(), kPassword});
    QVERIFY2(fresh, why(fresh).constData());
    QCOMPARE(fresh->displayName, QStringLiteral("nora")); // no display name: the username
    QCOMPARE(codeOf(m_directory->addUser(m_world.orgAdminA,
                                         DirectoryService::NewUser{QStringLiteral("nora"), QString(),
                                                                   Role::OrgAdmin, QStringLiteral("org_a"),
                                                                   QString(), kPassword})),
             QStringLiteral("conflict"));
}

void TestDirectoryService::addUserSignsIn()
{
    auto added = m_directory->addUser(
        m_world.orgAdminA,
        DirectoryService::NewUser{QStringLiteral("nora"), QStringLiteral("Nora"), Role::Coordinator,
                                  QStringLiteral("org_a"), QStringLiteral("coord_a2"), kPassword});
    QVERIFY2(added, why(added).constData());
    AuthService auth(m_db->db(), m_clock);
    // An admin chose the password: Nora chooses her own before she gets a token.
    QCOMPARE(auth.signIn(QStringLiteral("nora"), kPassword, QStringLiteral("10.0.0.1")).error().reason,
             AuthService::kPasswordChangeRequired);
    QVERIFY(auth.changePassword(QStringLiteral("nora"), kPassword, QStringLiteral("noras own password"),
                                QStringLiteral("10.0.0.1")));
    auto token =
        auth.signIn(QStringLiteral("nora"), QStringLiteral("noras own password"), QStringLiteral("10.0.0.1"));
    QVERIFY2(token, why(token).constData());
    auto caller = auth.authenticate(token->secret);
    QVERIFY2(caller, why(caller).constData());
    QCOMPARE(caller->role, Role::Coordinator);
    QCOMPARE(caller->orgId, QStringLiteral("org_a"));
    QCOMPARE(caller->coordinatorId, QStringLiteral("coord_a2"));
}

void TestDirectoryService::usersAreScoped()
{
    QCOMPARE(codeOf(m_directory->users(m_world.coordinatorA)), QStringLiteral("forbidden"));
    auto a = m_directory->users(m_world.orgAdminA);
    QVERIFY2(a, why(a).constData());
    QStringList names;
    for (const User &u : std::as_const(*a))
        names << u.username;
    QCOMPARE(names, (QStringList{QStringLiteral("admin.a"), QStringLiteral("coord.a")}));
    auto all = m_directory->users(m_world.globalAdmin);
    QVERIFY2(all, why(all).constData());
    names.clear();
    for (const User &u : std::as_const(*all))
        names << u.username;
    QCOMPARE(names,
             (QStringList{QStringLiteral("admin.a"), QStringLiteral("admin.b"), QStringLiteral("coord.a"),
                          QStringLiteral("coord.b"), QStringLiteral("root")}));
}

void TestDirectoryService::setPassword_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("code");

    const QString pw = QStringLiteral("a brand new password");
    QTest::newRow("own password, coordinator")
        << QStringLiteral("coordA") << QStringLiteral("user_ca") << pw << QStringLiteral("ok");
    QTest::newRow("own password, global admin")
        << QStringLiteral("global") << QStringLiteral("user_g") << pw << QStringLiteral("ok");
    QTest::newRow("org admin, own organisation")
        << QStringLiteral("adminA") << QStringLiteral("user_ca") << pw << QStringLiteral("ok");
    QTest::newRow("global admin, anyone")
        << QStringLiteral("global") << QStringLiteral("user_cb") << pw << QStringLiteral("ok");
    QTest::newRow("coordinator, someone else")
        << QStringLiteral("coordA") << QStringLiteral("user_aa") << pw << QStringLiteral("forbidden");
    QTest::newRow("org admin, other organisation")
        << QStringLiteral("adminB") << QStringLiteral("user_ca") << pw << QStringLiteral("not-found");
    QTest::newRow("org admin, global admin")
        << QStringLiteral("adminA") << QStringLiteral("user_g") << pw << QStringLiteral("not-found");
    QTest::newRow("unknown user") << QStringLiteral("global") << QStringLiteral("user_zz") << pw
                                  << QStringLiteral("not-found");
    QTest::newRow("too short") << QStringLiteral("adminA") << QStringLiteral("user_ca")
                               << QStringLiteral("short") << QStringLiteral("invalid");
}

void TestDirectoryService::setPassword()
{
    QFETCH(QString, caller);
    QFETCH(QString, userId);
    QFETCH(QString, password);
    QFETCH(QString, code);

    QSignalSpy changed(m_directory.get(), &DirectoryService::usersChanged);
    UserRepository users(m_db->db());
    auto before = users.user(userId);
    QVERIFY(before.ok());
    auto s = m_directory->setPassword(m_world.who(caller), userId, password);
    QCOMPARE(codeOf(s), code);
    QCOMPARE(changed.count(), code == QLatin1String("ok") ? 1 : 0);
    if (!before->has_value())
        return;
    auto after = users.user(userId);
    QVERIFY(after && after->has_value());
    if (code == QLatin1String("ok")) {
        QVERIFY(verifyPassword(password, (*after)->passwordHash));
        QVERIFY(!verifyPassword(kPassword, (*after)->passwordHash));
        // Nothing else of the user changed.
        QCOMPARE((*after)->role, (*before)->role);
        QCOMPARE((*after)->orgId, (*before)->orgId);
        QCOMPARE((*after)->coordinatorId, (*before)->coordinatorId);
    } else {
        QCOMPARE((*after)->passwordHash, (*before)->passwordHash);
    }
}

void TestDirectoryService::setPasswordRevokesTokens()
{
    AuthService auth(m_db->db(), m_clock);
    auto first = auth.signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("10.0.0.1"));
    QVERIFY2(first, why(first).constData());
    auto second = auth.issueToken(QStringLiteral("coord.a"));
    QVERIFY2(second, why(second).constData());
    auto unrelated = auth.issueToken(QStringLiteral("admin.a"));
    QVERIFY2(unrelated, why(unrelated).constData());

    QVERIFY(m_directory
                ->setPassword(m_world.orgAdminA, QStringLiteral("user_ca"),
                              QStringLiteral("a brand new password"))
                .ok());
    QCOMPARE(codeOf(auth.authenticate(first->secret)), QStringLiteral("unauthenticated"));
    QCOMPARE(codeOf(auth.authenticate(second->secret)), QStringLiteral("unauthenticated"));
    QVERIFY(auth.authenticate(unrelated->secret).ok());
    QCOMPARE(codeOf(auth.signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("10.0.0.1"))),
             QStringLiteral("unauthenticated"));
    // The new password works (and, set by an admin, must be changed before a token is issued).
    auto reset = auth.checkPassword(QStringLiteral("coord.a"), QStringLiteral("a brand new password"),
                                    QStringLiteral("10.0.0.1"));
    QVERIFY2(reset, why(reset).constData());
    QVERIFY(reset->mustChangePassword);
    QCOMPARE(rows(QStringLiteral("audit_log"),
                  QStringLiteral("action = 'user.password' AND entity_id = 'user_ca'")),
             1);
}

void TestDirectoryService::setRole_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("code");

    QTest::newRow("coordinator becomes org admin") << QStringLiteral("adminA") << QStringLiteral("user_ca")
                                                   << QStringLiteral("org_admin") << QStringLiteral("ok");
    QTest::newRow("global admin promotes in B") << QStringLiteral("global") << QStringLiteral("user_cb")
                                                << QStringLiteral("org_admin") << QStringLiteral("ok");
    QTest::newRow("coordinator stays coordinator") << QStringLiteral("adminA") << QStringLiteral("user_ca")
                                                   << QStringLiteral("coordinator") << QStringLiteral("ok");
    QTest::newRow("org admin without coordinator link")
        << QStringLiteral("adminB") << QStringLiteral("user_ab") << QStringLiteral("coordinator")
        << QStringLiteral("invalid");
    QTest::newRow("to global admin") << QStringLiteral("global") << QStringLiteral("user_ca")
                                     << QStringLiteral("global_admin") << QStringLiteral("invalid");
    QTest::newRow("a global admin's role") << QStringLiteral("global") << QStringLiteral("user_g")
                                           << QStringLiteral("org_admin") << QStringLiteral("invalid");
    QTest::newRow("coordinator caller") << QStringLiteral("coordA") << QStringLiteral("user_ca")
                                        << QStringLiteral("org_admin") << QStringLiteral("forbidden");
    QTest::newRow("other organisation") << QStringLiteral("adminB") << QStringLiteral("user_ca")
                                        << QStringLiteral("org_admin") << QStringLiteral("not-found");
    QTest::newRow("org admin, global admin") << QStringLiteral("adminA") << QStringLiteral("user_g")
                                             << QStringLiteral("org_admin") << QStringLiteral("not-found");
    QTest::newRow("unknown user") << QStringLiteral("global") << QStringLiteral("user_zz")
                                  << QStringLiteral("org_admin") << QStringLiteral("not-found");
}

void TestDirectoryService::setRole()
{
    QFETCH(QString, caller);
    QFETCH(QString, userId);
    QFETCH(QString, role);
    QFETCH(QString, code);

    UserRepository users(m_db->db());
    auto before = users.user(userId);
    QVERIFY(before.ok());
    QSignalSpy changed(m_directory.get(), &DirectoryService::usersChanged);
    auto s = m_directory->setRole(m_world.who(caller), userId, *roleFromName(role));
    QCOMPARE(codeOf(s), code);
    QCOMPARE(changed.count(), code == QLatin1String("ok") ? 1 : 0);
    if (!before->has_value())
        return;
    auto after = users.user(userId);
    QVERIFY(after && after->has_value());
    QCOMPARE(roleName((*after)->role), code == QLatin1String("ok") ? role : roleName((*before)->role));
    QCOMPARE((*after)->passwordHash, (*before)->passwordHash);
    QCOMPARE((*after)->orgId, (*before)->orgId);
}

void TestDirectoryService::setDisabled_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("code");

    QTest::newRow("org admin, own organisation")
        << QStringLiteral("adminA") << QStringLiteral("user_ca") << QStringLiteral("ok");
    QTest::newRow("global admin, anyone")
        << QStringLiteral("global") << QStringLiteral("user_ab") << QStringLiteral("ok");
    QTest::newRow("oneself") << QStringLiteral("adminA") << QStringLiteral("user_aa")
                             << QStringLiteral("invalid");
    QTest::newRow("global admin, oneself")
        << QStringLiteral("global") << QStringLiteral("user_g") << QStringLiteral("invalid");
    QTest::newRow("coordinator caller")
        << QStringLiteral("coordA") << QStringLiteral("user_aa") << QStringLiteral("forbidden");
    QTest::newRow("other organisation")
        << QStringLiteral("adminB") << QStringLiteral("user_ca") << QStringLiteral("not-found");
    QTest::newRow("org admin, global admin")
        << QStringLiteral("adminA") << QStringLiteral("user_g") << QStringLiteral("not-found");
}

void TestDirectoryService::setDisabled()
{
    QFETCH(QString, caller);
    QFETCH(QString, userId);
    QFETCH(QString, code);

    QSignalSpy changed(m_directory.get(), &DirectoryService::usersChanged);
    auto s = m_directory->setDisabled(m_world.who(caller), userId, true);
    QCOMPARE(codeOf(s), code);
    QCOMPARE(changed.count(), code == QLatin1String("ok") ? 1 : 0);
    UserRepository users(m_db->db());
    auto after = users.user(userId);
    QVERIFY(after && after->has_value());
    QCOMPARE((*after)->disabled, code == QLatin1String("ok"));
    if (code == QLatin1String("ok")) {
        QVERIFY(m_directory->setDisabled(m_world.who(caller), userId, false).ok());
        QVERIFY(!(*users.user(userId))->disabled);
        QCOMPARE(changed.count(), 2);
    }
}

void TestDirectoryService::disablingRevokesTokens()
{
    AuthService auth(m_db->db(), m_clock);
    auto token = auth.signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("10.0.0.1"));
    QVERIFY2(token, why(token).constData());
    QVERIFY(m_directory->setDisabled(m_world.orgAdminA, QStringLiteral("user_ca"), true).ok());
    QCOMPARE(codeOf(auth.authenticate(token->secret)), QStringLiteral("unauthenticated"));
    QCOMPARE(codeOf(auth.signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("10.0.0.1"))),
             QStringLiteral("unauthenticated"));
    QVERIFY(m_directory->setDisabled(m_world.orgAdminA, QStringLiteral("user_ca"), false).ok());
    // Enabled again: the password works, the old token stays revoked.
    QCOMPARE(codeOf(auth.authenticate(token->secret)), QStringLiteral("unauthenticated"));
    auto again = auth.signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("10.0.0.1"));
    QVERIFY2(again, why(again).constData());
    QVERIFY(auth.authenticate(again->secret).ok());
}

CC_DATABASE_TEST_MAIN(TestDirectoryService)
#include "tst_directoryservice.moc"
