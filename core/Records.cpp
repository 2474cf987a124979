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

namespace {

// The one place a channel's wire name is spelled.
struct ChannelEntry
{
    Channel channel;
    QLatin1String name;
};
constexpr ChannelEntry kChannels[] = {
    {Channel::Push, QLatin1String("push")},
    {Channel::InApp, QLatin1String("in_app")},
    {Channel::Email, QLatin1String("email")},
    {Channel::Sms, QLatin1String("sms")},
};

} // namespace

const QList<Channel> &allChannels()
{
    static const QList<Channel> channels = [] {
        QList<Channel> list;
        for (const ChannelEntry &entry : kChannels)
            list << entry.channel;
        return list;
    }();
    return channels;
}

QString channelName(Channel channel)
{
    for (const ChannelEntry &entry : kChannels)
        if (entry.channel == channel)
            return entry.name;
    return {};
}

std::optional<Channel> channelFromName(const QString &name)
{
    for (const ChannelEntry &entry : kChannels)
        if (name == entry.name)
            return entry.channel;
    return std::nullopt;
}

const QStringList &channelNames()
{
    static const QStringList names = [] {
        QStringList list;
        for (const ChannelEntry &entry : kChannels)
            list << entry.name;
        return list;
    }();
    return names;
}

} // namespace cc
