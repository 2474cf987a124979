// GET /api/v1/peer-mentors over real HTTP: the items and their current status, each filter,
// pages, bad parameters, organisation isolation and authentication.
#include "tests/server/ApiHarness.h"

#include <QJsonArray>
#include <QtTest>

using namespace cc;
using namespace cc::test;

class TestApiPeerMentors : public QObject
{
    Q_OBJECT

private:
    ApiHarness m_api;
    const QString kBase = QStringLiteral("/api/v1/peer-mentors");

    ApiHarness::Reply list(const QString &query, const QString &who = QStringLiteral("coordinator"))
    {
        return m_api.get(query.isEmpty() ? kBase : kBase + QLatin1Char('?') + query, m_api.token(who));
    }

    static QStringList idsOf(const ApiHarness::Reply &reply)
    {
        QStringList ids;
        const QJsonArray data = reply.json.value(QLatin1String("data")).toArray();
        for (const QJsonValue &item : data)
            ids << item.toObject().value(QLatin1String("peer_mentor_id")).toString();
        return ids;
    }

    static QJsonObject itemOf(const ApiHarness::Reply &reply, const QString &id)
    {
        const QJsonArray data = reply.json.value(QLatin1String("data")).toArray();
        for (const QJsonValue &item : data) {
            if (item.toObject().value(QLatin1String("peer_mentor_id")).toString() == id)
                return item.toObject();
        }
        return {};
    }

    static qint64 totalOf(const ApiHarness::Reply &reply)
    {
        return reply.json.value(QLatin1String("pagination"))
            .toObject()
            .value(QLatin1String("total"))
            .toInteger(-1);
    }

    // Kari Nordmann (pm_a1) paused since 18 March, the day before the test's now.
    void pauseKari()
    {
        QJsonObject body = recordBody(World::kMentorA1, QStringLiteral("pause_activated"));
        body.insert(QStringLiteral("effective_date"), QStringLiteral("2026-03-18"));
        QCOMPARE(m_api
                     .post(QStringLiteral("/api/v1/notification-records"), body,
                           m_api.token(QStringLiteral("coordinator")))
                     .status,
                 201);
    }

    // Lars Eriksen (pm_a2) leaves organisation A an hour after the test's now.
    void larsLeaves()
    {
        m_api.clock().advance(3600 * 1000);
        QVERIFY(m_api.directory().setPeerMentorActive(Caller::system(), World::kMentorA2, false).ok());
    }

private slots:
    void initTestCase() { QVERIFY2(m_api.start(), qPrintable(m_api.error())); }

    void init() { m_api.reseed(); }

    void listsTheOrganisationsMentorsByName()
    {
        const auto reply = list({});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/json"));
        QCOMPARE(idsOf(reply), (QStringList{World::kMentorA1, World::kMentorA2}));
        const QJsonObject pagination = reply.json.value(QLatin1String("pagination")).toObject();
        QCOMPARE(pagination,
                 (QJsonObject{{QStringLiteral("page"), 1},
                              {QStringLiteral("limit"), 20},
                              {QStringLiteral("total"), 2}}));
        // The profile's fields, as the profile endpoint answers them, and deactivated_at.
        const QJsonObject kari = itemOf(reply, World::kMentorA1);
        QJsonObject profile =
            m_api
                .get(QStringLiteral("/api/v1/notification-records/peer-mentor-profile/pm_a1"),
                     m_api.token(QStringLiteral("coordinator")))
                .json;
        profile.insert(QStringLiteral("deactivated_at"), QJsonValue::Null);
        QCOMPARE(kari, profile);
        QCOMPARE(kari.value(QLatin1String("full_name")).toString(), QStringLiteral("Kari Nordmann"));
        QCOMPARE(kari.value(QLatin1String("email")).toString(), QStringLiteral("kari.nordmann@nhf-oslo.no"));
        QCOMPARE(kari.value(QLatin1String("phone")).toString(), QStringLiteral("+47 900 12 345"));
        QCOMPARE(kari.value(QLatin1String("coordinator_id")).toString(), World::kCoordA1);
        QCOMPARE(kari.value(QLatin1String("org_id")).toString(), World::kOrgA);
        QCOMPARE(kari.value(QLatin1String("current_status")).toString(), QStringLiteral("active"));
        QVERIFY(kari.value(QLatin1String("pause_start_date")).isNull());
        QVERIFY(kari.value(QLatin1String("deactivated_at")).isNull());
        QVERIFY(itemOf(reply, World::kMentorA2).value(QLatin1String("email")).isNull());
    }

