#include "server/HttpServer.h"

#include "server/ConnectionGuard.h"
#include "server/GroupWriter.h"
#include "server/Problem.h"
#include "server/RequestPool.h"
#include "server/ServerLogging.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaObject>
#include <QTcpSocket>

#include <charconv>
#include <cstring>
#include <iterator>

namespace cc::api {

namespace {

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QStringLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QStringLiteral("TRACE");
    default:
        return QStringLiteral("UNKNOWN");
    }
}

} // namespace

HttpServer::HttpServer(ApiDispatcher &dispatcher, ConnectionGuard &guard, RequestPool *pool,
                       GroupWriter *writer, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_dispatcher(dispatcher)
    , m_guard(guard)
    , m_pool(pool)
    , m_writer(writer)
{}

HttpServer::~HttpServer()
{
    finishPending();
}

// The request as the dispatcher takes it; `close` tells whether the client asked to close.
ApiRequest HttpServer::toApiRequest(const QHttpServerRequest &request, bool *close)
{
    ApiRequest in;
    in.method = methodName(request.method());
    in.path = request.url().path(QUrl::FullyDecoded);
    in.encodedPath = request.url().path(QUrl::FullyEncoded);
    in.query = request.query();
    *close = false;
    const auto add = [&](const QByteArray &field, const QByteArray &value) {
        const QByteArray name = field.toLower();
        // Conditions may come as several lines; they are one list (RFC 9110 5.3).
        if ((name == "if-match" || name == "if-none-match") && in.headers.contains(name))
            in.headers[name] += ", " + value;
        else
            in.headers.insert(name, value);
        // As HttpFraming reads it (it closes the connection): "close" among the options.
        if (name == "connection") {
            const QList<QByteArray> options = value.toLower().split(',');
            for (const QByteArray &option : options)
                *close = *close || option.trimmed() == "close";
        }
    };
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    const QHttpHeaders &headers = request.headers();
    for (qsizetype i = 0; i < headers.size(); ++i)
        add(QByteArray(headers.nameAt(i).data(), headers.nameAt(i).size()), headers.valueAt(i).toByteArray());
#else
    const auto headers = request.headers();
    for (const auto &h : headers)
        add(h.first, h.second);
#endif
    in.body = request.body();
    in.peer = request.remoteAddress();
    return in;
}

// Hands the request to the pool or the writer; its answer comes back to answered() on this
// thread. A full queue is answered at once: 503, retry in a second.
void HttpServer::handOn(ApiRequest request, Answer shape, Ticket ticket, Router::Match match)
{
    const Router::Runs runs = ApiDispatcher::runsOn(match);
    m_guard.answering(ticket.socket, true);
    // On the thread that made the answer: back to this one. Every job has run before this server
    // is destroyed (finishPending()), so `this` is still there.
    auto deliver = [this, ticket, shape](ApiResponse response) mutable {
        shape.response = std::move(response);
        QMetaObject::invokeMethod(
            this,
            [this, ticket, answer = std::move(shape)]() mutable { answered(ticket, std::move(answer)); },
            Qt::QueuedConnection);
    };
    const QString method = request.method;
    const QString path = request.path;
    bool queued = false;
    if (runs == Router::Runs::OnWriter && m_writer) {
        // The answer holds only once the group it was written in has committed; so does its line
        // in the access log.
        struct Made
        {
            ApiResponse response;
            ApiDispatcher::LogEntry entry;
        };
        auto made = std::make_shared<Made>();
        queued = m_writer->submit(
            [this, made, request = std::move(request), match = std::move(match)] {
                made->response = m_dispatcher.answer(request, &made->entry, &match);
            },
            [this, made, deliver](const Status &committed) mutable {
                if (!committed) {
                    made->response = problem(committed.error());
                    made->response.setHeader(QByteArrayLiteral("Cache-Control"),
                                             QByteArrayLiteral("no-store"));
                    made->entry.status = made->response.status;
                }
                m_dispatcher.log(made->entry);
                deliver(std::move(made->response));
            });
    } else if (m_pool) {
        queued = m_pool->submit([this, request = std::move(request), match = std::move(match),
                                 deliver]() mutable { deliver(m_dispatcher.handle(request, &match)); });
    }
    if (!queued) {
        shape.response = busy();
        m_dispatcher.log(ApiDispatcher::LogEntry{method, path, shape.response.status, 0, QString()});
        answered(ticket, std::move(shape));
    }
}

ApiResponse HttpServer::busy()
{
    ApiResponse r = problem(503, QStringLiteral("The server is busy; retry in a second."));
    r.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
    r.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return r;
}

void HttpServer::finishPending()
{
    // The pool and the writer post their answers to this thread: once both are idle, every answer
    // is in this thread's queue, and sending the posted events writes them.
    if (m_pool)
        m_pool->drain();
    if (m_writer)
        m_writer->drain();
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

// "Connection: close": closed once the answer is out (disconnectFromHost() waits for it), after
// QtHttpServer is done with the request in hand.
void HttpServer::closeAfter(QTcpSocket *socket)
{
    if (!socket)
        return;
    QMetaObject::invokeMethod(
        socket, [socket] { socket->disconnectFromHost(); }, Qt::QueuedConnection);
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)

// QtHttpServer 6.8 hands over a responder and writes Content-Length itself.
bool HttpServer::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    Answer shape;
    ApiRequest in = toApiRequest(request, &shape.close);
    shape.head = request.method() == QHttpServerRequest::Method::Head;
    Router::Match match = m_dispatcher.route(in);
    if (m_pool && ApiDispatcher::runsOn(match) != Router::Runs::Inline) {
        // 6.8 reads the connection's next request only once this responder is gone: it is kept
        // until the answer is written.
        const quint64 number = ++m_lastNumber;
        m_responders.insert(number, std::make_shared<QHttpServerResponder>(std::move(responder)));
        Ticket ticket{m_guard.socketOf(request.remoteAddress(), request.remotePort()), number};
        handOn(std::move(in), std::move(shape), std::move(ticket), std::move(match));
        return true;
    }
    ApiResponse out = m_dispatcher.handle(in, &match);
    if (out.stream) {
        QTcpSocket *socket = m_guard.socketOf(request.remoteAddress(), request.remotePort());
        if (!socket) {
            responder.write(QHttpServerResponder::StatusCode::ServiceUnavailable);
            return true;
        }
        // The responder is kept, unused, while the stream lasts: once it is gone QtHttpServer
        // would read the connection again.
        out.stream(socket, std::make_shared<QHttpServerResponder>(std::move(responder)));
        return true;
    }
    shape.response = std::move(out);
    write(responder, shape);
    if (shape.close)
        closeAfter(m_guard.socketOf(request.remoteAddress(), request.remotePort()));
    return true;
}

void HttpServer::answered(const Ticket &ticket, Answer answer)
{
    m_guard.answering(ticket.socket, false);
    std::shared_ptr<QHttpServerResponder> responder = m_responders.take(ticket.number);
    if (!responder)
        return;
    write(*responder, answer);
    responder.reset(); // QtHttpServer reads the next request now
    if (answer.close)
        closeAfter(ticket.socket);
}

void HttpServer::write(QHttpServerResponder &responder, const Answer &answer)
{
    QHttpHeaders headers;
    for (const auto &h : answer.response.headers)
        headers.append(h.first, h.second);
    if (answer.close)
        headers.append(QHttpHeaders::WellKnownHeader::Connection, "close");
    responder.write(answer.head ? QByteArray() : answer.response.body, headers,
                    static_cast<QHttpServerResponder::StatusCode>(answer.response.status));
}

void HttpServer::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    // Every request is handled in handleRequest; this is only here because the base asks for it.
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}

