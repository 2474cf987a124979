#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/StatisticsService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QRandomGenerator>
#include <QTest>

#include <memory>

using namespace cc;
using test::why;

namespace {

const QString &kOrgA = test::World::kOrgA;
const QString &kOrgB = test::World::kOrgB;
const QString &kCoordA1 = test::World::kCoordA1;
const QString &kCoordA2 = test::World::kCoordA2;
const QString &kCoordB1 = test::World::kCoordB1;
const QString &kMentorA1 = test::World::kMentorA1; // of a1
const QString &kMentorA2 = test::World::kMentorA2; // of a2
const QString kMentorA3 = QStringLiteral("pm_a3"); // of a1, added to the World here
const QString &kMentorB1 = test::World::kMentorB1;

// Every mentor of init() is created on this day, before the periods the tests ask about.
const QDateTime kCreated(QDate(2024, 6, 1), QTime(9, 0), Qt::UTC);

Caller coordinatorA()
{
    return test::World().coordinatorA;
}
Caller orgAdminA()
{
    return test::World().orgAdminA;
}
Caller coordinatorB()
{
    return test::World().coordinatorB;
}
Caller globalAdmin()
{
    return test::World().globalAdmin;
}

QDate d(int y, int m, int dd)
{
    return QDate(y, m, dd);
}

StatisticsRequest period(const QDate &from, const QDate &to, const QString &coordinatorId = {})
{
    return StatisticsRequest{from, to, QString(), coordinatorId};
}

StatisticsRequest year2025(const QString &coordinatorId = {})
{
    return period(d(2025, 1, 1), d(2025, 12, 31), coordinatorId);
}

std::optional<MentorActivity> rowOf(const ActivityStatistics &stats, const QString &mentorId)
{
    for (const MentorActivity &m : stats.mentors)
        if (m.peerMentorId == mentorId)
            return m;
    return std::nullopt;
}

QStringList mentorIds(const ActivityStatistics &stats)
{
    QStringList ids;
    for (const MentorActivity &m : stats.mentors)
        ids << m.peerMentorId;
    return ids;
}

QStringList sorted(QStringList ids)
{
    ids.sort();
    return ids;
}

// The report's rows are in the order of their names (as the locale sorts them).
bool byName(const ActivityStatistics &stats)
{
    for (qsizetype i = 1; i < stats.mentors.size(); ++i)
        if (QString::localeAwareCompare(stats.mentors.at(i - 1).name, stats.mentors.at(i).name) > 0)
            return false;
    return true;
}

const MonthEvents &monthOf(const ActivityStatistics &stats, int year, int month)
{
    for (const MonthEvents &m : stats.events)
        if (m.month == QDate(year, month, 1))
            return m;
    static const MonthEvents none{};
    return none;
}

} // namespace

class TestStatisticsService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void pausesCrossingThePeriodsEdges();
    void stillOpenPauseRunsToTheEnd();
    void secondActivationDoesNotRestart();
    void resumeWithoutPauseIsIgnored();
    void sameDayOrderedBySentAt();
    void mentorWithoutRecordsIsActive();
    void activeFromCreationOrFirstRecord();

    void perCoordinatorScope();
    void coordinatorOfAnotherOrganisation();
    void organisationIsolation();
    void callerWithoutOrganisationSeesNothing();
    void globalAdminChoosesTheOrganisation();

    void eventsPerMonth();
    void eventsOfAPartialPeriod();
    void pausedSeriesPerDay();
    void pausedSeriesPerWeekAndMonth();
    void seriesAgreesWithDays();
    void matchesTheLatestRecordRule();

    void validation();
    void cancelStops();
    void readsManyRecords();

private:
    void add(const QString &mentor, EventType type, const QDate &effective);
    void activate(const QString &mentor, const QDate &on) { add(mentor, EventType::PauseActivated, on); }
    void deactivate(const QString &mentor, const QDate &on) { add(mentor, EventType::PauseDeactivated, on); }
    void addMentor(const QString &id, const QString &coordinator, const QString &name,
                   const QDateTime &created);
    ActivityStatistics stats(const Caller &caller, const StatisticsRequest &request);

    std::unique_ptr<test::TestDatabase> m_database;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<DirectoryService> m_directory;
    std::unique_ptr<NotificationRecordService> m_records;
    std::unique_ptr<StatisticsService> m_service;
};

