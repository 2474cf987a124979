// The test world (tests/support/World): what it stores is what its accessors say, and its users
// sign in as its callers.

#include "core/AuthService.h"
#include "core/DirectoryService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QTest>

#include <memory>

using namespace cc;
using test::why;
using test::World;

namespace {

// A caller as one comparable line.
QString describe(const Caller &c)
{
    return QStringList{c.userId, c.username, roleName(c.role), c.orgId, c.coordinatorId}.join(
        QLatin1Char('|'));
}

} // namespace

class TestWorld : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void storesItsCast();
    void aChangedCastIsStored();
    void usersSignInAsTheCallers();
    void whoNamesTheCallers();

private:
    std::unique_ptr<test::TestDatabase> m_db;
    ManualClock m_clock{test::testNow()};
};

void TestWorld::initTestCase()
{
    m_db = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
}

void TestWorld::init()
{
    m_db->reset();
}

void TestWorld::storesItsCast()
{
    const World world;
    const Status created = world.create(m_db->db(), m_clock);
    QVERIFY2(created.ok(), why(created).constData());
    DirectoryService directory(m_db->db(), m_clock);
    const Caller system = Caller::system();

    auto orgs = directory.organisations(system);
    QVERIFY2(orgs, why(orgs).constData());
    QCOMPARE(orgs->size(), 2);
    for (const Organisation &org : {world.orgA, world.orgB}) {
        auto stored = directory.organisation(system, org.id);
        QVERIFY2(stored, why(stored).constData());
        QCOMPARE(stored->name, org.name);
        QCOMPARE(stored->locale, QStringLiteral("nb"));
    }
    auto coordinators = directory.coordinators(system, World::kOrgA);
    QVERIFY2(coordinators, why(coordinators).constData());
    QCOMPARE(coordinators->size(), 2);
    auto kari = directory.coordinator(system, World::kCoordA1);
    QVERIFY2(kari, why(kari).constData());
    QCOMPARE(kari->name, QStringLiteral("Kari Koordinator"));

    auto mentors = directory.peerMentors(system);
    QVERIFY2(mentors, why(mentors).constData());
    QCOMPARE(mentors->size(), 3);
    auto ase = directory.peerMentor(system, World::kMentorA1);
    QVERIFY2(ase, why(ase).constData());
    QCOMPARE(ase->name, QStringLiteral("Åse Ødegård"));
    QCOMPARE(ase->coordinatorId, World::kCoordA1);
    QCOMPARE(ase->email, QStringLiteral("ase@a.example"));
    QCOMPARE(ase->createdAt, test::testNow());
    QCOMPARE(test::countRows(m_db->db(), QStringLiteral("users")), 0);
}

void TestWorld::aChangedCastIsStored()
{
    World world;
    world.mentorB1.phone = QStringLiteral("+47 900 00 000");
    const Status created = world.create(m_db->db(), m_clock);
    QVERIFY2(created.ok(), why(created).constData());
    auto bjorn = DirectoryService(m_db->db(), m_clock).peerMentor(Caller::system(), World::kMentorB1);
    QVERIFY2(bjorn, why(bjorn).constData());
    QCOMPARE(bjorn->phone, QStringLiteral("+47 900 00 000"));
}

void TestWorld::usersSignInAsTheCallers()
{
    const World world;
    Status created = world.create(m_db->db(), m_clock);
    QVERIFY2(created.ok(), why(created).constData());
    created = world.createUsers(m_db->db(), m_clock);
    QVERIFY2(created.ok(), why(created).constData());
    AuthService auth(m_db->db(), m_clock);
    for (const Caller &caller :
         {world.coordinatorA, world.orgAdminA, world.coordinatorB, world.orgAdminB, world.globalAdmin}) {
        auto issued = auth.signIn(caller.username, World::kPassword, QStringLiteral("127.0.0.1"));
        QVERIFY2(issued, why(issued).constData());
        QCOMPARE(describe(AuthService::callerOf(issued->user)), describe(caller));
    }
}

void TestWorld::whoNamesTheCallers()
{
    const World world;
    QCOMPARE(describe(world.who(QStringLiteral("coordA"))), describe(world.coordinatorA));
    QCOMPARE(describe(world.who(QStringLiteral("adminA"))), describe(world.orgAdminA));
    QCOMPARE(describe(world.who(QStringLiteral("coordB"))), describe(world.coordinatorB));
    QCOMPARE(describe(world.who(QStringLiteral("adminB"))), describe(world.orgAdminB));
    QCOMPARE(describe(world.who(QStringLiteral("global"))), describe(world.globalAdmin));
}

CC_DATABASE_TEST_MAIN(TestWorld)
#include "tst_world.moc"
