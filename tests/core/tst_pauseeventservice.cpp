#include "core/NotificationRecordService.h"
#include "core/PauseEventService.h"
#include "core/PayloadService.h"
#include "core/TemplateService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QTest>

#include <memory>

using namespace cc;
using namespace cc::test;

class TestPauseEventService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void payloadTypes();
    void recordPauseBuildsBothPayloadsAndTheRecord_data();
    void recordPauseBuildsBothPayloadsAndTheRecord();
    void refusalLeavesNothingBehind_data();
    void refusalLeavesNothingBehind();
    void refusedRecordNamesItsStep();

private:
    PauseEvent pauseOfOla() const;
    qint64 count(const QString &table);

    std::unique_ptr<test::TestDatabase> m_db;
    ManualClock m_clock{test::testNow()};
    std::unique_ptr<TemplateService> m_templates;
    std::unique_ptr<PayloadService> m_payloads;
    std::unique_ptr<NotificationRecordService> m_records;
    std::unique_ptr<PauseEventService> m_events;

    World m_world; // with organisation A speaking English
};

void TestPauseEventService::initTestCase()
{
    m_world.orgA.locale = QStringLiteral("en");
    m_db = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_templates = std::make_unique<TemplateService>(m_db->db(), m_clock);
    m_payloads = std::make_unique<PayloadService>(m_db->db(), m_clock, *m_templates);
    m_records = std::make_unique<NotificationRecordService>(m_db->db(), m_clock);
    m_events = std::make_unique<PauseEventService>(*m_payloads, *m_records);
}

void TestPauseEventService::cleanupTestCase()
{
    m_events.reset();
    m_records.reset();
    m_payloads.reset();
    m_templates.reset();
    m_db.reset();
}

