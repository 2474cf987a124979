// Request hygiene on raw sockets, below what a well-behaved client sends: malformed request lines,
// heads over 16 KiB (431), bodies over 64 KiB announced or chunked (413, the body never sent or
// never read in full), Content-Length with Transfer-Encoding, bad chunk sizes, chunked bodies,
// "Connection: close", pipelining, slow and idle clients, and the connection caps. After each of
// them the server still answers.
#include "tests/server/ApiHarness.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTcpSocket>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

using namespace cc;
using namespace cc::test;

namespace {

// Short limits, so the timeouts can be tested without waiting 15 seconds. (QTimer's coarse
// timers may fire up to 5 % early.)
constexpr int kRequestTimeoutMs = 1500;
constexpr int kIdleTimeoutMs = 3000;

struct RawResponse
{
    int status = 0;                        // 0: no complete response
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

// An HTTP/1.1 client on a bare socket that writes exactly the bytes a test gives it. The server
// runs on a thread of its own, so blocking here is fine.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(3000);
    }

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        while (m_socket.bytesToWrite() > 0 && m_socket.waitForBytesWritten(2000)) {
        }
    }

    // The next complete response (with a Content-Length body); status 0 when none arrived in time.
    RawResponse next(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            if (auto r = take(); r.status != 0)
                return r;
            const qint64 left = timeoutMs - timer.elapsed();
            if (left <= 0 || !pull(int(left)))
                return take();
        }
    }

    // True when the server closed the connection within `timeoutMs`.
    bool waitClosed(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket.state() != QAbstractSocket::UnconnectedState) {
            const qint64 left = timeoutMs - timer.elapsed();
            if (left <= 0)
                return false;
            pull(int(left));
        }
        return true;
    }

    void close() { m_socket.abort(); }
    QByteArray unread() const { return m_buffer; }
    void discard() { m_buffer.clear(); }

