// The audit log you can read (issue 11, part 4): who may read it, its filters, and that sign-ins
// (and failed ones) are in it.
#include "core/AuditLog.h"
#include "core/AuthService.h"
#include "core/DirectoryService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QTest>

#include <memory>

using namespace cc;
using namespace cc::test;

class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void onlyAdminsRead();
    void filters_data();
    void filters();
    void signInsAreAudited();

private:
    QStringList actionsOf(const Caller &caller, const AuditQuery &query);

    std::unique_ptr<TestDatabase> m_db;
    ManualClock m_clock{testNow()};
    World m_world;
    std::unique_ptr<DirectoryService> m_directory;
    std::unique_ptr<AuditLog> m_audit;
};

void TestAuditLog::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_directory = std::make_unique<DirectoryService>(m_db->db(), m_clock);
    m_audit = std::make_unique<AuditLog>(m_db->db(), m_clock);
}

void TestAuditLog::cleanupTestCase()
{
    m_audit.reset();
    m_directory.reset();
    m_db.reset();
}

// The world (created at testNow()), then an hour later Åse's phone changes (by coordinator A) and
// two hours later Per leaves (by org admin A).
void TestAuditLog::init()
{
    m_db->reset();
    m_clock.set(testNow());
    auto created = m_world.create(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    created = m_world.createUsers(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    m_clock.advance(3600 * 1000);
    PeerMentor ase = *m_directory->peerMentor(Caller::system(), World::kMentorA1);
    ase.phone = QStringLiteral("+47 900 00 001");
    QVERIFY(m_directory->updatePeerMentor(m_world.coordinatorA, ase));
    m_clock.advance(3600 * 1000);
    QVERIFY(m_directory->setPeerMentorActive(m_world.orgAdminA, World::kMentorA2, false));
}

QStringList TestAuditLog::actionsOf(const Caller &caller, const AuditQuery &query)
{
    auto entries = m_audit->list(caller, query, PageRequest{1, 100});
    if (!entries)
        return {QStringLiteral("error: ") + entries.error().message};
    QStringList actions;
    for (const AuditEntry &e : std::as_const(entries->items))
        actions << e.action + QLatin1Char(':') + e.entityId;
    return actions;
}

void TestAuditLog::onlyAdminsRead()
{
    auto refused = m_audit->list(m_world.coordinatorA, AuditQuery{}, PageRequest{1, 10});
    QCOMPARE(codeOf(refused), QStringLiteral("forbidden"));
    AuditQuery other;
    other.orgId = World::kOrgB;
    QCOMPARE(codeOf(m_audit->list(m_world.orgAdminA, other, PageRequest{1, 10})), QStringLiteral("invalid"));
    // An org admin sees her organisation's entries only; a global admin everyone's.
    const QStringList a = actionsOf(m_world.orgAdminA, {});
    QVERIFY(!a.isEmpty());
    QVERIFY(!a.join(QLatin1Char(' ')).contains(World::kMentorB1));
    QVERIFY(actionsOf(m_world.globalAdmin, {}).join(QLatin1Char(' ')).contains(World::kMentorB1));
}

void TestAuditLog::filters_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("fromHours"); // after testNow(); -1: none
    QTest::addColumn<int>("toHours");   // after testNow(); -1: none
    QTest::addColumn<QStringList>("expected");
    const QString update = QStringLiteral("peer_mentor.update:") + World::kMentorA1;
    const QString leave = QStringLiteral("peer_mentor.deactivate:") + World::kMentorA2;
    QTest::newRow("by person") << QStringLiteral("coord.a") << QString() << -1 << -1 << QStringList{update};
    QTest::newRow("by action") << QString() << QStringLiteral("peer_mentor.deactivate") << -1 << -1
                               << QStringList{leave};
    QTest::newRow("by group, newest first")
        << QString() << QStringLiteral("peer_mentor") << 1 << -1 << QStringList{leave, update};
    QTest::newRow("a group is a whole word")
        << QString() << QStringLiteral("peer") << -1 << -1 << QStringList{};
    QTest::newRow("period: from inclusive, to exclusive")
        << QString() << QString() << 1 << 2 << QStringList{update};
}

void TestAuditLog::filters()
{
    QFETCH(QString, username);
    QFETCH(QString, kind);
    QFETCH(int, fromHours);
    QFETCH(int, toHours);
    QFETCH(QStringList, expected);
    AuditQuery query;
    query.username = username;
    query.kind = kind;
    if (fromHours >= 0)
        query.from = testNow().addSecs(fromHours * 3600);
    if (toHours >= 0)
        query.to = testNow().addSecs(toHours * 3600);
    QCOMPARE(actionsOf(m_world.orgAdminA, query), expected);
}

void TestAuditLog::signInsAreAudited()
{
    AuthService auth(m_db->db(), m_clock);
    QVERIFY(auth.checkPassword(m_world.coordinatorA.username, World::kPassword, QStringLiteral("console")));
    QVERIFY(!auth.signIn(m_world.coordinatorA.username, QStringLiteral("wrong password"),
                         QStringLiteral("10.0.0.5")));
    QVERIFY(
        !auth.signIn(QStringLiteral("nobody"), QStringLiteral("wrong password"), QStringLiteral("10.0.0.5")));
    AuditQuery query;
    query.kind = QStringLiteral("user");
    auto entries = m_audit->list(m_world.orgAdminA, query, PageRequest{1, 10});
    QVERIFY2(entries, why(entries).constData());
    QStringList got;
    for (const AuditEntry &e : std::as_const(entries->items))
        got << QStringLiteral("%1 %2 %3").arg(e.action, e.username, e.detail);
    std::sort(got.begin(), got.end());
    QCOMPARE(got,
             (QStringList{QStringLiteral("user.sign_in coord.a console"),
                          QStringLiteral("user.sign_in_failed coord.a api")}));
    // The unknown name belongs to no organisation: only a global admin sees that attempt.
    auto all = m_audit->list(m_world.globalAdmin, query, PageRequest{1, 10});
    QCOMPARE(all->total, 3);
    // No address is kept in the audit log.
    for (const AuditEntry &e : std::as_const(all->items))
        QVERIFY(!e.detail.contains(QLatin1String("10.0.0.5")));
}

CC_DATABASE_TEST_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
