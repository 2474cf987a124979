#pragma once

#include "core/DirectoryService.h"
#include "core/PayloadService.h"
#include "core/TemplateService.h"
#include "server/Router.h"

namespace cc::api {

// /api/v1/pause-notification-payloads: templates, rendering and built payloads.
class PayloadsController
{
public:
    PayloadsController(TemplateService &templates, PayloadService &payloads, DirectoryService &directory)
        : m_templates(templates)
        , m_payloads(payloads)
        , m_directory(directory)
    {}
    void registerRoutes(Router &router);

    ApiResponse list(const ApiRequest &request, const Caller &caller);
    ApiResponse get(const ApiRequest &request, const Caller &caller);
    ApiResponse build(const ApiRequest &request, const Caller &caller);
    ApiResponse update(const ApiRequest &request, const Caller &caller);
    ApiResponse remove(const ApiRequest &request, const Caller &caller);

private:
    QString defaultLocale(const Caller &caller);

    TemplateService &m_templates;
    PayloadService &m_payloads;
    DirectoryService &m_directory;
};

} // namespace cc::api
