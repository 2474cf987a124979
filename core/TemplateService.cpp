#include "core/TemplateService.h"

#include "core/BuiltinTemplates.h"
#include "core/Defaults.h"
#include "core/ETag.h"
#include "core/Ids.h"
#include "core/TemplateCompiler.h"
#include "core/TimeText.h"

#include <QSet>

namespace cc {

namespace {

constexpr int kMaxTitle = 200;
constexpr int kMaxBody = 4000;
constexpr int kMaxDescription = 500;
constexpr int kMaxName = 200;
constexpr int kMaxReason = kMaxReasonLength;

Error notFoundTemplate()
{
    return Error::notFound(QStringLiteral("No payload template with this id."));
}

bool isLocale(const QString &locale)
{
    return locale == QLatin1String("en") || locale == QLatin1String("nb");
}

Status validateLocale(const QString &locale)
{
    if (!locale.isEmpty() && !isLocale(locale))
        return Error::field(ErrorCode::Invalid, QStringLiteral("locale"),
                            QStringLiteral("locale must be “en” or “nb”."));
    return {};
}

} // namespace

TemplateService::TemplateService(Database &db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_directory(db)
    , m_records(db)
    , m_templates(db)
    , m_audit(db, clock)
{}

TemplateValues TemplateService::sampleValues()
{
    TemplateValues v;
    v.peerMentorId = QStringLiteral("pm_551e8400");
    v.peerMentorName = QStringLiteral("Kari Nordmann");
    v.date = QDateTime(QDate(2026, 3, 20), QTime(0, 0), Qt::UTC);
    v.reason = QStringLiteral("Personal leave");
    v.coordinatorName = QStringLiteral("Ingrid Bakke");
    return v;
}

QString TemplateService::etag(const PayloadTemplate &t)
{
    const QString basis = t.id + QLatin1Char('|') + t.scope + QLatin1Char('|') + QString::number(t.version)
        + QLatin1Char('|') + t.description + QLatin1Char('|') + t.en.title + QLatin1Char('|') + t.en.body
        + QLatin1Char('|') + t.nb.title + QLatin1Char('|') + t.nb.body;
    return makeEtag(basis.toUtf8());
}

QString TemplateService::writeScope(const Caller &caller) const
{
    return caller.isGlobalAdmin() ? QString(QLatin1String("")) : caller.orgId;
}

Result<TemplateService::Resolved> TemplateService::resolve(const QString &orgId, const QString &id)
{
    if (!orgId.isEmpty()) {
        auto own = m_templates.find(id, orgId);
        if (!own)
            return own.error();
        if (own->has_value())
            return Resolved{**own, true};
    }
    auto global = m_templates.find(id, QString(QLatin1String("")));
    if (!global)
        return global.error();
    if (global->has_value())
        return Resolved{**global, true};
    if (const PayloadTemplate *builtin = builtinTemplate(id))
        return Resolved{*builtin, false};
    return notFoundTemplate();
}

Result<Organisation> TemplateService::organisationOf(const Caller &caller)
{
    if (caller.orgId.isEmpty())
        return Error::notFound(QStringLiteral("No organisation."));
    auto org = m_directory.organisation(caller.orgId);
    if (!org)
        return org.error();
    if (!org->has_value())
        return Error::notFound(QStringLiteral("No organisation."));
    return **org;
}

Result<QList<PayloadTemplate>> TemplateService::list(const Caller &caller)
{
    const QString scope = writeScope(caller);
    auto stored = m_templates.inScopes(scope);
    if (!stored)
        return stored.error();
    // Per id, the most specific stored version: the organisation's over the global one.
    QHash<QString, PayloadTemplate> byId;
    for (const PayloadTemplate &t : std::as_const(*stored)) {
        if (!byId.contains(t.id) || !t.scope.isEmpty())
            byId.insert(t.id, t);
    }
    QList<PayloadTemplate> out;
    for (const PayloadTemplate &builtin : builtinTemplates())
        out.append(byId.contains(builtin.id) ? byId.take(builtin.id) : builtin);
    QStringList customIds = byId.keys();
    customIds.sort();
    for (const QString &id : std::as_const(customIds))
        out.append(byId.value(id));
    return out;
}

Result<PayloadTemplate> TemplateService::get(const Caller &caller, const QString &id)
{
    auto resolved = resolve(writeScope(caller), id);
    if (!resolved)
        return resolved.error();
    return resolved->item;
}

Result<RenderedTemplate> TemplateService::renderTemplate(const PayloadTemplate &t, TemplateValues values,
                                                         const QString &locale,
                                                         const std::optional<Organisation> &org)
{
    QString chosen = locale;
    if (chosen.isEmpty())
        chosen = org && isLocale(org->locale) ? org->locale : QStringLiteral("en");
    const QString timeZone = org ? org->timeZone : QString(kDefaultTimeZone);
    if (values.organisationName.isEmpty() && org)
        values.organisationName = org->name;
    const TemplateText &text = t.text(chosen);
    const QHash<QString, QString> vars = TemplateCompiler::values(values, chosen, timeZone);
    auto title = TemplateCompiler::compile(text.title, QStringLiteral("title"));
    auto body = TemplateCompiler::compile(text.body, QStringLiteral("body_template"));
    if (!title || !body) {
        QList<FieldError> problems;
        if (!title)
            problems << title.error().fields;
        if (!body)
            problems << body.error().fields;
        return Error{ErrorCode::Unprocessable, QStringLiteral("The template does not compile."), problems, 0};
    }
    RenderedTemplate r;
    r.id = t.id;
    r.type = t.type;
    r.event = t.event;
    r.locale = chosen;
    r.title = title->render(vars);
    r.body = body->render(vars);
    r.bodyTemplate = text.body;
    r.peerMentorId = values.peerMentorId;
    return r;
}

Result<RenderedTemplate> TemplateService::render(const Caller &caller, const QString &id,
                                                 TemplateValues values, const QString &locale)
{
    if (auto s = validateLocale(locale); !s)
        return s.error();
    auto resolved = resolve(writeScope(caller), id);
    if (!resolved)
        return resolved.error();
    return renderWith(caller, resolved->item, std::move(values), locale, true);
}

Result<TemplateValues> TemplateService::valuesFor(const Caller &caller, const QString &id,
                                                  const QString &peerMentorId)
{
    auto resolved = resolve(writeScope(caller), id);
    if (!resolved)
        return resolved.error();
    TemplateValues values;
    values.peerMentorId = peerMentorId;
    auto filled = fill(caller, resolved->item, std::move(values), true);
    if (!filled)
        return filled.error();
    return filled->values;
}

Result<RenderedTemplate> TemplateService::renderWith(const Caller &caller, const PayloadTemplate &t,
                                                     TemplateValues values, const QString &locale,
                                                     bool withSamples)
{
    auto filled = fill(caller, t, std::move(values), withSamples);
    if (!filled) {
        if (filled.error().code == ErrorCode::NotFound)
            return Error::field(ErrorCode::Unprocessable, QStringLiteral("peer_mentor_id"),
                                QStringLiteral("peer_mentor_id: no peer mentor with this id."));
        return filled.error();
    }
    return renderTemplate(t, filled->values, locale, filled->org);
}

Result<TemplateService::Filled> TemplateService::fill(const Caller &caller, const PayloadTemplate &t,
                                                      TemplateValues values, bool withSamples)
{
    std::optional<Organisation> org;
    if (!values.peerMentorId.isEmpty()) {
        auto mentor = m_directory.peerMentor(values.peerMentorId);
        if (!mentor)
            return mentor.error();
        if (!mentor->has_value() || !caller.canSee((*mentor)->orgId))
            return Error::notFound(QStringLiteral("No peer mentor with this id."));
        const PeerMentor &m = **mentor;
        if (values.peerMentorName.isEmpty())
            values.peerMentorName = m.name;
        if (auto o = m_directory.organisation(m.orgId); o && o->has_value())
            org = **o;
        if (auto c = m_directory.coordinator(m.coordinatorId);
            c && c->has_value() && values.coordinatorName.isEmpty())
            values.coordinatorName = (*c)->name;
        // Without a date, the mentor's latest event of the template's kind gives the date and,
        // with it, its reason. A date that was given is another event: an older reason does not
        // belong to it.
        if (!values.date.isValid()) {
            auto history = m_records.history(m.id);
            if (!history)
                return history.error();
            for (const NotificationRecord &r : std::as_const(*history)) {
                if (r.eventType != t.event)
                    continue;
                values.date = r.effectiveDate;
                if (values.reason.isEmpty())
                    values.reason = r.reason.value_or(QString());
                break;
            }
        }
        if (!values.date.isValid())
            values.date = m_clock.now();
    } else {
        if (withSamples) {
            const TemplateValues sample = sampleValues();
            if (values.peerMentorName.isEmpty()) {
                values.peerMentorName = sample.peerMentorName;
                values.peerMentorId = sample.peerMentorId;
            }
            if (!values.date.isValid())
                values.date = sample.date;
            if (values.reason.isEmpty())
                values.reason = sample.reason;
            if (values.coordinatorName.isEmpty())
                values.coordinatorName = sample.coordinatorName;
        }
        if (auto o = organisationOf(caller); o)
            org = *o;
    }
    if (values.organisationName.isEmpty() && org)
        values.organisationName = org->name;
    return Filled{std::move(values), std::move(org)};
}

Result<RenderedTemplate> TemplateService::preview(const Caller &caller, const PayloadTemplate &draft,
                                                  const TemplateValues &values, const QString &locale)
{
    std::optional<Organisation> org;
    if (auto o = organisationOf(caller); o)
        org = *o;
    return renderTemplate(draft, values, locale, org);
}

Result<BuiltPayload> TemplateService::build(const Caller &caller, const BuildRequest &request)
{
    if (caller.isGlobalAdmin())
        return Error::forbidden(
            QStringLiteral("Global admins cannot build payloads; sign in as a coordinator or an org admin."));
    if (auto s = validateLocale(request.locale); !s)
        return s.error();

    QList<FieldError> problems;
    QString templateId = request.templateId;
    if (!request.payloadType.isEmpty()) {
        const PayloadTemplate *builtin = builtinTemplateOfType(request.payloadType);
        if (!builtin)
            problems << FieldError{QStringLiteral("payload_type"),
                                   QStringLiteral("payload_type must be one of %1.")
                                       .arg(payloadTypes().join(QStringLiteral(", "))),
                                   0, 0};
        else if (templateId.isEmpty())
            templateId = builtin->id;
    }
    if (templateId.isEmpty() && problems.isEmpty())
        problems << FieldError{QStringLiteral("payload_type"),
                               QStringLiteral("payload_type (or template_id) is required."), 0, 0};
    if (request.peerMentorName.isEmpty() && request.peerMentorId.isEmpty())
        problems << FieldError{QStringLiteral("peer_mentor_name"),
                               QStringLiteral("peer_mentor_name (or peer_mentor_id) is required."), 0, 0};
    if (request.peerMentorName.size() > kMaxName)
        problems << FieldError{
            QStringLiteral("peer_mentor_name"),
            QStringLiteral("peer_mentor_name must be at most %1 characters.").arg(kMaxName), 0, 0};
    if (!request.date.isValid())
        problems << FieldError{QStringLiteral("date"), QStringLiteral("date is required."), 0, 0};
    if (request.reason.size() > kMaxReason)
        problems << FieldError{QStringLiteral("reason"),
                               QStringLiteral("reason must be at most %1 characters.").arg(kMaxReason), 0, 0};
    if (!problems.isEmpty())
        return Error::invalid(problems.first().message, problems);

    auto resolved = resolve(writeScope(caller), templateId);
    if (!resolved) {
        if (resolved.error().code == ErrorCode::NotFound)
            return Error::field(ErrorCode::Unprocessable, QStringLiteral("template_id"),
                                QStringLiteral("template_id: no payload template with this id."));
        return resolved.error();
    }
    if (!request.payloadType.isEmpty() && resolved->item.type != request.payloadType)
        return Error::field(
            ErrorCode::Unprocessable, QStringLiteral("payload_type"),
            QStringLiteral("payload_type does not match the type of template %1.").arg(templateId));

    // What the request says, and what its peer mentor adds; never sample values.
    TemplateValues values;
    values.peerMentorId = request.peerMentorId;
    values.peerMentorName = request.peerMentorName;
    values.date = request.date;
    values.reason = request.reason;
    auto rendered = renderWith(caller, resolved->item, values, request.locale, false);
    if (!rendered)
        return rendered.error();

    BuiltPayload p;
    p.orgId = caller.orgId;
    p.templateId = templateId;
    p.payloadType = resolved->item.type;
    p.locale = rendered->locale;
    p.title = rendered->title;
    p.body = rendered->body;
    p.event = resolved->item.event;
    p.peerMentorId = request.peerMentorId;
    p.peerMentorName = request.peerMentorName;
    if (p.peerMentorName.isEmpty()) {
        if (auto m = m_directory.peerMentor(request.peerMentorId); m && m->has_value())
            p.peerMentorName = (*m)->name;
    }
    p.effectiveDate = request.date.toUTC();
    p.createdBy = caller.username;
    p.createdAt = m_clock.now();
    for (int attempt = 0;; ++attempt) {
        p.id = randomId(QStringLiteral("payload_"));
        Status s = m_templates.insertPayload(p);
        if (s)
            break;
        if (s.error().code != ErrorCode::Conflict || attempt >= 3)
            return s.error();
    }
    return p;
}

Result<BuiltPayload> TemplateService::payload(const Caller &caller, const QString &id)
{
    auto p = m_templates.payload(id);
    if (!p)
        return p.error();
    if (!p->has_value() || !caller.canSee((*p)->orgId))
        return Error::notFound(QStringLiteral("No built payload with this id."));
    return **p;
}

Status TemplateService::saveVersion(const PayloadTemplate &t, const QString &action, const Caller &caller)
{
    TemplateVersion v;
    v.templateId = t.id;
    v.scope = t.scope;
    v.version = t.version;
    v.description = t.description;
    v.en = t.en;
    v.nb = t.nb;
    v.action = action;
    v.changedBy = caller.username;
    v.changedAt = t.updatedAt;
    return m_templates.insertVersion(v);
}

Status TemplateService::persist(const Caller &caller, PayloadTemplate &next,
                                const std::optional<PayloadTemplate> &before, bool existsHere,
                                const QString &action)
{
    const QString scope = writeScope(caller);
    const QDateTime now = m_clock.now();
    auto latest = m_templates.latestVersionNumber(next.id, scope);
    if (!latest)
        return latest.error();
    int version = *latest;
    if (version == 0 && before) {
        // Keep what was there before the first change in this scope (the default it inherited).
        PayloadTemplate original = *before;
        original.scope = scope;
        original.version = ++version;
        original.updatedAt = before->updatedAt.isValid() ? before->updatedAt : now;
        Caller author;
        author.username = before->updatedBy.isEmpty() ? QStringLiteral("system") : before->updatedBy;
        if (auto s = saveVersion(original, QStringLiteral("original"), author); !s)
            return s;
    }
    next.scope = scope;
    next.version = version + 1;
    next.updatedAt = now;
    next.updatedBy = caller.username;
    if (auto s = m_templates.upsert(next, existsHere); !s)
        return s;
    if (auto s = saveVersion(next, action, caller); !s)
        return s;
    return m_audit.write(caller, scope, QStringLiteral("template.") + action,
                         QStringLiteral("payload_template"), next.id,
                         QStringLiteral("version %1").arg(next.version));
}

Result<TemplateService::Saved> TemplateService::update(const Caller &caller, const QString &id,
                                                       const TemplateChange &change,
                                                       const QString &expectedEtag)
{
    if (caller.role == Role::Coordinator)
        return Error::forbidden(QStringLiteral("Only org admins and global admins may change templates."));
    if (auto s = validateLocale(change.locale); !s)
        return s.error();
    if (!change.title && !change.body && !change.description)
        return Error::invalid(QStringLiteral("Send title, body_template or description to change."));
    QList<FieldError> problems;
    if (change.title && change.title->size() > kMaxTitle)
        problems << FieldError{QStringLiteral("title"),
                               QStringLiteral("title must be at most %1 characters.").arg(kMaxTitle), 0, 0};
    if (change.body && change.body->size() > kMaxBody)
        problems << FieldError{QStringLiteral("body_template"),
                               QStringLiteral("body_template must be at most %1 characters.").arg(kMaxBody),
                               0, 0};
    if (change.description && change.description->size() > kMaxDescription)
        problems << FieldError{
            QStringLiteral("description"),
            QStringLiteral("description must be at most %1 characters.").arg(kMaxDescription), 0, 0};
    if (!problems.isEmpty())
        return Error::invalid(problems.first().message, problems);

    const QString scope = writeScope(caller);
    const QString locale = change.locale.isEmpty() ? QStringLiteral("en") : change.locale;
    const QDateTime now = m_clock.now();

    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto resolved = resolve(scope, id);
    PayloadTemplate next;
    bool created = false;
    bool existsHere = false;
    std::optional<PayloadTemplate> before;
    if (!resolved) {
        if (resolved.error().code != ErrorCode::NotFound)
            return resolved.error();
        if (change.type.isEmpty())
            return Error::notFound(
                QStringLiteral("No payload template with this id; send “type” to create a custom template."));
        if (!isValidTemplateId(id))
            return Error::field(ErrorCode::Invalid, QStringLiteral("id"),
                                QStringLiteral("A template id is 1 to 64 characters of a–z, 0–9 and “-”."));
        const PayloadTemplate *kind = builtinTemplateOfType(change.type);
        if (!kind)
            return Error::field(
                ErrorCode::Invalid, QStringLiteral("type"),
                QStringLiteral("type must be one of %1.").arg(payloadTypes().join(QStringLiteral(", "))));
        QList<FieldError> missing;
        if (!change.title)
            missing << FieldError{QStringLiteral("title"),
                                  QStringLiteral("title is required to create a template."), 0, 0};
        if (!change.body)
            missing << FieldError{QStringLiteral("body_template"),
                                  QStringLiteral("body_template is required to create a template."), 0, 0};
        if (!missing.isEmpty())
            return Error::invalid(missing.first().message, missing);
        next.id = id;
        next.type = kind->type;
        next.event = kind->event;
        next.custom = true;
        next.description = change.description.value_or(QString(QLatin1String("")));
        // A new template speaks both languages from the start: the other one gets the same text
        // until it is translated.
        next.en = next.nb = TemplateText{*change.title, *change.body};
        created = true;
    } else {
        if (!change.type.isEmpty() && change.type != resolved->item.type)
            return Error::field(ErrorCode::Invalid, QStringLiteral("type"),
                                QStringLiteral("The type of an existing template cannot be changed."));
        if (!etagMatches(expectedEtag, etag(resolved->item)))
            return Error{
                ErrorCode::PreconditionFailed,
                QStringLiteral(
                    "The template was changed since you read it (If-Match does not match its ETag)."),
                {},
                0};
        before = resolved->item;
        existsHere = resolved->stored && resolved->item.scope == scope;
        next = resolved->item;
        TemplateText &text = locale == QLatin1String("nb") ? next.nb : next.en;
        if (change.title)
            text.title = *change.title;
        if (change.body)
            text.body = *change.body;
        if (change.description)
            next.description = *change.description;
    }

    // Only what was sent can be wrong; the rest was checked when it was saved.
    QList<FieldError> compileProblems;
    if (change.title || created)
        compileProblems << TemplateCompiler::check(next.text(locale).title, QStringLiteral("title"));
    if (change.body || created)
        compileProblems << TemplateCompiler::check(next.text(locale).body, QStringLiteral("body_template"));
    if (!compileProblems.isEmpty())
        return Error{ErrorCode::Unprocessable,
                     QStringLiteral("The template does not compile: %1").arg(compileProblems.first().message),
                     compileProblems, 0};

    if (auto s = persist(caller, next, before, existsHere,
                         created ? QStringLiteral("create") : QStringLiteral("update"));
        !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    emit templateChanged(id, scope);
    return Saved{next, created};
}

Result<Deleted> TemplateService::remove(const Caller &caller, const QString &id, const QString &orgId)
{
    if (!caller.isGlobalAdmin())
        return Error::forbidden(QStringLiteral("Only global admins may delete templates."));
    QString scope = QString(QLatin1String(""));
    if (!orgId.isEmpty()) {
        auto org = m_directory.organisation(orgId);
        if (!org)
            return org.error();
        if (!org->has_value())
            return Error::field(ErrorCode::NotFound, QStringLiteral("org_id"),
                                QStringLiteral("No organisation with this id."));
        scope = orgId;
    }
    const QDateTime now = m_clock.now();
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto stored = m_templates.find(id, scope);
    if (!stored)
        return stored.error();
    const PayloadTemplate *builtin = builtinTemplate(id);
    if (!builtin && !stored->has_value())
        return notFoundTemplate();
    auto latest = m_templates.latestVersionNumber(id, scope);
    if (!latest)
        return latest.error();
    if (stored->has_value()) {
        if (auto s = (!builtin && scope.isEmpty()) ? m_templates.removeEverywhere(id)
                                                   : m_templates.remove(id, scope);
            !s)
            return s.error();
        // The version history keeps what happened. For a built-in the new state is what the scope
        // sees now (for an organisation: the global default, which may itself be changed); for a
        // custom template its last content.
        PayloadTemplate gone = **stored;
        if (builtin) {
            auto back = resolve(scope, id);
            if (!back)
                return back.error();
            gone = back->item;
        }
        gone.scope = scope;
        gone.version = *latest + 1;
        gone.updatedAt = now;
        if (auto s = saveVersion(gone, builtin ? QStringLiteral("reset") : QStringLiteral("delete"), caller);
            !s)
            return s.error();
    }
    if (auto s = m_audit.write(caller, scope,
                               builtin ? QStringLiteral("template.reset") : QStringLiteral("template.delete"),
                               QStringLiteral("payload_template"), id);
        !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    emit templateChanged(id, scope);
    return Deleted{id, now};
}

Result<PayloadTemplate> TemplateService::resetOverride(const Caller &caller, const QString &id)
{
    if (caller.role == Role::Coordinator)
        return Error::forbidden(QStringLiteral("Only org admins and global admins may change templates."));
    if (caller.isGlobalAdmin()) {
        auto removed = remove(caller, id);
        if (!removed)
            return removed.error();
        return get(caller, id);
    }
    const QString scope = caller.orgId;
    const QDateTime now = m_clock.now();
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto own = m_templates.find(id, scope);
    if (!own)
        return own.error();
    auto global = m_templates.find(id, QString(QLatin1String("")));
    if (!global)
        return global.error();
    if (!own->has_value()) {
        auto resolved = resolve(scope, id);
        if (!resolved)
            return resolved.error();
        return resolved->item; // nothing of ours to reset
    }
    if (!builtinTemplate(id) && !global->has_value())
        return Error::invalid(QStringLiteral("A custom template has no default to reset to."));
    auto latest = m_templates.latestVersionNumber(id, scope);
    if (!latest)
        return latest.error();
    if (auto s = m_templates.remove(id, scope); !s)
        return s.error();
    auto resolved = resolve(scope, id);
    if (!resolved)
        return resolved.error();
    PayloadTemplate back = resolved->item;
    back.scope = scope;
    back.version = *latest + 1;
    back.updatedAt = now;
    if (auto s = saveVersion(back, QStringLiteral("reset"), caller); !s)
        return s.error();
    if (auto s = m_audit.write(caller, scope, QStringLiteral("template.reset"),
                               QStringLiteral("payload_template"), id);
        !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    emit templateChanged(id, scope);
    return resolved->item;
}

Result<QList<TemplateVersion>> TemplateService::versions(const Caller &caller, const QString &id)
{
    if (auto resolved = resolve(writeScope(caller), id); !resolved) {
        // A deleted custom template still has its history, for a global admin to restore.
        if (resolved.error().code != ErrorCode::NotFound || !caller.isGlobalAdmin())
            return resolved.error();
    }
    return m_templates.versions(id, writeScope(caller));
}

Result<PayloadTemplate> TemplateService::restore(const Caller &caller, const QString &id, int version)
{
    if (caller.role == Role::Coordinator)
        return Error::forbidden(QStringLiteral("Only org admins and global admins may change templates."));
    const QString scope = writeScope(caller);
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto resolved = resolve(scope, id);
    if (!resolved)
        return resolved.error();
    auto all = m_templates.versions(id, scope);
    if (!all)
        return all.error();
    const auto it = std::find_if(all->cbegin(), all->cend(),
                                 [version](const TemplateVersion &v) { return v.version == version; });
    if (it == all->cend())
        return Error::notFound(QStringLiteral("No version %1 of this template.").arg(version));
    PayloadTemplate next = resolved->item;
    next.en = it->en;
    next.nb = it->nb;
    next.description = it->description;
    const bool existsHere = resolved->stored && resolved->item.scope == scope;
    if (auto s = persist(caller, next, resolved->item, existsHere, QStringLiteral("restore")); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    emit templateChanged(id, scope);
    return next;
}

} // namespace cc