// The World, with organisation A speaking English and B Norwegian.
void TestPauseEventService::init()
{
    m_db->reset();
    m_clock.set(test::testNow());
    auto created = m_world.create(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
}

PauseEvent TestPauseEventService::pauseOfOla() const
{
    PauseEvent e;
    e.peerMentorId = QStringLiteral("pm_a1");
    e.coordinatorId = QStringLiteral("coord_a1");
    e.event = EventType::PauseActivated;
    e.effectiveDate = utc(2026, 3, 20);
    e.reason = QStringLiteral("Exam period");
    e.channels = {QStringLiteral("push"), QStringLiteral("in_app")};
    e.notes = QStringLiteral("Called on the phone");
    return e;
}

qint64 TestPauseEventService::count(const QString &table)
{
    Query q(m_db->db(), QStringLiteral("SELECT COUNT(*) FROM ") + table);
    if (!q.exec().ok() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestPauseEventService::payloadTypes()
{
    QCOMPARE(PauseEventService::coordinatorPayloadType(EventType::PauseActivated),
             QStringLiteral("coordinator_pause"));
    QCOMPARE(PauseEventService::peerMentorPayloadType(EventType::PauseActivated),
             QStringLiteral("peer_mentor_pause_confirmation"));
    QCOMPARE(PauseEventService::coordinatorPayloadType(EventType::PauseDeactivated),
             QStringLiteral("coordinator_resume"));
    QCOMPARE(PauseEventService::peerMentorPayloadType(EventType::PauseDeactivated),
             QStringLiteral("peer_mentor_resume_confirmation"));
}

void TestPauseEventService::recordPauseBuildsBothPayloadsAndTheRecord_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<int>("event");
    QTest::newRow("coordinator, pause") << QStringLiteral("coordA") << int(EventType::PauseActivated);
    QTest::newRow("org admin, pause") << QStringLiteral("adminA") << int(EventType::PauseActivated);
    QTest::newRow("coordinator, resume") << QStringLiteral("coordA") << int(EventType::PauseDeactivated);
}

void TestPauseEventService::recordPauseBuildsBothPayloadsAndTheRecord()
{
    QFETCH(QString, caller);
    QFETCH(int, event);
    PauseEvent e = pauseOfOla();
    e.event = EventType(event);
    PauseEventStep step = PauseEventStep::CoordinatorPayload;
    auto recorded = m_events->recordEvent(m_world.who(caller), e, &step);
    QVERIFY2(recorded, why(recorded).constData());
    QCOMPARE(step, PauseEventStep::CoordinatorPayload); // untouched on success

    QCOMPARE(recorded->record.peerMentorId, QStringLiteral("pm_a1"));
    QCOMPARE(recorded->record.eventType, e.event);
    QCOMPARE(recorded->record.effectiveDate, e.effectiveDate);
    QCOMPARE(recorded->record.reason, std::optional<QString>(e.reason));
    QCOMPARE(recorded->record.channels, e.channels);
    QCOMPARE(recorded->record.notes, std::optional<QString>(e.notes));
    QCOMPARE(recorded->record.coordinatorName, QStringLiteral("Kari Koordinator"));

    QCOMPARE(recorded->payloads.size(), 2);
    QCOMPARE(recorded->payloads.at(0).payloadType, PauseEventService::coordinatorPayloadType(e.event));
    QCOMPARE(recorded->payloads.at(1).payloadType, PauseEventService::peerMentorPayloadType(e.event));
    for (const BuiltPayload &p : recorded->payloads) {
        QCOMPARE(p.peerMentorName, QStringLiteral("Åse Ødegård"));
        QCOMPARE(p.locale, QStringLiteral("en"));
        QVERIFY(m_payloads->payload(m_world.coordinatorA, p.id).ok());
    }
    QCOMPARE(count(QStringLiteral("notification_records")), 1);
    QCOMPARE(count(QStringLiteral("built_payloads")), 2);
}

void TestPauseEventService::refusalLeavesNothingBehind_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("step");
    QTest::addColumn<QString>("code");
    QTest::newRow("global admin") << QStringLiteral("global") << QString()
                                  << int(PauseEventStep::CoordinatorPayload) << QStringLiteral("forbidden");
    QTest::newRow("mentor of another organisation")
        << QStringLiteral("coordB") << QString() << int(PauseEventStep::CoordinatorPayload)
        << QStringLiteral("unprocessable");
    QTest::newRow("no channel") << QStringLiteral("coordA") << QStringLiteral("channels")
                                << int(PauseEventStep::Record) << QStringLiteral("invalid");
    QTest::newRow("unknown channel") << QStringLiteral("coordA") << QStringLiteral("fax")
                                     << int(PauseEventStep::Record) << QStringLiteral("invalid");
    QTest::newRow("notes too long") << QStringLiteral("coordA") << QStringLiteral("notes")
                                    << int(PauseEventStep::Record) << QStringLiteral("invalid");
    QTest::newRow("reason too long") << QStringLiteral("coordA") << QStringLiteral("reason")
                                     << int(PauseEventStep::CoordinatorPayload) << QStringLiteral("invalid");
}

void TestPauseEventService::refusalLeavesNothingBehind()
{
    QFETCH(QString, caller);
    QFETCH(QString, change);
    QFETCH(int, step);
    QFETCH(QString, code);
    PauseEvent e = pauseOfOla();
    if (change == QLatin1String("channels"))
        e.channels.clear();
    else if (change == QLatin1String("fax"))
        e.channels = {QStringLiteral("fax")};
    else if (change == QLatin1String("notes"))
        e.notes = QString(NotificationRecordService::kMaxNotes + 1, u'n');
    else if (change == QLatin1String("reason"))
        e.reason = QString(NotificationRecordService::kMaxReason + 1, u'r');
    PauseEventStep failed = PauseEventStep::PeerMentorPayload;
    auto recorded = m_events->recordEvent(m_world.who(caller), e, &failed);
    QVERIFY(!recorded);
    QCOMPARE(codeOf(recorded), code);
    QCOMPARE(int(failed), step);
    QCOMPARE(count(QStringLiteral("notification_records")), 0);
    QCOMPARE(count(QStringLiteral("built_payloads")), 0);
}

// A refusal that only the record itself can find (here: a coordinator of another organisation)
// comes after the payloads and says so.
void TestPauseEventService::refusedRecordNamesItsStep()
{
    PauseEvent e = pauseOfOla();
    e.coordinatorId = QStringLiteral("coord_b1");
    PauseEventStep failed = PauseEventStep::CoordinatorPayload;
    auto recorded = m_events->recordEvent(m_world.coordinatorA, e, &failed);
    QVERIFY(!recorded);
    QCOMPARE(failed, PauseEventStep::Record);
    QCOMPARE(codeOf(recorded), QStringLiteral("unprocessable"));
    QCOMPARE(recorded.error().fields.constFirst().field, QStringLiteral("coordinator_id"));
    QCOMPARE(count(QStringLiteral("notification_records")), 0);
}

CC_DATABASE_TEST_MAIN(TestPauseEventService)

#include "tst_pauseeventservice.moc"