void TestStatisticsService::initTestCase()
{
    m_database = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_database->ok(), qPrintable(m_database->error()));
    m_clock = std::make_unique<ManualClock>(kCreated);
    m_directory = std::make_unique<DirectoryService>(m_database->db(), *m_clock);
    m_records = std::make_unique<NotificationRecordService>(m_database->db(), *m_clock);
    m_service = std::make_unique<StatisticsService>(m_database->db());
}

void TestStatisticsService::init()
{
    m_database->reset();
    m_clock->set(kCreated);
    const Status seeded = test::World().create(m_database->db(), *m_clock);
    QVERIFY2(seeded.ok(), why(seeded));
    addMentor(kMentorA3, kCoordA1, QStringLiteral("Anne Berg"), kCreated);
}

void TestStatisticsService::addMentor(const QString &id, const QString &coordinator, const QString &name,
                                      const QDateTime &created)
{
    const QDateTime before = m_clock->now();
    m_clock->set(created);
    auto coord = m_directory->coordinator(Caller::system(), coordinator);
    QVERIFY2(coord.ok(), why(coord));
    const auto added = m_directory->addPeerMentor(
        Caller::system(), PeerMentor{id, coord->orgId, coordinator, name, QString(), QString(), {}});
    QVERIFY2(added.ok(), why(added));
    m_clock->set(std::max(before, created));
}

void TestStatisticsService::add(const QString &mentor, EventType type, const QDate &effective)
{
    // Each record is sent a minute after the one before: sent_at orders records of the same day.
    m_clock->advance(60 * 1000);
    const auto found = m_directory->peerMentor(Caller::system(), mentor);
    QVERIFY2(found.ok(), why(found));
    NewRecord r;
    r.peerMentorId = mentor;
    r.coordinatorId = found->coordinatorId;
    r.eventType = type;
    r.effectiveDate = QDateTime(effective, QTime(0, 0), Qt::UTC);
    r.channels = {QStringLiteral("push")};
    const Caller by = found->orgId == kOrgA ? orgAdminA() : test::World().orgAdminB;
    const auto added = m_records->record(by, r);
    QVERIFY2(added.ok(), why(added));
}

ActivityStatistics TestStatisticsService::stats(const Caller &caller, const StatisticsRequest &request)
{
    auto result = m_service->activity(caller, request);
    if (!result) {
        qWarning("activity() failed: %s", why(result).constData());
        return {};
    }
    return *result;
}

// ---- days ---------------------------------------------------------------------------------------

void TestStatisticsService::pausesCrossingThePeriodsEdges()
{
    activate(kMentorA1, d(2024, 12, 20));  // paused into the period: Jan 1–9 count
    deactivate(kMentorA1, d(2025, 1, 10)); // active again on the 10th
    activate(kMentorA1, d(2025, 12, 25));  // paused out of the period: Dec 25–31 count
    deactivate(kMentorA1, d(2026, 1, 5));
    activate(kMentorA2, d(2024, 3, 1)); // wholly before the period
    deactivate(kMentorA2, d(2024, 4, 1));

    const ActivityStatistics s = stats(orgAdminA(), year2025());
    QCOMPARE(s.from, d(2025, 1, 1));
    QCOMPARE(s.to, d(2025, 12, 31));
    const auto a1 = rowOf(s, kMentorA1);
    QVERIFY(a1);
    QCOMPARE(a1->pausedDays, 9 + 7);
    QCOMPARE(a1->activeDays, 365 - 16);
    QCOMPARE(a1->pauses, 2);
    QCOMPARE(a1->name, QStringLiteral("Åse Ødegård"));
    QCOMPARE(a1->coordinatorId, kCoordA1);
    QCOMPARE(a1->coordinatorName, QStringLiteral("Kari Koordinator"));
    const auto a2 = rowOf(s, kMentorA2);
    QVERIFY(a2);
    QCOMPARE(a2->pausedDays, 0);
    QCOMPARE(a2->activeDays, 365);
    QCOMPARE(a2->pauses, 0);
}

