#pragma once

#include "core/Result.h"
#include "server/ApiTypes.h"

namespace cc::api {

// The ONE place that turns an error value into an HTTP status and an RFC 9457
// application/problem+json body: { type, title, status, detail, errors: [{ field, message }] }.
int statusOf(ErrorCode code);
ApiResponse problem(const Error &error);
ApiResponse problem(int status, const QString &detail, const QList<FieldError> &fields = {});
// The reason phrase of a status the API answers with (RFC 9110 15): a status line's and a
// problem's title. Empty for others (a status line may go without one).
QByteArray reasonPhrase(int status);

} // namespace cc::api
