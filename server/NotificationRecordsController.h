#pragma once

#include "core/NotificationRecordService.h"
#include "server/Router.h"

namespace cc::api {

// /api/v1/notification-records: parse, call the service, encode. No rules live here.
class NotificationRecordsController
{
public:
    explicit NotificationRecordsController(NotificationRecordService &service)
        : m_service(service)
    {}
    void registerRoutes(Router &router);

    ApiResponse list(const ApiRequest &request, const Caller &caller);
    ApiResponse get(const ApiRequest &request, const Caller &caller);
    ApiResponse create(const ApiRequest &request, const Caller &caller);
    ApiResponse update(const ApiRequest &request, const Caller &caller);
    ApiResponse remove(const ApiRequest &request, const Caller &caller);
    ApiResponse profile(const ApiRequest &request, const Caller &caller);
    ApiResponse history(const ApiRequest &request, const Caller &caller);

private:
    NotificationRecordService &m_service;
};

} // namespace cc::api
