#pragma once

#include "core/NotificationRecordService.h"
#include "server/Router.h"

namespace cc::api {

// /api/v1/peer-mentors: parse, call the service, encode. No rules live here.
class PeerMentorsController
{
public:
    explicit PeerMentorsController(NotificationRecordService &service)
        : m_service(service)
    {}
    void registerRoutes(Router &router);

    ApiResponse list(const ApiRequest &request, const Caller &caller);

private:
    NotificationRecordService &m_service;
};

} // namespace cc::api
