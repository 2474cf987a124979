// cc::api::HttpFraming alone, without a socket or a timer: where each request of a connection
// ends and which it refuses, with the bytes arriving all at once, one at a time and in pieces.
// (tst_api_hygiene checks the same rules through a running server.)
#include "server/HttpFraming.h"

#include <QtTest>

using namespace cc::api;
using Kind = HttpFraming::Step::Kind;

namespace {

constexpr int kMaxHead = 16 * 1024;
constexpr qint64 kMaxBody = 64 * 1024;

QString complete(qsizetype head, qint64 body, bool chunked = false)
{
    return QStringLiteral("complete head=%1 body=%2%3")
        .arg(head)
        .arg(body)
        .arg(chunked ? QStringLiteral(" chunked") : QString());
}

QString refused(int status, const QString &detail)
{
    return QStringLiteral("refuse %1: %2").arg(status).arg(detail);
}

// Feeds `bytes` in pieces of `piece` bytes, each piece until it is used up, as ConnectionGuard
// does with what a socket delivers; says what each step decided, up to the first refusal.
QStringList run(HttpFraming &framing, const QByteArray &bytes, qsizetype piece)
{
    QStringList outcomes;
    for (qsizetype from = 0; from < bytes.size(); from += piece) {
        QByteArrayView rest = QByteArrayView(bytes).sliced(from, qMin(piece, bytes.size() - from));
        while (!rest.isEmpty()) {
            const HttpFraming::Step step = framing.feed(rest);
            if (step.kind == Kind::Refuse) {
                outcomes << refused(step.status, step.detail);
                return outcomes;
            }
            if (step.kind == Kind::NeedMore) {
                if (step.consumed != rest.size())
                    outcomes
                        << QStringLiteral("need more, with %1 bytes unread").arg(rest.size() - step.consumed);
                break;
            }
            outcomes << complete(step.headLength, step.bodyLength, step.chunked);
            rest = rest.sliced(step.consumed);
        }
    }
    return outcomes;
}

QByteArray get(const QByteArray &path = QByteArrayLiteral("/api/v1/health"))
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
}

// A head of exactly `size` bytes, its blank line included, padded with header fields of at most
// 4 KiB each.
QByteArray headOfSize(qsizetype size)
{
    QByteArray head = QByteArrayLiteral("GET / HTTP/1.1\r\nHost: x\r\n");
    const QByteArray name = QByteArrayLiteral("X-Padding: ");
    while (size - head.size() - 2 > 4096) {
        head += name + QByteArray(4096 - name.size() - 2, 'a') + "\r\n";
    }
    const qsizetype last = size - head.size() - 2 - name.size() - 2;
    return head + name + QByteArray(last, 'a') + "\r\n\r\n";
}

// A GET with `count` header fields.
QByteArray headWithFields(int count)
{
    QByteArray head = QByteArrayLiteral("GET / HTTP/1.1\r\nHost: x\r\n");
    for (int i = 1; i < count; ++i)
        head += "X-Field-" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\r\n";
    return head + "\r\n";
}

const QString kNoHost = QStringLiteral("An HTTP/1.1 request must have a Host header.");
const QString kTwoHosts = QStringLiteral("The request has two Host headers.");
const QString kUpgrade =
    QStringLiteral("This server does not switch protocols; send the request without an Upgrade header.");
const QString kBadRequestLine = QStringLiteral("The request line is not valid HTTP/1.1.");
const QString kBadHeaderLine = QStringLiteral("A request header line has no name and colon.");
const QString kBadName =
    QStringLiteral("A request header name holds whitespace or another character a header "
                   "name cannot have.");
