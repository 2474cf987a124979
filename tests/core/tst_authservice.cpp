#include "core/AuthService.h"
#include "core/ChangeFeed.h"
#include "core/DirectoryService.h"
#include "core/Passwords.h"
#include "core/UserRepository.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlRecord>
#include <QTest>

#include <memory>

using namespace cc;
using namespace cc::test;

namespace {

const QString kPassword = cc::test::World::kPassword;
const QString kOtherPassword = QStringLiteral("another password 42");

// SHA-256, lowercase hex, computed here rather than with the code under test.
QString sha256(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

constexpr qint64 kMinute = 60'000;
constexpr qint64 kDay = 24 * 60 * kMinute;

} // namespace

class TestAuthService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void signInIssuesToken();
    void onlyTheHashIsStored();
    void authenticateGivesCaller_data();
    void authenticateGivesCaller();
    void wrongCredentialsLookTheSame_data();
    void wrongCredentialsLookTheSame();
    void checkPasswordReturnsUser();

    void throttle_data();
    void throttle();
    void fourFailuresDoNotThrottle();
    void throttleLiftsAfterWindow();
    void retryAfterRoundsUp();
    void retryAfterWaitsForEveryBlockingCount();
    void successClearsUsernameFailures();

    void tokenExpires();
    void issueTokenDays_data();
    void issueTokenDays();
    void issueTokenRefused();
    void authenticateRejectsGarbage_data();
    void authenticateRejectsGarbage();
    void revokeSecret();
    void revoke_data();
    void revoke();
    void tokensAreScoped();
    void disabledUserTokenFails();
    void lastUsedIsRemembered();
    void cachedCallerEndsWithItsToken();
    void cacheHearsAnotherProgram();
    void prunePairingCodes();

private:
    int rows(const QString &table);

    std::unique_ptr<test::TestDatabase> m_db;
    ManualClock m_clock{test::testNow()};
    std::unique_ptr<AuthService> m_auth;
    World m_world;
    QString m_otherHash;
};

void TestAuthService::initTestCase()
{
    m_db = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_auth = std::make_unique<AuthService>(m_db->db(), m_clock);
    // Hash once: argon2id is slow on purpose.
    auto other = hashPassword(kOtherPassword);
    QVERIFY2(other, why(other).constData());
    m_otherHash = *other;
}

void TestAuthService::cleanupTestCase()
{
    m_auth.reset();
    m_db.reset();
}

int TestAuthService::rows(const QString &table)
{
    return int(countRows(m_db->db(), table));
}

void TestAuthService::init()
{
    m_db->reset();
    m_clock.set(test::testNow());
    auto created = m_world.create(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    created = m_world.createUsers(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    // A second coordinator of A, with a password of his own.
    auto added = insertUser(m_db->db(), QStringLiteral("user_per"), QStringLiteral("per.coord"),
                            Role::Coordinator, World::kOrgA, World::kCoordA2, m_otherHash, m_clock.now());
    QVERIFY2(added, why(added).constData());
}

void TestAuthService::signInIssuesToken()
{
    QSignalSpy changed(m_auth.get(), &AuthService::tokensChanged);
    auto issued = m_auth->signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("10.0.0.1"),
                                 QStringLiteral("laptop"));
    QVERIFY2(issued, why(issued).constData());
    // 32 random bytes, URL-safe base64 without padding.
    QVERIFY2(QRegularExpression(QStringLiteral("^cct_[A-Za-z0-9_-]{43}$")).match(issued->secret).hasMatch(),
             qPrintable(issued->secret));
    QCOMPARE(issued->token.tokenHash, sha256(issued->secret));
    QCOMPARE(issued->token.userId, QStringLiteral("user_ca"));
    QCOMPARE(issued->token.label, QStringLiteral("laptop"));
    QCOMPARE(issued->token.createdAt, test::testNow());
    QCOMPARE(issued->token.expiresAt, test::testNow().addDays(AuthService::kDefaultTokenDays));
    QCOMPARE(AuthService::kDefaultTokenDays, 30);
    QVERIFY(issued->token.revokedAt.isNull());
    QVERIFY(issued->token.id.startsWith(QLatin1String("tok_")));
    QCOMPARE(issued->user.username, QStringLiteral("coord.a"));
    QCOMPARE(issued->user.role, Role::Coordinator);
    QCOMPARE(issued->user.orgId, QStringLiteral("org_a"));
    QCOMPARE(issued->user.coordinatorId, QStringLiteral("coord_a1"));
    QCOMPARE(changed.count(), 1);

    // Each sign-in is a new token.
    auto again = m_auth->signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("10.0.0.1"));
    QVERIFY2(again, why(again).constData());
    QVERIFY(again->secret != issued->secret);
    QVERIFY(again->token.id != issued->token.id);
    QCOMPARE(rows(QStringLiteral("api_tokens")), 2);
    QCOMPARE(rows(QStringLiteral("login_failures")), 0);
}

