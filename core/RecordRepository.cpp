#include "core/RecordRepository.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cc {

namespace {

// RecordColumns::Summary: what a list item shows, without the coordinator to join. The full
// columns start with the same ones, so that one reader serves both.
const QString kSummaryColumns = QStringLiteral(
    "r.id, r.org_id, r.peer_mentor_id, m.name, r.event_type, r.effective_date, r.coordinator_id, r.channels, "
    "r.sent_at");
const QString kColumns = kSummaryColumns
    + QStringLiteral(", r.reason, c.name, r.dispatch_ids, r.notes, r.created_by, r.updated_at");
constexpr int kSummaryColumnCount = 9;
constexpr int kColumnCount = 15;
const QString kSummaryFrom =
    QStringLiteral(" FROM notification_records r JOIN peer_mentors m ON m.id = r.peer_mentor_id");
const QString kFrom = kSummaryFrom + QStringLiteral(" JOIN coordinators c ON c.id = r.coordinator_id");

NotificationRecord summaryFrom(const Query &q)
{
    NotificationRecord r;
    r.id = q.value(0).toString();
    r.orgId = q.value(1).toString();
    r.peerMentorId = q.value(2).toString();
    r.peerMentorName = q.value(3).toString();
    r.eventType = eventTypeFromName(q.value(4).toString()).value_or(EventType::PauseActivated);
    r.effectiveDate = timeFrom(q.value(5));
    r.coordinatorId = q.value(6).toString();
    r.channels = splitList(q.value(7).toString());
    r.sentAt = timeFrom(q.value(8));
    return r;
}

NotificationRecord recordFrom(const Query &q)
{
    NotificationRecord r = summaryFrom(q);
    if (!q.value(9).isNull())
        r.reason = q.value(9).toString();
    r.coordinatorName = q.value(10).toString();
    r.dispatchIds = splitList(q.value(11).toString());
    if (!q.value(12).isNull())
        r.notes = q.value(12).toString();
    r.createdBy = q.value(13).toString();
    r.updatedAt = timeFrom(q.value(14));
    return r;
}

// The conditions of a filter; the leading column of each branch matches an index.
QStringList conditionsOf(const RecordFilter &f)
{
    // A mentor's records are few: walk idx_records_mentor_org_sent (idx_records_mentor_sent
    // without an organisation) and test the rest on its rows.
    // Without statistics SQLite would rather take the organisation's event index (two equal
    // columns) and skip through every record of the organisation to find the mentor's; written
    // as `column || ''` a condition cannot pick an index, on SQLite and PostgreSQL alike.
    const bool byMentor = !f.peerMentorId.isEmpty();
    const auto equal = [byMentor](const char *column, const char *name) -> QString {
        const QString c = QString::fromLatin1(column);
        const QString n = QString::fromLatin1(name);
        return (byMentor ? c + QStringLiteral(" || ''") : c) + QStringLiteral(" = ") + n;
    };
    QStringList parts;
    // The organisation is the second column of idx_records_mentor_org_sent: with a mentor it
    // narrows the index range (and the count reads the index alone).
    if (!f.orgId.isEmpty())
        parts << QStringLiteral("r.org_id = :org");
    if (byMentor)
        parts << QStringLiteral("r.peer_mentor_id = :mentor");
    if (!f.coordinatorId.isEmpty())
        parts << equal("r.coordinator_id", ":coord");
    if (f.eventType)
        parts << equal("r.event_type", ":event");
    if (f.from.isValid())
        parts << QStringLiteral("r.sent_at >= :from");
    if (f.to.isValid())
        parts << QStringLiteral("r.sent_at <= :to");
    return parts;
}

QString whereOf(const QStringList &conditions)
{
    return conditions.isEmpty() ? QString()
                                : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QString whereOf(const RecordFilter &f)
{
    return whereOf(conditionsOf(f));
}

// The filter a keyset page runs with. The bound of the date range on the side the list comes
// from is implied by the key (its row matched the filter): dropped, so the index range starts
// at the key instead of at the bound, with every row up to the key to skip.
RecordFilter keysetFilter(RecordFilter f, const std::optional<RecordKey> &after, RecordOrder order)
{
    if (after && order == RecordOrder::NewestFirst && f.to.isValid() && after->sentAt <= f.to)
        f.to = QDateTime();
    if (after && order == RecordOrder::OldestFirst && f.from.isValid() && after->sentAt >= f.from)
        f.from = QDateTime();
    return f;
}

void bindFilter(Query &q, const RecordFilter &f)
{
    if (!f.orgId.isEmpty())
        q.bind(QStringLiteral(":org"), f.orgId);
    if (!f.peerMentorId.isEmpty())
        q.bind(QStringLiteral(":mentor"), f.peerMentorId);
    if (!f.coordinatorId.isEmpty())
        q.bind(QStringLiteral(":coord"), f.coordinatorId);
    if (f.eventType)
        q.bind(QStringLiteral(":event"), eventTypeName(*f.eventType));
    if (f.from.isValid())
        q.bind(QStringLiteral(":from"), timeValue(f.from));
    if (f.to.isValid())
        q.bind(QStringLiteral(":to"), timeValue(f.to));
}

const QString kInsert = QStringLiteral(
    "INSERT INTO notification_records (id, org_id, peer_mentor_id, event_type, effective_date, reason, "
    "coordinator_id, channels, dispatch_ids, notes, created_by, sent_at, updated_at) VALUES "
    "(:id, :org, :mentor, :event, :effective, :reason, :coord, :channels, :dispatch, :notes, :by, :sent, "
    ":updated)");

void bindRecord(Query &q, const NotificationRecord &r)
{
    q.bind(QStringLiteral(":id"), r.id).bind(QStringLiteral(":org"), r.orgId);
    q.bind(QStringLiteral(":mentor"), r.peerMentorId)
        .bind(QStringLiteral(":event"), eventTypeName(r.eventType));
    q.bind(QStringLiteral(":effective"), timeValue(r.effectiveDate))
        .bind(QStringLiteral(":reason"), nullable(r.reason));
    q.bind(QStringLiteral(":coord"), r.coordinatorId).bind(QStringLiteral(":channels"), joinList(r.channels));
    q.bind(QStringLiteral(":dispatch"), joinList(r.dispatchIds))
        .bind(QStringLiteral(":notes"), nullable(r.notes));
    q.bind(QStringLiteral(":by"), r.createdBy).bind(QStringLiteral(":sent"), timeValue(r.sentAt));
    q.bind(QStringLiteral(":updated"), timeValue(r.updatedAt));
}

} // namespace

QString joinList(const QStringList &items)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
}

