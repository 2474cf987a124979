#include "core/Records.h"

namespace cc {

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
    static const QStringList names{QStringLiteral("push"), QStringLiteral("in_app"), QStringLiteral("email"),
                                   QStringLiteral("sms")};
    return names;
}

} // namespace cc
