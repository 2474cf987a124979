#include "server/ConnectionGuard.h"

#include "server/Problem.h"

#include <QSslSocket>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

namespace cc::api {

namespace {

// QtHttpServer answers "Expect: 100-continue" itself since 6.5 (QHttpServerRequestPrivate::
// sendContinue, once it has read the head); 6.4 leaves it to the guard.
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
constexpr bool kQtSendsContinue = true;
#else
constexpr bool kQtSendsContinue = false;
#endif

QHostAddress peerOf(qintptr descriptor)
{
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    if (::getpeername(static_cast<int>(descriptor), reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return {};
    return QHostAddress(reinterpret_cast<const sockaddr *>(&address));
}

} // namespace

// One watched connection: its framing, and the timers that close it when it idles or dawdles.
struct ConnectionGuard::Watch
{
    explicit Watch(const ConnectionLimits &limits)
        : framing(limits.maxHeadBytes, limits.maxBodyBytes)
    {}
    QPointer<QTcpSocket> socket;
    QHostAddress peer;
    quint16 port = 0;
    HttpFraming framing;
    int answering = 0;         // answers being made elsewhere (HttpServer)
    bool continueOwed = false; // a "100 Continue" to write once they are out
    // The timers are not restarted on every byte: each runs from when it was last started and,
    // when it fires, looks at the clocks and starts again for what is left, or acts.
    QTimer idle;                // at the latest when the connection has been quiet long enough
    QTimer deadline;            // at the latest when the current request is overdue
    QElapsedTimer quietSince;   // the last byte in either direction
    QElapsedTimer requestSince; // the first byte of the current request
    // Where the framing and QtHttpServer are in the bytes of the connection: the framing has read
    // up to `fed`, QtHttpServer up to `taken` (never further). The `fed - taken` bytes at the
    // front of the socket's buffer have been fed already and are not fed twice.
    qint64 fed = 0;
    qint64 taken = 0;
    // The requests the framing has seen end that QtHttpServer has not read yet, oldest first.
    struct End
    {
        qint64 at;  // where the request ends (a position like `fed`)
        bool close; // it asked to close the connection after its answer
    };
    QList<End> ends;
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

bool ConnectionGuard::admits(const QHostAddress &peer)
{
    // At a cap, the connection that has waited longest for its next request makes room: a client
    // that holds every keep-alive connection it may have cannot lock out the others (behind the
    // same NAT, or its own next request). Only when every one is busy is the newcomer refused.
    if (m_perAddress.value(peer) >= m_limits.maxPerAddress)
        closeOldestIdle(&peer);
    if (m_total >= m_limits.maxConnections)
        closeOldestIdle(nullptr);
    return m_total < m_limits.maxConnections && m_perAddress.value(peer) < m_limits.maxPerAddress;
}

void ConnectionGuard::closeOldestIdle(const QHostAddress *peer)
{
    Watch *oldest = nullptr;
    for (Watch *w : std::as_const(m_watches)) {
        // Idle: between requests, everything answered, and not lingering after a refusal.
        if ((peer && w->peer != *peer) || !w->socket || !w->idle.isActive() || !w->framing.betweenRequests()
            || w->answering > 0 || w->socket->bytesToWrite() > 0)
            continue;
        if (!oldest || w->quietSince.nsecsElapsed() > oldest->quietSince.nsecsElapsed())
            oldest = w;
    }
    if (oldest)
        oldest->socket->abort(); // disconnected: forget() counts it out at once
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
    auto *w = new Watch(m_limits);
    w->socket = socket;
    w->peer = socket->peerAddress();
    w->port = socket->peerPort();
    m_watches.insert(socket, w);
    m_byPort.insert(w->port, w);
    ++m_total;
    ++m_perAddress[w->peer];

    w->idle.setSingleShot(true);
    w->deadline.setSingleShot(true);
    // Silent for too long: between requests simply closed, inside one answered 408 first.
    connect(&w->idle, &QTimer::timeout, this, [this, socket, w] {
        const qint64 quiet = w->quietSince.elapsed();
        if (quiet < m_limits.idleTimeoutMs)
            w->idle.start(int(m_limits.idleTimeoutMs - quiet)); // a byte came since it started
        else if (w->answering > 0)
            w->idle.start(m_limits.idleTimeoutMs); // waiting for its answer is not idling
        else if (w->framing.betweenRequests())
            socket->abort();
        else
            reject(socket, 408, QStringLiteral("The request did not arrive in time."));
    });
    connect(&w->deadline, &QTimer::timeout, this, [this, socket, w] {
        if (w->framing.betweenRequests())
            return; // the request it was started for is complete; the next one starts it again
        const qint64 taken = w->requestSince.elapsed();
        if (taken < m_limits.requestTimeoutMs)
            w->deadline.start(int(m_limits.requestTimeoutMs - taken)); // started for an earlier one
        else
            reject(socket, 408, QStringLiteral("The request did not arrive in time."));
    });
    // Connected first, so it sees the bytes before QtHttpServer reads them (QtHttpServer connects
    // as soon as this returns; 6.8 connects again after each answer, still after this).
    connect(socket, &QIODevice::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QIODevice::bytesWritten, &w->idle, [w] { w->quietSince.start(); });
    connect(socket, &QObject::destroyed, this, [this, socket] { forget(socket); });
    // A closed connection stops counting at once, not when QtHttpServer gets round to deleting
    // its socket: a busy server would otherwise refuse new connections for ones already gone.
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { forget(socket); });
    w->idle.start(m_limits.idleTimeoutMs);
    w->quietSince.start();
    w->requestSince.start();
}

void ConnectionGuard::forget(QTcpSocket *socket)
{
    Watch *w = m_watches.take(socket);
    if (!w)
        return;
    m_byPort.remove(w->port, w);
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

// Called first on every readyRead, before QtHttpServer reads. What QtHttpServer (6.4 and 6.8
// alike) then reads in the same signal follows from the framing: one whole request when one is in
// the buffer (it answers it, and signals readyRead again for the rest), else everything there is
// (the start of the next request, kept in a read transaction). The guard counts that instead of
// looking at the buffer after QtHttpServer has read: no slot of its own could be sure to run after
// QtHttpServer's, which 6.8 connects anew after every answer.
void ConnectionGuard::onReadyRead(QTcpSocket *socket)
{
    Watch *w = m_watches.value(socket);
    if (!w)
        return;
    w->quietSince.start();
    const qint64 available = socket->bytesAvailable();
    const qint64 seen = qMin(w->fed - w->taken, available);
    if (available > seen) {
        const QByteArray data = socket->peek(available);
        QByteArrayView rest = QByteArrayView(data).sliced(qMin<qint64>(seen, data.size()));
        while (!rest.isEmpty()) {
            if (w->framing.betweenRequests()) {
                w->requestSince.start();
                if (!w->deadline.isActive())
                    w->deadline.start(m_limits.requestTimeoutMs);
            }
            const HttpFraming::Step step = w->framing.feed(rest);
            w->fed += step.consumed;
            if (step.kind == HttpFraming::Step::Kind::Refuse) {
                reject(socket, step.status, step.detail);
                return;
            }
            if (step.kind == HttpFraming::Step::Kind::Complete) {
                w->ends.append({w->fed, step.close});
            }
            rest = rest.sliced(step.consumed);
        }
    }
    if (!w->ends.isEmpty()) {
        // QtHttpServer now reads and answers the oldest complete request.
        // (After "Connection: close" the HttpServer closes the connection, once the answer is out.)
        const Watch::End end = w->ends.takeFirst();
        w->taken = end.at;
        return;
    }
    // QtHttpServer now reads all there is: every earlier request has been handed on.
    w->taken = w->fed;
    // A head that asked for "100 Continue" and waits for it before it sends the body: QtHttpServer
    // 6.4 does not answer it, so the guard does, after the answers to the requests before (at
    // once when they are written, else as the last of them goes out). Later versions answer it
    // themselves.
    if (w->framing.takeContinue() && !kQtSendsContinue) {
        if (w->answering > 0)
            w->continueOwed = true;
        else
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
}

void ConnectionGuard::answering(QTcpSocket *socket, bool begins)
{
    Watch *w = socket ? m_watches.value(socket) : nullptr;
    if (!w)
        return;
    w->answering += begins ? 1 : -1;
    if (w->answering == 0 && w->continueOwed) {
        w->continueOwed = false;
        socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
}

namespace {

// From now on what arrives on `socket` is read and dropped: the buffer is bounded, so nothing can
// pile up between two reads.
void dropIncoming(QTcpSocket *socket)
{
    socket->setReadBufferSize(64 * 1024);
    socket->skip(socket->bytesAvailable());
    QObject::connect(socket, &QIODevice::readyRead, socket,
                     [socket] { socket->skip(socket->bytesAvailable()); });
}

} // namespace

QTcpSocket *ConnectionGuard::socketOf(const QHostAddress &peer, quint16 port) const
{
    for (auto it = m_byPort.constFind(port); it != m_byPort.cend() && it.key() == port; ++it)
        if ((*it)->socket && (*it)->peer.isEqual(peer))
            return (*it)->socket;
    return nullptr;
}

void ConnectionGuard::handOver(QTcpSocket *socket)
{
    forget(socket);
    disconnect(socket, nullptr, this, nullptr);
    disconnect(socket, &QIODevice::readyRead, nullptr, nullptr);
    dropIncoming(socket);
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
    dropIncoming(socket);
    // Over TLS there is no shutting one direction: closing would reset the connection under the
    // client's feet (a reset discards what it has not read yet), so the connection stays open
    // until the linger ends; the answer says "Connection: close" and has its length.
    auto shutWrite = [socket] {
        if (socket->bytesToWrite() > 0 || qobject_cast<QSslSocket *>(socket))
            return;
        ::shutdown(static_cast<int>(socket->socketDescriptor()), SHUT_WR);
    };
    connect(socket, &QIODevice::bytesWritten, socket, shutWrite);
    socket->flush();
    shutWrite();
    QTimer::singleShot(2000, socket, [socket] { socket->abort(); });
    emit refused(QStringLiteral("%1 %2").arg(status).arg(detail));
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

GuardedSslServer::GuardedSslServer(ConnectionGuard &guard, const QSslConfiguration &configuration,
                                   QObject *parent)
    : QTcpServer(parent)
    , m_guard(guard)
    , m_configuration(configuration)
{}

QTcpSocket *GuardedSslServer::nextPendingConnection()
{
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    if (socket)
        m_guard.attach(socket);
    return socket;
}

void GuardedSslServer::incomingConnection(qintptr descriptor)
{
    const QHostAddress peer = peerOf(descriptor);
    if (!m_guard.admits(peer)) {
        ::close(static_cast<int>(descriptor));
        return;
    }
    makeRoomFor(peer);
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(static_cast<int>(descriptor));
        return;
    }
    socket->setSslConfiguration(m_configuration);
    m_handshakes.append({socket, peer});
    connect(socket, &QSslSocket::encrypted, this, [this, socket] { encrypted(socket); });
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { drop(socket); });
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket] { drop(socket); });
    QTimer::singleShot(m_guard.limits().handshakeTimeoutMs, socket, [this, socket] { drop(socket); });
    // The handshake starts with the client's first bytes, once they say it is TLS at all.
    connect(socket, &QIODevice::readyRead, this, [this, socket] { firstBytes(socket); });
}

// A TLS client opens with a handshake record (0x16). Anything else is most likely plain HTTP sent to
// the HTTPS port: it gets a plain answer that says so, rather than a reset it cannot explain.
// (Before startServerEncryption(), peek() leaves the bytes to the handshake.)
void GuardedSslServer::firstBytes(QSslSocket *socket)
{
    char first = 0;
    if (socket->peek(&first, 1) != 1)
        return;
    disconnect(socket, &QIODevice::readyRead, this, nullptr);
    if (first == 0x16) {
        socket->startServerEncryption();
        return;
    }
    if (!endHandshake(socket))
        return;
    // What the client sent is read and dropped, so that closing does not reset the answer away.
    dropIncoming(socket);
    const QByteArray body = "This port speaks HTTPS only: use https:// in the address.\n";
    socket->write(
        "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
        "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket->disconnectFromHost();
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(2000, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
}

// Drops the oldest handshakes while the peer or the server has as many as it may.
void GuardedSslServer::makeRoomFor(const QHostAddress &peer)
{
    const ConnectionLimits &limits = m_guard.limits();
    const auto fromPeer = [this, &peer] {
        return std::count_if(m_handshakes.cbegin(), m_handshakes.cend(),
                             [&peer](const Handshake &h) { return h.peer == peer; });
    };
    while (!m_handshakes.isEmpty() && fromPeer() >= limits.maxHandshakesPerAddress) {
        const auto oldest = std::find_if(m_handshakes.cbegin(), m_handshakes.cend(),
                                         [&peer](const Handshake &h) { return h.peer == peer; });
        drop(oldest->socket);
    }
    while (m_handshakes.size() >= limits.maxHandshakes)
        drop(m_handshakes.first().socket);
}

bool GuardedSslServer::endHandshake(QSslSocket *socket)
{
    for (qsizetype i = 0; i < m_handshakes.size(); ++i) {
        if (m_handshakes.at(i).socket == socket) {
            m_handshakes.removeAt(i);
            socket->disconnect(this);
            return true;
        }
    }
    return false;
}

// A handshake that failed, timed out or made room: the socket goes (once; later calls find it gone).
void GuardedSslServer::drop(QSslSocket *socket)
{
    if (!endHandshake(socket))
        return;
    socket->abort();
    socket->deleteLater();
}

void GuardedSslServer::encrypted(QSslSocket *socket)
{
    if (endHandshake(socket))
        addPendingConnection(socket); // tells QtHttpServer (pendingConnectionAvailable)
}

} // namespace cc::api
