#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QTcpSocket;

namespace cc {
struct ScalarRead;
}

namespace cc::api {

// A request as the API layer sees it: no QtHttpServer type crosses this line, so routing,
// controllers and codecs can be tested without a socket.
struct ApiRequest
{
    QString method; // "GET", "POST", ...
    QString path;   // decoded path, without the query
    // The path as sent, its percent-encoding kept: the router splits it into segments before it
    // decodes them, so an encoded "/" (%2F) stays inside its segment. Empty: route by `path`.
    QString encodedPath;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QHostAddress peer;
    QHash<QString, QString> params; // filled by the router (":id" → value)
    QString bearerToken;            // filled by the bearer guard on routes that need a token
    // Set by the dispatcher on a Router::Validator::ChangesAlong route: the handler has its
    // answer's statement read this (the caller's change number) too, where it can.
    ScalarRead *versionAlong = nullptr;

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    QString param(const QString &name) const { return params.value(name); }
};

struct ApiResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Set when the answer is not one body but a stream (GET /api/v1/events): the HTTP adapter
    // writes nothing and hands the connection over. `keepAlive` holds what the adapter must keep
    // until the stream ends (Qt 6.8's responder).
    std::function<void(QTcpSocket *socket, std::shared_ptr<void> keepAlive)> stream;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
};

} // namespace cc::api
