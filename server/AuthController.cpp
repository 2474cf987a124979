#include "server/AuthController.h"

#include "core/Fields.h"
#include "core/TimeText.h"
#include "server/JsonInput.h"
#include "server/Problem.h"
#include "server/Responses.h"

namespace cc::api {

void AuthController::registerRoutes(Router &router)
{
    using namespace std::placeholders;
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/token"),
               std::bind(&AuthController::signIn, this, _1, _2), false);
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/pair"),
               std::bind(&AuthController::pair, this, _1, _2), false);
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/password"),
               std::bind(&AuthController::changePassword, this, _1, _2), false);
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/auth/token"),
               std::bind(&AuthController::signOut, this, _1, _2));
}

QJsonObject AuthController::tokenJson(const AuthService::IssuedToken &issued)
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    return QJsonObject{
        {QStringLiteral("access_token"), issued.secret},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("expires_at"), formatTimestamp(issued.token.expiresAt)},
        {QStringLiteral("user"),
         QJsonObject{{field::Id, issued.user.id},
                     {field::Username, issued.user.username},
                     {QStringLiteral("display_name"), issued.user.displayName},
                     {QStringLiteral("role"), roleName(issued.user.role)},
                     {field::OrgId, orNull(issued.user.orgId)},
                     {field::CoordinatorId, orNull(issued.user.coordinatorId)}}},
    };
}

ApiResponse AuthController::signIn(const ApiRequest &request, const Caller &)
{
    auto input = JsonInput::parse(request.body, {field::Username, field::Password});
    if (!input)
        return problem(input.error());
    const QString username = input->string(field::Username, true);
    const QString password = input->string(field::Password, true);
    if (auto s = input->status(); !s)
        return problem(s.error());
    auto issued = m_auth.signIn(username, password, request.peer.toString(), QStringLiteral("API sign-in"));
    if (!issued)
        return problem(issued.error());
    ApiResponse r = json(201, tokenJson(*issued));
    r.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return r;
}

// A phone that scanned the console's pairing QR code trades its one-time code for a token: the
// same answer as signIn.
ApiResponse AuthController::pair(const ApiRequest &request, const Caller &)
{
    auto input = JsonInput::parse(request.body, {field::Code});
    if (!input)
        return problem(input.error());
    const QString code = input->string(field::Code, true);
    if (auto s = input->status(); !s)
        return problem(s.error());
    auto issued = m_auth.redeemPairingCode(code, request.peer.toString());
    if (!issued)
        return problem(issued.error());
    ApiResponse r = json(201, tokenJson(*issued));
    r.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return r;
}

// Everyone's own password, with the current one: no token is needed, since a password that must
// be changed gets none. Every token of the old password is revoked; sign in again afterwards.
ApiResponse AuthController::changePassword(const ApiRequest &request, const Caller &)
{
    auto input = JsonInput::parse(request.body, {field::Username, field::Password, field::NewPassword});
    if (!input)
        return problem(input.error());
    const QString username = input->string(field::Username, true);
    const QString password = input->string(field::Password, true);
    const QString newPassword = input->string(field::NewPassword, true);
    if (auto s = input->status(); !s)
        return problem(s.error());
    if (auto changed = m_auth.changePassword(username, password, newPassword, request.peer.toString());
        !changed)
        return problem(changed.error());
    ApiResponse r;
    r.status = 204;
    r.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return r;
}

ApiResponse AuthController::signOut(const ApiRequest &request, const Caller &)
{
    if (auto s = m_auth.revokeSecret(request.bearerToken); !s)
        return problem(s.error());
    ApiResponse r;
    r.status = 204;
    return r;
}

} // namespace cc::api