#else

// A connection's requests are served one after another, as 6.8 does by itself: a request is
// handled (here, or handed on) once the answer before it is out. So a read pipelined behind a
// write sees the write (RFC 9112 9.3.2 allows parallel handling only of safe requests), and
// answers go out in order.
bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Held held;
    held.request = toApiRequest(request, &held.shape.close);
    held.shape.head = request.method() == QHttpServerRequest::Method::Head;
    held.match = m_dispatcher.route(held.request);
    Connection &connection = connectionOf(socket);
    if (connection.held.size() >= kMaxHeld) {
        // More requests sent ahead than any client needs: it is not waiting for its answers.
        qCWarning(lcServer) << "closing a connection that sent more than" << kMaxHeld
                            << "requests ahead of its answers";
        socket->abort();
        return true;
    }
    connection.held.push_back(std::move(held));
    serveNext(socket);
    return true;
}

HttpServer::Connection &HttpServer::connectionOf(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        it = m_connections.insert(socket, Connection{});
        connect(socket, &QObject::destroyed, this, [this, socket] { m_connections.remove(socket); });
    }
    return *it;
}

// Serves the connection's next request unless an answer is under way on it; answered() serves
// the one after (at most kMaxHeld deep when they all run here at once).
void HttpServer::serveNext(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->busy || it->held.empty())
        return;
    Held next = std::move(it->held.front());
    it->held.pop_front();
    it->busy = true;
    const Ticket ticket{socket, 0};
    if (m_pool && ApiDispatcher::runsOn(next.match) != Router::Runs::Inline) {
        handOn(std::move(next.request), std::move(next.shape), ticket, std::move(next.match));
        return;
    }
    m_guard.answering(socket, true);
    ApiResponse out = m_dispatcher.handle(next.request, &next.match);
    if (out.stream) {
        // The stream takes the connection from here (every earlier answer is out).
        m_guard.answering(socket, false);
        m_connections.remove(socket);
        out.stream(socket, {});
        return;
    }
    next.shape.response = std::move(out);
    answered(ticket, std::move(next.shape));
}

