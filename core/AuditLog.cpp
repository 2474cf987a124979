#include "core/AuditLog.h"

#include "core/Ids.h"
#include "core/Permissions.h"

namespace cc {

Status AuditLog::write(const Caller &caller, const QString &orgId, const QString &action,
                       const QString &entity, const QString &entityId, const QString &detail)
{
    Query q(
        m_db,
        QStringLiteral(
            "INSERT INTO audit_log (id, at, user_id, username, org_id, action, entity, entity_id, detail) "
            "VALUES (:id, :at, :user, :username, :org, :action, :entity, :entity_id, :detail)"));
    q.bind(QStringLiteral(":id"), randomId(QStringLiteral("audit_"), 16))
        .bind(QStringLiteral(":at"), timeValue(m_clock.now()));
    q.bind(QStringLiteral(":user"), caller.userId).bind(QStringLiteral(":username"), caller.username);
    q.bind(QStringLiteral(":org"), nullable(orgId)).bind(QStringLiteral(":action"), action);
    q.bind(QStringLiteral(":entity"), entity).bind(QStringLiteral(":entity_id"), entityId);
    q.bind(QStringLiteral(":detail"), detail.isNull() ? QString(QLatin1String("")) : detail);
    return q.exec();
}

Result<Page<AuditEntry>> AuditLog::list(const Caller &caller, const PageRequest &page,
                                        const QString &entityId)
{
    AuditQuery query;
    query.entityId = entityId;
    return list(caller, query, page);
}

Result<Page<AuditEntry>> AuditLog::list(const Caller &caller, const AuditQuery &query,
                                        const PageRequest &page)
{
    if (auto s = require(caller, Action::ReadAudit); !s)
        return s.error();
    if (page.page < 1 || page.limit < 1 || page.limit > 1000)
        return Error::invalid(QStringLiteral("page must be 1 or more and limit between 1 and 1000."));
    if (query.from.isValid() && query.to.isValid() && query.to < query.from)
        return Error::field(ErrorCode::Invalid, QStringLiteral("to"),
                            QStringLiteral("The end of the period is before its start."));
    auto scope = caller.scopeOrg(query.orgId);
    if (!scope)
        return scope.error();
    QStringList where;
    if (!scope->isEmpty())
        where << QStringLiteral("org_id = :org");
    if (!query.entityId.isEmpty())
        where << QStringLiteral("entity_id = :entity_id");
    if (!query.username.isEmpty())
        where << QStringLiteral("username = :username");
    if (!query.kind.isEmpty())
        where << QStringLiteral("(action = :kind OR substr(action, 1, :kind_length) = :kind_dot)");
    if (query.from.isValid())
        where << QStringLiteral("at >= :from");
    if (query.to.isValid())
        where << QStringLiteral("at < :to");
    const QString clause =
        where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    auto bindAll = [&](Query &q) {
        if (!scope->isEmpty())
            q.bind(QStringLiteral(":org"), *scope);
        if (!query.entityId.isEmpty())
            q.bind(QStringLiteral(":entity_id"), query.entityId);
        if (!query.username.isEmpty())
            q.bind(QStringLiteral(":username"), query.username);
        if (!query.kind.isEmpty()) {
            const QString group = query.kind + QLatin1Char('.');
            q.bind(QStringLiteral(":kind"), query.kind);
            q.bind(QStringLiteral(":kind_length"), int(group.size()))
                .bind(QStringLiteral(":kind_dot"), group);
        }
        if (query.from.isValid())
            q.bind(QStringLiteral(":from"), timeValue(query.from));
        if (query.to.isValid())
            q.bind(QStringLiteral(":to"), timeValue(query.to));
    };
    Query count(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_log") + clause);
    bindAll(count);
    if (auto s = count.exec(); !s)
        return s.error();
    Page<AuditEntry> out;
    out.page = page.page;
    out.limit = page.limit;
    out.total = count.next() ? count.value(0).toLongLong() : 0;

    Query q(m_db,
            QStringLiteral(
                "SELECT id, at, user_id, username, org_id, action, entity, entity_id, detail FROM audit_log")
                + clause + QStringLiteral(" ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset"));
    bindAll(q);
    q.bind(QStringLiteral(":limit"), page.limit)
        .bind(QStringLiteral(":offset"), (page.page - 1) * page.limit);
    auto rows = fetchAll<AuditEntry>(q, [](const Query &r) {
        return AuditEntry{r.value(0).toString(), timeFrom(r.value(1)),  r.value(2).toString(),
                          r.value(3).toString(), r.value(4).toString(), r.value(5).toString(),
                          r.value(6).toString(), r.value(7).toString(), r.value(8).toString()};
    });
    if (!rows)
        return rows.error();
    out.items = *rows;
    return out;
}

} // namespace cc
