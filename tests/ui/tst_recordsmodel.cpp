#include "core/NotificationRecordService.h"
#include "core/RecordRepository.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/World.h"
#include "tests/ui/UiTestData.h"
#include "ui/records/RecordsModel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace cc;
using namespace cc::test::ui;

namespace {

constexpr int kBulk = 100000; // records of organisation A
constexpr int kBulkB = 5;     // records of organisation B

QStringList idsOf(const RecordsModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.recordAt(row).id;
    return ids;
}

// The model's rows are the first rows of what the service answers for the same caller and filter
// (through OFFSET, as the API's pages are counted, and in the model's order).
bool sameAsService(NotificationRecordService &service, const RecordsModel &model)
{
    const auto expected = model.order() == RecordOrder::NewestFirst
        ? service.window(model.caller(), model.filter(), 0, model.rowCount())
        : service.windowAfter(model.caller(), model.filter(), std::nullopt, model.rowCount(), model.order());
    if (!expected)
        return false;
    QStringList ids;
    for (const NotificationRecord &r : *expected)
        ids << r.id;
    return ids == idsOf(model);
}

// The ids of every record the service answers for the model's caller, filter and order, read
// afresh in one call.
QStringList freshIds(NotificationRecordService &service, const RecordsModel &model)
{
    const auto all = service.windowAfter(model.caller(), model.filter(), std::nullopt,
                                         NotificationRecordService::kMaxWindow, model.order());
    QStringList ids;
    if (all) {
        for (const NotificationRecord &r : *all)
            ids << r.id;
    }
    return ids;
}

// Reads every row, bottom to top, as a view scrolling back up would.
QStringList idsUpwards(const RecordsModel &model)
{
    QStringList ids;
    for (int row = model.rowCount() - 1; row >= 0; --row)
        ids.prepend(model.index(row, RecordsModel::SentAtColumn).data(RecordsModel::IdRole).toString());
    return ids;
}

bool noDuplicates(const QStringList &ids)
{
    return QSet<QString>(ids.cbegin(), ids.cend()).size() == ids.size();
}

} // namespace

class TestRecordsModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void opensWithOnePage();
    void fetchesOnePageAtATime();
    void underTheTester();
    void fetchesToTheEnd();
    void displayAndRoles();

    void liveRecordAppearsAtTop();
    void liveRecordFromAnotherThread();
    void liveRecordOutsideTheFilter();
    void lateSignalDoesNotDuplicate();
    void deletedElsewhereSkipsNothing();
    void changedRecordUpdatesItsRow();
    void deletedRecordIsRemoved();

    void filterChangeResets();
    void refreshKeepsLoadedRows();

    void keepsABoundedWindowOfPages();
    void scrollingBackReadsTheSameRecords();
    void rowOfAndRecordAtLoadADroppedPage();
    void liveChangesInDroppedPages();
    void changesNotHeardShowOnReload();
    void largePageIsSplit();
    void manyLiveChangesStayRight();

    void oldestFirst();
    void onlySentTimeSorts();
    void liveRecordWhenOldestFirst();

    void otherOrganisationNeverAppears();
    void globalAdminNarrowsByOrganisation();
    void callerWithoutOrganisationSeesNothing();

private:
    NotificationRecord addLive(const Caller &caller, const QString &mentor, const QString &coordinator,
                               EventType type = EventType::PauseActivated);
    // `n` live records of organisation A, oldest first, and a filter that shows only them.
    QList<NotificationRecord> addLiveRecords(int n, RecordFilter *onlyThem);
    // A record of organisation A sent at `sentAt`, stored without the service (so without a signal).
    NotificationRecord storeQuietly(const QString &id, const QDateTime &sentAt);

    std::unique_ptr<test::TestDatabase> m_database;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<NotificationRecordService> m_service;
};

void TestRecordsModel::initTestCase()
{
    m_database = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_database->ok(), qPrintable(m_database->error()));
    m_clock = std::make_unique<ManualClock>(test::testNow());
    m_service = std::make_unique<NotificationRecordService>(m_database->db(), *m_clock);
    const Status seeded = test::World().create(m_database->db(), *m_clock);
    QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.error().message));

    // 100 000 records at once with the repository (as demo data is loaded), one second apart,
    // all before "now"; and a few of organisation B among them.
    QElapsedTimer timer;
    timer.start();
    QList<NotificationRecord> bulk;
    bulk.reserve(kBulk + kBulkB);
    const QDateTime first = test::testNow().addSecs(-kBulk - 10);
    for (int i = 0; i < kBulk + kBulkB; ++i) {
        const bool b = i >= kBulk;
        NotificationRecord r;
        r.id = QStringLiteral("nr_%1").arg(i, 12, 16, QLatin1Char('0'));
        r.orgId = b ? kOrgB : kOrgA;
        r.peerMentorId = b ? kMentorB1 : (i % 2 ? kMentorA1 : kMentorA2);
        r.coordinatorId = b ? kCoordB1 : (i % 3 ? kCoordA1 : kCoordA2);
        r.eventType = i % 4 < 2 ? EventType::PauseActivated : EventType::PauseDeactivated;
        r.effectiveDate = day(-(i % 400));
        r.channels = {QStringLiteral("push")};
        r.createdBy = QStringLiteral("bulk");
        r.sentAt = b ? first.addSecs(i - kBulk) : first.addSecs(i);
        r.updatedAt = r.sentAt;
        bulk << r;
    }
    RecordRepository repository(m_database->db());
    {
        Transaction tx(m_database->db());
        QVERIFY(tx.begun().ok());
        const Status inserted = repository.insertBatch(bulk);
        QVERIFY2(inserted.ok(), inserted.ok() ? "" : qPrintable(inserted.error().message));
        QVERIFY(tx.commit().ok());
    }
    QVERIFY(m_database->db().checkpoint().ok());
    qInfo("%d records loaded in %lld ms", kBulk + kBulkB, timer.elapsed());
}

