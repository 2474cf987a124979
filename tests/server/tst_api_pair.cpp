// Pairing a phone over real HTTP (POST /api/v1/auth/pair): a one-time code from the console's QR
// code is traded for the same answer POST /api/v1/auth/token gives; bad codes are throttled per
// address like failed sign-ins.
#include "tests/server/ApiHarness.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QtTest>

using namespace cc;
using namespace cc::test;

namespace {

const QString kPair = QStringLiteral("/api/v1/auth/pair");
const QString kToken = QStringLiteral("/api/v1/auth/token");
const QString kRecords = QStringLiteral("/api/v1/notification-records");

QJsonObject codeBody(const QString &code)
{
    return QJsonObject{{QStringLiteral("code"), code}};
}

QStringList sortedKeys(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

} // namespace

class TestApiPair : public QObject
{
    Q_OBJECT

private:
    ApiHarness m_api;

    // A fresh code for `username`, made as the console makes it (by a global admin at the desk).
    QString newCode(const QString &username)
    {
        auto code = m_api.auth().createPairingCode(Caller::system(), username);
        return code ? code->code : QString();
    }

    ApiHarness::Reply pair(const QString &code) { return m_api.post(kPair, codeBody(code), {}); }

private slots:
    void initTestCase()
    {
        // Every failed pairing is logged on purpose; here there are many.
        QLoggingCategory::setFilterRules(
            QStringLiteral("console.server.info=false\nconsole.core.info=false"));
        QVERIFY2(m_api.start(), qPrintable(m_api.error()));
    }

    void init() { m_api.reseed(); }

    void pairIssuesAToken_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("orgId");         // empty: null
        QTest::addColumn<QString>("coordinatorId"); // empty: null
        QTest::newRow("coordinator") << QStringLiteral("coord.a") << QStringLiteral("coordinator")
                                     << World::kOrgA << World::kCoordA1;
        QTest::newRow("org admin of B")
            << QStringLiteral("admin.b") << QStringLiteral("org_admin") << World::kOrgB << QString();
        QTest::newRow("global admin")
            << QStringLiteral("root") << QStringLiteral("global_admin") << QString() << QString();
    }