void TestStatisticsService::stillOpenPauseRunsToTheEnd()
{
    activate(kMentorA1, d(2025, 11, 1));
    activate(kMentorA2, d(2026, 2, 1)); // after the period: no effect
    const ActivityStatistics s = stats(orgAdminA(), year2025());
    const auto a1 = rowOf(s, kMentorA1);
    QVERIFY(a1);
    QCOMPARE(a1->pausedDays, 30 + 31);
    QCOMPARE(a1->activeDays, 365 - 61);
    QCOMPARE(a1->pauses, 1);
    QCOMPARE(rowOf(s, kMentorA2)->pausedDays, 0);
    QCOMPARE(s.paused.last().paused, 1);

    // Opened before the period and never closed: every day of it.
    const ActivityStatistics march = stats(orgAdminA(), period(d(2026, 3, 1), d(2026, 3, 31)));
    QCOMPARE(rowOf(march, kMentorA1)->pausedDays, 31);
    QCOMPARE(rowOf(march, kMentorA1)->activeDays, 0);
    QCOMPARE(rowOf(march, kMentorA2)->pausedDays, 31);
}

void TestStatisticsService::secondActivationDoesNotRestart()
{
    activate(kMentorA1, d(2025, 3, 1));
    activate(kMentorA1, d(2025, 3, 10)); // while paused: the pause still began on the 1st
    deactivate(kMentorA1, d(2025, 3, 20));
    const ActivityStatistics s = stats(orgAdminA(), year2025());
    const auto a1 = rowOf(s, kMentorA1);
    QCOMPARE(a1->pausedDays, 19);
    QCOMPARE(a1->pauses, 1);
    QCOMPARE(a1->activeDays, 365 - 19);
    QCOMPARE(monthOf(s, 2025, 3).activated, 2); // events are counted as recorded
    QCOMPARE(monthOf(s, 2025, 3).deactivated, 1);
}

void TestStatisticsService::resumeWithoutPauseIsIgnored()
{
    deactivate(kMentorA1, d(2025, 2, 1)); // while active: nothing happens
    activate(kMentorA1, d(2025, 5, 1));
    deactivate(kMentorA1, d(2025, 5, 11));
    deactivate(kMentorA1, d(2025, 6, 1)); // again while active
    const ActivityStatistics s = stats(orgAdminA(), year2025());
    const auto a1 = rowOf(s, kMentorA1);
    QCOMPARE(a1->pausedDays, 10);
    QCOMPARE(a1->pauses, 1);
    QCOMPARE(a1->activeDays, 355);
    QCOMPARE(monthOf(s, 2025, 2).deactivated, 1);
    QCOMPARE(monthOf(s, 2025, 6).deactivated, 1);
}

void TestStatisticsService::sameDayOrderedBySentAt()
{
    // Activated, then (sent later) deactivated on the same day: a pause without a paused day.
    activate(kMentorA1, d(2025, 4, 1));
    deactivate(kMentorA1, d(2025, 4, 1));
    // Deactivated, then activated on the same day: paused from that day on.
    activate(kMentorA2, d(2025, 3, 1));
    deactivate(kMentorA2, d(2025, 4, 1));
    activate(kMentorA2, d(2025, 4, 1));
    deactivate(kMentorA2, d(2025, 4, 11));
    const ActivityStatistics s = stats(orgAdminA(), year2025());
    QCOMPARE(rowOf(s, kMentorA1)->pausedDays, 0);
    QCOMPARE(rowOf(s, kMentorA1)->pauses, 0);
    QCOMPARE(rowOf(s, kMentorA2)->pausedDays, 31 + 10);
    QCOMPARE(rowOf(s, kMentorA2)->pauses, 2);
}

