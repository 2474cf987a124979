// Signing in and out over real HTTP (/api/v1/auth/token), the throttling of failed sign-ins per
// username and per address, the Bearer guard, /api/v1/health and /api/v1/openapi.json.
#include "tests/server/ApiHarness.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QtTest>

using namespace cc;
using namespace cc::test;

namespace {

const QString kToken = QStringLiteral("/api/v1/auth/token");
const QString kRecords = QStringLiteral("/api/v1/notification-records");
const QString kPassword = QStringLiteral("/api/v1/auth/password");
const QString kNewPassword = QStringLiteral("staple battery horse correct");

QJsonObject credentials(const QString &username, const QString &password = World::kPassword)
{
    return QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
}

} // namespace

class TestApiAuth : public QObject
{
    Q_OBJECT

private:
    ApiHarness m_api;

    ApiHarness::Reply signIn(const QString &username, const QString &password = World::kPassword)
    {
        return m_api.post(kToken, credentials(username, password), {});
    }

private slots:
    void initTestCase()
    {
        // Every failed sign-in is logged on purpose; here there are many.
        QLoggingCategory::setFilterRules(
            QStringLiteral("console.server.info=false\nconsole.core.info=false"));
        QVERIFY2(m_api.start(), qPrintable(m_api.error()));
    }

    void init() { m_api.reseed(); }

