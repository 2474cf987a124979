#include "server/ConnectionGuard.h"

#include "server/Problem.h"

#include <QRegularExpression>
#include <QSslSocket>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cc::api {

namespace {

QHostAddress peerOf(qintptr descriptor)
{
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    if (::getpeername(static_cast<int>(descriptor), reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return {};
    return QHostAddress(reinterpret_cast<const sockaddr *>(&address));
}

} // namespace

// The framing state of one connection.
struct ConnectionGuard::Watch
{
    enum class Phase
    {
        Head,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailer
    };
    QPointer<QTcpSocket> socket;
    QHostAddress peer;
    Phase phase = Phase::Head;
    QByteArray head; // the head so far (at most the limit)
    QByteArray line; // a chunk-size or trailer line so far
    qint64 bodyLeft = 0;
    qint64 bodyTotal = 0;
    QTimer idle;
    QTimer deadline; // the current request must be complete by then
};

ConnectionGuard::ConnectionGuard(ConnectionLimits limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{}

ConnectionGuard::~ConnectionGuard()
{
    qDeleteAll(m_watches);
    qDeleteAll(m_retired);
}

bool ConnectionGuard::admits(const QHostAddress &peer) const
{
    return m_total < m_limits.maxConnections && m_perAddress.value(peer) < m_limits.maxPerAddress;
}

void ConnectionGuard::refuseDescriptor(qintptr descriptor)
{
    // The lambda returns a QByteArray, not the QStringBuilder of its expression (which would
    // refer to its locals after they are gone).
    static const QByteArray answer = []() -> QByteArray {
        const ApiResponse p =
            problem(503, QStringLiteral("The server has too many open connections; retry shortly."));
        return QByteArrayLiteral(
                   "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\n"
                   "Retry-After: 1\r\nConnection: close\r\nContent-Length: ")
            + QByteArray::number(p.body.size()) + QByteArrayLiteral("\r\n\r\n") + p.body;
    }();
    (void)!::send(static_cast<int>(descriptor), answer.constData(), static_cast<size_t>(answer.size()),
                  MSG_NOSIGNAL | MSG_DONTWAIT);
    ::close(static_cast<int>(descriptor));
}

void ConnectionGuard::attach(QTcpSocket *socket)
{
    auto *w = new Watch;
    w->socket = socket;
    w->peer = socket->peerAddress();
    m_watches.insert(socket, w);
    ++m_total;
    ++m_perAddress[w->peer];

    w->idle.setSingleShot(true);
    w->idle.setInterval(m_limits.idleTimeoutMs);
    w->deadline.setSingleShot(true);
    w->deadline.setInterval(m_limits.requestTimeoutMs);
    connect(&w->idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
    connect(&w->deadline, &QTimer::timeout, this,
            [this, socket] { reject(socket, 408, QStringLiteral("The request did not arrive in time.")); });
    // Connected first, so it sees the bytes before QtHttpServer reads them.
    connect(socket, &QIODevice::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QIODevice::bytesWritten, &w->idle, [w] { w->idle.start(); });
    connect(socket, &QObject::destroyed, this, [this, socket] { forget(socket); });
    // A closed connection stops counting at once, not when QtHttpServer gets round to deleting
    // its socket: a busy server would otherwise refuse new connections for ones already gone.
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { forget(socket); });
    w->idle.start();
}

void ConnectionGuard::forget(QTcpSocket *socket)
{
    Watch *w = m_watches.take(socket);
    if (!w)
        return;
    --m_total;
    if (--m_perAddress[w->peer] <= 0)
        m_perAddress.remove(w->peer);
    // Its timers may be the ones whose timeout led here: delete them once that has returned.
    w->idle.stop();
    w->deadline.stop();
    m_retired.append(w);
    QTimer::singleShot(0, this, [this] {
        qDeleteAll(m_retired);
        m_retired.clear();
    });
}

void ConnectionGuard::onReadyRead(QTcpSocket *socket)
{
    Watch *w = m_watches.value(socket);
    if (!w)
        return;
    w->idle.start();
    const QByteArray data = socket->peek(socket->bytesAvailable());
    QString detail;
    if (const int status = consume(*w, data, &detail); status != 0)
        reject(socket, status, detail);
}

void ConnectionGuard::reject(QTcpSocket *socket, int status, const QString &detail)
{
    if (Watch *w = m_watches.value(socket)) {
        w->idle.stop();
        w->deadline.stop();
    }
    // Nobody else reads from this connection again: QtHttpServer never sees the rest.
    disconnect(socket, &QIODevice::readyRead, nullptr, nullptr);
    const ApiResponse p = problem(status, detail);
    const QByteArray reason = status == 413 ? "Content Too Large"
        : status == 431                     ? "Request Header Fields Too Large"
        : status == 408                     ? "Request Timeout"
                                            : "Bad Request";
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                  + "\r\nContent-Type: application/problem+json\r\nConnection: close\r\nContent-Length: "
                  + QByteArray::number(p.body.size()) + "\r\n\r\n" + p.body);
    // A lingering close: the client may still be sending the body it was told not to send. Closing
    // now would reset the connection and lose the answer, so the answer goes out, our side is shut
    // for writing, and what still arrives is read and dropped for a moment.
    socket->skip(socket->bytesAvailable());
    connect(socket, &QIODevice::readyRead, socket, [socket] { socket->skip(socket->bytesAvailable()); });
    auto shutWrite = [socket] {
        if (socket->bytesToWrite() > 0)
            return;
        if (qobject_cast<QSslSocket *>(socket))
            socket->disconnectFromHost();
        else
            ::shutdown(static_cast<int>(socket->socketDescriptor()), SHUT_WR);
    };
    connect(socket, &QIODevice::bytesWritten, socket, shutWrite);
    socket->flush();
    shutWrite();
    QTimer::singleShot(2000, socket, [socket] { socket->abort(); });
    emit refused(QStringLiteral("%1 %2").arg(status).arg(detail));
}

int ConnectionGuard::consume(Watch &w, const QByteArray &data, QString *detail)
{
    static const QRegularExpression requestLine(
        QStringLiteral("^[A-Z]{1,16} [^ \\x00-\\x1f]{1,8192} HTTP/1\\.[01]$"));
    qsizetype i = 0;
    while (i < data.size()) {
        switch (w.phase) {
        case Watch::Phase::Head: {
            if (w.head.isEmpty())
                w.deadline.start();
            const qsizetype room = m_limits.maxHeadBytes - w.head.size();
            const qsizetype take = qMin(data.size() - i, room + 4);
            const qsizetype before = w.head.size();
            w.head.append(data.constData() + i, take);
            const qsizetype end = w.head.indexOf("\r\n\r\n");
            if (end < 0) {
                if (w.head.size() > m_limits.maxHeadBytes) {
                    *detail = QStringLiteral("The request head is larger than %1 KiB.")
                                  .arg(m_limits.maxHeadBytes / 1024);
                    return 431;
                }
                i += take;
                break;
            }
            if (end + 4 > m_limits.maxHeadBytes) {
                *detail = QStringLiteral("The request head is larger than %1 KiB.")
                              .arg(m_limits.maxHeadBytes / 1024);
                return 431;
            }
            i += end + 4 - before;
            const QList<QByteArray> lines = w.head.left(end).split('\n');
            w.head.clear();
            if (!requestLine.match(QString::fromLatin1(lines.first().trimmed())).hasMatch()) {
                *detail = QStringLiteral("The request line is not valid HTTP/1.1.");
                return 400;
            }
            QByteArray contentLength;
            bool chunked = false;
            bool hasTransferEncoding = false;
            for (qsizetype n = 1; n < lines.size(); ++n) {
                const QByteArray line = lines.at(n).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0) {
                    *detail = QStringLiteral("A request header line is malformed.");
                    return 400;
                }
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length") {
                    if (!contentLength.isNull() && contentLength != value) {
                        *detail = QStringLiteral("The request has two different Content-Length headers.");
                        return 400;
                    }
                    contentLength = value;
                } else if (name == "transfer-encoding") {
                    hasTransferEncoding = true;
                    chunked = value.toLower() == "chunked";
                }
            }
            if (hasTransferEncoding && !contentLength.isNull()) {
                *detail = QStringLiteral("Content-Length and Transfer-Encoding must not be sent together.");
                return 400;
            }
            if (hasTransferEncoding && !chunked) {
                *detail = QStringLiteral("Only the chunked Transfer-Encoding is supported.");
                return 400;
            }
            if (chunked) {
                w.phase = Watch::Phase::ChunkSize;
                w.bodyTotal = 0;
            } else if (!contentLength.isNull()) {
                static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
                if (!digits.match(QString::fromLatin1(contentLength)).hasMatch()) {
                    *detail = QStringLiteral("The Content-Length header is not a number.");
                    return 400;
                }
                w.bodyLeft = contentLength.toLongLong();
                if (w.bodyLeft > m_limits.maxBodyBytes) {
                    *detail =
                        QStringLiteral("The body is larger than %1 KiB.").arg(m_limits.maxBodyBytes / 1024);
                    return 413;
                }
                w.phase = w.bodyLeft > 0 ? Watch::Phase::Body : Watch::Phase::Head;
            } else {
                w.phase = Watch::Phase::Head;
            }
            if (w.phase == Watch::Phase::Head)
                w.deadline.stop();
            break;
        }
        case Watch::Phase::Body: {
            const qsizetype take = qMin<qsizetype>(data.size() - i, w.bodyLeft);
            w.bodyLeft -= take;
            i += take;
            if (w.bodyLeft == 0) {
                w.phase = Watch::Phase::Head;
                w.deadline.stop();
            }
            break;
        }
        case Watch::Phase::ChunkSize:
        case Watch::Phase::Trailer: {
            const char c = data.at(i++);
            if (c != '\n') {
                w.line.append(c);
                if (w.line.size() > 256) {
                    *detail = QStringLiteral("A chunk-size or trailer line is too long.");
                    return 400;
                }
                break;
            }
            const QByteArray line = w.line.trimmed();
            w.line.clear();
            if (w.phase == Watch::Phase::Trailer) {
                if (line.isEmpty()) {
                    w.phase = Watch::Phase::Head;
                    w.deadline.stop();
                }
                break;
            }
            const QByteArray size = line.split(';').first().trimmed();
            static const QRegularExpression hex(QStringLiteral("^[0-9A-Fa-f]{1,8}$"));
            if (!hex.match(QString::fromLatin1(size)).hasMatch()) {
                *detail = QStringLiteral("A chunk size is not a valid hexadecimal number.");
                return 400;
            }
            const qint64 chunk = size.toLongLong(nullptr, 16);
            w.bodyTotal += chunk;
            if (w.bodyTotal > m_limits.maxBodyBytes) {
                *detail = QStringLiteral("The body is larger than %1 KiB.").arg(m_limits.maxBodyBytes / 1024);
                return 413;
            }
            if (chunk == 0) {
                w.phase = Watch::Phase::Trailer;
            } else {
                w.bodyLeft = chunk;
                w.phase = Watch::Phase::ChunkData;
            }
            break;
        }
        case Watch::Phase::ChunkData: {
            const qsizetype take = qMin<qsizetype>(data.size() - i, w.bodyLeft);
            w.bodyLeft -= take;
            i += take;
            if (w.bodyLeft == 0) {
                w.phase = Watch::Phase::ChunkDataEnd;
                w.bodyLeft = 2; // CRLF
            }
            break;
        }
        case Watch::Phase::ChunkDataEnd: {
            const qsizetype take = qMin<qsizetype>(data.size() - i, w.bodyLeft);
            w.bodyLeft -= take;
            i += take;
            if (w.bodyLeft == 0)
                w.phase = Watch::Phase::ChunkSize;
            break;
        }
        }
    }
    return 0;
}

QTcpSocket *GuardedTcpServer::nextPendingConnection()
{
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    if (socket)
        m_guard.attach(socket);
    return socket;
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    if (!m_guard.admits(peerOf(descriptor))) {
        ConnectionGuard::refuseDescriptor(descriptor);
        return;
    }
    QTcpServer::incomingConnection(descriptor);
}

QTcpSocket *GuardedSslServer::nextPendingConnection()
{
    QTcpSocket *socket = QSslServer::nextPendingConnection();
    if (socket)
        m_guard.attach(socket);
    return socket;
}

void GuardedSslServer::incomingConnection(qintptr descriptor)
{
    if (!m_guard.admits(peerOf(descriptor))) {
        ::close(static_cast<int>(descriptor));
        return;
    }
    QSslServer::incomingConnection(descriptor);
}

} // namespace cc::api