const QString kFolded = QStringLiteral("A request header line is folded (starts with whitespace).");
const QString kNotCrLf = QStringLiteral("A line of the request head does not end with CRLF.");
const QString kControl = QStringLiteral("A request header value holds a control character.");
const QString kTwoEncodings = QStringLiteral("The request has two Transfer-Encoding headers.");
const QString kTooManyFields = QStringLiteral("The request has more than 100 header fields.");
const QString kFieldTooLarge = QStringLiteral("A request header field is larger than 8 KiB.");
const QString kTwoLengths = QStringLiteral("The request has two different Content-Length headers.");
const QString kLengthAndEncoding =
    QStringLiteral("Content-Length and Transfer-Encoding must not be sent together.");
const QString kOnlyChunked = QStringLiteral("Only the chunked Transfer-Encoding is supported.");
const QString kBadLength = QStringLiteral("The Content-Length header is not a number.");
const QString kBadChunkSize = QStringLiteral("A chunk size is not a valid hexadecimal number.");
const QString kLongLine = QStringLiteral("A chunk-size or trailer line is too long.");
const QString kTrailer = QStringLiteral("Trailer fields after a chunked body are not supported.");
const QString kHeadTooLarge = QStringLiteral("The request head is larger than 16 KiB.");
const QString kBodyTooLarge = QStringLiteral("The body is larger than 64 KiB.");

} // namespace

class TestHttpFraming : public QObject
{
    Q_OBJECT

private slots:
    void framing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("outcomes");

        const QByteArray post = QByteArrayLiteral("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\n");
        const QByteArray chunkedHead = post + "Transfer-Encoding: chunked\r\n\r\n";

        // Requests that are framed
        QTest::newRow("no body") << get() << QStringList{complete(get().size(), 0)};
        QTest::newRow("HTTP/1.0") << QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n")
                                  << QStringList{complete(18, 0)};
        QTest::newRow("Content-Length body")
            << post + "Content-Length: 5\r\n\r\nhello" << QStringList{complete(post.size() + 21, 5)};
        QTest::newRow("Content-Length 0") << post + "Content-Length: 0\r\n\r\n"
                                          << QStringList{complete(post.size() + 21, 0)};
        QTest::newRow("two equal Content-Lengths")
            << post + "Content-Length: 2\r\ncontent-length: 2\r\n\r\nok"
            << QStringList{complete(post.size() + 40, 2)};
        QTest::newRow("header names in any case")
            << post + "CONTENT-LENGTH:3\r\n\r\nabc" << QStringList{complete(post.size() + 20, 3)};
        QTest::newRow("100 header fields")
            << headWithFields(100) << QStringList{complete(headWithFields(100).size(), 0)};
        QTest::newRow("header field of 8 KiB") << "GET / HTTP/1.0\r\nX-Big: " + QByteArray(8192 - 7, 'b')
                + "\r\n\r\n" << QStringList{complete(16 + 8192 + 4, 0)};
        QTest::newRow("chunked body") << chunkedHead + "5\r\nhello\r\n3;name=value\r\nabc\r\n0\r\n\r\n"
                                      << QStringList{complete(chunkedHead.size(), 8, true)};
        QTest::newRow("chunked, in any case")
            << post + "Transfer-Encoding: Chunked\r\n\r\n1\r\na\r\n0\r\n\r\n"
            << QStringList{complete(post.size() + 30, 1, true)};
        QTest::newRow("chunked with an empty trailer") << chunkedHead + "1\r\na\r\n0\r\n\r\n"
                                                       << QStringList{complete(chunkedHead.size(), 1, true)};
        QTest::newRow("upper-case hex chunk size") << chunkedHead + "1F\r\n" + QByteArray(31, 'x')
                + "\r\n0\r\n\r\n" << QStringList{complete(chunkedHead.size(), 31, true)};
        QTest::newRow("head at the limit") << headOfSize(kMaxHead) << QStringList{complete(kMaxHead, 0)};
        QTest::newRow("body at the limit") << post + "Content-Length: 65536\r\n\r\n"
                + QByteArray(kMaxBody, 'b') << QStringList{complete(post.size() + 25, kMaxBody)};
        QTest::newRow("chunks up to the limit") << chunkedHead + "8000\r\n" + QByteArray(0x8000, 'c')
                + "\r\n8000\r\n" + QByteArray(0x8000, 'c')
                + "\r\n0\r\n\r\n" << QStringList{complete(chunkedHead.size(), kMaxBody, true)};