void TestRecordsModel::init()
{
    // The bulk records stay; each test's live records are newer than everything before them.
    m_clock->advance(kMinute);
}

NotificationRecord TestRecordsModel::addLive(const Caller &caller, const QString &mentor,
                                             const QString &coordinator, EventType type)
{
    m_clock->advance(1000);
    const auto added = m_service->record(caller, newRecord(mentor, coordinator, type, day(-1)));
    if (!added)
        qWarning("record() failed: %s", qPrintable(added.error().message));
    return added ? *added : NotificationRecord();
}

QList<NotificationRecord> TestRecordsModel::addLiveRecords(int n, RecordFilter *onlyThem)
{
    m_clock->advance(1000);
    onlyThem->from = m_clock->now();
    QList<NotificationRecord> records;
    for (int i = 0; i < n; ++i)
        records << addLive(orgAdminA(), i % 2 ? kMentorA1 : kMentorA2, kCoordA1);
    return records;
}

NotificationRecord TestRecordsModel::storeQuietly(const QString &id, const QDateTime &sentAt)
{
    NotificationRecord r;
    r.id = id;
    r.orgId = kOrgA;
    r.peerMentorId = kMentorA1;
    r.peerMentorName = QStringLiteral("Åse Ødegård");
    r.coordinatorId = kCoordA1;
    r.coordinatorName = QStringLiteral("Kari Koordinator");
    r.effectiveDate = day(0);
    r.channels = {QStringLiteral("email")};
    r.createdBy = QStringLiteral("other.console");
    r.sentAt = sentAt;
    r.updatedAt = sentAt;
    RecordRepository repository(m_database->db());
    Transaction tx(m_database->db());
    if (!tx.begun().ok() || !repository.insert(r).ok() || !tx.commit().ok())
        qWarning("could not store %s", qPrintable(id));
    return r;
}

// ---- paging ---------------------------------------------------------------------------------------

void TestRecordsModel::opensWithOnePage()
{
    QElapsedTimer timer;
    timer.start();
    RecordsModel model(*m_service, orgAdminA());
    QCOMPARE(model.pagesFetched(), 1);
    QCOMPARE(model.rowCount(), RecordsModel::kDefaultPageSize);
    QCOMPARE(model.rowsFetched(), qint64(RecordsModel::kDefaultPageSize));
    // The tester asks for more pages of its own, as a view does when it lays out its rows: a page each.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.pagesFetched() <= 3);
    QCOMPARE(model.rowCount(), model.pagesFetched() * RecordsModel::kDefaultPageSize);
    QCOMPARE(model.rowsFetched(), qint64(model.rowCount()));
    QVERIFY(model.canFetchMore({}));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(sameAsService(*m_service, model));
    // Far more are there.
    QVERIFY(*model.totalCount() >= kBulk);
}

// Without a tester (which fetches a page of its own on every change), exactly what was asked.
void TestRecordsModel::fetchesOnePageAtATime()
{
    RecordsModel model(*m_service, coordinatorA());
    model.setPageSize(250);
    model.refresh();
    QCOMPARE(model.rowCount(), 250);
    QCOMPARE(model.pagesFetched(), 1);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    constexpr int k = 12;
    for (int page = 1; page <= k; ++page) {
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 250 * (page + 1));
        QCOMPARE(inserted.count(), page);
        QCOMPARE(inserted.last().at(1).toInt(), 250 * page);
        QCOMPARE(inserted.last().at(2).toInt(), 250 * (page + 1) - 1);
    }
    QCOMPARE(model.pagesFetched(), k + 1);
    // Never more asked of the service than the pages fetched: the table was never loaded whole.
    QCOMPARE(model.rowsFetched(), qint64(k + 1) * 250);
    QVERIFY(model.rowsFetched() < kBulk / 10);
    QCOMPARE(reset.count(), 0);
    QVERIFY(sameAsService(*m_service, model));
    // Newest sent first, ties by id.
    for (int row = 1; row < model.rowCount(); ++row) {
        const NotificationRecord &a = model.recordAt(row - 1);
        const NotificationRecord &b = model.recordAt(row);
        QVERIFY(a.sentAt > b.sentAt || (a.sentAt == b.sentAt && a.id > b.id));
        QCOMPARE(a.orgId, kOrgA);
    }
}

void TestRecordsModel::underTheTester()
{
    RecordsModel model(*m_service, orgAdminA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < 5; ++i) {
        const int before = model.pagesFetched();
        model.fetchMore({});
        // One page; the tester, which asks for more on every change, may not start a fetch while
        // the rows are changing.
        QCOMPARE(model.pagesFetched(), before + 1);
        QCOMPARE(model.rowCount(), model.pagesFetched() * model.pageSize());
        QCOMPARE(model.rowsFetched(), qint64(model.pagesFetched()) * model.pageSize());
    }
    for (int row = 0; row < model.rowCount(); row += 97) {
        for (int column = 0; column < model.columnCount(); ++column)
            QVERIFY(!model.index(row, column).data().toString().isEmpty());
    }
}

void TestRecordsModel::fetchesToTheEnd()
{
    RecordsModel model(*m_service, coordinatorB());
    model.setPageSize(2);
    model.refresh();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    while (model.canFetchMore({}))
        model.fetchMore({});
    const qint64 total = *model.totalCount();
    QVERIFY(total >= kBulkB);
    QCOMPARE(model.rowCount(), int(total));
    QVERIFY(model.atEnd());
    QVERIFY(model.pagesFetched() <= int(total) / 2 + 1);
    QVERIFY(sameAsService(*m_service, model));
}

