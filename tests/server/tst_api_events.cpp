// GET /api/v1/events (issue 12, part 2): Server-Sent Events of the change feed for the mobile
// app, read here as a client reads them, from a raw connection.
#include "core/ChangeFeed.h"
#include "tests/server/ApiHarness.h"
#include "tests/server/EventReader.h"
#include "tests/support/TestSupport.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace cc;
using namespace cc::test;

namespace {

const QString kRecords = QStringLiteral("/api/v1/notification-records");

QStringList names(const QList<Event> &events)
{
    QStringList out;
    for (const Event &e : events)
        out << e.name;
    return out;
}

} // namespace

class TestApiEvents : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        api::StreamLimits limits;
        limits.maxPerUser = 3;
        limits.maxStreams = 5;
        limits.maxBufferedBytes = 64 * 1024; // a reader that stops is dropped sooner
        m_api.setStreamLimits(limits);
        QVERIFY2(m_api.start(), qPrintable(m_api.error()));
    }
    void init() { m_api.reseed(); }

    void recordEventsCarryTheApisJson()
    {
        EventReader a(m_api.port(), m_api.token(QStringLiteral("coordinator")));
        QCOMPARE(a.status, 200);
        QVERIFY(a.header("Content-Type").startsWith("text/event-stream"));
        EventReader b(m_api.port(), m_api.token(QStringLiteral("coordinator_b")));
        QCOMPARE(b.status, 200);

        const auto created = m_api.post(kRecords, recordBody(), m_api.token(QStringLiteral("coordinator")));
        QCOMPARE(created.status, 201);
        const auto events = a.events(2);
        QCOMPARE(
            names(events),
            QStringList({QStringLiteral("record.created"), QStringLiteral("peer_mentor.status_changed")}));
        // The very JSON the POST answered, and the change's number as the id.
        QCOMPARE(events.at(0).json(), created.json);
        QCOMPARE(events.at(0).data, QJsonDocument(created.json).toJson(QJsonDocument::Compact));
        QVERIFY(events.at(0).id > 0);
        QCOMPARE(events.at(1).id, events.at(0).id + 1);
        const auto profile = m_api.get(kRecords + QStringLiteral("/peer-mentor-profile/") + World::kMentorA1,
                                       m_api.token(QStringLiteral("coordinator")));
        QCOMPARE(events.at(1).json(), profile.json);

        const QString id = created.json.value(QLatin1String("id")).toString();
        QJsonObject notes{{QStringLiteral("notes"), QStringLiteral("Called her")}};
        QCOMPARE(m_api.put(kRecords + QLatin1Char('/') + id, notes, m_api.token(QStringLiteral("org_admin")))
                     .status,
                 200);
        QCOMPARE(
            m_api.del(kRecords + QLatin1Char('/') + id, m_api.token(QStringLiteral("global_admin"))).status,
            200);
        const auto more = a.events(5);
        QCOMPARE(names(more).mid(2),
                 QStringList({QStringLiteral("record.updated"), QStringLiteral("record.deleted"),
                              QStringLiteral("peer_mentor.status_changed")}));
        QCOMPARE(more.at(2).json().value(QLatin1String("notes")).toString(), QStringLiteral("Called her"));
        QCOMPARE(more.at(3).json(), QJsonObject({{QStringLiteral("id"), id}}));

        // Organisation B heard nothing of it.
        QVERIFY(b.events(1, 500).isEmpty());
    }

    void lastEventIdResumesWithoutLossOrRepeat()
    {
        const QString token = m_api.token(QStringLiteral("coordinator"));
        qint64 lastSeen = 0;
        {
            EventReader first(m_api.port(), token);
            QCOMPARE(m_api.post(kRecords, recordBody(), token).status, 201);
            const auto events = first.events(2);
            QCOMPARE(events.size(), 2);
            lastSeen = events.at(0).id; // as if it slept before the second arrived
            first.disconnect();
        }
        // While it is away.
        const auto second = m_api.post(kRecords, recordBody(World::kMentorA2), token);
        QCOMPARE(second.status, 201);

        EventReader resumed(m_api.port(), token, "Last-Event-ID: " + QByteArray::number(lastSeen) + "\r\n");
        QCOMPARE(resumed.status, 200);
        auto events = resumed.events(3);
        QCOMPARE(names(events),
                 QStringList({QStringLiteral("peer_mentor.status_changed"), QStringLiteral("record.created"),
                              QStringLiteral("peer_mentor.status_changed")}));
        QCOMPARE(events.at(0).id, lastSeen + 1);
        QCOMPARE(events.at(1).json(), second.json);
        // And then live, nothing twice.
        const auto third = m_api.post(kRecords, recordBody(), token);
        events = resumed.events(5);
        QCOMPARE(events.size(), 5);
        QCOMPARE(events.at(3).json(), third.json);
        for (int i = 1; i < events.size(); ++i)
            QCOMPARE(events.at(i).id, events.at(i - 1).id + 1);
        QVERIFY(resumed.events(6, 300).size() == 5);

        // The query form, for clients that cannot set the header.
        EventReader byQuery(m_api.port(), token, {},
                            QStringLiteral("?last_event_id=%1").arg(events.at(3).id));
        QCOMPARE(byQuery.status, 200);
        QCOMPARE(names(byQuery.events(1)), QStringList({QStringLiteral("peer_mentor.status_changed")}));

        EventReader bad(m_api.port(), token, "Last-Event-ID: yesterday\r\n");
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.rest().contains("Last-Event-ID"));
    }

    void anIdOutsideTheKeptWindowAsksToReload()
    {
        const QString token = m_api.token(QStringLiteral("org_admin"));
        QCOMPARE(m_api.post(kRecords, recordBody(), token).status, 201);
        QCOMPARE(m_api.post(kRecords, recordBody(), token).status, 201);
        auto pruned = ChangeFeed::prune(m_api.database(), QDateTime::currentDateTimeUtc().addYears(10));
        QVERIFY2(pruned, why(pruned).constData());
        EventReader old(m_api.port(), token, "Last-Event-ID: 1\r\n");
        QCOMPARE(old.status, 200);
        const auto events = old.events(1);
        QCOMPARE(names(events), QStringList({QStringLiteral("reload")}));
        QCOMPARE(events.at(0).id, *ChangeFeed::newest(m_api.database()));
    }

    void revokingTheTokenEndsTheStream()
    {
        const QString token = m_api.issueToken(QStringLiteral("coord.a"));
        EventReader reader(m_api.port(), token);
        QCOMPARE(reader.status, 200);
        QCOMPARE(m_api.del(QStringLiteral("/api/v1/auth/token"), token).status, 204);
        QVERIFY(reader.closedWithin(3000));
        QCOMPARE(names(reader.events(1, 0)), QStringList({QStringLiteral("end")}));
        // And the token opens no new one.
        EventReader again(m_api.port(), token);
        QCOMPARE(again.status, 401);
    }

    void capsAnswer503WithRetryAfter()
    {
        const QString token = m_api.token(QStringLiteral("coordinator"));
        std::vector<std::unique_ptr<EventReader>> open;
        for (int i = 0; i < 3; ++i) {
            open.push_back(std::make_unique<EventReader>(m_api.port(), token));
            QCOMPARE(open.back()->status, 200);
        }
        EventReader fourth(m_api.port(), token);
        QCOMPARE(fourth.status, 503);
        QCOMPARE(fourth.header("Retry-After"), QByteArray("5"));
        // Others still get theirs, up to the overall cap of 5.
        EventReader admin(m_api.port(), m_api.token(QStringLiteral("org_admin")));
        QCOMPARE(admin.status, 200);
        EventReader global(m_api.port(), m_api.token(QStringLiteral("global_admin")));
        QCOMPARE(global.status, 200);
        EventReader sixth(m_api.port(), m_api.token(QStringLiteral("org_admin_b")));
        QCOMPARE(sixth.status, 503);
        // A closed stream makes room.
        open.pop_back();
        QTest::qWait(200);
        EventReader room(m_api.port(), m_api.token(QStringLiteral("org_admin_b")));
        QCOMPARE(room.status, 200);
        // The request path is not disturbed.
        QCOMPARE(m_api.get(QStringLiteral("/api/v1/health"), {}).status, 200);
    }

    void aReaderThatNeverReadsIsDropped()
    {
        QTest::qWait(200); // the streams of the tests before are gone
        const QString token = m_api.token(QStringLiteral("org_admin"));
        EventReader reader(m_api.port(), token);
        QCOMPARE(reader.status, 200);
        // A client that reads nothing: its side of the connection fills up at once.
        QTcpSocket stalled;
        stalled.setReadBufferSize(4096);
        stalled.connectToHost(QHostAddress::LocalHost, m_api.port());
        QVERIFY(stalled.waitForConnected(3000));
        stalled.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096); // once it has a socket
        stalled.write("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token.toUtf8()
                      + "\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_api.server().openEventStreams(), 2, 3000);

        const qint64 rssBefore = residentBytes();
        constexpr int kCount =
            500; // some 550 KB of events: more than the kernel (128 KiB) and the cap (64 KiB) hold
        for (int i = 0; i < kCount; ++i)
            QCOMPARE(
                m_api.post(kRecords, recordBody(i % 2 ? World::kMentorA1 : World::kMentorA2), token).status,
                201);
        // The stalled reader was let go; the reading one got every event.
        QTRY_COMPARE_WITH_TIMEOUT(m_api.server().openEventStreams(), 1, 5000);
        QCOMPARE(reader.events(2 * kCount, 5000).size(), 2 * kCount);
        const qint64 grown = (residentBytes() - rssBefore) / 1024;
        QVERIFY2(grown < 32 * 1024, qPrintable(QStringLiteral("grew by %1 KiB").arg(grown)));
    }

    void needsAToken()
    {
        EventReader anonymous(m_api.port(), {});
        QCOMPARE(anonymous.status, 401);
    }

private:
    ApiHarness m_api;
};

CC_DATABASE_TEST_MAIN(TestApiEvents)
#include "tst_api_events.moc"
