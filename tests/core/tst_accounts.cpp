// Accounts over their life (issue 11, part 3): everyone changes their own password; one that
// someone else chose must be changed at the next sign-in; weaker hashes are upgraded at sign-in.
#include "core/AuthService.h"
#include "core/DirectoryService.h"
#include "core/Passwords.h"
#include "core/UserRepository.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace cc;
using namespace cc::test;

namespace {

const QString kPassword = World::kPassword;
const QString kNewPassword = QStringLiteral("staple battery horse correct");
const QString kAddress = QStringLiteral("10.0.0.7");
// kPassword hashed with argon2id at t=2, m=16 MiB: other limits than the ones hashPassword() uses
// (in tests the cheapest, in the program libsodium's interactive ones).
const QString kOlderHash = QStringLiteral(
    "$argon2id$v=19$m=16384,t=2,p=1$za8RFf4t8fw4a0RbR/bmQQ$vDOUztLqk9lc23lFRQyc7xjdKLvsRscgC5HIsMUtA3M");

} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void newUserMustChange();
    void firstAdminOfSetupNeedNot();
    void resetByAdminMustChangeOwnNeedNot();
    void mustChangeRefusesTokenNotConsole();
    void changePassword();
    void changePasswordRefused_data();
    void changePasswordRefused();
    void changePasswordIsThrottled();
    void weakerHashIsUpgradedAtSignIn();

private:
    User stored(const QString &userId);
    QString userIdOf(const QString &username);

    std::unique_ptr<TestDatabase> m_db;
    ManualClock m_clock{testNow()};
    World m_world;
    std::unique_ptr<DirectoryService> m_directory;
    std::unique_ptr<AuthService> m_auth;
};

void TestAccounts::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_directory = std::make_unique<DirectoryService>(m_db->db(), m_clock);
    m_auth = std::make_unique<AuthService>(m_db->db(), m_clock);
}

void TestAccounts::cleanupTestCase()
{
    m_auth.reset();
    m_directory.reset();
    m_db.reset();
}

