#include "core/StatisticsService.h"

#include "core/Fields.h"

#include <algorithm>

namespace cc {

namespace {

constexpr int kProgressEvery = 4096;

// Index of `day`'s month counted from `first`'s month.
int monthIndex(const QDate &first, const QDate &day)
{
    return (day.year() - first.year()) * 12 + (day.month() - first.month());
}

// Folds one mentor's records (in order) into pauses, days and event counts.
class MentorFold
{
public:
    MentorFold(const QDate &from, const QDate &to, QList<int> &dailyDelta, QList<MonthEvents> &events)
        : m_from(from)
        , m_to(to)
        , m_dailyDelta(dailyDelta)
        , m_events(events)
    {}

    void begin(const ActivityRow &row)
    {
        m_activity = MentorActivity{
            row.peerMentorId, row.peerMentorName, row.coordinatorId, row.coordinatorName, 0, 0, 0};
        m_start = row.createdOn;
        m_paused = false;
        m_pauseStart = QDate();
    }

    void event(EventType type, const QDate &on)
    {
        if (!on.isValid())
            return;
        if (!m_start.isValid() || on < m_start)
            m_start = on;
        if (on >= m_from && on <= m_to) {
            MonthEvents &month = m_events[monthIndex(m_from, on)];
            ++(type == EventType::PauseActivated ? month.activated : month.deactivated);
        }
        if (type == EventType::PauseActivated && !m_paused) {
            m_paused = true;
            m_pauseStart = on;
        } else if (type == EventType::PauseDeactivated && m_paused) {
            m_paused = false;
            addPause(m_pauseStart, on.addDays(-1));
        }
        // A second activation while paused, or a deactivation while active: nothing changes.
    }

    // The mentor's row, or nothing when the mentor started after the period.
    std::optional<MentorActivity> end()
    {
        if (m_paused)
            addPause(m_pauseStart, m_to); // still open: runs to the end of the period
        if (m_start.isValid() && m_start > m_to)
            return std::nullopt;
        const QDate first = m_start.isValid() ? std::max(m_from, m_start) : m_from;
        m_activity.activeDays = int(first.daysTo(m_to)) + 1 - m_activity.pausedDays;
        return m_activity;
    }

private:
    void addPause(const QDate &first, const QDate &last)
    {
        const QDate a = std::max(first, m_from);
        const QDate b = std::min(last, m_to);
        if (a > b)
            return; // outside the period, or ended on the day it began
        m_activity.pausedDays += int(a.daysTo(b)) + 1;
        ++m_activity.pauses;
        ++m_dailyDelta[m_from.daysTo(a)];
        --m_dailyDelta[m_from.daysTo(b) + 1];
    }