    void pairIssuesAToken()
    {
        QFETCH(QString, username);
        QFETCH(QString, role);
        QFETCH(QString, orgId);
        QFETCH(QString, coordinatorId);
        const QString code = newCode(username);
        QVERIFY(!code.isEmpty());
        const auto reply = pair(code);
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/json"));
        QCOMPARE(reply.header("Cache-Control"), QByteArrayLiteral("no-store"));
        // The same shape as a password sign-in.
        const auto signedIn = m_api.post(kToken,
                                         QJsonObject{{QStringLiteral("username"), username},
                                                     {QStringLiteral("password"), World::kPassword}},
                                         {});
        QCOMPARE(signedIn.status, 201);
        QCOMPARE(sortedKeys(reply.json), sortedKeys(signedIn.json));
        QCOMPARE(sortedKeys(reply.json),
                 QStringList({QStringLiteral("access_token"), QStringLiteral("expires_at"),
                              QStringLiteral("token_type"), QStringLiteral("user")}));
        QCOMPARE(reply.json.value(QLatin1String("user")), signedIn.json.value(QLatin1String("user")));
        QCOMPARE(reply.json.value(QLatin1String("expires_at")),
                 signedIn.json.value(QLatin1String("expires_at")));
        QCOMPARE(reply.json.value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
        const QString token = reply.json.value(QLatin1String("access_token")).toString();
        QVERIFY(token.size() >= 43);
        QVERIFY(token != signedIn.json.value(QLatin1String("access_token")).toString());
        const QJsonObject user = reply.json.value(QLatin1String("user")).toObject();
        QCOMPARE(user.value(QLatin1String("username")).toString(), username);
        QCOMPARE(user.value(QLatin1String("role")).toString(), role);
        QCOMPARE(user.value(QLatin1String("org_id")),
                 orgId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(orgId));
        QCOMPARE(user.value(QLatin1String("coordinator_id")),
                 coordinatorId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(coordinatorId));

        // The token works, as the user it was made for.
        const auto records = m_api.get(kRecords, token);
        QCOMPARE(records.status, 200);
        QVERIFY(records.json.contains(QLatin1String("data")));
        // The code is nowhere in the log.
        QVERIFY(!m_api.logLines().join(QLatin1Char('\n')).contains(code));
    }

    void aCodeWorksOnce()
    {
        const QString code = newCode(QStringLiteral("coord.a"));
        const auto first = pair(code);
        QCOMPARE(first.status, 201);
        const auto again = pair(code);
        QCOMPARE(again.status, 401);
        QCOMPARE(again.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
        QVERIFY(again.header("WWW-Authenticate").startsWith("Bearer"));
        QVERIFY(!again.json.contains(QLatin1String("access_token")));
        // One message whatever was wrong: a used code answers as an unknown one.
        const auto unknown = pair(QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"));
        QCOMPARE(unknown.status, 401);
        QCOMPARE(again.body, unknown.body);
        // The first token still works.
        QCOMPARE(m_api.get(kRecords, first.json.value(QLatin1String("access_token")).toString()).status, 200);
    }

    void aCodeExpires()
    {
        const QString code = newCode(QStringLiteral("admin.a"));
        m_api.clock().advance(5 * 60 * 1000);
        const auto late = pair(code);
        QCOMPARE(late.status, 401);
        QVERIFY(late.header("WWW-Authenticate").startsWith("Bearer"));
        const QString fresh = newCode(QStringLiteral("admin.a"));
        m_api.clock().advance(5 * 60 * 1000 - 1000);
        QCOMPARE(pair(fresh).status, 201);
    }

    void sixthBadCodeIsThrottled()
    {
        // Every request of the harness comes from 127.0.0.1.
        for (int i = 0; i < 5; ++i) {
            const auto bad =
                pair(QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%1").arg(QLatin1Char(char('B' + i))));
            QCOMPARE(bad.status, 401);
        }
        // The sixth is refused before the code is looked at, even a good one.
        const QString good = newCode(QStringLiteral("coord.a"));
        const auto locked = pair(good);
        QCOMPARE(locked.status, 429);
        QCOMPARE(locked.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
        bool ok = false;
        const int retryAfter = locked.header("Retry-After").toInt(&ok);
        QVERIFY2(ok && retryAfter >= 1 && retryAfter <= 900, locked.header("Retry-After").constData());
        QVERIFY(!locked.json.contains(QLatin1String("access_token")));
        // Password sign-ins from the address wait too.
        const auto signIn = m_api.post(kToken,
                                       QJsonObject{{QStringLiteral("username"), QStringLiteral("coord.a")},
                                                   {QStringLiteral("password"), World::kPassword}},
                                       {});
        QCOMPARE(signIn.status, 429);
        // Once Retry-After has passed, a fresh code is let in.
        m_api.clock().advance(qint64(retryAfter) * 1000);
        QCOMPARE(pair(newCode(QStringLiteral("coord.a"))).status, 201);
    }

    void refusesBadBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field"); // named in errors[]; empty: not checked
        const QByteArray json = "application/json";
        QTest::newRow("unknown field")
            << QByteArrayLiteral("{\"code\":\"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567\",\"username\":\"root\"}")
            << json << 400 << QStringLiteral("username");
        QTest::newRow("no code") << QByteArrayLiteral("{}") << json << 400 << QStringLiteral("code");
        QTest::newRow("empty code") << QByteArrayLiteral("{\"code\":\"\"}") << json << 400
                                    << QStringLiteral("code");
        QTest::newRow("null code") << QByteArrayLiteral("{\"code\":null}") << json << 400
                                   << QStringLiteral("code");
        QTest::newRow("code as number")
            << QByteArrayLiteral("{\"code\":12345}") << json << 400 << QStringLiteral("code");
        QTest::newRow("code as array")
            << QByteArrayLiteral("{\"code\":[\"A\"]}") << json << 400 << QStringLiteral("code");
        QTest::newRow("not JSON") << QByteArrayLiteral("code=ABC") << json << 400 << QStringLiteral("body");
        QTest::newRow("array") << QByteArrayLiteral("[\"ABC\"]") << json << 400 << QStringLiteral("body");
        QTest::newRow("form content type")
            << QByteArrayLiteral("code=ABC") << QByteArrayLiteral("application/x-www-form-urlencoded") << 415
            << QStringLiteral("Content-Type");
        QTest::newRow("text content type")
            << QByteArrayLiteral("{\"code\":\"ABC\"}") << QByteArrayLiteral("text/plain") << 415
            << QStringLiteral("Content-Type");
    }

    void refusesBadBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, field);
        const auto reply = m_api.request("POST", kPair, body, {QString(), contentType, {}});
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
        QVERIFY(!reply.json.contains(QLatin1String("access_token")));
        if (!field.isEmpty())
            QVERIFY2(reply.errorFields().split(QLatin1Char(',')).contains(field), reply.body.constData());
        const QString detail = reply.json.value(QLatin1String("detail")).toString();
        QVERIFY2(!detail.isEmpty(), reply.body.constData());
        QVERIFY2(detail.contains(field), reply.body.constData());
        // A malformed request is not a failed pairing: five of them do not lock the address.
        for (int i = 0; i < 5; ++i)
            m_api.request("POST", kPair, body, {QString(), contentType, {}});
        QCOMPARE(pair(newCode(QStringLiteral("coord.a"))).status, 201);
    }

    void needsNoToken()
    {
        // A token, even another user's, changes nothing: the code decides who signs in.
        const QString code = newCode(QStringLiteral("coord.b"));
        const auto reply = m_api.post(kPair, codeBody(code), m_api.token(QStringLiteral("global_admin")));
        QCOMPARE(reply.status, 201);
        QCOMPARE(
            reply.json.value(QLatin1String("user")).toObject().value(QLatin1String("username")).toString(),
            QStringLiteral("coord.b"));
    }

    void pairRouteIsKnown()
    {
        const auto get = m_api.get(kPair, {});
        QCOMPARE(get.status, 405);
        QCOMPARE(get.header("Allow"), QByteArrayLiteral("POST"));
    }
};

CC_DATABASE_TEST_MAIN(TestApiPair)
#include "tst_api_pair.moc"
