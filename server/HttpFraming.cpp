#include "server/HttpFraming.h"

#include <QRegularExpression>

#include <algorithm>

namespace cc::api {

namespace {

constexpr qsizetype kMaxLineBytes = 256; // a chunk-size or trailer line

// What QtHttpServer 6.4 keeps of a head (QHttpHeaderParser): at most 100 fields, each line of at
// most 8 KiB. Beyond either it keeps no header at all, so such a head is refused here.
constexpr int kMaxHeaderFields = 100;
constexpr qsizetype kMaxFieldLineBytes = 8 * 1024;

// RFC 9110 5.6.2: the characters of a token (a header name).
bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

// RFC 9110 5.5: a field value holds visible characters, spaces and tabs; no other control.
bool isFieldValue(QByteArrayView value)
{
    return std::none_of(value.begin(), value.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && u != '\t') || u == 0x7f;
    });
}

// Every CR is followed by LF and every LF follows a CR (RFC 9112 2.2: no bare CR; a bare LF is
// read as a line end by QtHttpServer but not here, so it is refused rather than read two ways).
bool onlyCrLfLineEnds(QByteArrayView head)
{
    for (qsizetype i = 0; i < head.size(); ++i) {
        if (head.at(i) == '\r' && (i + 1 >= head.size() || head.at(i + 1) != '\n'))
            return false;
        if (head.at(i) == '\n' && (i == 0 || head.at(i - 1) != '\r'))
            return false;
    }
    return true;
}

// "METHOD target HTTP/1.x": a method of 1 to 16 capital letters, a target of 1 to 8192 bytes
// without spaces or control characters, and HTTP/1.0 or HTTP/1.1, one space between them.
bool isRequestLine(QByteArrayView line)
{
    static constexpr QByteArrayView kVersion10(" HTTP/1.0");
    static constexpr QByteArrayView kVersion11(" HTTP/1.1");
    if (!line.endsWith(kVersion10) && !line.endsWith(kVersion11))
        return false;
    line.chop(kVersion11.size());
    const qsizetype space = line.indexOf(' ');
    if (space < 1 || space > 16)
        return false;
    const QByteArrayView method = line.first(space);
    const QByteArrayView target = line.sliced(space + 1);
    return std::all_of(method.begin(), method.end(), [](char c) { return c >= 'A' && c <= 'Z'; })
        && !target.isEmpty() && target.size() <= 8192
        && std::all_of(target.begin(), target.end(),
                       [](char c) { return static_cast<unsigned char>(c) > 0x20; });
}

} // namespace

HttpFraming::Step HttpFraming::feed(QByteArrayView data)
{
    if (m_refusal.kind == Step::Kind::Refuse)
        return m_refusal;
    qsizetype at = 0;
    while (at < data.size()) {
        Progress progress = Progress::Going;
        switch (m_phase) {
        case Phase::Head:
            progress = readHead(data, &at);
            break;
        case Phase::Body:
        case Phase::ChunkData:
        case Phase::ChunkDataEnd:
            progress = skipBody(data, &at);
            break;
        case Phase::ChunkSize:
        case Phase::Trailer:
            progress = readLine(data, &at);
            break;
        }
        if (progress == Progress::Refused) {
            Step step = m_refusal;
            step.consumed = at;
            return step;
        }
        if (progress == Progress::Done) {
            Step step;
            step.kind = Step::Kind::Complete;
            step.consumed = at;
            step.headLength = m_headLength;
            step.bodyLength = m_bodyTotal;
            step.chunked = m_chunked;
            step.close = m_close;
            return step;
        }
    }
    Step step;
    step.consumed = at;
    return step;
}

HttpFraming::Progress HttpFraming::readHead(QByteArrayView data, qsizetype *at)
{
    // A head that arrives whole (nearly always) is read where it lies, without a copy.
    if (m_head.isEmpty()) {
        const QByteArrayView rest = data.sliced(*at);
        const qsizetype end =
            rest.first(qMin<qsizetype>(rest.size(), m_maxHeadBytes + 4)).indexOf("\r\n\r\n");
        if (end >= 0) {
            if (end + 4 > m_maxHeadBytes)
                return refuseHead();
            *at += end + 4;
            m_headLength = end + 4;
            return readWholeHead(rest.first(end + 2));
        }
    }
    // At most the limit and a blank line are kept: a longer head is refused, not buffered.
    const qsizetype room = m_maxHeadBytes - m_head.size();
    const qsizetype take = qMin(data.size() - *at, room + 4);
    const qsizetype before = m_head.size();
    m_head.append(data.sliced(*at, take));
    const qsizetype end = m_head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_head.size() > m_maxHeadBytes)
            return refuseHead();
        *at += take;
        return Progress::Going;
    }
    if (end + 4 > m_maxHeadBytes)
        return refuseHead();
    *at += end + 4 - before;
    m_headLength = end + 4;
    const QByteArray head = m_head.left(end + 2); // every line with its CRLF
    m_head.clear();
    return readWholeHead(head);
}

