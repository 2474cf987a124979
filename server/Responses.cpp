#include "server/Responses.h"

#include "core/ETag.h"
#include "core/Fields.h"
#include "core/TimeText.h"

#include <QJsonDocument>

namespace cc::api {

ApiResponse json(int status, const QJsonObject &body)
{
    return jsonBody(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
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

ApiResponse jsonBody(int status, QByteArray body)
{
    ApiResponse r;
    r.status = status;
    r.body = std::move(body);
    r.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    return r;
}

void writePagination(JsonWriter &w, int pageNumber, int limit, qint64 total)
{
    w.key(QLatin1StringView("pagination")).beginObject();
    w.key(field::Limit).value(limit);
    w.key(field::Page).value(pageNumber);
    w.key(QLatin1StringView("total")).value(total);
    w.endObject();
}

ApiResponse page(const QJsonArray &data, int pageNumber, int limit, qint64 total)
{
    JsonWriter w(256);
    w.beginObject();
    w.key(field::Data).raw(QJsonDocument(data).toJson(QJsonDocument::Compact));
    writePagination(w, pageNumber, limit, total);
    w.endObject();
    return jsonBody(200, w.take());
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
