#include "server/PeerMentorsController.h"

#include "server/JsonInput.h"
#include "server/Problem.h"
#include "server/RecordJson.h"
#include "server/Responses.h"

namespace cc::api {

namespace {
const QString kBase = QStringLiteral("/api/v1/peer-mentors");
}

void PeerMentorsController::registerRoutes(Router &router)
{
    using namespace std::placeholders;
    router.add(QStringLiteral("GET"), kBase, std::bind(&PeerMentorsController::list, this, _1, _2), true,
               Router::Validator::Changes);
}

ApiResponse PeerMentorsController::list(const ApiRequest &request, const Caller &caller)
{
    QueryInput query(
        request.query,
        {field::Page, field::Limit, field::CoordinatorId, field::Status, field::Search, field::OrgId});
    const PageRequest pageRequest = query.page(20, NotificationRecordService::kMaxPageLimit);
    MentorQuery mentors;
    mentors.coordinatorId = query.string(field::CoordinatorId);
    mentors.search = query.string(field::Search);
    mentors.orgId = query.string(field::OrgId);
    const QString status = query.string(field::Status);
    if (auto s = query.status(); !s)
        return problem(s.error());
    // No status: everyone who has not left; "inactive": those who left, whatever their records say.
    std::optional<PauseStatus> pauseStatus;
    if (status == QLatin1String("active")) {
        pauseStatus = PauseStatus::Active;
    } else if (status == QLatin1String("paused")) {
        pauseStatus = PauseStatus::Paused;
    } else if (status == QLatin1String("inactive")) {
        mentors.activity = Activity::Inactive;
    } else if (!status.isEmpty() || request.query.hasQueryItem(field::Status)) {
        return problem(Error::field(ErrorCode::Invalid, field::Status,
                                    QStringLiteral("status must be active, paused or inactive.")));
    }
    auto result = m_service.mentorProfiles(caller, mentors, pauseStatus, pageRequest);
    if (!result)
        return problem(result.error());
    QJsonArray data;
    for (const PeerMentorProfile &p : std::as_const(result->items))
        data.append(mentorListItem(p));
    return page(data, result->page, result->limit, result->total);
}

} // namespace cc::api