// joinList() writes compact JSON: most lists are plain strings without an escape, read here by
// hand (every record of every page has two); anything else is read by QJsonDocument.
static std::optional<QStringList> splitPlainList(QStringView text)
{
    if (text.size() < 2 || text.front() != QLatin1Char('[') || text.back() != QLatin1Char(']'))
        return std::nullopt;
    QStringList out;
    const qsizetype end = text.size() - 1;
    qsizetype i = 1;
    while (i < end) {
        if (text.at(i) != QLatin1Char('"'))
            return std::nullopt;
        const qsizetype close = text.indexOf(QLatin1Char('"'), i + 1);
        if (close < 0 || close >= end)
            return std::nullopt;
        const QStringView item = text.sliced(i + 1, close - i - 1);
        if (item.contains(QLatin1Char('\\')))
            return std::nullopt;
        out.append(item.toString());
        i = close + 1;
        if (i < end && (text.at(i) != QLatin1Char(',') || ++i == end))
            return std::nullopt;
    }
    return out;
}

QStringList splitList(const QString &stored)
{
    if (auto plain = splitPlainList(stored))
        return *plain;
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(stored.toUtf8()).array();
    for (const auto &v : array)
        out.append(v.toString());
    return out;
}

Status RecordRepository::addToCount(const NotificationRecord &kind, qint64 delta)
{
    // One upsert per table (SQLite and PostgreSQL alike): the kind's row is made on its first
    // record and changed after.
    Query byKind(m_db,
                 QStringLiteral("INSERT INTO record_counts (org_id, coordinator_id, event_type, total) "
                                "VALUES (:org, :coord, :event, :delta) "
                                "ON CONFLICT (org_id, coordinator_id, event_type) "
                                "DO UPDATE SET total = record_counts.total + excluded.total"));
    byKind.bind(QStringLiteral(":org"), kind.orgId).bind(QStringLiteral(":coord"), kind.coordinatorId);
    byKind.bind(QStringLiteral(":event"), eventTypeName(kind.eventType))
        .bind(QStringLiteral(":delta"), delta);
    if (auto s = byKind.exec(); !s)
        return s;
    Query byMentor(m_db,
                   QStringLiteral("INSERT INTO record_counts_by_mentor "
                                  "(org_id, peer_mentor_id, coordinator_id, event_type, total) "
                                  "VALUES (:org, :mentor, :coord, :event, :delta) "
                                  "ON CONFLICT (peer_mentor_id, org_id, coordinator_id, event_type) "
                                  "DO UPDATE SET total = record_counts_by_mentor.total + excluded.total"));
    byMentor.bind(QStringLiteral(":org"), kind.orgId).bind(QStringLiteral(":mentor"), kind.peerMentorId);
    byMentor.bind(QStringLiteral(":coord"), kind.coordinatorId);
    byMentor.bind(QStringLiteral(":event"), eventTypeName(kind.eventType))
        .bind(QStringLiteral(":delta"), delta);
    return byMentor.exec();
}

