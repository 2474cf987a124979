#pragma once

#include "core/AuditLog.h"
#include "core/Caller.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/DirectoryRepository.h"
#include "core/RecordRepository.h"
#include "core/TemplateRepository.h"
#include "core/Templates.h"

#include <QObject>

namespace cc {

// The notification templates: the four built-ins (global defaults that always exist), global
// changes to them and organisation overrides, custom templates, their version history, rendering
// and building payloads. Reads resolve the caller's organisation override first, then the
// global default. Thread-safe like every service.
class TemplateService : public QObject
{
    Q_OBJECT
public:
    TemplateService(Database &db, const Clock &clock, QObject *parent = nullptr);

    // Resolved templates the caller sees (built-ins first, then custom ones by id).
    Result<QList<PayloadTemplate>> list(const Caller &caller);
    Result<PayloadTemplate> get(const Caller &caller, const QString &id);
    // Renders template `id` with `values` (empty fields are filled from the mentor named by
    // values.peerMentorId, else with sample values); `locale` empty: the organisation's.
    Result<RenderedTemplate> render(const Caller &caller, const QString &id, TemplateValues values,
                                    const QString &locale = {});
    // The values render() fills in for template `id` and peer mentor `peerMentorId` when it is
    // given nothing else: the mentor's name, their coordinator's name, the date and reason of
    // their latest event of the template's kind (now and no reason when they have none) and their
    // organisation's name. An empty `peerMentorId` answers the sample values with the caller's
    // organisation. NotFound for a template or a mentor the caller cannot see.
    Result<TemplateValues> valuesFor(const Caller &caller, const QString &id, const QString &peerMentorId);
    // Renders texts that are not saved (the console's live preview).
    Result<RenderedTemplate> preview(const Caller &caller, const PayloadTemplate &draft,
                                     const TemplateValues &values, const QString &locale);
    Result<BuiltPayload> build(const Caller &caller, const BuildRequest &request);
    Result<BuiltPayload> payload(const Caller &caller, const QString &id);

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
    static TemplateValues sampleValues();

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
    Result<Organisation> organisationOf(const Caller &caller);
    Result<RenderedTemplate> renderTemplate(const PayloadTemplate &t, TemplateValues values,
                                            const QString &locale, const std::optional<Organisation> &org);
    // What `values` is rendered with: what it lacks filled from the peer mentor it names, else
    // (withSamples) from the sample values, and the organisation whose name, locale and time zone
    // apply (the mentor's, else the caller's).
    struct Filled
    {
        TemplateValues values;
        std::optional<Organisation> org;
    };
    // NotFound when values.peerMentorId names a mentor the caller cannot see.
    Result<Filled> fill(const Caller &caller, const PayloadTemplate &t, TemplateValues values,
                        bool withSamples);
    // fill(), then renders `t`.
    Result<RenderedTemplate> renderWith(const Caller &caller, const PayloadTemplate &t, TemplateValues values,
                                        const QString &locale, bool withSamples);
    // Stores `next` in the caller's scope as a new version (keeping the inherited original first).
    Status persist(const Caller &caller, PayloadTemplate &next, const std::optional<PayloadTemplate> &before,
                   bool existsHere, const QString &action);
    Status saveVersion(const PayloadTemplate &t, const QString &action, const Caller &caller);
    QString writeScope(const Caller &caller) const;

    Database &m_db;
    const Clock &m_clock;
    DirectoryRepository m_directory;
    RecordRepository m_records;
    TemplateRepository m_templates;
    AuditLog m_audit;
};

} // namespace cc
