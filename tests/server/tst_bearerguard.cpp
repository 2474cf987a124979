// cc::api::BearerGuard::tokenOf without a socket or a database: which Authorization header values
// carry a Bearer token, and which token. (tst_api_auth checks the guard in front of the routes.)
#include "server/BearerGuard.h"

#include <QtTest>

using namespace cc::api;

class TestBearerGuard : public QObject
{
    Q_OBJECT

private slots:
    void tokenOf_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QString>("token");
        QTest::newRow("bearer") << QByteArrayLiteral("Bearer cct_abc") << QStringLiteral("cct_abc");
        QTest::newRow("scheme in lower case")
            << QByteArrayLiteral("bearer cct_abc") << QStringLiteral("cct_abc");
        QTest::newRow("scheme in upper case")
            << QByteArrayLiteral("BEARER cct_abc") << QStringLiteral("cct_abc");
        QTest::newRow("spaces around")
            << QByteArrayLiteral("  Bearer   cct_abc  ") << QStringLiteral("cct_abc");
        QTest::newRow("missing") << QByteArray() << QString();
        QTest::newRow("empty bearer") << QByteArrayLiteral("Bearer ") << QString();
        QTest::newRow("bearer without a token") << QByteArrayLiteral("Bearer") << QString();
        QTest::newRow("token alone") << QByteArrayLiteral("cct_abc") << QString();
        QTest::newRow("token scheme") << QByteArrayLiteral("Token cct_abc") << QString();
        QTest::newRow("basic") << QByteArrayLiteral("Basic aW5ncmlkOmNvcnJlY3QgaG9yc2UgYmF0dGVyeQ==")
                               << QString();
        QTest::newRow("no space after the scheme") << QByteArrayLiteral("Bearercct_abc") << QString();
    }

    void tokenOf()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(QString, token);
        QCOMPARE(BearerGuard::tokenOf(authorization), token);
    }
};

QTEST_GUILESS_MAIN(TestBearerGuard)
#include "tst_bearerguard.moc"
