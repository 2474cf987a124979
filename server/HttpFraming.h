#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace cc::api {

// The HTTP/1.1 framing of the requests one connection sends, decided from its bytes alone: where
// each request's head and body end, whether it asks to close the connection after it ("Connection:
// close"), and whether it must be refused. It refuses a malformed
// request line or header line, Content-Length together with Transfer-Encoding, two different
// Content-Lengths, a Transfer-Encoding other than chunked, a bad Content-Length, a bad chunk
// size, an overlong chunk-size line, a trailer field, an HTTP/1.1 request without exactly one Host,
// an Upgrade (400), a head over the head limit (431), and a
// body over the body limit (413, decided from Content-Length or the chunk sizes, so a body is
// never buffered). It keeps no more than the head being read; it knows no sockets and no clocks.
class HttpFraming
{
public:
    HttpFraming(int maxHeadBytes, qint64 maxBodyBytes)
        : m_maxHeadBytes(maxHeadBytes)
        , m_maxBodyBytes(maxBodyBytes)
    {}

    struct Step
    {
        enum class Kind
        {
            NeedMore, // every byte was read; the request goes on
            Complete, // a request ended after `consumed` bytes; feed the rest again
            Refuse    // the request must be refused with `status` and `detail`
        };
        Kind kind = Kind::NeedMore;
        qsizetype consumed = 0;   // bytes of this feed that were read
        qsizetype headLength = 0; // Complete: request line and headers with the blank line
        qint64 bodyLength = 0;    // Complete: Content-Length, or the sum of the chunk sizes
        bool chunked = false;     // Complete: the body came in chunks
        bool close = false;       // Complete: the request asked to close the connection after it
        int status = 0;           // Refuse: 400, 413 or 431
        QString detail;           // Refuse: what was wrong, for a person
    };

    // Reads the next bytes of the connection up to the end of the next request. Once a request
    // is refused, every later feed refuses again without reading.
    Step feed(QByteArrayView data);

    // True once after a head that asked for "Expect: 100-continue" was accepted and its body is
    // still to come: the client waits for an interim "100 Continue" before it sends the body.
    bool takeContinue()
    {
        const bool wanted = m_continue && m_phase != Phase::Head;
        m_continue = false;
        return wanted;
    }

    // True between requests: no byte of the next one has been read yet.
    bool betweenRequests() const { return m_phase == Phase::Head && m_head.isEmpty(); }

private:
    enum class Phase
    {
        Head,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailer
    };
    enum class Progress
    {
        Going,
        Done,
        Refused
    };
    Progress readHead(QByteArrayView data, qsizetype *at);
    Progress readWholeHead(QByteArrayView head); // its lines with their CRLF, without the blank one
    Progress readLine(QByteArrayView data, qsizetype *at);
    Progress readChunkSize(const QByteArray &line);
    Progress skipBody(QByteArrayView data, qsizetype *at);
    Progress refuse(int status, const QString &detail);
    Progress refuseHead();
    Progress done();

    int m_maxHeadBytes;
    qint64 m_maxBodyBytes;
    Phase m_phase = Phase::Head;
    QByteArray m_head; // the head so far (at most the limit and its blank line)
    QByteArray m_line; // a chunk-size or trailer line so far
    qint64 m_bodyLeft = 0;
    bool m_continue = false;
    qint64 m_bodyTotal = 0;
    qsizetype m_headLength = 0;
    bool m_chunked = false;
    bool m_close = false;
    Step m_refusal;
};

} // namespace cc::api