void TestRecordsModel::displayAndRoles()
{
    RecordFilter filter;
    filter.peerMentorId = kMentorA1;
    RecordsModel model(*m_service, orgAdminA());
    model.setFilter(filter);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const NotificationRecord r = addLive(coordinatorA(), kMentorA1, kCoordA2, EventType::PauseDeactivated);
    QCOMPARE(model.recordAt(0).id, r.id);

    QCOMPARE(model.columnCount(), 6);
    const QStringList headers{QStringLiteral("Sent at"),     QStringLiteral("Peer mentor"),
                              QStringLiteral("Event"),       QStringLiteral("Effective date"),
                              QStringLiteral("Coordinator"), QStringLiteral("Channels")};
    for (int column = 0; column < headers.size(); ++column)
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), headers.at(column));

    auto cell = [&model](int column, int role = Qt::DisplayRole) {
        return model.index(0, column).data(role);
    };
    QCOMPARE(cell(RecordsModel::SentAtColumn).toString(),
             QLocale().toString(r.sentAt.toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(cell(RecordsModel::PeerMentorColumn).toString(), QStringLiteral("Åse Ødegård"));
    QCOMPARE(cell(RecordsModel::EventColumn).toString(), QStringLiteral("Pause ended"));
    QCOMPARE(cell(RecordsModel::EffectiveDateColumn).toString(),
             QLocale().toString(day(-1).date(), QLocale::ShortFormat));
    QCOMPARE(cell(RecordsModel::CoordinatorColumn).toString(), QStringLiteral("Ola Koordinator"));
    QCOMPARE(cell(RecordsModel::ChannelsColumn).toString(),
             QLocale().createSeparatedList({QStringLiteral("Push"), QStringLiteral("SMS")}));

    for (int column = 0; column < model.columnCount(); ++column)
        QCOMPARE(cell(column, Qt::UserRole).toString(), r.id);
    QCOMPARE(cell(RecordsModel::SentAtColumn, RecordsModel::SortRole).toDateTime(), r.sentAt);
    QCOMPARE(cell(RecordsModel::EffectiveDateColumn, RecordsModel::SortRole).toDateTime(), day(-1));
    QCOMPARE(cell(RecordsModel::EventColumn, RecordsModel::RawRole).toString(),
             QStringLiteral("pause_deactivated"));
    QCOMPARE(cell(RecordsModel::ChannelsColumn, RecordsModel::RawRole).toStringList(),
             (QStringList{QStringLiteral("push"), QStringLiteral("sms")}));
    QCOMPARE(cell(RecordsModel::PeerMentorColumn, RecordsModel::RawRole).toString(), kMentorA1);
    QCOMPARE(cell(RecordsModel::CoordinatorColumn, RecordsModel::RawRole).toString(), kCoordA2);
}

// ---- live changes ---------------------------------------------------------------------------------

void TestRecordsModel::liveRecordAppearsAtTop()
{
    RecordsModel model(*m_service, coordinatorA());
    model.fetchMore({});
    model.fetchMore({});
    const int rows = model.rowCount();
    const int pages = model.pagesFetched();
    // A second model under the tester sees the same change.
    RecordFilter recent;
    recent.from = m_clock->now();
    RecordsModel watched(*m_service, coordinatorA());
    watched.setFilter(recent);
    QAbstractItemModelTester tester(&watched, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(watched.rowCount(), 0);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy watchedInserted(&watched, &QAbstractItemModel::rowsInserted);
    const NotificationRecord r = addLive(orgAdminA(), kMentorA2, kCoordA2);
    QVERIFY(!r.id.isEmpty());

    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), rows + 1);
    QCOMPARE(model.recordAt(0).id, r.id);
    QCOMPARE(model.index(0, 0).data(Qt::UserRole).toString(), r.id);
    // Nothing was read again to show it.
    QCOMPARE(model.pagesFetched(), pages);
    QCOMPARE(watchedInserted.count(), 1);
    QCOMPARE(watched.rowCount(), 1);

    // The next page continues where the loaded rows end.
    model.fetchMore({});
    QCOMPARE(model.rowCount(), rows + 1 + model.pageSize());
    QVERIFY(sameAsService(*m_service, model));
}

void TestRecordsModel::liveRecordFromAnotherThread()
{
    RecordsModel model(*m_service, coordinatorA());
    RecordFilter recent;
    recent.from = m_clock->now();
    RecordsModel watched(*m_service, coordinatorA());
    watched.setFilter(recent);
    QAbstractItemModelTester tester(&watched, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int rows = model.rowCount();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // As the API server does: the service is called on its own thread with its own connection.
    m_clock->advance(1000);
    NotificationRecord added;
    std::unique_ptr<QThread> server(QThread::create([this, &added] {
        const auto r =
            m_service->record(orgAdminA(), newRecord(kMentorA1, kCoordA1, EventType::PauseActivated, day(0)));
        if (r)
            added = *r;
        m_database->db().closeThreadConnection();
    }));
    server->start();
    QVERIFY(server->wait(10000));
    QVERIFY(!added.id.isEmpty());
    QCOMPARE(inserted.count(), 0); // queued to the model's thread
    QTRY_COMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), rows + 1);
    QCOMPARE(model.recordAt(0).id, added.id);
    QTRY_COMPARE(watched.rowCount(), 1);
    QCOMPARE(watched.recordAt(0).id, added.id);
}

void TestRecordsModel::liveRecordOutsideTheFilter()
{
    RecordFilter resumes;
    resumes.eventType = EventType::PauseDeactivated;
    resumes.peerMentorId = kMentorA1;
    RecordsModel model(*m_service, orgAdminA());
    model.setFilter(resumes);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    addLive(orgAdminA(), kMentorA1, kCoordA1, EventType::PauseActivated);   // another event
    addLive(orgAdminA(), kMentorA2, kCoordA1, EventType::PauseDeactivated); // another mentor
    QCOMPARE(inserted.count(), 0);
    const NotificationRecord match = addLive(orgAdminA(), kMentorA1, kCoordA2, EventType::PauseDeactivated);
    QVERIFY(inserted.count() >= 1); // the tester may fetch a page after it
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(model.recordAt(0).id, match.id);
    QCOMPARE(reset.count(), 0);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.recordAt(row).peerMentorId, kMentorA1);
        QCOMPARE(model.recordAt(row).eventType, EventType::PauseDeactivated);
    }
    QVERIFY(sameAsService(*m_service, model));

    // A date range that ended before now does not take new records.
    RecordFilter past;
    past.to = m_clock->now().addSecs(-1);
    model.setFilter(past);
    const int rows = model.rowCount();
    addLive(orgAdminA(), kMentorA1, kCoordA1);
    QCOMPARE(model.rowCount(), rows);
}