void TestAccounts::init()
{
    m_db->reset();
    m_clock.set(testNow());
    auto created = m_world.create(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    created = m_world.createUsers(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
}

User TestAccounts::stored(const QString &userId)
{
    UserRepository users(m_db->db());
    auto u = users.user(userId);
    return u && u->has_value() ? **u : User();
}

QString TestAccounts::userIdOf(const QString &username)
{
    UserRepository users(m_db->db());
    auto u = users.userByUsername(username);
    return u && u->has_value() ? (*u)->id : QString();
}

void TestAccounts::newUserMustChange()
{
    DirectoryService::NewUser input{
        QStringLiteral("ny.koordinator"), {}, Role::Coordinator, World::kOrgA, World::kCoordA2, kPassword};
    auto added = m_directory->addUser(m_world.orgAdminA, input);
    QVERIFY2(added, why(added).constData());
    QVERIFY(added->mustChangePassword);
    QVERIFY(stored(added->id).mustChangePassword);
}

void TestAccounts::firstAdminOfSetupNeedNot()
{
    m_db->reset();
    DirectoryService::FirstOrganisation first;
    first.organisation.id = QStringLiteral("org_new");
    first.organisation.name = QStringLiteral("Ny forening");
    first.adminUsername = QStringLiteral("first.admin");
    first.adminName = QStringLiteral("First Admin");
    first.password = kPassword;
    auto admin = m_directory->setUp(std::nullopt, first);
    QVERIFY2(admin, why(admin).constData());
    QVERIFY(!stored(admin->id).mustChangePassword);
    QVERIFY(m_auth->signIn(first.adminUsername, kPassword, kAddress));
}

void TestAccounts::resetByAdminMustChangeOwnNeedNot()
{
    const QString coord = m_world.coordinatorA.userId;
    QVERIFY(m_directory->setPassword(m_world.orgAdminA, coord, QStringLiteral("reset by admin 1")));
    QVERIFY(stored(coord).mustChangePassword);
    // Her own, chosen by herself: nothing to change.
    QVERIFY(m_directory->setPassword(m_world.coordinatorA, coord, kNewPassword));
    QVERIFY(!stored(coord).mustChangePassword);
}

void TestAccounts::mustChangeRefusesTokenNotConsole()
{
    const QString coord = m_world.coordinatorA.userId;
    QVERIFY(m_directory->setPassword(m_world.orgAdminA, coord, kNewPassword));
    auto refused = m_auth->signIn(m_world.coordinatorA.username, kNewPassword, kAddress);
    QCOMPARE(codeOf(refused), QStringLiteral("forbidden"));
    QCOMPARE(refused.error().reason, AuthService::kPasswordChangeRequired);
    QCOMPARE(countRows(m_db->db(), QStringLiteral("api_tokens"), QStringLiteral("user_id = '%1'").arg(coord)),
             0);
    // The right password is no failure; a wrong one is refused as always, telling nothing more.
    QCOMPARE(countRows(m_db->db(), QStringLiteral("login_failures")), 0);
    QCOMPARE(
        codeOf(m_auth->signIn(m_world.coordinatorA.username, QStringLiteral("wrong password"), kAddress)),
        QStringLiteral("unauthenticated"));
    // The console's check passes and tells it: the console asks for a new password next.
    auto user = m_auth->checkPassword(m_world.coordinatorA.username, kNewPassword, QStringLiteral("console"));
    QVERIFY2(user, why(user).constData());
    QVERIFY(user->mustChangePassword);
}

void TestAccounts::changePassword()
{
    const QString coord = m_world.coordinatorA.userId;
    QVERIFY(m_directory->setPassword(m_world.orgAdminA, coord, QStringLiteral("reset by admin 1")));
    auto paired = m_auth->issueToken(m_world.coordinatorA.username);
    QVERIFY2(paired, why(paired).constData());
    QSignalSpy tokens(m_auth.get(), &AuthService::tokensChanged);
    m_clock.advance(60'000);

    auto changed = m_auth->changePassword(m_world.coordinatorA.username, QStringLiteral("reset by admin 1"),
                                          kNewPassword, kAddress);
    QVERIFY2(changed, why(changed).constData());
    QVERIFY(!changed->mustChangePassword);
    const User after = stored(coord);
    QVERIFY(!after.mustChangePassword);
    QVERIFY(verifyPassword(kNewPassword, after.passwordHash));
    QVERIFY(!verifyPassword(QStringLiteral("reset by admin 1"), after.passwordHash));
    QCOMPARE(tokens.count(), 1);
    // Every session of the old password has ended.
    QCOMPARE(codeOf(m_auth->authenticate(paired->secret)), QStringLiteral("unauthenticated"));
    QVERIFY(m_auth->signIn(m_world.coordinatorA.username, kNewPassword, kAddress));
    QCOMPARE(countRows(
                 m_db->db(), QStringLiteral("audit_log"),
                 QStringLiteral("action = 'user.password' AND user_id = '%1' AND detail = 'own'").arg(coord)),
             1);
}

void TestAccounts::changePasswordRefused_data()
{
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("next");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    const QString none;
    QTest::newRow("wrong current") << QStringLiteral("not my password") << kNewPassword
                                   << QStringLiteral("unauthenticated") << none;
    QTest::newRow("too short") << kPassword << QStringLiteral("short") << QStringLiteral("invalid")
                               << QStringLiteral("new_password");
    QTest::newRow("the same") << kPassword << kPassword << QStringLiteral("invalid")
                              << QStringLiteral("new_password");
}

void TestAccounts::changePasswordRefused()
{
    QFETCH(QString, current);
    QFETCH(QString, next);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const QString coord = m_world.coordinatorA.userId;
    const QString before = stored(coord).passwordHash;
    auto refused = m_auth->changePassword(m_world.coordinatorA.username, current, next, kAddress);
    QCOMPARE(codeOf(refused), code);
    QCOMPARE(refused.error().fields.isEmpty() ? QString() : refused.error().fields.first().field, field);
    QCOMPARE(stored(coord).passwordHash, before);
    QCOMPARE(countRows(m_db->db(), QStringLiteral("login_failures")),
             code == QLatin1String("unauthenticated") ? 1 : 0);
}

void TestAccounts::changePasswordIsThrottled()
{
    for (int i = 0; i < AuthService::kMaxFailures; ++i)
        QCOMPARE(codeOf(m_auth->changePassword(m_world.coordinatorA.username,
                                               QStringLiteral("guess %1").arg(i), kNewPassword, kAddress)),
                 QStringLiteral("unauthenticated"));
    // Even the right password waits now.
    auto throttled = m_auth->changePassword(m_world.coordinatorA.username, kPassword, kNewPassword, kAddress);
    QCOMPARE(codeOf(throttled), QStringLiteral("too-many-requests"));
    QVERIFY(throttled.error().retryAfterSeconds > 0);
}

void TestAccounts::weakerHashIsUpgradedAtSignIn()
{
    QVERIFY(verifyPassword(kPassword, kOlderHash));
    QVERIFY(passwordNeedsRehash(kOlderHash));
    const QString coord = m_world.coordinatorA.userId;
    User u = stored(coord);
    u.passwordHash = kOlderHash;
    UserRepository users(m_db->db());
    QVERIFY(users.updateUser(u));

    auto signedIn =
        m_auth->checkPassword(m_world.coordinatorA.username, kPassword, QStringLiteral("console"));
    QVERIFY2(signedIn, why(signedIn).constData());
    const QString now = stored(coord).passwordHash;
    QVERIFY(now != kOlderHash);
    QVERIFY(now.startsWith(QLatin1String("$argon2id$")));
    QVERIFY(!passwordNeedsRehash(now));
    QVERIFY(verifyPassword(kPassword, now));
    // A wrong password changes nothing.
    u.passwordHash = kOlderHash;
    QVERIFY(users.updateUser(u));
    QVERIFY(!m_auth->checkPassword(m_world.coordinatorA.username, QStringLiteral("wrong one"), kAddress));
    QCOMPARE(stored(coord).passwordHash, kOlderHash);
}

CC_DATABASE_TEST_MAIN(TestAccounts)
#include "tst_accounts.moc"
