#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace cc {

// "2026-03-19T14:30:05.000Z": how every time is written, in the API and in the database.
QString formatTimestamp(const QDateTime &when);

// Accepts "2026-03-20", "2026-03-20T00:00:00Z", "2026-03-20T00:00:00.000Z" and offsets
// ("2026-03-20T01:00:00+01:00"); returns the moment in UTC, or nothing for anything else.
// A date alone means midnight UTC of that day.
std::optional<QDateTime> parseTimestamp(const QString &text);

// "20 March 2026" (en) or "20. mars 2026" (nb), the calendar date of `when` in time zone
// `timeZone` (an IANA name; an unknown one falls back to Europe/Oslo).
QString formatLongDate(const QDateTime &when, const QString &locale, const QString &timeZone);

bool isKnownTimeZone(const QString &timeZone);

} // namespace cc
