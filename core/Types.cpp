#include "core/Types.h"

namespace cc {

QString roleName(Role role)
{
    switch (role) {
    case Role::Coordinator: return QStringLiteral("coordinator");
    case Role::OrgAdmin: return QStringLiteral("org_admin");
    case Role::GlobalAdmin: return QStringLiteral("global_admin");
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

QString eventTypeName(EventType type)
{
    return type == EventType::PauseActivated ? QStringLiteral("pause_activated")
                                             : QStringLiteral("pause_deactivated");
}

std::optional<EventType> eventTypeFromName(const QString &name)
{
    if (name == QLatin1String("pause_activated"))
        return EventType::PauseActivated;
    if (name == QLatin1String("pause_deactivated"))
        return EventType::PauseDeactivated;
    return std::nullopt;
}

const QStringList &channelNames()
{
    static const QStringList names{QStringLiteral("push"), QStringLiteral("in_app"),
                                   QStringLiteral("email"), QStringLiteral("sms")};
    return names;
}

bool Caller::canSee(const QString &otherOrgId) const
{
    return isGlobalAdmin() || (!orgId.isEmpty() && orgId == otherOrgId);
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
