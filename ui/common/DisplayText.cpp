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

QString DisplayText::channel(const QString &name)
{
    if (name == QLatin1String("push"))
        return tr("Push");
    if (name == QLatin1String("in_app"))
        return tr("In app");
    if (name == QLatin1String("email"))
        return tr("Email");
    if (name == QLatin1String("sms"))
        return tr("SMS");
    return name;
}

QString DisplayText::channels(const QStringList &names)
{
    QStringList words;
    words.reserve(names.size());
    for (const QString &name : names)
        words << channel(name);
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

} // namespace cc
