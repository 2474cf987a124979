// One organisation, many seats (issue 12): separate `serve` processes and a console on one
// database hear each other's changes without a refresh. Real processes, the test database of
// the run (SQLite file or PostgreSQL).
#include "core/AuthService.h"
#include "core/ChangeFeed.h"
#include "core/ChangeRelay.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/TemplateService.h"
#include "tests/server/EventReader.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"
#include "ui/records/RecordsModel.h"
#include "ui/shell/PauseNotifier.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

using namespace cc;
using namespace cc::test;

namespace {

quint16 startServe(QProcess &serve, const QString &databaseUrl)
{
    return cc::test::startServe(serve, QStringLiteral(CC_BINARY), databaseUrl);
}

QByteArray recordBody(const QString &mentor, const QString &coordinator)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("peer_mentor_id"), mentor},
                           {QStringLiteral("coordinator_id"), coordinator},
                           {QStringLiteral("event_type"), QStringLiteral("pause_activated")},
                           {QStringLiteral("effective_date"), QStringLiteral("2026-03-20")},
                           {QStringLiteral("reason"), QStringLiteral("Personal leave")},
                           {QStringLiteral("channels_notified"), QJsonArray{QStringLiteral("push")}}})
        .toJson(QJsonDocument::Compact);
}

QByteArray postRequest(const QString &token, const QByteArray &body, const QString &key = {})
{
    return "POST /api/v1/notification-records HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
           "Content-Type: application/json\r\nAuthorization: Bearer "
        + token.toUtf8() + "\r\n"
        + (key.isEmpty() ? QByteArray() : "Idempotency-Key: " + key.toUtf8() + "\r\n")
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

struct Answer
{
    int status = 0;
    QByteArray body;
};

Answer readAnswer(QTcpSocket &socket)
{
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 10000)
        if (socket.waitForReadyRead(100))
            answer += socket.readAll();
    answer += socket.readAll();
    return {answer.mid(9, 3).toInt(), answer.mid(answer.indexOf("\r\n\r\n") + 4)};
}

Answer post(quint16 port, const QString &token, const QByteArray &body)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(postRequest(token, body));
    return readAnswer(socket);
}

qint64 recordCount(Database &db)
{
    Query q(db, QStringLiteral("SELECT COUNT(*) FROM notification_records"));
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestSeats : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void aRecordPostedToOneServerStreamsFromTheOther();
    void aConsoleSeesAServersRecordWithoutRefresh();
    void oneIdempotencyKeyToTwoServersMakesOneRecord();

private:
    QString cliUrl() const;
    void startTwo();

    TestDatabase m_db;
    ManualClock m_clock{testNow()};
    World m_world;
    QString m_tokenA;
    QString m_tokenB;
    std::unique_ptr<QProcess> m_serveA;
    std::unique_ptr<QProcess> m_serveB;
    quint16 m_portA = 0;
    quint16 m_portB = 0;
};

QString TestSeats::cliUrl() const
{
    const auto url = DatabaseUrl::parse(m_db.url());
    return url && url->kind == DatabaseUrl::Kind::Postgresql ? url->display() : m_db.url();
}

void TestSeats::initTestCase()
{
    QVERIFY2(m_db.ok(), qPrintable(m_db.error()));
    if (const auto url = DatabaseUrl::parse(m_db.url()); url && !url->password.isEmpty())
        qputenv("PGPASSWORD", url->password.toUtf8());
    QVERIFY2(QFile::exists(QStringLiteral(CC_BINARY)), CC_BINARY);
}

void TestSeats::init()
{
    m_db.reset();
    QVERIFY(m_world.create(m_db.db(), m_clock));
    QVERIFY(m_world.createUsers(m_db.db(), m_clock));
    AuthService auth(m_db.db(), m_clock);
    // Tokens valid by the wall clock the servers go by (the test clock is in March 2026).
    m_clock.set(QDateTime::currentDateTimeUtc());
    auto a = auth.issueToken(QStringLiteral("coord.a"));
    auto b = auth.issueToken(QStringLiteral("coord.b"));
    m_clock.set(testNow());
    QVERIFY2(a, a ? "" : qPrintable(a.error().message));
    QVERIFY2(b, b ? "" : qPrintable(b.error().message));
    m_tokenA = a->secret;
    m_tokenB = b->secret;
}

void TestSeats::cleanup()
{
    for (auto *serve : {m_serveA.get(), m_serveB.get()}) {
        if (serve) {
            serve->terminate();
            serve->waitForFinished(5000);
        }
    }
    m_serveA.reset();
    m_serveB.reset();
}

