#pragma once

#include "core/Caller.h"
#include "core/Result.h"
#include "server/ApiTypes.h"

namespace cc {
class AuthService;
}

namespace cc::api {

// The one authentication guard in front of every route that needs a token. It reads the
// request's Authorization header itself ("Bearer <token>", the scheme in any case) and asks
// AuthService whom the token stands for; no controller reads the header.
class BearerGuard
{
public:
    explicit BearerGuard(AuthService &auth)
        : m_auth(auth)
    {}

    struct Admitted
    {
        Caller caller;
        QString token;     // the bearer secret the caller was admitted with
        QString tokenHash; // its SHA-256 (hex): what names the token where the secret must not
    };
    // The caller of a request; Unauthenticated when the header is missing, not a Bearer token,
    // or the token is unknown, expired or revoked.
    Result<Admitted> admit(const ApiRequest &request) const;

    // The token of an Authorization header value, or empty when it is not "Bearer <token>".
    static QString tokenOf(const QByteArray &authorization);

private:
    AuthService &m_auth;
};

} // namespace cc::api
