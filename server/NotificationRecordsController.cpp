#include "server/NotificationRecordsController.h"

#include "server/JsonInput.h"
#include "server/Problem.h"
#include "server/RecordJson.h"
#include "server/Responses.h"

namespace cc::api {

namespace {
const QString kBase = QStringLiteral("/api/v1/notification-records");
}

void NotificationRecordsController::registerRoutes(Router &router)
{
    using namespace std::placeholders;
    router.add(QStringLiteral("GET"), kBase, std::bind(&NotificationRecordsController::list, this, _1, _2),
               true, Router::Validator::ChangesAlong);
    router.add(QStringLiteral("POST"), kBase, std::bind(&NotificationRecordsController::create, this, _1, _2),
               true, Router::Validator::None, Router::Runs::OnWriter);
    router.add(QStringLiteral("GET"), kBase + QStringLiteral("/:id"),
               std::bind(&NotificationRecordsController::get, this, _1, _2), true,
               Router::Validator::OwnETag);
    router.add(QStringLiteral("PUT"), kBase + QStringLiteral("/:id"),
               std::bind(&NotificationRecordsController::update, this, _1, _2));
    router.add(QStringLiteral("DELETE"), kBase + QStringLiteral("/:id"),
               std::bind(&NotificationRecordsController::remove, this, _1, _2));
    router.add(QStringLiteral("GET"), kBase + QStringLiteral("/peer-mentor-profile/:peerMentorId"),
               std::bind(&NotificationRecordsController::profile, this, _1, _2), true,
               Router::Validator::Changes);
    router.add(QStringLiteral("GET"), kBase + QStringLiteral("/history/:peerMentorId"),
               std::bind(&NotificationRecordsController::history, this, _1, _2), true,
               Router::Validator::Changes);
}

ApiResponse NotificationRecordsController::list(const ApiRequest &request, const Caller &caller)
{
    QueryInput query(request.query,
                     {field::Page, field::Limit, field::PeerMentorId, field::EventType, field::CoordinatorId,
                      field::From, field::To, field::OrgId});
    const PageRequest pageRequest = query.page(20, NotificationRecordService::kMaxPageLimit);
    RecordFilter filter;
    filter.peerMentorId = query.string(field::PeerMentorId);
    filter.coordinatorId = query.string(field::CoordinatorId);
    const QString requestedOrg = query.string(field::OrgId);
    filter.from = query.timestamp(field::From);
    filter.to = query.timestamp(field::To);
    const QString event = query.string(field::EventType);
    if (auto s = query.status(); !s)
        return problem(s.error());
    // Another organisation's id from anyone but a global admin is refused, not ignored.
    const auto scope = caller.scopeOrg(requestedOrg);
    if (!scope)
        return problem(scope.error());
    filter.orgId = *scope;
    if (!event.isEmpty()) {
        filter.eventType = eventTypeFromName(event);
        if (!filter.eventType)
            return problem(
                Error::field(ErrorCode::Invalid, field::EventType,
                             QStringLiteral("event_type must be pause_activated or pause_deactivated.")));
    }
    // A list item shows a summary of its record (writeRecordListItem): only that is read.
    auto result = m_service.list(caller, filter, pageRequest, RecordColumns::Summary, request.versionAlong);
    if (!result)
        return problem(result.error());
    return page(result->items, writeRecordListItem, result->page, result->limit, result->total);
}

ApiResponse NotificationRecordsController::get(const ApiRequest &request, const Caller &caller)
{
    auto record = m_service.get(caller, request.param(QStringLiteral("id")));
    if (!record)
        return problem(record.error());
    return json(200, recordFull(*record), NotificationRecordService::etag(*record));
}

ApiResponse NotificationRecordsController::create(const ApiRequest &request, const Caller &caller)
{
    auto input =
        JsonInput::parse(request.body,
                         {field::PeerMentorId, field::EventType, field::EffectiveDate, field::Reason,
                          field::CoordinatorId, field::ChannelsNotified, field::DispatchIds, field::Notes});
    if (!input)
        return problem(input.error());
    NewRecord record;
    record.peerMentorId = input->string(field::PeerMentorId, true);
    const QString event = input->string(field::EventType, true);
    record.effectiveDate = input->timestamp(field::EffectiveDate, true);
    record.reason = input->nullableString(field::Reason);
    record.coordinatorId = input->string(field::CoordinatorId, true);
    record.channels = input->stringArray(field::ChannelsNotified, true).value_or(QStringList());
    record.dispatchIds = input->stringArray(field::DispatchIds).value_or(QStringList());
    record.notes = input->nullableString(field::Notes);
    if (auto s = input->status(); !s)
        return problem(s.error());
    const auto eventType = eventTypeFromName(event);
    if (!eventType)
        return problem(
            Error::field(ErrorCode::Invalid, field::EventType,
                         QStringLiteral("event_type must be pause_activated or pause_deactivated.")));
    record.eventType = *eventType;
    auto created = m_service.record(caller, record);
    if (!created)
        return problem(created.error());
    ApiResponse response = json(201, recordCreated(*created), NotificationRecordService::etag(*created));
    response.setHeader(QByteArrayLiteral("Location"), (kBase + QLatin1Char('/') + created->id).toUtf8());
    return response;
}

ApiResponse NotificationRecordsController::update(const ApiRequest &request, const Caller &caller)
{
    auto input = JsonInput::parse(request.body, {field::ChannelsNotified, field::Notes});
    if (!input)
        return problem(input.error());
    RecordUpdate change;
    if (input->has(field::ChannelsNotified)) {
        if (input->isNull(field::ChannelsNotified))
            return problem(Error::field(ErrorCode::Invalid, field::ChannelsNotified,
                                        QStringLiteral("channels_notified must not be null.")));
        change.channels = input->stringArray(field::ChannelsNotified, true);
    }
    if (input->has(field::Notes))
        change.notes = input->nullableString(field::Notes);
    if (auto s = input->status(); !s)
        return problem(s.error());
    auto updated = m_service.update(caller, request.param(QStringLiteral("id")), change, ifMatch(request));
    if (!updated)
        return problem(updated.error());
    return json(200, recordUpdated(*updated), NotificationRecordService::etag(*updated));
}

ApiResponse NotificationRecordsController::remove(const ApiRequest &request, const Caller &caller)
{
    auto deleted = m_service.remove(caller, request.param(QStringLiteral("id")));
    if (!deleted)
        return problem(deleted.error());
    return json(200, deletedJson(QStringLiteral("Notification record deleted"), *deleted));
}

ApiResponse NotificationRecordsController::profile(const ApiRequest &request, const Caller &caller)
{
    auto profile = m_service.profile(caller, request.param(QStringLiteral("peerMentorId")));
    if (!profile)
        return problem(profile.error());
    return json(200, profileJson(*profile));
}

ApiResponse NotificationRecordsController::history(const ApiRequest &request, const Caller &caller)
{
    QueryInput query(request.query, {field::Page, field::Limit});
    const PageRequest pageRequest =
        query.page(NotificationRecordService::kHistoryPageLimit, NotificationRecordService::kMaxPageLimit);
    if (auto s = query.status(); !s)
        return problem(s.error());
    auto history = m_service.history(caller, request.param(QStringLiteral("peerMentorId")), pageRequest);
    if (!history)
        return problem(history.error());
    return jsonBody(200, historyJson(*history));
}

} // namespace cc::api