    void pausedMentorIsListedAsPaused()
    {
        pauseKari();
        const auto all = list({});
        QCOMPARE(idsOf(all), (QStringList{World::kMentorA1, World::kMentorA2}));
        const auto paused = list(QStringLiteral("status=paused"));
        QCOMPARE(paused.status, 200);
        QCOMPARE(idsOf(paused), QStringList{World::kMentorA1});
        QCOMPARE(totalOf(paused), 1);
        const QJsonObject kari = itemOf(paused, World::kMentorA1);
        QCOMPARE(kari.value(QLatin1String("current_status")).toString(), QStringLiteral("paused"));
        QCOMPARE(kari.value(QLatin1String("pause_start_date")).toString(),
                 QStringLiteral("2026-03-18T00:00:00.000Z"));
        const auto active = list(QStringLiteral("status=active"));
        QCOMPARE(idsOf(active), QStringList{World::kMentorA2});
        QCOMPARE(totalOf(active), 1);
    }

    void futurePauseIsNotYetPaused()
    {
        // recordBody()'s effective_date is the day after the test's now.
        QCOMPARE(m_api
                     .post(QStringLiteral("/api/v1/notification-records"), recordBody(),
                           m_api.token(QStringLiteral("coordinator")))
                     .status,
                 201);
        QCOMPARE(idsOf(list(QStringLiteral("status=paused"))), QStringList());
        QCOMPARE(idsOf(list(QStringLiteral("status=active"))),
                 (QStringList{World::kMentorA1, World::kMentorA2}));
    }

    void mentorWhoLeftIsOnlyInactive()
    {
        larsLeaves();
        QCOMPARE(idsOf(list({})), QStringList{World::kMentorA1});
        QCOMPARE(idsOf(list(QStringLiteral("status=active"))), QStringList{World::kMentorA1});
        QCOMPARE(idsOf(list(QStringLiteral("status=paused"))), QStringList());
        const auto inactive = list(QStringLiteral("status=inactive"));
        QCOMPARE(inactive.status, 200);
        QCOMPARE(idsOf(inactive), QStringList{World::kMentorA2});
        QCOMPARE(totalOf(inactive), 1);
        QCOMPARE(itemOf(inactive, World::kMentorA2).value(QLatin1String("deactivated_at")).toString(),
                 QStringLiteral("2026-03-19T15:30:05.000Z"));
        QCOMPARE(itemOf(inactive, World::kMentorA2).value(QLatin1String("current_status")).toString(),
                 QStringLiteral("active"));
        // A search does not bring her back among the current mentors.
        QCOMPARE(idsOf(list(QStringLiteral("q=pm_a2"))), QStringList());
        QCOMPARE(idsOf(list(QStringLiteral("status=inactive&q=eriksen"))), QStringList{World::kMentorA2});
    }

