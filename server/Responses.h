#pragma once

#include "core/Paging.h"
#include "core/Result.h"
#include "server/ApiTypes.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cc::api {

// Small builders every controller uses for its answers.
ApiResponse json(int status, const QJsonObject &body);
ApiResponse json(int status, const QJsonObject &body, const QString &etag);
// A read-only view of a resource: its ETag is a hash of what it says.
ApiResponse jsonWithContentEtag(int status, const QJsonObject &body);
// { data: [...], pagination: { page, limit, total } }
ApiResponse page(const QJsonArray &data, int page, int limit, qint64 total);
// { message, deleted_id, deleted_at }
QJsonObject deletedJson(const QString &message, const Deleted &d);
// An If-Match header, unquoted weak/strong forms kept as sent; empty when absent.
QString ifMatch(const ApiRequest &request);

} // namespace cc::api
