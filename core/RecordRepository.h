#pragma once

#include "core/Database.h"
#include "core/Records.h"

namespace cc {

// The order of a list of records: by (sent_at, id), newest or oldest first.
enum class RecordOrder
{
    NewestFirst,
    OldestFirst
};

// A place in a list of records: the (sent_at, id) of a row. A keyset page starts right after it,
// so a page deep down the list costs what the first one does (no OFFSET rows to skip).
struct RecordKey
{
    QDateTime sentAt;
    QString id;
};

// What a list reads of each record: every column, or what a list item shows (id, organisation,
// mentor and their name, event type, effective date, coordinator id, channels and sent_at; the
// rest stays empty).
enum class RecordColumns
{
    All,
    Summary
};

// Notification records. Every list query walks an index in (scope, sent_at DESC, id DESC) order.
class RecordRepository
{
public:
    explicit RecordRepository(Database &db)
        : m_db(db)
    {}

    // Writes change the per-organisation count too: call them inside a transaction.
    Status insert(const NotificationRecord &record);
    // Inserts many records in one statement each, inside the caller's transaction (demo data).
    Status insertBatch(const QList<NotificationRecord> &records);
    // `forUpdate` (inside a write transaction): lock the row until the transaction ends, so a
    // check on what was read (If-Match) still holds when the change is written.
    Result<std::optional<NotificationRecord>> record(const QString &id, bool forUpdate = false);
    Status updateMetadata(const QString &id, const QStringList &channels, const std::optional<QString> &notes,
                          const QDateTime &updatedAt);
    Result<bool> remove(const NotificationRecord &record);

    // `filter.orgId` empty means every organisation. `total`, when given, receives count(filter),
    // read by the same statement (one round trip to PostgreSQL for a page and its total). So is
    // `along` (the API's change number), when given; its value stays unset on an empty page.
    Result<QList<NotificationRecord>> list(const RecordFilter &filter, int offset, int limit,
                                           RecordColumns columns = RecordColumns::All,
                                           qint64 *total = nullptr, ScalarRead *along = nullptr);
    // From this offset on, list() skips the rows before its page in the index alone; below it the
    // rows are read straight away (fewer lookups for the first pages, which most requests ask).
    static constexpr int kSkipInIndexFrom = 40;
    // The SQL list() runs at `offset`, with its :name placeholders (the tests ask for its plan).
    // `withTotal`: count(filter) as the next column; then `along`, when not empty.
    static QString listSql(const RecordFilter &filter, int offset, RecordColumns columns = RecordColumns::All,
                           bool withTotal = false, const QString &along = {});
    // Up to `limit` records after `after` in `order` (from the first one without `after`).
    Result<QList<NotificationRecord>> listAfter(const RecordFilter &filter,
                                                const std::optional<RecordKey> &after, int limit,
                                                RecordOrder order);
    // The SQL listAfter() runs, with its :name placeholders (the tests ask for its plan).
    static QString listAfterSql(const RecordFilter &filter, const std::optional<RecordKey> &after,
                                RecordOrder order);
    Result<qint64> count(const RecordFilter &filter);
    // The SQL count() runs: from the kept counts where they answer the filter, else a COUNT.
    static QString countSql(const RecordFilter &filter);
    // Newest sent_at first.
    Result<QList<NotificationRecord>> history(const QString &peerMentorId);
    // The mentor's latest record (by sent_at) of `eventType`, if any.
    Result<std::optional<NotificationRecord>> latestOfType(const QString &peerMentorId, EventType eventType);
    // The latest record by effective_date (ties: latest sent_at) with effective_date <= asOf.
    Result<std::optional<NotificationRecord>> latestEffective(const QString &peerMentorId,
                                                              const QDateTime &asOf);
    // Every mentor of organisation `orgId` (empty: of every organisation), by name, with the status
    // its latestEffective() record gives as of `asOf`: one query, whatever the number of mentors.
    Result<QList<PeerMentorProfile>> currentStatuses(const QString &orgId, const QDateTime &asOf);

    // Changes the kept counts of records of `kind`'s organisation, coordinator and event type, and
    // of its mentor with those: by every insert and delete of records, here and elsewhere.
    Status addToCount(const NotificationRecord &kind, qint64 delta);

private:
    Database &m_db;
};

QString joinList(const QStringList &items); // stored form of channels and dispatch ids
QStringList splitList(const QString &stored);

} // namespace cc