void HttpServer::answered(const Ticket &ticket, Answer answer)
{
    m_guard.answering(ticket.socket, false);
    QTcpSocket *socket = ticket.socket;
    if (!socket)
        return; // the client is gone
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->busy = false;
    if (socket->state() == QAbstractSocket::ConnectedState)
        socket->write(bytesOf(answer));
    if (answer.close) {
        closeAfter(socket);
        it->held.clear(); // nothing more is served on it
        return;
    }
    serveNext(socket);
}

// The answer as it goes on the wire, written in one piece.
QByteArray HttpServer::bytesOf(const Answer &answer)
{
    const ApiResponse &r = answer.response;
    // The numbers first, then the whole answer in one allocation.
    char status[12];
    const auto statusEnd = std::to_chars(std::begin(status), std::end(status), r.status).ptr;
    const QByteArrayView statusText(status, statusEnd - status);
    char length[24];
    const auto lengthEnd = std::to_chars(std::begin(length), std::end(length), r.body.size()).ptr;
    const QByteArrayView lengthText(length, lengthEnd - length);
    const QByteArray reason = reasonPhrase(r.status);
    // A 304 has no body and says nothing of the length of the one it stands for (RFC 9110 8.6).
    // An answer to HEAD has its Content-Length but no body (RFC 9110 9.3.2), whatever its status.
    const bool withLength = r.status != 304;
    static constexpr QByteArrayView kContentLength("Content-Length: ");
    static constexpr QByteArrayView kClose("Connection: close\r\n");
    qsizetype size = 9 + statusText.size() + 1 + reason.size() + 2 + 2;
    for (const auto &h : r.headers)
        size += h.first.size() + 2 + h.second.size() + 2;
    if (withLength)
        size += kContentLength.size() + lengthText.size() + 2;
    if (answer.close)
        size += kClose.size();
    if (!answer.head)
        size += r.body.size();
    QByteArray bytes(size, Qt::Uninitialized);
    char *at = bytes.data();
    const auto put = [&at](QByteArrayView piece) {
        memcpy(at, piece.data(), size_t(piece.size()));
        at += piece.size();
    };
    put("HTTP/1.1 ");
    put(statusText);
    put(" ");
    put(reason);
    put("\r\n");
    for (const auto &h : r.headers) {
        put(h.first);
        put(": ");
        put(h.second);
        put("\r\n");
    }
    if (withLength) {
        put(kContentLength);
        put(lengthText);
        put("\r\n");
    }
    if (answer.close)
        put(kClose);
    put("\r\n");
    if (!answer.head)
        put(r.body);
    Q_ASSERT(at == bytes.data() + size);
    return bytes;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Every request is handled in handleRequest; this is only here because the base asks for it.
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}

#endif

} // namespace cc::api
