#include "server/EventStreams.h"

#include "core/AuthService.h"
#include "core/NotificationRecordService.h"
#include "server/ConnectionGuard.h"
#include "server/Problem.h"
#include "server/RecordJson.h"
#include "server/Router.h"
#include "server/ServerLogging.h"

#include <QJsonDocument>

namespace cc::api {

namespace {

const QString kLastEventIdField = QStringLiteral("Last-Event-ID");

} // namespace

EventStreams::EventStreams(Database &db, AuthService &auth, NotificationRecordService &records,
                           ConnectionGuard &guard, StreamLimits limits, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_auth(auth)
    , m_records(records)
    , m_guard(guard)
    , m_limits(limits)
    , m_feed(db)
{
    m_keepAlive.setParent(this);
    connect(&m_feed, &ChangeFeed::changed, this, &EventStreams::deliver);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] {
        const QList<QTcpSocket *> keys = m_streams.keys();
        for (QTcpSocket *key : keys)
            if (Stream *s = m_streams.value(key))
                write(s, QByteArrayLiteral(": keep-alive\n\n"));
    });
}

EventStreams::~EventStreams()
{
    stop();
}

Status EventStreams::start()
{
    if (auto s = m_feed.start(); !s)
        return s;
    m_keepAlive.start(m_limits.keepAliveMs);
    return {};
}

void EventStreams::stop()
{
    m_keepAlive.stop();
    const QList<QTcpSocket *> keys = m_streams.keys();
    for (QTcpSocket *key : keys)
        if (Stream *s = m_streams.value(key))
            close(s);
    m_feed.stop();
}

void EventStreams::registerRoutes(Router &router)
{
    router.add(
        QStringLiteral("GET"), QStringLiteral("/api/v1/events"),
        [this](const ApiRequest &request, const Caller &caller) { return open(request, caller); }, true,
        Router::Validator::None, Router::Runs::Inline);
}

QByteArray EventStreams::eventText(qint64 id, const QString &event, const QJsonObject &data)
{
    QByteArray out;
    if (id > 0)
        out += "id: " + QByteArray::number(id) + '\n';
    out += "event: " + event.toUtf8() + '\n';
    // Compact JSON is one line: no "data:" continuation needed.
    out += "data: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
    return out;
}

ApiResponse EventStreams::open(const ApiRequest &request, const Caller &caller)
{
    // Where to resume: the header a browser's EventSource sends, or the query a client that
    // cannot set headers uses.
    std::optional<qint64> lastEventId;
    QString given = QString::fromLatin1(request.header(QByteArrayLiteral("last-event-id"))).trimmed();
    QString field = kLastEventIdField;
    if (given.isEmpty() && request.query.hasQueryItem(QStringLiteral("last_event_id"))) {
        given = request.query.queryItemValue(QStringLiteral("last_event_id"));
        field = QStringLiteral("last_event_id");
    }
    if (!given.isEmpty()) {
        bool ok = false;
        const qint64 id = given.toLongLong(&ok);
        if (!ok || id < 0)
            return problem(
                400, QStringLiteral("%1 must be the id of an event (a whole number).").arg(field),
                {FieldError{field, QStringLiteral("Send the id of the last event received."), 0, 0}});
        lastEventId = id;
    }

    int ofUser = 0;
    for (const Stream *s : std::as_const(m_streams))
        if (s->caller.userId == caller.userId)
            ++ofUser;
    if (m_streams.size() >= m_limits.maxStreams || ofUser >= m_limits.maxPerUser) {
        ApiResponse r = problem(503,
                                ofUser >= m_limits.maxPerUser
                                    ? QStringLiteral("This user has %1 event streams open already; close "
                                                     "one or retry later.")
                                          .arg(m_limits.maxPerUser)
                                    : QStringLiteral("The server has too many event streams open; retry "
                                                     "later."));
        r.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(m_limits.retryAfterSeconds));
        return r;
    }

    // attach() writes the head itself: an answer that streams carries no headers of its own.
    ApiResponse r;
    r.status = 200;
    r.stream = [this, caller, token = request.bearerToken, lastEventId](QTcpSocket *socket,
                                                                        std::shared_ptr<void> keepAlive) {
        attach(socket, caller, token, lastEventId, std::move(keepAlive));
    };
    return r;
}

void EventStreams::attach(QTcpSocket *socket, const Caller &caller, const QString &token,
                          std::optional<qint64> lastEventId, std::shared_ptr<void> keepAlive)
{
    m_guard.handOver(socket);
    // What the kernel holds for a reader that stops reading is bounded too, not only our buffer.
    socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 64 * 1024);
    auto *stream = new Stream{socket, caller, token, m_feed.position(), std::move(keepAlive)};
    m_streams.insert(socket, stream);
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
        if (Stream *s = m_streams.value(socket))
            close(s);
    });
    connect(socket, &QObject::destroyed, this, [this, socket] {
        if (Stream *s = m_streams.take(socket))
            delete s;
    });
    // No Content-Length: the body is the stream, and it ends when the connection does.
    write(stream,
          QByteArrayLiteral("HTTP/1.1 200 OK\r\n"
                            "Content-Type: text/event-stream; charset=utf-8\r\n"
                            "Cache-Control: no-store\r\n"
                            "X-Accel-Buffering: no\r\n"
                            "Connection: close\r\n\r\n"
                            "retry: 3000\n\n"));
    if (!m_streams.contains(socket))
        return;
    if (!lastEventId)
        return;
    // What it missed, up to where the feed is; what comes after, the feed delivers.
    if (*lastEventId > m_feed.position()) {
        // Another server's id, a moment ahead of this one's feed: what follows it comes from the
        // feed. An id no server ever gave gets a reload.
        auto newest = ChangeFeed::newest(m_db);
        if (newest && *lastEventId <= *newest) {
            stream->last = *lastEventId;
            return;
        }
    }
    auto horizon = ChangeFeed::horizon(m_db);
    if (!horizon || *lastEventId < *horizon || *lastEventId > m_feed.position()) {
        write(stream,
              eventText(m_feed.position(), QStringLiteral("reload"),
                        QJsonObject{{QStringLiteral("reason"),
                                     QStringLiteral("Events after this id are no longer kept; "
                                                    "load the lists again.")}}));
        return;
    }
    for (qint64 after = *lastEventId; after < m_feed.position();) {
        auto missed = ChangeFeed::after(m_db, caller, after, 500);
        if (!missed || missed->isEmpty())
            return;
        for (const Change &c : std::as_const(*missed)) {
            if (c.seq > m_feed.position())
                return; // the feed brings it
            if (auto event = eventOf(c))
                write(stream, eventText(c.seq, event->first, event->second));
            if (!m_streams.contains(socket))
                return; // writing closed it
            after = c.seq;
        }
    }
}

