#include "server/HttpServer.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpSocket>

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

HttpServer::HttpServer(ApiDispatcher &dispatcher, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_dispatcher(dispatcher)
{}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ApiRequest in;
    in.method = methodName(request.method());
    in.path = request.url().path(QUrl::FullyDecoded);
    in.encodedPath = request.url().path(QUrl::FullyEncoded);
    in.query = request.query();
    bool close = false;
    const auto headers = request.headers();
    for (const auto &h : headers) {
        const QByteArray name = h.first.toLower();
        // Conditions may come as several lines; they are one list (RFC 9110 5.3).
        if ((name == "if-match" || name == "if-none-match") && in.headers.contains(name))
            in.headers[name] += ", " + h.second;
        else
            in.headers.insert(name, h.second);
        if (name == "connection" && h.second.toLower().contains("close"))
            close = true;
    }
    in.body = request.body();
    in.peer = request.remoteAddress();

    const ApiResponse out = m_dispatcher.handle(in);

    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(out.status));
    for (const auto &h : out.headers)
        responder.writeHeader(h.first, h.second);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(out.body.size()));
    if (close)
        responder.writeHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    // An answer to HEAD has its Content-Length but no body (RFC 9110 9.3.2), whatever its status.
    responder.writeBody(request.method() == QHttpServerRequest::Method::Head ? QByteArray() : out.body);
    if (close)
        socket->disconnectFromHost(); // after what was written has gone out
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Every request is handled in handleRequest; this is only here because the base asks for it.
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace cc::api
