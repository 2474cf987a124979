#include "core/TimeText.h"
#include "tests/support/TestSupport.h"

#include <QTest>
#include <QTimeZone>

using namespace cc;
using test::utc;

class TestTimeText : public QObject
{
    Q_OBJECT

private slots:
    void parseAccepted_data();
    void parseAccepted();
    void parseRefused_data();
    void parseRefused();
    void parseGivesUtc();

    void formatTimestamp_data();
    void formatTimestamp();
    void formatInvalidIsEmpty();
    void roundTrip_data();
    void roundTrip();

    void formatLongDate_data();
    void formatLongDate();
    void formatLongDateInvalidIsEmpty();
    void norwegianMonths();

    void knownTimeZones_data();
    void knownTimeZones();
};

void TestTimeText::parseAccepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("date alone is midnight UTC") << QStringLiteral("2026-03-20") << utc(2026, 3, 20);
    QTest::newRow("Z") << QStringLiteral("2026-03-20T00:00:00Z") << utc(2026, 3, 20);
    QTest::newRow("milliseconds Z") << QStringLiteral("2026-03-20T00:00:00.000Z") << utc(2026, 3, 20);
    QTest::newRow("seed timestamp") << QStringLiteral("2026-03-19T14:30:05.000Z")
                                    << utc(2026, 3, 19, 14, 30, 5);
    QTest::newRow("milliseconds kept")
        << QStringLiteral("2026-03-19T14:30:05.123Z") << utc(2026, 3, 19, 14, 30, 5, 123);
    QTest::newRow("one fraction digit is tenths")
        << QStringLiteral("2026-03-19T14:30:05.5Z") << utc(2026, 3, 19, 14, 30, 5, 500);
    QTest::newRow("two fraction digits are hundredths")
        << QStringLiteral("2026-03-19T14:30:05.05Z") << utc(2026, 3, 19, 14, 30, 5, 50);
    QTest::newRow("leading zero milliseconds")
        << QStringLiteral("2026-03-19T14:30:05.007Z") << utc(2026, 3, 19, 14, 30, 5, 7);
    QTest::newRow("last millisecond of a day")
        << QStringLiteral("2026-12-31T23:59:59.999Z") << utc(2026, 12, 31, 23, 59, 59, 999);

    QTest::newRow("+01:00") << QStringLiteral("2026-03-20T01:00:00+01:00") << utc(2026, 3, 20);
    QTest::newRow("+02:00 summer time") << QStringLiteral("2026-07-01T02:00:00+02:00") << utc(2026, 7, 1);
    QTest::newRow("-05:00 into the next day")
        << QStringLiteral("2026-03-19T19:00:00-05:00") << utc(2026, 3, 20);
    QTest::newRow("+05:30 half hour") << QStringLiteral("2026-03-20T05:30:00+05:30") << utc(2026, 3, 20);
    QTest::newRow("+05:45 quarter hour")
        << QStringLiteral("2026-03-20T05:45:00.250+05:45") << utc(2026, 3, 20, 0, 0, 0, 250);
    QTest::newRow("+14:00 Kiribati") << QStringLiteral("2026-03-20T14:00:00+14:00") << utc(2026, 3, 20);
    QTest::newRow("-12:00") << QStringLiteral("2026-03-19T12:00:00-12:00") << utc(2026, 3, 20);
    QTest::newRow("+00:00") << QStringLiteral("2026-03-20T00:00:00+00:00") << utc(2026, 3, 20);
    QTest::newRow("-00:00") << QStringLiteral("2026-03-20T00:00:00-00:00") << utc(2026, 3, 20);
    QTest::newRow("offset into the previous year")
        << QStringLiteral("2026-01-01T00:30:00+01:00") << utc(2025, 12, 31, 23, 30);

    QTest::newRow("stored form before 1970")
        << QStringLiteral("1969-12-31T23:59:59.999Z") << utc(1969, 12, 31, 23, 59, 59, 999);
    QTest::newRow("stored form, leap day")
        << QStringLiteral("2028-02-29T00:00:00.001Z") << utc(2028, 2, 29, 0, 0, 0, 1);
    QTest::newRow("stored form, year 1") << QStringLiteral("0001-01-01T00:00:00.000Z") << utc(1, 1, 1);
    QTest::newRow("leap day 2028") << QStringLiteral("2028-02-29") << utc(2028, 2, 29);
    QTest::newRow("leap day 2000") << QStringLiteral("2000-02-29T12:00:00Z") << utc(2000, 2, 29, 12);
    QTest::newRow("31 December") << QStringLiteral("2026-12-31") << utc(2026, 12, 31);
    QTest::newRow("the moment summer time starts in Oslo")
        << QStringLiteral("2026-03-29T03:00:00+02:00") << utc(2026, 3, 29, 1);
}

