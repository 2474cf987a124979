#include "core/NotificationRecordService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/World.h"
#include "tests/ui/UiTestData.h"
#include "ui/peermentors/HistoryModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace cc;
using namespace cc::test::ui;

class TestHistoryModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void newestFirst();
    void headersAndRoles();
    void recordForTheMentorIsInserted();
    void recordFromAnotherThread();
    void changedAndDeletedRecords();
    void otherMentorsAndOrganisations();
    void noMentor();

private:
    NotificationRecord add(const Caller &caller, const QString &mentor, const QString &coordinator,
                           EventType type, const QDateTime &effective);

    std::unique_ptr<test::TestDatabase> m_database;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<NotificationRecordService> m_service;
};

void TestHistoryModel::initTestCase()
{
    m_database = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_database->ok(), qPrintable(m_database->error()));
    m_clock = std::make_unique<ManualClock>(test::testNow());
    m_service = std::make_unique<NotificationRecordService>(m_database->db(), *m_clock);
}

void TestHistoryModel::init()
{
    m_database->reset();
    m_clock->set(test::testNow());
    const Status seeded = test::World().create(m_database->db(), *m_clock);
    QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.error().message));
}

NotificationRecord TestHistoryModel::add(const Caller &caller, const QString &mentor,
                                         const QString &coordinator, EventType type,
                                         const QDateTime &effective)
{
    m_clock->advance(kMinute);
    const auto added = m_service->record(caller, newRecord(mentor, coordinator, type, effective));
    if (!added)
        qWarning("record() failed: %s", qPrintable(added.error().message));
    return added ? *added : NotificationRecord();
}

void TestHistoryModel::newestFirst()
{
    const NotificationRecord first =
        add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(-5));
    const NotificationRecord second =
        add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseDeactivated, day(-2));
    add(coordinatorA(), kMentorA2, kCoordA2, EventType::PauseActivated, day(-1));
    const NotificationRecord third =
        add(orgAdminA(), kMentorA1, kCoordA2, EventType::PauseActivated, day(-9));

    HistoryModel model(*m_service, coordinatorA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPeerMentor(kMentorA1);
    QCOMPARE(model.peerMentorId(), kMentorA1);
    QCOMPARE(model.peerMentor().name, QStringLiteral("Åse Ødegård"));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.recordAt(0).id, third.id);
    QCOMPARE(model.recordAt(1).id, second.id);
    QCOMPARE(model.recordAt(2).id, first.id);
    QCOMPARE(model.index(0, HistoryModel::EventColumn).data().toString(), QStringLiteral("Pause started"));
    QCOMPARE(model.index(1, HistoryModel::EventColumn).data().toString(), QStringLiteral("Pause ended"));
    QCOMPARE(model.index(0, HistoryModel::EffectiveDateColumn).data().toString(),
             QLocale().toString(day(-9).date(), QLocale::ShortFormat));
    QCOMPARE(model.index(0, HistoryModel::ReasonColumn).data().toString(), QStringLiteral("Ferie"));
    QCOMPARE(model.index(0, HistoryModel::ChannelsColumn).data().toString(),
             QLocale().createSeparatedList({QStringLiteral("Push"), QStringLiteral("SMS")}));
    QCOMPARE(model.index(0, HistoryModel::SentAtColumn).data().toString(),
             QLocale().toString(third.sentAt.toLocalTime(), QLocale::ShortFormat));
}

