#include "core/ChangeFeed.h"
#include "core/DirectoryService.h"
#include "core/RecordRepository.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <memory>

using namespace cc;

namespace {

using test::World;
const QString &kOrgA = World::kOrgA;
const QString &kOrgB = World::kOrgB;
const QString &kCoordA1 = World::kCoordA1;
const QString &kCoordA2 = World::kCoordA2;
const QString &kCoordB1 = World::kCoordB1;
const QString &kMentorB = World::kMentorB1;
constexpr int kMentorsA = 40;   // added to the world's organisation A
constexpr int kRecords = 20000; // of organisation A; B has a tenth as many

QString mentorA(int i)
{
    return QStringLiteral("pm_a%1").arg(i, 2, 10, QLatin1Char('0'));
}

// The SQL of RecordRepository::listAfterSql() with its placeholders replaced by literals (an
// EXPLAIN cannot be prepared on PostgreSQL).
QString withLiterals(QString sql, const RecordFilter &filter, const std::optional<RecordKey> &after)
{
    const auto quoted = [](const QString &text) -> QString {
        return QLatin1Char('\'') + text + QLatin1Char('\'');
    };
    // Longest names first: ":after_sent" before ":after".
    const QList<QPair<QString, QString>> values{
        {QStringLiteral(":after_sent"), after ? quoted(timeValue(after->sentAt).toString()) : QString()},
        {QStringLiteral(":after_id"), after ? quoted(after->id) : QString()},
        {QStringLiteral(":mentor"), quoted(filter.peerMentorId)},
        {QStringLiteral(":coord"), quoted(filter.coordinatorId)},
        {QStringLiteral(":event"), filter.eventType ? quoted(eventTypeName(*filter.eventType)) : QString()},
        {QStringLiteral(":from"), quoted(timeValue(filter.from).toString())},
        {QStringLiteral(":org"), quoted(filter.orgId)},
        {QStringLiteral(":limit"), QStringLiteral("200")},
        {QStringLiteral(":offset"), QStringLiteral("15000")},
        {QStringLiteral(":to"), quoted(timeValue(filter.to).toString())},
    };
    for (const auto &[name, value] : values)
        sql.replace(QRegularExpression(QRegularExpression::escape(name) + QStringLiteral("\\b")), value);
    return sql;
}

QStringList queryPlan(Database &db, const QString &sql, QString *error)
{
    QStringList lines;
    auto conn = db.connection();
    if (!conn) {
        *error = conn.error().message;
        return lines;
    }
    QSqlQuery q(*conn);
    if (!q.exec((db.isSqlite() ? QStringLiteral("EXPLAIN QUERY PLAN ") : QStringLiteral("EXPLAIN ")) + sql)) {
        *error = q.lastError().text();
        return lines;
    }
    const int column = db.isSqlite() ? q.record().indexOf(QStringLiteral("detail")) : 0;
    while (q.next())
        lines << q.value(column).toString();
    return lines;
}

QStringList idsOf(const QList<NotificationRecord> &records)
{
    QStringList ids;
    for (const NotificationRecord &r : records)
        ids << r.id;
    return ids;
}

} // namespace

Q_DECLARE_METATYPE(cc::RecordFilter)

// The keyset pages the console scrolls with: every filter of the API, both orders, walk an index
// from the key on (no rows skipped, no sort), however deep the page.
class TestRecordRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void keysetPagesWalkAnIndex_data();
    void keysetPagesWalkAnIndex();
    void deepKeysetPageMatchesOffsetPage_data();
    void deepKeysetPageMatchesOffsetPage();
    void offsetPagesSkipInTheIndex_data();
    void offsetPagesSkipInTheIndex();
    void firstPagesAreTheSameAsDeepOnes_data() { offsetPagesSkipInTheIndex_data(); }
    void firstPagesAreTheSameAsDeepOnes();
    void summaryHoldsWhatAListItemShows();
    void pageCarriesItsTotal_data();
    void pageCarriesItsTotal();
    void mentorCountFollowsInsertAndRemove();
    void pageReadsTheChangeNumberAlong();
    void storedListsReadBack_data();
    void storedListsReadBack();