void TestTimeText::parseAccepted()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const std::optional<QDateTime> parsed = parseTimestamp(text);
    QVERIFY2(parsed.has_value(), qPrintable(text));
    QVERIFY(parsed->isValid());
    QCOMPARE(*parsed, expected);
    QCOMPARE(parsed->toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
}

void TestTimeText::parseRefused_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral(" ");
    QTest::newRow("words") << QStringLiteral("tomorrow");
    QTest::newRow("30 February") << QStringLiteral("2026-02-30");
    QTest::newRow("29 February in a common year") << QStringLiteral("2026-02-29");
    QTest::newRow("29 February 1900") << QStringLiteral("1900-02-29");
    QTest::newRow("31 April") << QStringLiteral("2026-04-31");
    QTest::newRow("31 April with a time") << QStringLiteral("2026-04-31T00:00:00Z");
    QTest::newRow("month 13") << QStringLiteral("2026-13-01");
    QTest::newRow("month 0") << QStringLiteral("2026-00-10");
    QTest::newRow("day 0") << QStringLiteral("2026-03-00");
    QTest::newRow("day 32") << QStringLiteral("2026-03-32T00:00:00Z");
    QTest::newRow("year 0") << QStringLiteral("0000-01-01");
    QTest::newRow("one-digit month") << QStringLiteral("2026-3-20");
    QTest::newRow("two-digit year") << QStringLiteral("26-03-20");
    QTest::newRow("five-digit year") << QStringLiteral("20260-03-20");
    QTest::newRow("day first") << QStringLiteral("20-03-2026");
    QTest::newRow("Norwegian form") << QStringLiteral("20.03.2026");
    QTest::newRow("slashes") << QStringLiteral("2026/03/20");
    QTest::newRow("no separators") << QStringLiteral("20260320");
    QTest::newRow("date with Z") << QStringLiteral("2026-03-20Z");
    QTest::newRow("no zone") << QStringLiteral("2026-03-20T00:00:00");
    QTest::newRow("milliseconds, no zone") << QStringLiteral("2026-03-20T00:00:00.000");
    QTest::newRow("no seconds") << QStringLiteral("2026-03-20T00:00Z");
    QTest::newRow("space instead of T") << QStringLiteral("2026-03-20 00:00:00Z");
    QTest::newRow("lower-case t") << QStringLiteral("2026-03-20t00:00:00Z");
    QTest::newRow("lower-case z") << QStringLiteral("2026-03-20T00:00:00z");
    QTest::newRow("zone name") << QStringLiteral("2026-03-20T00:00:00 UTC");
    QTest::newRow("four fraction digits") << QStringLiteral("2026-03-20T00:00:00.0000Z");
    QTest::newRow("empty fraction") << QStringLiteral("2026-03-20T00:00:00.Z");
    QTest::newRow("comma fraction") << QStringLiteral("2026-03-20T00:00:00,000Z");
    QTest::newRow("hour 24") << QStringLiteral("2026-03-20T24:00:00Z");
    QTest::newRow("minute 60") << QStringLiteral("2026-03-20T23:60:00Z");
    QTest::newRow("leap second") << QStringLiteral("2026-12-31T23:59:60Z");
    QTest::newRow("offset without colon") << QStringLiteral("2026-03-20T01:00:00+0100");
    QTest::newRow("offset hours only") << QStringLiteral("2026-03-20T01:00:00+01");
    QTest::newRow("offset and Z") << QStringLiteral("2026-03-20T01:00:00+01:00Z");
    QTest::newRow("offset minute 60") << QStringLiteral("2026-03-20T01:00:00+01:60");
    QTest::newRow("offset +24:00") << QStringLiteral("2026-03-20T01:00:00+24:00");
    QTest::newRow("offset +15:00") << QStringLiteral("2026-03-20T01:00:00+15:00");
    QTest::newRow("offset -23:59") << QStringLiteral("2026-03-20T01:00:00-23:59");
    QTest::newRow("leading space") << QStringLiteral(" 2026-03-20");
    QTest::newRow("trailing space") << QStringLiteral("2026-03-20 ");
    QTest::newRow("trailing newline") << QStringLiteral("2026-03-20\n");
    QTest::newRow("trailing newline after Z") << QStringLiteral("2026-03-20T00:00:00Z\n");
    QTest::newRow("full-width digits") << QStringLiteral("２０２６-03-20");
    QTest::newRow("Arabic-Indic digits") << QStringLiteral("٢٠٢٦-03-20");
    QTest::newRow("unix time") << QStringLiteral("1773964800");
    // The stored form (24 characters) is read by a shortcut: it refuses what the long way does.
    QTest::newRow("stored form, letter in the day") << QStringLiteral("2026-03-2aT00:00:00.000Z");
    QTest::newRow("stored form, year 0") << QStringLiteral("0000-01-01T00:00:00.000Z");
    QTest::newRow("stored form, 30 February") << QStringLiteral("2026-02-30T00:00:00.000Z");
    QTest::newRow("stored form, hour 24") << QStringLiteral("2026-03-20T24:00:00.000Z");
    QTest::newRow("stored form, leap second") << QStringLiteral("2026-12-31T23:59:60.000Z");
    QTest::newRow("stored form, full-width digit") << QStringLiteral("２026-03-19T14:30:05.000Z");
    QTest::newRow("stored form, sign in the minutes") << QStringLiteral("2026-03-19T14:-3:05.000Z");
}