HttpFraming::Progress HttpFraming::readWholeHead(QByteArrayView head)
{
    if (!onlyCrLfLineEnds(head))
        return refuse(400, QStringLiteral("A line of the request head does not end with CRLF."));
    const qsizetype firstEnd = head.indexOf('\n');
    const QByteArrayView requestLine = head.first(firstEnd - 1);
    if (!isRequestLine(requestLine))
        return refuse(400, QStringLiteral("The request line is not valid HTTP/1.1."));
    const bool http11 = requestLine.endsWith("HTTP/1.1");
    if (std::count(head.begin(), head.end(), '\n') - 1 > kMaxHeaderFields)
        return refuse(431,
                      QStringLiteral("The request has more than %1 header fields.").arg(kMaxHeaderFields));
    QByteArrayView contentLength;
    bool hasContentLength = false;
    bool chunked = false;
    bool hasTransferEncoding = false;
    int hosts = 0;
    bool upgrade = false;
    bool expectContinue = false;
    bool close = false;
    for (qsizetype from = firstEnd + 1; from < head.size();) {
        const qsizetype lineEnd = head.indexOf('\n', from);
        QByteArrayView line = head.sliced(from, lineEnd - from);
        from = lineEnd + 1;
        line.chop(1); // the CR
        if (line.size() > kMaxFieldLineBytes)
            return refuse(431,
                          QStringLiteral("A request header field is larger than %1 KiB.")
                              .arg(kMaxFieldLineBytes / 1024));
        if (line.startsWith(' ') || line.startsWith('\t'))
            return refuse(400, QStringLiteral("A request header line is folded (starts with whitespace)."));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return refuse(400, QStringLiteral("A request header line has no name and colon."));
        const QByteArrayView name = line.first(colon);
        if (!std::all_of(name.begin(), name.end(), isTokenChar))
            return refuse(400,
                          QStringLiteral("A request header name holds whitespace or another character "
                                         "a header name cannot have."));
        const QByteArrayView rawValue = line.sliced(colon + 1);
        if (!isFieldValue(rawValue))
            return refuse(400, QStringLiteral("A request header value holds a control character."));
        const QByteArrayView value = rawValue.trimmed();
        const auto is = [name](QByteArrayView lower) {
            return name.size() == lower.size() && name.compare(lower, Qt::CaseInsensitive) == 0;
        };
        if (is("content-length")) {
            if (hasContentLength && contentLength != value)
                return refuse(400, QStringLiteral("The request has two different Content-Length headers."));
            contentLength = value;
            hasContentLength = true;
        } else if (is("transfer-encoding")) {
            if (hasTransferEncoding)
                return refuse(400, QStringLiteral("The request has two Transfer-Encoding headers."));
            hasTransferEncoding = true;
            chunked = value.compare("chunked", Qt::CaseInsensitive) == 0;
        } else if (is("host")) {
            ++hosts;
        } else if (is("upgrade")) {
            upgrade = true;
        } else if (is("expect")) {
            expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        } else if (is("connection")) {
            // RFC 9112 9.6: "close" among the connection options ends the connection after this.
            for (qsizetype start = 0; start <= value.size();) {
                qsizetype comma = value.indexOf(',', start);
                if (comma < 0)
                    comma = value.size();
                close = close
                    || value.sliced(start, comma - start).trimmed().compare("close", Qt::CaseInsensitive)
                        == 0;
                start = comma + 1;
            }
        }
    }
    // RFC 9112 3.2: an HTTP/1.1 request has exactly one Host.
    if (hosts > 1)
        return refuse(400, QStringLiteral("The request has two Host headers."));
    if (hosts == 0 && http11)
        return refuse(400, QStringLiteral("An HTTP/1.1 request must have a Host header."));
    // QtHttpServer 6.4 would answer the request and then try to switch protocols and answer again.
    if (upgrade)
        return refuse(400,
                      QStringLiteral("This server does not switch protocols; send the request "
                                     "without an Upgrade header."));
    if (hasTransferEncoding && hasContentLength)
        return refuse(400, QStringLiteral("Content-Length and Transfer-Encoding must not be sent together."));
    if (hasTransferEncoding && !chunked)
        return refuse(400, QStringLiteral("Only the chunked Transfer-Encoding is supported."));
    m_chunked = chunked;
    m_close = close;
    m_bodyTotal = 0;
    // RFC 9110 10.1.1: an HTTP/1.1 client may wait for "100 Continue" before it sends the body.
    m_continue = expectContinue && http11;
    if (chunked) {
        m_phase = Phase::ChunkSize;
        return Progress::Going;
    }
    if (!hasContentLength)
        return done();
    if (contentLength.isEmpty() || contentLength.size() > 18
        || !std::all_of(contentLength.begin(), contentLength.end(),
                        [](char c) { return c >= '0' && c <= '9'; }))
        return refuse(400, QStringLiteral("The Content-Length header is not a number."));
    m_bodyLeft = contentLength.toByteArray().toLongLong();
    if (m_bodyLeft > m_maxBodyBytes)
        return refuse(413, QStringLiteral("The body is larger than %1 KiB.").arg(m_maxBodyBytes / 1024));
    m_bodyTotal = m_bodyLeft;
    if (m_bodyLeft == 0) {
        m_continue = false;
        return done();
    }
    m_phase = Phase::Body;
    return Progress::Going;
}

