#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/World.h"
#include "tests/ui/UiTestData.h"
#include "ui/peermentors/PeerMentorsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace cc;
using namespace cc::test::ui;

class TestPeerMentorsModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void listsTheMentorsWithTheirStatus();
    void headersAndRoles();
    void statusFollowsARecordedPause();
    void statusFollowsARecordFromAnotherThread();
    void futurePauseLeavesTheStatus();
    void deletedRecordRestoresTheStatus();
    void otherOrganisationNeverAppears();
    void globalAdminSeesEveryOrganisation();
    void callerWithoutOrganisationSeesNobody();
    void search();
    void directoryChangeReloads();
    void manyMentorsMatchProfile();

private:
    bool add(const Caller &caller, const QString &mentor, const QString &coordinator, EventType type,
             const QDateTime &effective, NotificationRecord *out = nullptr);
    int paused(const PeerMentorsModel &model, const QString &mentor) const;

    std::unique_ptr<test::TestDatabase> m_database;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<DirectoryService> m_directory;
    std::unique_ptr<NotificationRecordService> m_service;
};

void TestPeerMentorsModel::initTestCase()
{
    m_database = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_database->ok(), qPrintable(m_database->error()));
    m_clock = std::make_unique<ManualClock>(test::testNow());
    m_directory = std::make_unique<DirectoryService>(m_database->db(), *m_clock);
    m_service = std::make_unique<NotificationRecordService>(m_database->db(), *m_clock);
}

void TestPeerMentorsModel::init()
{
    m_database->reset();
    m_clock->set(test::testNow().addSecs(-3600));
    const Status seeded = test::World().create(m_database->db(), *m_clock);
    QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.error().message));
}

bool TestPeerMentorsModel::add(const Caller &caller, const QString &mentor, const QString &coordinator,
                               EventType type, const QDateTime &effective, NotificationRecord *out)
{
    m_clock->advance(kMinute);
    const auto added = m_service->record(caller, newRecord(mentor, coordinator, type, effective));
    if (!added) {
        qWarning("record() failed: %s", qPrintable(added.error().message));
        return false;
    }
    if (out)
        *out = *added;
    return true;
}

// 1 when the model shows `mentor` as paused, 0 when active, -1 when not listed.
int TestPeerMentorsModel::paused(const PeerMentorsModel &model, const QString &mentor) const
{
    const int row = model.rowOf(mentor);
    if (row < 0)
        return -1;
    return model.index(row, PeerMentorsModel::StatusColumn).data(PeerMentorsModel::RawRole).toString()
        == QLatin1String("paused");
}

void TestPeerMentorsModel::listsTheMentorsWithTheirStatus()
{
    QVERIFY(add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(-2)));
    QVERIFY(add(coordinatorA(), kMentorA2, kCoordA2, EventType::PauseActivated, day(-5)));
    QVERIFY(add(coordinatorA(), kMentorA2, kCoordA2, EventType::PauseDeactivated, day(-1)));
    m_clock->set(test::testNow());

    PeerMentorsModel model(*m_directory, *m_service, coordinatorA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 4);
    const int a1 = model.rowOf(kMentorA1);
    const int a2 = model.rowOf(kMentorA2);
    QVERIFY(a1 >= 0 && a2 >= 0);
    QCOMPARE(model.index(a1, PeerMentorsModel::NameColumn).data().toString(), QStringLiteral("Åse Ødegård"));
    QCOMPARE(model.index(a1, PeerMentorsModel::CoordinatorColumn).data().toString(),
             QStringLiteral("Kari Koordinator"));
    QCOMPARE(model.index(a1, PeerMentorsModel::StatusColumn).data().toString(), QStringLiteral("Paused"));
    QCOMPARE(model.index(a1, PeerMentorsModel::PausedSinceColumn).data().toString(),
             QLocale().toString(day(-2).date(), QLocale::ShortFormat));
    QCOMPARE(model.index(a2, PeerMentorsModel::NameColumn).data().toString(), QStringLiteral("Per Hansen"));
    QCOMPARE(model.index(a2, PeerMentorsModel::CoordinatorColumn).data().toString(),
             QStringLiteral("Ola Koordinator"));
    QCOMPARE(model.index(a2, PeerMentorsModel::StatusColumn).data().toString(), QStringLiteral("Active"));
    QCOMPARE(model.index(a2, PeerMentorsModel::PausedSinceColumn).data().toString(), QString());
    QCOMPARE(model.profileAt(a1).status, PauseStatus::Paused);
    QCOMPARE(model.profileAt(a1).pauseStartDate, day(-2));
    QCOMPARE(model.profileAt(a2).status, PauseStatus::Active);
    QVERIFY(!model.lastError());
}