void TestStatisticsService::mentorWithoutRecordsIsActive()
{
    const ActivityStatistics s = stats(coordinatorA(), year2025());
    QCOMPARE(sorted(mentorIds(s)), (QStringList{kMentorA1, kMentorA2, kMentorA3}));
    QVERIFY(byName(s));
    for (const MentorActivity &m : s.mentors) {
        QCOMPARE(m.activeDays, 365);
        QCOMPARE(m.pausedDays, 0);
        QCOMPARE(m.pauses, 0);
    }
}

void TestStatisticsService::activeFromCreationOrFirstRecord()
{
    addMentor(QStringLiteral("pm-july"), kCoordA2, QStringLiteral("Juli Ny"),
              QDateTime(d(2025, 7, 1), QTime(12, 0), Qt::UTC));
    addMentor(QStringLiteral("pm-late"), kCoordA2, QStringLiteral("Sen Start"),
              QDateTime(d(2026, 1, 15), QTime(12, 0), Qt::UTC));
    // Created in 2026 with history from 2025 (imported): it started with its first record.
    addMentor(QStringLiteral("pm-import"), kCoordA2, QStringLiteral("Import Ert"),
              QDateTime(d(2026, 2, 1), QTime(12, 0), Qt::UTC));
    activate(QStringLiteral("pm-july"), d(2025, 9, 1));
    deactivate(QStringLiteral("pm-july"), d(2025, 9, 11));
    activate(QStringLiteral("pm-import"), d(2025, 10, 1));

    const ActivityStatistics s = stats(orgAdminA(), year2025());
    QVERIFY(!mentorIds(s).contains(QStringLiteral("pm-late")));
    const auto july = rowOf(s, QStringLiteral("pm-july"));
    QVERIFY(july);
    QCOMPARE(july->pausedDays, 10);
    QCOMPARE(july->activeDays, 184 - 10); // July 1 to December 31 is 184 days
    const auto imported = rowOf(s, QStringLiteral("pm-import"));
    QVERIFY(imported);
    QCOMPARE(imported->pausedDays, 92); // October 1 to December 31
    QCOMPARE(imported->activeDays, 0);
}

// ---- scope ----------------------------------------------------------------------------------------

void TestStatisticsService::perCoordinatorScope()
{
    activate(kMentorA1, d(2025, 1, 1));
    deactivate(kMentorA1, d(2025, 1, 11));
    activate(kMentorA2, d(2025, 1, 5));
    deactivate(kMentorA2, d(2025, 1, 8));
    activate(kMentorA3, d(2025, 2, 1));

    const ActivityStatistics whole = stats(coordinatorA(), year2025());
    QCOMPARE(whole.mentors.size(), 3);
    QCOMPARE(monthOf(whole, 2025, 1).activated, 2);
    QCOMPARE(whole.paused.first().paused, 2); // Jan 1–5: on the 5th a1 and a2 are both paused

    const ActivityStatistics a1 = stats(coordinatorA(), year2025(kCoordA1));
    QCOMPARE(mentorIds(a1), (QStringList{kMentorA3, kMentorA1}));
    QCOMPARE(monthOf(a1, 2025, 1).activated, 1);
    QCOMPARE(monthOf(a1, 2025, 1).deactivated, 1);
    QCOMPARE(monthOf(a1, 2025, 2).activated, 1);
    int peak = 0;
    for (const PausedBucket &b : a1.paused)
        peak = std::max(peak, b.paused);
    QCOMPARE(peak, 1);

    // A coordinator sees the statistics of another coordinator of the organisation too.
    const ActivityStatistics a2 = stats(coordinatorA(), year2025(kCoordA2));
    QCOMPARE(mentorIds(a2), QStringList{kMentorA2});
    QCOMPARE(rowOf(a2, kMentorA2)->pausedDays, 3);
    QCOMPARE(rowOf(a2, kMentorA2)->coordinatorName, QStringLiteral("Ola Koordinator"));
}

