#include "core/PersonalDataRepository.h"

#include "core/RecordRepository.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

namespace cc {

namespace {

// `text` as a LIKE pattern that matches it anywhere, with "\" as the escape character.
QString containsPattern(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    text.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + text + QLatin1Char('%');
}

// The records of :org sent before :cutoff that a retention rule deletes: not a pause that is the
// latest record of its mentor (by effective date, then sent_at and id), as she is still paused.
const QString kOldRecords = QStringLiteral(
    " FROM notification_records WHERE org_id = :org AND sent_at < :cutoff AND NOT (event_type = "
    "'pause_activated' AND NOT EXISTS (SELECT 1 FROM notification_records l WHERE l.peer_mentor_id = "
    "notification_records.peer_mentor_id AND (l.effective_date > notification_records.effective_date "
    "OR (l.effective_date = notification_records.effective_date AND (l.sent_at > "
    "notification_records.sent_at OR (l.sent_at = notification_records.sent_at AND l.id > "
    "notification_records.id))))))");

std::optional<int> optionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
}

QVariant intOrNull(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

} // namespace

Result<QList<AuditEntry>> PersonalDataRepository::auditAbout(const QString &peerMentorId)
{
    // A deleted record's entry names the event and the mentor ("pause_activated pm_…"): its other
    // entries are about her too.
    Query q(m_db,
            QStringLiteral(
                "SELECT id, at, user_id, username, org_id, action, entity, entity_id, detail FROM audit_log "
                "WHERE (entity = 'peer_mentor' AND entity_id = :mentor) "
                "OR (entity = 'notification_record' AND (entity_id IN "
                "(SELECT id FROM notification_records WHERE peer_mentor_id = :mentor2) "
                "OR entity_id IN (SELECT entity_id FROM audit_log WHERE entity = 'notification_record' "
                "AND action = 'record.delete' AND (detail = :deleted_pause OR detail = :deleted_resume)))) "
                "ORDER BY at, id"));
    q.bind(QStringLiteral(":mentor"), peerMentorId).bind(QStringLiteral(":mentor2"), peerMentorId);
    const QString deletedPause = eventTypeName(EventType::PauseActivated) + QLatin1Char(' ') + peerMentorId;
    const QString deletedResume =
        eventTypeName(EventType::PauseDeactivated) + QLatin1Char(' ') + peerMentorId;
    q.bind(QStringLiteral(":deleted_pause"), deletedPause)
        .bind(QStringLiteral(":deleted_resume"), deletedResume);
    return fetchAll<AuditEntry>(q, [](const Query &r) {
        return AuditEntry{r.value(0).toString(), timeFrom(r.value(1)),  r.value(2).toString(),
                          r.value(3).toString(), r.value(4).toString(), r.value(5).toString(),
                          r.value(6).toString(), r.value(7).toString(), r.value(8).toString()};
    });
}

Status PersonalDataRepository::anonymiseMentor(const QString &peerMentorId, const QString &anonymousName,
                                               const QDateTime &at)
{
    Query q(
        m_db,
        QStringLiteral("UPDATE peer_mentors SET name = :name, email = NULL, phone = NULL, "
                       "deactivated_at = COALESCE(deactivated_at, :at), erased_at = :at2 WHERE id = :id"));
    q.bind(QStringLiteral(":name"), anonymousName).bind(QStringLiteral(":at"), timeValue(at));
    q.bind(QStringLiteral(":at2"), timeValue(at)).bind(QStringLiteral(":id"), peerMentorId);
    return q.exec();
}

Result<int> PersonalDataRepository::clearRecords(const QString &peerMentorId, const QDateTime &at)
{
    Query q(
        m_db,
        QStringLiteral("UPDATE notification_records SET reason = NULL, notes = NULL, dispatch_ids = :none, "
                       "updated_at = :at WHERE peer_mentor_id = :mentor"));
    q.bind(QStringLiteral(":none"), joinList({})).bind(QStringLiteral(":at"), timeValue(at));
    q.bind(QStringLiteral(":mentor"), peerMentorId);
    if (auto s = q.exec(); !s)
        return s.error();
    return q.numRowsAffected();
}

const QList<PersonalDataRepository::TextColumn> &PersonalDataRepository::textColumns()
{
    const QStringList id{QStringLiteral("id")};
    const QString org = QStringLiteral("org_id");
    static const QList<TextColumn> columns{
        {QStringLiteral("audit_log"), id, QStringLiteral("detail"), org},
        {QStringLiteral("notification_records"), id, QStringLiteral("reason"), org},
        {QStringLiteral("notification_records"), id, QStringLiteral("notes"), org},
        {QStringLiteral("built_payloads"), id, QStringLiteral("title"), org},
        {QStringLiteral("built_payloads"), id, QStringLiteral("body"), org},
        {QStringLiteral("built_payloads"), id, QStringLiteral("peer_mentor_name"), org},
        {QStringLiteral("idempotency_keys"),
         {QStringLiteral("user_id"), QStringLiteral("idem_key")},
         QStringLiteral("body"),
         {}},
    };
    return columns;
}

Result<QList<PersonalDataRepository::TextCell>>
PersonalDataRepository::cellsContaining(const TextColumn &column, const QString &orgId,
                                        const QStringList &needles)
{
    // PostgreSQL's ILIKE ignores the case of every letter; SQLite's LIKE only that of A to Z, so
    // it is asked for the lower- and upper-case forms too ("åse" and "ÅSE" for "Åse").
    QStringList patterns;
    QSet<QString> seen;
    for (const QString &needle : needles) {
        if (needle.isEmpty())
            continue;
        const QStringList forms =
            m_db.isSqlite() ? QStringList{needle, needle.toLower(), needle.toUpper()} : QStringList{needle};
        for (const QString &form : forms) {
            if (!seen.contains(form)) {
                seen.insert(form);
                patterns << containsPattern(form);
            }
        }
    }
    if (patterns.isEmpty())
        return QList<TextCell>();
    const QString like = m_db.isSqlite() ? QStringLiteral(" LIKE ") : QStringLiteral(" ILIKE ");
    QStringList matches;
    for (qsizetype i = 0; i < patterns.size(); ++i)
        matches << column.column + like + QStringLiteral(":p%1 ESCAPE '\\'").arg(i);
    QString sql = QStringLiteral("SELECT ") + column.key.join(QStringLiteral(", ")) + QStringLiteral(", ")
        + column.column + QStringLiteral(" FROM ") + column.table + QStringLiteral(" WHERE ") + column.column
        + QStringLiteral(" IS NOT NULL AND (") + matches.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    const bool scoped = !column.orgColumn.isEmpty() && !orgId.isEmpty();
    if (scoped)
        sql += QStringLiteral(" AND (") + column.orgColumn + QStringLiteral(" IS NULL OR ") + column.orgColumn
            + QStringLiteral(" = :org)");
    Query q(m_db, sql);
    for (qsizetype i = 0; i < patterns.size(); ++i)
        q.bind(QStringLiteral(":p%1").arg(i), patterns.at(i));
    if (scoped)
        q.bind(QStringLiteral(":org"), orgId);
    const qsizetype keys = column.key.size();
    return fetchAll<TextCell>(q, [keys](const Query &r) {
        TextCell cell;
        for (qsizetype i = 0; i < keys; ++i)
            cell.key << r.value(int(i));
        cell.text = r.value(int(keys)).toString();
        return cell;
    });
}

Status PersonalDataRepository::setCell(const TextColumn &column, const QVariantList &key, const QString &text)
{
    QStringList where;
    for (qsizetype i = 0; i < column.key.size(); ++i)
        where << column.key.at(i) + QStringLiteral(" = :k%1").arg(i);
    Query q(m_db,
            QStringLiteral("UPDATE ") + column.table + QStringLiteral(" SET ") + column.column
                + QStringLiteral(" = :text WHERE ") + where.join(QStringLiteral(" AND ")));
    q.bind(QStringLiteral(":text"), text);
    for (qsizetype i = 0; i < column.key.size(); ++i)
        q.bind(QStringLiteral(":k%1").arg(i), key.value(i));
    return q.exec();
}

Result<std::optional<bool>> PersonalDataRepository::secureDelete(std::optional<bool> on)
{
    if (!m_db.isSqlite())
        return std::optional<bool>();
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    QSqlQuery query(*conn);
    if (!query.exec(QStringLiteral("PRAGMA secure_delete")) || !query.next())
        return Error::storage(QStringLiteral("The database could not be asked how it deletes."));
    const bool before = query.value(0).toInt() != 0;
    query.finish();
    if (on && !query.exec(QStringLiteral("PRAGMA secure_delete = %1").arg(*on ? 1 : 0)))
        return Error::storage(QStringLiteral("The database could not be told to overwrite what it deletes."));
    return std::optional<bool>(before);
}

Result<std::optional<RetentionPolicy>> PersonalDataRepository::retention(const QString &orgId)
{
    Query q(
        m_db,
        QStringLiteral("SELECT erase_inactive_after_months, delete_records_after_years FROM organisations "
                       "WHERE id = :org"));
    q.bind(QStringLiteral(":org"), orgId);
    return fetchOne<RetentionPolicy>(q, [](const Query &r) {
        return RetentionPolicy{optionalInt(r.value(0)), optionalInt(r.value(1))};
    });
}

Status PersonalDataRepository::setRetention(const QString &orgId, const RetentionPolicy &policy)
{
    Query q(m_db,
            QStringLiteral("UPDATE organisations SET erase_inactive_after_months = :months, "
                           "delete_records_after_years = :years WHERE id = :org"));
    q.bind(QStringLiteral(":months"), intOrNull(policy.eraseInactiveAfterMonths));
    q.bind(QStringLiteral(":years"), intOrNull(policy.deleteRecordsAfterYears));
    q.bind(QStringLiteral(":org"), orgId);
    return q.exec();
}

Result<QStringList> PersonalDataRepository::organisationsWithRetention()
{
    Query q(m_db,
            QStringLiteral("SELECT id FROM organisations WHERE erase_inactive_after_months IS NOT NULL "
                           "OR delete_records_after_years IS NOT NULL ORDER BY id"));
    return fetchAll<QString>(q, [](const Query &r) { return r.value(0).toString(); });
}

Result<QStringList> PersonalDataRepository::mentorsLeftBefore(const QString &orgId, const QDateTime &cutoff)
{
    Query q(m_db,
            QStringLiteral("SELECT id FROM peer_mentors WHERE org_id = :org AND erased_at IS NULL "
                           "AND deactivated_at IS NOT NULL AND deactivated_at < :cutoff ORDER BY id"));
    q.bind(QStringLiteral(":org"), orgId).bind(QStringLiteral(":cutoff"), timeValue(cutoff));
    return fetchAll<QString>(q, [](const Query &r) { return r.value(0).toString(); });
}

Result<qint64> PersonalDataRepository::countOldRecords(const QString &orgId, const QDateTime &cutoff)
{
    Query q(m_db, QStringLiteral("SELECT COUNT(*)") + kOldRecords);
    q.bind(QStringLiteral(":org"), orgId).bind(QStringLiteral(":cutoff"), timeValue(cutoff));
    if (auto s = q.exec(); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<QStringList> PersonalDataRepository::deleteOldRecords(const QString &orgId, const QDateTime &cutoff)
{
    Query old(m_db, QStringLiteral("SELECT id, peer_mentor_id, coordinator_id, event_type") + kOldRecords);
    old.bind(QStringLiteral(":org"), orgId).bind(QStringLiteral(":cutoff"), timeValue(cutoff));
    if (auto s = old.exec(); !s)
        return s.error();
    QStringList ids;
    // How many of each kind (mentor, coordinator, event type): the kept counts go down by that.
    QHash<QStringList, qint64> perKind;
    while (old.next()) {
        ids << old.value(0).toString();
        ++perKind[{old.value(1).toString(), old.value(2).toString(), old.value(3).toString()}];
    }
    if (ids.isEmpty())
        return ids;
    Query remove(m_db, QStringLiteral("DELETE") + kOldRecords);
    remove.bind(QStringLiteral(":org"), orgId).bind(QStringLiteral(":cutoff"), timeValue(cutoff));
    if (auto s = remove.exec(); !s)
        return s.error();
    RecordRepository records(m_db);
    for (auto it = perKind.cbegin(); it != perKind.cend(); ++it) {
        NotificationRecord kind;
        kind.orgId = orgId;
        kind.peerMentorId = it.key().at(0);
        kind.coordinatorId = it.key().at(1);
        const auto event = eventTypeFromName(it.key().at(2));
        if (!event)
            return Error::storage(QStringLiteral("A record has an unknown event type."));
        kind.eventType = *event;
        if (auto s = records.addToCount(kind, -it.value()); !s)
            return s.error();
    }
    return ids;
}

Result<qint64> PersonalDataRepository::countOldPayloads(const QString &orgId, const QDateTime &cutoff)
{
    Query q(
        m_db,
        QStringLiteral("SELECT COUNT(*) FROM built_payloads WHERE org_id = :org AND created_at < :cutoff"));
    q.bind(QStringLiteral(":org"), orgId).bind(QStringLiteral(":cutoff"), timeValue(cutoff));
    if (auto s = q.exec(); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<qint64> PersonalDataRepository::deleteOldPayloads(const QString &orgId, const QDateTime &cutoff)
{
    Query q(m_db, QStringLiteral("DELETE FROM built_payloads WHERE org_id = :org AND created_at < :cutoff"));
    q.bind(QStringLiteral(":org"), orgId).bind(QStringLiteral(":cutoff"), timeValue(cutoff));
    if (auto s = q.exec(); !s)
        return s.error();
    return q.numRowsAffected();
}

} // namespace cc
