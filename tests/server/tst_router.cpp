// cc::api::Router without a socket or a database: literal segments over parameters, 404 versus
// 405 with the allowed methods, the trailing slash, and the one rewrite of the doubled prefix the
// seed contracts print.
#include "server/Router.h"

#include <QtTest>

using namespace cc;
using namespace cc::api;

namespace {

// A handler that says which route answered, so a test can tell routes apart by their answer.
Router::Handler answer(const QString &name)
{
    return [name](const ApiRequest &, const Caller &) {
        ApiResponse r;
        r.body = name.toUtf8();
        return r;
    };
}

// The routes of /api/v1/notification-records, registered as the server does.
Router recordRoutes()
{
    const QString base = QStringLiteral("/api/v1/notification-records");
    Router router;
    router.add(QStringLiteral("GET"), base, answer(QStringLiteral("list")));
    router.add(QStringLiteral("POST"), base, answer(QStringLiteral("create")));
    router.add(QStringLiteral("GET"), base + QStringLiteral("/:id"), answer(QStringLiteral("get")));
    router.add(QStringLiteral("PUT"), base + QStringLiteral("/:id"), answer(QStringLiteral("update")));
    router.add(QStringLiteral("DELETE"), base + QStringLiteral("/:id"), answer(QStringLiteral("delete")));
    router.add(QStringLiteral("GET"), base + QStringLiteral("/peer-mentor-profile/:peerMentorId"),
               answer(QStringLiteral("profile")));
    router.add(QStringLiteral("GET"), base + QStringLiteral("/history/:peerMentorId"),
               answer(QStringLiteral("history")));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/health"), answer(QStringLiteral("health")),
               false);
    return router;
}

QString nameOf(const Router::Match &match)
{
    if (!match.route)
        return {};
    return QString::fromUtf8(match.route->handler(ApiRequest{}, Caller{}).body);
}

} // namespace