private:
    std::unique_ptr<test::TestDatabase> m_database;
    QDateTime m_first;
};

void TestRecordRepository::initTestCase()
{
    m_database = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_database->ok(), qPrintable(m_database->error()));
    Database &db = m_database->db();
    ManualClock clock(test::testNow());
    auto created = World().create(db, clock);
    QVERIFY2(created, test::why(created).constData());
    DirectoryService directory(db, clock);
    for (int i = 0; i < kMentorsA; ++i) {
        auto added = directory.addPeerMentor(
            Caller::system(),
            PeerMentor{mentorA(i), kOrgA, i % 2 ? kCoordA2 : kCoordA1, mentorA(i), {}, {}, {}});
        QVERIFY2(added, test::why(added).constData());
    }

    QList<NotificationRecord> bulk;
    m_first = test::testNow().addSecs(-kRecords * 2);
    for (int i = 0; i < kRecords + kRecords / 10; ++i) {
        const bool b = i >= kRecords;
        NotificationRecord r;
        r.id = QStringLiteral("nr_%1").arg(i, 12, 16, QLatin1Char('0'));
        r.orgId = b ? kOrgB : kOrgA;
        r.peerMentorId = b ? kMentorB : mentorA(i % kMentorsA);
        r.coordinatorId = b ? kCoordB1 : (i % kMentorsA % 2 ? kCoordA2 : kCoordA1);
        r.eventType = i % 4 < 2 ? EventType::PauseActivated : EventType::PauseDeactivated;
        r.effectiveDate = test::testNow();
        r.channels = {QStringLiteral("push")};
        r.createdBy = QStringLiteral("bulk");
        // Pairs of records in the same second: the id breaks the ties.
        r.sentAt = m_first.addSecs((b ? i - kRecords : i) / 2);
        r.updatedAt = r.sentAt;
        bulk << r;
    }
    RecordRepository repository(db);
    Transaction tx(db);
    QVERIFY(tx.begun().ok());
    QVERIFY(repository.insertBatch(bulk).ok());
    QVERIFY(tx.commit().ok());
    // PostgreSQL plans from statistics (autovacuum would gather them a little later); SQLite's
    // planner is left as the program runs it, without any.
    if (!db.isSqlite()) {
        QSqlQuery analyze(*db.connection());
        QVERIFY2(analyze.exec(QStringLiteral("ANALYZE notification_records")),
                 qPrintable(analyze.lastError().text()));
    }
}

void TestRecordRepository::keysetPagesWalkAnIndex_data()
{
    QTest::addColumn<RecordFilter>("filter");
    QTest::addColumn<bool>("oldestFirst");
    QTest::addColumn<QString>("sqliteIndex"); // the index SQLite must walk

    const auto filter = [this](const QString &org, const QString &mentor, const QString &coordinator,
                               std::optional<EventType> event, bool range) {
        RecordFilter f;
        f.orgId = org;
        f.peerMentorId = mentor;
        f.coordinatorId = coordinator;
        f.eventType = event;
        if (range) {
            f.from = m_first.addSecs(kRecords / 10);
            f.to = m_first.addSecs(kRecords / 2);
        }
        return f;
    };
    const auto pause = std::optional<EventType>(EventType::PauseActivated);
    const std::optional<EventType> any;
    struct Row
    {
        const char *name;
        RecordFilter filter;
        const char *index;
    };
    const QList<Row> rows{
        {"organisation", filter(kOrgA, {}, {}, any, false), "idx_records_org_sent"},
        {"organisation, range", filter(kOrgA, {}, {}, any, true), "idx_records_org_sent"},
        {"organisation, event", filter(kOrgA, {}, {}, pause, false), "idx_records_org_event_sent"},
        {"organisation, coordinator", filter(kOrgA, {}, kCoordA2, any, false),
         "idx_records_coordinator_sent"},
        {"organisation, coordinator, event", filter(kOrgA, {}, kCoordA2, pause, false),
         "idx_records_coordinator_event_sent"},
        {"organisation, mentor", filter(kOrgA, mentorA(9), {}, any, false), "idx_records_mentor_org_sent"},
        {"organisation, mentor, event", filter(kOrgA, mentorA(9), {}, pause, false),
         "idx_records_mentor_org_sent"},
        {"organisation, mentor, coordinator, event, range", filter(kOrgA, mentorA(9), kCoordA2, pause, true),
         "idx_records_mentor_org_sent"},
        {"everyone, mentor", filter({}, mentorA(9), {}, any, false), "idx_records_mentor_sent"},
        {"everyone", filter({}, {}, {}, any, false), "idx_records_sent"},
        {"everyone, range", filter({}, {}, {}, any, true), "idx_records_sent"},
        {"everyone, event", filter({}, {}, {}, pause, false), "idx_records_event_sent"},
    };
    for (const Row &row : rows) {
        QTest::addRow("%s, newest first", row.name) << row.filter << false << QString::fromLatin1(row.index);
        QTest::addRow("%s, oldest first", row.name) << row.filter << true << QString::fromLatin1(row.index);
    }
}

