#include "core/TimeText.h"

#include "core/Defaults.h"
#include "core/Templates.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <cstdlib>

namespace cc {

namespace {

constexpr qint64 kMsPerDay = 24 * 60 * 60 * 1000;

// Writes `value` as `width` digits at `out` (value >= 0 and fits).
void putDigits(char *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
}

// The number at text[from, from + width) when those are all ASCII digits, else -1.
int digitsAt(const QString &text, qsizetype from, int width)
{
    int value = 0;
    for (qsizetype i = from; i < from + width; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

} // namespace

QString formatTimestamp(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    // Written by hand: every record in every answer has two or three of these, and
    // QDateTime::toString() with a format costs some 2 µs each.
    const qint64 ms = when.toMSecsSinceEpoch();
    const qint64 days = ms >= 0 ? ms / kMsPerDay : -((-ms + kMsPerDay - 1) / kMsPerDay);
    const qint64 msOfDay = ms - days * kMsPerDay;
    const QDate date = QDate(1970, 1, 1).addDays(days);
    if (date.year() < 0 || date.year() > 9999)
        return when.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    char text[24];
    putDigits(text, date.year(), 4);
    text[4] = '-';
    putDigits(text + 5, date.month(), 2);
    text[7] = '-';
    putDigits(text + 8, date.day(), 2);
    text[10] = 'T';
    putDigits(text + 11, int(msOfDay / 3'600'000), 2);
    text[13] = ':';
    putDigits(text + 14, int(msOfDay / 60'000 % 60), 2);
    text[16] = ':';
    putDigits(text + 17, int(msOfDay / 1000 % 60), 2);
    text[19] = '.';
    putDigits(text + 20, int(msOfDay % 1000), 3);
    text[23] = 'Z';
    return QString::fromLatin1(text, 24);
}

std::optional<QDateTime> parseTimestamp(const QString &text)
{
    // The form every stored time has ("2026-03-19T14:30:05.000Z"), read without a regular
    // expression; anything else goes the long way below.
    if (text.size() == 24 && text.at(4) == u'-' && text.at(7) == u'-' && text.at(10) == u'T'
        && text.at(13) == u':' && text.at(16) == u':' && text.at(19) == u'.' && text.at(23) == u'Z') {
        const int year = digitsAt(text, 0, 4), month = digitsAt(text, 5, 2), day = digitsAt(text, 8, 2);
        const int hour = digitsAt(text, 11, 2), minute = digitsAt(text, 14, 2),
                  second = digitsAt(text, 17, 2);
        const int milli = digitsAt(text, 20, 3);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || milli < 0)
            return std::nullopt;
        const QDate date(year, month, day);
        if (!date.isValid() || !QTime::isValid(hour, minute, second, milli))
            return std::nullopt;
        const qint64 ms = (date.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * kMsPerDay
            + ((hour * 60 + minute) * 60 + second) * 1000 + milli;
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    }

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
