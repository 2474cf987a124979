#include "server/SystemController.h"

#include "server/Problem.h"
#include "server/Responses.h"

#include <QFile>

namespace cc::api {

SystemController::SystemController(const QString &databaseKind)
    : m_health(json(200,
                    QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                {QStringLiteral("version"), QStringLiteral(CC_VERSION)},
                                {QStringLiteral("database"), databaseKind}})
                   .body)
{}

void SystemController::registerRoutes(Router &router)
{
    using namespace std::placeholders;
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/health"),
               std::bind(&SystemController::health, this, _1, _2), false, Router::Validator::None,
               Router::Runs::Inline);
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/openapi.json"),
               std::bind(&SystemController::openApi, this, _1, _2), false, Router::Validator::None,
               Router::Runs::Inline);
}

ApiResponse SystemController::health(const ApiRequest &, const Caller &)
{
    return jsonBody(200, m_health);
}

ApiResponse SystemController::openApi(const ApiRequest &, const Caller &)
{
    static const QByteArray document = [] {
        QFile file(QStringLiteral(":/openapi.json"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    if (document.isEmpty())
        return problem(Error{ErrorCode::Internal, QStringLiteral("The OpenAPI document is missing."), {}, 0});
    ApiResponse r;
    r.status = 200;
    r.body = document;
    r.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    return r;
}

} // namespace cc::api