void TestAuthService::onlyTheHashIsStored()
{
    auto issued = m_auth->signIn(QStringLiteral("admin.a"), kPassword, QStringLiteral("10.0.0.2"));
    QVERIFY2(issued, why(issued).constData());
    const QString secretPart = issued->secret.mid(4);

    Query q(m_db->db(),
            QStringLiteral("SELECT id, user_id, token_hash, label, created_at, expires_at, revoked_at, "
                           "last_used_at FROM api_tokens"));
    QVERIFY(q.exec().ok());
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), issued->token.id);
    QCOMPARE(q.value(1).toString(), QStringLiteral("user_aa"));
    QCOMPARE(q.value(2).toString(), sha256(issued->secret));
    QCOMPARE(q.value(4).toString(), QStringLiteral("2026-03-19T14:30:05.000Z"));
    QCOMPARE(q.value(5).toString(), QStringLiteral("2026-04-18T14:30:05.000Z"));
    QVERIFY(q.value(6).isNull());
    for (int i = 0; i < 8; ++i) {
        QVERIFY(!q.value(i).toString().contains(secretPart));
        QVERIFY(!q.value(i).toString().contains(secretPart.left(16)));
    }
    QVERIFY(!q.next());

    // Nothing anywhere else holds it either.
    for (const QString &table :
         {QStringLiteral("audit_log"), QStringLiteral("users"), QStringLiteral("login_failures")}) {
        Query all(m_db->db(), QStringLiteral("SELECT * FROM ") + table);
        QVERIFY(all.exec().ok());
        while (all.next()) {
            for (int i = 0; i < all.raw().record().count(); ++i)
                QVERIFY2(!all.value(i).toString().contains(secretPart.left(16)), qPrintable(table));
        }
    }
    // The password is not stored in clear either.
    Query users(m_db->db(), QStringLiteral("SELECT password_hash FROM users WHERE username = 'admin.a'"));
    QVERIFY(users.exec().ok() && users.next());
    QVERIFY(users.value(0).toString().startsWith(QLatin1String("$argon2id$")));
    QVERIFY(!users.value(0).toString().contains(kPassword));
}

void TestAuthService::authenticateGivesCaller_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("orgId");
    QTest::addColumn<QString>("coordinatorId");

    QTest::newRow("coordinator") << QStringLiteral("coord.a") << QStringLiteral("user_ca")
                                 << QStringLiteral("coordinator") << QStringLiteral("org_a")
                                 << QStringLiteral("coord_a1");
    QTest::newRow("coordinator of B")
        << QStringLiteral("coord.b") << QStringLiteral("user_cb") << QStringLiteral("coordinator")
        << QStringLiteral("org_b") << QStringLiteral("coord_b1");
    QTest::newRow("org admin") << QStringLiteral("admin.a") << QStringLiteral("user_aa")
                               << QStringLiteral("org_admin") << QStringLiteral("org_a") << QString();
    QTest::newRow("global admin") << QStringLiteral("root") << QStringLiteral("user_g")
                                  << QStringLiteral("global_admin") << QString() << QString();
}

void TestAuthService::authenticateGivesCaller()
{
    QFETCH(QString, username);
    QFETCH(QString, userId);
    QFETCH(QString, role);
    QFETCH(QString, orgId);
    QFETCH(QString, coordinatorId);

    auto issued = m_auth->signIn(username, kPassword, QStringLiteral("10.0.0.3"));
    QVERIFY2(issued, why(issued).constData());
    auto caller = m_auth->authenticate(issued->secret);
    QVERIFY2(caller, why(caller).constData());
    QCOMPARE(caller->userId, userId);
    QCOMPARE(caller->username, username);
    QCOMPARE(roleName(caller->role), role);
    QCOMPARE(caller->orgId, orgId);
    QCOMPARE(caller->coordinatorId, coordinatorId);
    QCOMPARE(caller->isGlobalAdmin(), role == QLatin1String("global_admin"));
    QVERIFY(caller->canSee(QStringLiteral("org_a")) == (orgId == QLatin1String("org_a") || orgId.isEmpty()));
    QVERIFY(caller->canSee(QStringLiteral("org_b")) == (orgId == QLatin1String("org_b") || orgId.isEmpty()));
}

void TestAuthService::wrongCredentialsLookTheSame_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");

    QTest::newRow("wrong password") << QStringLiteral("coord.a") << QStringLiteral("wrong password!");
    QTest::newRow("unknown user") << QStringLiteral("nobody") << kPassword;
    QTest::newRow("empty password") << QStringLiteral("coord.a") << QString();
    QTest::newRow("empty username") << QString() << kPassword;
    QTest::newRow("username in another case") << QStringLiteral("Coord.A") << kPassword;
    QTest::newRow("another user's password") << QStringLiteral("coord.a") << kOtherPassword;
    QTest::newRow("password with a trailing space")
        << QStringLiteral("coord.a") << kPassword + QLatin1Char(' ');
}