void TestTimeText::parseRefused()
{
    QFETCH(QString, text);
    const std::optional<QDateTime> parsed = parseTimestamp(text);
    QVERIFY2(!parsed.has_value(),
             qPrintable(text + QStringLiteral(" gave ")
                        + (parsed ? parsed->toString(Qt::ISODateWithMs) : QString())));
}

void TestTimeText::parseGivesUtc()
{
    for (const QString &text :
         {QStringLiteral("2026-03-20"), QStringLiteral("2026-03-20T01:00:00.000Z"),
          QStringLiteral("2026-03-20T01:00:00+01:00"), QStringLiteral("2026-03-19T19:00:00.500-05:00")}) {
        const auto parsed = parseTimestamp(text);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->timeSpec(), Qt::UTC);
        QCOMPARE(parsed->offsetFromUtc(), 0);
    }
}

void TestTimeText::formatTimestamp_data()
{
    QTest::addColumn<QDateTime>("when");
    QTest::addColumn<QString>("expected");

    QTest::newRow("midnight") << utc(2026, 3, 20) << QStringLiteral("2026-03-20T00:00:00.000Z");
    QTest::newRow("seed") << utc(2026, 3, 19, 14, 30, 5) << QStringLiteral("2026-03-19T14:30:05.000Z");
    QTest::newRow("milliseconds") << utc(2026, 3, 19, 14, 30, 5, 123)
                                  << QStringLiteral("2026-03-19T14:30:05.123Z");
    QTest::newRow("few milliseconds padded")
        << utc(2026, 3, 19, 14, 30, 5, 7) << QStringLiteral("2026-03-19T14:30:05.007Z");
    QTest::newRow("last millisecond of the year")
        << utc(2026, 12, 31, 23, 59, 59, 999) << QStringLiteral("2026-12-31T23:59:59.999Z");
    QTest::newRow("before 1970") << utc(1969, 12, 31, 23, 59, 59, 999)
                                 << QStringLiteral("1969-12-31T23:59:59.999Z");
    QTest::newRow("long before 1970")
        << utc(1583, 1, 1, 0, 0, 0, 1) << QStringLiteral("1583-01-01T00:00:00.001Z");
    QTest::newRow("leap day") << utc(2028, 2, 29, 12) << QStringLiteral("2028-02-29T12:00:00.000Z");
    QTest::newRow("early year padded")
        << utc(999, 1, 2, 3, 4, 5, 6) << QStringLiteral("0999-01-02T03:04:05.006Z");
    QTest::newRow("Oslo winter time in UTC")
        << QDateTime(QDate(2026, 3, 20), QTime(1, 0), QTimeZone(QByteArrayLiteral("Europe/Oslo")))
        << QStringLiteral("2026-03-20T00:00:00.000Z");
    QTest::newRow("Oslo summer time in UTC")
        << QDateTime(QDate(2026, 7, 1), QTime(2, 0, 0, 42), QTimeZone(QByteArrayLiteral("Europe/Oslo")))
        << QStringLiteral("2026-07-01T00:00:00.042Z");
    QTest::newRow("New York evening is the next UTC day")
        << QDateTime(QDate(2026, 3, 19), QTime(21, 15), QTimeZone(QByteArrayLiteral("America/New_York")))
        << QStringLiteral("2026-03-20T01:15:00.000Z");
    QTest::newRow("fixed offset") << QDateTime(QDate(2026, 3, 20), QTime(5, 30), QTimeZone(5 * 3600 + 1800))
                                  << QStringLiteral("2026-03-20T00:00:00.000Z");
}