// A record stored by someone else before its signal arrives: the next page starts after the last
// loaded row, so it shifts nothing (no row twice), and the record takes its place when the signal
// comes.
void TestRecordsModel::lateSignalDoesNotDuplicate()
{
    RecordsModel model(*m_service, orgAdminA());
    model.fetchMore({});
    const int rows = model.rowCount();

    m_clock->advance(1000);
    NotificationRecord late;
    late.id = QStringLiteral("nr_ffffffffffff");
    late.orgId = kOrgA;
    late.peerMentorId = kMentorA1;
    late.peerMentorName = QStringLiteral("Åse Ødegård");
    late.coordinatorId = kCoordA1;
    late.coordinatorName = QStringLiteral("Kari Koordinator");
    late.effectiveDate = day(0);
    late.channels = {QStringLiteral("email")};
    late.createdBy = QStringLiteral("other.console");
    late.sentAt = m_clock->now();
    late.updatedAt = late.sentAt;
    RecordRepository repository(m_database->db());
    {
        Transaction tx(m_database->db());
        QVERIFY(repository.insert(late).ok());
        QVERIFY(tx.commit().ok());
    }
    const NotificationRecord lastBefore = model.recordAt(rows - 1);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), rows + model.pageSize());
    const QStringList ids = idsOf(model);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), model.rowCount());
    QVERIFY(!ids.contains(late.id));
    // The page continues right after the row that was last.
    const auto next =
        m_service->windowAfter(orgAdminA(), {}, NotificationRecordService::keyOf(lastBefore), 1);
    QVERIFY(next.ok());
    QCOMPARE(model.recordAt(rows).id, next->constFirst().id);

    emit m_service->recordAdded(late);
    QCOMPARE(model.recordAt(0).id, late.id);
    QCOMPARE(model.rowCount(), rows + model.pageSize() + 1);
    QVERIFY(sameAsService(*m_service, model));
    // A second signal for the same record changes nothing.
    emit m_service->recordAdded(late);
    QCOMPARE(model.rowCount(), rows + model.pageSize() + 1);
}

// A loaded record deleted by someone else (its signal not yet here) would make an OFFSET page skip
// a row; a keyset page starts after the last loaded row and loses none.
void TestRecordsModel::deletedElsewhereSkipsNothing()
{
    RecordsModel model(*m_service, orgAdminA());
    const int rows = model.rowCount();
    const NotificationRecord gone = model.recordAt(3);
    RecordRepository repository(m_database->db());
    {
        Transaction tx(m_database->db());
        const auto removed = repository.remove(gone);
        QVERIFY(removed.ok() && *removed);
        QVERIFY(tx.commit().ok());
    }
    model.fetchMore({});
    QCOMPARE(model.rowCount(), rows + model.pageSize());
    // The rows after the deleted one, counted without it: the same as the new page.
    const auto expected = m_service->window(orgAdminA(), {}, rows - 1, model.pageSize());
    QVERIFY(expected.ok());
    for (int i = 0; i < model.pageSize(); ++i)
        QCOMPARE(model.recordAt(rows + i).id, expected->at(i).id);
    emit m_service->recordDeleted(gone.id, gone.orgId);
    QCOMPARE(model.rowOf(gone.id), -1);
    QVERIFY(sameAsService(*m_service, model));
}

void TestRecordsModel::changedRecordUpdatesItsRow()
{
    RecordsModel model(*m_service, coordinatorA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const NotificationRecord r = addLive(coordinatorA(), kMentorA1, kCoordA1);
    model.fetchMore({});
    const int row = model.rowOf(r.id);
    QCOMPARE(row, 0);
    // One of the bulk records, a few pages down.
    const int deep = model.rowCount() - 3;
    const QString deepId = model.recordAt(deep).id;

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    RecordUpdate update;
    update.channels = QStringList{QStringLiteral("email")};
    QVERIFY(m_service->update(orgAdminA(), r.id, update).ok());
    QVERIFY(m_service->update(orgAdminA(), deepId, update).ok());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), row);
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), deep);
    QCOMPARE(changed.at(1).at(1).value<QModelIndex>().column(), RecordsModel::ColumnCount - 1);
    QCOMPARE(model.index(row, RecordsModel::ChannelsColumn).data().toString(), QStringLiteral("Email"));
    QCOMPARE(model.recordAt(deep).channels, QStringList{QStringLiteral("email")});
    QCOMPARE(reset.count(), 0);
}

void TestRecordsModel::deletedRecordIsRemoved()
{
    RecordsModel model(*m_service, orgAdminA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const NotificationRecord r = addLive(orgAdminA(), kMentorA2, kCoordA2);
    const int rows = model.rowCount();
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(m_service->remove(globalAdmin(), r.id).ok());
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 0);
    QVERIFY(model.rowOf(r.id) < 0);
    QVERIFY(model.rowCount() >= rows - 1); // the tester may have fetched a page after it
    QCOMPARE(reset.count(), 0);
    QVERIFY(sameAsService(*m_service, model));
}

// ---- filters and refresh --------------------------------------------------------------------------

