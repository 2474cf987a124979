#include "server/Responses.h"

#include "core/ETag.h"
#include "core/Fields.h"
#include "core/TimeText.h"

#include <QJsonDocument>

namespace cc::api {

ApiResponse json(int status, const QJsonObject &body)
{
    ApiResponse r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    return r;
}

ApiResponse json(int status, const QJsonObject &body, const QString &etag)
{
    ApiResponse r = json(status, body);
    r.setHeader(QByteArrayLiteral("ETag"), etag.toUtf8());
    return r;
}

ApiResponse jsonWithContentEtag(int status, const QJsonObject &body)
{
    ApiResponse r = json(status, body);
    r.setHeader(QByteArrayLiteral("ETag"), makeEtag(r.body).toLatin1());
    return r;
}

ApiResponse page(const QJsonArray &data, int pageNumber, int limit, qint64 total)
{
    return json(200,
                QJsonObject{{field::Data, data},
                            {QStringLiteral("pagination"),
                             QJsonObject{{field::Page, pageNumber},
                                         {field::Limit, limit},
                                         {QStringLiteral("total"), total}}}});
}

QJsonObject deletedJson(const QString &message, const Deleted &d)
{
    return QJsonObject{{QStringLiteral("message"), message},
                       {QStringLiteral("deleted_id"), d.id},
                       {QStringLiteral("deleted_at"), formatTimestamp(d.deletedAt)}};
}

QString ifMatch(const ApiRequest &request)
{
    return QString::fromUtf8(request.header(QByteArrayLiteral("if-match")).trimmed());
}

} // namespace cc::api
