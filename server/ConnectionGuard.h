#pragma once

#include "server/HttpFraming.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace cc::api {

struct ConnectionLimits
{
    int maxConnections = 512;
    int maxPerAddress = 64;
    int idleTimeoutMs = 15000;    // no byte in either direction for this long: closed
    int requestTimeoutMs = 15000; // a request's head and body must arrive within this
    int maxHeadBytes = 16 * 1024;
    qint64 maxBodyBytes = 64 * 1024;
    // TLS handshakes in progress: overall and per address. Beyond either, the oldest of them is
    // dropped to make room, so silent connections can never stop the server from accepting.
    int maxHandshakes = 64;
    int maxHandshakesPerAddress = 16;
    int handshakeTimeoutMs = 10000;
};

// Request hygiene that QtHttpServer 6.4 lacks. It watches every byte a client sends, before
// QtHttpServer parses it, and asks an HttpFraming per connection where requests end and which to
// refuse (a malformed request line, a head over 16 KiB: 431, a body over 64 KiB: 413, ...). It
// caps connections (total and per address; at a cap the longest-idle one makes room) and closes
// idle and too-slow connections (408 when a request was under way). A refused
// request gets a problem+json answer and the connection is closed.
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionGuard(ConnectionLimits limits, QObject *parent = nullptr);
    ~ConnectionGuard() override;

    // True when one more connection from `peer` is allowed, after closing the longest-idle
    // connection (of that address, or any) when a cap is reached.
    bool admits(const QHostAddress &peer);
    // Starts watching a socket: call before anyone else connects to its readyRead.
    void attach(QTcpSocket *socket);
    int openConnections() const { return m_total; }
    // The watched connection from `peer`:`port` (nullptr if none): QtHttpServer 6.8 gives a
    // handler the request's addresses, not its socket.
    QTcpSocket *socketOf(const QHostAddress &peer, quint16 port) const;
    // An answer to a request on `socket` is being made elsewhere (true) or was written (false):
    // while any is, the connection is not idle, however quiet, and an interim "100 Continue"
    // waits for the answers before it.
    void answering(QTcpSocket *socket, bool begins);
    // Gives a connection up for good to a stream that writes to it (GET /api/v1/events): no more
    // framing, timeouts or counting against the caps here, and nobody reads it any more (what the
    // client still sends is dropped), QtHttpServer included.
    void handOver(QTcpSocket *socket);
    const ConnectionLimits &limits() const { return m_limits; }

    // Writes a refusal to a raw descriptor that will not be served (over the connection cap).
    static void refuseDescriptor(qintptr descriptor);

signals:
    void refused(const QString &reason);

private:
    struct Watch;
    void onReadyRead(QTcpSocket *socket);
    void reject(QTcpSocket *socket, int status, const QString &detail);
    void forget(QTcpSocket *socket);
    void closeOldestIdle(const QHostAddress *peer); // nullptr: of any address

    ConnectionLimits m_limits;
    QHash<QTcpSocket *, Watch *> m_watches;
    QMultiHash<quint16, Watch *> m_byPort; // the peer's port
    QList<Watch *> m_retired;              // forgotten, deleted on the next turn of the event loop
    QHash<QHostAddress, int> m_perAddress;
    int m_total = 0;
};

// The TCP servers QtHttpServer is bound to: they ask the guard before accepting a connection and
// hand it every socket before QtHttpServer sees it.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(ConnectionGuard &guard, QObject *parent = nullptr)
        : QTcpServer(parent)
        , m_guard(guard)
    {}
    QTcpSocket *nextPendingConnection() override;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    ConnectionGuard &m_guard;
};

// The HTTPS server. It does the TLS handshakes itself instead of leaving them to QSslServer: Qt
// 6.4's QSslServer counts handshakes in progress against maxPendingConnections() and stops
// accepting for good once 30 clients connect and say nothing. Here accepting never pauses; the
// handshakes in progress are bounded (overall, per address; the oldest is dropped for a new one)
// and timed out, and a socket reaches QtHttpServer only once it is encrypted.
class GuardedSslServer : public QTcpServer
{
    Q_OBJECT
public:
    GuardedSslServer(ConnectionGuard &guard, const QSslConfiguration &configuration,
                     QObject *parent = nullptr);
    QTcpSocket *nextPendingConnection() override;
    int handshakesInProgress() const { return int(m_handshakes.size()); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Handshake
    {
        QSslSocket *socket;
        QHostAddress peer;
    };
    void makeRoomFor(const QHostAddress &peer);
    void drop(QSslSocket *socket);
    void firstBytes(QSslSocket *socket);
    void encrypted(QSslSocket *socket);
    // Takes `socket` out of the handshakes in progress (and its signals from this); false when it
    // was not there (dropped already).
    bool endHandshake(QSslSocket *socket);

    ConnectionGuard &m_guard;
    QSslConfiguration m_configuration;
    QList<Handshake> m_handshakes; // oldest first
};

} // namespace cc::api