void TestRecordsModel::filterChangeResets()
{
    RecordsModel model(*m_service, orgAdminA());
    model.fetchMore({});
    model.fetchMore({});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    RecordFilter filter;
    filter.peerMentorId = kMentorA2;
    filter.coordinatorId = kCoordA2;
    model.setFilter(filter);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.pagesFetched(), 1);
    QCOMPARE(model.rowCount(), model.pageSize());
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.recordAt(row).peerMentorId, kMentorA2);
        QCOMPARE(model.recordAt(row).coordinatorId, kCoordA2);
    }
    QVERIFY(sameAsService(*m_service, model));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    RecordFilter range;
    range.from = test::testNow().addSecs(-kBulk / 2);
    range.to = range.from.addSecs(99);
    model.setFilter(range);
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(sameAsService(*m_service, model));

    // A range with from after to is refused by the service: no rows and an error to show.
    QSignalSpy failed(&model, &RecordsModel::errorOccurred);
    std::swap(range.from, range.to);
    model.setFilter(range);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(failed.count(), 1);
    QVERIFY(model.lastError().has_value());
    QCOMPARE(model.lastError()->code, ErrorCode::Invalid);
    QVERIFY(!model.canFetchMore({}));

    model.setFilter({});
    QVERIFY(!model.lastError().has_value());
    QCOMPARE(model.rowCount(), model.pageSize());
}

void TestRecordsModel::refreshKeepsLoadedRows()
{
    RecordsModel model(*m_service, coordinatorA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.fetchMore({});
    const QStringList before = idsOf(model);
    model.refresh();
    QCOMPARE(idsOf(model), before);
    QCOMPARE(model.rowsFetched(), qint64(before.size()));
}

// ---- a bounded window of pages ----------------------------------------------------------------------

// Scrolling down as a view does (every row of each new page read, then the next page fetched):
// the records kept stay within the window however far it goes, and the row count is that of all
// pages.
void TestRecordsModel::keepsABoundedWindowOfPages()
{
    RecordsModel model(*m_service, orgAdminA());
    QCOMPARE(model.pageSize(), RecordsModel::kDefaultPageSize);
    QCOMPARE(model.maxLoadedPages(), RecordsModel::kDefaultMaxLoadedPages);
    model.setPageSize(100);
    model.setMaxLoadedPages(5);
    model.refresh();
    constexpr int kRows = 6000;
    int maxLoaded = 0;
    for (int read = 0;;) {
        for (; read < model.rowCount(); ++read)
            QVERIFY(!model.index(read, 0).data(RecordsModel::IdRole).toString().isEmpty());
        maxLoaded = qMax(maxLoaded, model.loadedRows());
        QVERIFY2(model.loadedRows() <= 5 * 100, qPrintable(QString::number(model.loadedRows())));
        QVERIFY(model.loadedPages() <= 5);
        if (model.rowCount() >= kRows)
            break;
        model.fetchMore({});
    }
    QCOMPARE(model.rowCount(), kRows);
    QCOMPARE(model.pagesFetched(), kRows / 100);
    QCOMPARE(model.loadedRows(), 5 * 100);
    QCOMPARE(maxLoaded, 5 * 100);
    // Scrolling down never read a page twice.
    QCOMPARE(model.pagesReloaded(), 0);

    // With the defaults: 16 pages of 200 rows at most.
    RecordsModel defaults(*m_service, orgAdminA());
    for (int page = 1; page < 40; ++page) {
        defaults.fetchMore({});
        (void)defaults.recordAt(defaults.rowCount() - 1);
        QVERIFY(defaults.loadedRows()
                <= RecordsModel::kDefaultMaxLoadedPages * RecordsModel::kDefaultPageSize);
    }
    QCOMPARE(defaults.rowCount(), 40 * RecordsModel::kDefaultPageSize);
    QCOMPARE(defaults.loadedPages(), RecordsModel::kDefaultMaxLoadedPages);
}

// Rows of dropped pages read again are the same records in the same order as a fresh read of the
// whole list, with no duplicates; the row count does not move meanwhile.
void TestRecordsModel::scrollingBackReadsTheSameRecords()
{
    RecordsModel model(*m_service, orgAdminA());
    model.setPageSize(100);
    model.setMaxLoadedPages(4);
    model.refresh();
    while (model.rowCount() < 5000) {
        model.fetchMore({});
        (void)model.recordAt(model.rowCount() - 1);
    }
    QCOMPARE(model.rowCount(), 5000);
    QVERIFY(model.loadedRows() <= 400);
    const QStringList expected = freshIds(*m_service, model).mid(0, 5000);
    QCOMPARE(expected.size(), 5000);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    const int reloadedBefore = model.pagesReloaded();
    const QStringList upwards = idsUpwards(model);
    QCOMPARE(upwards, expected);
    QVERIFY(model.loadedRows() <= 400);
    // Every page but the four kept was read again, once.
    QCOMPARE(model.pagesReloaded() - reloadedBefore, 50 - 4);
    const QStringList downwards = idsOf(model);
    QCOMPARE(downwards, expected);
    QVERIFY(noDuplicates(downwards));
    QVERIFY(model.loadedRows() <= 400);
    // Jumping about, as dragging the scroll bar does.
    for (int row : {4999, 0, 2500, 17, 4321, 1234, 3999, 100, 99}) {
        QCOMPARE(model.recordAt(row).id, expected.at(row));
        QCOMPARE(model.index(row, RecordsModel::SentAtColumn).data(RecordsModel::IdRole).toString(),
                 expected.at(row));
    }
    QCoreApplication::processEvents();
    QCOMPARE(model.rowCount(), 5000);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(layout.count(), 0);
    QVERIFY(!model.lastError());
}

void TestRecordsModel::rowOfAndRecordAtLoadADroppedPage()
{
    RecordsModel model(*m_service, orgAdminA());
    model.setPageSize(50);
    model.setMaxLoadedPages(2);
    model.refresh();
    const NotificationRecord early = model.recordAt(7);
    for (int page = 1; page < 10; ++page) {
        model.fetchMore({});
        (void)model.recordAt(model.rowCount() - 1);
    }
    QCOMPARE(model.loadedPages(), 2);
    // The first page is dropped; rowOf() finds the record all the same and loads its page.
    QCOMPARE(model.rowOf(early.id), 7);
    const NotificationRecord again = model.recordAt(7);
    QCOMPARE(again.id, early.id);
    QCOMPARE(again.sentAt, early.sentAt);
    QCOMPARE(again.peerMentorId, early.peerMentorId);
    QCOMPARE(model.loadedPages(), 2);
    QCOMPARE(model.rowOf(QStringLiteral("nr_none")), -1);
    // A copy stays valid while other pages are loaded and dropped.
    const NotificationRecord last = model.recordAt(model.rowCount() - 1);
    (void)model.recordAt(0);
    (void)model.recordAt(200);
    QVERIFY(!last.id.isEmpty());
    QCOMPARE(model.rowOf(last.id), model.rowCount() - 1);
}

// Records added and deleted while their page is dropped: the row count follows at once, and the
// page shows them when it is read again, in place, without duplicates.
void TestRecordsModel::liveChangesInDroppedPages()
{
    RecordFilter onlyThem;
    const QList<NotificationRecord> live = addLiveRecords(60, &onlyThem);
    RecordsModel model(*m_service, orgAdminA(), nullptr, onlyThem);
    model.setPageSize(5);
    model.setMaxLoadedPages(3);
    model.refresh();
    while (model.canFetchMore({})) {
        model.fetchMore({});
        (void)model.recordAt(model.rowCount() - 1);
    }
    QCOMPARE(model.rowCount(), 60);
    QCOMPARE(model.loadedPages(), 3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Newest first: the first page (the newest records) is dropped, the last three are kept.
    (void)model.recordAt(59);
    (void)model.recordAt(50);
    (void)model.recordAt(45);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // A new record belongs to the first page, which is dropped.
    const NotificationRecord added = addLive(orgAdminA(), kMentorA1, kCoordA2);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 61);
    // One in the middle, between two records of a dropped page, from another console (its signal
    // as the feed would bring it).
    const NotificationRecord &olderOne = live.at(30);
    const NotificationRecord middle =
        storeQuietly(QStringLiteral("nr_fffffffffff1"), olderOne.sentAt.addMSecs(500));
    emit m_service->recordAdded(middle);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.rowCount(), 62);
    // Its signal again changes nothing: the page counts it already.
    emit m_service->recordAdded(middle);
    QCOMPARE(model.rowCount(), 62);
    // Deleted from a dropped page (live.at(20) is in the 9th page) and from a loaded one.
    (void)model.recordAt(59);
    QVERIFY(m_service->remove(globalAdmin(), live.at(20).id).ok());
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 61);
    QVERIFY(m_service->remove(globalAdmin(), live.at(0).id).ok());
    QCOMPARE(removed.count(), 2);
    QCOMPARE(model.rowCount(), 60);
    QCOMPARE(model.rowOf(live.at(0).id), -1);
    QCOMPARE(model.rowOf(live.at(20).id), -1);
    QVERIFY(model.loadedPages() <= 3);

    // Read again from the top: exactly what the database has, in order, each once.
    const QStringList expected = freshIds(*m_service, model);
    QCOMPARE(expected.size(), 60);
    QCOMPARE(idsOf(model), expected);
    QCOMPARE(idsUpwards(model), expected);
    QVERIFY(noDuplicates(idsOf(model)));
    QCOMPARE(model.recordAt(0).id, added.id);
    QVERIFY(model.rowOf(middle.id) > 0);
    QVERIFY(model.loadedRows() <= 3 * 5 * 2);
    QCoreApplication::processEvents();
    QCOMPARE(model.rowCount(), 60);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(removed.count(), 2);
    QCOMPARE(reset.count(), 0);

    // Changed in a loaded page: its row shows it; in a dropped one: when read again.
    RecordUpdate update;
    update.notes = std::optional<QString>(QStringLiteral("changed"));
    QVERIFY(m_service->update(orgAdminA(), live.at(1).id, update).ok());
    QVERIFY(m_service->update(orgAdminA(), live.at(50).id, update).ok());
    QCOMPARE(model.recordAt(model.rowOf(live.at(1).id)).notes.value_or(QString()), QStringLiteral("changed"));
    QCOMPARE(model.recordAt(model.rowOf(live.at(50).id)).notes.value_or(QString()),
             QStringLiteral("changed"));
    QCOMPARE(model.rowCount(), 60);
}