void TestStatisticsService::coordinatorOfAnotherOrganisation()
{
    for (const Caller &caller : {coordinatorA(), orgAdminA()}) {
        const auto r = m_service->activity(caller, year2025(kCoordB1));
        QCOMPARE(test::codeOf(r), QStringLiteral("not-found"));
        QCOMPARE(r.error().fields.value(0).field, QStringLiteral("coordinator_id"));
    }
    QCOMPARE(test::codeOf(m_service->activity(orgAdminA(), year2025(QStringLiteral("coord-nobody")))),
             QStringLiteral("not-found"));
    StatisticsRequest mismatch = year2025(kCoordA1);
    mismatch.orgId = kOrgB;
    QCOMPARE(test::codeOf(m_service->activity(globalAdmin(), mismatch)), QStringLiteral("not-found"));
}

void TestStatisticsService::organisationIsolation()
{
    activate(kMentorB1, d(2025, 6, 1));
    activate(kMentorA1, d(2025, 6, 10));
    // Asking for organisation B as a user of A still answers A.
    StatisticsRequest other = year2025();
    other.orgId = kOrgB;
    const ActivityStatistics a = stats(coordinatorA(), other);
    QCOMPARE(sorted(mentorIds(a)), (QStringList{kMentorA1, kMentorA2, kMentorA3}));
    QCOMPARE(monthOf(a, 2025, 6).activated, 1);

    const ActivityStatistics b = stats(coordinatorB(), year2025());
    QCOMPARE(mentorIds(b), QStringList{kMentorB1});
    QCOMPARE(rowOf(b, kMentorB1)->pausedDays, 214); // June 1 to December 31
    QCOMPARE(monthOf(b, 2025, 6).activated, 1);
}

void TestStatisticsService::callerWithoutOrganisationSeesNothing()
{
    activate(kMentorA1, d(2025, 6, 1));
    Caller orphan = coordinatorA();
    orphan.orgId.clear();
    const auto r = m_service->activity(orphan, year2025());
    QVERIFY2(r.ok(), why(r));
    QVERIFY(r->mentors.isEmpty());
    QCOMPARE(r->events.size(), 12);
    for (const MonthEvents &m : r->events)
        QCOMPARE(m.activated + m.deactivated, 0);
    for (const PausedBucket &b : r->paused)
        QCOMPARE(b.paused, 0);
}

void TestStatisticsService::globalAdminChoosesTheOrganisation()
{
    activate(kMentorB1, d(2025, 6, 1));
    activate(kMentorA1, d(2025, 6, 10));
    const ActivityStatistics all = stats(globalAdmin(), year2025());
    QCOMPARE(all.mentors.size(), 4);
    QCOMPARE(monthOf(all, 2025, 6).activated, 2);
    StatisticsRequest onlyB = year2025();
    onlyB.orgId = kOrgB;
    const ActivityStatistics b = stats(globalAdmin(), onlyB);
    QCOMPARE(mentorIds(b), QStringList{kMentorB1});
    QCOMPARE(monthOf(b, 2025, 6).activated, 1);
}

// ---- series ---------------------------------------------------------------------------------------

void TestStatisticsService::eventsPerMonth()
{
    activate(kMentorA1, d(2024, 12, 31)); // before the period: not counted
    deactivate(kMentorA1, d(2025, 1, 1));
    activate(kMentorA1, d(2025, 1, 31));
    deactivate(kMentorA1, d(2025, 2, 1));
    activate(kMentorA2, d(2025, 2, 28));
    deactivate(kMentorA2, d(2025, 12, 31));
    activate(kMentorA3, d(2026, 1, 1)); // after the period: not counted
    const ActivityStatistics s = stats(orgAdminA(), year2025());
    QCOMPARE(s.events.size(), 12);
    for (int i = 0; i < 12; ++i)
        QCOMPARE(s.events.at(i).month, d(2025, i + 1, 1));
    QCOMPARE(monthOf(s, 2025, 1).activated, 1);
    QCOMPARE(monthOf(s, 2025, 1).deactivated, 1);
    QCOMPARE(monthOf(s, 2025, 2).activated, 1);
    QCOMPARE(monthOf(s, 2025, 2).deactivated, 1);
    QCOMPARE(monthOf(s, 2025, 12).activated, 0);
    QCOMPARE(monthOf(s, 2025, 12).deactivated, 1);
    int total = 0;
    for (const MonthEvents &m : s.events)
        total += m.activated + m.deactivated;
    QCOMPARE(total, 5);
}

