#pragma once

#include "core/Database.h"
#include "core/Records.h"

#include <QDate>

#include <functional>
#include <optional>

namespace cc {

// One row of the statistics scan: a peer mentor and, when it has one, one of its records.
struct ActivityRow
{
    QString peerMentorId;
    QString peerMentorName;
    QString coordinatorId; // the mentor's coordinator (may be empty)
    QString coordinatorName;
    QDate createdOn;                // UTC date of the mentor's created_at
    std::optional<EventType> event; // none: the mentor has no record before `until`
    QDate effectiveOn;              // the record's effective date (a calendar day)
};

// Reads what the statistics need from peer mentors and their notification records in ONE ordered,
// forward-only pass over only the needed columns: no per-mentor queries, nothing held in memory
// beyond the current row, whatever the number of records.
class StatisticsRepository
{
public:
    explicit StatisticsRepository(Database &db)
        : m_db(db)
    {}

    // Answers false to stop the scan (cancelled).
    using Visitor = std::function<bool(const ActivityRow &row)>;

    // Every mentor of `orgId` (empty: every organisation), only those of `coordinatorId` when it is
    // given, each followed by its records whose effective date is before `until` (a day, exclusive),
    // ordered by mentor name and id, then effective date, sent_at and id. A mentor without such records comes
    // once with no event. Answers false when the visitor stopped the scan.
    Result<bool> scan(const QString &orgId, const QString &coordinatorId, const QDate &until,
                      const Visitor &visit);

    // How many records scan() may read for `orgId` (empty: all), from the kept counts: for progress.
    Result<qint64> estimatedRecords(const QString &orgId);

private:
    Database &m_db;
};

} // namespace cc
