// The /api/v1/notification-records endpoints over real HTTP: the seed examples, the role table,
// organisation isolation, validation, 404 vs 405, ETag/If-Match, Idempotency-Key and the doubled
// prefix of the seeds.
#include "core/RecordRepository.h"
#include "tests/server/ApiHarness.h"
#include "tests/support/TestSupport.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace cc;
using namespace cc::test;

class TestApiRecords : public QObject
{
    Q_OBJECT

private:
    ApiHarness m_api;
    const QString kBase = QStringLiteral("/api/v1/notification-records");

    QString createRecord(const QString &who = QStringLiteral("coordinator"),
                         const QJsonObject &body = recordBody())
    {
        const auto reply = m_api.post(kBase, body, m_api.token(who));
        if (reply.status != 201)
            qWarning("create failed: %d %s", reply.status, reply.body.constData());
        return reply.json.value(QLatin1String("id")).toString();
    }

private slots:
    void initTestCase() { QVERIFY2(m_api.start(), qPrintable(m_api.error())); }

    void init() { m_api.reseed(); }

    void createAnswersLikeTheSeed()
    {
        const auto reply = m_api.post(kBase, recordBody(), m_api.token(QStringLiteral("coordinator")));
        QCOMPARE(reply.status, 201);
        const QString id = reply.json.value(QLatin1String("id")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^nr_[0-9a-f]{12}$")).match(id).hasMatch(),
                 qPrintable(id));
        QCOMPARE(reply.header("Location"), (kBase + QLatin1Char('/') + id).toUtf8());
        QStringList keys = reply.json.keys();
        keys.sort();
        QCOMPARE(keys,
                 QStringList({QStringLiteral("channels_notified"), QStringLiteral("coordinator_id"),
                              QStringLiteral("event_type"), QStringLiteral("id"),
                              QStringLiteral("peer_mentor_id"), QStringLiteral("sent_at")}));
        QCOMPARE(reply.json.value(QLatin1String("sent_at")).toString(),
                 QStringLiteral("2026-03-19T14:30:05.000Z"));
        QCOMPARE(reply.json.value(QLatin1String("channels_notified")).toArray(),
                 QJsonArray({QStringLiteral("push"), QStringLiteral("in_app")}));
        QVERIFY(!reply.header("ETag").isEmpty());
    }

    void getAnswersTheFullRecord()
    {
        const QString id = createRecord();
        const auto reply =
            m_api.get(kBase + QLatin1Char('/') + id, m_api.token(QStringLiteral("coordinator")));
        QCOMPARE(reply.status, 200);
        const QJsonObject r = reply.json;
        QCOMPARE(r.value(QLatin1String("peer_mentor_name")).toString(), QStringLiteral("Kari Nordmann"));
        QCOMPARE(r.value(QLatin1String("coordinator_name")).toString(), QStringLiteral("Ingrid Bakke"));
        QCOMPARE(r.value(QLatin1String("effective_date")).toString(),
                 QStringLiteral("2026-03-20T00:00:00.000Z"));
        QCOMPARE(r.value(QLatin1String("reason")).toString(), QStringLiteral("Personal leave"));
        QCOMPARE(r.value(QLatin1String("dispatch_ids")).toArray().size(), 2);
        QVERIFY(r.value(QLatin1String("notes")).isNull());
        QCOMPARE(r.value(QLatin1String("created_by")).toString(), QStringLiteral("coord.a"));
        QVERIFY(!reply.header("ETag").isEmpty());
    }

    void effectiveDateIsNormalisedToUtc()
    {
        QJsonObject body = recordBody();
        body.insert(QStringLiteral("effective_date"), QStringLiteral("2026-03-20T01:00:00+01:00"));
        const QString id = createRecord(QStringLiteral("coordinator"), body);
        const auto reply =
            m_api.get(kBase + QLatin1Char('/') + id, m_api.token(QStringLiteral("coordinator")));
        QCOMPARE(reply.json.value(QLatin1String("effective_date")).toString(),
                 QStringLiteral("2026-03-20T00:00:00.000Z"));
    }

    void listPagesNewestFirst()
    {
        for (int i = 0; i < 5; ++i) {
            createRecord();
            m_api.clock().advance(1000);
        }
        QJsonObject other = recordBody(World::kMentorB1);
        other.insert(QStringLiteral("coordinator_id"), World::kCoordB1);
        createRecord(QStringLiteral("coordinator_b"), other);
        const auto first =
            m_api.get(kBase + QStringLiteral("?page=1&limit=2"), m_api.token(QStringLiteral("coordinator")));
        QCOMPARE(first.status, 200);
        const QJsonObject pagination = first.json.value(QLatin1String("pagination")).toObject();
        QCOMPARE(pagination.value(QLatin1String("total")).toInt(), 5);
        QCOMPARE(pagination.value(QLatin1String("page")).toInt(), 1);
        QCOMPARE(pagination.value(QLatin1String("limit")).toInt(), 2);
        const QJsonArray data = first.json.value(QLatin1String("data")).toArray();
        QCOMPARE(data.size(), 2);
        QVERIFY(data.at(0).toObject().value(QLatin1String("sent_at")).toString()
                > data.at(1).toObject().value(QLatin1String("sent_at")).toString());
        const auto last =
            m_api.get(kBase + QStringLiteral("?page=3&limit=2"), m_api.token(QStringLiteral("coordinator")));
        QCOMPARE(last.json.value(QLatin1String("data")).toArray().size(), 1);
        // The global admin sees both organisations.
        const auto all = m_api.get(kBase, m_api.token(QStringLiteral("global_admin")));
        QCOMPARE(all.json.value(QLatin1String("pagination")).toObject().value(QLatin1String("total")).toInt(),
                 6);
    }