    void signInIssuesAToken_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("orgId");         // empty: null
        QTest::addColumn<QString>("coordinatorId"); // empty: null
        QTest::newRow("coordinator") << QStringLiteral("coord.a") << QStringLiteral("coordinator")
                                     << World::kOrgA << World::kCoordA1;
        QTest::newRow("org admin") << QStringLiteral("admin.a") << QStringLiteral("org_admin") << World::kOrgA
                                   << QString();
        QTest::newRow("global admin")
            << QStringLiteral("root") << QStringLiteral("global_admin") << QString() << QString();
        QTest::newRow("coordinator of B")
            << QStringLiteral("coord.b") << QStringLiteral("coordinator") << World::kOrgB << World::kCoordB1;
        QTest::newRow("org admin of B")
            << QStringLiteral("admin.b") << QStringLiteral("org_admin") << World::kOrgB << QString();
    }

    void signInIssuesAToken()
    {
        QFETCH(QString, username);
        QFETCH(QString, role);
        QFETCH(QString, orgId);
        QFETCH(QString, coordinatorId);
        const auto reply = signIn(username);
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/json"));
        QCOMPARE(reply.header("Cache-Control"), QByteArrayLiteral("no-store"));
        QStringList keys = reply.json.keys();
        keys.sort();
        QCOMPARE(keys,
                 QStringList({QStringLiteral("access_token"), QStringLiteral("expires_at"),
                              QStringLiteral("token_type"), QStringLiteral("user")}));
        const QString token = reply.json.value(QLatin1String("access_token")).toString();
        QVERIFY(token.size() >= 43); // at least 256 bits, however it is written
        QCOMPARE(reply.json.value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(reply.json.value(QLatin1String("expires_at")).toString(),
                 QStringLiteral("2026-04-18T14:30:05.000Z"));
        const QJsonObject user = reply.json.value(QLatin1String("user")).toObject();
        QStringList userKeys = user.keys();
        userKeys.sort();
        QCOMPARE(userKeys,
                 QStringList({QStringLiteral("coordinator_id"), QStringLiteral("display_name"),
                              QStringLiteral("id"), QStringLiteral("org_id"), QStringLiteral("role"),
                              QStringLiteral("username")}));
        QVERIFY(!user.value(QLatin1String("id")).toString().isEmpty());
        QCOMPARE(user.value(QLatin1String("username")).toString(), username);
        QCOMPARE(user.value(QLatin1String("display_name")).toString(), username);
        QCOMPARE(user.value(QLatin1String("role")).toString(), role);
        QCOMPARE(user.value(QLatin1String("org_id")),
                 orgId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(orgId));
        QCOMPARE(user.value(QLatin1String("coordinator_id")),
                 coordinatorId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(coordinatorId));

        // The token works, and is a new one each time.
        QCOMPARE(m_api.get(kRecords, token).status, 200);
        QVERIFY(signIn(username).json.value(QLatin1String("access_token")).toString() != token);
        // The password is nowhere in the log.
        QVERIFY(!m_api.logLines().join(QLatin1Char('\n')).contains(World::kPassword));
    }

    void theTokenExpires()
    {
        const QString token =
            signIn(QStringLiteral("coord.a")).json.value(QLatin1String("access_token")).toString();
        m_api.clock().advance(30LL * 24 * 3600 * 1000 - 1000);
        QCOMPARE(m_api.get(kRecords, token).status, 200);
        m_api.clock().advance(2000);
        const auto expired = m_api.get(kRecords, token);
        QCOMPARE(expired.status, 401);
        QVERIFY(expired.header("WWW-Authenticate").startsWith("Bearer"));
    }

    void wrongCredentialsSayTheSame_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password") << QStringLiteral("coord.a") << QStringLiteral("wrong horse battery");
        QTest::newRow("unknown user") << QStringLiteral("nobody") << World::kPassword;
        QTest::newRow("username in another case") << QStringLiteral("INGRID") << World::kPassword;
        QTest::newRow("password with a trailing space")
            << QStringLiteral("admin.a") << QString(World::kPassword + QLatin1Char(' '));
    }

    void wrongCredentialsSayTheSame()
    {
        QFETCH(QString, username);
        QFETCH(QString, password);
        const auto reply = signIn(username, password);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
        QVERIFY(reply.header("WWW-Authenticate").startsWith("Bearer"));
        QVERIFY(!reply.json.contains(QLatin1String("access_token")));
        // One message whatever was wrong: the same as for an unknown user with a wrong password.
        m_api.reseed();
        const auto reference = signIn(QStringLiteral("someone-else"), QStringLiteral("x"));
        QCOMPARE(reply.json.value(QLatin1String("detail")), reference.json.value(QLatin1String("detail")));
        QCOMPARE(reply.json.value(QLatin1String("errors")), reference.json.value(QLatin1String("errors")));
        QCOMPARE(reply.body, reference.body);
    }

    void fiveFailuresForAUsernameLockIt()
    {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(signIn(QStringLiteral("coord.a"), QStringLiteral("guess %1").arg(i)).status, 401);
        // The sixth attempt is refused before the password is looked at, even a correct one.
        const auto locked = signIn(QStringLiteral("coord.a"));
        QCOMPARE(locked.status, 429);
        QCOMPARE(locked.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
        bool ok = false;
        const int retryAfter = locked.header("Retry-After").toInt(&ok);
        QVERIFY2(ok && retryAfter >= 1 && retryAfter <= 900, locked.header("Retry-After").constData());
        QVERIFY(!locked.json.contains(QLatin1String("access_token")));
        // Time passes: the wait shrinks...
        m_api.clock().advance(10 * 60 * 1000);
        const auto later = signIn(QStringLiteral("coord.a"));
        QCOMPARE(later.status, 429);
        const int left = later.header("Retry-After").toInt();
        QVERIFY2(left >= 1 && left <= 300, later.header("Retry-After").constData());
        // ...and once the window has passed, the right password is let in.
        m_api.clock().advance(5 * 60 * 1000);
        QCOMPARE(signIn(QStringLiteral("coord.a")).status, 201);
    }

    void retryAfterIsHonest()
    {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(signIn(QStringLiteral("admin.a"), QStringLiteral("guess")).status, 401);
        const auto locked = signIn(QStringLiteral("admin.a"));
        QCOMPARE(locked.status, 429);
        const int retryAfter = locked.header("Retry-After").toInt();
        m_api.clock().advance(qint64(retryAfter - 1) * 1000);
        QCOMPARE(signIn(QStringLiteral("admin.a")).status, 429);
        m_api.clock().advance(1000);
        QCOMPARE(signIn(QStringLiteral("admin.a")).status, 201);
    }

    void fiveFailuresFromAnAddressLockIt()
    {
        // Every request of the harness comes from 127.0.0.1: five usernames, one failure each.
        const QStringList usernames{QStringLiteral("coord.a"), QStringLiteral("admin.a"),
                                    QStringLiteral("root"), QStringLiteral("coord.b"),
                                    QStringLiteral("nobody")};
        for (const QString &username : usernames)
            QCOMPARE(signIn(username, QStringLiteral("wrong")).status, 401);
        // admin.b has never failed, but the address has.
        const auto locked = signIn(QStringLiteral("admin.b"));
        QCOMPARE(locked.status, 429);
        const int retryAfter = locked.header("Retry-After").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 900, locked.header("Retry-After").constData());
        // Tokens that exist still work: the lock is on signing in only.
        QCOMPARE(m_api.get(kRecords, m_api.token(QStringLiteral("org_admin_b"))).status, 200);
        m_api.clock().advance(15 * 60 * 1000);
        QCOMPARE(signIn(QStringLiteral("admin.b")).status, 201);
    }

    void failuresOutsideTheWindowDoNotCount()
    {
        for (int i = 0; i < 4; ++i)
            QCOMPARE(signIn(QStringLiteral("coord.a"), QStringLiteral("wrong")).status, 401);
        m_api.clock().advance(15 * 60 * 1000);
        QCOMPARE(signIn(QStringLiteral("coord.a"), QStringLiteral("wrong")).status, 401);
        QCOMPARE(signIn(QStringLiteral("coord.a")).status, 201);
    }

    void signOutRevokesTheToken()
    {
        const auto issued = signIn(QStringLiteral("coord.a"));
        const QString token = issued.json.value(QLatin1String("access_token")).toString();
        QCOMPARE(m_api.get(kRecords, token).status, 200);
        const auto out = m_api.del(kToken, token);
        QCOMPARE(out.status, 204);
        QVERIFY(out.body.isEmpty());
        const auto after = m_api.get(kRecords, token);
        QCOMPARE(after.status, 401);
        QVERIFY(after.header("WWW-Authenticate").startsWith("Bearer"));
        QCOMPARE(m_api.del(kToken, token).status, 401);
        // Only that token: the user's other tokens still work.
        QCOMPARE(m_api.get(kRecords, m_api.token(QStringLiteral("coordinator"))).status, 200);
    }

    void signOutNeedsAToken_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("empty bearer") << QByteArrayLiteral("Bearer ");
        QTest::newRow("unknown token") << QByteArrayLiteral("Bearer cct_not-a-real-token");
        QTest::newRow("basic") << QByteArrayLiteral("Basic aW5ncmlkOmNvcnJlY3QgaG9yc2UgYmF0dGVyeQ==");
    }

    void signOutNeedsAToken()
    {
        QFETCH(QByteArray, authorization);
        ApiHarness::Options options{QString(), {}, {}};
        if (!authorization.isEmpty())
            options.headers.append({"Authorization", authorization});
        const auto reply = m_api.request("DELETE", kToken, {}, options);
        QCOMPARE(reply.status, 401);
        QVERIFY(reply.header("WWW-Authenticate").startsWith("Bearer"));
        QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
    }

    void authorizationMustBeBearer_data()
    {
        QTest::addColumn<QByteArray>("authorization"); // "{token}" is replaced by a valid token
        QTest::addColumn<int>("status");
        QTest::newRow("bearer") << QByteArrayLiteral("Bearer {token}") << 200;
        QTest::newRow("scheme in lower case") << QByteArrayLiteral("bearer {token}") << 200;
        QTest::newRow("basic with the password")
            << QByteArrayLiteral("Basic aW5ncmlkOmNvcnJlY3QgaG9yc2UgYmF0dGVyeQ==") << 401;
        QTest::newRow("token alone") << QByteArrayLiteral("{token}") << 401;
        QTest::newRow("token scheme") << QByteArrayLiteral("Token {token}") << 401;
        QTest::newRow("bearer without a token") << QByteArrayLiteral("Bearer") << 401;
        QTest::newRow("token with a suffix") << QByteArrayLiteral("Bearer {token}x") << 401;
    }

    void authorizationMustBeBearer()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        authorization.replace("{token}", m_api.token(QStringLiteral("coordinator")).toUtf8());
        const auto reply =
            m_api.request("GET", kRecords, {}, {QString(), {}, {{"Authorization", authorization}}});
        QCOMPARE(reply.status, status);
        if (status == 401) {
            QVERIFY(reply.header("WWW-Authenticate").startsWith("Bearer"));
            QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
            QVERIFY(!reply.json.value(QLatin1String("detail")).toString().isEmpty());
        }
    }

    void signInRefusesBadBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field"); // named in errors[]; empty: not checked
        const QByteArray json = "application/json";
        auto with = [](const QString &key, const QJsonValue &value) {
            QJsonObject o = credentials(QStringLiteral("coord.a"));
            if (value.isUndefined())
                o.remove(key);
            else
                o.insert(key, value);
            return QJsonDocument(o).toJson(QJsonDocument::Compact);
        };
        QTest::newRow("unknown field") << with(QStringLiteral("role"), QStringLiteral("global_admin")) << json
                                       << 400 << QStringLiteral("role");
        QTest::newRow("another unknown field")
            << with(QStringLiteral("remember_me"), true) << json << 400 << QStringLiteral("remember_me");
        QTest::newRow("no password") << with(QStringLiteral("password"), QJsonValue::Undefined) << json << 400
                                     << QStringLiteral("password");
        QTest::newRow("no username") << with(QStringLiteral("username"), QJsonValue::Undefined) << json << 400
                                     << QStringLiteral("username");
        QTest::newRow("empty username")
            << with(QStringLiteral("username"), QString()) << json << 400 << QStringLiteral("username");
        QTest::newRow("password as number")
            << with(QStringLiteral("password"), 1234) << json << 400 << QStringLiteral("password");
        QTest::newRow("NUL in the username")
            << QByteArrayLiteral(R"({"username":"coord.a\u0000","password":"x"})") << json << 400
            << QStringLiteral("username");
        QTest::newRow("lone surrogate in the password")
            << QByteArrayLiteral(R"({"username":"coord.a","password":"\udc00"})") << json << 400
            << QStringLiteral("password");
        QTest::newRow("not JSON") << QByteArrayLiteral("username=coord.a&password=x") << json << 400
                                  << QStringLiteral("body");
        QTest::newRow("truncated JSON")
            << QByteArrayLiteral("{\"username\": \"coord.a\"") << json << 400 << QStringLiteral("body");
        QTest::newRow("array") << QByteArrayLiteral("[\"coord.a\"]") << json << 400 << QStringLiteral("body");
        QTest::newRow("form content type") << QByteArrayLiteral("username=coord.a&password=x")
                                           << QByteArrayLiteral("application/x-www-form-urlencoded") << 415
                                           << QStringLiteral("Content-Type");
        QTest::newRow("text content type")
            << with(QStringLiteral("username"), QStringLiteral("coord.a")) << QByteArrayLiteral("text/plain")
            << 415 << QStringLiteral("Content-Type");
    }

    void signInRefusesBadBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, field);
        const auto reply = m_api.request("POST", kToken, body, {QString(), contentType, {}});
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
        QVERIFY(!reply.json.contains(QLatin1String("access_token")));
        if (!field.isEmpty())
            QVERIFY2(reply.errorFields().split(QLatin1Char(',')).contains(field), reply.body.constData());
        QVERIFY2(!reply.json.value(QLatin1String("detail")).toString().isEmpty(), reply.body.constData());
        // A malformed request is not a failed sign-in: five of them do not lock anyone out.
        for (int i = 0; i < 5; ++i)
            m_api.request("POST", kToken, body, {QString(), contentType, {}});
        QCOMPARE(signIn(QStringLiteral("coord.a")).status, 201);
    }

    void healthNeedsNoToken()
    {
        const auto reply = m_api.get(QStringLiteral("/api/v1/health"), {});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/json"));
        QStringList keys = reply.json.keys();
        keys.sort();
        QCOMPARE(
            keys,
            QStringList({QStringLiteral("database"), QStringLiteral("status"), QStringLiteral("version")}));
        QCOMPARE(reply.json.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(reply.json.value(QLatin1String("version")).toString(), QStringLiteral(CC_VERSION));
        QCOMPARE(reply.json.value(QLatin1String("database")).toString(),
                 m_api.isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
        QCOMPARE(reply.json.value(QLatin1String("database")).toString(), TestDatabase::backend());
        // A token, even a bad one, changes nothing.
        QCOMPARE(m_api.get(QStringLiteral("/api/v1/health"), QStringLiteral("cct_not-a-real-token")).status,
                 200);
        QCOMPARE(m_api.request("POST", QStringLiteral("/api/v1/health"), "{}").status, 405);
    }

    void openApiNeedsNoToken()
    {
        const auto reply = m_api.get(QStringLiteral("/api/v1/openapi.json"), {});
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.header("Content-Type").startsWith("application/"),
                 reply.header("Content-Type").constData());
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(reply.body, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(document.isObject());
        QVERIFY(!document.object().isEmpty());
    }

    // A password an admin set must be changed before a token is issued; the change needs none.
    void passwordChangeRequiredThenChanged()
    {
        const QString reset = QStringLiteral("reset by the admin");
        const QString coordinatorId =
            m_api.auth()
                .checkPassword(QStringLiteral("coord.a"), World::kPassword, QStringLiteral("test"))
                ->id;
        QVERIFY(m_api.directory().setPassword(Caller::system(), coordinatorId, reset));
        auto refused = signIn(QStringLiteral("coord.a"), reset);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.json.value(QStringLiteral("type")).toString(),
                 QStringLiteral("https://coordinator-console.invalid/problems/password-change-required"));
        QVERIFY(!refused.json.contains(QStringLiteral("access_token")));

        auto changed = m_api.post(kPassword,
                                  {{QStringLiteral("username"), QStringLiteral("coord.a")},
                                   {QStringLiteral("password"), reset},
                                   {QStringLiteral("new_password"), kNewPassword}},
                                  {});
        QCOMPARE(changed.status, 204);
        QCOMPARE(changed.header("Cache-Control"), QByteArrayLiteral("no-store"));
        QVERIFY(changed.body.isEmpty());
        QCOMPARE(signIn(QStringLiteral("coord.a"), reset).status, 401);
        auto signedIn = signIn(QStringLiteral("coord.a"), kNewPassword);
        QCOMPARE(signedIn.status, 201);
        QVERIFY(!signedIn.json.value(QStringLiteral("access_token")).toString().isEmpty());
    }

    void changingThePasswordEndsEverySession()
    {
        const QString before = m_api.token(QStringLiteral("coordinator"));
        QCOMPARE(m_api.get(kRecords, before).status, 200);
        auto changed = m_api.post(kPassword,
                                  {{QStringLiteral("username"), QStringLiteral("coord.a")},
                                   {QStringLiteral("password"), World::kPassword},
                                   {QStringLiteral("new_password"), kNewPassword}},
                                  {});
        QCOMPARE(changed.status, 204);
        QCOMPARE(m_api.get(kRecords, before).status, 401);
    }

    void changePasswordRefused_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("fields");
        const QString u = QStringLiteral("username");
        const QString p = QStringLiteral("password");
        const QString n = QStringLiteral("new_password");
        const QString coord = QStringLiteral("coord.a");
        QTest::newRow("wrong current")
            << QJsonObject{{u, coord}, {p, QStringLiteral("wrong")}, {n, kNewPassword}} << 401 << QString();
        QTest::newRow("unknown user")
            << QJsonObject{{u, QStringLiteral("nobody")}, {p, World::kPassword}, {n, kNewPassword}} << 401
            << QString();
        QTest::newRow("too short") << QJsonObject{{u, coord},
                                                  {p, World::kPassword},
                                                  {n, QStringLiteral("short")}}
                                   << 400 << n;
        QTest::newRow("the same") << QJsonObject{{u, coord}, {p, World::kPassword}, {n, World::kPassword}}
                                  << 400 << n;
        QTest::newRow("missing new") << QJsonObject{{u, coord}, {p, World::kPassword}} << 400 << n;
        QTest::newRow("unknown field")
            << QJsonObject{{u, coord}, {p, World::kPassword}, {n, kNewPassword}, {QStringLiteral("role"), 1}}
            << 400 << QStringLiteral("role");
    }

    void changePasswordRefused()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, fields);
        auto refused = m_api.post(kPassword, body, {});
        QCOMPARE(refused.status, status);
        if (!fields.isEmpty())
            QCOMPARE(refused.errorFields(), fields);
        // The old password still signs in.
        QCOMPARE(signIn(QStringLiteral("coord.a")).status, 201);
    }

    void tokenRoutesAreKnown()
    {
        const auto get = m_api.get(kToken, m_api.token(QStringLiteral("coordinator")));
        QCOMPARE(get.status, 405);
        QCOMPARE(get.header("Allow"), QByteArrayLiteral("POST, DELETE"));
        const auto getPassword = m_api.get(kPassword, {});
        QCOMPARE(getPassword.status, 405);
        QCOMPARE(getPassword.header("Allow"), QByteArrayLiteral("POST"));
    }
};

CC_DATABASE_TEST_MAIN(TestApiAuth)
#include "tst_api_auth.moc"