        // Pipelined requests
        QTest::newRow("two pipelined")
            << get() + get("/api/v1/openapi.json")
            << QStringList{complete(get().size(), 0), complete(get("/api/v1/openapi.json").size(), 0)};
        QTest::newRow("pipelined with bodies")
            << post + "Content-Length: 2\r\n\r\n{}" + chunkedHead + "2\r\n{}\r\n0\r\n\r\n" + get()
            << QStringList{complete(post.size() + 21, 2), complete(chunkedHead.size(), 2, true),
                           complete(get().size(), 0)};
        QTest::newRow("a good request, then a bad one") << get() + "BAD\r\n\r\n"
                + get() << QStringList{complete(get().size(), 0), refused(400, kBadRequestLine)};

        // Requests that have not ended
        QTest::newRow("head not ended")
            << QByteArrayLiteral("GET / HTTP/1.1\r\nHost: x\r\n") << QStringList{};
        QTest::newRow("body not ended") << post + "Content-Length: 10\r\n\r\nhello" << QStringList{};
        QTest::newRow("chunks not ended") << chunkedHead + "5\r\nhello\r\n" << QStringList{};
        QTest::newRow("trailer not ended") << chunkedHead + "0\r\nX-T: 1" << QStringList{};
        QTest::newRow("trailer field") << chunkedHead + "A\r\n0123456789\r\n0\r\nX-Checksum: 1\r\n\r\n"
                                       << QStringList{refused(400, kTrailer)};

