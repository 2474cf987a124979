#include "core/StatisticsRepository.h"

namespace cc {

namespace {

// The UTC calendar day of a stored time ("2026-03-19T00:00:00.000Z"): its first ten characters.
// Parsed by hand: the scan may read a million of them.
QDate dayOf(const QVariant &value)
{
    const QString text = value.toString();
    if (text.size() < 10 || text.at(4) != QLatin1Char('-') || text.at(7) != QLatin1Char('-'))
        return {};
    const QStringView view(text);
    return QDate(view.first(4).toInt(), view.sliced(5, 2).toInt(), view.sliced(8, 2).toInt());
}

} // namespace

Result<bool> StatisticsRepository::scan(const QString &orgId, const QString &coordinatorId,
                                        const QDate &until, const Visitor &visit)
{
    // Mentors come by idx_peer_mentors_org (org_id, name) and each mentor's records by
    // idx_records_mentor_effective (peer_mentor_id, effective_date, sent_at): the rows come out in
    // the order asked for, and only ties need sorting, never the whole result.
    QString sql = QStringLiteral(
        "SELECT m.id, m.name, m.coordinator_id, c.name, m.created_at, r.event_type, r.effective_date "
        "FROM peer_mentors m "
        "LEFT JOIN coordinators c ON c.id = m.coordinator_id "
        "LEFT JOIN notification_records r ON r.peer_mentor_id = m.id AND r.effective_date < :until");
    QStringList where;
    if (!orgId.isEmpty())
        where << QStringLiteral("m.org_id = :org");
    if (!coordinatorId.isEmpty())
        where << QStringLiteral("m.coordinator_id = :coord");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY m.name, m.id, r.effective_date, r.sent_at, r.id");

    Query q(m_db, sql);
    q.bind(QStringLiteral(":until"), timeValue(QDateTime(until, QTime(0, 0), Qt::UTC)));
    if (!orgId.isEmpty())
        q.bind(QStringLiteral(":org"), orgId);
    if (!coordinatorId.isEmpty())
        q.bind(QStringLiteral(":coord"), coordinatorId);
    if (auto s = q.exec(); !s)
        return s.error();

    ActivityRow row;
    while (q.next()) {
        const QString mentorId = q.value(0).toString();
        if (mentorId != row.peerMentorId) {
            // A new mentor: read its columns once, not once per record.
            row.peerMentorId = mentorId;
            row.peerMentorName = q.value(1).toString();
            row.coordinatorId = q.value(2).toString();
            row.coordinatorName = q.value(3).toString();
            row.createdOn = dayOf(q.value(4));
        }
        const QVariant event = q.value(5);
        row.event = event.isNull() ? std::nullopt : eventTypeFromName(event.toString());
        row.effectiveOn = row.event ? dayOf(q.value(6)) : QDate();
        if (!visit(row))
            return false;
    }
    return true;
}

Result<qint64> StatisticsRepository::estimatedRecords(const QString &orgId)
{
    Query q(m_db,
            QStringLiteral("SELECT COALESCE(SUM(total), 0) FROM record_counts")
                + (orgId.isEmpty() ? QString() : QStringLiteral(" WHERE org_id = :org")));
    if (!orgId.isEmpty())
        q.bind(QStringLiteral(":org"), orgId);
    if (auto s = q.exec(); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace cc