void TestAuthService::wrongCredentialsLookTheSame()
{
    QFETCH(QString, username);
    QFETCH(QString, password);

    QSignalSpy changed(m_auth.get(), &AuthService::tokensChanged);
    auto reference = m_auth->signIn(QStringLiteral("coord.a"), QStringLiteral("definitely wrong"),
                                    QStringLiteral("10.9.0.1"));
    QCOMPARE(codeOf(reference), QStringLiteral("unauthenticated"));

    auto r = m_auth->signIn(username, password, QStringLiteral("10.9.0.2"));
    QCOMPARE(codeOf(r), QStringLiteral("unauthenticated"));
    QCOMPARE(r.error().message, reference.error().message);
    QVERIFY(r.error().fields.isEmpty());
    QVERIFY(!r.error().message.contains(username.isEmpty() ? QStringLiteral("\x01") : username));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(rows(QStringLiteral("api_tokens")), 0);

    // Every failure is remembered, by username and address.
    QCOMPARE(rows(QStringLiteral("login_failures")), 2);
    Query q(
        m_db->db(),
        QStringLiteral("SELECT username, address, failed_at FROM login_failures WHERE address = '10.9.0.2'"));
    QVERIFY(q.exec().ok() && q.next());
    QCOMPARE(q.value(0).toString(), username);
    QCOMPARE(q.value(2).toString(), QStringLiteral("2026-03-19T14:30:05.000Z"));
}

void TestAuthService::checkPasswordReturnsUser()
{
    auto user =
        m_auth->checkPassword(QStringLiteral("per.coord"), kOtherPassword, QStringLiteral("10.0.0.4"));
    QVERIFY2(user, why(user).constData());
    QCOMPARE(user->id, QStringLiteral("user_per"));
    QCOMPARE(user->coordinatorId, QStringLiteral("coord_a2"));
    QCOMPARE(rows(QStringLiteral("api_tokens")), 0); // no token without signIn
    QCOMPARE(
        codeOf(m_auth->checkPassword(QStringLiteral("per.coord"), kPassword, QStringLiteral("10.0.0.4"))),
        QStringLiteral("unauthenticated"));
}

void TestAuthService::throttle_data()
{
    QTest::addColumn<bool>("sameUsername");
    QTest::addColumn<bool>("sameAddress");

    QTest::newRow("one username from many addresses") << true << false;
    QTest::newRow("many usernames from one address") << false << true;
    QTest::newRow("one username from one address") << true << true;
}

void TestAuthService::throttle()
{
    QFETCH(bool, sameUsername);
    QFETCH(bool, sameAddress);

    const QDateTime start = m_clock.now();
    for (int i = 0; i < AuthService::kMaxFailures; ++i) {
        const QString username = sameUsername ? QStringLiteral("coord.a") : QStringLiteral("guess%1").arg(i);
        const QString address =
            sameAddress ? QStringLiteral("192.0.2.1") : QStringLiteral("198.51.100.%1").arg(i);
        auto r = m_auth->signIn(username, QStringLiteral("guess %1").arg(i), address);
        QCOMPARE(codeOf(r), QStringLiteral("unauthenticated"));
        m_clock.advance(kMinute);
    }
    // now = start + 5 min: the first failure leaves the window at start + 15 min.
    const QString address = sameAddress ? QStringLiteral("192.0.2.1") : QStringLiteral("203.0.113.9");
    QSignalSpy changed(m_auth.get(), &AuthService::tokensChanged);
    auto blocked = m_auth->signIn(QStringLiteral("coord.a"), kPassword, address);
    QCOMPARE(codeOf(blocked), QStringLiteral("too-many-requests"));
    QVERIFY(blocked.error().retryAfterSeconds > 0);
    QVERIFY(blocked.error().retryAfterSeconds <= AuthService::kFailureWindowSeconds);
    QCOMPARE(blocked.error().retryAfterSeconds, 10 * 60);
    QVERIFY(blocked.error().message.contains(QLatin1String("10 minutes")));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(rows(QStringLiteral("api_tokens")), 0);
    // A throttled attempt is not a failure of its own: it does not push the window on.
    QCOMPARE(rows(QStringLiteral("login_failures")), AuthService::kMaxFailures);

    // What is not throttled still works: another user from another address.
    auto other = m_auth->signIn(QStringLiteral("admin.a"), kPassword, QStringLiteral("203.0.113.50"));
    QVERIFY2(other, why(other).constData());

    // 15 minutes after the first failure it has left the window, and 4 are not enough to block.
    m_clock.set(start.addSecs(AuthService::kFailureWindowSeconds));
    auto allowed = m_auth->signIn(QStringLiteral("coord.a"), kPassword, address);
    QVERIFY2(allowed, why(allowed).constData());
}

void TestAuthService::fourFailuresDoNotThrottle()
{
    for (int i = 0; i < AuthService::kMaxFailures - 1; ++i)
        QCOMPARE(codeOf(m_auth->signIn(QStringLiteral("coord.a"), QStringLiteral("nope"),
                                       QStringLiteral("192.0.2.7"))),
                 QStringLiteral("unauthenticated"));
    auto ok = m_auth->signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("192.0.2.7"));
    QVERIFY2(ok, why(ok).constData());
}

