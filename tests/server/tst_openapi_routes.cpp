// The routes the server registers and the operations of resources/openapi.json are the same set.
#include "tests/server/ApiHarness.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace cc::test;

class TestOpenApiRoutes : public QObject
{
    Q_OBJECT

private slots:
    void documentAndServerAgree()
    {
        QFile file(QStringLiteral(CC_OPENAPI_FILE));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(doc.value(QLatin1String("openapi")).toString().left(3), QStringLiteral("3.1"));
        QSet<QString> documented;
        static const QRegularExpression param(QStringLiteral("\\{([A-Za-z]+)\\}"));
        const QJsonObject paths = doc.value(QLatin1String("paths")).toObject();
        for (auto it = paths.constBegin(); it != paths.constEnd(); ++it) {
            const QString pattern = QString(it.key()).replace(param, QStringLiteral(":\\1"));
            const QJsonObject operations = it.value().toObject();
            for (auto op = operations.constBegin(); op != operations.constEnd(); ++op) {
                if (op.key() == QLatin1String("parameters") || op.key().startsWith(QLatin1String("x-")))
                    continue;
                documented.insert(op.key().toUpper() + QLatin1Char(' ') + pattern);
            }
        }

        ApiHarness api;
        QVERIFY2(api.start(), qPrintable(api.error()));
        const QStringList registered = api.server().routes();
        const QSet<QString> served(registered.cbegin(), registered.cend());
        QVERIFY(!served.isEmpty());
        const QSet<QString> undocumented = served - documented;
        const QSet<QString> unserved = documented - served;
        QVERIFY2(undocumented.isEmpty(),
                 qPrintable(QStringLiteral("served but not documented: ")
                            + QStringList(undocumented.values()).join(QStringLiteral(", "))));
        QVERIFY2(unserved.isEmpty(),
                 qPrintable(QStringLiteral("documented but not served: ")
                            + QStringList(unserved.values()).join(QStringLiteral(", "))));
    }

    void theServerServesTheDocument()
    {
        ApiHarness api;
        QVERIFY2(api.start(), qPrintable(api.error()));
        QFile file(QStringLiteral(CC_OPENAPI_FILE));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto reply = api.get(QStringLiteral("/api/v1/openapi.json"), {});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body, file.readAll());
    }
};

CC_DATABASE_TEST_MAIN(TestOpenApiRoutes)
#include "tst_openapi_routes.moc"
