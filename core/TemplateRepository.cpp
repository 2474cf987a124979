#include "core/TemplateRepository.h"

namespace cc {

namespace {

const QString kColumns = QStringLiteral(
    "id, scope, type, event_type, description, custom, title_en, body_en, title_nb, body_nb, version, "
    "updated_at, updated_by");
const QString kVersionColumns = QStringLiteral("template_id, scope, version, description, title_en, body_en, "
                                               "title_nb, body_nb, action, changed_by, changed_at");
const QString kPayloadColumns = QStringLiteral("id, org_id, template_id, payload_type, locale, title, body, "
                                               "event_type, peer_mentor_id, peer_mentor_name, "
                                               "effective_date, created_by, created_at");

PayloadTemplate templateFrom(const Query &q)
{
    PayloadTemplate t;
    t.id = q.value(0).toString();
    t.scope = q.value(1).toString();
    t.type = q.value(2).toString();
    t.event = eventTypeFromName(q.value(3).toString()).value_or(EventType::PauseActivated);
    t.description = q.value(4).toString();
    t.custom = q.value(5).toInt() != 0;
    t.en = {q.value(6).toString(), q.value(7).toString()};
    t.nb = {q.value(8).toString(), q.value(9).toString()};
    t.version = q.value(10).toInt();
    t.updatedAt = timeFrom(q.value(11));
    t.updatedBy = q.value(12).toString();
    return t;
}

TemplateVersion versionFrom(const Query &q)
{
    TemplateVersion v;
    v.templateId = q.value(0).toString();
    v.scope = q.value(1).toString();
    v.version = q.value(2).toInt();
    v.description = q.value(3).toString();
    v.en = {q.value(4).toString(), q.value(5).toString()};
    v.nb = {q.value(6).toString(), q.value(7).toString()};
    v.action = q.value(8).toString();
    v.changedBy = q.value(9).toString();
    v.changedAt = timeFrom(q.value(10));
    return v;
}

BuiltPayload payloadFrom(const Query &q)
{
    BuiltPayload p;
    p.id = q.value(0).toString();
    p.orgId = q.value(1).toString();
    p.templateId = q.value(2).toString();
    p.payloadType = q.value(3).toString();
    p.locale = q.value(4).toString();
    p.title = q.value(5).toString();
    p.body = q.value(6).toString();
    p.event = eventTypeFromName(q.value(7).toString()).value_or(EventType::PauseActivated);
    p.peerMentorId = q.value(8).toString();
    p.peerMentorName = q.value(9).toString();
    p.effectiveDate = timeFrom(q.value(10));
    p.createdBy = q.value(11).toString();
    p.createdAt = timeFrom(q.value(12));
    return p;
}

} // namespace

Result<std::optional<PayloadTemplate>> TemplateRepository::find(const QString &id, const QString &scope)
{
    Query q(m_db,
            QStringLiteral("SELECT ") + kColumns
                + QStringLiteral(" FROM payload_templates WHERE id = :id AND scope = :scope"));
    q.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":scope"), scope);
    return fetchOne<PayloadTemplate>(q, templateFrom);
}

Result<QStringList> TemplateRepository::organisationsWith(const QString &id)
{
    Query q(
        m_db,
        QStringLiteral("SELECT scope FROM payload_templates WHERE id = :id AND scope <> '' ORDER BY scope"));
    q.bind(QStringLiteral(":id"), id);
    if (auto s = q.exec(); !s)
        return s.error();
    QStringList scopes;
    while (q.next())
        scopes << q.value(0).toString();
    return scopes;
}

Result<QList<PayloadTemplate>> TemplateRepository::inScopes(const QString &orgScope)
{
    if (orgScope == QLatin1String("*")) {
        Query q(m_db,
                QStringLiteral("SELECT ") + kColumns
                    + QStringLiteral(" FROM payload_templates ORDER BY id, scope"));
        return fetchAll<PayloadTemplate>(q, templateFrom);
    }
    Query q(m_db,
            QStringLiteral("SELECT ") + kColumns
                + QStringLiteral(
                    " FROM payload_templates WHERE scope = '' OR scope = :scope ORDER BY id, scope"));
    q.bind(QStringLiteral(":scope"), orgScope);
    return fetchAll<PayloadTemplate>(q, templateFrom);
}

Status TemplateRepository::upsert(const PayloadTemplate &t, bool exists)
{
    const QString sql = exists
        ? QStringLiteral(
            "UPDATE payload_templates SET type = :type, event_type = :event, description = :description, "
            "custom = :custom, title_en = :title_en, body_en = :body_en, title_nb = :title_nb, "
            "body_nb = :body_nb, version = :version, updated_at = :at, updated_by = :by "
            "WHERE id = :id AND scope = :scope")
        : QStringLiteral("INSERT INTO payload_templates (") + kColumns
            + QStringLiteral(
                ") VALUES (:id, :scope, :type, :event, :description, :custom, :title_en, :body_en, "
                ":title_nb, :body_nb, :version, :at, :by)");
    Query q(m_db, sql);
    q.bind(QStringLiteral(":id"), t.id).bind(QStringLiteral(":scope"), t.scope);
    q.bind(QStringLiteral(":type"), t.type).bind(QStringLiteral(":event"), eventTypeName(t.event));
    q.bind(QStringLiteral(":description"), t.description).bind(QStringLiteral(":custom"), t.custom ? 1 : 0);
    q.bind(QStringLiteral(":title_en"), t.en.title).bind(QStringLiteral(":body_en"), t.en.body);
    q.bind(QStringLiteral(":title_nb"), t.nb.title).bind(QStringLiteral(":body_nb"), t.nb.body);
    q.bind(QStringLiteral(":version"), t.version).bind(QStringLiteral(":at"), timeValue(t.updatedAt));
    q.bind(QStringLiteral(":by"), t.updatedBy);
    return q.exec();
}