void TestRecordRepository::keysetPagesWalkAnIndex()
{
    QFETCH(RecordFilter, filter);
    QFETCH(bool, oldestFirst);
    QFETCH(QString, sqliteIndex);
    const RecordOrder order = oldestFirst ? RecordOrder::OldestFirst : RecordOrder::NewestFirst;
    Database &db = m_database->db();
    RecordRepository repository(db);

    // A key in the middle of what the filter matches.
    const auto first = repository.listAfter(filter, std::nullopt, 10000, order);
    QVERIFY(first.ok());
    QVERIFY2(first->size() >= 20, qPrintable(QString::number(first->size())));
    const NotificationRecord &middle = first->at(first->size() / 2);
    const RecordKey key{middle.sentAt, middle.id};

    for (const std::optional<RecordKey> &after :
         {std::optional<RecordKey>(), std::optional<RecordKey>(key)}) {
        const QString sql = withLiterals(RecordRepository::listAfterSql(filter, after, order), filter, after);
        QVERIFY2(!sql.contains(QRegularExpression(QStringLiteral(":[a-z]"))), qPrintable(sql));
        QString error;
        const QStringList plan = queryPlan(db, sql, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString text = plan.join(QLatin1Char('\n'));
        if (db.isSqlite()) {
            // The index SQLite walks, in the list's order: no sort.
            QVERIFY2(text.contains(QStringLiteral("SEARCH r USING INDEX ") + sqliteIndex + QLatin1Char(' '))
                         || text.contains(QStringLiteral("SEARCH r USING COVERING INDEX ") + sqliteIndex
                                          + QLatin1Char(' '))
                         || (sqliteIndex == QLatin1String("idx_records_sent") && !after
                             && !filter.from.isValid()
                             && text.contains(QStringLiteral("SCAN r USING INDEX ") + sqliteIndex)),
                     qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")), qPrintable(text));
            // The key bounds the index range: the walk starts at it.
            if (after)
                QVERIFY2(text.contains(oldestFirst ? QLatin1String("(sent_at,id)>(?,?)")
                                                   : QLatin1String("(sent_at,id)<(?,?)")),
                         qPrintable(text));
        } else {
            QVERIFY2(!text.contains(QLatin1String("Seq Scan on notification_records")), qPrintable(text));
            // The key is an index condition, not a filter on the rows read.
            if (after) {
                bool keyInIndex = false;
                for (const QString &line : plan)
                    keyInIndex = keyInIndex
                        || (line.contains(QLatin1String("Index Cond"))
                            && line.contains(
                                QRegularExpression(QStringLiteral("ROW\\((r\\.)?sent_at, (r\\.)?id\\)"))));
                QVERIFY2(keyInIndex, qPrintable(text));
            }
        }
        // And it runs, answering what comes after the key.
        const auto page = repository.listAfter(filter, after, 200, order);
        QVERIFY(page.ok());
        QCOMPARE(idsOf(*page), idsOf(after ? first->mid(first->size() / 2 + 1, 200) : first->mid(0, 200)));
    }
}

void TestRecordRepository::deepKeysetPageMatchesOffsetPage_data()
{
    QTest::addColumn<int>("depth");
    QTest::newRow("first") << 0;
    QTest::newRow("a tie") << 1001;
    QTest::newRow("deep") << 15000;
    QTest::newRow("last") << kRecords - 1;
    QTest::newRow("past the end") << kRecords;
}

void TestRecordRepository::deepKeysetPageMatchesOffsetPage()
{
    QFETCH(int, depth);
    RecordRepository repository(m_database->db());
    RecordFilter filter;
    filter.orgId = kOrgA;
    const auto offsetPage = repository.list(filter, depth, 100);
    QVERIFY(offsetPage.ok());
    std::optional<RecordKey> after;
    if (depth > 0) {
        const auto before = repository.list(filter, depth - 1, 1);
        QVERIFY(before.ok());
        QCOMPARE(before->size(), 1);
        after = RecordKey{before->first().sentAt, before->first().id};
    }
    const auto keyPage = repository.listAfter(filter, after, 100, RecordOrder::NewestFirst);
    QVERIFY(keyPage.ok());
    QCOMPARE(idsOf(*keyPage), idsOf(*offsetPage));
}

void TestRecordRepository::offsetPagesSkipInTheIndex_data()
{
    QTest::addColumn<RecordFilter>("filter");
    QTest::addColumn<QString>("sqliteIndex");
    RecordFilter mentor;
    mentor.peerMentorId = mentorA(3);
    RecordFilter organisation;
    organisation.orgId = kOrgA;
    QTest::newRow("a mentor's history") << mentor << QStringLiteral("idx_records_mentor_sent");
    QTest::newRow("an organisation") << organisation << QStringLiteral("idx_records_org_sent");
    QTest::newRow("everyone") << RecordFilter{} << QStringLiteral("idx_records_sent");
}

// item 9 of the security issue: a deep page (history page 150 of a mentor with 100,000 records)
// skips its rows in the index alone, reading and joining only the page's rows.
void TestRecordRepository::offsetPagesSkipInTheIndex()
{
    QFETCH(RecordFilter, filter);
    QFETCH(QString, sqliteIndex);
    Database &db = m_database->db();
    const QString sql = withLiterals(RecordRepository::listSql(filter, 150), filter, std::nullopt);
    QVERIFY2(!sql.contains(QRegularExpression(QStringLiteral(":[a-z]"))), qPrintable(sql));
    QString error;
    const QString text = queryPlan(db, sql, &error).join(QLatin1Char('\n'));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    if (db.isSqlite()) {
        QVERIFY2(text.contains(QStringLiteral("COVERING INDEX ") + sqliteIndex), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("USING INTEGER PRIMARY KEY"))
                     || text.contains(QLatin1String("USING INDEX sqlite_autoindex_notification_records")),
                 qPrintable(text));
    } else if (!filter.peerMentorId.isEmpty()) {
        // PostgreSQL plans from statistics: for most of the table (an organisation, everyone) a
        // scan and a top-N sort may well cost less, but a mentor's few rows come from the index.
        QVERIFY2(!text.contains(QLatin1String("Seq Scan on notification_records")), qPrintable(text));
    }
    // And a deep page is the same as the plain query's.
    RecordRepository repository(db);
    const auto page = repository.list(filter, 150, 20);
    QVERIFY(page.ok());
    const auto all = repository.list(filter, 0, 170);
    QVERIFY(all.ok());
    QCOMPARE(idsOf(*page), idsOf(all->mid(150, 20)));
}

// Pages before RecordRepository::kSkipInIndexFrom read their rows straight away; they hold the
// same records, in the same order, as the form of the deep pages, which reads them by id.
void TestRecordRepository::firstPagesAreTheSameAsDeepOnes()
{
    QFETCH(RecordFilter, filter);
    Database &db = m_database->db();
    RecordRepository repository(db);
    const auto all = repository.list(filter, 0, 200);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 200);
    for (const int offset : {0, 1, 20, RecordRepository::kSkipInIndexFrom - 1,
                             RecordRepository::kSkipInIndexFrom, RecordRepository::kSkipInIndexFrom + 20}) {
        const auto page = repository.list(filter, offset, 20);
        QVERIFY(page.ok());
        QCOMPARE(idsOf(*page), idsOf(all->mid(offset, 20)));
    }
    QVERIFY(!RecordRepository::listSql(filter, 0).contains(QLatin1String(" IN (")));
    QVERIFY(RecordRepository::listSql(filter, RecordRepository::kSkipInIndexFrom)
                .contains(QLatin1String(" IN (")));
    // The first page walks the index in order: no sort of the rows it found.
    if (db.isSqlite()) {
        QString error;
        const QString text =
            queryPlan(db, withLiterals(RecordRepository::listSql(filter, 0), filter, std::nullopt), &error)
                .join(QLatin1Char('\n'));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")), qPrintable(text));
    }
}

