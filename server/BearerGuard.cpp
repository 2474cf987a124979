#include "server/BearerGuard.h"

#include "core/AuthService.h"

namespace cc::api {

QString BearerGuard::tokenOf(const QByteArray &authorization)
{
    const QByteArray value = authorization.trimmed();
    if (value.size() < 8 || value.left(7).toLower() != "bearer ")
        return {};
    return QString::fromLatin1(value.mid(7).trimmed());
}

Result<BearerGuard::Admitted> BearerGuard::admit(const ApiRequest &request) const
{
    const QString token = tokenOf(request.header(QByteArrayLiteral("authorization")));
    if (token.isEmpty())
        return Error{ErrorCode::Unauthenticated,
                     QStringLiteral("The Authorization header must carry a Bearer token."),
                     {FieldError{QStringLiteral("Authorization"),
                                 QStringLiteral("Missing or not a Bearer token."), 0, 0}},
                     0};
    QString hash;
    auto caller = m_auth.authenticate(token, &hash);
    if (!caller)
        return caller.error();
    return Admitted{*caller, token, hash};
}

} // namespace cc::api
