#pragma once

#include "core/AuthService.h"
#include "server/Router.h"

namespace cc::api {

// /api/v1/auth/token, /api/v1/auth/pair, /api/v1/health and /api/v1/openapi.json.
class AuthController
{
public:
    AuthController(AuthService &auth, QString databaseKind)
        : m_auth(auth)
        , m_databaseKind(std::move(databaseKind))
    {}
    void registerRoutes(Router &router);

    ApiResponse signIn(const ApiRequest &request, const Caller &caller);
    ApiResponse pair(const ApiRequest &request, const Caller &caller);
    ApiResponse signOut(const ApiRequest &request, const Caller &caller);
    ApiResponse health(const ApiRequest &request, const Caller &caller);
    ApiResponse openApi(const ApiRequest &request, const Caller &caller);

    // The bearer secret of a request's Authorization header, or empty.
    static QString bearer(const ApiRequest &request);
    static QJsonObject tokenJson(const AuthService::IssuedToken &issued);

private:
    AuthService &m_auth;
    QString m_databaseKind;
};

} // namespace cc::api