std::optional<std::pair<QString, QJsonObject>> EventStreams::eventOf(const Change &change)
{
    const QString name = changeKindName(change.kind);
    const QJsonObject idOnly{{QStringLiteral("id"), change.entityId}};
    switch (change.kind) {
    case ChangeKind::RecordCreated:
    case ChangeKind::RecordUpdated: {
        auto record = m_records.get(Caller::system(), change.entityId);
        if (!record)
            return std::nullopt; // deleted since: its deletion follows
        return std::pair{
            name, change.kind == ChangeKind::RecordCreated ? recordCreated(*record) : recordUpdated(*record)};
    }
    case ChangeKind::RecordDeleted:
    case ChangeKind::TemplateUpdated:
        return std::pair{name, idOnly};
    case ChangeKind::PeerMentorStatusChanged: {
        auto profile = m_records.profile(Caller::system(), change.entityId);
        if (!profile)
            return std::nullopt;
        return std::pair{name, profileJson(*profile)};
    }
    case ChangeKind::PeerMentorChanged:
    case ChangeKind::CoordinatorChanged:
    case ChangeKind::UserChanged:
    case ChangeKind::TokenRevoked:
        return std::nullopt; // not for the app
    }
    return std::nullopt;
}

void EventStreams::deliver(const Change &change)
{
    if (change.kind == ChangeKind::TokenRevoked || change.kind == ChangeKind::UserChanged)
        checkTokens();
    std::optional<std::optional<std::pair<QString, QJsonObject>>> event; // read once, if anyone sees it
    // By key: writing may close (and delete) a stream.
    const QList<QTcpSocket *> keys = m_streams.keys();
    for (QTcpSocket *key : keys) {
        Stream *s = m_streams.value(key);
        if (!s || change.seq <= s->last)
            continue;
        s->last = change.seq;
        if (!change.visibleTo(s->caller))
            continue;
        if (!event)
            event = eventOf(change);
        if (*event)
            write(s, eventText(change.seq, (*event)->first, (*event)->second));
    }
}

void EventStreams::checkTokens()
{
    const QList<QTcpSocket *> keys = m_streams.keys();
    for (QTcpSocket *key : keys) {
        Stream *s = m_streams.value(key);
        if (!s)
            continue;
        auto caller = m_auth.authenticate(s->token);
        if (!caller && caller.error().code == ErrorCode::Unauthenticated)
            end(key, QStringLiteral("The token was revoked or its user disabled; sign in again."));
    }
}

void EventStreams::write(Stream *stream, const QByteArray &bytes)
{
    QTcpSocket *socket = stream->socket;
    if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
        close(stream);
        return;
    }
    // A reader that does not keep up is let go rather than buffered for without end.
    if (socket->bytesToWrite() + bytes.size() > m_limits.maxBufferedBytes) {
        qCInfo(lcServer) << "event stream of" << stream->caller.username << "dropped: the reader is"
                         << socket->bytesToWrite() << "bytes behind";
        close(stream);
        return;
    }
    socket->write(bytes);
}

void EventStreams::end(QTcpSocket *key, const QString &reason)
{
    Stream *stream = m_streams.value(key);
    if (!stream)
        return;
    write(stream, eventText(0, QStringLiteral("end"), QJsonObject{{QStringLiteral("reason"), reason}}));
    stream = m_streams.take(key); // null when writing closed it already
    if (!stream)
        return;
    if (QTcpSocket *socket = stream->socket) {
        // Qt 6.8's responder stays until the connection has closed: once it is gone QtHttpServer
        // drops the socket, and with it the end event still on its way out.
        if (stream->keepAlive && socket->state() != QAbstractSocket::UnconnectedState) {
            auto held = std::make_shared<std::shared_ptr<void>>(std::move(stream->keepAlive));
            connect(socket, &QAbstractSocket::disconnected, socket, [held] { held->reset(); });
        }
        socket->flush();
        socket->disconnectFromHost(); // once what is written has gone out
        // A reader that no longer reads would keep it half-closed, and Qt 6.8's responder with it.
        QTimer::singleShot(m_limits.keepAliveMs, socket, [socket = QPointer<QTcpSocket>(socket)] {
            if (socket && socket->state() != QAbstractSocket::UnconnectedState)
                socket->abort();
        });
    }
    delete stream;
}

void EventStreams::close(Stream *stream)
{
    const QTcpSocket *key = m_streams.key(stream, nullptr);
    if (!key)
        return;
    m_streams.remove(const_cast<QTcpSocket *>(key));
    if (QTcpSocket *socket = stream->socket; socket && socket->state() != QAbstractSocket::UnconnectedState)
        socket->abort();
    delete stream; // and with it what kept Qt 6.8's responder
}

} // namespace cc::api
