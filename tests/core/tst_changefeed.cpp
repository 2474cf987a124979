// The change feed (issue 12, part 1): every write others may care about appends a change in its
// own transaction; the feed hands them out in order, per organisation, to listeners in this and
// other programs (here: a second Database on the same database, with an origin of its own).
#include "core/AuthService.h"
#include "core/ChangeFeed.h"
#include "core/ChangeRelay.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/TemplateService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace cc;
using namespace cc::test;

namespace {

NewRecord pause(const QString &mentor, const QString &coordinator)
{
    NewRecord r;
    r.peerMentorId = mentor;
    r.coordinatorId = coordinator;
    r.eventType = EventType::PauseActivated;
    r.effectiveDate = QDateTime(testNow().date(), QTime(0, 0), Qt::UTC);
    r.reason = QStringLiteral("Illness");
    r.channels = {QStringLiteral("push")};
    return r;
}

QStringList described(const QList<Change> &changes)
{
    QStringList out;
    for (const Change &c : changes)
        out << changeKindName(c.kind) + QLatin1Char(' ') + c.entityId;
    return out;
}

// A program of its own on the same database: its own Database (origin, connections), services.
struct OtherProgram
{
    explicit OtherProgram(const QString &url, const Clock &clock)
        : db(*DatabaseUrl::parse(url))
        , records(db, clock)
        , directory(db, clock)
        , templates(db, clock)
        , auth(db, clock)
    {}
    Database db;
    NotificationRecordService records;
    DirectoryService directory;
    TemplateService templates;
    AuthService auth;
};

} // namespace

class TestChangeFeed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void writesAppendTheirChanges();
    void rolledBackWriteAppendsNothing();
    void callersSeeOnlyTheirOrganisation();
    void feedHearsAnotherProgram();
    void relayTurnsOtherProgramsChangesIntoSignals();
    void concurrentWritersGiveOneGaplessOrder();
    void pruneKeepsTheNewest();
    void versionFollowsTheOrganisation();
    void versionMovesWithEveryonesChanges();
    void upgradeKeepsTheVersions_data();
    void upgradeKeepsTheVersions();

private:
    qint64 newest();

    std::unique_ptr<TestDatabase> m_db;
    ManualClock m_clock{testNow()};
    World m_world;
    std::unique_ptr<NotificationRecordService> m_records;
    std::unique_ptr<DirectoryService> m_directory;
    std::unique_ptr<TemplateService> m_templates;
    std::unique_ptr<AuthService> m_auth;
};

void TestChangeFeed::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_records = std::make_unique<NotificationRecordService>(m_db->db(), m_clock);
    m_directory = std::make_unique<DirectoryService>(m_db->db(), m_clock);
    m_templates = std::make_unique<TemplateService>(m_db->db(), m_clock);
    m_auth = std::make_unique<AuthService>(m_db->db(), m_clock);
}

