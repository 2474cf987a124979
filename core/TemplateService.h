#pragma once

#include "core/AuditLog.h"
#include "core/Caller.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/DirectoryRepository.h"
#include "core/TemplateRepository.h"
#include "core/Templates.h"

#include <QObject>

namespace cc {

// The notification templates: the four built-ins (global defaults that always exist), global
// changes to them and organisation overrides, custom templates and their version history.
// Reads resolve the caller's organisation override first, then the global default. Rendering and
// building payloads is PayloadService's. Thread-safe like every service.
class TemplateService : public QObject
{
    Q_OBJECT
public:
    TemplateService(Database &db, const Clock &clock, QObject *parent = nullptr);

    // Resolved templates the caller sees (built-ins first, then custom ones by id).
    Result<QList<PayloadTemplate>> list(const Caller &caller);
    // `orgId` names the organisation whose template a global admin means; without it a global
    // admin gets the global template, or the one organisation's that has this id (Conflict naming
    // them when several have it). Others always read in their own organisation (another one named:
    // refused).
    Result<PayloadTemplate> get(const Caller &caller, const QString &id, const QString &orgId = {});
    // The scope get() reads `id` in for the caller ("" for the global one).
    Result<QString> readScope(const Caller &caller, const QString &id, const QString &orgId = {});

    struct Saved
    {
        PayloadTemplate item;
        bool created = false;
    };
    // Changes a template; an org admin writes their organisation's override, a global admin the
    // global default. On an unknown id with change.type set it creates a custom template.
    Result<Saved> update(const Caller &caller, const QString &id, const TemplateChange &change,
                         const QString &expectedEtag = {});
    // Removes a custom template, or the customisation of a built-in (its default is back).
    // A global admin acts on the global scope, or on organisation `orgId` when given.
    Result<Deleted> remove(const Caller &caller, const QString &id, const QString &orgId = {});
    // An org admin's "reset to default": removes their organisation's override of a built-in.
    Result<PayloadTemplate> resetOverride(const Caller &caller, const QString &id);
    Result<QList<TemplateVersion>> versions(const Caller &caller, const QString &id);
    Result<PayloadTemplate> restore(const Caller &caller, const QString &id, int version);

    static QString etag(const PayloadTemplate &t);
    // The changes that turn `before` into `after`: one per language whose texts differ (update()
    // changes one language at a time, each with the ETag of what the previous one saved, so
    // nobody's change is overwritten), the description going with the first.
    static QList<TemplateChange> changesBetween(const PayloadTemplate &before, const PayloadTemplate &after);

signals:
    void templateChanged(const QString &id, const QString &scope);

private:
    struct Resolved
    {
        PayloadTemplate item;
        bool stored = false; // false: a built-in default not stored anywhere
    };
    // The template the caller sees; NotFound when there is none.
    Result<Resolved> resolve(const QString &orgId, const QString &id);
    // Stores `next` in the caller's scope as a new version (keeping the inherited original first).
    Status persist(const Caller &caller, PayloadTemplate &next, const std::optional<PayloadTemplate> &before,
                   bool existsHere, const QString &action);
    Status saveVersion(const PayloadTemplate &t, const QString &action, const Caller &caller);
    QString writeScope(const Caller &caller) const;

    Database &m_db;
    const Clock &m_clock;
    DirectoryRepository m_directory;
    TemplateRepository m_templates;
    AuditLog m_audit;
};

} // namespace cc
