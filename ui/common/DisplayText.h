#pragma once

#include "core/Caller.h"
#include "core/Records.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace cc {

// How the console words domain values: event types, channels, statuses and times, translated.
// Shared by the item models so a value reads the same on every page.
class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(DisplayText)

public:
    static QString event(EventType type);
    // The one set of words for the channels: a channel's name, and the text of its check box with
    // the mnemonic.
    static QString channel(Channel channel);
    static QString channelCheckBox(Channel channel);
    // Channels by their stored names ("Push and SMS"); a name that is not a channel reads as itself.
    static QString channels(const QStringList &names);
    static QString status(PauseStatus status);
    static QString role(Role role); // "Coordinator", "Org admin", "Global admin"
    // A moment in the local time zone, in the locale's short format.
    static QString dateTime(const QDateTime &when);
    // The calendar date of an effective date (stored as midnight UTC of that day).
    static QString date(const QDateTime &when);
    // "1 January 2025" / "1. januar 2025": the locale's long format without the weekday.
    static QString longDate(const QDate &day);
};

} // namespace cc