Status TemplateRepository::remove(const QString &id, const QString &scope)
{
    Query q(m_db, QStringLiteral("DELETE FROM payload_templates WHERE id = :id AND scope = :scope"));
    q.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":scope"), scope);
    return q.exec();
}

Status TemplateRepository::removeEverywhere(const QString &id)
{
    Query q(m_db, QStringLiteral("DELETE FROM payload_templates WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    return q.exec();
}

Status TemplateRepository::insertVersion(const TemplateVersion &v)
{
    Query q(
        m_db,
        QStringLiteral("INSERT INTO payload_template_versions (") + kVersionColumns
            + QStringLiteral(") VALUES (:id, :scope, :version, :description, :title_en, :body_en, :title_nb, "
                             ":body_nb, :action, :by, :at)"));
    q.bind(QStringLiteral(":id"), v.templateId).bind(QStringLiteral(":scope"), v.scope);
    q.bind(QStringLiteral(":version"), v.version).bind(QStringLiteral(":description"), v.description);
    q.bind(QStringLiteral(":title_en"), v.en.title).bind(QStringLiteral(":body_en"), v.en.body);
    q.bind(QStringLiteral(":title_nb"), v.nb.title).bind(QStringLiteral(":body_nb"), v.nb.body);
    q.bind(QStringLiteral(":action"), v.action).bind(QStringLiteral(":by"), v.changedBy);
    q.bind(QStringLiteral(":at"), timeValue(v.changedAt));
    return q.exec();
}

Result<QList<TemplateVersion>> TemplateRepository::versions(const QString &id, const QString &scope)
{
    Query q(m_db,
            QStringLiteral("SELECT ") + kVersionColumns
                + QStringLiteral(" FROM payload_template_versions WHERE template_id = :id AND scope = :scope "
                                 "ORDER BY version DESC"));
    q.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":scope"), scope);
    return fetchAll<TemplateVersion>(q, versionFrom);
}

Result<int> TemplateRepository::latestVersionNumber(const QString &id, const QString &scope)
{
    Query q(
        m_db,
        QStringLiteral(
            "SELECT MAX(version) FROM payload_template_versions WHERE template_id = :id AND scope = :scope"));
    q.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":scope"), scope);
    if (auto s = q.exec(); !s)
        return s.error();
    return q.next() ? q.value(0).toInt() : 0;
}

Status TemplateRepository::insertPayload(const BuiltPayload &p)
{
    Query q(m_db,
            QStringLiteral("INSERT INTO built_payloads (") + kPayloadColumns
                + QStringLiteral(
                    ") VALUES (:id, :org, :template, :type, :locale, :title, :body, :event, :mentor_id, "
                    ":mentor_name, :effective, :by, :at)"));
    q.bind(QStringLiteral(":id"), p.id).bind(QStringLiteral(":org"), nullable(p.orgId));
    q.bind(QStringLiteral(":template"), p.templateId).bind(QStringLiteral(":type"), p.payloadType);
    q.bind(QStringLiteral(":locale"), p.locale).bind(QStringLiteral(":title"), p.title);
    q.bind(QStringLiteral(":body"), p.body).bind(QStringLiteral(":event"), eventTypeName(p.event));
    q.bind(QStringLiteral(":mentor_id"), nullable(p.peerMentorId))
        .bind(QStringLiteral(":mentor_name"), p.peerMentorName);
    q.bind(QStringLiteral(":effective"), timeValue(p.effectiveDate)).bind(QStringLiteral(":by"), p.createdBy);
    q.bind(QStringLiteral(":at"), timeValue(p.createdAt));
    return q.exec();
}

Result<std::optional<BuiltPayload>> TemplateRepository::payload(const QString &id)
{
    Query q(m_db,
            QStringLiteral("SELECT ") + kPayloadColumns
                + QStringLiteral(" FROM built_payloads WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    return fetchOne<BuiltPayload>(q, payloadFrom);
}

Result<QList<BuiltPayload>> TemplateRepository::payloadsNaming(const QString &peerMentorId,
                                                               const QString &orgId, const QString &name)
{
    // One built for another mentor's id is that mentor's, even when the two share a name.
    Query q(m_db,
            QStringLiteral("SELECT ") + kPayloadColumns
                + QStringLiteral(" FROM built_payloads WHERE peer_mentor_id = :mentor "
                                 "OR ((peer_mentor_id IS NULL OR peer_mentor_id = '') AND org_id = :org "
                                 "AND peer_mentor_name = :name) ORDER BY created_at, id"));
    q.bind(QStringLiteral(":mentor"), peerMentorId).bind(QStringLiteral(":org"), orgId);
    q.bind(QStringLiteral(":name"), name);
    return fetchAll<BuiltPayload>(q, payloadFrom);
}

Status TemplateRepository::overwritePayload(const QString &id, const QString &title, const QString &body,
                                            const QString &peerMentorName)
{
    Query q(m_db,
            QStringLiteral("UPDATE built_payloads SET title = :title, body = :body, "
                           "peer_mentor_name = :name WHERE id = :id"));
    q.bind(QStringLiteral(":title"), title).bind(QStringLiteral(":body"), body);
    q.bind(QStringLiteral(":name"), peerMentorName).bind(QStringLiteral(":id"), id);
    return q.exec();
}

} // namespace cc