Status RecordRepository::insert(const NotificationRecord &record)
{
    Query q(m_db, kInsert);
    bindRecord(q, record);
    if (auto s = q.exec(); !s)
        return s;
    return addToCount(record, 1);
}

Status RecordRepository::insertBatch(const QList<NotificationRecord> &records)
{
    // Many rows per statement: bulk loads (demo data, imports) go several times faster.
    constexpr qsizetype kRowsPerStatement = 64;
    const QString columns = kInsert.left(kInsert.indexOf(QLatin1String(" VALUES")));
    auto statement = [&columns](qsizetype rows) -> QString {
        QStringList values(rows, QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        return columns + QStringLiteral(" VALUES ") + values.join(QStringLiteral(", "));
    };
    std::optional<Query> full;
    // One count change per mentor and kind of record, not one per record.
    QHash<QString, QPair<NotificationRecord, qint64>> added;
    for (qsizetype start = 0; start < records.size(); start += kRowsPerStatement) {
        const qsizetype rows = qMin(kRowsPerStatement, records.size() - start);
        std::optional<Query> partial;
        if (rows == kRowsPerStatement && !full)
            full.emplace(m_db, statement(rows));
        else if (rows != kRowsPerStatement)
            partial.emplace(m_db, statement(rows));
        Query &q = rows == kRowsPerStatement ? *full : *partial;
        for (qsizetype i = start; i < start + rows; ++i) {
            const NotificationRecord &r = records.at(i);
            q.add(r.id)
                .add(r.orgId)
                .add(r.peerMentorId)
                .add(eventTypeName(r.eventType))
                .add(timeValue(r.effectiveDate));
            q.add(nullable(r.reason))
                .add(r.coordinatorId)
                .add(joinList(r.channels))
                .add(joinList(r.dispatchIds));
            q.add(nullable(r.notes)).add(r.createdBy).add(timeValue(r.sentAt)).add(timeValue(r.updatedAt));
            auto &entry = added[r.orgId + QLatin1Char('\n') + r.peerMentorId + QLatin1Char('\n')
                                + r.coordinatorId + QLatin1Char('\n') + eventTypeName(r.eventType)];
            entry.first = r;
            ++entry.second;
        }
        if (auto s = q.exec(); !s)
            return s;
    }
    for (const auto &[kind, count] : std::as_const(added))
        if (auto s = addToCount(kind, count); !s)
            return s;
    return {};
}

Result<std::optional<NotificationRecord>> RecordRepository::record(const QString &id, bool forUpdate)
{
    // SQLite's write transaction (BEGIN IMMEDIATE) already excludes other writers; PostgreSQL's
    // READ COMMITTED does not, so the row is locked there.
    const bool lock = forUpdate && !m_db.isSqlite();
    Query q(m_db,
            QStringLiteral("SELECT ") + kColumns + kFrom + QStringLiteral(" WHERE r.id = :id")
                + (lock ? QStringLiteral(" FOR UPDATE OF r") : QString()));
    q.bind(QStringLiteral(":id"), id);
    return fetchOne<NotificationRecord>(q, recordFrom);
}

Status RecordRepository::updateMetadata(const QString &id, const QStringList &channels,
                                        const std::optional<QString> &notes, const QDateTime &updatedAt)
{
    Query q(m_db,
            QStringLiteral("UPDATE notification_records SET channels = :channels, notes = :notes, "
                           "updated_at = :at WHERE id = :id"));
    q.bind(QStringLiteral(":channels"), joinList(channels)).bind(QStringLiteral(":notes"), nullable(notes));
    q.bind(QStringLiteral(":at"), timeValue(updatedAt)).bind(QStringLiteral(":id"), id);
    return q.exec();
}

Result<bool> RecordRepository::remove(const NotificationRecord &record)
{
    Query q(m_db, QStringLiteral("DELETE FROM notification_records WHERE id = :id"));
    q.bind(QStringLiteral(":id"), record.id);
    if (auto s = q.exec(); !s)
        return s.error();
    if (q.numRowsAffected() <= 0)
        return false;
    if (auto s = addToCount(record, -1); !s)
        return s.error();
    return true;
}

QString RecordRepository::listSql(const RecordFilter &filter, int offset, RecordColumns columns,
                                  bool withTotal, const QString &along)
{
    const bool all = columns == RecordColumns::All;
    // The total and the number read along, when asked for, are the last columns: subqueries that
    // do not depend on the row, run once for the statement.
    const QString select = QStringLiteral("SELECT ") + (all ? kColumns : kSummaryColumns)
        + (withTotal ? QStringLiteral(", (") + countSql(filter) + QLatin1Char(')') : QString())
        + (along.isEmpty() ? QString() : QStringLiteral(", ") + along) + (all ? kFrom : kSummaryFrom);
    if (offset < kSkipInIndexFrom)
        return select + whereOf(filter)
            + QStringLiteral(" ORDER BY r.sent_at DESC, r.id DESC LIMIT :limit OFFSET :offset");
    // The rows to skip are counted in the index alone (its entries hold sent_at and id), and only
    // the page's rows are read and joined: page 1000 costs little more than page 1.
    return select + QStringLiteral(" WHERE r.id IN (SELECT r.id FROM notification_records r")
        + whereOf(filter)
        + QStringLiteral(" ORDER BY r.sent_at DESC, r.id DESC LIMIT :limit OFFSET :offset)"
                         " ORDER BY r.sent_at DESC, r.id DESC");
}

Result<QList<NotificationRecord>> RecordRepository::list(const RecordFilter &filter, int offset, int limit,
                                                         RecordColumns columns, qint64 *total,
                                                         ScalarRead *along)
{
    // A page or a window: as many rows as the caller bounds it to, read at once.
    Query q(m_db, listSql(filter, offset, columns, total != nullptr, along ? along->sql : QString()),
            Query::Rows::AtOnce);
    bindFilter(q, filter);
    q.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset);
    if (along)
        along->bindTo(q);
    const auto map = columns == RecordColumns::All ? recordFrom : summaryFrom;
    if (auto s = q.exec(); !s)
        return s.error();
    QList<NotificationRecord> out;
    const int totalColumn = columns == RecordColumns::All ? kColumnCount : kSummaryColumnCount;
    const int alongColumn = total ? totalColumn + 1 : totalColumn;
    while (q.next()) {
        out.append(map(q));
        if (total)
            *total = q.value(totalColumn).toLongLong();
        if (along)
            along->value = q.value(alongColumn).toLongLong();
    }
    if (out.isEmpty() && total) {
        // No row to carry the total: past the last page it is counted on its own; on the first
        // page there is nothing to count.
        if (offset == 0) {
            *total = 0;
        } else {
            auto counted = count(filter);
            if (!counted)
                return counted.error();
            *total = *counted;
        }
    }
    return out;
}