    QDate m_from;
    QDate m_to;
    QList<int> &m_dailyDelta;
    QList<MonthEvents> &m_events;
    MentorActivity m_activity;
    QDate m_start;
    bool m_paused = false;
    QDate m_pauseStart;
};

// The first day of the bucket after the one that holds `day`.
QDate nextBucket(ActivityStatistics::Step step, const QDate &day)
{
    switch (step) {
    case ActivityStatistics::Step::Day:
        return day.addDays(1);
    case ActivityStatistics::Step::Week:
        return day.addDays(8 - day.dayOfWeek()); // the next Monday
    case ActivityStatistics::Step::Month:
        return QDate(day.year(), day.month(), 1).addMonths(1);
    }
    return day.addDays(1);
}

} // namespace

StatisticsService::StatisticsService(Database &db)
    : m_db(db)
    , m_directory(db)
    , m_statistics(db)
{}

ActivityStatistics::Step StatisticsService::stepFor(const QDate &from, const QDate &to)
{
    const qint64 days = from.daysTo(to) + 1;
    if (days <= kMaxDailyDays)
        return ActivityStatistics::Step::Day;
    if (days <= kMaxWeeklyDays)
        return ActivityStatistics::Step::Week;
    return ActivityStatistics::Step::Month;
}

Error StatisticsService::cancelled()
{
    return Error{ErrorCode::Conflict, QStringLiteral("Stopped."), {}, 0};
}

Status StatisticsService::validatePeriod(const StatisticsRequest &request)
{
    if (!request.from.isValid())
        return Error::field(ErrorCode::Invalid, field::From, QStringLiteral("from must be a date."));
    if (!request.to.isValid())
        return Error::field(ErrorCode::Invalid, field::To, QStringLiteral("to must be a date."));
    if (request.from > request.to)
        return Error::field(ErrorCode::Invalid, field::From, QStringLiteral("from must not be after to."));
    if (request.from.daysTo(request.to) + 1 > kMaxPeriodDays)
        return Error::field(ErrorCode::Invalid, field::To,
                            QStringLiteral("The period may be at most %1 days long.").arg(kMaxPeriodDays));
    return {};
}

Result<ActivityStatistics> StatisticsService::activity(const Caller &caller, const StatisticsRequest &request,
                                                       const Progress &progress)
{
    if (auto valid = validatePeriod(request); !valid)
        return valid.error();

    ActivityStatistics out;
    out.from = request.from;
    out.to = request.to;
    out.step = stepFor(request.from, request.to);
    for (QDate month(request.from.year(), request.from.month(), 1); month <= request.to;
         month = month.addMonths(1))
        out.events.append(MonthEvents{month, 0, 0});
    const int days = int(request.from.daysTo(request.to)) + 1;
    QList<int> dailyDelta(days + 1, 0);

    // The same scoping as notification records: an organisation's users see all of it.
    const bool seesNothing = !caller.isGlobalAdmin() && caller.orgId.isEmpty();
    const QString orgId = caller.isGlobalAdmin() ? request.orgId : caller.orgId;
    if (!seesNothing && !request.coordinatorId.isEmpty()) {
        auto coordinator = m_directory.coordinator(request.coordinatorId);
        if (!coordinator)
            return coordinator.error();
        if (!coordinator->has_value() || !caller.canSee((*coordinator)->orgId)
            || (!orgId.isEmpty() && (*coordinator)->orgId != orgId))
            return Error::field(ErrorCode::NotFound, field::CoordinatorId,
                                QStringLiteral("No coordinator with this id."));
    }

    if (!seesNothing) {
        if (auto folded = foldMentors(orgId, request, progress, dailyDelta, out); !folded)
            return folded.error();
    }

    std::sort(out.mentors.begin(), out.mentors.end(), [](const MentorActivity &a, const MentorActivity &b) {
        const int byName = QString::localeAwareCompare(a.name, b.name);
        return byName != 0 ? byName < 0 : a.peerMentorId < b.peerMentorId;
    });
    out.paused = pausedBuckets(out.step, request.from, dailyDelta);
    return out;
}

Status StatisticsService::foldMentors(const QString &orgId, const StatisticsRequest &request,
                                      const Progress &progress, QList<int> &dailyDelta,
                                      ActivityStatistics &out)
{
    qint64 total = 0;
    if (progress) {
        auto estimate = m_statistics.estimatedRecords(orgId);
        if (!estimate)
            return estimate.error();
        total = *estimate;
    }
    MentorFold fold(request.from, request.to, dailyDelta, out.events);
    QString current;
    bool any = false;
    qint64 read = 0;
    auto finishMentor = [&] {
        if (auto row = fold.end())
            out.mentors.append(*row);
    };
    auto scanned =
        m_statistics.scan(orgId, request.coordinatorId, request.to.addDays(1), [&](const ActivityRow &row) {
            if (!any || row.peerMentorId != current) {
                if (any)
                    finishMentor();
                any = true;
                current = row.peerMentorId;
                fold.begin(row);
            }
            if (row.event)
                fold.event(*row.event, row.effectiveOn);
            if (progress && ++read % kProgressEvery == 0)
                return progress(read, std::max(total, read));
            return true;
        });
    if (!scanned)
        return scanned.error();
    if (!*scanned)
        return cancelled();
    if (any)
        finishMentor();
    if (progress && !progress(read, read))
        return cancelled();
    return {};
}

QList<PausedBucket> StatisticsService::pausedBuckets(ActivityStatistics::Step step, const QDate &from,
                                                     const QList<int> &dailyDelta)
{
    // Mentors paused per day, then the highest of each bucket.
    QList<PausedBucket> out;
    const int days = static_cast<int>(dailyDelta.size()) - 1;
    int pausedToday = 0;
    PausedBucket bucket{from, from, 0};
    QDate bucketEnd = nextBucket(step, from);
    for (int i = 0; i < days; ++i) {
        const QDate today = from.addDays(i);
        if (today >= bucketEnd) {
            out.append(bucket);
            bucket = PausedBucket{today, today, 0};
            bucketEnd = nextBucket(step, today);
        }
        pausedToday += dailyDelta.at(i);
        bucket.last = today;
        bucket.paused = std::max(bucket.paused, pausedToday);
    }
    out.append(bucket);
    return out;
}

} // namespace cc
