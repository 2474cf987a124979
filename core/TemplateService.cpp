#include "core/TemplateService.h"

#include "core/BuiltinTemplates.h"
#include "core/ChangeFeed.h"
#include "core/ETag.h"
#include "core/Fields.h"
#include "core/Ids.h"
#include "core/Permissions.h"
#include "core/TemplateCompiler.h"

#include <QSet>

namespace cc {

namespace {

using templates::kMaxBody;
using templates::kMaxDescription;
using templates::kMaxTitle;

Error notFoundTemplate()
{
    return Error::notFound(QStringLiteral("No payload template with this id."));
}

// What a change may hold, before anything is read: a language, something to change and no text
// longer than its limit.
Status validateChange(const TemplateChange &change)
{
    if (auto s = templates::validateLocale(change.locale); !s)
        return s;
    if (!change.title && !change.body && !change.description)
        return Error::invalid(QStringLiteral("Send title, body_template or description to change."));
    QList<FieldError> problems;
    if (change.title && change.title->size() > kMaxTitle)
        problems << FieldError{field::Title,
                               QStringLiteral("title must be at most %1 characters.").arg(kMaxTitle), 0, 0};
    if (change.body && change.body->size() > kMaxBody)
        problems << FieldError{field::BodyTemplate,
                               QStringLiteral("body_template must be at most %1 characters.").arg(kMaxBody),
                               0, 0};
    if (change.description && change.description->size() > kMaxDescription)
        problems << FieldError{
            field::Description,
            QStringLiteral("description must be at most %1 characters.").arg(kMaxDescription), 0, 0};
    if (!problems.isEmpty())
        return Error::invalid(problems.first().message, problems);
    return {};
}

// The custom template `change` creates under `id`.
Result<PayloadTemplate> newCustomTemplate(const QString &id, const TemplateChange &change)
{
    if (change.type.isEmpty())
        return Error::notFound(
            QStringLiteral("No payload template with this id; send “type” to create a custom template."));
    if (!isValidTemplateId(id))
        return Error::field(ErrorCode::Invalid, field::Id,
                            QStringLiteral("A template id is 1 to %1 characters of a–z, 0–9 and “-”.")
                                .arg(templates::kMaxIdLength));
    const PayloadTemplate *kind = builtinTemplateOfType(change.type);
    if (!kind)
        return Error::field(
            ErrorCode::Invalid, field::Type,
            QStringLiteral("type must be one of %1.").arg(payloadTypes().join(QStringLiteral(", "))));
    QList<FieldError> missing;
    if (!change.title)
        missing << FieldError{field::Title, QStringLiteral("title is required to create a template."), 0, 0};
    if (!change.body)
        missing << FieldError{field::BodyTemplate,
                              QStringLiteral("body_template is required to create a template."), 0, 0};
    if (!missing.isEmpty())
        return Error::invalid(missing.first().message, missing);
    PayloadTemplate next;
    next.id = id;
    next.type = kind->type;
    next.event = kind->event;
    next.custom = true;
    next.description = change.description.value_or(QString(QLatin1String("")));
    // A new template speaks both languages from the start: the other one gets the same text
    // until it is translated.
    next.en = next.nb = TemplateText{*change.title, *change.body};
    return next;
}

} // namespace

TemplateService::TemplateService(Database &db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_directory(db)
    , m_templates(db)
    , m_audit(db, clock)
{}

QString TemplateService::etag(const PayloadTemplate &t)
{
    const QString basis = t.id + QLatin1Char('|') + t.scope + QLatin1Char('|') + QString::number(t.version)
        + QLatin1Char('|') + t.description + QLatin1Char('|') + t.en.title + QLatin1Char('|') + t.en.body
        + QLatin1Char('|') + t.nb.title + QLatin1Char('|') + t.nb.body;
    return makeEtag(basis.toUtf8());
}

QList<TemplateChange> TemplateService::changesBetween(const PayloadTemplate &before,
                                                      const PayloadTemplate &after)
{
    QList<TemplateChange> changes;
    for (const QString &locale : templates::locales()) {
        const TemplateText &now = after.text(locale);
        const TemplateText &was = before.text(locale);
        if (now == was)
            continue;
        TemplateChange change;
        change.locale = locale;
        if (now.title != was.title)
            change.title = now.title;
        if (now.body != was.body)
            change.body = now.body;
        changes << change;
    }
    if (after.description != before.description) {
        if (changes.isEmpty())
            changes << TemplateChange{};
        changes.first().description = after.description;
    }
    return changes;
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

Result<QString> TemplateService::readScope(const Caller &caller, const QString &id, const QString &orgId)
{
    auto scope = caller.scopeOrg(orgId);
    if (!scope)
        return scope.error();
    if (!caller.isGlobalAdmin())
        return *scope;
    if (!scope->isEmpty()) {
        auto org = m_directory.organisation(*scope);
        if (!org)
            return org.error();
        if (!org->has_value())
            return Error::field(ErrorCode::NotFound, field::OrgId,
                                QStringLiteral("No organisation with this id."));
        return *scope;
    }
    const QString global = QString(QLatin1String(""));
    auto stored = m_templates.find(id, global);
    if (!stored)
        return stored.error();
    if (stored->has_value() || builtinTemplate(id))
        return global;
    auto organisations = m_templates.organisationsWith(id);
    if (!organisations)
        return organisations.error();
    if (organisations->size() > 1)
        return Error{
            ErrorCode::Conflict,
            QStringLiteral("The template “%1” exists in several organisations (%2); name one with org_id.")
                .arg(id, organisations->join(QStringLiteral(", "))),
            {FieldError{field::OrgId.toString(), organisations->join(QStringLiteral(", "))}},
            0};
    return organisations->isEmpty() ? global : organisations->first();
}

Result<PayloadTemplate> TemplateService::get(const Caller &caller, const QString &id, const QString &orgId)
{
    auto scope = readScope(caller, id, orgId);
    if (!scope)
        return scope.error();
    auto resolved = resolve(*scope, id);
    if (!resolved)
        return resolved.error();
    return resolved->item;
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
    if (auto s = m_audit.write(caller, scope, QStringLiteral("template.") + action,
                               QStringLiteral("payload_template"), next.id,
                               QStringLiteral("version %1").arg(next.version));
        !s)
        return s;
    return appendChange(m_db, m_clock, ChangeKind::TemplateUpdated, scope, next.id);
}

Result<TemplateService::Saved> TemplateService::update(const Caller &caller, const QString &id,
                                                       const TemplateChange &change,
                                                       const QString &expectedEtag)
{
    if (auto s = require(caller, Action::EditTemplates); !s)
        return s.error();
    if (auto s = validateChange(change); !s)
        return s.error();

    const QString scope = writeScope(caller);
    const QString locale = change.locale.isEmpty() ? templates::defaultLocale() : change.locale;
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
        auto custom = newCustomTemplate(id, change);
        if (!custom)
            return custom.error();
        next = *custom;
        created = true;
    } else {
        if (!change.type.isEmpty() && change.type != resolved->item.type)
            return Error::field(ErrorCode::Invalid, field::Type,
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
        TemplateText &text = next.text(locale);
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
        compileProblems << TemplateCompiler::check(next.text(locale).title, field::Title);
    if (change.body || created)
        compileProblems << TemplateCompiler::check(next.text(locale).body, field::BodyTemplate);
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
    m_db.afterCommit([this, id, scope] { emit templateChanged(id, scope); });
    return Saved{next, created};
}

Result<Deleted> TemplateService::remove(const Caller &caller, const QString &id, const QString &orgId)
{
    if (auto s = require(caller, Action::DeleteTemplates); !s)
        return s.error();
    // The global template, or the organisation's named (or the one organisation that has it).
    auto where = readScope(caller, id, orgId);
    if (!where)
        return where.error();
    const QString scope = *where;
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
    if (auto s = appendChange(m_db, m_clock, ChangeKind::TemplateUpdated, scope, id); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    m_db.afterCommit([this, id, scope] { emit templateChanged(id, scope); });
    return Deleted{id, now};
}

Result<PayloadTemplate> TemplateService::resetOverride(const Caller &caller, const QString &id)
{
    if (auto s = require(caller, Action::EditTemplates); !s)
        return s.error();
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
    if (auto s = appendChange(m_db, m_clock, ChangeKind::TemplateUpdated, scope, id); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    m_db.afterCommit([this, id, scope] { emit templateChanged(id, scope); });
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
    if (auto s = require(caller, Action::EditTemplates); !s)
        return s.error();
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
    m_db.afterCommit([this, id, scope] { emit templateChanged(id, scope); });
    return next;
}

} // namespace cc