void TestStatisticsService::eventsOfAPartialPeriod()
{
    activate(kMentorA1, d(2025, 3, 10));
    deactivate(kMentorA1, d(2025, 3, 20));
    activate(kMentorA1, d(2025, 5, 10));
    deactivate(kMentorA1, d(2025, 5, 11));
    const ActivityStatistics s = stats(orgAdminA(), period(d(2025, 3, 15), d(2025, 5, 10)));
    QCOMPARE(s.events.size(), 3);
    QCOMPARE(s.events.first().month, d(2025, 3, 1));
    QCOMPARE(monthOf(s, 2025, 3).activated, 0);
    QCOMPARE(monthOf(s, 2025, 3).deactivated, 1);
    QCOMPARE(monthOf(s, 2025, 5).activated, 1);
    QCOMPARE(monthOf(s, 2025, 5).deactivated, 0);
    QCOMPARE(rowOf(s, kMentorA1)->pausedDays, 5 + 1); // March 15–19 and May 10
    QCOMPARE(rowOf(s, kMentorA1)->activeDays, 57 - 6);
}

void TestStatisticsService::pausedSeriesPerDay()
{
    activate(kMentorA1, d(2025, 3, 3));
    deactivate(kMentorA1, d(2025, 3, 6));
    activate(kMentorA2, d(2025, 3, 5));
    const ActivityStatistics s = stats(orgAdminA(), period(d(2025, 3, 1), d(2025, 3, 10)));
    QCOMPARE(s.step, ActivityStatistics::Step::Day);
    QList<int> values;
    for (const PausedBucket &b : s.paused) {
        QCOMPARE(b.first, b.last);
        values << b.paused;
    }
    QCOMPARE(values, (QList<int>{0, 0, 1, 1, 2, 1, 1, 1, 1, 1}));
    QCOMPARE(s.paused.first().first, d(2025, 3, 1));
    QCOMPARE(s.paused.last().last, d(2025, 3, 10));
}

void TestStatisticsService::pausedSeriesPerWeekAndMonth()
{
    activate(kMentorA1, d(2025, 1, 7)); // a Tuesday
    deactivate(kMentorA1, d(2025, 1, 9));
    activate(kMentorA2, d(2025, 1, 8));
    deactivate(kMentorA2, d(2025, 1, 20));
    const ActivityStatistics s = stats(orgAdminA(), year2025());
    QCOMPARE(s.step, ActivityStatistics::Step::Week);
    // 2025-01-01 is a Wednesday: the first week is clipped to Jan 1–5, then Monday to Sunday.
    QCOMPARE(s.paused.at(0).first, d(2025, 1, 1));
    QCOMPARE(s.paused.at(0).last, d(2025, 1, 5));
    QCOMPARE(s.paused.at(1).first, d(2025, 1, 6));
    QCOMPARE(s.paused.at(1).last, d(2025, 1, 12));
    QCOMPARE(s.paused.at(0).paused, 0);
    QCOMPARE(s.paused.at(1).paused, 2); // the highest day of the week (Jan 8)
    QCOMPARE(s.paused.at(2).paused, 1);
    QCOMPARE(s.paused.at(3).paused, 0); // Jan 20–26: a2 active again on the 20th
    QCOMPARE(s.paused.size(), 53);
    QCOMPARE(s.paused.last().last, d(2025, 12, 31));
    for (qsizetype i = 1; i < s.paused.size(); ++i)
        QCOMPARE(s.paused.at(i).first, s.paused.at(i - 1).last.addDays(1));

    const ActivityStatistics years = stats(orgAdminA(), period(d(2022, 1, 1), d(2025, 12, 31)));
    QCOMPARE(years.step, ActivityStatistics::Step::Month);
    QCOMPARE(years.paused.size(), 48);
    QCOMPARE(years.paused.at(36).first, d(2025, 1, 1));
    QCOMPARE(years.paused.at(36).last, d(2025, 1, 31));
    QCOMPARE(years.paused.at(36).paused, 2);
    QCOMPARE(years.events.size(), 48);
}

