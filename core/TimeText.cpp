#include "core/TimeText.h"

#include "core/Defaults.h"
#include "core/Templates.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <cstdlib>

namespace cc {

QString formatTimestamp(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    return when.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

std::optional<QDateTime> parseTimestamp(const QString &text)
{
    // \z, not $: a $ would also match before a trailing newline.
    static const QRegularExpression dateOnly(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})\\z"));
    static const QRegularExpression dateTime(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,3}))?(Z|[+-]\\d{2}:\\d{2})\\z"));

    if (const auto m = dateOnly.match(text); m.hasMatch()) {
        const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (!date.isValid())
            return std::nullopt;
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    const auto m = dateTime.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    QString fraction = m.captured(7);
    while (!fraction.isEmpty() && fraction.size() < 3)
        fraction.append(QLatin1Char('0'));
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(),
                     fraction.isEmpty() ? 0 : fraction.toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const QString zone = m.captured(8);
    int offsetSeconds = 0;
    if (zone != QLatin1String("Z")) {
        const int hours = zone.mid(1, 2).toInt();
        const int minutes = zone.mid(4, 2).toInt();
        if (hours > 23 || minutes > 59)
            return std::nullopt;
        offsetSeconds = (hours * 60 + minutes) * 60 * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
    }
    // Real offsets reach ±14:00. Qt 6.4's QTimeZone refuses more, Qt 6.8's takes up to ±16:00;
    // the rule is ours, the same on both.
    constexpr int kMaxOffsetSeconds = 14 * 3600;
    const QTimeZone offset(offsetSeconds);
    if (std::abs(offsetSeconds) > kMaxOffsetSeconds || !offset.isValid())
        return std::nullopt;
    const QDateTime local(date, time, offset);
    if (!local.isValid())
        return std::nullopt;
    return local.toUTC();
}

bool isKnownTimeZone(const QString &timeZone)
{
    return QTimeZone::isTimeZoneIdAvailable(timeZone.toUtf8());
}

QString formatLongDate(const QDateTime &when, const QString &locale, const QString &timeZone)
{
    if (!when.isValid())
        return {};
    // An empty id would give the system's zone, not the fallback.
    QTimeZone zone = timeZone.isEmpty() ? QTimeZone() : QTimeZone(timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone(QByteArray(kDefaultTimeZone.data(), kDefaultTimeZone.size()));
    const QDate date = when.toTimeZone(zone).date();
    if (locale == templates::kNorwegian)
        return QLocale(QLocale::NorwegianBokmal, QLocale::Norway)
            .toString(date, QStringLiteral("d. MMMM yyyy"));
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, QStringLiteral("d MMMM yyyy"));
}

} // namespace cc
