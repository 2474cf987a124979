#pragma once

#include "core/Database.h"
#include "core/Templates.h"

namespace cc {

// Stored templates: global custom templates and changed defaults (scope ""), and organisation
// overrides and custom templates (scope = org id); their versions; and built payloads. The four
// built-ins themselves live in the program (BuiltinTemplates) and are never stored.
class TemplateRepository
{
public:
    explicit TemplateRepository(Database &db)
        : m_db(db)
    {}

    Result<std::optional<PayloadTemplate>> find(const QString &id, const QString &scope);
    // The organisations (scopes other than "") that store a template with this id, sorted.
    Result<QStringList> organisationsWith(const QString &id);
    // Every stored template of the scopes "" and `orgScope` (empty: only ""; "*": every scope).
    Result<QList<PayloadTemplate>> inScopes(const QString &orgScope);
    Status upsert(const PayloadTemplate &t, bool exists);
    Status remove(const QString &id, const QString &scope);
    Status removeEverywhere(const QString &id); // every scope (a global custom template)

    Status insertVersion(const TemplateVersion &v);
    Result<QList<TemplateVersion>> versions(const QString &id, const QString &scope); // newest first
    Result<int> latestVersionNumber(const QString &id, const QString &scope);

    Status insertPayload(const BuiltPayload &p);
    Result<std::optional<BuiltPayload>> payload(const QString &id);
    // The payloads that name a peer mentor (her personal data): those built for her id, and those
    // built for a name alone that is `name` in organisation `orgId`. Oldest first.
    Result<QList<BuiltPayload>> payloadsNaming(const QString &peerMentorId, const QString &orgId,
                                               const QString &name);
    // Overwrites a payload's texts and the name it was built for (an erasure); keeps the rest.
    Status overwritePayload(const QString &id, const QString &title, const QString &body,
                            const QString &peerMentorName);

private:
    Database &m_db;
};

} // namespace cc