void TestStatisticsService::seriesAgreesWithDays()
{
    activate(kMentorA1, d(2025, 1, 20));
    deactivate(kMentorA1, d(2025, 2, 3));
    activate(kMentorA2, d(2024, 12, 1));
    deactivate(kMentorA2, d(2025, 1, 15));
    activate(kMentorA3, d(2025, 2, 25));
    const ActivityStatistics s = stats(orgAdminA(), period(d(2025, 1, 1), d(2025, 3, 1)));
    QCOMPARE(s.step, ActivityStatistics::Step::Day);
    int seriesDays = 0;
    for (const PausedBucket &b : s.paused)
        seriesDays += b.paused;
    int reportDays = 0;
    for (const MentorActivity &m : s.mentors)
        reportDays += m.pausedDays;
    QCOMPARE(seriesDays, reportDays);
    QCOMPARE(reportDays, 14 + 14 + 5);
}

// A mentor is paused on a day exactly when its latest record on or before that day (by effective
// date, then sent_at) is an activation: the rule of current_status. Random histories, checked day
// by day against that rule.
void TestStatisticsService::matchesTheLatestRecordRule()
{
    QRandomGenerator rng(20250101);
    const QStringList mentors{kMentorA1, kMentorA2, kMentorA3};
    struct Event
    {
        QDate on;
        EventType type;
    };
    QHash<QString, QList<Event>> history;
    for (const QString &mentor : mentors) {
        for (int i = 0; i < 25; ++i) {
            const Event e{d(2024, 11, 1).addDays(rng.bounded(500)),
                          rng.bounded(3) == 0 ? EventType::PauseDeactivated : EventType::PauseActivated};
            // Sorted by sent_at, which is the order of adding.
            history[mentor] << e;
            add(mentor, e.type, e.on);
        }
    }
    const QDate from = d(2025, 1, 1);
    const QDate to = d(2025, 12, 31);
    const ActivityStatistics s = stats(orgAdminA(), period(from, to));
    QList<int> perDay(int(from.daysTo(to)) + 1, 0);
    for (const QString &mentor : mentors) {
        int paused = 0;
        for (QDate day = from; day <= to; day = day.addDays(1)) {
            // The latest by effective date, ties by the later sent_at (added later).
            std::optional<Event> latest;
            for (const Event &e : history.value(mentor))
                if (e.on <= day && (!latest || e.on >= latest->on))
                    latest = e;
            if (latest && latest->type == EventType::PauseActivated) {
                ++paused;
                ++perDay[from.daysTo(day)];
            }
        }
        const auto row = rowOf(s, mentor);
        QVERIFY(row);
        QCOMPARE(row->pausedDays, paused);
        QCOMPARE(row->activeDays, 365 - paused);
    }
    QCOMPARE(s.step, ActivityStatistics::Step::Week);
    for (const PausedBucket &b : s.paused) {
        int peak = 0;
        for (QDate day = b.first; day <= b.last; day = day.addDays(1))
            peak = std::max(peak, perDay.at(from.daysTo(day)));
        QCOMPARE(b.paused, peak);
    }
}

// ---- errors and size ------------------------------------------------------------------------------

void TestStatisticsService::validation()
{
    QCOMPARE(test::codeOf(m_service->activity(orgAdminA(), period(d(2025, 2, 1), d(2025, 1, 31)))),
             QStringLiteral("invalid"));
    QCOMPARE(test::codeOf(m_service->activity(orgAdminA(), period(QDate(), d(2025, 1, 31)))),
             QStringLiteral("invalid"));
    QCOMPARE(test::codeOf(m_service->activity(orgAdminA(), period(d(2025, 1, 31), QDate()))),
             QStringLiteral("invalid"));
    QCOMPARE(test::codeOf(m_service->activity(orgAdminA(), period(d(1900, 1, 1), d(2025, 1, 31)))),
             QStringLiteral("invalid"));
    // One day is a period.
    const auto one = m_service->activity(orgAdminA(), period(d(2025, 1, 31), d(2025, 1, 31)));
    QVERIFY2(one.ok(), why(one));
    QCOMPARE(one->paused.size(), 1);
    QCOMPARE(one->events.size(), 1);
    QCOMPARE(rowOf(*one, kMentorA1)->activeDays, 1);
}