QString RecordRepository::listAfterSql(const RecordFilter &filter, const std::optional<RecordKey> &after,
                                       RecordOrder order)
{
    const bool newestFirst = order == RecordOrder::NewestFirst;
    QStringList conditions = conditionsOf(keysetFilter(filter, after, order));
    // A row value: both databases walk the (…, sent_at, id) index from the key on.
    if (after)
        conditions << (newestFirst ? QStringLiteral("(r.sent_at, r.id) < (:after_sent, :after_id)")
                                   : QStringLiteral("(r.sent_at, r.id) > (:after_sent, :after_id)"));
    return QStringLiteral("SELECT ") + kColumns + kFrom + whereOf(conditions)
        + (newestFirst ? QStringLiteral(" ORDER BY r.sent_at DESC, r.id DESC")
                       : QStringLiteral(" ORDER BY r.sent_at, r.id"))
        + QStringLiteral(" LIMIT :limit");
}

Result<QList<NotificationRecord>> RecordRepository::listAfter(const RecordFilter &filter,
                                                              const std::optional<RecordKey> &after,
                                                              int limit, RecordOrder order)
{
    Query q(m_db, listAfterSql(filter, after, order));
    bindFilter(q, keysetFilter(filter, after, order));
    if (after)
        q.bind(QStringLiteral(":after_sent"), timeValue(after->sentAt))
            .bind(QStringLiteral(":after_id"), after->id);
    q.bind(QStringLiteral(":limit"), limit);
    return fetchAll<NotificationRecord>(q, recordFrom);
}

