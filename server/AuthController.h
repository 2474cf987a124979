#pragma once

#include "core/AuthService.h"
#include "server/Router.h"

namespace cc::api {

// /api/v1/auth/token and /api/v1/auth/pair: signing in, pairing a phone and signing out.
class AuthController
{
public:
    explicit AuthController(AuthService &auth)
        : m_auth(auth)
    {}
    void registerRoutes(Router &router);

    ApiResponse signIn(const ApiRequest &request, const Caller &caller);
    ApiResponse pair(const ApiRequest &request, const Caller &caller);
    ApiResponse changePassword(const ApiRequest &request, const Caller &caller);
    ApiResponse signOut(const ApiRequest &request, const Caller &caller);

    static QJsonObject tokenJson(const AuthService::IssuedToken &issued);

private:
    AuthService &m_auth;
};

} // namespace cc::api
