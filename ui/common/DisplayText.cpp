#include "ui/common/DisplayText.h"

#include <QLocale>

namespace cc {

QString DisplayText::event(EventType type)
{
    switch (type) {
    case EventType::PauseActivated:
        return tr("Pause started");
    case EventType::PauseDeactivated:
        return tr("Pause ended");
    }
    return {};
}

QString DisplayText::role(Role role)
{
    switch (role) {
    case Role::Coordinator:
        return tr("Coordinator");
    case Role::OrgAdmin:
        return tr("Org admin");
    case Role::GlobalAdmin:
        return tr("Global admin");
    }
    return {};
}

QString DisplayText::channel(Channel channel)
{
    switch (channel) {
    case Channel::Push:
        return tr("Push");
    case Channel::InApp:
        return tr("In app");
    case Channel::Email:
        return tr("Email");
    case Channel::Sms:
        return tr("SMS");
    }
    return {};
}

QString DisplayText::channelCheckBox(Channel channel)
{
    switch (channel) {
    case Channel::Push:
        return tr("&Push");
    case Channel::InApp:
        return tr("&In app");
    case Channel::Email:
        return tr("&Email");
    case Channel::Sms:
        return tr("S&MS");
    }
    return {};
}

QString DisplayText::channels(const QStringList &names)
{
    QStringList words;
    words.reserve(names.size());
    for (const QString &name : names) {
        const std::optional<Channel> known = channelFromName(name);
        words << (known ? channel(*known) : name);
    }
    return QLocale().createSeparatedList(words);
}

QString DisplayText::status(PauseStatus status)
{
    return status == PauseStatus::Paused ? tr("Paused") : tr("Active");
}

QString DisplayText::dateTime(const QDateTime &when)
{
    return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString DisplayText::date(const QDateTime &when)
{
    // Effective dates are days: midnight UTC of the day meant, whatever the viewer's time zone.
    return when.isValid() ? QLocale().toString(when.toUTC().date(), QLocale::ShortFormat) : QString();
}

QString DisplayText::longDate(const QDate &day)
{
    const QLocale locale;
    const bool norwegian =
        locale.language() == QLocale::NorwegianBokmal || locale.language() == QLocale::NorwegianNynorsk;
    return locale.toString(day, norwegian ? QStringLiteral("d. MMMM yyyy") : QStringLiteral("d MMMM yyyy"));
}

} // namespace cc