void TestHistoryModel::headersAndRoles()
{
    const NotificationRecord r = add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(-5));
    HistoryModel model(*m_service, coordinatorA());
    model.setPeerMentor(kMentorA1);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QStringList headers{QStringLiteral("Event"), QStringLiteral("Effective date"),
                              QStringLiteral("Reason"), QStringLiteral("Channels"),
                              QStringLiteral("Sent at")};
    QCOMPARE(model.columnCount(), headers.size());
    for (int column = 0; column < headers.size(); ++column)
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), headers.at(column));
    for (int column = 0; column < model.columnCount(); ++column)
        QCOMPARE(model.index(0, column).data(Qt::UserRole).toString(), r.id);
    QCOMPARE(model.index(0, HistoryModel::SentAtColumn).data(HistoryModel::SortRole).toDateTime(), r.sentAt);
    QCOMPARE(model.index(0, HistoryModel::EventColumn).data(HistoryModel::RawRole).toString(),
             QStringLiteral("pause_activated"));
    QCOMPARE(model.index(0, HistoryModel::ChannelsColumn).data(HistoryModel::RawRole).toStringList(),
             (QStringList{QStringLiteral("push"), QStringLiteral("sms")}));
}

void TestHistoryModel::recordForTheMentorIsInserted()
{
    add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(-5));
    HistoryModel model(*m_service, coordinatorA());
    model.setPeerMentor(kMentorA1);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const NotificationRecord r = add(orgAdminA(), kMentorA1, kCoordA1, EventType::PauseDeactivated, day(0));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.recordAt(0).id, r.id);
    QCOMPARE(reset.count(), 0);
}

void TestHistoryModel::recordFromAnotherThread()
{
    HistoryModel model(*m_service, orgAdminA());
    model.setPeerMentor(kMentorA2);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    NotificationRecord added;
    std::unique_ptr<QThread> server(QThread::create([this, &added] {
        const auto r = m_service->record(coordinatorA(),
                                         newRecord(kMentorA2, kCoordA2, EventType::PauseActivated, day(1)));
        if (r)
            added = *r;
        m_database->db().closeThreadConnection();
    }));
    server->start();
    QVERIFY(server->wait(10000));
    QTRY_COMPARE(inserted.count(), 1);
    QCOMPARE(model.recordAt(0).id, added.id);
}

void TestHistoryModel::changedAndDeletedRecords()
{
    const NotificationRecord older =
        add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(-5));
    const NotificationRecord newer =
        add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseDeactivated, day(-1));
    HistoryModel model(*m_service, coordinatorA());
    model.setPeerMentor(kMentorA1);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    RecordUpdate update;
    update.channels = QStringList{QStringLiteral("in_app")};
    QVERIFY(m_service->update(orgAdminA(), older.id, update).ok());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(model.index(1, HistoryModel::ChannelsColumn).data().toString(), QStringLiteral("In app"));

    QVERIFY(m_service->remove(globalAdmin(), newer.id).ok());
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 0);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.recordAt(0).id, older.id);
    QCOMPARE(reset.count(), 0);
}

void TestHistoryModel::otherMentorsAndOrganisations()
{
    HistoryModel model(*m_service, coordinatorA());
    model.setPeerMentor(kMentorA1);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    add(coordinatorA(), kMentorA2, kCoordA2, EventType::PauseActivated, day(-1));
    add(coordinatorB(), kMentorB1, kCoordB1, EventType::PauseActivated, day(-1));
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.rowCount(), 0);

    // Another organisation's mentor is not found, like one that does not exist.
    QSignalSpy failed(&model, &HistoryModel::errorOccurred);
    model.setPeerMentor(kMentorB1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(model.lastError()->code, ErrorCode::NotFound);
    QVERIFY(model.peerMentorId().isEmpty());
    add(coordinatorB(), kMentorB1, kCoordB1, EventType::PauseDeactivated, day(0));
    QCOMPARE(model.rowCount(), 0);

    // B's coordinator sees B's history, and none of A's records arrive there.
    model.setCaller(coordinatorB());
    model.setPeerMentor(kMentorB1);
    QCOMPARE(model.rowCount(), 2);
    add(orgAdminA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(0));
    QCOMPARE(model.rowCount(), 2);
}

void TestHistoryModel::noMentor()
{
    HistoryModel model(*m_service, coordinatorA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(0));
    QCOMPARE(model.rowCount(), 0);
    model.setPeerMentor(kMentorA1);
    QCOMPARE(model.rowCount(), 1);
    model.setPeerMentor({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.lastError());
}

CC_DATABASE_TEST_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