private:
    // Reads what arrives within `timeoutMs`; false when nothing did (or the connection closed).
    bool pull(int timeoutMs)
    {
        if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(timeoutMs)) {
            m_buffer += m_socket.readAll();
            return false;
        }
        m_buffer += m_socket.readAll();
        return true;
    }

    RawResponse take()
    {
        RawResponse r;
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return r;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        QHash<QByteArray, QByteArray> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qsizetype length = headers.value("content-length", "0").toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return r;
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        r.status = statusLine.size() >= 2 ? statusLine.at(1).toInt() : -1;
        r.headers = headers;
        r.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return r;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray getRequest(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

} // namespace

class TestApiHygiene : public QObject
{
    Q_OBJECT

private:
    ApiHarness m_api;

    // A request whose refusal the server must answer with `status` and then close.
    void expectRefusal(const QByteArray &bytes, int status)
    {
        RawClient client(m_api.port());
        QVERIFY(client.isConnected());
        client.send(bytes);
        const RawResponse r = client.next();
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
        QCOMPARE(r.header("Connection").toLower(), QByteArrayLiteral("close"));
        const QJsonObject problem = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(problem.value(QLatin1String("status")).toInt(), status);
        QVERIFY(!problem.value(QLatin1String("detail")).toString().isEmpty());
        QVERIFY2(client.waitClosed(5000), "the server kept the connection open");
    }

    QByteArray recordPost(const QByteArray &framing, const QByteArray &body)
    {
        return "POST /api/v1/notification-records HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
               "application/json\r\n"
               "Authorization: Bearer "
            + m_api.token(QStringLiteral("coordinator")).toUtf8() + "\r\n" + framing + "\r\n" + body;
    }

    int recordCount()
    {
        return m_api
            .get(QStringLiteral("/api/v1/notification-records"), m_api.token(QStringLiteral("coordinator")))
            .json.value(QLatin1String("pagination"))
            .toObject()
            .value(QLatin1String("total"))
            .toInt();
    }

private slots:
    void initTestCase()
    {
        api::ConnectionLimits limits;
        limits.requestTimeoutMs = kRequestTimeoutMs;
        limits.idleTimeoutMs = kIdleTimeoutMs;
        m_api.setLimits(limits);
        QVERIFY2(m_api.start(), qPrintable(m_api.error()));
    }

    void init() { m_api.reseed(); }

    // After every test: the server is still there.
    void cleanup()
    {
        const auto health = m_api.get(QStringLiteral("/api/v1/health"), {});
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    }

    void malformedRequestsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("garbage") << QByteArrayLiteral("GARBAGE\r\n\r\n");
        QTest::newRow("no version") << QByteArrayLiteral("GET /api/v1/health\r\n\r\n");
        QTest::newRow("HTTP/2.0") << QByteArrayLiteral("GET /api/v1/health HTTP/2.0\r\nHost: x\r\n\r\n");
        QTest::newRow("two spaces") << QByteArrayLiteral("GET  /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("lower-case method")
            << QByteArrayLiteral("get /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("header without a colon")
            << QByteArrayLiteral("GET /api/v1/health HTTP/1.1\r\nHost x\r\n\r\n");
        QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15);
    }

    void malformedRequestsAreRefused()
    {
        QFETCH(QByteArray, bytes);
        RawClient client(m_api.port());
        QVERIFY(client.isConnected());
        client.send(bytes);
        // The guard answers 400 before QtHttpServer sees the bytes, then closes.
        const RawResponse r = client.next();
        QVERIFY2(r.status == 400, qPrintable(QString::number(r.status)));
        QVERIFY2(client.waitClosed(5000), "the server kept the connection open");
    }

    // Heads that QtHttpServer would read otherwise than the guard (RFC 9112 5.1 and 5.2): it
    // would see no headers at all and take the body for the next request, or buffer a body the
    // guard never counted. Each is refused before QtHttpServer sees a byte.
    void smuggledHeadsAre400_data()
    {
        QTest::addColumn<QByteArray>("framing");
        QTest::newRow("space before the colon") << QByteArrayLiteral("Content-Length : 2\r\n");
        QTest::newRow("space in the name") << QByteArrayLiteral("Content Length: 2\r\n");
        QTest::newRow("folded line") << QByteArrayLiteral("X-A: b\r\n Content-Length: 2\r\n");
        QTest::newRow("bare LF") << QByteArrayLiteral("Content-Length: 2\nX-B: c\r\n");
        QByteArray many;
        for (int i = 0; i < 101; ++i)
            many += "X-" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("more headers than QtHttpServer keeps") << many + "Content-Length: 2\r\n";
    }

    void smuggledHeadsAre400()
    {
        QFETCH(QByteArray, framing);
        const int before = recordCount();
        RawClient client(m_api.port());
        client.send(recordPost(framing, "{}"));
        const RawResponse r = client.next();
        QVERIFY2(r.status == 400 || r.status == 431, qPrintable(QString::number(r.status)));
        QVERIFY2(client.waitClosed(5000), "the server kept the connection open");
        QCOMPARE(recordCount(), before);
    }

    // item 11: an answer to HEAD has no body, so the next answer on the connection is read right;
    // an encoded "/" stays in its segment instead of picking another route.
    void headHasNoBodyAndEncodedSlashStaysInItsSegment()
    {
        RawClient client(m_api.port());
        client.send("HEAD /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(!client.waitClosed(500));
        const QByteArray head = client.unread();
        QVERIFY2(head.startsWith("HTTP/1.1 405") && head.endsWith("\r\n\r\n"), head.constData());
        client.discard();
        client.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(client.next().status, 200);
        QVERIFY2(client.unread().isEmpty(), client.unread().constData());

        const QString token = m_api.token(QStringLiteral("coordinator"));
        const QString records = QStringLiteral("/api/v1/notification-records/");
        QCOMPARE(m_api.get(records + QStringLiteral("history/") + World::kMentorA1, token).status, 200);
        // "history%2Fpm_a1" is one id, not the history route.
        QCOMPARE(m_api.get(records + QStringLiteral("history%2F") + World::kMentorA1, token).status, 404);
        QCOMPARE(
            m_api.get(records + QStringLiteral("peer-mentor-profile%2F") + World::kMentorA1, token).status,
            404);
    }

    // Rate limits per token (OWASP API4): a ceiling on requests per second and on records created
    // per minute; beyond it 429 with Retry-After and the RateLimit-Policy/RateLimit headers. Other
    // tokens are not affected, and the next window serves again.
    void tokensAreRateLimited()
    {
        ApiHarness limited;
        limited.setRateLimits(api::RateLimits{5, 3});
        QVERIFY2(limited.start(), qPrintable(limited.error()));
        const QString coordinator = limited.token(QStringLiteral("coordinator"));
        const QString health = QStringLiteral("/api/v1/notification-records");
        // Fifty requests in a row: whatever seconds they span, some are over five a second.
        std::optional<ApiHarness::Reply> refused;
        for (int i = 0; i < 50 && !refused; ++i) {
            auto reply = limited.get(health, coordinator);
            if (reply.status == 429)
                refused = reply;
            else
                QCOMPARE(reply.status, 200);
        }
        QVERIFY(refused);
        QCOMPARE(refused->header("Retry-After"), QByteArrayLiteral("1"));
        QCOMPARE(refused->header("RateLimit-Policy"),
                 QByteArrayLiteral("\"requests\";q=5;w=1, \"records\";q=3;w=60"));
        QCOMPARE(refused->header("RateLimit"), QByteArrayLiteral("\"requests\";r=0;t=1"));
        QCOMPARE(limited.get(health, limited.token(QStringLiteral("org_admin"))).status, 200);

        // Three records a minute: the fourth is refused and not made.
        QTest::qWait(1100);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(limited.post(health, recordBody(), coordinator).status, 201);
        const auto fourth = limited.post(health, recordBody(), coordinator);
        QCOMPARE(fourth.status, 429);
        const int retry = fourth.header("Retry-After").toInt();
        QVERIFY2(retry >= 1 && retry <= 60, fourth.header("Retry-After").constData());
        QVERIFY(fourth.header("RateLimit").startsWith("\"records\";r=0;t="));
        QVERIFY2(
            fourth.json.value(QLatin1String("detail")).toString().contains(QStringLiteral("3 notifications")),
            fourth.body.constData());
        QTest::qWait(1100);
        QCOMPARE(limited.get(health, coordinator)
                     .json.value(QLatin1String("pagination"))
                     .toObject()
                     .value(QLatin1String("total"))
                     .toInt(),
                 3);
    }

    // item 11: a client that asks "Expect: 100-continue" hears "100 Continue" before it sends the
    // body, then the answer; one whose body is too large hears 413 instead.
    void expectContinueIsAnswered()
    {
        const QByteArray json = QJsonDocument(recordBody()).toJson(QJsonDocument::Compact);
        RawClient client(m_api.port());
        client.send(recordPost(
            "Expect: 100-continue\r\nContent-Length: " + QByteArray::number(json.size()) + "\r\n", {}));
        QVERIFY(!client.waitClosed(1000));
        QCOMPARE(client.unread(), QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
        client.discard();
        client.send(json);
        QCOMPARE(client.next().status, 201);

        RawClient large(m_api.port());
        large.send(recordPost("Expect: 100-continue\r\nContent-Length: 1048576\r\n", {}));
        const RawResponse r = large.next(3000);
        QCOMPARE(r.status, 413);
    }

    // item 11: an HTTP/1.1 request without Host (or with two) is 400, and so is an Upgrade, which
    // QtHttpServer 6.4 answered and then answered again after making the record.
    void hostAndUpgradeAre400()
    {
        const int before = recordCount();
        const QByteArray json = QJsonDocument(recordBody()).toJson(QJsonDocument::Compact);
        const QByteArray length = "Content-Length: " + QByteArray::number(json.size()) + "\r\n";
        const QList<QByteArray> requests{
            QByteArrayLiteral("GET /api/v1/health HTTP/1.1\r\n\r\n"),
            QByteArrayLiteral("GET /api/v1/health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
            recordPost("Upgrade: websocket\r\nConnection: Upgrade\r\n" + length, json),
            recordPost("Upgrade: h2c\r\n" + length, json),
        };
        for (const QByteArray &request : requests) {
            RawClient client(m_api.port());
            client.send(request);
            const RawResponse r = client.next();
            QVERIFY2(r.status == 400, request.left(60).constData());
            QVERIFY2(client.waitClosed(5000), "the server kept the connection open");
        }
        QCOMPARE(recordCount(), before);
        // HTTP/1.0 needs no Host.
        RawClient old(m_api.port());
        old.send("GET /api/v1/health HTTP/1.0\r\n\r\n");
        QCOMPARE(old.next().status, 200);
    }

    // After a refusal the connection lingers for a moment to deliver the answer; what the client
    // goes on sending meanwhile is read and dropped, never kept.
    void lingeringKeepsNothing_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::newRow("413") << QByteArrayLiteral(
            "POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n\r\n");
        QTest::newRow("431") << QByteArray("GET / HTTP/1.1\r\nX-Padding: ") + QByteArray(17 * 1024, 'p');
        QTest::newRow("400") << QByteArrayLiteral("NONSENSE\r\n\r\n");
    }

    void lingeringKeepsNothing()
    {
        QFETCH(QByteArray, head);
        const qint64 before = residentBytes();
        QVERIFY(before > 0);
        // A bare socket that goes on sending after the server has answered and shut its side, as
        // an attacker would (a QTcpSocket stops when it sees the server's FIN).
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        const timeval timeout{0, 500 * 1000};
        ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_api.port());
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QVERIFY(::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0);
        QVERIFY(::send(fd, head.constData(), size_t(head.size()), MSG_NOSIGNAL) == head.size());
        const QByteArray piece(256 * 1024, 'z');
        qint64 sent = 0;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 2500 && sent < 1024LL * 1024 * 1024) {
            const ssize_t n = ::send(fd, piece.constData(), size_t(piece.size()), MSG_NOSIGNAL);
            if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
                break; // reset: the linger is over
            sent += qMax<ssize_t>(n, 0);
        }
        const qint64 grown = residentBytes() - before;
        ::close(fd);
        qInfo("sent %lld MiB while lingering; resident memory grew by %lld MiB", sent >> 20, grown >> 20);
        QVERIFY2(grown < 32LL * 1024 * 1024, qPrintable(QStringLiteral("grew by %1 bytes").arg(grown)));
    }

    void headOver16KiBIs431()
    {
        expectRefusal(getRequest("/api/v1/health", "X-Padding: " + QByteArray(20 * 1024, 'p') + "\r\n"), 431);
    }

    void manyHeadersOver16KiBAre431()
    {
        QByteArray headers;
        for (int i = 0; i < 400; ++i)
            headers += "X-Header-" + QByteArray::number(i) + ": " + QByteArray(40, 'h') + "\r\n";
        expectRefusal(getRequest("/api/v1/health", headers), 431);
    }

    void headJustUnder16KiBIsServed()
    {
        RawClient client(m_api.port());
        // Two fields, as one field's line may not pass 8 KiB (what QtHttpServer keeps).
        const QByteArray padding(15 * 512, 'p');
        client.send(
            getRequest("/api/v1/health", "X-Padding-1: " + padding + "\r\nX-Padding-2: " + padding + "\r\n"));
        QCOMPARE(client.next().status, 200);
    }

    void announcedBodyOver64KiBIs413()
    {
        // The body is never sent: the answer comes from the head alone.
        expectRefusal(recordPost("Content-Length: 70000\r\n", {}), 413);
        QCOMPARE(recordCount(), 0);
    }

    void bodyAtTheLimitIsRead()
    {
        QByteArray body = QJsonDocument(recordBody()).toJson(QJsonDocument::Compact);
        body += QByteArray(64 * 1024 - body.size(), ' ');
        QCOMPARE(body.size(), 64 * 1024);
        const auto exact =
            m_api.request("POST", QStringLiteral("/api/v1/notification-records"), body,
                          {m_api.token(QStringLiteral("coordinator")), "application/json", {}});
        QCOMPARE(exact.status, 201);
        body += ' ';
        const auto over = m_api.request("POST", QStringLiteral("/api/v1/notification-records"), body,
                                        {m_api.token(QStringLiteral("coordinator")), "application/json", {}});
        QCOMPARE(over.status, 413);
        QCOMPARE(recordCount(), 1);
    }

    void badFramingIs400_data()
    {
        QTest::addColumn<QByteArray>("framing");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("Content-Length and Transfer-Encoding")
            << QByteArrayLiteral("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n")
            << QByteArrayLiteral("0\r\n\r\n");
        QTest::newRow("Transfer-Encoding and Content-Length")
            << QByteArrayLiteral("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n")
            << QByteArrayLiteral("0\r\n\r\n");
        QTest::newRow("two Content-Lengths")
            << QByteArrayLiteral("Content-Length: 2\r\nContent-Length: 3\r\n") << QByteArrayLiteral("{}");
        QTest::newRow("Content-Length not a number")
            << QByteArrayLiteral("Content-Length: 2x\r\n") << QByteArrayLiteral("{}");
        QTest::newRow("negative Content-Length")
            << QByteArrayLiteral("Content-Length: -2\r\n") << QByteArrayLiteral("{}");
        QTest::newRow("gzip Transfer-Encoding")
            << QByteArrayLiteral("Transfer-Encoding: gzip\r\n") << QByteArrayLiteral("{}");
        QTest::newRow("negative chunk size") << QByteArrayLiteral("Transfer-Encoding: chunked\r\n")
                                             << QByteArrayLiteral("-5\r\nhello\r\n0\r\n\r\n");
        QTest::newRow("chunk size not hex") << QByteArrayLiteral("Transfer-Encoding: chunked\r\n")
                                            << QByteArrayLiteral("zz\r\nhello\r\n0\r\n\r\n");
        QTest::newRow("empty chunk size") << QByteArrayLiteral("Transfer-Encoding: chunked\r\n")
                                          << QByteArrayLiteral("\r\nhello\r\n0\r\n\r\n");
        QTest::newRow("huge chunk size") << QByteArrayLiteral("Transfer-Encoding: chunked\r\n")
                                         << QByteArrayLiteral("fffffffffffffffff\r\nhello\r\n0\r\n\r\n");
    }

    void badFramingIs400()
    {
        QFETCH(QByteArray, framing);
        QFETCH(QByteArray, body);
        expectRefusal(recordPost(framing, body), 400);
        QCOMPARE(recordCount(), 0);
    }

    void chunkedBodyOver64KiBIs413()
    {
        // Every chunk is small; together they are one byte over the limit.
        QByteArray body;
        for (int i = 0; i < 16; ++i)
            body += chunk(QByteArray(4096, ' '));
        body += chunk(" ");
        body += "0\r\n\r\n";
        expectRefusal(recordPost("Transfer-Encoding: chunked\r\n", body), 413);
        QCOMPARE(recordCount(), 0);
    }

    void oneChunkOver64KiBIs413()
    {
        // Refused from the chunk size alone: the chunk is never sent.
        expectRefusal(recordPost("Transfer-Encoding: chunked\r\n", "10001\r\n"), 413);
    }

    void chunkedBodyIsRead()
    {
        const QByteArray json = QJsonDocument(recordBody()).toJson(QJsonDocument::Compact);
        const QByteArray body =
            chunk(json.left(40)) + chunk(json.mid(40, 50)) + chunk(json.mid(90)) + "0\r\n\r\n";
        RawClient client(m_api.port());
        client.send(recordPost("Transfer-Encoding: chunked\r\n", body));
        const RawResponse r = client.next();
        // QtHttpServer 6.4 parses chunked bodies (its http_parser does): the record is created.
        QCOMPARE(r.status, 201);
        const QJsonObject created = QJsonDocument::fromJson(r.body).object();
        QVERIFY(created.value(QLatin1String("id")).toString().startsWith(QLatin1String("nr_")));
        QCOMPARE(recordCount(), 1);
        // The connection stays usable for the next request.
        client.send(getRequest("/api/v1/health"));
        QCOMPARE(client.next().status, 200);
    }

    void connectionCloseIsHonoured()
    {
        RawClient client(m_api.port());
        client.send(getRequest("/api/v1/health", "Connection: close\r\n"));
        const RawResponse r = client.next();
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("status")).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(r.header("Connection").toLower(), QByteArrayLiteral("close"));
        QVERIFY2(client.waitClosed(3000), "the server kept the connection open after Connection: close");
    }

    void keepAliveServesSeveralRequests()
    {
        RawClient client(m_api.port());
        for (int i = 0; i < 3; ++i) {
            client.send(getRequest("/api/v1/health"));
            QCOMPARE(client.next().status, 200);
        }
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        RawClient client(m_api.port());
        client.send(getRequest("/api/v1/health") + getRequest("/api/v1/nothing-here"));
        const RawResponse first = client.next();
        QCOMPARE(first.status, 200);
        QCOMPARE(QJsonDocument::fromJson(first.body).object().value(QLatin1String("status")).toString(),
                 QStringLiteral("ok"));
        const RawResponse second = client.next();
        QCOMPARE(second.status, 404);
        QCOMPARE(second.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
    }

    // The answers of one connection go out in the order its requests came, wherever they were
    // made: a list on a request worker, health at once, a record on the group writer.
    void pipelinedAnswersKeepTheirOrderAcrossWorkers()
    {
        const QByteArray bearer =
            "Authorization: Bearer " + m_api.token(QStringLiteral("coordinator")).toUtf8() + "\r\n";
        const QByteArray json = QJsonDocument(recordBody()).toJson(QJsonDocument::Compact);
        RawClient client(m_api.port());
        client.send(getRequest("/api/v1/notification-records?limit=1", bearer) + getRequest("/api/v1/health")
                    + recordPost("Content-Length: " + QByteArray::number(json.size()) + "\r\n", json)
                    + getRequest("/api/v1/nothing-here")
                    + getRequest("/api/v1/notification-records", bearer));
        const RawResponse list = client.next();
        QCOMPARE(list.status, 200);
        QVERIFY(QJsonDocument::fromJson(list.body).object().value(QLatin1String("data")).isArray());
        const RawResponse health = client.next();
        QCOMPARE(health.status, 200);
        QCOMPARE(QJsonDocument::fromJson(health.body).object().value(QLatin1String("status")).toString(),
                 QStringLiteral("ok"));
        const RawResponse created = client.next();
        QCOMPARE(created.status, 201);
        const QString id =
            QJsonDocument::fromJson(created.body).object().value(QLatin1String("id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(client.next().status, 404);
        const RawResponse after = client.next();
        QCOMPARE(after.status, 200);
        // The last list was made after the record was committed: it counts it.
        const auto totalOf = [](const RawResponse &r) {
            return QJsonDocument::fromJson(r.body)
                .object()
                .value(QLatin1String("pagination"))
                .toObject()
                .value(QLatin1String("total"))
                .toInt();
        };
        QCOMPARE(totalOf(after), totalOf(list) + 1);
        QVERIFY(!client.waitClosed(300));
        QCOMPARE(client.unread(), QByteArray());
    }

    // Records sent one after another on one connection are grouped by the writer and answered
    // once each, in order, each with its own record.
    void pipelinedRecordsAreAnsweredOnceEach()
    {
        const int before = recordCount();
        constexpr int kRecords = 40;
        QByteArray bytes;
        for (int i = 0; i < kRecords; ++i) {
            QJsonObject body = recordBody();
            body.insert(QStringLiteral("reason"), QStringLiteral("Leave %1").arg(i));
            const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
            bytes += recordPost("Content-Length: " + QByteArray::number(json.size()) + "\r\n", json);
        }
        RawClient client(m_api.port());
        client.send(bytes);
        QStringList ids;
        for (int i = 0; i < kRecords; ++i) {
            const RawResponse r = client.next();
            QVERIFY2(r.status == 201, r.body.constData());
            ids << QJsonDocument::fromJson(r.body).object().value(QLatin1String("id")).toString();
        }
        QVERIFY(!client.waitClosed(300));
        QCOMPARE(client.unread(), QByteArray()); // no answer twice
        // The i-th answer is the i-th request's record.
        for (int i = 0; i < kRecords; ++i) {
            const auto stored = m_api.get(QStringLiteral("/api/v1/notification-records/") + ids.at(i),
                                          m_api.token(QStringLiteral("coordinator")));
            QCOMPARE(stored.status, 200);
            QCOMPARE(stored.json.value(QLatin1String("reason")).toString(),
                     QStringLiteral("Leave %1").arg(i));
        }
        QCOMPARE(recordCount(), before + kRecords);
    }

    // "Connection: close" on a request answered by a worker: the answer first, then the close.
    void connectionCloseWaitsForAWorkersAnswer()
    {
        RawClient client(m_api.port());
        client.send(getRequest("/api/v1/notification-records",
                               "Authorization: Bearer " + m_api.token(QStringLiteral("coordinator")).toUtf8()
                                   + "\r\nConnection: close\r\n"));
        const RawResponse r = client.next();
        QCOMPARE(r.status, 200);
        QVERIFY(QJsonDocument::fromJson(r.body).object().contains(QLatin1String("data")));
        QCOMPARE(r.header("Connection").toLower(), QByteArrayLiteral("close"));
        QVERIFY2(client.waitClosed(3000), "the server kept the connection open after Connection: close");
    }

    // Full queues answer 503 with Retry-After at once; what runs without a worker still answers.
    void fullQueuesAnswer503()
    {
        ApiHarness busy;
        busy.setWork(1, 0, 0); // no request may wait for a worker or the writer
        QVERIFY2(busy.start(), qPrintable(busy.error()));
        const QString coordinator = busy.token(QStringLiteral("coordinator"));
        const qint64 records = test::countRows(busy.database(), QStringLiteral("notification_records"));
        for (const auto &reply :
             {busy.get(QStringLiteral("/api/v1/notification-records"), coordinator),
              busy.post(QStringLiteral("/api/v1/notification-records"), recordBody(), coordinator)}) {
            QCOMPARE(reply.status, 503);
            QCOMPARE(reply.header("Retry-After"), QByteArrayLiteral("1"));
            QCOMPARE(reply.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
            QCOMPARE(reply.json.value(QLatin1String("status")).toInt(), 503);
        }
        QCOMPARE(busy.get(QStringLiteral("/api/v1/health"), {}).status, 200);
        QCOMPARE(test::countRows(busy.database(), QStringLiteral("notification_records")), records);
        const QStringList lines = busy.logLines();
        QVERIFY2(lines.filter(QStringLiteral(" 503 ")).size() >= 2,
                 qPrintable(lines.join(QLatin1Char('\n'))));
    }

    // A second pipelined request whose body arrives in two pieces: QtHttpServer answers the
    // first and signals again for the rest, which the guard has read already and must not read
    // twice (it took the second head for body bytes and answered 400).
    void pipelinedBodyAcrossSegmentsIsServed()
    {
        RawClient client(m_api.port());
        const QByteArray body = R"({"username":"coord.a","password":"not the password"})";
        const QByteArray second = "POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                  "Content-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n";
        client.send(getRequest("/api/v1/health") + second + body.left(10));
        QCOMPARE(client.next().status, 200);
        QTest::qWait(300);
        client.send(body.mid(10));
        const RawResponse r = client.next();
        QVERIFY2(r.status == 401,
                 qPrintable(QString::number(r.status) + QLatin1Char(' ') + QString::fromUtf8(r.body)));
        // And the connection goes on.
        client.send(getRequest("/api/v1/health"));
        QCOMPARE(client.next().status, 200);
    }

    // QtHttpServer reads no trailer after a chunked body and took it for a second request (two
    // answers); it is refused with one.
    void chunkedTrailerIsRefusedOnce()
    {
        RawClient client(m_api.port());
        client.send(recordPost("Transfer-Encoding: chunked\r\n", chunk("{}") + "0\r\nX-Checksum: 1\r\n\r\n"));
        QCOMPARE(client.next().status, 400);
        QVERIFY2(client.waitClosed(5000), "the server kept the connection open");
        QVERIFY2(client.unread().isEmpty(), client.unread().constData());
    }

    void slowClientIsDropped()
    {
        RawClient client(m_api.port());
        QElapsedTimer timer;
        timer.start();
        client.send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // half a head, then nothing
        const RawResponse r = client.next(kRequestTimeoutMs + 3000);
        QVERIFY2(r.status == 408, qPrintable(QString::number(r.status)));
        QVERIFY2(client.waitClosed(kRequestTimeoutMs + 3000), "a slow client was never dropped");
        QVERIFY2(timer.elapsed() >= kRequestTimeoutMs * 9 / 10, qPrintable(QString::number(timer.elapsed())));
    }

    void tricklingClientIsDropped()
    {
        // A byte every 300 ms keeps the connection from being idle, but the request is never
        // complete: the request timeout still ends it.
        RawClient client(m_api.port());
        QElapsedTimer timer;
        timer.start();
        const QByteArray head = getRequest("/api/v1/health", "X-Slow: " + QByteArray(64, 's') + "\r\n");
        bool closed = false;
        for (qsizetype i = 0; i < head.size() - 4 && timer.elapsed() < kRequestTimeoutMs + 3000; ++i) {
            client.send(head.mid(i, 1));
            if (client.waitClosed(300)) {
                closed = true;
                break;
            }
        }
        QVERIFY2(closed, "a trickling client was never dropped");
        QVERIFY2(timer.elapsed() >= kRequestTimeoutMs * 9 / 10, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(timer.elapsed() < kRequestTimeoutMs + 2000, qPrintable(QString::number(timer.elapsed())));
    }

    // The request timer is not started anew for every request of a connection: it runs from the
    // first, and when it fires for a later request it waits out that one's own time.
    void laterRequestHasItsOwnTime()
    {
        RawClient client(m_api.port());
        client.send(getRequest("/api/v1/health"));
        QCOMPARE(client.next().status, 200);
        QTest::qWait(kRequestTimeoutMs * 2 / 3);
        QElapsedTimer timer;
        timer.start();
        client.send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // half a head
        const RawResponse r = client.next(kRequestTimeoutMs + 3000);
        QVERIFY2(r.status == 408, qPrintable(QString::number(r.status)));
        QVERIFY2(timer.elapsed() >= kRequestTimeoutMs * 9 / 10, qPrintable(QString::number(timer.elapsed())));
    }

    // Nor the idle timer for every byte: a connection used more often than the idle timeout stays
    // open past it.
    void connectionInUseIsNotIdle()
    {
        RawClient client(m_api.port());
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < kIdleTimeoutMs * 3 / 2) {
            client.send(getRequest("/api/v1/health"));
            const RawResponse r = client.next();
            QVERIFY2(r.status == 200,
                     qPrintable(QStringLiteral("%1 after %2 ms").arg(r.status).arg(timer.elapsed())));
            QTest::qWait(kIdleTimeoutMs / 3);
        }
    }

    void idleConnectionIsClosed()
    {
        RawClient client(m_api.port());
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(client.waitClosed(kIdleTimeoutMs + 3000), "an idle connection was never closed");
        QVERIFY2(timer.elapsed() >= kIdleTimeoutMs * 9 / 10, qPrintable(QString::number(timer.elapsed())));
        // Idle after an answer too.
        RawClient used(m_api.port());
        used.send(getRequest("/api/v1/health"));
        QCOMPARE(used.next().status, 200);
        QVERIFY2(used.waitClosed(kIdleTimeoutMs + 3000), "an idle keep-alive connection was never closed");
    }

    // Connections per address are capped, but idle keep-alive connections do not lock the address
    // out (item 11: one client holding 64 of them made every other one get 503 for good): the one
    // idle longest makes room. Only when every connection is in the middle of a request is a
    // newcomer refused with 503.
    void connectionsPerAddressAreCapped()
    {
        ApiHarness capped;
        api::ConnectionLimits limits;
        limits.maxPerAddress = 3;
        capped.setLimits(limits);
        QVERIFY2(capped.start(), qPrintable(capped.error()));

        std::vector<std::unique_ptr<RawClient>> open;
        for (int i = 0; i < 3; ++i) {
            open.push_back(std::make_unique<RawClient>(capped.port()));
            QVERIFY(open.back()->isConnected());
            QTest::qWait(20);
        }
        // The first answers, so the server has surely taken them all; the second is now the one
        // idle longest.
        open.front()->send(getRequest("/api/v1/health"));
        QCOMPARE(open.front()->next().status, 200);

        RawClient fourth(capped.port());
        fourth.send(getRequest("/api/v1/health"));
        QCOMPARE(fourth.next(3000).status, 200);
        QVERIFY2(open.at(1)->waitClosed(3000), "the longest-idle connection was not closed");
        for (const std::size_t i : {std::size_t(0), std::size_t(2)}) {
            open.at(i)->send(getRequest("/api/v1/health"));
            QCOMPARE(open.at(i)->next().status, 200);
        }

        // Every connection in the middle of a request: the newcomer is refused.
        for (RawClient *busy : {open.at(0).get(), open.at(2).get(), &fourth})
            busy->send("GET /api/v1/health HTTP/1.1\r\n");
        QTest::qWait(100);
        RawClient fifth(capped.port());
        const RawResponse refused = fifth.next(3000);
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.header("Content-Type"), QByteArrayLiteral("application/problem+json"));
        QVERIFY(!refused.header("Retry-After").isEmpty());
        QVERIFY(fifth.waitClosed(3000));
        // The busy ones finish their requests.
        for (RawClient *busy : {open.at(0).get(), open.at(2).get(), &fourth}) {
            busy->send("Host: x\r\n\r\n");
            QCOMPARE(busy->next().status, 200);
        }
    }

    // item 11: a request that stops half-way is answered 408 when the connection goes idle, not
    // closed without a word.
    void idleInsideARequestIs408()
    {
        ApiHarness quick;
        api::ConnectionLimits limits;
        limits.idleTimeoutMs = 400;
        limits.requestTimeoutMs = 60000;
        quick.setLimits(limits);
        QVERIFY2(quick.start(), qPrintable(quick.error()));
        RawClient client(quick.port());
        client.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n");
        const RawResponse r = client.next(3000);
        QCOMPARE(r.status, 408);
        QVERIFY(client.waitClosed(5000));
        // Idle between requests: closed without an answer.
        RawClient between(quick.port());
        between.send(getRequest("/api/v1/health"));
        QCOMPARE(between.next().status, 200);
        QVERIFY(between.waitClosed(3000));
        QVERIFY(between.unread().isEmpty());
    }
};

CC_DATABASE_TEST_MAIN(TestApiHygiene)
#include "tst_api_hygiene.moc"