void TestPeerMentorsModel::headersAndRoles()
{
    QVERIFY(add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(-3)));
    m_clock->set(test::testNow());
    PeerMentorsModel model(*m_directory, *m_service, orgAdminA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QStringList headers{QStringLiteral("Name"), QStringLiteral("Coordinator"), QStringLiteral("Status"),
                              QStringLiteral("Paused since")};
    for (int column = 0; column < headers.size(); ++column)
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), headers.at(column));
    const int row = model.rowOf(kMentorA1);
    for (int column = 0; column < model.columnCount(); ++column)
        QCOMPARE(model.index(row, column).data(Qt::UserRole).toString(), kMentorA1);
    QCOMPARE(
        model.index(row, PeerMentorsModel::PausedSinceColumn).data(PeerMentorsModel::SortRole).toDateTime(),
        day(-3));
    QCOMPARE(model.index(row, PeerMentorsModel::PausedSinceColumn).data(PeerMentorsModel::RawRole).toString(),
             QStringLiteral("%1T00:00:00.000Z").arg(day(-3).date().toString(Qt::ISODate)));
    QCOMPARE(model.index(row, PeerMentorsModel::CoordinatorColumn).data(PeerMentorsModel::RawRole).toString(),
             kCoordA1);
    QCOMPARE(model.index(row, PeerMentorsModel::NameColumn).data(PeerMentorsModel::SortRole).toString(),
             QStringLiteral("Åse Ødegård"));
}

void TestPeerMentorsModel::statusFollowsARecordedPause()
{
    m_clock->set(test::testNow());
    PeerMentorsModel model(*m_directory, *m_service, coordinatorA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(paused(model, kMentorA2), 0);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QVERIFY(add(orgAdminA(), kMentorA2, kCoordA2, EventType::PauseActivated, day(-1)));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), model.rowOf(kMentorA2));
    QCOMPARE(changed.first().at(0).value<QModelIndex>().column(), int(PeerMentorsModel::StatusColumn));
    QCOMPARE(changed.first().at(1).value<QModelIndex>().column(), int(PeerMentorsModel::PausedSinceColumn));
    QCOMPARE(paused(model, kMentorA2), 1);
    QCOMPARE(paused(model, kMentorA1), 0);
    QCOMPARE(model.profileAt(model.rowOf(kMentorA2)).pauseStartDate, day(-1));

    QVERIFY(add(orgAdminA(), kMentorA2, kCoordA2, EventType::PauseDeactivated, day(0)));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(paused(model, kMentorA2), 0);
    QCOMPARE(reset.count(), 0);
}

void TestPeerMentorsModel::statusFollowsARecordFromAnotherThread()
{
    PeerMentorsModel model(*m_directory, *m_service, coordinatorA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    std::unique_ptr<QThread> server(QThread::create([this] {
        (void)m_service->record(coordinatorA(),
                                newRecord(kMentorA1, kCoordA1, EventType::PauseActivated, day(-4)));
        m_database->db().closeThreadConnection();
    }));
    server->start();
    QVERIFY(server->wait(10000));
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(paused(model, kMentorA1), 1);
}

void TestPeerMentorsModel::futurePauseLeavesTheStatus()
{
    PeerMentorsModel model(*m_directory, *m_service, coordinatorA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(3)));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(paused(model, kMentorA1), 0);

    // When its day comes, a refresh shows it.
    m_clock->set(day(3));
    model.refresh();
    QCOMPARE(paused(model, kMentorA1), 1);
}

void TestPeerMentorsModel::deletedRecordRestoresTheStatus()
{
    QVERIFY(add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(-3)));
    NotificationRecord resume;
    QVERIFY(add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseDeactivated, day(-1), &resume));
    PeerMentorsModel model(*m_directory, *m_service, coordinatorA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(paused(model, kMentorA1), 0);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_service->remove(globalAdmin(), resume.id).ok());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(paused(model, kMentorA1), 1);
    QCOMPARE(model.profileAt(model.rowOf(kMentorA1)).pauseStartDate, day(-3));
}