// RecordColumns::Summary reads the fields a list item shows, equal to the full record's, and
// leaves the others empty.
void TestRecordRepository::summaryHoldsWhatAListItemShows()
{
    RecordFilter filter;
    filter.orgId = kOrgA;
    RecordRepository repository(m_database->db());
    for (const int offset : {0, 100}) {
        const auto full = repository.list(filter, offset, 20);
        const auto summary = repository.list(filter, offset, 20, RecordColumns::Summary);
        QVERIFY(full.ok());
        QVERIFY(summary.ok());
        QCOMPARE(summary->size(), 20);
        for (qsizetype i = 0; i < summary->size(); ++i) {
            const NotificationRecord &a = full->at(i);
            const NotificationRecord &b = summary->at(i);
            QCOMPARE(b.id, a.id);
            QCOMPARE(b.orgId, a.orgId);
            QCOMPARE(b.peerMentorId, a.peerMentorId);
            QCOMPARE(b.peerMentorName, a.peerMentorName);
            QVERIFY(!b.peerMentorName.isEmpty());
            QCOMPARE(b.eventType, a.eventType);
            QCOMPARE(b.effectiveDate, a.effectiveDate);
            QCOMPARE(b.coordinatorId, a.coordinatorId);
            QCOMPARE(b.channels, a.channels);
            QCOMPARE(b.channels, QStringList{QStringLiteral("push")});
            QCOMPARE(b.sentAt, a.sentAt);
            QVERIFY(b.coordinatorName.isEmpty());
            QVERIFY(b.createdBy.isEmpty());
            QVERIFY(!b.updatedAt.isValid());
        }
    }
}