class TestRouter : public QObject
{
    Q_OBJECT

private slots:
    void matchesRoutes_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("route"); // the handler's name
        QTest::addColumn<QString>("paramName");
        QTest::addColumn<QString>("paramValue");
        QTest::newRow("list") << QStringLiteral("GET") << QStringLiteral("/api/v1/notification-records")
                              << QStringLiteral("list") << QString() << QString();
        QTest::newRow("create") << QStringLiteral("POST") << QStringLiteral("/api/v1/notification-records")
                                << QStringLiteral("create") << QString() << QString();
        QTest::newRow("one") << QStringLiteral("GET")
                             << QStringLiteral("/api/v1/notification-records/nr_0123456789ab")
                             << QStringLiteral("get") << QStringLiteral("id")
                             << QStringLiteral("nr_0123456789ab");
        QTest::newRow("put one") << QStringLiteral("PUT")
                                 << QStringLiteral("/api/v1/notification-records/nr_0123456789ab")
                                 << QStringLiteral("update") << QStringLiteral("id")
                                 << QStringLiteral("nr_0123456789ab");
        QTest::newRow("delete one") << QStringLiteral("DELETE")
                                    << QStringLiteral("/api/v1/notification-records/nr_0123456789ab")
                                    << QStringLiteral("delete") << QStringLiteral("id")
                                    << QStringLiteral("nr_0123456789ab");
        QTest::newRow("literal over parameter: history")
            << QStringLiteral("GET") << QStringLiteral("/api/v1/notification-records/history/pm_551e8400")
            << QStringLiteral("history") << QStringLiteral("peerMentorId") << QStringLiteral("pm_551e8400");
        QTest::newRow("literal over parameter: profile")
            << QStringLiteral("GET")
            << QStringLiteral("/api/v1/notification-records/peer-mentor-profile/pm_551e8400")
            << QStringLiteral("profile") << QStringLiteral("peerMentorId") << QStringLiteral("pm_551e8400");
        // "history" alone is one segment: an id like any other.
        QTest::newRow("literal word as an id")
            << QStringLiteral("GET") << QStringLiteral("/api/v1/notification-records/history")
            << QStringLiteral("get") << QStringLiteral("id") << QStringLiteral("history");
        QTest::newRow("trailing slash on the list")
            << QStringLiteral("GET") << QStringLiteral("/api/v1/notification-records/")
            << QStringLiteral("list") << QString() << QString();
        QTest::newRow("trailing slash on one")
            << QStringLiteral("GET") << QStringLiteral("/api/v1/notification-records/nr_1/")
            << QStringLiteral("get") << QStringLiteral("id") << QStringLiteral("nr_1");
        QTest::newRow("doubled prefix, list")
            << QStringLiteral("GET")
            << QStringLiteral("/api/v1/notification-records/api/v1/notification-records")
            << QStringLiteral("list") << QString() << QString();
        QTest::newRow("doubled prefix, one")
            << QStringLiteral("PUT")
            << QStringLiteral("/api/v1/notification-records/api/v1/notification-records/nr_1")
            << QStringLiteral("update") << QStringLiteral("id") << QStringLiteral("nr_1");
        QTest::newRow("doubled prefix, history")
            << QStringLiteral("GET")
            << QStringLiteral("/api/v1/notification-records/api/v1/notification-records/history/pm_1")
            << QStringLiteral("history") << QStringLiteral("peerMentorId") << QStringLiteral("pm_1");
        QTest::newRow("unauthenticated route") << QStringLiteral("GET") << QStringLiteral("/api/v1/health")
                                               << QStringLiteral("health") << QString() << QString();
    }

    void matchesRoutes()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, route);
        QFETCH(QString, paramName);
        QFETCH(QString, paramValue);
        const Router router = recordRoutes();
        const Router::Match match = router.match(method, path);
        QCOMPARE(match.kind, Router::Match::Kind::Found);
        QVERIFY(match.route);
        QCOMPARE(nameOf(match), route);
        QCOMPARE(match.route->method, method);
        if (paramName.isEmpty()) {
            QVERIFY(match.params.isEmpty());
        } else {
            QCOMPARE(match.params.size(), 1);
            QCOMPARE(match.params.value(paramName), paramValue);
        }
    }

    void routeFlagsAreKept()
    {
        const Router router = recordRoutes();
        QVERIFY(router.match(QStringLiteral("GET"), QStringLiteral("/api/v1/notification-records"))
                    .route->authenticated);
        QVERIFY(!router.match(QStringLiteral("GET"), QStringLiteral("/api/v1/health")).route->authenticated);
        QCOMPARE(router.routes().size(), 8);
    }

    void literalWinsWhateverTheOrder_data()
    {
        QTest::addColumn<bool>("literalFirst");
        QTest::newRow("literal registered first") << true;
        QTest::newRow("parameter registered first") << false;
    }

    void literalWinsWhateverTheOrder()
    {
        QFETCH(bool, literalFirst);
        Router router;
        const auto literal = [&] {
            router.add(QStringLiteral("GET"), QStringLiteral("/things/special"),
                       answer(QStringLiteral("literal")));
        };
        const auto parameter = [&] {
            router.add(QStringLiteral("GET"), QStringLiteral("/things/:id"),
                       answer(QStringLiteral("parameter")));
        };
        if (literalFirst) {
            literal();
            parameter();
        } else {
            parameter();
            literal();
        }
        const auto special = router.match(QStringLiteral("GET"), QStringLiteral("/things/special"));
        QCOMPARE(special.kind, Router::Match::Kind::Found);
        QCOMPARE(nameOf(special), QStringLiteral("literal"));
        QVERIFY(special.params.isEmpty());
        const auto other = router.match(QStringLiteral("GET"), QStringLiteral("/things/other"));
        QCOMPARE(nameOf(other), QStringLiteral("parameter"));
        QCOMPARE(other.params.value(QStringLiteral("id")), QStringLiteral("other"));
    }

    void methodNotAllowedListsTheMethods_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("allowed");
        QTest::newRow("DELETE on the list")
            << QStringLiteral("DELETE") << QStringLiteral("/api/v1/notification-records")
            << QStringList{QStringLiteral("GET"), QStringLiteral("POST")};
        QTest::newRow("PATCH on one")
            << QStringLiteral("PATCH") << QStringLiteral("/api/v1/notification-records/nr_1")
            << QStringList{QStringLiteral("GET"), QStringLiteral("PUT"), QStringLiteral("DELETE")};
        QTest::newRow("POST on history")
            << QStringLiteral("POST") << QStringLiteral("/api/v1/notification-records/history/pm_1")
            << QStringList{QStringLiteral("GET")};
        QTest::newRow("PUT on the list, trailing slash")
            << QStringLiteral("PUT") << QStringLiteral("/api/v1/notification-records/")
            << QStringList{QStringLiteral("GET"), QStringLiteral("POST")};
        QTest::newRow("POST on health") << QStringLiteral("POST") << QStringLiteral("/api/v1/health")
                                        << QStringList{QStringLiteral("GET")};
        QTest::newRow("doubled prefix")
            << QStringLiteral("DELETE")
            << QStringLiteral("/api/v1/notification-records/api/v1/notification-records")
            << QStringList{QStringLiteral("GET"), QStringLiteral("POST")};
    }

    void methodNotAllowedListsTheMethods()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QStringList, allowed);
        const Router::Match match = recordRoutes().match(method, path);
        QCOMPARE(match.kind, Router::Match::Kind::MethodNotAllowed);
        QVERIFY(!match.route);
        QCOMPARE(match.allowed, allowed);
    }

    void unknownPathsAreNotFound_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("root") << QStringLiteral("/");
        QTest::newRow("empty") << QString();
        QTest::newRow("other resource") << QStringLiteral("/api/v1/nothing-here");
        QTest::newRow("too deep") << QStringLiteral("/api/v1/notification-records/nr_1/extra");
        QTest::newRow("history without a mentor, too deep")
            << QStringLiteral("/api/v1/notification-records/history/pm_1/x");
        QTest::newRow("another version") << QStringLiteral("/api/v2/notification-records");
        QTest::newRow("prefix of a segment") << QStringLiteral("/api/v1/notification-record");
        QTest::newRow("mismatched doubled prefix")
            << QStringLiteral("/api/v1/notification-records/api/v1/pause-notification-payloads/x");
        QTest::newRow("case matters") << QStringLiteral("/API/v1/notification-records");
    }

    void unknownPathsAreNotFound()
    {
        QFETCH(QString, path);
        const Router::Match match = recordRoutes().match(QStringLiteral("GET"), path);
        QCOMPARE(match.kind, Router::Match::Kind::NotFound);
        QVERIFY(!match.route);
        QVERIFY(match.allowed.isEmpty());
    }

    void rewritesTheDoubledPrefixOnce_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("records, one")
            << QStringLiteral("/api/v1/notification-records/api/v1/notification-records/x")
            << QStringLiteral("/api/v1/notification-records/x");
        QTest::newRow("records, list")
            << QStringLiteral("/api/v1/notification-records/api/v1/notification-records")
            << QStringLiteral("/api/v1/notification-records");
        QTest::newRow("records, trailing slash")
            << QStringLiteral("/api/v1/notification-records/api/v1/notification-records/")
            << QStringLiteral("/api/v1/notification-records/");
        QTest::newRow("records, deeper")
            << QStringLiteral("/api/v1/notification-records/api/v1/notification-records/history/pm_1")
            << QStringLiteral("/api/v1/notification-records/history/pm_1");
        QTest::newRow("payloads, one")
            << QStringLiteral(
                   "/api/v1/pause-notification-payloads/api/v1/pause-notification-payloads/coordinator-pause")
            << QStringLiteral("/api/v1/pause-notification-payloads/coordinator-pause");
        QTest::newRow("payloads, list")
            << QStringLiteral("/api/v1/pause-notification-payloads/api/v1/pause-notification-payloads")
            << QStringLiteral("/api/v1/pause-notification-payloads");
        // Rewritten once, not until nothing is left to rewrite.
        QTest::newRow("tripled: once")
            << QStringLiteral(
                   "/api/v1/notification-records/api/v1/notification-records/api/v1/notification-records/x")
            << QStringLiteral("/api/v1/notification-records/api/v1/notification-records/x");
        // Untouched.
        QTest::newRow("mismatched")
            << QStringLiteral("/api/v1/notification-records/api/v1/pause-notification-payloads/x")
            << QStringLiteral("/api/v1/notification-records/api/v1/pause-notification-payloads/x");
        QTest::newRow("mismatched, reversed")
            << QStringLiteral("/api/v1/pause-notification-payloads/api/v1/notification-records")
            << QStringLiteral("/api/v1/pause-notification-payloads/api/v1/notification-records");
        QTest::newRow("mismatched, longer second")
            << QStringLiteral("/api/v1/notification-records/api/v1/notification-recordsx/y")
            << QStringLiteral("/api/v1/notification-records/api/v1/notification-recordsx/y");
        QTest::newRow("mismatched, longer first")
            << QStringLiteral("/api/v1/notification-recordsx/api/v1/notification-records")
            << QStringLiteral("/api/v1/notification-recordsx/api/v1/notification-records");
        QTest::newRow("single, list") << QStringLiteral("/api/v1/notification-records")
                                      << QStringLiteral("/api/v1/notification-records");
        QTest::newRow("single, one") << QStringLiteral("/api/v1/notification-records/x")
                                     << QStringLiteral("/api/v1/notification-records/x");
        QTest::newRow("single, payloads")
            << QStringLiteral("/api/v1/pause-notification-payloads/coordinator-pause")
            << QStringLiteral("/api/v1/pause-notification-payloads/coordinator-pause");
        QTest::newRow("prefix later in the path")
            << QStringLiteral("/api/v1/notification-records/x/api/v1/notification-records")
            << QStringLiteral("/api/v1/notification-records/x/api/v1/notification-records");
        QTest::newRow("other version")
            << QStringLiteral("/api/v2/notification-records/api/v2/notification-records")
            << QStringLiteral("/api/v2/notification-records/api/v2/notification-records");
        QTest::newRow("root") << QStringLiteral("/") << QStringLiteral("/");
    }

    void rewritesTheDoubledPrefixOnce()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QCOMPARE(Router::rewriteDoubledPrefix(path), expected);
    }

    void responseHeadersAreCaseInsensitive()
    {
        ApiResponse r;
        r.setHeader(QByteArrayLiteral("ETag"), QByteArrayLiteral("\"a\""));
        r.setHeader(QByteArrayLiteral("etag"), QByteArrayLiteral("\"b\""));
        QCOMPARE(r.headers.size(), 1);
        QCOMPARE(r.header(QByteArrayLiteral("ETAG")), QByteArrayLiteral("\"b\""));
        QVERIFY(r.header(QByteArrayLiteral("Location")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
