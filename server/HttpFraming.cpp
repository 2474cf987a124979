#include "server/HttpFraming.h"

#include <QRegularExpression>

namespace cc::api {

namespace {

constexpr qsizetype kMaxLineBytes = 256; // a chunk-size or trailer line

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
            return step;
        }
    }
    Step step;
    step.consumed = at;
    return step;
}

HttpFraming::Progress HttpFraming::readHead(QByteArrayView data, qsizetype *at)
{
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
    const QList<QByteArray> lines = m_head.left(end).split('\n');
    m_head.clear();
    return readHeaders(lines);
}

HttpFraming::Progress HttpFraming::readHeaders(const QList<QByteArray> &lines)
{
    static const QRegularExpression requestLine(
        QStringLiteral("^[A-Z]{1,16} [^ \\x00-\\x1f]{1,8192} HTTP/1\\.[01]$"));
    if (!requestLine.match(QString::fromLatin1(lines.first().trimmed())).hasMatch())
        return refuse(400, QStringLiteral("The request line is not valid HTTP/1.1."));
    QByteArray contentLength;
    bool chunked = false;
    bool hasTransferEncoding = false;
    for (qsizetype n = 1; n < lines.size(); ++n) {
        const QByteArray line = lines.at(n).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return refuse(400, QStringLiteral("A request header line is malformed."));
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            if (!contentLength.isNull() && contentLength != value)
                return refuse(400, QStringLiteral("The request has two different Content-Length headers."));
            contentLength = value;
        } else if (name == "transfer-encoding") {
            hasTransferEncoding = true;
            chunked = value.toLower() == "chunked";
        }
    }
    if (hasTransferEncoding && !contentLength.isNull())
        return refuse(400, QStringLiteral("Content-Length and Transfer-Encoding must not be sent together."));
    if (hasTransferEncoding && !chunked)
        return refuse(400, QStringLiteral("Only the chunked Transfer-Encoding is supported."));
    m_chunked = chunked;
    m_bodyTotal = 0;
    if (chunked) {
        m_phase = Phase::ChunkSize;
        return Progress::Going;
    }
    if (contentLength.isNull())
        return done();
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    if (!digits.match(QString::fromLatin1(contentLength)).hasMatch())
        return refuse(400, QStringLiteral("The Content-Length header is not a number."));
    m_bodyLeft = contentLength.toLongLong();
    if (m_bodyLeft > m_maxBodyBytes)
        return refuse(413, QStringLiteral("The body is larger than %1 KiB.").arg(m_maxBodyBytes / 1024));
    m_bodyTotal = m_bodyLeft;
    if (m_bodyLeft == 0)
        return done();
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
    if (m_phase == Phase::Trailer)
        return line.isEmpty() ? done() : Progress::Going;
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