void TestRecordRepository::pageCarriesItsTotal_data()
{
    QTest::addColumn<RecordFilter>("filter");
    RecordFilter mentor;
    mentor.peerMentorId = mentorA(3);
    RecordFilter mentorInOrg = mentor;
    mentorInOrg.orgId = kOrgA;
    RecordFilter organisation; // from the kept counts
    organisation.orgId = kOrgA;
    RecordFilter coordinatorEvent = organisation;
    coordinatorEvent.coordinatorId = kCoordA2;
    coordinatorEvent.eventType = EventType::PauseDeactivated;
    RecordFilter since = organisation; // counted
    since.from = m_first.addSecs(kRecords / 2);
    RecordFilter mentorEvent = mentorInOrg;
    mentorEvent.coordinatorId = kCoordA2; // mentor 3's
    mentorEvent.eventType = EventType::PauseDeactivated;
    RecordFilter mentorOtherCoordinator = mentorInOrg;
    mentorOtherCoordinator.coordinatorId = kCoordA1;
    RecordFilter mentorSince = mentorInOrg; // counted
    mentorSince.from = m_first.addSecs(kRecords / 2);
    RecordFilter nobody;
    nobody.peerMentorId = QStringLiteral("pm_nobody");
    QTest::newRow("mentor") << mentor;
    QTest::newRow("mentor in organisation") << mentorInOrg;
    QTest::newRow("mentor, coordinator and event") << mentorEvent;
    QTest::newRow("mentor, not their coordinator") << mentorOtherCoordinator;
    QTest::newRow("mentor, date range") << mentorSince;
    QTest::newRow("organisation") << organisation;
    QTest::newRow("coordinator and event") << coordinatorEvent;
    QTest::newRow("date range") << since;
    QTest::newRow("no records") << nobody;
    QTest::newRow("everyone") << RecordFilter{};
}