void TestChangeFeed::init()
{
    m_db->reset();
    m_clock.set(testNow());
    auto created = m_world.create(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    created = m_world.createUsers(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
}

qint64 TestChangeFeed::newest()
{
    auto n = ChangeFeed::newest(m_db->db());
    return n ? *n : -1;
}

void TestChangeFeed::writesAppendTheirChanges()
{
    const qint64 start = newest();
    auto added = m_records->record(m_world.coordinatorA, pause(World::kMentorA1, World::kCoordA1));
    QVERIFY2(added, why(added).constData());
    RecordUpdate notes;
    notes.notes = QStringLiteral("Called her");
    auto updated = m_records->update(m_world.orgAdminA, added->id, notes, {});
    QVERIFY2(updated, why(updated).constData());
    auto removed = m_records->remove(m_world.globalAdmin, added->id);
    QVERIFY2(removed, why(removed).constData());

    auto changes = ChangeFeed::after(m_db->db(), m_world.orgAdminA, start, 100);
    QVERIFY2(changes, why(changes).constData());
    QCOMPARE(described(*changes),
             QStringList({QStringLiteral("record.created ") + added->id,
                          QStringLiteral("peer_mentor.status_changed ") + World::kMentorA1,
                          QStringLiteral("record.updated ") + added->id,
                          QStringLiteral("record.deleted ") + added->id,
                          QStringLiteral("peer_mentor.status_changed ") + World::kMentorA1}));
    qint64 previous = start;
    for (const Change &c : std::as_const(*changes)) {
        QCOMPARE(c.seq, previous + 1); // one number each, none skipped
        previous = c.seq;
        QCOMPARE(c.orgId, World::kOrgA);
        QCOMPARE(c.origin, m_db->db().origin());
        QCOMPARE(c.at, testNow());
    }
    QCOMPARE(newest(), previous);

    // The directory, templates and tokens append theirs too.
    const qint64 before = newest();
    PeerMentor mentor = m_world.mentorA2;
    mentor.phone = QStringLiteral("+4791234567");
    auto saved = m_directory->updatePeerMentor(m_world.orgAdminA, mentor);
    QVERIFY2(saved, why(saved).constData());
    TemplateChange title;
    title.locale = QStringLiteral("en");
    title.title = QStringLiteral("Paused: {{peer_mentor_name}}");
    auto edited = m_templates->update(m_world.orgAdminA, QStringLiteral("coordinator-pause"), title, {});
    QVERIFY2(edited, why(edited).constData());
    auto token = m_auth->issueToken(QStringLiteral("coord.a"), 30, QStringLiteral("phone"));
    QVERIFY2(token, why(token).constData());
    QVERIFY(m_auth->revoke(m_world.orgAdminA, token->token.id));
    changes = ChangeFeed::after(m_db->db(), m_world.orgAdminA, before, 100);
    QVERIFY2(changes, why(changes).constData());
    QCOMPARE(described(*changes),
             QStringList({QStringLiteral("peer_mentor.changed ") + World::kMentorA2,
                          QStringLiteral("template.updated coordinator-pause"),
                          QStringLiteral("token.revoked ") + m_world.coordinatorA.userId}));
}

void TestChangeFeed::rolledBackWriteAppendsNothing()
{
    const qint64 start = newest();
    {
        Transaction tx(m_db->db());
        QVERIFY(tx.begun());
        auto added = m_records->record(m_world.coordinatorA, pause(World::kMentorA1, World::kCoordA1));
        QVERIFY2(added, why(added).constData());
        // not committed
    }
    // A refused write (a mentor of another organisation) appends nothing either.
    QVERIFY(!m_records->record(m_world.coordinatorA, pause(World::kMentorB1, World::kCoordB1)));
    QCOMPARE(newest(), start);
    auto changes = ChangeFeed::after(m_db->db(), Caller::system(), start, 100);
    QVERIFY2(changes, why(changes).constData());
    QVERIFY(changes->isEmpty());
}

void TestChangeFeed::callersSeeOnlyTheirOrganisation()
{
    const qint64 start = newest();
    QVERIFY(m_records->record(m_world.coordinatorA, pause(World::kMentorA1, World::kCoordA1)));
    QVERIFY(m_records->record(m_world.coordinatorB, pause(World::kMentorB1, World::kCoordB1)));
    // A global admin's template is everyone's default.
    TemplateChange body;
    body.locale = QStringLiteral("nb");
    body.body = QStringLiteral("Hei {{peer_mentor_name}}");
    QVERIFY(m_templates->update(m_world.globalAdmin, QStringLiteral("coordinator-pause"), body, {}));

    const auto orgsOf = [&](const Caller &caller) {
        QStringList orgs;
        auto changes = ChangeFeed::after(m_db->db(), caller, start, 100);
        if (changes)
            for (const Change &c : std::as_const(*changes)) {
                orgs << (c.orgId.isEmpty() ? QStringLiteral("everyone") : c.orgId);
                if (!c.visibleTo(caller))
                    orgs << QStringLiteral("NOT VISIBLE");
            }
        return orgs;
    };
    QCOMPARE(orgsOf(m_world.coordinatorA),
             QStringList({World::kOrgA, World::kOrgA, QStringLiteral("everyone")}));
    QCOMPARE(orgsOf(m_world.orgAdminB),
             QStringList({World::kOrgB, World::kOrgB, QStringLiteral("everyone")}));
    QCOMPARE(orgsOf(m_world.globalAdmin).size(), 5);
}

void TestChangeFeed::feedHearsAnotherProgram()
{
    ChangeFeed feed(m_db->db());
    QVERIFY(feed.start(50));
    QSignalSpy heard(&feed, &ChangeFeed::changed);

    OtherProgram other(m_db->url(), m_clock);
    QVERIFY(other.db.open());
    QVERIFY(other.db.origin() != m_db->db().origin());
    auto added = other.records.record(m_world.coordinatorA, pause(World::kMentorA1, World::kCoordA1));
    QVERIFY2(added, why(added).constData());

    QTRY_COMPARE_WITH_TIMEOUT(heard.size(), 2, 3000);
    const auto first = heard.at(0).at(0).value<Change>();
    QCOMPARE(first.kind, ChangeKind::RecordCreated);
    QCOMPARE(first.entityId, added->id);
    QCOMPARE(first.origin, other.db.origin());
    QCOMPARE(heard.at(1).at(0).value<Change>().kind, ChangeKind::PeerMentorStatusChanged);
    QCOMPARE(feed.position(), newest());

    // This program's own commits wake it too, and nothing comes twice.
    QVERIFY(m_records->record(m_world.coordinatorA, pause(World::kMentorA2, World::kCoordA2)));
    QTRY_COMPARE_WITH_TIMEOUT(heard.size(), 4, 3000);
    QTest::qWait(200);
    QCOMPARE(heard.size(), 4);
    QCOMPARE(heard.at(2).at(0).value<Change>().origin, m_db->db().origin());
    other.db.closeThreadConnection();
}

void TestChangeFeed::relayTurnsOtherProgramsChangesIntoSignals()
{
    ChangeFeed feed(m_db->db());
    ChangeRelay relay(feed, m_db->db(), *m_records, *m_directory, *m_templates, *m_auth);
    QVERIFY(feed.start(50));
    QSignalSpy added(m_records.get(), &NotificationRecordService::recordAdded);
    QSignalSpy deleted(m_records.get(), &NotificationRecordService::recordDeleted);
    QSignalSpy directory(m_directory.get(), &DirectoryService::directoryChanged);
    QSignalSpy templates(m_templates.get(), &TemplateService::templateChanged);
    QSignalSpy tokens(m_auth.get(), &AuthService::tokensChanged);

    OtherProgram other(m_db->url(), m_clock);
    QVERIFY(other.db.open());
    auto theirs = other.records.record(m_world.coordinatorA, pause(World::kMentorA1, World::kCoordA1));
    QVERIFY2(theirs, why(theirs).constData());
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 3000);
    const auto record = added.at(0).at(0).value<NotificationRecord>();
    QCOMPARE(record.id, theirs->id);
    QCOMPARE(record.peerMentorName, theirs->peerMentorName);
    QCOMPARE(record.reason, theirs->reason);

    // Ours is signalled by the service itself, once: the relay skips it.
    QVERIFY(m_records->record(m_world.coordinatorA, pause(World::kMentorA2, World::kCoordA2)));
    QCOMPARE(added.size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(feed.position(), newest(), 3000);
    QTest::qWait(200);
    QCOMPARE(added.size(), 2);

    QVERIFY(other.records.remove(m_world.globalAdmin, theirs->id));
    QTRY_COMPARE_WITH_TIMEOUT(deleted.size(), 1, 3000);
    QCOMPARE(deleted.at(0).at(0).toString(), theirs->id);
    QCOMPARE(deleted.at(0).at(1).toString(), World::kOrgA);

    // Two directory changes in one burst: one signal.
    PeerMentor a1 = m_world.mentorA1;
    a1.phone = QStringLiteral("+4790000001");
    PeerMentor a2 = m_world.mentorA2;
    a2.phone = QStringLiteral("+4790000002");
    QVERIFY(other.directory.updatePeerMentor(m_world.orgAdminA, a1));
    QVERIFY(other.directory.updatePeerMentor(m_world.orgAdminA, a2));
    QTRY_COMPARE_WITH_TIMEOUT(directory.size(), 1, 3000);

    TemplateChange title;
    title.locale = QStringLiteral("en");
    title.title = QStringLiteral("Paused");
    QVERIFY(other.templates.update(m_world.orgAdminA, QStringLiteral("coordinator-pause"), title, {}));
    QTRY_COMPARE_WITH_TIMEOUT(templates.size(), 1, 3000);
    QCOMPARE(templates.at(0).at(0).toString(), QStringLiteral("coordinator-pause"));
    QCOMPARE(templates.at(0).at(1).toString(), World::kOrgA);

    auto token = other.auth.issueToken(QStringLiteral("coord.a"), 30, QStringLiteral("phone"));
    QVERIFY2(token, why(token).constData());
    QVERIFY(other.auth.revoke(m_world.orgAdminA, token->token.id));
    QTRY_VERIFY_WITH_TIMEOUT(tokens.size() >= 1, 3000);
    QVERIFY(relay.relayed() >= 6);
    other.db.closeThreadConnection();
}

void TestChangeFeed::concurrentWritersGiveOneGaplessOrder()
{
    ChangeFeed feed(m_db->db());
    QVERIFY(feed.start(20));
    QList<qint64> seen;
    connect(&feed, &ChangeFeed::changed, this, [&](const Change &c) { seen << c.seq; });
    const qint64 start = newest();

    constexpr int kThreads = 4;
    constexpr int kEach = 15;
    std::atomic<int> failures{0};
    QList<QThread *> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads << QThread::create([&, t] {
            // Each thread a program of its own, as two servers on one PostgreSQL would be.
            OtherProgram other(m_db->url(), m_clock);
            for (int i = 0; i < kEach; ++i) {
                const bool a = (i + t) % 2 == 0;
                if (!other.records.record(a ? m_world.coordinatorA : m_world.coordinatorB,
                                          a ? pause(World::kMentorA1, World::kCoordA1)
                                            : pause(World::kMentorB1, World::kCoordB1)))
                    ++failures;
            }
            other.db.closeThreadConnection();
        });
        threads.last()->start();
    }
    for (QThread *t : std::as_const(threads)) {
        while (!t->wait(10))
            QCoreApplication::processEvents();
        delete t;
    }
    QCOMPARE(failures.load(), 0);
    const qint64 expected = kThreads * kEach * 2; // a record and its mentor's status each
    QCOMPARE(newest(), start + expected);
    QTRY_COMPARE_WITH_TIMEOUT(seen.size(), int(expected), 5000);
    for (int i = 0; i < seen.size(); ++i)
        QCOMPARE(seen.at(i), start + 1 + i);
}

void TestChangeFeed::pruneKeepsTheNewest()
{
    m_clock.set(testNow().addDays(-10));
    QVERIFY(m_records->record(m_world.coordinatorA, pause(World::kMentorA1, World::kCoordA1)));
    const qint64 old = newest();
    m_clock.set(testNow());
    QVERIFY(m_records->record(m_world.coordinatorA, pause(World::kMentorA2, World::kCoordA2)));
    const qint64 last = newest();

    // Kept for seven days: the two changes of ten days ago go, and with them every change
    // numbered before them (the world's, written with a clock that later went back): pruning
    // deletes a prefix of the numbers, so that horizon() is exact.
    auto deleted = ChangeFeed::prune(m_db->db(), testNow().addDays(-ChangeFeed::kKeptDays));
    QVERIFY2(deleted, why(deleted).constData());
    QVERIFY(*deleted >= 2);
    auto kept = ChangeFeed::after(m_db->db(), Caller::system(), 0, 100);
    QVERIFY2(kept, why(kept).constData());
    QCOMPARE(kept->size(), 2); // the two of today
    QCOMPARE(kept->first().seq, old + 1);
    QCOMPARE(*ChangeFeed::horizon(m_db->db()), old);

    // Everything old: the newest stays all the same, its number must survive.
    deleted = ChangeFeed::prune(m_db->db(), testNow().addDays(1));
    QVERIFY2(deleted, why(deleted).constData());
    kept = ChangeFeed::after(m_db->db(), Caller::system(), 0, 100);
    QVERIFY2(kept, why(kept).constData());
    QCOMPARE(kept->size(), 1);
    QCOMPARE(kept->first().seq, last);
    QCOMPARE(*ChangeFeed::horizon(m_db->db()), last - 1);

    // Numbers go on from there, never again from the start.
    QVERIFY(m_records->record(m_world.coordinatorA, pause(World::kMentorA1, World::kCoordA1)));
    QCOMPARE(newest(), last + 2);
    QCOMPARE(*ChangeFeed::horizon(m_db->db()), last - 1);
}

void TestChangeFeed::versionFollowsTheOrganisation()
{
    const auto version = [this](const Caller &caller) {
        auto v = ChangeFeed::versionFor(m_db->db(), caller);
        return v ? *v : qint64(-1);
    };
    const qint64 a0 = version(m_world.coordinatorA);
    const qint64 b0 = version(m_world.coordinatorB);
    QVERIFY(a0 >= 0 && b0 >= 0);

    // Another organisation's change leaves it as it is; one's own makes it grow.
    QVERIFY(m_records->record(m_world.coordinatorB, pause(World::kMentorB1, World::kCoordB1)));
    QCOMPARE(version(m_world.coordinatorA), a0);
    const qint64 b1 = version(m_world.coordinatorB);
    QVERIFY(b1 > b0);
    QVERIFY(m_records->record(m_world.coordinatorA, pause(World::kMentorA1, World::kCoordA1)));
    const qint64 a1 = version(m_world.coordinatorA);
    QVERIFY(a1 > a0);
    QCOMPARE(version(m_world.coordinatorB), b1);
    // A global admin's grows with every change.
    QCOMPARE(version(Caller::system()), newest());

    // Pruning never makes it shrink, though B's changes are gone: it says "nothing of B's after
    // the number before the oldest kept".
    m_clock.set(testNow().addDays(30));
    QVERIFY(m_records->record(m_world.coordinatorA, pause(World::kMentorA2, World::kCoordA2)));
    auto deleted = ChangeFeed::prune(m_db->db(), testNow().addDays(29));
    QVERIFY2(deleted, why(deleted).constData());
    const qint64 b2 = version(m_world.coordinatorB);
    QVERIFY2(b2 >= b1, qPrintable(QStringLiteral("%1 < %2").arg(b2).arg(b1)));
    QVERIFY(version(m_world.coordinatorA) > a1);
    // And B's next change makes it grow again.
    QVERIFY(m_records->record(m_world.coordinatorB, pause(World::kMentorB1, World::kCoordB1)));
    QVERIFY(version(m_world.coordinatorB) > b2);
}

// A change of everyone's (a built-in template) is one every organisation hears of: it moves
// every organisation's number, also of one that never changed anything itself. An organisation's
// own change then moves its own alone.
void TestChangeFeed::versionMovesWithEveryonesChanges()
{
    const auto version = [this](const Caller &caller) {
        auto v = ChangeFeed::versionFor(m_db->db(), caller);
        return v ? *v : qint64(-1);
    };
    Caller nobody = m_world.coordinatorA; // of an organisation with no change of its own
    nobody.orgId = QStringLiteral("org_without_changes");
    const auto append = [this](const QString &orgId) {
        Transaction tx(m_db->db());
        QVERIFY(tx.begun().ok());
        QVERIFY(
            appendChange(m_db->db(), m_clock, ChangeKind::TemplateUpdated, orgId, QStringLiteral("t")).ok());
        QVERIFY(tx.commit().ok());
    };
    QVERIFY(m_records->record(m_world.coordinatorB, pause(World::kMentorB1, World::kCoordB1)));
    const qint64 before = version(nobody);
    QVERIFY(before >= 0);
    QVERIFY(before < version(m_world.coordinatorB));

    append(QString());
    const qint64 everyone = newest();
    for (const Caller &caller : {m_world.coordinatorA, m_world.coordinatorB, nobody, Caller::system()})
        QCOMPARE(version(caller), everyone);

    append(World::kOrgA);
    QCOMPARE(version(m_world.coordinatorA), newest());
    QCOMPARE(version(m_world.coordinatorB), everyone);
    QCOMPARE(version(nobody), everyone);

    // Rolled back, it moves nothing.
    {
        Transaction tx(m_db->db());
        QVERIFY(tx.begun().ok());
        QVERIFY(appendChange(m_db->db(), m_clock, ChangeKind::TemplateUpdated, QString(), QStringLiteral("t"))
                    .ok());
    }
    QCOMPARE(version(m_world.coordinatorB), everyone);
    QCOMPARE(version(nobody), everyone);
}

void TestChangeFeed::upgradeKeepsTheVersions_data()
{
    QTest::addColumn<QList<qint64>>("pruned");   // the numbers gone before the upgrade
    QTest::addColumn<QList<qint64>>("versions"); // of org-a, org-b and org-c after it
    QTest::newRow("every change kept") << QList<qint64>{} << QList<qint64>{12, 9, 7};
    QTest::newRow("the oldest pruned") << QList<qint64>{5, 7} << QList<qint64>{12, 9, 8};
    QTest::newRow("all but the newest pruned") << QList<qint64>{5, 7, 9} << QList<qint64>{12, 11, 11};
}

// Schema 10 keeps each organisation's number in a row of its own. A database of schema 9 moves to
// it with the numbers that schema's versionFor() read from the kept changes: the organisation's
// newest, everyone's newest, or the number before the oldest kept, whichever is highest.
void TestChangeFeed::upgradeKeepsTheVersions()
{
    QFETCH(QList<qint64>, pruned);
    QFETCH(QList<qint64>, versions);
    TestDatabase old(9);
    QVERIFY2(old.ok(), qPrintable(old.error()));
    Database &db = old.db();
    const QList<QPair<qint64, QString>> changes{{5, QStringLiteral("org-a")},
                                                {7, QString()},
                                                {9, QStringLiteral("org-b")},
                                                {12, QStringLiteral("org-a")}};
    for (const auto &[seq, org] : changes) {
        if (pruned.contains(seq))
            continue;
        Query q(
            db,
            QStringLiteral("INSERT INTO changes (seq, kind, org_id, entity_id, at, origin) "
                           "VALUES (:seq, 'record.created', :org, 'x', '2026-03-19T14:30:05.000Z', 't')"));
        q.bind(QStringLiteral(":seq"), seq).bind(QStringLiteral(":org"), org.isEmpty() ? QVariant() : org);
        QVERIFY(q.exec().ok());
    }
    Query counter(db, QStringLiteral("UPDATE change_counter SET value = 12"));
    QVERIFY(counter.exec().ok());

    const Status upgraded = db.open();
    QVERIFY2(upgraded.ok(), upgraded.ok() ? "" : qPrintable(upgraded.error().message));
    const QStringList orgs{QStringLiteral("org-a"), QStringLiteral("org-b"), QStringLiteral("org-c")};
    for (int i = 0; i < orgs.size(); ++i) {
        Caller caller;
        caller.orgId = orgs[i];
        const auto version = ChangeFeed::versionFor(db, caller);
        QVERIFY2(version.ok(), why(version).constData());
        QVERIFY2(*version == versions[i], qPrintable(QStringLiteral("%1: %2").arg(orgs[i]).arg(*version)));
    }
    auto all = ChangeFeed::versionFor(db, Caller::system());
    QVERIFY(all.ok());
    QCOMPARE(*all, 12);
}

CC_DATABASE_TEST_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