// Records written by a process the model did not hear: a reload finds the page holds more or fewer
// than it counted and, from the event loop, inserts or removes the difference at the page's end.
// A late signal for such a record does not add it twice.
void TestRecordsModel::changesNotHeardShowOnReload()
{
    RecordFilter onlyThem;
    const QList<NotificationRecord> live = addLiveRecords(40, &onlyThem);
    RecordsModel model(*m_service, orgAdminA(), nullptr, onlyThem);
    model.setPageSize(5);
    model.setMaxLoadedPages(2);
    model.refresh();
    while (model.canFetchMore({})) {
        model.fetchMore({});
        (void)model.recordAt(model.rowCount() - 1);
    }
    QCOMPARE(model.rowCount(), 40);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    (void)model.recordAt(39);
    (void)model.recordAt(34);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    // Rows 10–14 (the third page, dropped): one more stored and one deleted there, quietly.
    const NotificationRecord quiet =
        storeQuietly(QStringLiteral("nr_fffffffffff2"), live.at(27).sentAt.addMSecs(500));
    const NotificationRecord gone = live.at(25);
    RecordRepository repository(m_database->db());
    {
        Transaction tx(m_database->db());
        const auto deleted = repository.remove(gone);
        QVERIFY(deleted.ok() && *deleted);
        QVERIFY(tx.commit().ok());
    }
    // Rows 20–24 (the fifth page): one more.
    const NotificationRecord quiet2 =
        storeQuietly(QStringLiteral("nr_fffffffffff3"), live.at(17).sentAt.addMSecs(500));
    QCOMPARE(model.rowCount(), 40);
    // Read again: the third page has as many as before, the fifth one more, shown from the event loop.
    (void)model.recordAt(12);
    (void)model.recordAt(22);
    QCOMPARE(model.rowCount(), 40);
    QTRY_COMPARE(model.rowCount(), 41);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(removed.count(), 0);
    const QStringList expected = freshIds(*m_service, model);
    QCOMPARE(expected.size(), 41);
    QCOMPARE(idsOf(model), expected);

    // The signals arrive late: nothing twice, nothing lost.
    emit m_service->recordAdded(quiet);
    emit m_service->recordAdded(quiet2);
    emit m_service->recordDeleted(gone.id, gone.orgId);
    QCOMPARE(model.rowCount(), 41);
    QCOMPARE(idsUpwards(model), expected);

    // Deleted quietly from a page that is then dropped: read again, it is one row fewer.
    {
        Transaction tx(m_database->db());
        const auto deleted = repository.remove(live.at(38));
        QVERIFY(deleted.ok() && *deleted);
        QVERIFY(tx.commit().ok());
    }
    // Rows 36-40 and 26-30 read, so the first page (rows 0-4) is dropped; then read again.
    (void)model.recordAt(40);
    (void)model.recordAt(30);
    (void)model.recordAt(0);
    QCOMPARE(model.rowCount(), 41);
    QTRY_COMPARE(model.rowCount(), 40);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(idsOf(model), freshIds(*m_service, model));
    QVERIFY(noDuplicates(idsOf(model)));
}

