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

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)

// QtHttpServer 6.8 hands over a responder and writes Content-Length itself. It has no socket to
// close: after "Connection: close" the ConnectionGuard closes the connection (in 6.4 as well).
bool HttpServer::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    bool close = false;
    const ApiResponse out = m_dispatcher.handle(toApiRequest(request, &close));
    if (out.stream) {
        QTcpSocket *socket = m_socketOf ? m_socketOf(request.remoteAddress(), request.remotePort()) : nullptr;
        if (!socket) {
            responder.write(QHttpServerResponder::StatusCode::ServiceUnavailable);
            return true;
        }
        // The responder is kept, unused, while the stream lasts: once it is gone QtHttpServer
        // would read the connection again.
        out.stream(socket, std::make_shared<QHttpServerResponder>(std::move(responder)));
        return true;
    }
    QHttpHeaders headers;
    for (const auto &h : out.headers)
        headers.append(h.first, h.second);
    if (close)
        headers.append(QHttpHeaders::WellKnownHeader::Connection, "close");
    responder.write(request.method() == QHttpServerRequest::Method::Head ? QByteArray() : out.body, headers,
                    static_cast<QHttpServerResponder::StatusCode>(out.status));
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    // Every request is handled in handleRequest; this is only here because the base asks for it.
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}

#else

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    bool close = false;
    const ApiResponse out = m_dispatcher.handle(toApiRequest(request, &close));
    if (out.stream) {
        out.stream(socket, {});
        return true;
    }

    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(out.status));
    for (const auto &h : out.headers)
        responder.writeHeader(h.first, h.second);
    // A 304 has no body and says nothing of the length of the one it stands for (RFC 9110 8.6).
    if (out.status != 304)
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(out.body.size()));
    if (close)
        responder.writeHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    // An answer to HEAD has its Content-Length but no body (RFC 9110 9.3.2), whatever its status.
    responder.writeBody(request.method() == QHttpServerRequest::Method::Head ? QByteArray() : out.body);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Every request is handled in handleRequest; this is only here because the base asks for it.
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}

#endif

} // namespace cc::api