        // 400
        QTest::newRow("HTTP/1.1 without Host")
            << QByteArrayLiteral("GET / HTTP/1.1\r\n\r\n") << QStringList{refused(400, kNoHost)};
        QTest::newRow("two Host headers")
            << get().replace("\r\n\r\n", "\r\nHost: other\r\n\r\n") << QStringList{refused(400, kTwoHosts)};
        QTest::newRow("Upgrade") << post
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nContent-Length: 2\r\n\r\n{}"
                                 << QStringList{refused(400, kUpgrade)};
        QTest::newRow("method in lower case")
            << QByteArrayLiteral("get / HTTP/1.1\r\n\r\n") << QStringList{refused(400, kBadRequestLine)};
        QTest::newRow("HTTP/2.0") << QByteArrayLiteral("GET / HTTP/2.0\r\n\r\n")
                                  << QStringList{refused(400, kBadRequestLine)};
        QTest::newRow("no target") << QByteArrayLiteral("GET HTTP/1.1\r\n\r\n")
                                   << QStringList{refused(400, kBadRequestLine)};
        QTest::newRow("two spaces after the method")
            << QByteArrayLiteral("GET  / HTTP/1.1\r\nHost: x\r\n\r\n")
            << QStringList{refused(400, kBadRequestLine)};
        QTest::newRow("a space in the target") << QByteArrayLiteral("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n")
                                               << QStringList{refused(400, kBadRequestLine)};
        QTest::newRow("no version") << QByteArrayLiteral("GET /\r\nHost: x\r\n\r\n")
                                    << QStringList{refused(400, kBadRequestLine)};
        QTest::newRow("method of 16 letters")
            << QByteArray("ABCDEFGHIJKLMNOP / HTTP/1.1\r\nHost: x\r\n\r\n")
            << QStringList{complete(QByteArray("ABCDEFGHIJKLMNOP / HTTP/1.1\r\nHost: x\r\n\r\n").size(), 0)};
        QTest::newRow("method of 17 letters") << QByteArray("ABCDEFGHIJKLMNOPQ / HTTP/1.1\r\nHost: x\r\n\r\n")
                                              << QStringList{refused(400, kBadRequestLine)};
        const QByteArray longest = "GET /" + QByteArray(8191, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n";
        QTest::newRow("target of 8192 bytes") << longest << QStringList{complete(longest.size(), 0)};
        QTest::newRow("target of 8193 bytes")
            << QByteArray("GET /" + QByteArray(8192, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n")
            << QStringList{refused(400, kBadRequestLine)};
        QTest::newRow("HTTP/1.0 without Host")
            << QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n") << QStringList{complete(18, 0)};
        QTest::newRow("control character in the target")
            << QByteArrayLiteral("GET /a\x01 HTTP/1.1\r\n\r\n") << QStringList{refused(400, kBadRequestLine)};
        QTest::newRow("header without a colon")
            << QByteArrayLiteral("GET / HTTP/1.1\r\nHost localhost\r\n\r\n")
            << QStringList{refused(400, kBadHeaderLine)};
        QTest::newRow("header without a name") << QByteArrayLiteral("GET / HTTP/1.1\r\n: value\r\n\r\n")
                                               << QStringList{refused(400, kBadHeaderLine)};
        QTest::newRow("two different Content-Lengths")
            << post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n"
            << QStringList{refused(400, kTwoLengths)};
        QTest::newRow("Content-Length and Transfer-Encoding")
            << post + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n"
            << QStringList{refused(400, kLengthAndEncoding)};
        QTest::newRow("Transfer-Encoding and Content-Length")
            << post + "Transfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n"
            << QStringList{refused(400, kLengthAndEncoding)};
        QTest::newRow("gzip Transfer-Encoding") << post + "Transfer-Encoding: gzip\r\n\r\n"
                                                << QStringList{refused(400, kOnlyChunked)};
        QTest::newRow("Content-Length not a number") << post + "Content-Length: ten\r\n\r\n"
                                                     << QStringList{refused(400, kBadLength)};
        QTest::newRow("negative Content-Length") << post + "Content-Length: -1\r\n\r\n"
                                                 << QStringList{refused(400, kBadLength)};
        QTest::newRow("empty Content-Length") << post + "Content-Length:\r\n\r\n"
                                              << QStringList{refused(400, kBadLength)};
        QTest::newRow("19-digit Content-Length") << post + "Content-Length: 1000000000000000000\r\n\r\n"
                                                 << QStringList{refused(400, kBadLength)};
        QTest::newRow("chunk size not hex") << chunkedHead + "zz\r\n"
                                            << QStringList{refused(400, kBadChunkSize)};
        QTest::newRow("empty chunk size") << chunkedHead + "\r\n" << QStringList{refused(400, kBadChunkSize)};
        QTest::newRow("negative chunk size") << chunkedHead + "-5\r\n"
                                             << QStringList{refused(400, kBadChunkSize)};
        QTest::newRow("9-digit chunk size") << chunkedHead + "000000001\r\n"
                                            << QStringList{refused(400, kBadChunkSize)};
        QTest::newRow("chunk-size line too long")
            << chunkedHead + "1;" + QByteArray(300, 'e') << QStringList{refused(400, kLongLine)};
        QTest::newRow("trailer line too long")
            << chunkedHead + "0\r\nX-T: " + QByteArray(300, 't') << QStringList{refused(400, kLongLine)};

        // Heads QtHttpServer would read otherwise than the guard (request smuggling): refused.
        QTest::newRow("space before the colon") << post + "Content-Length : 7\r\n\r\n" + QByteArray(7, 'x')
                                                << QStringList{refused(400, kBadName)};
        QTest::newRow("space in a header name") << post + "Content Length: 7\r\n\r\n"
                                                << QStringList{refused(400, kBadName)};
        QTest::newRow("tab before the colon") << post + "Transfer-Encoding\t: chunked\r\n\r\n"
                                              << QStringList{refused(400, kBadName)};
        QTest::newRow("folded header line") << post + "X-A: b\r\n Content-Length: 100\r\n\r\n"
                                            << QStringList{refused(400, kFolded)};
        QTest::newRow("bare LF line ends")
            << QByteArrayLiteral("GET / HTTP/1.1\nHost: x\r\n\r\n") << QStringList{refused(400, kNotCrLf)};
        QTest::newRow("bare LF ends the head") << post + "Content-Length: 5\n\nhello\r\n\r\n"
                                               << QStringList{refused(400, kNotCrLf)};
        QTest::newRow("bare CR in a value") << QByteArrayLiteral("GET / HTTP/1.1\r\nX-A: b\rc\r\n\r\n")
                                            << QStringList{refused(400, kNotCrLf)};
        QTest::newRow("control character in a value")
            << QByteArrayLiteral("GET / HTTP/1.1\r\nX-A: b\x01\r\n\r\n")
            << QStringList{refused(400, kControl)};
        QTest::newRow("NUL in a value")
            << QByteArray("GET / HTTP/1.1\r\nX-A: \0\r\n\r\n", 29) << QStringList{refused(400, kControl)};
        QTest::newRow("two Transfer-Encodings")
            << post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"
            << QStringList{refused(400, kTwoEncodings)};
        QTest::newRow("101 header fields")
            << headWithFields(101) << QStringList{refused(431, kTooManyFields)};
        QTest::newRow("header field over 8 KiB") << "GET / HTTP/1.1\r\nX-Big: " + QByteArray(8192 - 6, 'b')
                + "\r\n\r\n" << QStringList{refused(431, kFieldTooLarge)};

        // 431 and 413
        QTest::newRow("head one byte over the limit")
            << headOfSize(kMaxHead + 1) << QStringList{refused(431, kHeadTooLarge)};
        QTest::newRow("head that never ends")
            << "GET / HTTP/1.1\r\nX-Padding: " + QByteArray(kMaxHead + 100, 'a')
            << QStringList{refused(431, kHeadTooLarge)};
        QTest::newRow("Content-Length over the limit") << post + "Content-Length: 65537\r\n\r\n"
                                                       << QStringList{refused(413, kBodyTooLarge)};
        QTest::newRow("huge Content-Length") << post + "Content-Length: 999999999999999999\r\n\r\n"
                                             << QStringList{refused(413, kBodyTooLarge)};
        QTest::newRow("one chunk over the limit") << chunkedHead + "10001\r\n"
                                                  << QStringList{refused(413, kBodyTooLarge)};
        QTest::newRow("chunks adding up over the limit") << chunkedHead + "8000\r\n" + QByteArray(0x8000, 'c')
                + "\r\n8001\r\n" << QStringList{refused(413, kBodyTooLarge)};
    }

    void framing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, outcomes);
        for (const qsizetype piece : {bytes.size(), qsizetype(1), qsizetype(7)}) {
            HttpFraming framing(kMaxHead, kMaxBody);
            const QStringList got = run(framing, bytes, piece);
            if (got != outcomes)
                qWarning() << "in pieces of" << piece << "bytes";
            QCOMPARE(got, outcomes);
        }
    }