void TestSeats::startTwo()
{
    m_serveA = std::make_unique<QProcess>();
    m_serveB = std::make_unique<QProcess>();
    m_portA = startServe(*m_serveA, cliUrl());
    m_portB = startServe(*m_serveB, cliUrl());
    QVERIFY(m_portA > 0);
    QVERIFY(m_portB > 0);
}

void TestSeats::aRecordPostedToOneServerStreamsFromTheOther()
{
    startTwo();
    EventReader sameOrg(m_portB, m_tokenA);
    EventReader otherOrg(m_portB, m_tokenB);
    QCOMPARE(sameOrg.status, 200);
    QCOMPARE(otherOrg.status, 200);

    const Answer created = post(m_portA, m_tokenA, recordBody(World::kMentorA1, World::kCoordA1));
    QCOMPARE(created.status, 201);
    QElapsedTimer timer;
    timer.start();
    const QList<Event> events = sameOrg.events(1, 3000);
    const qint64 took = timer.elapsed();
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.first().name, QStringLiteral("record.created"));
    // The exact JSON A answered, within a second (SQLite: the feed polls every 0.5 s).
    QCOMPARE(events.first().data, QJsonDocument::fromJson(created.body).toJson(QJsonDocument::Compact));
    QVERIFY2(took < 1000, qPrintable(QStringLiteral("took %1 ms").arg(took)));
    for (const Event &e : otherOrg.events(1, 700))
        QVERIFY2(e.name != QLatin1String("record.created"), e.data.constData());
}

void TestSeats::aConsoleSeesAServersRecordWithoutRefresh()
{
    m_serveA = std::make_unique<QProcess>();
    m_portA = startServe(*m_serveA, cliUrl());
    QVERIFY(m_portA > 0);

    // The console's parts, as ConsoleCommand wires them: services, the feed and its relay.
    NotificationRecordService records(m_db.db(), m_clock);
    DirectoryService directory(m_db.db(), m_clock);
    TemplateService templates(m_db.db(), m_clock);
    AuthService auth(m_db.db(), m_clock);
    ChangeFeed feed(m_db.db());
    ChangeRelay relay(feed, m_db.db(), records, directory, templates, auth);
    QVERIFY(feed.start());
    RecordsModel model(records, m_world.orgAdminA);
    PauseNotifier notifier(records, m_world.orgAdminA);
    QSignalSpy tray(&notifier, &PauseNotifier::notify);
    QCOMPARE(model.rowCount(), 0);

    const Answer created = post(m_portA, m_tokenA, recordBody(World::kMentorA1, World::kCoordA1));
    QCOMPARE(created.status, 201);
    const QString id = QJsonDocument::fromJson(created.body).object().value(QLatin1String("id")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 3000);
    QCOMPARE(model.recordAt(0).id, id);
    QTRY_COMPARE_WITH_TIMEOUT(tray.size(), 1, 3000);
    QVERIFY(tray.at(0).at(1).toString().contains(m_world.mentorA1.name));
    QTest::qWait(1200); // a few more polls: nothing comes twice
    QCOMPARE(tray.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    feed.stop();
}

void TestSeats::oneIdempotencyKeyToTwoServersMakesOneRecord()
{
    startTwo();
    const QByteArray body = recordBody(World::kMentorA1, World::kCoordA1);
    for (int round = 0; round < 5; ++round) {
        const QString key = QStringLiteral("seat-key-%1").arg(round);
        QTcpSocket a;
        QTcpSocket b;
        a.connectToHost(QHostAddress::LocalHost, m_portA);
        b.connectToHost(QHostAddress::LocalHost, m_portB);
        QVERIFY(a.waitForConnected(5000) && b.waitForConnected(5000));
        // As close together as two requests can be sent.
        a.write(postRequest(m_tokenA, body, key));
        b.write(postRequest(m_tokenA, body, key));
        a.flush();
        b.flush();
        const Answer first = readAnswer(a);
        const Answer second = readAnswer(b);
        // Both succeed (one of them replayed), or the later one is told to retry while the first
        // is in flight; either way one record.
        QVERIFY2((first.status == 201 || first.status == 409)
                     && (second.status == 201 || second.status == 409)
                     && (first.status == 201 || second.status == 201),
                 qPrintable(QStringLiteral("%1 %2").arg(first.status).arg(second.status)));
        if (first.status == 201 && second.status == 201)
            QCOMPARE(QJsonDocument::fromJson(first.body), QJsonDocument::fromJson(second.body));
        QCOMPARE(recordCount(m_db.db()), round + 1);
    }
}

CC_DATABASE_TEST_MAIN(TestSeats)
#include "tst_seats.moc"