void TestPeerMentorsModel::otherOrganisationNeverAppears()
{
    PeerMentorsModel model(*m_directory, *m_service, coordinatorB());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.profileAt(0).mentor.id, kMentorB1);
    QCOMPARE(model.rowOf(kMentorA1), -1);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    NotificationRecord a;
    QVERIFY(add(orgAdminA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(-1), &a));
    QVERIFY(m_service->remove(globalAdmin(), a.id).ok());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(paused(model, kMentorB1), 0);
    QVERIFY(add(coordinatorB(), kMentorB1, kCoordB1, EventType::PauseActivated, day(-1)));
    QCOMPARE(paused(model, kMentorB1), 1);
}

void TestPeerMentorsModel::globalAdminSeesEveryOrganisation()
{
    QVERIFY(add(coordinatorB(), kMentorB1, kCoordB1, EventType::PauseActivated, day(-1)));
    PeerMentorsModel model(*m_directory, *m_service, globalAdmin());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(paused(model, kMentorB1), 1);
    QCOMPARE(model.index(model.rowOf(kMentorB1), PeerMentorsModel::CoordinatorColumn).data().toString(),
             QStringLiteral("Berit Koordinator"));
    QVERIFY(add(orgAdminA(), kMentorA2, kCoordA2, EventType::PauseActivated, day(-1)));
    QCOMPARE(paused(model, kMentorA2), 1);
}

void TestPeerMentorsModel::callerWithoutOrganisationSeesNobody()
{
    Caller nobody = coordinatorA();
    nobody.orgId.clear();
    PeerMentorsModel model(*m_directory, *m_service, nobody);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(add(orgAdminA(), kMentorA2, kCoordA2, EventType::PauseActivated, day(-1)));
    QCOMPARE(model.rowCount(), 0);
}

void TestPeerMentorsModel::search()
{
    PeerMentorsModel model(*m_directory, *m_service, orgAdminA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSearch(QStringLiteral("ØDEG"));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.profileAt(0).mentor.id, kMentorA1);
    QCOMPARE(model.search(), QStringLiteral("ØDEG"));
    model.setSearch(QStringLiteral("Bjørn")); // B's mentor: not found from A
    QCOMPARE(model.rowCount(), 0);
    model.setSearch({});
    QCOMPARE(model.rowCount(), 2);
}

void TestPeerMentorsModel::directoryChangeReloads()
{
    PeerMentorsModel model(*m_directory, *m_service, orgAdminA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    PeerMentor m;
    m.id = QStringLiteral("pm-a3");
    m.orgId = kOrgA;
    m.coordinatorId = kCoordA1;
    m.name = QStringLiteral("Nora Nilsen");
    QVERIFY(m_directory->addPeerMentor(orgAdminA(), m).ok());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(paused(model, m.id), 0);
}

// Many mentors: every status is what profile() says, read at once.
void TestPeerMentorsModel::manyMentorsMatchProfile()
{
    QList<PeerMentor> mentors;
    for (int i = 0; i < 300; ++i) {
        PeerMentor m;
        m.id = QStringLiteral("pm-many-%1").arg(i, 3, 10, QLatin1Char('0'));
        m.orgId = kOrgA;
        m.coordinatorId = i % 2 ? kCoordA1 : kCoordA2;
        m.name = QStringLiteral("Mentor %1").arg(i, 3, 10, QLatin1Char('0'));
        QVERIFY(m_directory->addPeerMentor(orgAdminA(), m).ok());
        mentors << m;
    }
    for (int i = 0; i < mentors.size(); ++i) {
        const PeerMentor &m = mentors.at(i);
        if (i % 3 == 0)
            continue;
        QVERIFY(add(orgAdminA(), m.id, m.coordinatorId, EventType::PauseActivated, day(-(i % 7))));
        if (i % 5 == 0)
            QVERIFY(add(orgAdminA(), m.id, m.coordinatorId, EventType::PauseDeactivated, day(i % 4 - 2)));
    }
    m_clock->set(test::testNow());
    PeerMentorsModel model(*m_directory, *m_service, coordinatorA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), mentors.size() + 2);
    int pausedCount = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const PeerMentorProfile &shown = model.profileAt(row);
        const auto one = m_service->profile(coordinatorA(), shown.mentor.id);
        QVERIFY(one.ok());
        QCOMPARE(shown.status, one->status);
        QCOMPARE(shown.pauseStartDate, one->pauseStartDate);
        pausedCount += shown.status == PauseStatus::Paused;
    }
    QVERIFY(pausedCount > 100);
}

CC_DATABASE_TEST_MAIN(TestPeerMentorsModel)
#include "tst_peermentorsmodel.moc"
