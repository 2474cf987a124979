#include "core/Result.h"

namespace cc {

Error Error::invalid(const QString &message, QList<FieldError> fields)
{
    return Error{ErrorCode::Invalid, message, std::move(fields), 0};
}

Error Error::field(ErrorCode code, const QString &field, const QString &message)
{
    return Error{code, message, {FieldError{field, message}}, 0};
}

Error Error::notFound(const QString &message)
{
    return Error{ErrorCode::NotFound, message, {}, 0};
}

Error Error::forbidden(const QString &message)
{
    return Error{ErrorCode::Forbidden, message, {}, 0};
}

Error Error::storage(const QString &message)
{
    return Error{ErrorCode::Storage, message, {}, 0};
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Invalid:
        return QStringLiteral("invalid");
    case ErrorCode::Unauthenticated:
        return QStringLiteral("unauthenticated");
    case ErrorCode::Forbidden:
        return QStringLiteral("forbidden");
    case ErrorCode::NotFound:
        return QStringLiteral("not-found");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::PreconditionFailed:
        return QStringLiteral("precondition-failed");
    case ErrorCode::Unprocessable:
        return QStringLiteral("unprocessable");
    case ErrorCode::TooManyRequests:
        return QStringLiteral("too-many-requests");
    case ErrorCode::Storage:
        return QStringLiteral("storage");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace cc