void TestAuthService::throttleLiftsAfterWindow()
{
    const QDateTime start = m_clock.now();
    for (int i = 0; i < AuthService::kMaxFailures; ++i)
        QCOMPARE(codeOf(m_auth->signIn(QStringLiteral("coord.a"), QStringLiteral("nope"),
                                       QStringLiteral("192.0.2.8"))),
                 QStringLiteral("unauthenticated"));

    auto first = m_auth->signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("192.0.2.8"));
    QCOMPARE(codeOf(first), QStringLiteral("too-many-requests"));
    QCOMPARE(first.error().retryAfterSeconds, AuthService::kFailureWindowSeconds);

    // One second before the end of the window: still throttled, one second to go.
    m_clock.set(start.addSecs(AuthService::kFailureWindowSeconds - 1));
    auto late = m_auth->signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("192.0.2.8"));
    QCOMPARE(codeOf(late), QStringLiteral("too-many-requests"));
    QCOMPARE(late.error().retryAfterSeconds, 1);

    // Waiting exactly as long as Retry-After said is enough.
    m_clock.set(start.addSecs(AuthService::kFailureWindowSeconds));
    auto allowed = m_auth->signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("192.0.2.8"));
    QVERIFY2(allowed, why(allowed).constData());
}

void TestAuthService::retryAfterRoundsUp()
{
    const QDateTime start = m_clock.now();
    for (int i = 0; i < AuthService::kMaxFailures; ++i)
        QCOMPARE(codeOf(m_auth->signIn(QStringLiteral("coord.a"), QStringLiteral("nope"),
                                       QStringLiteral("192.0.2.9"))),
                 QStringLiteral("unauthenticated"));
    m_clock.set(start.addMSecs(10'500));
    auto blocked = m_auth->signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("192.0.2.9"));
    QCOMPARE(codeOf(blocked), QStringLiteral("too-many-requests"));
    QCOMPARE(blocked.error().retryAfterSeconds, AuthService::kFailureWindowSeconds - 10); // 889.5 s → 890
    m_clock.advance(qint64(blocked.error().retryAfterSeconds) * 1000);
    auto allowed = m_auth->signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("192.0.2.9"));
    QVERIFY2(allowed, why(allowed).constData());
}

void TestAuthService::retryAfterWaitsForEveryBlockingCount()
{
    const QDateTime start = m_clock.now();
    // One failure of someone else from address A ...
    QCOMPARE(codeOf(m_auth->signIn(QStringLiteral("someone"), QStringLiteral("nope"),
                                   QStringLiteral("192.0.2.10"))),
             QStringLiteral("unauthenticated"));
    // ... ten minutes later four of coord.a from A (A is now blocked) and one from C (so is coord.a).
    m_clock.set(start.addSecs(600));
    for (int i = 0; i < AuthService::kMaxFailures - 1; ++i)
        QCOMPARE(codeOf(m_auth->signIn(QStringLiteral("coord.a"), QStringLiteral("nope"),
                                       QStringLiteral("192.0.2.10"))),
                 QStringLiteral("unauthenticated"));
    QCOMPARE(codeOf(m_auth->signIn(QStringLiteral("coord.a"), QStringLiteral("nope"),
                                   QStringLiteral("192.0.2.30"))),
             QStringLiteral("unauthenticated"));

    // Address A frees up at start + 15 min, coord.a only at start + 25 min: Retry-After is the later.
    auto blocked = m_auth->signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("192.0.2.10"));
    QCOMPARE(codeOf(blocked), QStringLiteral("too-many-requests"));
    QCOMPARE(blocked.error().retryAfterSeconds, AuthService::kFailureWindowSeconds);
    // Throttled by the address alone, another user waits only for the address.
    auto byAddress = m_auth->signIn(QStringLiteral("admin.a"), kPassword, QStringLiteral("192.0.2.10"));
    QCOMPARE(codeOf(byAddress), QStringLiteral("too-many-requests"));
    QCOMPARE(byAddress.error().retryAfterSeconds, 5 * 60);

    m_clock.set(start.addSecs(AuthService::kFailureWindowSeconds));
    QVERIFY(m_auth->signIn(QStringLiteral("admin.a"), kPassword, QStringLiteral("192.0.2.10")).ok());
    QCOMPARE(codeOf(m_auth->signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("192.0.2.10"))),
             QStringLiteral("too-many-requests"));
    m_clock.set(start.addSecs(600 + AuthService::kFailureWindowSeconds));
    QVERIFY(m_auth->signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("192.0.2.10")).ok());
}

void TestAuthService::successClearsUsernameFailures()
{
    for (int i = 0; i < AuthService::kMaxFailures - 1; ++i)
        QCOMPARE(codeOf(m_auth->signIn(QStringLiteral("coord.a"), QStringLiteral("nope"),
                                       QStringLiteral("198.51.100.%1").arg(i))),
                 QStringLiteral("unauthenticated"));
    // A failure of another user is not cleared by coord.a's success.
    QCOMPARE(codeOf(m_auth->signIn(QStringLiteral("per.coord"), QStringLiteral("nope"),
                                   QStringLiteral("198.51.100.77"))),
             QStringLiteral("unauthenticated"));
    QVERIFY(m_auth->signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("198.51.100.1")).ok());
    Query q(m_db->db(), QStringLiteral("SELECT COUNT(*) FROM login_failures WHERE username = 'coord.a'"));
    QVERIFY(q.exec().ok() && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QCOMPARE(rows(QStringLiteral("login_failures")), 1);

    // Four more failures: without the clearing these would make eight and block.
    for (int i = 0; i < AuthService::kMaxFailures - 1; ++i)
        QCOMPARE(codeOf(m_auth->signIn(QStringLiteral("coord.a"), QStringLiteral("nope"),
                                       QStringLiteral("198.51.100.%1").arg(10 + i))),
                 QStringLiteral("unauthenticated"));
    QVERIFY(m_auth->signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("198.51.100.20")).ok());
}