// list() with a total reads it in the page's own statement: the same as count(), on the first
// pages, the deep ones and past the end (where no row carries it), and as many as the records
// the filter lists (the kept counts agree with the rows).
void TestRecordRepository::pageCarriesItsTotal()
{
    QFETCH(RecordFilter, filter);
    RecordRepository repository(m_database->db());
    const auto counted = repository.count(filter);
    QVERIFY(counted.ok());
    const auto every = repository.listAfter(filter, std::nullopt, kRecords * 2, RecordOrder::NewestFirst);
    QVERIFY(every.ok());
    QCOMPARE(*counted, qint64(every->size()));
    for (const qint64 offset : {qint64(0), qint64(RecordRepository::kSkipInIndexFrom + 20), *counted - 5,
                                *counted, *counted + 100}) {
        if (offset < 0)
            continue;
        qint64 total = -1;
        const auto page = repository.list(filter, int(offset), 20, RecordColumns::Summary, &total);
        QVERIFY(page.ok());
        QCOMPARE(total, *counted);
        QCOMPARE(page->size(), int(qBound(qint64(0), *counted - offset, qint64(20))));
    }
}

// A mentor's total comes from the kept counts by mentor, which every insert and remove changes
// in step: by kind of record and by coordinator.
void TestRecordRepository::mentorCountFollowsInsertAndRemove()
{
    Database &db = m_database->db();
    RecordRepository repository(db);
    RecordFilter mentor;
    mentor.orgId = kOrgA;
    mentor.peerMentorId = mentorA(5);
    QVERIFY(RecordRepository::countSql(mentor).contains(QLatin1String("record_counts_by_mentor")));
    RecordFilter moved = mentor; // a record under another coordinator than the mentor's usual one
    moved.coordinatorId = kCoordA1;
    moved.eventType = EventType::PauseActivated;
    const auto before = repository.count(mentor);
    const auto movedBefore = repository.count(moved);
    QVERIFY(before.ok() && movedBefore.ok());
    QCOMPARE(*movedBefore, 0);

    NotificationRecord r;
    r.id = QStringLiteral("nr_moved");
    r.orgId = kOrgA;
    r.peerMentorId = mentorA(5);
    r.coordinatorId = kCoordA1;
    r.eventType = EventType::PauseActivated;
    r.effectiveDate = test::testNow();
    r.channels = {QStringLiteral("push")};
    r.createdBy = QStringLiteral("test");
    r.sentAt = test::testNow();
    r.updatedAt = r.sentAt;
    {
        Transaction tx(db);
        QVERIFY(tx.begun().ok());
        QVERIFY(repository.insert(r).ok());
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(*repository.count(mentor), *before + 1);
    QCOMPARE(*repository.count(moved), 1);
    qint64 total = -1;
    const auto page = repository.list(moved, 0, 20, RecordColumns::Summary, &total);
    QVERIFY(page.ok());
    QCOMPARE(total, 1);
    QCOMPARE(idsOf(*page), QStringList{r.id});
    {
        Transaction tx(db);
        QVERIFY(tx.begun().ok());
        const auto removed = repository.remove(r);
        QVERIFY(removed.ok() && *removed);
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(*repository.count(mentor), *before);
    QCOMPARE(*repository.count(moved), 0);
}

// The API's list reads the caller's change number in the page's own statement: the number
// versionFor() reads on its own, for every kind of caller, with or without the total, on a first
// and a deep page; it follows a change of the caller's organisation and not another's; an empty
// page has no row to carry it, and leaves it unset.
void TestRecordRepository::pageReadsTheChangeNumberAlong()
{
    Database &db = m_database->db();
    RecordRepository repository(db);
    const Caller coordinatorA{QStringLiteral("u_a"), QStringLiteral("a"), Role::Coordinator, kOrgA, kCoordA1};
    const Caller coordinatorB{QStringLiteral("u_b"), QStringLiteral("b"), Role::Coordinator, kOrgB, kCoordB1};
    const Caller root{QStringLiteral("u_root"), QStringLiteral("root"), Role::GlobalAdmin, {}, {}};
    RecordFilter mentor;
    mentor.peerMentorId = mentorA(7);
    RecordFilter nobody;
    nobody.peerMentorId = QStringLiteral("pm_nobody");

    const auto readAlong = [&](const Caller &caller, const RecordFilter &filter, int offset,
                               bool withTotal) -> std::optional<qint64> {
        ScalarRead along = ChangeFeed::versionRead(caller);
        qint64 total = -1;
        const auto page =
            repository.list(filter, offset, 20, RecordColumns::Summary, withTotal ? &total : nullptr, &along);
        if (!page.ok())
            return qint64(-1);
        return along.value;
    };
    const auto check = [&](const Caller &caller) {
        const auto alone = ChangeFeed::versionFor(db, caller);
        QVERIFY(alone.ok());
        for (const bool withTotal : {true, false}) {
            QCOMPARE(readAlong(caller, mentor, 0, withTotal), std::optional<qint64>(*alone));
            QCOMPARE(readAlong(caller, mentor, RecordRepository::kSkipInIndexFrom + 20, withTotal),
                     std::optional<qint64>(*alone));
            QCOMPARE(readAlong(caller, nobody, 0, withTotal), std::nullopt);
            QCOMPARE(readAlong(caller, mentor, kRecords, withTotal), std::nullopt);
        }
    };
    ManualClock clock(test::testNow());
    const auto change = [&](const QString &orgId) {
        Transaction tx(db);
        QVERIFY(tx.begun().ok());
        QVERIFY(appendChange(db, clock, ChangeKind::PeerMentorChanged, orgId, mentorA(7)).ok());
        QVERIFY(tx.commit().ok());
    };
    change(kOrgA);
    change(kOrgB);
    for (const Caller &caller : {coordinatorA, coordinatorB, root})
        check(caller);
    const auto beforeA = readAlong(coordinatorA, mentor, 0, true);
    const auto beforeB = readAlong(coordinatorB, mentor, 0, true);
    QVERIFY(beforeA && beforeB);
    change(kOrgA);
    QVERIFY(*readAlong(coordinatorA, mentor, 0, true) > *beforeA);
    QCOMPARE(readAlong(coordinatorB, mentor, 0, true), beforeB);
    for (const Caller &caller : {coordinatorA, coordinatorB, root})
        check(caller);
}

void TestRecordRepository::storedListsReadBack_data()
{
    QTest::addColumn<QStringList>("items");
    QTest::newRow("none") << QStringList();
    QTest::newRow("one") << QStringList{QStringLiteral("push")};
    QTest::newRow("two") << QStringList{QStringLiteral("push"), QStringLiteral("in_app")};
    QTest::newRow("empty item") << QStringList{QString(), QStringLiteral("sms")};
    QTest::newRow("comma and bracket")
        << QStringList{QStringLiteral("a,b"), QStringLiteral("]"), QStringLiteral("[")};
    QTest::newRow("quote") << QStringList{QStringLiteral("say \"hi\""), QStringLiteral("x")};
    QTest::newRow("backslash") << QStringList{QStringLiteral("a\\b")};
    QTest::newRow("control") << QStringList{QStringLiteral("line\nbreak")};
    QTest::newRow("Norwegian and astral") << QStringList{QStringLiteral("Bjørn"), QStringLiteral("🌙")};
}

// What joinList() stores, splitList() reads back (plain lists by hand, the rest as JSON).
void TestRecordRepository::storedListsReadBack()
{
    QFETCH(QStringList, items);
    QCOMPARE(splitList(joinList(items)), items);
}

CC_DATABASE_TEST_MAIN(TestRecordRepository)
#include "tst_recordrepository.moc"