void TestTimeText::formatTimestamp()
{
    QFETCH(QDateTime, when);
    QFETCH(QString, expected);
    QVERIFY(when.isValid());
    QCOMPARE(cc::formatTimestamp(when), expected);
}

void TestTimeText::formatInvalidIsEmpty()
{
    QCOMPARE(cc::formatTimestamp(QDateTime()), QString());
    QCOMPARE(cc::formatTimestamp(QDateTime(QDate(2026, 2, 30), QTime(0, 0), QTimeZone::utc())), QString());
}

void TestTimeText::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("canonical") << QStringLiteral("2026-03-19T14:30:05.123Z")
                               << QStringLiteral("2026-03-19T14:30:05.123Z");
    QTest::newRow("date") << QStringLiteral("2026-03-20") << QStringLiteral("2026-03-20T00:00:00.000Z");
    QTest::newRow("without milliseconds")
        << QStringLiteral("2026-03-20T00:00:00Z") << QStringLiteral("2026-03-20T00:00:00.000Z");
    QTest::newRow("offset") << QStringLiteral("2026-03-20T01:00:00+01:00")
                            << QStringLiteral("2026-03-20T00:00:00.000Z");
    QTest::newRow("negative offset, tenths")
        << QStringLiteral("2026-03-19T23:59:59.9-01:00") << QStringLiteral("2026-03-20T00:59:59.900Z");
}

void TestTimeText::roundTrip()
{
    QFETCH(QString, text);
    QFETCH(QString, normalised);
    const auto parsed = parseTimestamp(text);
    QVERIFY(parsed.has_value());
    QCOMPARE(cc::formatTimestamp(*parsed), normalised);
    const auto again = parseTimestamp(normalised);
    QVERIFY(again.has_value());
    QCOMPARE(*again, *parsed);
}

