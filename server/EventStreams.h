#pragma once

#include "core/ChangeFeed.h"
#include "server/ApiTypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace cc {
class AuthService;
class NotificationRecordService;
} // namespace cc

namespace cc::api {

class ConnectionGuard;
class Router;

struct StreamLimits
{
    int maxStreams = 1000;    // open event streams, overall
    int maxPerUser = 5;       // per user (a phone or two, a tablet)
    int keepAliveMs = 15'000; // a comment line this often keeps NATs and proxies open
    // What may wait unsent for one reader; a reader that lets more pile up is dropped.
    qint64 maxBufferedBytes = 256 * 1024;
    int retryAfterSeconds = 5; // the 503 at a cap
};

// GET /api/v1/events: Server-Sent Events of the change feed for the mobile app. Each stream gets
// what its caller may see (their organisation; a global admin everything): record.created,
// record.updated and record.deleted, peer_mentor.status_changed and template.updated, each with
// the JSON the API answers for that resource and the change's number as its id. A Last-Event-ID
// resumes after that number; one older than the kept window gets a `reload` event instead. The
// stream ends (an `end` event) when its token is revoked or its user disabled.
//
// Lives on the server thread. The request goes through the dispatcher like any other (token,
// rate limit, access log); its answer carries an opener that takes the connection over from
// QtHttpServer and the ConnectionGuard, so nothing else reads or times out a stream.
class EventStreams : public QObject
{
    Q_OBJECT
public:
    EventStreams(Database &db, AuthService &auth, NotificationRecordService &records, ConnectionGuard &guard,
                 StreamLimits limits, QObject *parent = nullptr);
    ~EventStreams() override;

    // Starts following the change feed (on the calling thread, the server's).
    Status start();
    // Ends every stream.
    void stop();
    void registerRoutes(Router &router);

    int openStreams() const { return int(m_streams.size()); }
    qint64 position() const { return m_feed.position(); }
    const StreamLimits &limits() const { return m_limits; }

    // One event as the stream writes it.
    static QByteArray eventText(qint64 id, const QString &event, const QJsonObject &data);

private:
    struct Stream
    {
        QPointer<QTcpSocket> socket;
        Caller caller;
        QString token;
        qint64 last = 0; // the number of the last change this stream has been given or skipped
        std::shared_ptr<void> keepAlive;
    };

    ApiResponse open(const ApiRequest &request, const Caller &caller);
    void attach(QTcpSocket *socket, const Caller &caller, const QString &token,
                std::optional<qint64> lastEventId, std::shared_ptr<void> keepAlive);
    void deliver(const Change &change);
    // The event of `change` (empty when it has none for the app, or its resource is gone).
    std::optional<std::pair<QString, QJsonObject>> eventOf(const Change &change);
    void write(Stream *stream, const QByteArray &bytes);
    void end(QTcpSocket *key, const QString &reason);
    void close(Stream *stream);
    void checkTokens();

    Database &m_db;
    AuthService &m_auth;
    NotificationRecordService &m_records;
    ConnectionGuard &m_guard;
    StreamLimits m_limits;
    ChangeFeed m_feed;
    QTimer m_keepAlive;
    QHash<QTcpSocket *, Stream *> m_streams;
};

} // namespace cc::api