void TestAuthService::tokenExpires()
{
    auto issued = m_auth->signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("10.0.0.5"));
    QVERIFY2(issued, why(issued).constData());
    m_clock.advance(30 * kDay - 1);
    QVERIFY(m_auth->authenticate(issued->secret).ok());
    m_clock.advance(1);
    auto expired = m_auth->authenticate(issued->secret);
    QCOMPARE(codeOf(expired), QStringLiteral("unauthenticated"));
    m_clock.advance(365 * kDay);
    QCOMPARE(codeOf(m_auth->authenticate(issued->secret)), QStringLiteral("unauthenticated"));
    // An unknown token gets the same message: nothing tells expired from never issued.
    QCOMPARE(expired.error().message, m_auth->authenticate(QStringLiteral("cct_unknown")).error().message);
}

void TestAuthService::issueTokenDays_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<QString>("code");

    QTest::newRow("0") << 0 << QStringLiteral("invalid");
    QTest::newRow("-1") << -1 << QStringLiteral("invalid");
    QTest::newRow("1") << 1 << QStringLiteral("ok");
    QTest::newRow("30") << 30 << QStringLiteral("ok");
    QTest::newRow("3650") << 3650 << QStringLiteral("ok");
    QTest::newRow("3651") << 3651 << QStringLiteral("invalid");
}

void TestAuthService::issueTokenDays()
{
    QFETCH(int, days);
    QFETCH(QString, code);
    auto issued = m_auth->issueToken(QStringLiteral("admin.b"), days, QStringLiteral("cli"));
    QCOMPARE(codeOf(issued), code);
    if (!issued) {
        QCOMPARE(issued.error().fields.value(0).field, QStringLiteral("days"));
        QCOMPARE(rows(QStringLiteral("api_tokens")), 0);
        return;
    }
    QCOMPARE(issued->token.expiresAt, test::testNow().addDays(days));
    QCOMPARE(issued->token.label, QStringLiteral("cli"));
    m_clock.advance(days * kDay - 1);
    QVERIFY(m_auth->authenticate(issued->secret).ok());
    m_clock.advance(1);
    QCOMPARE(codeOf(m_auth->authenticate(issued->secret)), QStringLiteral("unauthenticated"));
}

void TestAuthService::issueTokenRefused()
{
    QCOMPARE(codeOf(m_auth->issueToken(QStringLiteral("nobody"))), QStringLiteral("not-found"));
    UserRepository users(m_db->db());
    auto user = users.userByUsername(QStringLiteral("per.coord"));
    QVERIFY(user && user->has_value());
    User u = **user;
    u.disabled = true;
    QVERIFY(users.updateUser(u).ok());
    QCOMPARE(codeOf(m_auth->issueToken(QStringLiteral("per.coord"))), QStringLiteral("forbidden"));
    QCOMPARE(rows(QStringLiteral("api_tokens")), 0);
}

