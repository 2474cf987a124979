#pragma once

#include "server/Router.h"

namespace cc::api {

// /api/v1/health and /api/v1/openapi.json: what the server is, asked without a token.
class SystemController
{
public:
    explicit SystemController(QString databaseKind)
        : m_databaseKind(std::move(databaseKind))
    {}
    void registerRoutes(Router &router);

    ApiResponse health(const ApiRequest &request, const Caller &caller);
    ApiResponse openApi(const ApiRequest &request, const Caller &caller);

private:
    QString m_databaseKind;
};

} // namespace cc::api