QString RecordRepository::countSql(const RecordFilter &filter)
{
    if (!filter.from.isValid() && !filter.to.isValid()) {
        // Kept up to date by every insert and delete: a sum over a few rows, no counting. A
        // mentor's from the counts by mentor, everyone else's from the counts by kind.
        const bool byMentor = !filter.peerMentorId.isEmpty();
        QStringList where;
        if (byMentor)
            where << QStringLiteral("peer_mentor_id = :mentor");
        if (!filter.orgId.isEmpty())
            where << QStringLiteral("org_id = :org");
        if (!filter.coordinatorId.isEmpty())
            where << QStringLiteral("coordinator_id = :coord");
        if (filter.eventType)
            where << QStringLiteral("event_type = :event");
        return QStringLiteral("SELECT COALESCE(SUM(total), 0) FROM ")
            + (byMentor ? QStringLiteral("record_counts_by_mentor") : QStringLiteral("record_counts"))
            + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")));
    }
    return QStringLiteral("SELECT COUNT(*) FROM notification_records r") + whereOf(filter);
}

Result<qint64> RecordRepository::count(const RecordFilter &filter)
{
    Query q(m_db, countSql(filter));
    bindFilter(q, filter);
    if (auto s = q.exec(); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<QList<NotificationRecord>> RecordRepository::history(const QString &peerMentorId)
{
    Query q(m_db,
            QStringLiteral("SELECT ") + kColumns + kFrom
                + QStringLiteral(" WHERE r.peer_mentor_id = :mentor ORDER BY r.sent_at DESC, r.id DESC"));
    q.bind(QStringLiteral(":mentor"), peerMentorId);
    return fetchAll<NotificationRecord>(q, recordFrom);
}

Result<std::optional<NotificationRecord>> RecordRepository::latestOfType(const QString &peerMentorId,
                                                                         EventType eventType)
{
    Query q(m_db,
            QStringLiteral("SELECT ") + kColumns + kFrom
                + QStringLiteral(" WHERE r.peer_mentor_id = :mentor AND r.event_type || '' = :event "
                                 "ORDER BY r.sent_at DESC, r.id DESC LIMIT 1"));
    q.bind(QStringLiteral(":mentor"), peerMentorId).bind(QStringLiteral(":event"), eventTypeName(eventType));
    return fetchOne<NotificationRecord>(q, recordFrom);
}

Result<std::optional<NotificationRecord>> RecordRepository::latestEffective(const QString &peerMentorId,
                                                                            const QDateTime &asOf)
{
    Query q(m_db,
            QStringLiteral("SELECT ") + kColumns + kFrom
                + QStringLiteral(" WHERE r.peer_mentor_id = :mentor AND r.effective_date <= :asof "
                                 "ORDER BY r.effective_date DESC, r.sent_at DESC, r.id DESC LIMIT 1"));
    q.bind(QStringLiteral(":mentor"), peerMentorId).bind(QStringLiteral(":asof"), timeValue(asOf));
    return fetchOne<NotificationRecord>(q, recordFrom);
}

Result<QList<PeerMentorProfile>> RecordRepository::currentStatuses(const QString &orgId,
                                                                   const QDateTime &asOf)
{
    // The same rule as latestEffective(), as a correlated subquery per mentor that walks
    // idx_records_mentor_effective backwards and stops at the first row.
    QString sql = QStringLiteral(
        "SELECT m.id, m.org_id, m.coordinator_id, m.name, m.email, m.phone, m.created_at, "
        "r.event_type, r.effective_date FROM peer_mentors m "
        "LEFT JOIN notification_records r ON r.id = ("
        "SELECT l.id FROM notification_records l WHERE l.peer_mentor_id = m.id AND l.effective_date <= :asof "
        "ORDER BY l.effective_date DESC, l.sent_at DESC, l.id DESC LIMIT 1)");
    if (!orgId.isEmpty())
        sql += QStringLiteral(" WHERE m.org_id = :org");
    sql += QStringLiteral(" ORDER BY m.name, m.id");
    Query q(m_db, sql);
    q.bind(QStringLiteral(":asof"), timeValue(asOf));
    if (!orgId.isEmpty())
        q.bind(QStringLiteral(":org"), orgId);
    return fetchAll<PeerMentorProfile>(q, [](const Query &row) {
        PeerMentorProfile p;
        p.mentor = PeerMentor{row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                              row.value(3).toString(), row.value(4).toString(), row.value(5).toString(),
                              timeFrom(row.value(6))};
        if (eventTypeFromName(row.value(7).toString()) == EventType::PauseActivated) {
            p.status = PauseStatus::Paused;
            p.pauseStartDate = timeFrom(row.value(8));
        }
        return p;
    });
}

} // namespace cc
