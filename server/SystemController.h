#pragma once

#include "server/Router.h"

namespace cc::api {

// /api/v1/health and /api/v1/openapi.json: what the server is, asked without a token.
class SystemController
{
public:
    explicit SystemController(const QString &databaseKind);
    void registerRoutes(Router &router);

    ApiResponse health(const ApiRequest &request, const Caller &caller);
    ApiResponse openApi(const ApiRequest &request, const Caller &caller);

private:
    QByteArray m_health; // the same for the server's life: written once
};

} // namespace cc::api