void TestTimeText::formatLongDate_data()
{
    QTest::addColumn<QDateTime>("when");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("timeZone");
    QTest::addColumn<QString>("expected");

    const QString oslo = QStringLiteral("Europe/Oslo");
    const QString newYork = QStringLiteral("America/New_York");
    const QString en = QStringLiteral("en");
    const QString nb = QStringLiteral("nb");

    QTest::newRow("seed en") << utc(2026, 3, 20) << en << oslo << QStringLiteral("20 March 2026");
    QTest::newRow("seed nb") << utc(2026, 3, 20) << nb << oslo << QStringLiteral("20. mars 2026");
    QTest::newRow("single-digit day en") << utc(2026, 5, 1, 12) << en << oslo << QStringLiteral("1 May 2026");
    QTest::newRow("single-digit day nb")
        << utc(2026, 5, 1, 12) << nb << oslo << QStringLiteral("1. mai 2026");
    QTest::newRow("unknown locale is English")
        << utc(2026, 3, 20) << QStringLiteral("de") << oslo << QStringLiteral("20 March 2026");
    QTest::newRow("empty locale is English")
        << utc(2026, 3, 20) << QString() << oslo << QStringLiteral("20 March 2026");

    // Around midnight: the calendar date depends on the zone.
    const QDateTime lateEvening = utc(2026, 3, 19, 23, 30);
    QTest::newRow("23:30Z is the next day in Oslo")
        << lateEvening << en << oslo << QStringLiteral("20 March 2026");
    QTest::newRow("23:30Z is the next day in Oslo, nb")
        << lateEvening << nb << oslo << QStringLiteral("20. mars 2026");
    QTest::newRow("23:30Z is the same day in UTC")
        << lateEvening << en << QStringLiteral("UTC") << QStringLiteral("19 March 2026");
    QTest::newRow("23:30Z is the same day in New York")
        << lateEvening << en << newYork << QStringLiteral("19 March 2026");
    QTest::newRow("23:30Z is the same day in New York, nb")
        << lateEvening << nb << newYork << QStringLiteral("19. mars 2026");
    QTest::newRow("22:59:59Z is still the day in Oslo")
        << utc(2026, 3, 19, 22, 59, 59, 999) << en << oslo << QStringLiteral("19 March 2026");
    QTest::newRow("23:00Z is midnight in Oslo")
        << utc(2026, 3, 19, 23) << en << oslo << QStringLiteral("20 March 2026");
    QTest::newRow("03:59Z is the evening before in New York")
        << utc(2026, 3, 20, 3, 59) << en << newYork << QStringLiteral("19 March 2026");
    QTest::newRow("04:00Z is midnight in New York (summer time)")
        << utc(2026, 3, 20, 4) << en << newYork << QStringLiteral("20 March 2026");
    QTest::newRow("Tokyo is ahead") << utc(2026, 3, 19, 15) << en << QStringLiteral("Asia/Tokyo")
                                    << QStringLiteral("20 March 2026");
    QTest::newRow("new year in Oslo")
        << utc(2025, 12, 31, 23, 30) << nb << oslo << QStringLiteral("1. januar 2026");
    QTest::newRow("still old year in UTC")
        << utc(2025, 12, 31, 23, 30) << en << QStringLiteral("UTC") << QStringLiteral("31 December 2025");

    // Daylight saving time. Oslo: +01:00 until 2026-03-29T01:00Z, +02:00 until 2026-10-25T01:00Z.
    QTest::newRow("Oslo, night before summer time starts")
        << utc(2026, 3, 28, 23, 30) << en << oslo << QStringLiteral("29 March 2026");
    QTest::newRow("Oslo, last minute of the DST day")
        << utc(2026, 3, 29, 21, 59) << en << oslo << QStringLiteral("29 March 2026");
    QTest::newRow("Oslo, midnight after DST starts (+02:00)")
        << utc(2026, 3, 29, 22, 0) << en << oslo << QStringLiteral("30 March 2026");
    QTest::newRow("Oslo, summer midnight")
        << utc(2026, 6, 30, 22, 0) << nb << oslo << QStringLiteral("1. juli 2026");
    QTest::newRow("Oslo, summer 21:59Z still the day")
        << utc(2026, 6, 30, 21, 59) << nb << oslo << QStringLiteral("30. juni 2026");
    QTest::newRow("Oslo, night before summer time ends (+02:00)")
        << utc(2026, 10, 24, 22, 30) << en << oslo << QStringLiteral("25 October 2026");
    QTest::newRow("Oslo, evening after summer time ends (+01:00)")
        << utc(2026, 10, 25, 22, 30) << en << oslo << QStringLiteral("25 October 2026");
    QTest::newRow("Oslo, midnight after summer time ends")
        << utc(2026, 10, 25, 23, 0) << nb << oslo << QStringLiteral("26. oktober 2026");
    // New York: -05:00 until 2026-03-08T07:00Z, -04:00 until 2026-11-01T06:00Z.
    QTest::newRow("New York, before summer time (-05:00)")
        << utc(2026, 3, 8, 4, 30) << en << newYork << QStringLiteral("7 March 2026");
    QTest::newRow("New York, after summer time starts (-04:00)")
        << utc(2026, 3, 9, 3, 30) << en << newYork << QStringLiteral("8 March 2026");
    QTest::newRow("New York, after summer time starts, midnight")
        << utc(2026, 3, 9, 4, 0) << en << newYork << QStringLiteral("9 March 2026");
    QTest::newRow("New York, after summer time ends (-05:00)")
        << utc(2026, 11, 2, 4, 30) << en << newYork << QStringLiteral("1 November 2026");

    // An unknown zone falls back to Europe/Oslo.
    QTest::newRow("unknown zone is Oslo")
        << lateEvening << en << QStringLiteral("Mars/Olympus_Mons") << QStringLiteral("20 March 2026");
    QTest::newRow("empty zone is Oslo") << lateEvening << nb << QString() << QStringLiteral("20. mars 2026");
}

