#include "core/Caller.h"

namespace cc {

QString roleName(Role role)
{
    switch (role) {
    case Role::Coordinator:
        return QStringLiteral("coordinator");
    case Role::OrgAdmin:
        return QStringLiteral("org_admin");
    case Role::GlobalAdmin:
        return QStringLiteral("global_admin");
    }
    return QStringLiteral("coordinator");
}

std::optional<Role> roleFromName(const QString &name)
{
    if (name == QLatin1String("coordinator"))
        return Role::Coordinator;
    if (name == QLatin1String("org_admin"))
        return Role::OrgAdmin;
    if (name == QLatin1String("global_admin"))
        return Role::GlobalAdmin;
    return std::nullopt;
}

bool Caller::canSee(const QString &otherOrgId) const
{
    return isGlobalAdmin() || (!orgId.isEmpty() && orgId == otherOrgId);
}

Result<QString> Caller::scopeOrg(const QString &requested) const
{
    if (isGlobalAdmin() || requested.isEmpty() || requested == orgId)
        return isGlobalAdmin() ? requested : orgId;
    return Error::field(ErrorCode::Invalid, QStringLiteral("org_id"),
                        QStringLiteral("org_id may name only your own organisation; only global admins "
                                       "may name another."));
}

Caller Caller::system()
{
    Caller caller;
    caller.userId = QStringLiteral("system");
    caller.username = QStringLiteral("system");
    caller.role = Role::GlobalAdmin;
    return caller;
}

} // namespace cc
