#pragma once

#include "core/Result.h"
#include "server/ApiTypes.h"

namespace cc::api {

// The ONE place that turns an error value into an HTTP status and an RFC 9457
// application/problem+json body: { type, title, status, detail, errors: [{ field, message }] }.
int statusOf(ErrorCode code);
ApiResponse problem(const Error &error);
ApiResponse problem(int status, const QString &detail, const QList<FieldError> &fields = {});

} // namespace cc::api