    void filters_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("ids");
        const QString coordinator = QStringLiteral("coordinator");
        const QString a1 = World::kMentorA1;
        const QString a2 = World::kMentorA2;
        const QString b1 = World::kMentorB1;
        QTest::newRow("coordinator_id")
            << coordinator << QStringLiteral("coordinator_id=coord_a2") << QStringList{a2};
        QTest::newRow("coordinator_id, no one")
            << coordinator << QStringLiteral("coordinator_id=coord_nobody") << QStringList();
        QTest::newRow("q name, any case") << coordinator << QStringLiteral("q=NORDMANN") << QStringList{a1};
        QTest::newRow("q part of a name") << coordinator << QStringLiteral("q=rik") << QStringList{a2};
        QTest::newRow("q email") << coordinator << QStringLiteral("q=kari.nordmann%40nhf") << QStringList{a1};
        QTest::newRow("q exact id") << coordinator << QStringLiteral("q=pm_a2") << QStringList{a2};
        QTest::newRow("q part of an id") << coordinator << QStringLiteral("q=pm_") << QStringList();
        QTest::newRow("q empty") << coordinator << QStringLiteral("q=") << QStringList{a1, a2};
        // “ØDEGÅRD” finds “Åse Ødegård”: the match folds case beyond ASCII.
        QTest::newRow("q Unicode") << QStringLiteral("coordinator_b")
                                   << QStringLiteral("q=")
                + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("ØDEGÅRD")))
                                   << QStringList{b1};
        QTest::newRow("q and coordinator_id")
            << coordinator << QStringLiteral("q=n&coordinator_id=coord_a1") << QStringList{a1};
        QTest::newRow("q, status and page")
            << coordinator << QStringLiteral("q=a&status=active&page=1&limit=1") << QStringList{a1};
    }

    void filters()
    {
        QFETCH(QString, who);
        QFETCH(QString, query);
        QFETCH(QStringList, ids);
        const auto reply = list(query, who);
        QCOMPARE(reply.status, 200);
        QCOMPARE(idsOf(reply), ids);
        if (!query.contains(QLatin1String("limit=")))
            QCOMPARE(totalOf(reply), ids.size());
    }

    void pages()
    {
        for (int i = 1; i <= 3; ++i) {
            PeerMentor m;
            m.id = QStringLiteral("pm_more_%1").arg(i);
            m.orgId = World::kOrgA;
            m.coordinatorId = World::kCoordA1;
            m.name = QStringLiteral("Mentor %1").arg(i);
            QVERIFY(m_api.directory().addPeerMentor(Caller::system(), m).ok());
        }
        const auto first = list(QStringLiteral("limit=2"));
        QCOMPARE(first.status, 200);
        QCOMPARE(idsOf(first), (QStringList{World::kMentorA1, World::kMentorA2}));
        QCOMPARE(first.json.value(QLatin1String("pagination")).toObject(),
                 (QJsonObject{{QStringLiteral("page"), 1},
                              {QStringLiteral("limit"), 2},
                              {QStringLiteral("total"), 5}}));
        const auto second = list(QStringLiteral("page=2&limit=2"));
        QCOMPARE(idsOf(second), (QStringList{QStringLiteral("pm_more_1"), QStringLiteral("pm_more_2")}));
        QCOMPARE(second.json.value(QLatin1String("pagination")).toObject(),
                 (QJsonObject{{QStringLiteral("page"), 2},
                              {QStringLiteral("limit"), 2},
                              {QStringLiteral("total"), 5}}));
        QCOMPARE(idsOf(list(QStringLiteral("page=3&limit=2"))), QStringList{QStringLiteral("pm_more_3")});
        const auto beyond = list(QStringLiteral("page=4&limit=2"));
        QCOMPARE(beyond.status, 200);
        QCOMPARE(idsOf(beyond), QStringList());
        QCOMPARE(totalOf(beyond), 5);
        // The total counts after filtering, not the organisation's mentors.
        const auto filtered = list(QStringLiteral("coordinator_id=coord_a1&limit=1&page=2"));
        QCOMPARE(idsOf(filtered), QStringList{QStringLiteral("pm_more_1")});
        QCOMPARE(totalOf(filtered), 4);
    }

    void refusesBadParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("page 0") << QStringLiteral("page=0") << QStringLiteral("page");
        QTest::newRow("limit 0") << QStringLiteral("limit=0") << QStringLiteral("limit");
        QTest::newRow("limit 101") << QStringLiteral("limit=101") << QStringLiteral("limit");
        QTest::newRow("limit text") << QStringLiteral("limit=ten") << QStringLiteral("limit");
        QTest::newRow("status unknown") << QStringLiteral("status=left") << QStringLiteral("status");
        QTest::newRow("status in capitals") << QStringLiteral("status=ACTIVE") << QStringLiteral("status");
        QTest::newRow("status empty") << QStringLiteral("status=") << QStringLiteral("status");
        QTest::newRow("unknown") << QStringLiteral("sort=name") << QStringLiteral("sort");
        QTest::newRow("a records filter")
            << QStringLiteral("peer_mentor_id=pm_a1") << QStringLiteral("peer_mentor_id");
        QTest::newRow("another organisation") << QStringLiteral("org_id=org_b") << QStringLiteral("org_id");
    }

    void refusesBadParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const auto reply = list(query);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
        QVERIFY2(reply.errorFields().split(QLatin1Char(',')).contains(field), reply.body.constData());
        QVERIFY2(reply.json.value(QLatin1String("detail")).toString().contains(field),
                 reply.body.constData());
    }

    void organisationsAreIsolated()
    {
        // Organisation B's coordinator and admin see only B's mentor, whatever they ask.
        for (const QString &who : {QStringLiteral("coordinator_b"), QStringLiteral("org_admin_b")}) {
            QCOMPARE(idsOf(list({}, who)), QStringList{World::kMentorB1});
            QCOMPARE(idsOf(list(QStringLiteral("q=pm_a1"), who)), QStringList());
            QCOMPARE(idsOf(list(QStringLiteral("coordinator_id=coord_a1"), who)), QStringList());
            QCOMPARE(idsOf(list(QStringLiteral("org_id=org_b"), who)), QStringList{World::kMentorB1});
            QCOMPARE(list(QStringLiteral("org_id=org_a"), who).status, 400);
        }
        // Organisation A's never see B's.
        for (const QString &who : {QStringLiteral("coordinator"), QStringLiteral("org_admin")}) {
            QCOMPARE(idsOf(list({}, who)), (QStringList{World::kMentorA1, World::kMentorA2}));
            QCOMPARE(idsOf(list(QStringLiteral("q=pm_b1"), who)), QStringList());
            QCOMPARE(idsOf(list(QStringLiteral("coordinator_id=coord_b1"), who)), QStringList());
            QCOMPARE(idsOf(list(QStringLiteral("org_id=org_a"), who)),
                     (QStringList{World::kMentorA1, World::kMentorA2}));
            QCOMPARE(list(QStringLiteral("org_id=org_b"), who).status, 400);
        }
    }

    void globalAdminSeesEveryOrganisation()
    {
        const QString admin = QStringLiteral("global_admin");
        auto all = idsOf(list({}, admin));
        all.sort();
        QCOMPARE(all, (QStringList{World::kMentorA1, World::kMentorA2, World::kMentorB1}));
        QCOMPARE(idsOf(list(QStringLiteral("org_id=org_b"), admin)), QStringList{World::kMentorB1});
        QCOMPARE(idsOf(list(QStringLiteral("org_id=org_a"), admin)),
                 (QStringList{World::kMentorA1, World::kMentorA2}));
        QCOMPARE(idsOf(list(QStringLiteral("org_id=org_nowhere"), admin)), QStringList());
        QCOMPARE(idsOf(list(QStringLiteral("q=pm_b1"), admin)), QStringList{World::kMentorB1});
    }

    void needsAToken()
    {
        for (const QString &token : {QString(), QStringLiteral("cct_not-a-real-token")}) {
            const auto reply = m_api.get(kBase, token);
            QCOMPARE(reply.status, 401);
            QVERIFY(reply.header("WWW-Authenticate").startsWith("Bearer"));
            QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
        }
    }

    void isReadOnly()
    {
        const auto reply = m_api.post(kBase, QJsonObject{{QStringLiteral("full_name"), QStringLiteral("X")}},
                                      m_api.token(QStringLiteral("org_admin")));
        QCOMPARE(reply.status, 405);
        QCOMPARE(reply.header("Allow"), QByteArrayLiteral("GET"));
    }
};

CC_DATABASE_TEST_MAIN(TestApiPeerMentors)
#include "tst_api_peermentors.moc"