HttpFraming::Progress HttpFraming::readLine(QByteArrayView data, qsizetype *at)
{
    const char c = data.at((*at)++);
    if (c != '\n') {
        m_line.append(c);
        if (m_line.size() > kMaxLineBytes)
            return refuse(400, QStringLiteral("A chunk-size or trailer line is too long."));
        return Progress::Going;
    }
    const QByteArray line = m_line.trimmed();
    m_line.clear();
    // QtHttpServer 6.4 reads no trailer: it would take one for the next request (and answer it).
    if (m_phase == Phase::Trailer)
        return line.isEmpty()
            ? done()
            : refuse(400, QStringLiteral("Trailer fields after a chunked body are not supported."));
    return readChunkSize(line);
}

HttpFraming::Progress HttpFraming::readChunkSize(const QByteArray &line)
{
    const QByteArray size = line.split(';').first().trimmed();
    static const QRegularExpression hex(QStringLiteral("^[0-9A-Fa-f]{1,8}$"));
    if (!hex.match(QString::fromLatin1(size)).hasMatch())
        return refuse(400, QStringLiteral("A chunk size is not a valid hexadecimal number."));
    const qint64 chunk = size.toLongLong(nullptr, 16);
    m_bodyTotal += chunk;
    if (m_bodyTotal > m_maxBodyBytes)
        return refuse(413, QStringLiteral("The body is larger than %1 KiB.").arg(m_maxBodyBytes / 1024));
    if (chunk == 0) {
        m_phase = Phase::Trailer;
    } else {
        m_bodyLeft = chunk;
        m_phase = Phase::ChunkData;
    }
    return Progress::Going;
}

// The bytes of a Content-Length body, of a chunk, or the CRLF after a chunk: counted, not kept.
HttpFraming::Progress HttpFraming::skipBody(QByteArrayView data, qsizetype *at)
{
    const qsizetype take = qMin<qsizetype>(data.size() - *at, m_bodyLeft);
    m_bodyLeft -= take;
    *at += take;
    if (m_bodyLeft > 0)
        return Progress::Going;
    switch (m_phase) {
    case Phase::Body:
        return done();
    case Phase::ChunkData:
        m_phase = Phase::ChunkDataEnd;
        m_bodyLeft = 2; // CRLF
        return Progress::Going;
    default:
        m_phase = Phase::ChunkSize;
        return Progress::Going;
    }
}

HttpFraming::Progress HttpFraming::refuse(int status, const QString &detail)
{
    m_refusal = Step{};
    m_refusal.kind = Step::Kind::Refuse;
    m_refusal.status = status;
    m_refusal.detail = detail;
    return Progress::Refused;
}

HttpFraming::Progress HttpFraming::refuseHead()
{
    return refuse(431, QStringLiteral("The request head is larger than %1 KiB.").arg(m_maxHeadBytes / 1024));
}

HttpFraming::Progress HttpFraming::done()
{
    m_phase = Phase::Head;
    return Progress::Done;
}

} // namespace cc::api