// A page that live records make large is split, so that the window stays small.
void TestRecordsModel::largePageIsSplit()
{
    RecordFilter onlyThem;
    addLiveRecords(3, &onlyThem);
    RecordsModel model(*m_service, orgAdminA(), nullptr, onlyThem);
    model.setPageSize(4);
    model.setMaxLoadedPages(2);
    model.refresh();
    QVERIFY(model.atEnd());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<NotificationRecord> added;
    for (int i = 0; i < 30; ++i) {
        added << addLive(orgAdminA(), kMentorA1, kCoordA1);
        QVERIFY2(model.loadedRows() <= 2 * 2 * 4, qPrintable(QString::number(model.loadedRows())));
    }
    QCOMPARE(model.rowCount(), 33);
    QCOMPARE(model.recordAt(0).id, added.constLast().id);
    QCOMPARE(idsOf(model), freshIds(*m_service, model));
    QCOMPARE(idsUpwards(model), freshIds(*m_service, model));
    QVERIFY(model.loadedRows() <= 2 * 2 * 4);
}

// Live records added, stored elsewhere and deleted at random places while pages come and go: after
// each change the model counts what the database has, and reads the same records in order.
void TestRecordsModel::manyLiveChangesStayRight()
{
    RecordFilter onlyThem;
    QList<NotificationRecord> live = addLiveRecords(30, &onlyThem);
    RecordsModel model(*m_service, orgAdminA(), nullptr, onlyThem);
    model.setPageSize(3);
    model.setMaxLoadedPages(2);
    model.refresh();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QRandomGenerator random(12);
    int stored = 0;
    for (int step = 0; step < 120; ++step) {
        switch (random.bounded(5)) {
        case 0:
            live << addLive(orgAdminA(), kMentorA2, kCoordA1);
            break;
        case 1: { // between two records, from elsewhere
            const NotificationRecord &near = live.at(random.bounded(int(live.size())));
            const NotificationRecord r =
                storeQuietly(QStringLiteral("nr_fffffff%1").arg(++stored, 5, 16, QLatin1Char('0')),
                             near.sentAt.addMSecs(1 + random.bounded(998)));
            live << r;
            emit m_service->recordAdded(r);
            break;
        }
        case 2:
            if (live.size() > 5)
                QVERIFY(
                    m_service->remove(globalAdmin(), live.takeAt(random.bounded(int(live.size()))).id).ok());
            break;
        case 3:
            if (model.rowCount() > 0)
                QVERIFY(!model.recordAt(random.bounded(model.rowCount())).id.isEmpty());
            break;
        case 4:
            model.fetchMore({});
            break;
        }
        QCoreApplication::processEvents();
        const QStringList expected = freshIds(*m_service, model);
        if (model.atEnd())
            QCOMPARE(model.rowCount(), int(expected.size()));
        else
            QVERIFY(model.rowCount() <= expected.size());
        if (step % 10 == 9) {
            const QStringList ids = random.bounded(2) ? idsOf(model) : idsUpwards(model);
            QCOMPARE(ids, expected.mid(0, model.rowCount()));
        }
        QVERIFY(model.loadedRows() <= 2 * 2 * 3);
    }
}

// ---- order -------------------------------------------------------------------------------------------

void TestRecordsModel::oldestFirst()
{
    RecordsModel model(*m_service, orgAdminA());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setOrder(RecordOrder::OldestFirst);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.order(), RecordOrder::OldestFirst);
    // The very first bulk record of organisation A comes first.
    QCOMPARE(model.recordAt(0).id, QStringLiteral("nr_%1").arg(0, 12, 16, QLatin1Char('0')));
    for (int i = 0; i < 10; ++i)
        model.fetchMore({});
    QVERIFY(model.rowCount() >= 11 * model.pageSize());
    QCOMPARE(model.rowsFetched(), qint64(model.pagesFetched()) * model.pageSize());
    QVERIFY(model.rowsFetched() < kBulk / 10);
    for (int row = 1; row < model.rowCount(); ++row) {
        const NotificationRecord &a = model.recordAt(row - 1);
        const NotificationRecord &b = model.recordAt(row);
        QVERIFY(a.sentAt < b.sentAt || (a.sentAt == b.sentAt && a.id < b.id));
    }
    QVERIFY(sameAsService(*m_service, model));

    // Back to newest first, through sort() as a header click does.
    model.sort(RecordsModel::SentAtColumn, Qt::DescendingOrder);
    QCOMPARE(model.order(), RecordOrder::NewestFirst);
    QCOMPARE(model.pagesFetched(), model.rowCount() / model.pageSize());
    QVERIFY(model.recordAt(0).sentAt > model.recordAt(model.rowCount() - 1).sentAt);
    QVERIFY(sameAsService(*m_service, model));
    model.sort(RecordsModel::SentAtColumn, Qt::AscendingOrder);
    QCOMPARE(model.order(), RecordOrder::OldestFirst);
}

