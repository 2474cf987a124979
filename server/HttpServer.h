#pragma once

#include "server/ApiDispatcher.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

#include <functional>

namespace cc::api {

// The thin adapter over QtHttpServer 6.4 and 6.8: turns its request into an ApiRequest, asks the
// dispatcher synchronously, and writes the answer. Routing is ours (the dispatcher's), so 405
// and the doubled prefix work. An answer to "Connection: close" says so; the ConnectionGuard,
// which frames the requests, closes the connection once it is out.
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    HttpServer(ApiDispatcher &dispatcher, QObject *parent = nullptr);
    // Finds the connection of a request by its peer's address and port (Qt 6.8 gives handlers no
    // socket); used to hand a connection over to an event stream.
    using SocketLookup = std::function<QTcpSocket *(const QHostAddress &, quint16)>;
    void setSocketLookup(SocketLookup lookup) { m_socketOf = std::move(lookup); }

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
    static ApiRequest toApiRequest(const QHttpServerRequest &request, bool *close);
    ApiDispatcher &m_dispatcher;
    SocketLookup m_socketOf;
};

} // namespace cc::api
