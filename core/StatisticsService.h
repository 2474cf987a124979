#pragma once

#include "core/Caller.h"
#include "core/Database.h"
#include "core/DirectoryRepository.h"
#include "core/StatisticsRepository.h"

#include <QDate>
#include <QList>

#include <functional>

namespace cc {

// What to compute statistics for.
struct StatisticsRequest
{
    QDate from;            // first day of the period (inclusive)
    QDate to;              // last day of the period (inclusive)
    QString orgId;         // a global admin's organisation (empty: every one); others get their own
    QString coordinatorId; // empty: the whole organisation; else only this coordinator's mentors
};

// One point of the paused-mentors series: the days [first, last] of a day, week or month.
struct PausedBucket
{
    QDate first;
    QDate last;
    int paused = 0; // the highest number of mentors paused on one day of the bucket
};

// Pause events of one calendar month, counted as recorded (by effective date, inside the period).
struct MonthEvents
{
    QDate month; // the first day of the month
    int activated = 0;
    int deactivated = 0;
};

// One row of the yearly activity report.
struct MentorActivity
{
    QString peerMentorId;
    QString name;
    QString coordinatorId;
    QString coordinatorName;
    int activeDays = 0;
    int pausedDays = 0;
    int pauses = 0; // pauses with at least one paused day in the period
};

struct ActivityStatistics
{
    enum class Step
    {
        Day,
        Week,
        Month
    };

    QDate from;
    QDate to;
    Step step = Step::Day;         // the size of the paused series' buckets
    QList<PausedBucket> paused;    // the whole period, in order, no gaps
    QList<MonthEvents> events;     // every month the period touches, in order
    QList<MentorActivity> mentors; // mentors that existed in the period, by name
};

// The statistics page's numbers, computed in core so every face gets the same answers.
//
// Semantics (pinned down by tst_statisticsservice):
// - Effective dates are calendar days (stored as midnight UTC). A mentor's records are taken in
//   order of effective date, then sent_at (then id).
// - A pause runs from the effective date of a pause_activated record up to, not including, the
//   effective date of the next pause_deactivated record: the mentor is active again on that day.
//   A second activation while paused does not restart the pause; a deactivation while active is
//   ignored. A pause with no deactivation yet runs to the end of the period. A pause ended on the
//   day it began has no paused day. So a mentor is paused on a day exactly when its latest record on
//   or before that day is a pause_activated: the rule of current_status.
// - Period [from, to]: whole days, both inclusive. Paused days = days of the period covered by
//   pauses. Active days = days of the period from the mentor's start (or from `from`, whichever is
//   later) minus paused days. A mentor's start is its creation date, or its first record's
//   effective date when that is earlier (imported mentors have history older than the row). Mentors
//   that started after the period are not in the report. Number of pauses = pauses that cover at
//   least one day of the period.
// - Paused series: mentors paused on each day; per day for periods up to 93 days, per week
//   (Monday to Sunday, clipped to the period) up to 1100 days, per calendar month beyond; the value
//   of a week or month is its highest daily count.
// - Events per month: pause_activated and pause_deactivated records counted as recorded (also a
//   repeated activation or an ignored deactivation), by the month of their effective date, for
//   effective dates inside the period.
// - Scope: a coordinator's statistics are those of the mentors assigned to the coordinator
//   (peer_mentors.coordinator_id), whoever recorded the events.
//
// Roles, as for notification records: coordinators and org admins see their whole organisation's
// statistics (also per coordinator of it); global admins choose the organisation (or every one).
// A coordinator of another organisation answers NotFound. A caller with no organisation that is
// not a global admin gets empty statistics.
//
// Scales to a million records: one forward-only query, ordered by mentor and date, folded as it
// streams (StatisticsRepository::scan); run it off the UI thread. Thread-safe: each call uses the
// calling thread's connection.
class StatisticsService
{
public:
    explicit StatisticsService(Database &db);

    static constexpr int kMaxPeriodDays = 50 * 366;
    static constexpr int kMaxDailyDays = 93;
    static constexpr int kMaxWeeklyDays = 1100;

    // done/total in records read (total is an estimate); answers false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    Result<ActivityStatistics> activity(const Caller &caller, const StatisticsRequest &request,
                                        const Progress &progress = {});

    // The bucket size activity() uses for a period.
    static ActivityStatistics::Step stepFor(const QDate &from, const QDate &to);
    // The error activity() answers when its progress callback asked to stop.
    static Error cancelled();

private:
    static Status validatePeriod(const StatisticsRequest &request);
    // Streams the records of the period's mentors through MentorFold into out.mentors, out.events
    // and the day-by-day change of paused mentors.
    Status foldMentors(const QString &orgId, const StatisticsRequest &request, const Progress &progress,
                       QList<int> &dailyDelta, ActivityStatistics &out);
    static QList<PausedBucket> pausedBuckets(ActivityStatistics::Step step, const QDate &from,
                                             const QList<int> &dailyDelta);

    Database &m_db;
    DirectoryRepository m_directory;
    StatisticsRepository m_statistics;
};

} // namespace cc