    void listFilters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("total");
        QTest::newRow("mentor") << QStringLiteral("peer_mentor_id=pm_a2") << 1;
        QTest::newRow("event") << QStringLiteral("event_type=pause_deactivated") << 1;
        QTest::newRow("coordinator") << QStringLiteral("coordinator_id=coord_a2") << 1;
        QTest::newRow("from inclusive") << QStringLiteral("from=2026-03-19T14:30:06.000Z") << 2;
        QTest::newRow("to inclusive") << QStringLiteral("to=2026-03-19T14:30:05.000Z") << 1;
        QTest::newRow("date only") << QStringLiteral("from=2026-03-19&to=2026-03-20") << 3;
        QTest::newRow("nothing") << QStringLiteral("peer_mentor_id=pm_nobody") << 0;
    }

    void listFilters()
    {
        QFETCH(QString, query);
        QFETCH(int, total);
        createRecord();
        m_api.clock().advance(1000);
        createRecord(QStringLiteral("coordinator"),
                     recordBody(World::kMentorA1, QStringLiteral("pause_deactivated")));
        m_api.clock().advance(1000);
        QJsonObject lars = recordBody(World::kMentorA2);
        lars.insert(QStringLiteral("coordinator_id"), World::kCoordA2);
        createRecord(QStringLiteral("coordinator"), lars);
        const auto reply =
            m_api.get(kBase + QLatin1Char('?') + query, m_api.token(QStringLiteral("org_admin")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(
            reply.json.value(QLatin1String("pagination")).toObject().value(QLatin1String("total")).toInt(),
            total);
    }

    void listRefusesBadParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("page 0") << QStringLiteral("page=0") << QStringLiteral("page");
        QTest::newRow("limit 101") << QStringLiteral("limit=101") << QStringLiteral("limit");
        QTest::newRow("limit text") << QStringLiteral("limit=ten") << QStringLiteral("limit");
        QTest::newRow("event") << QStringLiteral("event_type=paused") << QStringLiteral("event_type");
        QTest::newRow("from") << QStringLiteral("from=yesterday") << QStringLiteral("from");
        QTest::newRow("unknown") << QStringLiteral("sort=name") << QStringLiteral("sort");
        QTest::newRow("from after to")
            << QStringLiteral("from=2026-03-20&to=2026-03-19") << QStringLiteral("from");
    }

    void listRefusesBadParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const auto reply =
            m_api.get(kBase + QLatin1Char('?') + query, m_api.token(QStringLiteral("coordinator")));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
        QVERIFY2(reply.errorFields().contains(field), reply.body.constData());
    }

    void roleMatrix_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path"); // "{id}" is a record of organisation A
        QTest::addColumn<int>("expected");
        const QString one = QStringLiteral("/api/v1/notification-records/{id}");
        const QString profile = QStringLiteral("/api/v1/notification-records/peer-mentor-profile/pm_a1");
        const QString history = QStringLiteral("/api/v1/notification-records/history/pm_a1");
        const QString list = QStringLiteral("/api/v1/notification-records");
        struct Row
        {
            QByteArray method;
            QString path;
            int coordinator, orgAdmin, globalAdmin;
        };
        const QList<Row> rows{{"GET", list, 200, 200, 200},    {"GET", one, 200, 200, 200},
                              {"GET", profile, 200, 200, 200}, {"GET", history, 200, 200, 200},
                              {"POST", list, 201, 201, 403},   {"PUT", one, 403, 200, 200},
                              {"DELETE", one, 403, 403, 200}};
        for (const Row &r : rows) {
            const QString name =
                QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path.section(QLatin1Char('/'), 4);
            QTest::newRow(qPrintable(QStringLiteral("coordinator ") + name))
                << QStringLiteral("coordinator") << r.method << r.path << r.coordinator;
            QTest::newRow(qPrintable(QStringLiteral("org_admin ") + name))
                << QStringLiteral("org_admin") << r.method << r.path << r.orgAdmin;
            QTest::newRow(qPrintable(QStringLiteral("global_admin ") + name))
                << QStringLiteral("global_admin") << r.method << r.path << r.globalAdmin;
            QTest::newRow(qPrintable(QStringLiteral("no token ") + name))
                << QString() << r.method << r.path << 401;
            QTest::newRow(qPrintable(QStringLiteral("revoked ") + name))
                << QStringLiteral("revoked") << r.method << r.path << 401;
            QTest::newRow(qPrintable(QStringLiteral("expired ") + name))
                << QStringLiteral("expired") << r.method << r.path << 401;
            QTest::newRow(qPrintable(QStringLiteral("garbage ") + name))
                << QStringLiteral("garbage") << r.method << r.path << 401;
        }
    }

    void roleMatrix()
    {
        QFETCH(QString, who);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, expected);
        const QString id = createRecord();
        QString token = m_api.token(who);
        if (who == QLatin1String("revoked")) {
            token = m_api.issueToken(QStringLiteral("admin.a"));
            QVERIFY(m_api.auth().revokeSecret(token).ok());
        } else if (who == QLatin1String("expired")) {
            token = m_api.issueToken(QStringLiteral("admin.a"), 1);
            m_api.clock().advance(2LL * 24 * 3600 * 1000);
        } else if (who == QLatin1String("garbage")) {
            token = QStringLiteral("cct_not-a-real-token");
        }
        QByteArray body;
        if (method == "POST")
            body = QJsonDocument(recordBody()).toJson();
        else if (method == "PUT")
            body = QJsonDocument(QJsonObject{{QStringLiteral("notes"), QStringLiteral("Email fallback")}})
                       .toJson();
        const auto reply = m_api.request(method, QString(path).replace(QStringLiteral("{id}"), id), body,
                                         {token, "application/json", {}});
        QCOMPARE(reply.status, expected);
        if (expected == 401)
            QVERIFY(reply.header("WWW-Authenticate").startsWith("Bearer"));
        if (expected >= 400)
            QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
    }

    void otherOrganisationsIdsAreNotFound()
    {
        const QString id = createRecord();
        const QString b = m_api.token(QStringLiteral("coordinator_b"));
        const QString bAdmin = m_api.token(QStringLiteral("org_admin_b"));
        QCOMPARE(m_api.get(kBase + QLatin1Char('/') + id, b).status, 404);
        QCOMPARE(m_api.get(kBase + QStringLiteral("/peer-mentor-profile/pm_a1"), b).status, 404);
        QCOMPARE(m_api.get(kBase + QStringLiteral("/history/pm_a1"), b).status, 404);
        QCOMPARE(
            m_api.put(kBase + QLatin1Char('/') + id, {{QStringLiteral("notes"), QStringLiteral("x")}}, bAdmin)
                .status,
            404);
        // The same answer as for an id that does not exist at all.
        const auto missing = m_api.get(kBase + QStringLiteral("/nr_000000000000"), b);
        const auto foreign = m_api.get(kBase + QLatin1Char('/') + id, b);
        QCOMPARE(foreign.json.value(QLatin1String("detail")), missing.json.value(QLatin1String("detail")));
        const auto list = m_api.get(kBase, b);
        QCOMPARE(
            list.json.value(QLatin1String("pagination")).toObject().value(QLatin1String("total")).toInt(), 0);
        // Recording for A's mentor names the field.
        QJsonObject body = recordBody();
        body.insert(QStringLiteral("coordinator_id"), World::kCoordB1);
        const auto post = m_api.post(kBase, body, b);
        QCOMPARE(post.status, 422);
        QCOMPARE(post.errorFields(), QStringLiteral("peer_mentor_id"));
        // A coordinator of another organisation for one's own mentor.
        QJsonObject mixed = recordBody(World::kMentorB1);
        mixed.insert(QStringLiteral("coordinator_id"), World::kCoordA1);
        const auto mixedReply = m_api.post(kBase, mixed, b);
        QCOMPARE(mixedReply.status, 422);
        QCOMPARE(mixedReply.errorFields(), QStringLiteral("coordinator_id"));
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        auto with = [](const QString &key, const QJsonValue &value) {
            QJsonObject b = recordBody();
            if (value.isUndefined())
                b.remove(key);
            else
                b.insert(key, value);
            return QJsonDocument(b).toJson(QJsonDocument::Compact);
        };
        QTest::newRow("bad event") << with(QStringLiteral("event_type"), QStringLiteral("paused")) << 400
                                   << QStringLiteral("event_type");
        QTest::newRow("no event") << with(QStringLiteral("event_type"), QJsonValue::Undefined) << 400
                                  << QStringLiteral("event_type");
        QTest::newRow("empty channels") << with(QStringLiteral("channels_notified"), QJsonArray()) << 400
                                        << QStringLiteral("channels_notified");
        QTest::newRow("duplicate channels") << with(
            QStringLiteral("channels_notified"), QJsonArray{QStringLiteral("push"), QStringLiteral("push")})
                                            << 400 << QStringLiteral("channels_notified");
        QTest::newRow("unknown channel")
            << with(QStringLiteral("channels_notified"), QJsonArray{QStringLiteral("pigeon")}) << 400
            << QStringLiteral("channels_notified");
        QTest::newRow("channels not array")
            << with(QStringLiteral("channels_notified"), QStringLiteral("push")) << 400
            << QStringLiteral("channels_notified");
        QTest::newRow("bad date") << with(QStringLiteral("effective_date"), QStringLiteral("20.03.2026"))
                                  << 400 << QStringLiteral("effective_date");
        QTest::newRow("impossible date")
            << with(QStringLiteral("effective_date"), QStringLiteral("2026-02-30")) << 400
            << QStringLiteral("effective_date");
        QTest::newRow("date as number")
            << with(QStringLiteral("effective_date"), 20260320) << 400 << QStringLiteral("effective_date");
        QTest::newRow("unknown field") << with(QStringLiteral("sent_at"), QStringLiteral("2026-01-01")) << 400
                                       << QStringLiteral("sent_at");
        QTest::newRow("mentor as number")
            << with(QStringLiteral("peer_mentor_id"), 551) << 400 << QStringLiteral("peer_mentor_id");
        QTest::newRow("reason too long") << with(QStringLiteral("reason"), QString(501, QLatin1Char('x')))
                                         << 400 << QStringLiteral("reason");
        QTest::newRow("21 dispatch ids") << with(QStringLiteral("dispatch_ids"), [] {
            QJsonArray a;
            for (int i = 0; i < 21; ++i)
                a.append(QStringLiteral("d%1").arg(i));
            return a;
        }()) << 400 << QStringLiteral("dispatch_ids");
        QTest::newRow("array body") << QByteArrayLiteral("[1,2,3]") << 400 << QStringLiteral("body");
        QTest::newRow("truncated") << QByteArrayLiteral("{\"peer_mentor_id\": \"pm_5") << 400
                                   << QStringLiteral("body");
        QTest::newRow("unknown mentor") << with(QStringLiteral("peer_mentor_id"), QStringLiteral("pm_nobody"))
                                        << 422 << QStringLiteral("peer_mentor_id");
        QTest::newRow("unknown coordinator")
            << with(QStringLiteral("coordinator_id"), QStringLiteral("coord_nobody")) << 422
            << QStringLiteral("coordinator_id");
    }

    void validationNamesTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const auto reply = m_api.request(
            "POST", kBase, body, {m_api.token(QStringLiteral("coordinator")), "application/json", {}});
        QCOMPARE(reply.status, status);
        QVERIFY2(reply.errorFields().split(QLatin1Char(',')).contains(field), reply.body.constData());
        QVERIFY2(reply.json.value(QLatin1String("detail"))
                         .toString()
                         .contains(field.section(QLatin1Char('_'), 0, 0))
                     || field == QLatin1String("body"),
                 reply.body.constData());
        // Nothing was stored.
        QCOMPARE(m_api.get(kBase, m_api.token(QStringLiteral("coordinator")))
                     .json.value(QLatin1String("pagination"))
                     .toObject()
                     .value(QLatin1String("total"))
                     .toInt(),
                 0);
    }

    void oversizedBodyIsRefused()
    {
        QJsonObject body = recordBody();
        body.insert(QStringLiteral("notes"), QString(70 * 1024, QLatin1Char('n')));
        const auto reply = m_api.post(kBase, body, m_api.token(QStringLiteral("coordinator")));
        QCOMPARE(reply.status, 413);
        // The server is still there.
        QCOMPARE(m_api.get(QStringLiteral("/api/v1/health"), {}).status, 200);
    }

    void wrongContentTypeIs415()
    {
        const auto reply = m_api.request("POST", kBase, QJsonDocument(recordBody()).toJson(),
                                         {m_api.token(QStringLiteral("coordinator")), "text/plain", {}});
        QCOMPARE(reply.status, 415);
        const auto charset = m_api.request(
            "POST", kBase, QJsonDocument(recordBody()).toJson(),
            {m_api.token(QStringLiteral("coordinator")), "application/json; charset=utf-8", {}});
        QCOMPARE(charset.status, 201);
    }

    void notFoundVersusMethodNotAllowed()
    {
        const QString token = m_api.token(QStringLiteral("global_admin"));
        const auto wrongMethod = m_api.request("DELETE", kBase, {}, {token, {}, {}});
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.header("Allow"), QByteArrayLiteral("GET, POST"));
        const auto patch = m_api.request("PATCH", kBase + QStringLiteral("/nr_000000000000"), "{}",
                                         {token, "application/json", {}});
        QCOMPARE(patch.status, 405);
        QCOMPARE(patch.header("Allow"), QByteArrayLiteral("GET, PUT, DELETE"));
        const auto history = m_api.request("POST", kBase + QStringLiteral("/history/pm_a1"), "{}",
                                           {token, "application/json", {}});
        QCOMPARE(history.status, 405);
        QCOMPARE(m_api.get(QStringLiteral("/api/v1/nothing-here"), token).status, 404);
        QCOMPARE(m_api.get(kBase + QStringLiteral("/nr_000000000000"), token).status, 404);
    }

    void updateHonoursIfMatch()
    {
        const QString id = createRecord();
        const QString admin = m_api.token(QStringLiteral("org_admin"));
        const auto current = m_api.get(kBase + QLatin1Char('/') + id, admin);
        const QByteArray etag = current.header("ETag");
        QVERIFY(!etag.isEmpty());
        const QJsonObject change{
            {QStringLiteral("channels_notified"),
             QJsonArray{QStringLiteral("push"), QStringLiteral("in_app"), QStringLiteral("email")}},
            {QStringLiteral("notes"), QStringLiteral("Email fallback triggered due to push failure")}};
        m_api.clock().advance(60000);
        const auto ok = m_api.request("PUT", kBase + QLatin1Char('/') + id, QJsonDocument(change).toJson(),
                                      {admin, "application/json", {{"If-Match", etag}}});
        QCOMPARE(ok.status, 200);
        QStringList keys = ok.json.keys();
        keys.sort();
        QCOMPARE(keys,
                 QStringList({QStringLiteral("channels_notified"), QStringLiteral("id"),
                              QStringLiteral("notes"), QStringLiteral("updated_at")}));
        QCOMPARE(ok.json.value(QLatin1String("updated_at")).toString(),
                 QStringLiteral("2026-03-19T14:31:05.000Z"));
        QVERIFY(ok.header("ETag") != etag);
        // The old ETag no longer matches.
        const auto stale = m_api.request("PUT", kBase + QLatin1Char('/') + id, QJsonDocument(change).toJson(),
                                         {admin, "application/json", {{"If-Match", etag}}});
        QCOMPARE(stale.status, 412);
        // A list of ETags holding the current one goes ahead (item 11 of the security issue).
        const QByteArray list = etag + ", " + ok.header("ETag");
        m_api.clock().advance(60000);
        const auto listed =
            m_api.request("PUT", kBase + QLatin1Char('/') + id, QJsonDocument(change).toJson(),
                          {admin, "application/json", {{"If-Match", list}}});
        QCOMPARE(listed.status, 200);
        // Only channels and notes may change; nothing at all is a 400.
        QCOMPARE(
            m_api.put(kBase + QLatin1Char('/') + id, {{QStringLiteral("reason"), QStringLiteral("x")}}, admin)
                .status,
            400);
        QCOMPARE(m_api.put(kBase + QLatin1Char('/') + id, {}, admin).status, 400);
        QCOMPARE(m_api
                     .put(kBase + QLatin1Char('/') + id,
                          {{QStringLiteral("channels_notified"), QJsonArray()}}, admin)
                     .status,
                 400);
    }

    // Polling costs nothing: a list, a history and a profile answer If-None-Match with 304 from
    // the organisation's change number, a record from its own ETag.
    void conditionalGetsAnswer304()
    {
        createRecord();
        const QString coordinator = m_api.token(QStringLiteral("coordinator"));
        const QString list =
            kBase + QStringLiteral("?peer_mentor_id=") + World::kMentorA1 + QStringLiteral("&limit=20");
        const auto first = m_api.get(list, coordinator);
        QCOMPARE(first.status, 200);
        const QByteArray etag = first.header("ETag");
        QVERIFY2(QRegularExpression(QStringLiteral("^W/\"v[0-9]+-[0-9a-f]{16}\"$"))
                     .match(QString::fromLatin1(etag))
                     .hasMatch(),
                 etag.constData());
        QCOMPARE(first.header("Cache-Control"), QByteArrayLiteral("private, no-cache"));
        const auto conditional = [&](const QString &path, const QByteArray &tag, const QString &token) {
            return m_api.request("GET", path, {}, {token, {}, {{"If-None-Match", tag}}});
        };

        auto again = conditional(list, etag, coordinator);
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        QCOMPARE(again.header("ETag"), etag);
        QCOMPARE(again.header("Cache-Control"), QByteArrayLiteral("private, no-cache"));
        QCOMPARE(conditional(list, "\"other\", " + etag, coordinator).status, 304);
        QCOMPARE(conditional(list, "*", coordinator).status, 304);
        QCOMPARE(conditional(list, "W/\"v0-0000000000000000\"", coordinator).status, 200);

        // Another page, another filter, another user of the same organisation: other ETags.
        QVERIFY(m_api.get(list + QStringLiteral("&page=2"), coordinator).header("ETag") != etag);
        QVERIFY(m_api.get(kBase, coordinator).header("ETag") != etag);
        QCOMPARE(conditional(list, etag, m_api.token(QStringLiteral("org_admin"))).status, 200);

        // Another organisation's change changes nothing here.
        QJsonObject other = recordBody(World::kMentorB1);
        other.insert(QStringLiteral("coordinator_id"), World::kCoordB1);
        QVERIFY(!createRecord(QStringLiteral("coordinator_b"), other).isEmpty());
        QCOMPARE(conditional(list, etag, coordinator).status, 304);

        // A record of this organisation: the full answer, with the record, and a new ETag.
        const QString id = createRecord();
        const auto changed = conditional(list, etag, coordinator);
        QCOMPARE(changed.status, 200);
        QVERIFY(changed.body.contains(id.toUtf8()));
        QVERIFY(changed.header("ETag") != etag);
        QCOMPARE(conditional(list, changed.header("ETag"), coordinator).status, 304);

        // A mentor renamed (a directory change) shows in the list's names: new ETag.
        const QByteArray beforeRename = changed.header("ETag");
        auto mentor = m_api.directory().peerMentor(Caller::system(), World::kMentorA1);
        QVERIFY2(mentor, why(mentor).constData());
        PeerMentor renamed = *mentor;
        renamed.name = QStringLiteral("Kari Nordmann-Lie");
        QVERIFY(m_api.directory().updatePeerMentor(Caller::system(), renamed));
        const auto afterRename = conditional(list, beforeRename, coordinator);
        QCOMPARE(afterRename.status, 200);
        QVERIFY(afterRename.body.contains("Kari Nordmann-Lie"));

        // The next day: a new ETag (a status may follow the date).
        const QByteArray today = afterRename.header("ETag");
        m_api.clock().advance(24 * 60 * 60 * 1000);
        QCOMPARE(conditional(list, today, coordinator).status, 200);

        // History and profile of a mentor, and the peer-mentor list, the same way.
        const QStringList views{kBase + QStringLiteral("/history/") + World::kMentorA1,
                                kBase + QStringLiteral("/peer-mentor-profile/") + World::kMentorA1,
                                QStringLiteral("/api/v1/peer-mentors")};
        for (const QString &view : views) {
            const auto full = m_api.get(view, coordinator);
            QCOMPARE(full.status, 200);
            QVERIFY2(full.header("ETag").startsWith("W/\"v"), qPrintable(view));
            QCOMPARE(conditional(view, full.header("ETag"), coordinator).status, 304);
            createRecord();
            QCOMPARE(conditional(view, full.header("ETag"), coordinator).status, 200);
        }

        // A record: its own (strong) ETag, the one If-Match takes.
        const auto record = m_api.get(kBase + QLatin1Char('/') + id, coordinator);
        QCOMPARE(record.status, 200);
        QCOMPARE(conditional(kBase + QLatin1Char('/') + id, record.header("ETag"), coordinator).status, 304);
        const QJsonObject note{{QStringLiteral("notes"), QStringLiteral("Called back")}};
        m_api.clock().advance(60000);
        QCOMPARE(
            m_api.put(kBase + QLatin1Char('/') + id, note, m_api.token(QStringLiteral("org_admin"))).status,
            200);
        QCOMPARE(conditional(kBase + QLatin1Char('/') + id, record.header("ETag"), coordinator).status, 200);

        // A refusal is never a 304: another organisation's token gets its own answer.
        QCOMPARE(conditional(list, etag, m_api.token(QStringLiteral("coordinator_b"))).status, 200);
        QCOMPARE(conditional(kBase + QLatin1Char('/') + id, record.header("ETag"),
                             m_api.token(QStringLiteral("coordinator_b")))
                     .status,
                 404);
    }

    // With no If-None-Match the list reads its change number in the page's own statement; its
    // ETag is the one a conditional request reads first: for a page, an empty page, a page past
    // the end, and every kind of caller. Each one then answers 304, until a change.
    void listReadsItsETagAlongWithThePage()
    {
        createRecord();
        createRecord();
        const QStringList lists{
            kBase + QStringLiteral("?peer_mentor_id=") + World::kMentorA1,
            kBase + QStringLiteral("?peer_mentor_id=") + World::kMentorA1 + QStringLiteral("&limit=1&page=2"),
            kBase + QStringLiteral("?peer_mentor_id=") + World::kMentorA2,
            kBase + QStringLiteral("?peer_mentor_id=") + World::kMentorA1 + QStringLiteral("&page=9"),
            kBase,
        };
        const auto conditional = [&](const QString &path, const QByteArray &tag, const QString &token) {
            return m_api.request("GET", path, {}, {token, {}, {{"If-None-Match", tag}}});
        };
        for (const QString &who : {QStringLiteral("coordinator"), QStringLiteral("org_admin"),
                                   QStringLiteral("global_admin"), QStringLiteral("coordinator_b")}) {
            const QString token = m_api.token(who);
            for (const QString &list : lists) {
                const QString what = who + QLatin1Char(' ') + list;
                const auto plain = m_api.get(list, token);
                QCOMPARE(plain.status, 200);
                const QByteArray etag = plain.header("ETag");
                QVERIFY2(etag.startsWith("W/\"v"), qPrintable(what));
                const auto readFirst = conditional(list, "W/\"v0-0000000000000000\"", token);
                QCOMPARE(readFirst.status, 200);
                QVERIFY2(readFirst.header("ETag") == etag, qPrintable(what));
                QCOMPARE(readFirst.body, plain.body);
                QVERIFY2(conditional(list, etag, token).status == 304, qPrintable(what));
            }
        }
        // A record of organisation A: A's lists get a new ETag, read along with the new page.
        const QString token = m_api.token(QStringLiteral("coordinator"));
        const QString list = lists.first();
        const QByteArray before = m_api.get(list, token).header("ETag");
        const QString id = createRecord();
        const auto after = m_api.get(list, token);
        QVERIFY(after.body.contains(id.toUtf8()));
        QVERIFY(after.header("ETag") != before);
        QCOMPARE(conditional(list, before, token).status, 200);
        QCOMPARE(conditional(list, after.header("ETag"), token).status, 304);
    }

    void deleteTwiceIsNotFound()
    {
        const QString id = createRecord();
        const QString root = m_api.token(QStringLiteral("global_admin"));
        const auto first = m_api.del(kBase + QLatin1Char('/') + id, root);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json.value(QLatin1String("message")).toString(),
                 QStringLiteral("Notification record deleted"));
        QCOMPARE(first.json.value(QLatin1String("deleted_id")).toString(), id);
        QCOMPARE(m_api.del(kBase + QLatin1Char('/') + id, root).status, 404);
    }

    void idempotentRetriesReturnTheFirstAnswer()
    {
        const QString token = m_api.token(QStringLiteral("coordinator"));
        const QByteArray body = QJsonDocument(recordBody()).toJson(QJsonDocument::Compact);
        const ApiHarness::Options options{token, "application/json", {{"Idempotency-Key", "retry-7f3a"}}};
        const auto first = m_api.request("POST", kBase, body, options);
        QCOMPARE(first.status, 201);
        m_api.clock().advance(5000);
        const auto retry = m_api.request("POST", kBase, body, options);
        QCOMPARE(retry.status, 201);
        QCOMPARE(retry.body, first.body);
        QCOMPARE(retry.header("Location"), first.header("Location"));
        QCOMPARE(retry.header("Idempotent-Replayed"), QByteArrayLiteral("true"));
        QCOMPARE(m_api.get(kBase, token)
                     .json.value(QLatin1String("pagination"))
                     .toObject()
                     .value(QLatin1String("total"))
                     .toInt(),
                 1);
        // The same key with another body is a client bug.
        const auto other =
            m_api.request("POST", kBase, QJsonDocument(recordBody(World::kMentorA2)).toJson(), options);
        QCOMPARE(other.status, 422);
        // Keys belong to a user: another user's same key is a new request.
        const auto admin = m_api.request("POST", kBase, body,
                                         {m_api.token(QStringLiteral("org_admin")),
                                          "application/json",
                                          {{"Idempotency-Key", "retry-7f3a"}}});
        QCOMPARE(admin.status, 201);
        QVERIFY(admin.body != first.body);
        // A key over 128 characters is refused.
        const auto tooLong = m_api.request(
            "POST", kBase, body, {token, "application/json", {{"Idempotency-Key", QByteArray(129, 'k')}}});
        QCOMPARE(tooLong.status, 400);
        QCOMPARE(tooLong.errorFields(), QStringLiteral("Idempotency-Key"));
    }

    void currentStatusFollowsPauseAndResume()
    {
        const QString token = m_api.token(QStringLiteral("coordinator"));
        const QString profile = kBase + QStringLiteral("/peer-mentor-profile/pm_a1");
        auto reply = m_api.get(profile, token);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(QLatin1String("current_status")).toString(), QStringLiteral("active"));
        QVERIFY(reply.json.value(QLatin1String("pause_start_date")).isNull());
        QCOMPARE(reply.json.value(QLatin1String("full_name")).toString(), QStringLiteral("Kari Nordmann"));
        QCOMPARE(reply.json.value(QLatin1String("phone")).toString(), QStringLiteral("+47 900 12 345"));
        QCOMPARE(reply.json.value(QLatin1String("org_id")).toString(), World::kOrgA);

        QJsonObject pause = recordBody();
        pause.insert(QStringLiteral("effective_date"), QStringLiteral("2026-03-01"));
        createRecord(QStringLiteral("coordinator"), pause);
        reply = m_api.get(profile, token);
        QCOMPARE(reply.json.value(QLatin1String("current_status")).toString(), QStringLiteral("paused"));
        QCOMPARE(reply.json.value(QLatin1String("pause_start_date")).toString(),
                 QStringLiteral("2026-03-01T00:00:00.000Z"));

        m_api.clock().advance(1000);
        QJsonObject resume = recordBody(World::kMentorA1, QStringLiteral("pause_deactivated"));
        resume.insert(QStringLiteral("effective_date"), QStringLiteral("2026-03-10"));
        resume.remove(QStringLiteral("reason"));
        createRecord(QStringLiteral("coordinator"), resume);
        reply = m_api.get(profile, token);
        QCOMPARE(reply.json.value(QLatin1String("current_status")).toString(), QStringLiteral("active"));
        QVERIFY(reply.json.value(QLatin1String("pause_start_date")).isNull());

        const auto history = m_api.get(kBase + QStringLiteral("/history/pm_a1"), token);
        QCOMPARE(history.status, 200);
        QCOMPARE(history.json.value(QLatin1String("total_events")).toInt(), 2);
        const QJsonArray events = history.json.value(QLatin1String("history")).toArray();
        QCOMPARE(events.at(0).toObject().value(QLatin1String("event_type")).toString(),
                 QStringLiteral("pause_deactivated"));
        QVERIFY(events.at(0).toObject().value(QLatin1String("reason")).isNull());
        QCOMPARE(events.at(1).toObject().value(QLatin1String("reason")).toString(),
                 QStringLiteral("Personal leave"));
    }

    void historyOfAMentorWithoutRecordsIsEmpty()
    {
        const auto reply =
            m_api.get(kBase + QStringLiteral("/history/pm_a2"), m_api.token(QStringLiteral("coordinator")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(QLatin1String("peer_mentor_name")).toString(),
                 QStringLiteral("Lars Eriksen"));
        QCOMPARE(reply.json.value(QLatin1String("history")).toArray().size(), 0);
        QCOMPARE(reply.json.value(QLatin1String("total_events")).toInt(), 0);
    }

    void doubledPrefixOfTheSeedsWorks()
    {
        const QString token = m_api.token(QStringLiteral("coordinator"));
        const QString doubled = QStringLiteral("/api/v1/notification-records/api/v1/notification-records");
        const auto created = m_api.post(doubled, recordBody(), token);
        QCOMPARE(created.status, 201);
        const QString id = created.json.value(QLatin1String("id")).toString();
        QCOMPARE(m_api.get(doubled, token).status, 200);
        QCOMPARE(m_api.get(doubled + QLatin1Char('/') + id, token).status, 200);
        QCOMPARE(m_api.get(doubled + QStringLiteral("/history/pm_a1"), token)
                     .json.value(QLatin1String("total_events"))
                     .toInt(),
                 1);
        QCOMPARE(m_api.get(doubled + QStringLiteral("/peer-mentor-profile/pm_a1"), token).status, 200);
    }

    void accessLogHasNoSecretsOrPersonalData()
    {
        const QString token = m_api.token(QStringLiteral("coordinator"));
        createRecord();
        m_api.get(kBase + QStringLiteral("?peer_mentor_id=pm_a1&from=2026-01-01"), token);
        QTRY_VERIFY(m_api.logLines().size() >= 2);
        const QString log = m_api.logLines().join(QLatin1Char('\n'));
        QVERIFY2(log.contains(QStringLiteral("POST /api/v1/notification-records 201")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("GET /api/v1/notification-records?peer_mentor_id=&from= 200")),
                 qPrintable(log));
        QVERIFY(log.contains(QStringLiteral("user=coord.a")));
        QVERIFY(!log.contains(token));
        QVERIFY(!log.contains(QStringLiteral("Kari")));
        QVERIFY(!log.contains(QStringLiteral("Personal leave")));
    }

    // NUL and lone surrogates cannot be stored as they are (PostgreSQL refuses a NUL, SQLite cuts
    // the text there): 400 naming where, on both databases, before any query, and nothing stored.
    void unstorableTextIs400_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        const QByteArray record = R"({"peer_mentor_id":"pm_a1","coordinator_id":"coord_a1",)"
                                  R"("event_type":"pause_activated","effective_date":"2026-03-20",)"
                                  R"("channels_notified":["push"],)";
        QTest::newRow("NUL in the reason")
            << QByteArrayLiteral("POST") << kBase << record + R"("reason":"Personal leave\u0000x"})"
            << QStringLiteral("reason");
        QTest::newRow("lone surrogate in the notes")
            << QByteArrayLiteral("POST") << kBase << record + R"("notes":"a\ud800b"})"
            << QStringLiteral("notes");
        QTest::newRow("NUL in a channel")
            << QByteArrayLiteral("POST") << kBase
            << QByteArray(R"({"peer_mentor_id":"pm_a1","coordinator_id":"coord_a1",)"
                          R"("event_type":"pause_activated",)"
                          R"("effective_date":"2026-03-20",)"
                          R"("channels_notified":["push\u0000"]})")
            << QStringLiteral("channels_notified");
        QTest::newRow("NUL in a query value")
            << QByteArrayLiteral("GET") << kBase + QStringLiteral("?peer_mentor_id=pm_a1%00") << QByteArray()
            << QStringLiteral("peer_mentor_id");
        QTest::newRow("NUL in an id") << QByteArrayLiteral("GET") << kBase + QStringLiteral("/nr_%00x")
                                      << QByteArray() << QStringLiteral("path");
    }

    void unstorableTextIs400()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const QString token = m_api.token(QStringLiteral("coordinator"));
        const auto reply =
            m_api.request(method, path, body, {token, QByteArrayLiteral("application/json"), {}});
        QVERIFY2(reply.status == 400, reply.body.constData());
        QCOMPARE(reply.json.value(QLatin1String("errors"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("field"))
                     .toString(),
                 field);
        QCOMPARE(m_api.get(kBase, token)
                     .json.value(QLatin1String("pagination"))
                     .toObject()
                     .value(QLatin1String("total"))
                     .toInt(),
                 0);
    }

    // A percent-encoded CR LF in the path cannot start a forged line in the log (or the
    // console's log tail, which shows the same lines).
    void accessLogEscapesControlCharacters()
    {
        const QString token = m_api.token(QStringLiteral("coordinator"));
        m_api.get(kBase + QStringLiteral("/nr_x%0D%0AGET%20/forged%20200%09%E2%80%A8end"), token);
        QTRY_VERIFY(!m_api.logLines().isEmpty());
        const QString line = m_api.logLines().constLast();
        QVERIFY2(!line.contains(QLatin1Char('\r')) && !line.contains(QLatin1Char('\n'))
                     && !line.contains(QLatin1Char('\t')) && !line.contains(QChar(0x2028)),
                 qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("/nr_x\\x0d\\x0aGET /forged 200\\x09\\u2028end 404")),
                 qPrintable(line));
    }

    // item 9 of the security issue: a mentor's history comes a page at a time (100 unless the
    // client asks for fewer), newest first, with total_events counting all of them.
    void historyIsPaged()
    {
        QList<NotificationRecord> many;
        const QDateTime start = QDateTime(QDate(2025, 1, 1), QTime(8, 0), Qt::UTC);
        for (int i = 0; i < 250; ++i) {
            NotificationRecord r;
            r.id = QStringLiteral("nr_%1").arg(i, 12, 10, QLatin1Char('0'));
            r.orgId = World::kOrgA;
            r.peerMentorId = World::kMentorA1;
            r.eventType = i % 2 ? EventType::PauseDeactivated : EventType::PauseActivated;
            r.effectiveDate = start.addDays(i);
            r.coordinatorId = World::kCoordA1;
            r.channels = {QStringLiteral("push")};
            r.createdBy = QStringLiteral("ingrid");
            r.sentAt = start.addSecs(i * 60);
            r.updatedAt = r.sentAt;
            many << r;
        }
        {
            Transaction tx(m_api.database());
            QVERIFY(tx.begun().ok());
            QVERIFY(RecordRepository(m_api.database()).insertBatch(many).ok());
            QVERIFY(tx.commit().ok());
        }
        const QString token = m_api.token(QStringLiteral("coordinator"));
        const QString path = kBase + QStringLiteral("/history/") + World::kMentorA1;
        const auto idsOf = [](const QJsonObject &body) {
            QStringList ids;
            for (const QJsonValue &item : body.value(QLatin1String("history")).toArray())
                ids << item.toObject().value(QLatin1String("id")).toString();
            return ids;
        };
        const auto first = m_api.get(path, token);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json.value(QLatin1String("total_events")).toInt(), 250);
        const QJsonObject pagination = first.json.value(QLatin1String("pagination")).toObject();
        QCOMPARE(pagination.value(QLatin1String("page")).toInt(), 1);
        QCOMPARE(pagination.value(QLatin1String("limit")).toInt(), 100);
        QCOMPARE(pagination.value(QLatin1String("total")).toInt(), 250);
        const QStringList page1 = idsOf(first.json);
        QCOMPARE(page1.size(), 100);
        QCOMPARE(page1.first(), QStringLiteral("nr_000000000249")); // newest sent_at first
        const auto third = m_api.get(path + QStringLiteral("?page=3"), token);
        QCOMPARE(third.status, 200);
        QCOMPARE(idsOf(third.json).size(), 50);
        QCOMPARE(idsOf(third.json).last(), QStringLiteral("nr_000000000000"));
        const auto small = m_api.get(path + QStringLiteral("?page=2&limit=7"), token);
        QCOMPARE(idsOf(small.json),
                 (QStringList{QStringLiteral("nr_000000000242"), QStringLiteral("nr_000000000241"),
                              QStringLiteral("nr_000000000240"), QStringLiteral("nr_000000000239"),
                              QStringLiteral("nr_000000000238"), QStringLiteral("nr_000000000237"),
                              QStringLiteral("nr_000000000236")}));
        const auto beyond = m_api.get(path + QStringLiteral("?page=9"), token);
        QCOMPARE(beyond.status, 200);
        QCOMPARE(idsOf(beyond.json).size(), 0);
        QCOMPARE(beyond.json.value(QLatin1String("total_events")).toInt(), 250);
        for (const char *bad : {"?limit=0", "?limit=101", "?page=0", "?limit=x"}) {
            const auto refused = m_api.get(path + QLatin1String(bad), token);
            QVERIFY2(refused.status == 400, bad);
        }
    }

    void recordsAddedThroughTheApiAreSignalled()
    {
        QSignalSpy added(&m_api.records(), &NotificationRecordService::recordAdded);
        createRecord();
        QTRY_COMPARE(added.size(), 1);
        const auto record = added.first().first().value<NotificationRecord>();
        QCOMPARE(record.peerMentorName, QStringLiteral("Kari Nordmann"));
    }
};

CC_DATABASE_TEST_MAIN(TestApiRecords)
#include "tst_api_records.moc"
