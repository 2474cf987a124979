#pragma once

#include "core/Fields.h"
#include "core/Paging.h"
#include "core/Result.h"
#include "server/ApiTypes.h"
#include "server/JsonWriter.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cc::api {

// Small builders every controller uses for its answers.
ApiResponse json(int status, const QJsonObject &body);
ApiResponse json(int status, const QJsonObject &body, const QString &etag);
// A read-only view of a resource: its ETag is a hash of what it says.
ApiResponse jsonWithContentEtag(int status, const QJsonObject &body);
// 200 (or `status`) with a body of JSON already written (JsonWriter).
ApiResponse jsonBody(int status, QByteArray body);
// { data: [...], pagination: { page, limit, total } }
ApiResponse page(const QJsonArray &data, int page, int limit, qint64 total);
// "pagination": { limit, page, total }, a member of the object `w` is writing.
void writePagination(JsonWriter &w, int page, int limit, qint64 total);
// The same, its items written by `write(JsonWriter &, const Item &)` straight into the body.
template<typename Items, typename Write>
ApiResponse page(const Items &items, Write write, int pageNumber, int limit, qint64 total)
{
    JsonWriter w(256 + items.size() * 320);
    w.beginObject();
    w.key(field::Data).beginArray();
    for (const auto &item : items)
        write(w, item);
    w.endArray();
    writePagination(w, pageNumber, limit, total);
    w.endObject();
    return jsonBody(200, w.take());
}
// { message, deleted_id, deleted_at }
QJsonObject deletedJson(const QString &message, const Deleted &d);
// An If-Match header, unquoted weak/strong forms kept as sent; empty when absent.
QString ifMatch(const ApiRequest &request);

} // namespace cc::api
