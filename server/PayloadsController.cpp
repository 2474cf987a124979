#include "server/PayloadsController.h"

#include "server/JsonInput.h"
#include "server/PayloadJson.h"
#include "server/Problem.h"
#include "server/Responses.h"

namespace cc::api {

using namespace PayloadField;

namespace {

const QString kBase = QStringLiteral("/api/v1/pause-notification-payloads");

} // namespace

void PayloadsController::registerRoutes(Router &router)
{
    using namespace std::placeholders;
    router.add(QStringLiteral("GET"), kBase, std::bind(&PayloadsController::list, this, _1, _2), true,
               Router::Validator::Changes);
    router.add(QStringLiteral("POST"), kBase, std::bind(&PayloadsController::build, this, _1, _2));
    router.add(QStringLiteral("GET"), kBase + QStringLiteral("/:id"),
               std::bind(&PayloadsController::get, this, _1, _2));
    router.add(QStringLiteral("PUT"), kBase + QStringLiteral("/:id"),
               std::bind(&PayloadsController::update, this, _1, _2));
    router.add(QStringLiteral("DELETE"), kBase + QStringLiteral("/:id"),
               std::bind(&PayloadsController::remove, this, _1, _2));
}

QString PayloadsController::defaultLocale(const Caller &caller)
{
    if (caller.orgId.isEmpty())
        return templates::defaultLocale();
    auto org = m_directory.organisation(caller, caller.orgId);
    return org ? org->locale : templates::defaultLocale();
}

ApiResponse PayloadsController::list(const ApiRequest &request, const Caller &caller)
{
    QueryInput query(request.query, {field::Page, field::Limit, Locale});
    const PageRequest pageRequest = query.page(20, 100);
    QString locale = query.string(Locale);
    if (auto s = query.status(); !s)
        return problem(s.error());
    if (auto s = templates::validateLocale(locale); !s)
        return problem(s.error());
    if (locale.isEmpty())
        locale = defaultLocale(caller);
    auto all = m_templates.list(caller);
    if (!all)
        return problem(all.error());
    QJsonArray data;
    const qsizetype first = qsizetype(pageRequest.page - 1) * pageRequest.limit;
    for (qsizetype i = first; i < all->size() && i < first + pageRequest.limit; ++i)
        data.append(templateListItem(all->at(i), locale));
    return page(data, pageRequest.page, pageRequest.limit, all->size());
}

ApiResponse PayloadsController::get(const ApiRequest &request, const Caller &caller)
{
    const QString id = request.param(QStringLiteral("id"));
    if (id.startsWith(QLatin1String("payload_"))) {
        auto built = m_payloads.payload(caller, id);
        if (!built)
            return problem(built.error());
        return jsonWithContentEtag(200, builtPayloadJson(*built));
    }
    QueryInput query(request.query, {PeerMentorId, PeerMentorName, Date, Reason, Locale, field::OrgId});
    TemplateValues values;
    values.peerMentorId = query.string(PeerMentorId);
    values.peerMentorName = query.string(PeerMentorName);
    values.date = query.timestamp(Date);
    values.reason = query.string(Reason);
    const QString locale = query.string(Locale);
    const QString orgId = query.string(field::OrgId);
    if (auto s = query.status(); !s)
        return problem(s.error());
    auto rendered = m_payloads.render(caller, id, values, locale, orgId);
    if (!rendered)
        return problem(rendered.error());
    auto current = m_templates.get(caller, id, orgId);
    if (!current)
        return problem(current.error());
    ApiResponse r = jsonWithContentEtag(200, renderedJson(*rendered));
    // The ETag a PUT must match is the template's, not the rendering's.
    r.setHeader(QByteArrayLiteral("ETag"), TemplateService::etag(*current).toUtf8());
    return r;
}

ApiResponse PayloadsController::build(const ApiRequest &request, const Caller &caller)
{
    auto input = JsonInput::parse(
        request.body, {PayloadType, TemplateId, PeerMentorName, PeerMentorId, Date, Reason, Locale});
    if (!input)
        return problem(input.error());
    BuildRequest build;
    build.payloadType = input->string(PayloadType);
    build.templateId = input->string(TemplateId);
    build.peerMentorName = input->string(PeerMentorName);
    build.peerMentorId = input->string(PeerMentorId);
    build.date = input->timestamp(Date, true);
    build.reason = input->nullableString(Reason).value_or(QString());
    build.locale = input->string(Locale);
    if (auto s = input->status(); !s)
        return problem(s.error());
    auto built = m_payloads.build(caller, build);
    if (!built)
        return problem(built.error());
    ApiResponse r = jsonWithContentEtag(201, builtPayloadJson(*built));
    r.setHeader(QByteArrayLiteral("Location"), (kBase + QLatin1Char('/') + built->id).toUtf8());
    return r;
}

ApiResponse PayloadsController::update(const ApiRequest &request, const Caller &caller)
{
    auto input = JsonInput::parse(request.body, {Title, BodyTemplate, Description, Locale, Type});
    if (!input)
        return problem(input.error());
    TemplateChange change;
    change.locale = input->string(Locale);
    if (input->has(Title))
        change.title = input->string(Title);
    if (input->has(BodyTemplate))
        change.body = input->string(BodyTemplate);
    if (input->has(Description))
        change.description = input->string(Description);
    change.type = input->string(Type);
    if (auto s = input->status(); !s)
        return problem(s.error());
    if (auto s = templates::validateLocale(change.locale); !s)
        return problem(s.error());
    if (change.locale.isEmpty())
        change.locale = templates::defaultLocale();
    const QString id = request.param(QStringLiteral("id"));
    auto saved = m_templates.update(caller, id, change, ifMatch(request));
    if (!saved)
        return problem(saved.error());
    ApiResponse r = json(saved->created ? 201 : 200, templateUpdatedJson(saved->item, change.locale),
                         TemplateService::etag(saved->item));
    if (saved->created)
        r.setHeader(QByteArrayLiteral("Location"), (kBase + QLatin1Char('/') + id).toUtf8());
    return r;
}

ApiResponse PayloadsController::remove(const ApiRequest &request, const Caller &caller)
{
    QueryInput query(request.query, {field::OrgId});
    const QString orgId = query.string(field::OrgId);
    if (auto s = query.status(); !s)
        return problem(s.error());
    auto deleted = m_templates.remove(caller, request.param(QStringLiteral("id")), orgId);
    if (!deleted)
        return problem(deleted.error());
    return json(200, deletedJson(QStringLiteral("Payload template deleted"), *deleted));
}

} // namespace cc::api
