// JsonWriter writes the bytes QJsonDocument would (compact, members in the order given), so
// that answers written with it are the answers clients had before.
#include "core/Records.h"
#include "core/TimeText.h"
#include "server/JsonWriter.h"
#include "server/RecordJson.h"
#include "server/Responses.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace cc;
using namespace cc::api;

class TestJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void stringsAreEscapedAsQtEscapesThem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain") << QStringLiteral("Kari Nordmann");
        QTest::newRow("quote and backslash") << QStringLiteral("say \"hi\" \\ bye");
        QTest::newRow("named controls") << QStringLiteral("a\nb\tc\rd\be\ff");
        QTest::newRow("other controls") << QString::fromUtf8("\x01\x1f\x7f end");
        QTest::newRow("NUL") << QString(QChar(0)) + QStringLiteral("x");
        QTest::newRow("Norwegian") << QStringLiteral("Bjørn Løvås, Æsa");
        QTest::newRow("astral") << QStringLiteral("pause 🌙 done");
        QTest::newRow("line separator") << QStringLiteral("a\u2028b");
        QTest::newRow("slash") << QStringLiteral("a/b</script>");
        // Plain ASCII is copied as it is until an escape or a non-ASCII character turns up.
        QTest::newRow("escape at the end") << QStringLiteral("pm_551e8400\"");
        QTest::newRow("non-ASCII at the end") << QStringLiteral("Nordmann ø");
        QTest::newRow("longer than the reserve") << QString(5000, QLatin1Char('a'));
    }

    void stringsAreEscapedAsQtEscapesThem()
    {
        QFETCH(QString, text);
        JsonWriter w(8);
        w.beginArray().value(text).value(QStringLiteral("after")).value(text).endArray();
        QCOMPARE(
            w.bytes(),
            QJsonDocument(QJsonArray{text, QStringLiteral("after"), text}).toJson(QJsonDocument::Compact));
    }

    void nestingNumbersAndNull()
    {
        JsonWriter w;
        w.beginObject();
        w.key(QLatin1StringView("a")).beginArray().endArray();
        w.key(QLatin1StringView("b")).beginObject().endObject();
        w.key(QLatin1StringView("c")).value(qint64(-9007199254740993LL));
        w.key(QLatin1StringView("d")).null();
        w.key(QLatin1StringView("e")).value(true);
        w.key(QLatin1StringView("f")).strings({QStringLiteral("x"), QStringLiteral("y")});
        w.key(QLatin1StringView("g"))
            .beginArray()
            .beginObject()
            .key(QLatin1StringView("h"))
            .value(0)
            .endObject()
            .valueOrNull(std::nullopt)
            .valueOrNull(QStringLiteral("i"))
            .endArray();
        w.endObject();
        const QJsonObject expected{
            {QStringLiteral("a"), QJsonArray()},
            {QStringLiteral("b"), QJsonObject()},
            {QStringLiteral("c"), qint64(-9007199254740993LL)},
            {QStringLiteral("d"), QJsonValue::Null},
            {QStringLiteral("e"), true},
            {QStringLiteral("f"), QJsonArray{QStringLiteral("x"), QStringLiteral("y")}},
            {QStringLiteral("g"),
             QJsonArray{QJsonObject{{QStringLiteral("h"), 0}}, QJsonValue::Null, QStringLiteral("i")}}};
        QCOMPARE(w.bytes(), QJsonDocument(expected).toJson(QJsonDocument::Compact));
    }

    // A list page is the bytes the QJsonObject form gave.
    void aPageOfRecordsIsWhatItWas()
    {
        NotificationRecord r;
        r.id = QStringLiteral("nr_0a1b2c3d4e5f");
        r.peerMentorId = QStringLiteral("pm_551e8400");
        r.peerMentorName = QStringLiteral("Kari \"K\" Nordmann");
        r.eventType = EventType::PauseActivated;
        r.coordinatorId = QStringLiteral("coord_9f8e7d6c");
        r.channels = {QStringLiteral("push"), QStringLiteral("in_app")};
        r.effectiveDate = QDateTime(QDate(2026, 3, 20), QTime(0, 0), Qt::UTC);
        r.sentAt = QDateTime(QDate(2026, 3, 19), QTime(14, 30, 5, 7), Qt::UTC);
        NotificationRecord s = r;
        s.id = QStringLiteral("nr_ffffffffffff");
        s.channels = {};
        const QList<NotificationRecord> records{r, s};

        const ApiResponse answer = page(records, writeRecordListItem, 3, 2, 41);
        QJsonArray items;
        for (const NotificationRecord &x : records)
            items.append(
                QJsonObject{{QStringLiteral("id"), x.id},
                            {QStringLiteral("peer_mentor_id"), x.peerMentorId},
                            {QStringLiteral("peer_mentor_name"), x.peerMentorName},
                            {QStringLiteral("event_type"), QStringLiteral("pause_activated")},
                            {QStringLiteral("coordinator_id"), x.coordinatorId},
                            {QStringLiteral("channels_notified"), QJsonArray::fromStringList(x.channels)},
                            {QStringLiteral("sent_at"), formatTimestamp(x.sentAt)},
                            {QStringLiteral("effective_date"), formatTimestamp(x.effectiveDate)}});
        const QJsonObject expected{{QStringLiteral("data"), items},
                                   {QStringLiteral("pagination"),
                                    QJsonObject{{QStringLiteral("page"), 3},
                                                {QStringLiteral("limit"), 2},
                                                {QStringLiteral("total"), 41}}}};
        QCOMPARE(answer.body, QJsonDocument(expected).toJson(QJsonDocument::Compact));
        QCOMPARE(answer.header("Content-Type"), QByteArrayLiteral("application/json"));
        // And the QJsonArray form of the other lists.
        QCOMPARE(page(items, 3, 2, 41).body, answer.body);
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
