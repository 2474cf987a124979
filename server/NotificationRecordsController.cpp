#include "server/NotificationRecordsController.h"

#include "server/JsonInput.h"
#include "server/Problem.h"
#include "server/RecordJson.h"
#include "server/Responses.h"

namespace cc::api {

using namespace RecordField;

namespace {
const QString kBase = QStringLiteral("/api/v1/notification-records");
}

void NotificationRecordsController::registerRoutes(Router &router)
{
    using namespace std::placeholders;
    router.add(QStringLiteral("GET"), kBase, std::bind(&NotificationRecordsController::list, this, _1, _2));
    router.add(QStringLiteral("POST"), kBase,
               std::bind(&NotificationRecordsController::create, this, _1, _2));
    router.add(QStringLiteral("GET"), kBase + QStringLiteral("/:id"),
               std::bind(&NotificationRecordsController::get, this, _1, _2));
    router.add(QStringLiteral("PUT"), kBase + QStringLiteral("/:id"),
               std::bind(&NotificationRecordsController::update, this, _1, _2));
    router.add(QStringLiteral("DELETE"), kBase + QStringLiteral("/:id"),
               std::bind(&NotificationRecordsController::remove, this, _1, _2));
    router.add(QStringLiteral("GET"), kBase + QStringLiteral("/peer-mentor-profile/:peerMentorId"),
               std::bind(&NotificationRecordsController::profile, this, _1, _2));
    router.add(QStringLiteral("GET"), kBase + QStringLiteral("/history/:peerMentorId"),
               std::bind(&NotificationRecordsController::history, this, _1, _2));
}

ApiResponse NotificationRecordsController::list(const ApiRequest &request, const Caller &caller)
{
    QueryInput query(request.query,
                     {QStringLiteral("page"), QStringLiteral("limit"), PeerMentorId, EventType, CoordinatorId,
                      QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("org_id")});
    PageRequest pageRequest;
    pageRequest.page = query.integer(QStringLiteral("page"), 1, 1, 1'000'000);
    pageRequest.limit =
        query.integer(QStringLiteral("limit"), 20, 1, NotificationRecordService::kMaxPageLimit);
    RecordFilter filter;
    filter.peerMentorId = query.string(PeerMentorId);
    filter.coordinatorId = query.string(CoordinatorId);
    filter.orgId = query.string(QStringLiteral("org_id"));
    filter.from = query.timestamp(QStringLiteral("from"));
    filter.to = query.timestamp(QStringLiteral("to"));
    const QString event = query.string(EventType);
    if (auto s = query.status(); !s)
        return problem(s.error());
    if (!event.isEmpty()) {
        filter.eventType = eventTypeFromName(event);
        if (!filter.eventType)
            return problem(
                Error::field(ErrorCode::Invalid, EventType,
                             QStringLiteral("event_type must be pause_activated or pause_deactivated.")));
    }
    auto result = m_service.list(caller, filter, pageRequest);
    if (!result)
        return problem(result.error());
    QJsonArray data;
    for (const NotificationRecord &r : std::as_const(result->items))
        data.append(recordListItem(r));
    return page(data, result->page, result->limit, result->total);
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
    auto input = JsonInput::parse(request.body,
                                  {PeerMentorId, EventType, EffectiveDate, Reason, CoordinatorId,
                                   ChannelsNotified, DispatchIds, Notes});
    if (!input)
        return problem(input.error());
    NewRecord record;
    record.peerMentorId = input->string(PeerMentorId, true);
    const QString event = input->string(EventType, true);
    record.effectiveDate = input->timestamp(EffectiveDate, true);
    record.reason = input->nullableString(Reason);
    record.coordinatorId = input->string(CoordinatorId, true);
    record.channels = input->stringArray(ChannelsNotified, true).value_or(QStringList());
    record.dispatchIds = input->stringArray(DispatchIds).value_or(QStringList());
    record.notes = input->nullableString(Notes);
    if (auto s = input->status(); !s)
        return problem(s.error());
    const auto eventType = eventTypeFromName(event);
    if (!eventType)
        return problem(
            Error::field(ErrorCode::Invalid, EventType,
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
    auto input = JsonInput::parse(request.body, {ChannelsNotified, Notes});
    if (!input)
        return problem(input.error());
    RecordUpdate change;
    if (input->has(ChannelsNotified)) {
        if (input->isNull(ChannelsNotified))
            return problem(Error::field(ErrorCode::Invalid, ChannelsNotified,
                                        QStringLiteral("channels_notified must not be null.")));
        change.channels = input->stringArray(ChannelsNotified, true);
    }
    if (input->has(Notes))
        change.notes = input->nullableString(Notes);
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
    return jsonWithContentEtag(200, profileJson(*profile));
}

ApiResponse NotificationRecordsController::history(const ApiRequest &request, const Caller &caller)
{
    auto history = m_service.history(caller, request.param(QStringLiteral("peerMentorId")));
    if (!history)
        return problem(history.error());
    return jsonWithContentEtag(200, historyJson(*history));
}

} // namespace cc::api
