#pragma once

#include "server/ApiDispatcher.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QPointer>

#include <deque>
#include <functional>
#include <memory>

class QHttpServerResponder;

namespace cc::api {

class ConnectionGuard;
class GroupWriter;
class RequestPool;

// The thin adapter over QtHttpServer 6.4 and 6.8: turns its request into an ApiRequest, has the
// dispatcher answer it where its route runs (Router::Runs: at once on this thread, on a request
// worker, or on the group writer), and writes the answer on this thread once it is there. The
// answers of one connection go out in the order its requests came, whoever finished first. Routing
// is ours (the dispatcher's), so 405 and the doubled prefix work. An answer to "Connection: close"
// says so, and the connection is closed once it is out.
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    // Without a pool or a writer, every request is answered at once on this thread.
    HttpServer(ApiDispatcher &dispatcher, ConnectionGuard &guard, RequestPool *pool = nullptr,
               GroupWriter *writer = nullptr, QObject *parent = nullptr);
    ~HttpServer() override;

    // Waits for every request handed to the pool and the writer and writes their answers: at
    // stop, before the connections close.
    void finishPending();

protected:
    // QtHttpServer's API differs between 6.4 (Debian 12) and 6.8 (Debian 13); only here.
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#endif

private:
    // What is needed to write an answer once it is ready.
    struct Answer
    {
        ApiResponse response;
        bool head = false;  // to HEAD: no body
        bool close = false; // the request asked to close the connection
    };
    // Where the answer of a request handed on goes when it is ready (this thread).
    struct Ticket
    {
        QPointer<QTcpSocket> socket;
        quint64 number = 0; // 6.8: its responder's
    };

    static ApiRequest toApiRequest(const QHttpServerRequest &request, bool *close);
    // Runs the request where its route runs; `ticket` says where the answer goes.
    void handOn(ApiRequest request, Answer shape, Ticket ticket, Router::Match match);
    void answered(const Ticket &ticket, Answer answer); // on this thread
    static void closeAfter(QTcpSocket *socket);
    static ApiResponse busy();

    ApiDispatcher &m_dispatcher;
    ConnectionGuard &m_guard;
    RequestPool *m_pool;
    GroupWriter *m_writer;
    quint64 m_lastNumber = 0;

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    // 6.8 reads a connection's next request only once the responder of the last one is gone: the
    // order holds by itself. The responders of requests handed on, by ticket number.
    QHash<quint64, std::shared_ptr<QHttpServerResponder>> m_responders;
    void write(QHttpServerResponder &responder, const Answer &answer);
#else
    // 6.4 reads on while an answer is being made: a connection's requests wait here for the
    // answer before them.
    struct Held
    {
        ApiRequest request;
        Answer shape;
        Router::Match match; // the request's route, looked up once
    };
    struct Connection
    {
        bool busy = false; // an answer is under way
        std::deque<Held> held;
    };
    static constexpr std::size_t kMaxHeld = 100;
    QHash<QTcpSocket *, Connection> m_connections;
    Connection &connectionOf(QTcpSocket *socket);
    void serveNext(QTcpSocket *socket);
    static QByteArray bytesOf(const Answer &answer);
#endif
};

} // namespace cc::api