void TestStatisticsService::cancelStops()
{
    activate(kMentorA1, d(2025, 6, 1));
    int calls = 0;
    const auto r = m_service->activity(orgAdminA(), year2025(), [&](qint64, qint64) {
        ++calls;
        return false;
    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, StatisticsService::cancelled().code);
    QVERIFY(calls > 0);
}

// Thousands of records in one scan: progress is reported with the kept count as total and the
// numbers add up.
void TestStatisticsService::readsManyRecords()
{
    constexpr int kMentors = 40;
    constexpr int kPausesEach = 120; // 9 600 records
    QList<NotificationRecord> batch;
    for (int m = 0; m < kMentors; ++m) {
        const QString id = QStringLiteral("pm-bulk-%1").arg(m, 3, 10, QLatin1Char('0'));
        addMentor(id, m % 2 ? kCoordA1 : kCoordA2, QStringLiteral("Bulk %1").arg(m, 3, 10, QLatin1Char('0')),
                  kCreated);
        for (int p = 0; p < kPausesEach; ++p) {
            for (EventType type : {EventType::PauseActivated, EventType::PauseDeactivated}) {
                NotificationRecord r;
                r.id = QStringLiteral("nr_bulk_%1_%2_%3").arg(m).arg(p).arg(int(type));
                r.orgId = kOrgA;
                r.peerMentorId = id;
                r.coordinatorId = m % 2 ? kCoordA1 : kCoordA2;
                r.eventType = type;
                // Pause p: 3 paused days starting on day 5p of 2024-07-01.
                const QDate on = d(2024, 7, 1).addDays(5 * p + (type == EventType::PauseActivated ? 0 : 3));
                r.effectiveDate = QDateTime(on, QTime(0, 0), Qt::UTC);
                r.channels = {QStringLiteral("push")};
                r.createdBy = QStringLiteral("bulk");
                r.sentAt = QDateTime(on, QTime(8, 0), Qt::UTC);
                r.updatedAt = r.sentAt;
                batch << r;
            }
        }
    }
    {
        Transaction tx(m_database->db());
        QVERIFY2(tx.begun().ok(), "begin");
        QVERIFY(RecordRepository(m_database->db()).insertBatch(batch).ok());
        QVERIFY(tx.commit().ok());
    }
    qint64 lastDone = 0;
    qint64 lastTotal = 0;
    const auto r = m_service->activity(orgAdminA(), period(d(2024, 7, 1), d(2025, 6, 30)),
                                       [&](qint64 done, qint64 total) {
                                           lastDone = done;
                                           lastTotal = total;
                                           return true;
                                       });
    QVERIFY2(r.ok(), why(r));
    // 2024-07-01 + 5p for p < 120 reaches 2026-03: pauses starting up to 2025-06-30 (day 364) count:
    // p = 0..72 (day 360, paused 360–362); 73 pauses of 3 days. Records after the period are not
    // read: 73 activations and 73 deactivations per mentor, plus one row for each of the three
    // mentors of init() without records.
    QCOMPARE(lastDone, qint64(kMentors * 73 * 2 + 3));
    QCOMPARE(lastTotal, lastDone);
    int checked = 0;
    for (const MentorActivity &m : r->mentors) {
        if (!m.peerMentorId.startsWith(QLatin1String("pm-bulk-")))
            continue;
        QCOMPARE(m.pauses, 73);
        QCOMPARE(m.pausedDays, 73 * 3);
        QCOMPARE(m.activeDays, 365 - 73 * 3);
        ++checked;
    }
    QCOMPARE(checked, kMentors);
}

CC_DATABASE_TEST_MAIN(TestStatisticsService)
#include "tst_statisticsservice.moc"
