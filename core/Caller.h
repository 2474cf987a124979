#pragma once

// Roles and the caller every service call is made for.

#include "core/Result.h"

#include <QString>

#include <optional>

namespace cc {

enum class Role
{
    Coordinator,
    OrgAdmin,
    GlobalAdmin
};
QString roleName(Role role); // "coordinator", "org_admin", "global_admin"
std::optional<Role> roleFromName(const QString &name);

// Who is asking. Passed into every service call; services enforce roles and organisation scope.
struct Caller
{
    QString userId;
    QString username;
    Role role = Role::Coordinator;
    QString orgId;         // empty only for a global admin
    QString coordinatorId; // set for coordinator users

    bool isGlobalAdmin() const { return role == Role::GlobalAdmin; }
    // True when this caller may see things of organisation orgId.
    bool canSee(const QString &orgId) const;
    // The organisation a request acts in when it names `requested` (empty: it names none): a
    // global admin any (empty: every one), everyone else their own. Naming another organisation
    // is refused (Invalid, field org_id), not silently ignored.
    Result<QString> scopeOrg(const QString &requested) const;
    // The caller every command-line action runs as: a global admin that is the operator.
    static Caller system();
};

} // namespace cc