void TestTimeText::formatLongDate()
{
    QFETCH(QDateTime, when);
    QFETCH(QString, locale);
    QFETCH(QString, timeZone);
    QFETCH(QString, expected);
    QVERIFY(when.isValid());
    QCOMPARE(cc::formatLongDate(when, locale, timeZone), expected);
}

void TestTimeText::formatLongDateInvalidIsEmpty()
{
    QCOMPARE(cc::formatLongDate(QDateTime(), QStringLiteral("en"), QStringLiteral("Europe/Oslo")), QString());
    QCOMPARE(cc::formatLongDate(QDateTime(), QStringLiteral("nb"), QStringLiteral("Europe/Oslo")), QString());
}

void TestTimeText::norwegianMonths()
{
    const QStringList nb{QStringLiteral("januar"),  QStringLiteral("februar"),  QStringLiteral("mars"),
                         QStringLiteral("april"),   QStringLiteral("mai"),      QStringLiteral("juni"),
                         QStringLiteral("juli"),    QStringLiteral("august"),   QStringLiteral("september"),
                         QStringLiteral("oktober"), QStringLiteral("november"), QStringLiteral("desember")};
    const QStringList en{QStringLiteral("January"), QStringLiteral("February"), QStringLiteral("March"),
                         QStringLiteral("April"),   QStringLiteral("May"),      QStringLiteral("June"),
                         QStringLiteral("July"),    QStringLiteral("August"),   QStringLiteral("September"),
                         QStringLiteral("October"), QStringLiteral("November"), QStringLiteral("December")};
    for (int month = 1; month <= 12; ++month) {
        const QDateTime when = utc(2026, month, 15, 12);
        QCOMPARE(cc::formatLongDate(when, QStringLiteral("nb"), QStringLiteral("Europe/Oslo")),
                 QStringLiteral("15. %1 2026").arg(nb.at(month - 1)));
        QCOMPARE(cc::formatLongDate(when, QStringLiteral("en"), QStringLiteral("Europe/Oslo")),
                 QStringLiteral("15 %1 2026").arg(en.at(month - 1)));
    }
}

void TestTimeText::knownTimeZones_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<bool>("known");
    QTest::newRow("Europe/Oslo") << QStringLiteral("Europe/Oslo") << true;
    QTest::newRow("America/New_York") << QStringLiteral("America/New_York") << true;
    QTest::newRow("UTC") << QStringLiteral("UTC") << true;
    QTest::newRow("Asia/Kolkata") << QStringLiteral("Asia/Kolkata") << true;
    QTest::newRow("made up") << QStringLiteral("Mars/Olympus_Mons") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("wrong case") << QStringLiteral("europe/oslo") << false;
    QTest::newRow("a city alone") << QStringLiteral("Oslo") << false;
}

void TestTimeText::knownTimeZones()
{
    QFETCH(QString, zone);
    QFETCH(bool, known);
    QCOMPARE(isKnownTimeZone(zone), known);
}

QTEST_GUILESS_MAIN(TestTimeText)
#include "tst_timetext.moc"