    void completeEndsAtTheRequestsLastByte()
    {
        HttpFraming framing(kMaxHead, kMaxBody);
        const QByteArray first = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc";
        const QByteArray bytes = first + get();
        const HttpFraming::Step one = framing.feed(bytes);
        QCOMPARE(one.kind, Kind::Complete);
        QCOMPARE(one.consumed, first.size());
        const HttpFraming::Step two = framing.feed(QByteArrayView(bytes).sliced(one.consumed));
        QCOMPARE(two.kind, Kind::Complete);
        QCOMPARE(two.consumed, get().size());
    }

    void betweenRequests()
    {
        HttpFraming framing(kMaxHead, kMaxBody);
        QVERIFY(framing.betweenRequests());
        QCOMPARE(framing.feed("GET / HTTP/1.1\r\nHost: x\r\n").kind, Kind::NeedMore);
        QVERIFY(!framing.betweenRequests());
        QCOMPARE(framing.feed("Content-Length: 2\r\n\r\n").kind, Kind::NeedMore);
        QVERIFY(!framing.betweenRequests()); // the body is still to come
        QCOMPARE(framing.feed("{}").kind, Kind::Complete);
        QVERIFY(framing.betweenRequests());
    }

    // item 11 of the security issue: a head with "Expect: 100-continue" and a body to come asks
    // once for the interim answer; without a body, in HTTP/1.0 or without Expect it does not.
    void expectContinue()
    {
        HttpFraming framing(kMaxHead, kMaxBody);
        const QByteArray head =
            "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n";
        QCOMPARE(framing.feed(head).kind, Kind::NeedMore);
        QVERIFY(framing.takeContinue());
        QVERIFY(!framing.takeContinue());
        QCOMPARE(framing.feed("{}").kind, Kind::Complete);
        QVERIFY(!framing.takeContinue());

        for (const QByteArray &other :
             {QByteArray("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 0\r\n\r\n"),
              QByteArray("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"),
              QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n")}) {
            HttpFraming plain(kMaxHead, kMaxBody);
            plain.feed(other);
            QVERIFY2(!plain.takeContinue(), other.constData());
        }
        HttpFraming chunked(kMaxHead, kMaxBody);
        chunked.feed(
            "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-Continue\r\nTransfer-Encoding: chunked\r\n\r\n");
        QVERIFY(chunked.takeContinue());
    }

    // "Connection: close" (one option among others, in any case) marks the request after which
    // the connection ends; other options and keep-alive do not.
    void connectionClose_data()
    {
        QTest::addColumn<QByteArray>("connection");
        QTest::addColumn<bool>("close");
        QTest::newRow("close") << QByteArrayLiteral("Connection: close\r\n") << true;
        QTest::newRow("Close among others") << QByteArrayLiteral("Connection: TE, Close\r\n") << true;
        QTest::newRow("keep-alive") << QByteArrayLiteral("Connection: keep-alive\r\n") << false;
        QTest::newRow("a word with close in it") << QByteArrayLiteral("Connection: closed\r\n") << false;
        QTest::newRow("none") << QByteArray() << false;
    }

    void connectionClose()
    {
        QFETCH(QByteArray, connection);
        QFETCH(bool, close);
        HttpFraming framing(kMaxHead, kMaxBody);
        const QByteArray request = "GET / HTTP/1.1\r\nHost: x\r\n" + connection + "\r\n";
        const HttpFraming::Step step = framing.feed(request);
        QCOMPARE(step.kind, Kind::Complete);
        QCOMPARE(step.close, close);
        // The next request starts afresh.
        QVERIFY(!framing.feed(get()).close);
    }

    void refusesForGoodOnceRefused()
    {
        HttpFraming framing(kMaxHead, kMaxBody);
        QCOMPARE(framing.feed("NOT HTTP\r\n\r\n").kind, Kind::Refuse);
        const HttpFraming::Step again = framing.feed(get());
        QCOMPARE(again.kind, Kind::Refuse);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.detail, kBadRequestLine);
        QCOMPARE(again.consumed, 0);
    }

    void limitsAreTheOnesGiven()
    {
        HttpFraming framing(2048, 1024);
        const HttpFraming::Step body =
            framing.feed("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1025\r\n\r\n");
        QCOMPARE(body.status, 413);
        QCOMPARE(body.detail, QStringLiteral("The body is larger than 1 KiB."));
        HttpFraming small(2048, 1024);
        const HttpFraming::Step head = small.feed(headOfSize(2049));
        QCOMPARE(head.status, 431);
        QCOMPARE(head.detail, QStringLiteral("The request head is larger than 2 KiB."));
    }
};

QTEST_GUILESS_MAIN(TestHttpFraming)
#include "tst_httpframing.moc"