// Only the sent time can be sorted by the database without reading the table: the other columns
// leave the rows as they are.
void TestRecordsModel::onlySentTimeSorts()
{
    RecordsModel model(*m_service, coordinatorA());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    const QStringList before = idsOf(model);
    for (int column = 0; column < model.columnCount(); ++column) {
        QCOMPARE(RecordsModel::isSortable(column), column == RecordsModel::SentAtColumn);
        if (column == RecordsModel::SentAtColumn)
            continue;
        model.sort(column, Qt::AscendingOrder);
        model.sort(column, Qt::DescendingOrder);
    }
    QCOMPARE(reset.count(), 0);
    QCOMPARE(layout.count(), 0);
    QCOMPARE(idsOf(model), before);
    QCOMPARE(model.order(), RecordOrder::NewestFirst);
    // Asking for the order it has already changes nothing either.
    model.sort(RecordsModel::SentAtColumn, Qt::DescendingOrder);
    QCOMPARE(reset.count(), 0);
}

void TestRecordsModel::liveRecordWhenOldestFirst()
{
    // Not all loaded: a new record comes at the end, with the last page.
    RecordsModel model(*m_service, orgAdminA());
    model.setOrder(RecordOrder::OldestFirst);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const NotificationRecord first = addLive(orgAdminA(), kMentorA1, kCoordA1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.rowOf(first.id), -1);

    // All loaded: it is appended at once, after the others.
    RecordFilter recent;
    recent.from = first.sentAt;
    model.setFilter(recent);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.atEnd());
    const NotificationRecord second = addLive(orgAdminA(), kMentorA2, kCoordA2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.recordAt(0).id, first.id);
    QCOMPARE(model.recordAt(1).id, second.id);
    QVERIFY(sameAsService(*m_service, model));
}

// ---- organisations and roles ----------------------------------------------------------------------

void TestRecordsModel::otherOrganisationNeverAppears()
{
    RecordsModel modelB(*m_service, coordinatorB());
    QAbstractItemModelTester tester(&modelB, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(modelB.rowCount() >= kBulkB);
    QVERIFY(!modelB.canFetchMore({}));
    const int rowsB = modelB.rowCount();
    RecordsModel modelA(*m_service, coordinatorA());
    for (int row = 0; row < modelA.rowCount(); ++row)
        QCOMPARE(modelA.recordAt(row).orgId, kOrgA);

    QSignalSpy insertedB(&modelB, &QAbstractItemModel::rowsInserted);
    QSignalSpy changedB(&modelB, &QAbstractItemModel::dataChanged);
    // A's record, live, also from another thread: B's model does not move.
    const NotificationRecord a = addLive(orgAdminA(), kMentorA1, kCoordA1);
    m_clock->advance(1000);
    std::unique_ptr<QThread> server(QThread::create([this] {
        (void)m_service->record(coordinatorA(),
                                newRecord(kMentorA2, kCoordA2, EventType::PauseActivated, day(0)));
        m_database->db().closeThreadConnection();
    }));
    server->start();
    QVERIFY(server->wait(10000));
    QTRY_COMPARE(modelA.index(0, 0).data(Qt::UserRole).toString() != a.id, true); // the thread's arrived
    RecordUpdate update;
    update.notes = std::optional<QString>(QStringLiteral("A's note"));
    QVERIFY(m_service->update(orgAdminA(), a.id, update).ok());
    QCOMPARE(insertedB.count(), 0);
    QCOMPARE(changedB.count(), 0);
    QCOMPARE(modelB.rowCount(), rowsB);
    for (int row = 0; row < modelB.rowCount(); ++row)
        QCOMPARE(modelB.recordAt(row).orgId, kOrgB);

    // B's own record does arrive.
    const NotificationRecord b = addLive(coordinatorB(), kMentorB1, kCoordB1);
    QCOMPARE(modelB.recordAt(0).id, b.id);
    QCOMPARE(modelA.rowOf(b.id), -1);

    // An org admin of B filtering by A's organisation still sees only B.
    RecordFilter other;
    other.orgId = kOrgA;
    modelB.setCaller(test::World().orgAdminB);
    modelB.setFilter(other);
    QCOMPARE(modelB.rowCount(), rowsB + 1);
    for (int row = 0; row < modelB.rowCount(); ++row)
        QCOMPARE(modelB.recordAt(row).orgId, kOrgB);
}

void TestRecordsModel::globalAdminNarrowsByOrganisation()
{
    RecordFilter onlyB;
    onlyB.orgId = kOrgB;
    RecordsModel model(*m_service, globalAdmin());
    model.setFilter(onlyB);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int rows = model.rowCount();
    addLive(orgAdminA(), kMentorA1, kCoordA1);
    QCOMPARE(model.rowCount(), rows);
    const NotificationRecord b = addLive(coordinatorB(), kMentorB1, kCoordB1);
    QCOMPARE(model.rowCount(), rows + 1);
    QCOMPARE(model.recordAt(0).id, b.id);

    // Without the filter, both organisations, newest first.
    model.setFilter({});
    QCOMPARE(model.recordAt(0).id, b.id);
    const NotificationRecord a = addLive(orgAdminA(), kMentorA2, kCoordA2);
    QCOMPARE(model.recordAt(0).id, a.id);
}

void TestRecordsModel::callerWithoutOrganisationSeesNothing()
{
    Caller nobody = coordinatorA();
    nobody.orgId.clear();
    RecordsModel model(*m_service, nobody);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    addLive(orgAdminA(), kMentorA1, kCoordA1);
    QCOMPARE(model.rowCount(), 0);
}

CC_DATABASE_TEST_MAIN(TestRecordsModel)
#include "tst_recordsmodel.moc"