void TestAuthService::authenticateRejectsGarbage_data()
{
    QTest::addColumn<QString>("secret");
    QTest::newRow("empty") << QString();
    QTest::newRow("prefix only") << QStringLiteral("cct_");
    QTest::newRow("too long") << QStringLiteral("cct_") + QString(400, QLatin1Char('a'));
    QTest::newRow("random") << QStringLiteral("cct_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    QTest::newRow("the hash itself") << QStringLiteral("HASH");
    QTest::newRow("one character changed") << QStringLiteral("CHANGED");
    QTest::newRow("with spaces around") << QStringLiteral("SPACED");
}

void TestAuthService::authenticateRejectsGarbage()
{
    QFETCH(QString, secret);
    auto issued = m_auth->issueToken(QStringLiteral("coord.a"));
    QVERIFY2(issued, why(issued).constData());
    if (secret == QLatin1String("HASH")) {
        secret = issued->token.tokenHash;
    } else if (secret == QLatin1String("CHANGED")) {
        secret = issued->secret;
        secret[secret.size() - 1] = secret.back() == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    } else if (secret == QLatin1String("SPACED")) {
        secret = QLatin1Char(' ') + issued->secret + QLatin1Char(' ');
    }
    QCOMPARE(codeOf(m_auth->authenticate(secret)), QStringLiteral("unauthenticated"));
    QVERIFY(m_auth->authenticate(issued->secret).ok());
}

void TestAuthService::revokeSecret()
{
    auto issued = m_auth->signIn(QStringLiteral("coord.a"), kPassword, QStringLiteral("10.0.0.6"));
    QVERIFY2(issued, why(issued).constData());
    auto other = m_auth->issueToken(QStringLiteral("coord.a"));
    QVERIFY2(other, why(other).constData());
    m_clock.advance(kMinute);

    QSignalSpy changed(m_auth.get(), &AuthService::tokensChanged);
    auto s = m_auth->revokeSecret(issued->secret);
    QVERIFY2(s, why(s).constData());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(codeOf(m_auth->authenticate(issued->secret)), QStringLiteral("unauthenticated"));
    QVERIFY(m_auth->authenticate(other->secret).ok()); // only the token used

    Query q(m_db->db(), QStringLiteral("SELECT revoked_at FROM api_tokens WHERE id = :id"));
    q.bind(QStringLiteral(":id"), issued->token.id);
    QVERIFY(q.exec().ok() && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("2026-03-19T14:31:05.000Z"));

    QCOMPARE(codeOf(m_auth->revokeSecret(QStringLiteral("cct_never_issued"))),
             QStringLiteral("unauthenticated"));
}

void TestAuthService::revoke_data()
{
    QTest::addColumn<QString>("callerName");
    QTest::addColumn<QString>("ownerName");
    QTest::addColumn<QString>("code");

    QTest::newRow("coordinator, own token")
        << QStringLiteral("coord.a") << QStringLiteral("coord.a") << QStringLiteral("ok");
    QTest::newRow("coordinator, colleague's token")
        << QStringLiteral("coord.a") << QStringLiteral("per.coord") << QStringLiteral("not-found");
    QTest::newRow("coordinator, org admin's token")
        << QStringLiteral("coord.a") << QStringLiteral("admin.a") << QStringLiteral("not-found");
    QTest::newRow("coordinator, other organisation")
        << QStringLiteral("coord.a") << QStringLiteral("coord.b") << QStringLiteral("not-found");
    QTest::newRow("org admin, own organisation's coordinator")
        << QStringLiteral("admin.a") << QStringLiteral("per.coord") << QStringLiteral("ok");
    QTest::newRow("org admin, own token")
        << QStringLiteral("admin.a") << QStringLiteral("admin.a") << QStringLiteral("ok");
    QTest::newRow("org admin, other organisation's coordinator")
        << QStringLiteral("admin.b") << QStringLiteral("coord.a") << QStringLiteral("not-found");
    QTest::newRow("org admin, other organisation's admin")
        << QStringLiteral("admin.b") << QStringLiteral("admin.a") << QStringLiteral("not-found");
    QTest::newRow("org admin, global admin's token")
        << QStringLiteral("admin.a") << QStringLiteral("root") << QStringLiteral("not-found");
    QTest::newRow("global admin, any organisation")
        << QStringLiteral("root") << QStringLiteral("coord.b") << QStringLiteral("ok");
    QTest::newRow("global admin, own token")
        << QStringLiteral("root") << QStringLiteral("root") << QStringLiteral("ok");
}

void TestAuthService::revoke()
{
    QFETCH(QString, callerName);
    QFETCH(QString, ownerName);
    QFETCH(QString, code);

    auto callerToken = m_auth->issueToken(callerName);
    QVERIFY2(callerToken, why(callerToken).constData());
    auto caller = m_auth->authenticate(callerToken->secret);
    QVERIFY2(caller, why(caller).constData());
    auto target = callerName == ownerName ? callerToken : m_auth->issueToken(ownerName);
    QVERIFY2(target, why(target).constData());

    QSignalSpy changed(m_auth.get(), &AuthService::tokensChanged);
    auto s = m_auth->revoke(*caller, target->token.id);
    QCOMPARE(codeOf(s), code);
    if (code == QLatin1String("ok")) {
        QCOMPARE(changed.count(), 1);
        QCOMPARE(codeOf(m_auth->authenticate(target->secret)), QStringLiteral("unauthenticated"));
        Query audit(m_db->db(),
                    QStringLiteral(
                        "SELECT username, action, entity_id FROM audit_log WHERE action = 'token.revoke'"));
        QVERIFY(audit.exec().ok() && audit.next());
        QCOMPARE(audit.value(0).toString(), callerName);
        QCOMPARE(audit.value(2).toString(), target->token.id);
    } else {
        QCOMPARE(changed.count(), 0);
        QVERIFY(m_auth->authenticate(target->secret).ok());
        // The same answer as for a token that does not exist.
        QCOMPARE(s.error().message,
                 m_auth->revoke(*caller, QStringLiteral("tok_0000000000000000")).error().message);
    }
}

void TestAuthService::tokensAreScoped()
{
    for (const QString &name :
         {QStringLiteral("coord.a"), QStringLiteral("coord.a"), QStringLiteral("per.coord"),
          QStringLiteral("admin.a"), QStringLiteral("coord.b"), QStringLiteral("root")}) {
        QVERIFY(m_auth->issueToken(name).ok());
        m_clock.advance(1000);
    }
    auto kari = m_auth->authenticate(m_auth->issueToken(QStringLiteral("coord.a"))->secret);
    QVERIFY2(kari, why(kari).constData());
    auto anne = m_auth->authenticate(m_auth->issueToken(QStringLiteral("admin.a"))->secret);
    QVERIFY2(anne, why(anne).constData());
    auto bob = m_auth->authenticate(m_auth->issueToken(QStringLiteral("admin.b"))->secret);
    QVERIFY2(bob, why(bob).constData());
    auto root = m_auth->authenticate(m_auth->issueToken(QStringLiteral("root"))->secret);
    QVERIFY2(root, why(root).constData());

    auto own = m_auth->tokens(*kari);
    QVERIFY2(own, why(own).constData());
    QCOMPARE(own->size(), 3);
    for (const ApiToken &t : std::as_const(*own))
        QCOMPARE(t.userId, QStringLiteral("user_ca"));
    auto orgA = m_auth->tokens(*anne);
    QVERIFY2(orgA, why(orgA).constData());
    QCOMPARE(orgA->size(), 6); // kari ×3, per, anne ×2
    auto orgB = m_auth->tokens(*bob);
    QVERIFY2(orgB, why(orgB).constData());
    QCOMPARE(orgB->size(), 2); // bjorn, bob
    auto all = m_auth->tokens(*root);
    QVERIFY2(all, why(all).constData());
    QCOMPARE(all->size(), 10);
    // Newest first.
    for (qsizetype i = 1; i < all->size(); ++i)
        QVERIFY(all->at(i - 1).createdAt >= all->at(i).createdAt);
}

void TestAuthService::disabledUserTokenFails()
{
    auto issued = m_auth->issueToken(QStringLiteral("per.coord"));
    QVERIFY2(issued, why(issued).constData());
    QVERIFY(m_auth->authenticate(issued->secret).ok());

    // Disabled in the table (without revoking its tokens): the token is refused all the same.
    UserRepository users(m_db->db());
    auto user = users.userByUsername(QStringLiteral("per.coord"));
    QVERIFY(user && user->has_value());
    User u = **user;
    u.disabled = true;
    QVERIFY(users.updateUser(u).ok());
    // A write straight to the table passes by the change feed, so the cache is told here as
    // the feed would tell it.
    m_db->db().identityChanged();
    auto refused = m_auth->authenticate(issued->secret);
    QCOMPARE(codeOf(refused), QStringLiteral("unauthenticated"));
    // Signing in fails like a wrong password.
    auto signIn = m_auth->signIn(QStringLiteral("per.coord"), kOtherPassword, QStringLiteral("10.0.0.7"));
    QCOMPARE(codeOf(signIn), QStringLiteral("unauthenticated"));
    QCOMPARE(
        signIn.error().message,
        m_auth->signIn(QStringLiteral("per.coord"), QStringLiteral("wrong one!"), QStringLiteral("10.0.0.8"))
            .error()
            .message);

    u.disabled = false;
    QVERIFY(users.updateUser(u).ok());
    m_db->db().identityChanged();
    QVERIFY(m_auth->authenticate(issued->secret).ok());

    // Disabled through the directory: the tokens are revoked as well.
    DirectoryService directory(m_db->db(), m_clock);
    auto anne = m_auth->authenticate(m_auth->issueToken(QStringLiteral("admin.a"))->secret);
    QVERIFY2(anne, why(anne).constData());
    QVERIFY(directory.setDisabled(*anne, QStringLiteral("user_per"), true).ok());
    QVERIFY(directory.setDisabled(*anne, QStringLiteral("user_per"), false).ok());
    QCOMPARE(codeOf(m_auth->authenticate(issued->secret)), QStringLiteral("unauthenticated"));
}

void TestAuthService::lastUsedIsRemembered()
{
    auto issued = m_auth->issueToken(QStringLiteral("coord.a"));
    QVERIFY2(issued, why(issued).constData());
    auto lastUsed = [&]() {
        Query q(m_db->db(), QStringLiteral("SELECT last_used_at FROM api_tokens WHERE id = :id"));
        q.bind(QStringLiteral(":id"), issued->token.id);
        if (!q.exec() || !q.next())
            return QStringLiteral("error");
        return q.value(0).isNull() ? QString() : q.value(0).toString();
    };
    QCOMPARE(lastUsed(), QString());
    QVERIFY(m_auth->authenticate(issued->secret).ok());
    QCOMPARE(lastUsed(), QStringLiteral("2026-03-19T14:30:05.000Z"));
    m_clock.advance(30'000);
    QVERIFY(m_auth->authenticate(issued->secret).ok());
    QCOMPARE(lastUsed(), QStringLiteral("2026-03-19T14:30:05.000Z")); // at most once a minute
    m_clock.advance(2 * kMinute);
    QVERIFY(m_auth->authenticate(issued->secret).ok());
    QCOMPARE(lastUsed(), QStringLiteral("2026-03-19T14:32:35.000Z"));
}

void TestAuthService::cachedCallerEndsWithItsToken()
{
    auto issued = m_auth->issueToken(QStringLiteral("coord.a"), 1);
    QVERIFY2(issued, why(issued).constData());
    QVERIFY(m_auth->authenticate(issued->secret).ok());
    const int cached = m_auth->cachedTokens();
    QVERIFY(cached >= 1);

    // Answered from memory: a revocation written straight to the table, past the services and
    // the change feed, is not seen until the cache is told.
    Query revoke(m_db->db(), QStringLiteral("UPDATE api_tokens SET revoked_at = :at WHERE id = :id"));
    revoke.bind(QStringLiteral(":at"), timeValue(m_clock.now()))
        .bind(QStringLiteral(":id"), issued->token.id);
    QVERIFY(revoke.exec());
    auto fromMemory = m_auth->authenticate(issued->secret);
    QVERIFY2(fromMemory, why(fromMemory).constData());
    QCOMPARE(fromMemory->username, QStringLiteral("coord.a"));
    m_db->db().identityChanged();
    QCOMPARE(codeOf(m_auth->authenticate(issued->secret)), QStringLiteral("unauthenticated"));
    QCOMPARE(m_auth->cachedTokens(), 0);

    // Revoked through the service: refused by the very next call.
    auto second = m_auth->issueToken(QStringLiteral("coord.a"));
    QVERIFY2(second, why(second).constData());
    auto caller = m_auth->authenticate(second->secret);
    QVERIFY2(caller, why(caller).constData());
    QVERIFY(m_auth->revoke(*caller, second->token.id).ok());
    QCOMPARE(codeOf(m_auth->authenticate(second->secret)), QStringLiteral("unauthenticated"));

    // A user's role changed through the directory: the next call has the new role.
    auto third = m_auth->issueToken(QStringLiteral("per.coord"));
    QVERIFY2(third, why(third).constData());
    auto per = m_auth->authenticate(third->secret);
    QVERIFY2(per, why(per).constData());
    QCOMPARE(per->role, Role::Coordinator);
    DirectoryService directory(m_db->db(), m_clock);
    auto anne = m_auth->authenticate(m_auth->issueToken(QStringLiteral("admin.a"))->secret);
    QVERIFY2(anne, why(anne).constData());
    QVERIFY(directory.setDisabled(*anne, QStringLiteral("user_per"), true).ok());
    QCOMPARE(codeOf(m_auth->authenticate(third->secret)), QStringLiteral("unauthenticated"));

    // Expiry ends a cached token too, to the millisecond.
    auto shortLived = m_auth->issueToken(QStringLiteral("coord.a"), 1);
    QVERIFY2(shortLived, why(shortLived).constData());
    QVERIFY(m_auth->authenticate(shortLived->secret).ok());
    m_clock.advance(kDay - 1);
    QVERIFY(m_auth->authenticate(shortLived->secret).ok());
    m_clock.advance(1);
    QCOMPARE(codeOf(m_auth->authenticate(shortLived->secret)), QStringLiteral("unauthenticated"));
}

void TestAuthService::cacheHearsAnotherProgram()
{
    // A `serve` with a token in its cache; another program (an admin command line, a second
    // server) revokes it: once the feed has heard, the token is refused.
    ChangeFeed feed(m_db->db());
    QVERIFY(feed.start(50));
    auto issued = m_auth->issueToken(QStringLiteral("coord.a"));
    QVERIFY2(issued, why(issued).constData());
    auto caller = m_auth->authenticate(issued->secret);
    QVERIFY2(caller, why(caller).constData());

    Database other(*DatabaseUrl::parse(m_db->url()));
    QVERIFY(other.open());
    QVERIFY(other.origin() != m_db->db().origin());
    {
        AuthService otherAuth(other, m_clock);
        QVERIFY(otherAuth.revoke(*caller, issued->token.id).ok());
    }
    // Until the feed hears of it the cache may still answer; the feed hears within its poll.
    QTRY_COMPARE_WITH_TIMEOUT(codeOf(m_auth->authenticate(issued->secret)), QStringLiteral("unauthenticated"),
                              3000);
    other.closeThreadConnection();
}

void TestAuthService::prunePairingCodes()
{
    const Caller root =
        AuthService::callerOf(**UserRepository(m_db->db()).userByUsername(QStringLiteral("root")));
    auto createFor = [&](const QString &username) {
        auto code = m_auth->createPairingCode(root, username);
        if (!code)
            qFatal("createPairingCode: %s", why(code).constData());
        return code->code;
    };
    const QString used = createFor(QStringLiteral("coord.a"));
    QVERIFY(m_auth->redeemPairingCode(used, QStringLiteral("10.0.0.1")).ok());
    const QString unused = createFor(QStringLiteral("per.coord"));
    m_clock.advance(30 * kMinute);
    const QString recent = createFor(QStringLiteral("admin.a"));
    QCOMPARE(rows(QStringLiteral("pairing_codes")), 3);

    // Nothing has been expired for a whole day yet.
    QVERIFY(m_auth->prunePairingCodes().ok());
    QCOMPARE(rows(QStringLiteral("pairing_codes")), 3);

    // A day after the first two expired (used or not) they go; the one made later stays until
    // its own day has passed.
    m_clock.set(
        test::testNow().addSecs(AuthService::kPairingCodeSeconds + AuthService::kPairingCodeKeepSeconds + 1));
    QVERIFY(m_auth->prunePairingCodes().ok());
    QCOMPARE(rows(QStringLiteral("pairing_codes")), 1);
    QCOMPARE(countRows(m_db->db(), QStringLiteral("pairing_codes"),
                       QStringLiteral("code_hash = '%1'").arg(sha256(recent))),
             1);
    // A pruned code is refused as any wrong code is.
    auto again = m_auth->redeemPairingCode(unused, QStringLiteral("10.0.0.2"));
    QCOMPARE(codeOf(again), QStringLiteral("unauthenticated"));

    m_clock.advance(30 * kMinute);
    QVERIFY(m_auth->prunePairingCodes().ok());
    QCOMPARE(rows(QStringLiteral("pairing_codes")), 0);
}

CC_DATABASE_TEST_MAIN(TestAuthService)
#include "tst_authservice.moc"
