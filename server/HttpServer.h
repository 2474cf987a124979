#pragma once

#include "server/ApiDispatcher.h"

#include <QAbstractHttpServer>

namespace cc::api {

// The thin adapter over QtHttpServer 6.4: turns its request into an ApiRequest, asks the
// dispatcher synchronously, and writes the answer. Routing is ours (the dispatcher's), so 405
// and the doubled prefix work; "Connection: close" is honoured here.
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    HttpServer(ApiDispatcher &dispatcher, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    ApiDispatcher &m_dispatcher;
};

} // namespace cc::api
