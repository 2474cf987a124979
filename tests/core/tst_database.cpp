#include "core/Backup.h"
#include "core/Database.h"
#include "core/TimeText.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"

#include <QAtomicInt>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <dlfcn.h>
#include <sys/stat.h>

#include <atomic>
#include <memory>
#include <vector>

using namespace cc;
using namespace cc::test;

namespace {

// Adds an organisation with a plain statement (no service: this test is about the database).
Status insertOrganisation(Database &db, const QString &id)
{
    Query q(db,
            QStringLiteral("INSERT INTO organisations (id, name, locale, time_zone, created_at) "
                           "VALUES (:id, :name, 'nb', 'Europe/Oslo', :at)"));
    q.bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":name"), QString(QStringLiteral("Organisation ") + id));
    q.bind(QStringLiteral(":at"), timeValue(test::testNow()));
    return q.exec();
}

// The permission bits of `path` in octal ("600"), or "missing".
QString modeOf(const QString &path)
{
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return QStringLiteral("missing");
    return QString::number(info.st_mode & 07777, 8);
}

// What the list and lookup queries of RecordRepository run, with literal values, so the plan of
// each can be asked for (PostgreSQL cannot PREPARE an EXPLAIN). Keep in step with
// RecordRepository.cpp.
const QString kRecordColumns = QStringLiteral(
    "r.id, r.org_id, r.peer_mentor_id, m.name, r.event_type, r.effective_date, r.reason, r.coordinator_id, "
    "c.name, r.channels, r.dispatch_ids, r.notes, r.created_by, r.sent_at, r.updated_at");
const QString kRecordFrom =
    QStringLiteral(" FROM notification_records r JOIN peer_mentors m ON m.id = r.peer_mentor_id "
                   "JOIN coordinators c ON c.id = r.coordinator_id");
const QString kListOrder = QStringLiteral(" ORDER BY r.sent_at DESC, r.id DESC LIMIT 20 OFFSET 40");

QString listSql(const QString &where)
{
    return QStringLiteral("SELECT ") + kRecordColumns + kRecordFrom + where + kListOrder;
}

QString countSql(const QString &where)
{
    return QStringLiteral("SELECT COUNT(*) FROM notification_records r") + where;
}

// The plan of `sql`, one line per step.
QStringList queryPlan(Database &db, const QString &sql, QString *error)
{
    QStringList lines;
    auto conn = db.connection();
    if (!conn) {
        *error = conn.error().message;
        return lines;
    }
    QSqlQuery q(*conn);
    if (db.isSqlite()) {
        if (!q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql)) {
            *error = q.lastError().text();
            return lines;
        }
        const int detail = q.record().indexOf(QStringLiteral("detail"));
        while (q.next())
            lines << q.value(detail).toString();
        return lines;
    }
    // The tables are tiny, so PostgreSQL would rightly prefer a sequential scan; forbidding it
    // shows whether an index can serve the query at all (without one, it scans anyway).
    if (!q.exec(QStringLiteral("SET enable_seqscan = off"))) {
        *error = q.lastError().text();
        return lines;
    }
    if (!q.exec(QStringLiteral("EXPLAIN ") + sql))
        *error = q.lastError().text();
    while (q.next())
        lines << q.value(0).toString();
    QSqlQuery reset(*conn);
    if (!reset.exec(QStringLiteral("RESET enable_seqscan")))
        *error = reset.lastError().text();
    return lines;
}

} // namespace

class TestCoreDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void parseUrl_data();
    void parseUrl();
    void parseUrlRefused_data();
    void parseUrlRefused();
    void displayHidesPassword();

    void freshMigration();
    void upgradeFromSchemaOneKeepsData();
    void freshSqliteFileInNewFolder();
    void newSqliteFilesAreOwnerOnly();
    void existingSqliteFileLosesOthersAccess();
    void backupIsOwnerOnly();
    void reopenIsNoOp();
    void newerSchemaRefused();
    void openFailureHidesPassword();

    void sqlitePragmas();
    void sqliteKeepsNoMemoryStatistics();
    void postgresSettings();
    void foreignKeysEnforced();

    void uncommittedTransactionRollsBack();
    void committedTransactionPersists();
    void commitTwiceFails();
    void nestedTransactionsAreSavepoints();
    void failedSavepointLeavesTheOuterUsable();
    void afterCommitWaitsForTheOutermostCommit();
    void failedStatementInTransaction();
    void readTransactionSeesOneMoment();

    void queryErrorsHideSql_data();
    void queryErrorsHideSql();
    void uniqueViolation();
    void queryErrorLogHasNoValues();
    void nullableAndTimeValues();
    void statementsArePreparedOnce();

    void recordQueriesUseIndexes_data();
    void recordQueriesUseIndexes();
    void eventFiltersWalkEventIndexes_data();
    void eventFiltersWalkEventIndexes();

    void connectionPerThread();
    void locksAcrossProcesses();
    void concurrentWritersWait();

private:
    std::unique_ptr<test::TestDatabase> m_database;
};

void TestCoreDatabase::initTestCase()
{
    m_database = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_database->ok(), qPrintable(m_database->error()));
    QCOMPARE(m_database->db().url().kindName(), test::TestDatabase::backend());
}

void TestCoreDatabase::init()
{
    m_database->reset();
}

void TestCoreDatabase::statementsArePreparedOnce()
{
    Database &db = m_database->db();
    const QString sql = QStringLiteral("SELECT COUNT(*) FROM organisations WHERE id = :id");
    const auto preparedOnServer = [&]() -> qint64 {
        if (!m_database->isPostgres())
            return 0;
        Query q(db, QStringLiteral("SELECT COUNT(*) FROM pg_prepared_statements"));
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    };
    auto run = [&](const QString &id) {
        Query q(db, sql);
        q.bind(QStringLiteral(":id"), id);
        return q.exec().ok() && q.next() ? q.value(0).toInt() : -1;
    };
    QCOMPARE(run(QStringLiteral("none")), 0);
    const qint64 onServer = preparedOnServer(); // its own statement is kept from here on too
    const int kept = db.keptStatements();
    for (int i = 0; i < 20; ++i)
        QCOMPARE(run(QStringLiteral("org_%1").arg(i)), 0);
    // The same statement each time: nothing more kept here, no PREPARE more on the server.
    QCOMPARE(db.keptStatements(), kept);
    QCOMPARE(preparedOnServer(), onServer);

    // Two of the same text at once each have their own; both are kept after.
    {
        Query a(db, sql);
        Query b(db, sql);
        a.bind(QStringLiteral(":id"), QStringLiteral("a"));
        b.bind(QStringLiteral(":id"), QStringLiteral("b"));
        QVERIFY(a.exec());
        QVERIFY(b.exec());
        QVERIFY(a.next() && b.next());
        QCOMPARE(a.value(0).toInt(), 0);
    }
    QCOMPARE(db.keptStatements(), kept + 1);

    // Positional values start again at the first "?" on a reused statement.
    for (int i = 0; i < 3; ++i) {
        Query q(db, QStringLiteral("SELECT COUNT(*) FROM organisations WHERE id = ? OR name = ?"));
        q.add(QStringLiteral("x%1").arg(i)).add(QStringLiteral("y%1").arg(i));
        QVERIFY(q.exec());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    // A statement whose run failed is not kept.
    const int before = db.keptStatements();
    {
        Transaction tx(db);
        Query bad(db, QStringLiteral("INSERT INTO change_counter (id, value) VALUES (1, 0)"));
        QVERIFY(!bad.exec());
    }
    QCOMPARE(db.keptStatements(), before);
    // A read left half-read holds nothing: a write from another connection goes ahead at once.
    {
        Query partial(db, QStringLiteral("SELECT seq FROM changes UNION ALL SELECT 1 UNION ALL SELECT 2"));
        QVERIFY(partial.exec());
        QVERIFY(partial.next());
    }
    Database other(*DatabaseUrl::parse(m_database->url()));
    QVERIFY(other.open());
    {
        Transaction tx(other);
        QVERIFY(tx.begun());
        Query write(other, QStringLiteral("UPDATE change_counter SET value = value WHERE id = 1"));
        QVERIFY(write.exec());
        QVERIFY(tx.commit());
    }
    other.closeThreadConnection();
}

// ---- URLs -------------------------------------------------------------------------------------

void TestCoreDatabase::parseUrl_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("sqlite");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("database");

    QTest::newRow("sqlite absolute") << QStringLiteral("sqlite:/var/lib/cc/console.db") << true
                                     << QStringLiteral("/var/lib/cc/console.db") << QString() << 5432
                                     << QString() << QString() << QString();
    QTest::newRow("sqlite relative") << QStringLiteral("sqlite:console.db") << true
                                     << QStringLiteral("console.db") << QString() << 5432 << QString()
                                     << QString() << QString();
    QTest::newRow("sqlite URL form") << QStringLiteral("sqlite:///tmp/cc.db") << true
                                     << QStringLiteral("/tmp/cc.db") << QString() << 5432 << QString()
                                     << QString() << QString();
    QTest::newRow("sqlite path with spaces and UTF-8")
        << QStringLiteral("sqlite:/home/åse/Mine data/cc.db") << true
        << QStringLiteral("/home/åse/Mine data/cc.db") << QString() << 5432 << QString() << QString()
        << QString();
    QTest::newRow("postgresql") << QStringLiteral("postgresql://cc:secret@db.example.org:5432/console")
                                << false << QString() << QStringLiteral("db.example.org") << 5432
                                << QStringLiteral("cc") << QStringLiteral("secret")
                                << QStringLiteral("console");
    QTest::newRow("postgres alias, other port")
        << QStringLiteral("postgres://cc:secret@10.0.0.5:6543/cc_prod") << false << QString()
        << QStringLiteral("10.0.0.5") << 6543 << QStringLiteral("cc") << QStringLiteral("secret")
        << QStringLiteral("cc_prod");
    QTest::newRow("default port") << QStringLiteral("postgresql://cc:secret@localhost/console") << false
                                  << QString() << QStringLiteral("localhost") << 5432 << QStringLiteral("cc")
                                  << QStringLiteral("secret") << QStringLiteral("console");
    QTest::newRow("percent-encoded password and user")
        << QStringLiteral("postgresql://cc%20user:p%40ss%3Aw%2Frd%23%25@db:5432/console") << false
        << QString() << QStringLiteral("db") << 5432 << QStringLiteral("cc user")
        << QStringLiteral("p@ss:w/rd#%") << QStringLiteral("console");
    QTest::newRow("no password") << QStringLiteral("postgresql://cc@db/console") << false << QString()
                                 << QStringLiteral("db") << 5432 << QStringLiteral("cc") << QString()
                                 << QStringLiteral("console");
    QTest::newRow("IPv6 host") << QStringLiteral("postgresql://cc:secret@[::1]:5433/console") << false
                               << QString() << QStringLiteral("::1") << 5433 << QStringLiteral("cc")
                               << QStringLiteral("secret") << QStringLiteral("console");
}

void TestCoreDatabase::parseUrl()
{
    QFETCH(QString, text);
    QFETCH(bool, sqlite);
    QFETCH(QString, path);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, database);

    const auto url = DatabaseUrl::parse(text);
    QVERIFY2(url.ok(), url.ok() ? "" : qPrintable(url.error().message));
    QCOMPARE(url->kind == DatabaseUrl::Kind::Sqlite, sqlite);
    QCOMPARE(url->driverName(), sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"));
    QCOMPARE(url->kindName(), sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql"));
    if (sqlite) {
        QCOMPARE(url->path, path);
        QCOMPARE(url->display(), QStringLiteral("sqlite:") + path);
        return;
    }
    QCOMPARE(url->host, host);
    QCOMPARE(url->port, port);
    QCOMPARE(url->user, user);
    QCOMPARE(url->password, password);
    QCOMPARE(url->database, database);
}

void TestCoreDatabase::parseUrlRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("hint");

    const QString pgHint = QStringLiteral("postgresql://user:password@host:port/database");
    QTest::newRow("empty") << QString() << QString() << QStringLiteral("sqlite:PATH");
    QTest::newRow("sqlite without a path")
        << QStringLiteral("sqlite:") << QString() << QStringLiteral("sqlite:/");
    QTest::newRow("sqlite URL form without a path")
        << QStringLiteral("sqlite://") << QString() << QStringLiteral("sqlite:/");
    QTest::newRow("a bare file name")
        << QStringLiteral("/var/lib/cc.db") << QString() << QStringLiteral("sqlite:PATH");
    QTest::newRow("mysql") << QStringLiteral("mysql://cc:Hunter2Secret@db/console")
                           << QStringLiteral("Hunter2Secret") << QStringLiteral("sqlite:PATH");
    QTest::newRow("typo in the scheme") << QStringLiteral("postgresq://cc:Hunter2Secret@db/console")
                                        << QStringLiteral("Hunter2Secret") << QStringLiteral("sqlite:PATH");
    QTest::newRow("no host") << QStringLiteral("postgresql://cc:Hunter2Secret@/console")
                             << QStringLiteral("Hunter2Secret") << pgHint;
    QTest::newRow("no database") << QStringLiteral("postgresql://cc:Hunter2Secret@db:5432/")
                                 << QStringLiteral("Hunter2Secret") << QStringLiteral("names no database");
    QTest::newRow("no database, no slash")
        << QStringLiteral("postgresql://cc:Hunter2Secret@db:5432") << QStringLiteral("Hunter2Secret")
        << QStringLiteral("names no database");
    QTest::newRow("port not a number") << QStringLiteral("postgresql://cc:Hunter2Secret@db:port/console")
                                       << QStringLiteral("Hunter2Secret") << pgHint;
    QTest::newRow("port out of range") << QStringLiteral("postgresql://cc:Hunter2Secret@db:99999/console")
                                       << QStringLiteral("Hunter2Secret") << pgHint;
    QTest::newRow("bad percent escape in the password")
        << QStringLiteral("postgresql://cc:50%off!@db/console") << QStringLiteral("50%off") << pgHint;
    QTest::newRow("space in the password")
        << QStringLiteral("postgresql://cc:two words@db/console") << QStringLiteral("two words") << pgHint;
}

void TestCoreDatabase::parseUrlRefused()
{
    QFETCH(QString, text);
    QFETCH(QString, secret);
    QFETCH(QString, hint);

    const auto url = DatabaseUrl::parse(text);
    QVERIFY(!url.ok());
    QCOMPARE(url.error().code, ErrorCode::Invalid);
    const QString message = url.error().message;
    QVERIFY2(message.contains(hint), qPrintable(message));
    if (!secret.isEmpty())
        QVERIFY2(!message.contains(secret), qPrintable(message));
}

void TestCoreDatabase::displayHidesPassword()
{
    const auto url =
        DatabaseUrl::parse(QStringLiteral("postgresql://cc:Hunter2Secret@db.example.org:6543/console"));
    QVERIFY(url.ok());
    QCOMPARE(url->display(), QStringLiteral("postgresql://cc@db.example.org:6543/console"));
}

// ---- schema -----------------------------------------------------------------------------------

void TestCoreDatabase::freshMigration()
{
    Database &db = m_database->db();
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QVERIFY(Database::latestSchemaVersion() >= 1);

    // One row per migration, 1 … latest.
    Query q(db, QStringLiteral("SELECT version, applied_at FROM schema_version ORDER BY version"));
    QVERIFY(q.exec().ok());
    int expected = 1;
    while (q.next()) {
        QCOMPARE(q.value(0).toInt(), expected++);
        QVERIFY(parseTimestamp(q.value(1).toString()).has_value());
    }
    QCOMPARE(expected - 1, Database::latestSchemaVersion());

    // Every table the program uses (and backs up) is there and empty.
    auto conn = db.connection();
    QVERIFY(conn.ok());
    const QStringList tables = conn->tables();
    for (const QString &table : Backup::tables()) {
        QVERIFY2(tables.contains(table), qPrintable(table));
        QCOMPARE(countRows(db, table), 0);
    }
}

void TestCoreDatabase::upgradeFromSchemaOneKeepsData()
{
    test::TestDatabase old(1);
    QVERIFY2(old.ok(), qPrintable(old.error()));
    Database &db = old.db();
    QCOMPARE(db.schemaVersion(), 1);
    {
        auto conn = db.connection();
        QVERIFY(conn.ok());
        QVERIFY(!conn->tables().contains(QStringLiteral("record_counts")));
    }
    // Data as schema 1 stored it: two organisations, four records.
    QVERIFY(insertOrganisation(db, QStringLiteral("org-a")).ok());
    QVERIFY(insertOrganisation(db, QStringLiteral("org-b")).ok());
    const QStringList setup{
        QStringLiteral("INSERT INTO coordinators (id, org_id, name, created_at) VALUES ('c-a', 'org-a', "
                       "'Ingrid', '2026-01-01T00:00:00.000Z')"),
        QStringLiteral("INSERT INTO coordinators (id, org_id, name, created_at) VALUES ('c-b', 'org-b', "
                       "'Siri', '2026-01-01T00:00:00.000Z')"),
        QStringLiteral("INSERT INTO peer_mentors (id, org_id, coordinator_id, name, created_at) VALUES "
                       "('m-a', 'org-a', 'c-a', 'Kari', '2026-01-01T00:00:00.000Z')"),
        QStringLiteral("INSERT INTO peer_mentors (id, org_id, coordinator_id, name, created_at) VALUES "
                       "('m-b', 'org-b', 'c-b', 'Åse', '2026-01-01T00:00:00.000Z')"),
    };
    for (const QString &sql : setup) {
        Query q(db, sql);
        QVERIFY(q.exec().ok());
    }
    const QList<QPair<QString, QString>> records{{QStringLiteral("nr_1"), QStringLiteral("a")},
                                                 {QStringLiteral("nr_2"), QStringLiteral("a")},
                                                 {QStringLiteral("nr_3"), QStringLiteral("a")},
                                                 {QStringLiteral("nr_4"), QStringLiteral("b")}};
    for (const auto &[id, org] : records) {
        Query q(
            db,
            QStringLiteral(
                "INSERT INTO notification_records (id, org_id, peer_mentor_id, event_type, effective_date, "
                "coordinator_id, channels, dispatch_ids, created_by, sent_at, updated_at) VALUES "
                "(:id, :org, :m, 'pause_activated', '2026-03-20T00:00:00.000Z', :c, '[\"push\"]', '[]', "
                "'t', '2026-03-19T14:30:05.000Z', '2026-03-19T14:30:05.000Z')"));
        q.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":org"), QString(QStringLiteral("org-") + org));
        q.bind(QStringLiteral(":m"), QString(QStringLiteral("m-") + org))
            .bind(QStringLiteral(":c"), QString(QStringLiteral("c-") + org));
        QVERIFY(q.exec().ok());
    }

    // Opening with this program upgrades it, keeping every row and counting the records.
    const Status upgraded = db.open();
    QVERIFY2(upgraded.ok(), upgraded.ok() ? "" : qPrintable(upgraded.error().message));
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(countRows(db, QStringLiteral("notification_records")), 4);
    Query counts(db, QStringLiteral("SELECT org_id, total FROM record_counts ORDER BY org_id"));
    QVERIFY(counts.exec().ok());
    QVERIFY(counts.next());
    QCOMPARE(counts.value(0).toString(), QStringLiteral("org-a"));
    QCOMPARE(counts.value(1).toLongLong(), 3);
    QVERIFY(counts.next());
    QCOMPARE(counts.value(0).toString(), QStringLiteral("org-b"));
    QCOMPARE(counts.value(1).toLongLong(), 1);
    QVERIFY(!counts.next());
    // So are the mentors' (schema 9).
    Query byMentor(db,
                   QStringLiteral("SELECT peer_mentor_id, org_id, coordinator_id, event_type, total "
                                  "FROM record_counts_by_mentor ORDER BY peer_mentor_id"));
    QVERIFY(byMentor.exec().ok());
    QVERIFY(byMentor.next());
    QCOMPARE(byMentor.value(0).toString(), QStringLiteral("m-a"));
    QCOMPARE(byMentor.value(1).toString(), QStringLiteral("org-a"));
    QCOMPARE(byMentor.value(2).toString(), QStringLiteral("c-a"));
    QCOMPARE(byMentor.value(3).toString(), QStringLiteral("pause_activated"));
    QCOMPARE(byMentor.value(4).toLongLong(), 3);
    QVERIFY(byMentor.next());
    QCOMPARE(byMentor.value(0).toString(), QStringLiteral("m-b"));
    QCOMPARE(byMentor.value(4).toLongLong(), 1);
    QVERIFY(!byMentor.next());
    // The column schema 2 added is there.
    Query etag(db, QStringLiteral("SELECT etag FROM idempotency_keys"));
    QVERIFY(etag.exec().ok());
}

void TestCoreDatabase::freshSqliteFileInNewFolder()
{
    if (!m_database->db().isSqlite())
        QSKIP("SQLite files only");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("not/yet/there/console.db"));
    auto url = DatabaseUrl::parse(QStringLiteral("sqlite:") + file);
    QVERIFY(url.ok());
    Database db(*url);
    const Status opened = db.open();
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    QVERIFY(QFile::exists(file));
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QVERIFY(insertOrganisation(db, QStringLiteral("org-new")).ok());
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 1);
}

// The database, its write-ahead log and shared memory hold personal data: only their owner may
// read them, whatever the umask. SQLite gives -wal and -shm the mode of the database file.
void TestCoreDatabase::newSqliteFilesAreOwnerOnly()
{
    if (!m_database->db().isSqlite())
        QSKIP("SQLite files only");
    const mode_t umask = ::umask(022); // a common umask; a strict one would pass by itself
    const auto restore = qScopeGuard([umask] { ::umask(umask); });
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("new/console.db"));
    auto url = DatabaseUrl::parse(QStringLiteral("sqlite:") + file);
    QVERIFY(url.ok());
    Database db(*url);
    const Status opened = db.open();
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    QVERIFY(insertOrganisation(db, QStringLiteral("org-private")).ok());
    QCOMPARE(modeOf(file), QStringLiteral("600"));
    QCOMPARE(modeOf(dir.filePath(QStringLiteral("new"))), QStringLiteral("700")); // the folder it made
    QCOMPARE(modeOf(file + QStringLiteral("-wal")), QStringLiteral("600"));
    QCOMPARE(modeOf(file + QStringLiteral("-shm")), QStringLiteral("600"));
    // A second connection (another thread's) finds them so and leaves them so.
    std::unique_ptr<QThread> thread(QThread::create([&] {
        (void)countRows(db, QStringLiteral("organisations"));
        db.closeThreadConnection();
    }));
    thread->start();
    QVERIFY(thread->wait(30000));
    QCOMPARE(modeOf(file), QStringLiteral("600"));
}

// An existing file keeps what its owner and group may do; others lose their access.
void TestCoreDatabase::existingSqliteFileLosesOthersAccess()
{
    if (!m_database->db().isSqlite())
        QSKIP("SQLite files only");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("old.db"));
    {
        auto url = DatabaseUrl::parse(QStringLiteral("sqlite:") + file);
        QVERIFY(url.ok());
        Database db(*url);
        QVERIFY(db.open().ok());
    }
    QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
    auto url = DatabaseUrl::parse(QStringLiteral("sqlite:") + file);
    QVERIFY(url.ok());
    Database db(*url);
    QVERIFY(db.open().ok());
    QCOMPARE(modeOf(file), QStringLiteral("640"));
    QCOMPARE(modeOf(file + QStringLiteral("-wal")), QStringLiteral("640"));
}

// A backup is a copy of the personal data: 0600 from the moment it exists, under its partial name
// too, on SQLite and PostgreSQL alike.
void TestCoreDatabase::backupIsOwnerOnly()
{
    const mode_t umask = ::umask(022);
    const auto restore = qScopeGuard([umask] { ::umask(umask); });
    QVERIFY(insertOrganisation(m_database->db(), QStringLiteral("org-backed-up")).ok());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("backup.db"));
    QString partialMode;
    auto copied = Backup::run(Caller::system(), m_database->db(), file, [&](qint64, qint64) {
        partialMode = modeOf(file + QStringLiteral(".partial"));
        return true;
    });
    QVERIFY2(copied, why(copied).constData());
    QCOMPARE(partialMode, QStringLiteral("600"));
    QCOMPARE(modeOf(file), QStringLiteral("600"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("backup.db")});
}

void TestCoreDatabase::reopenIsNoOp()
{
    Database &db = m_database->db();
    QVERIFY(insertOrganisation(db, QStringLiteral("org-a")).ok());
    Query before(db, QStringLiteral("SELECT version, applied_at FROM schema_version ORDER BY version"));
    QVERIFY(before.exec().ok());
    QStringList rowsBefore;
    while (before.next())
        rowsBefore << before.value(0).toString() + QLatin1Char('@') + before.value(1).toString();

    auto url = DatabaseUrl::parse(m_database->url());
    QVERIFY(url.ok());
    for (int i = 0; i < 2; ++i) {
        Database again(*url);
        const Status opened = again.open();
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        QCOMPARE(again.schemaVersion(), Database::latestSchemaVersion());
        // The data is still there, and nothing was migrated twice.
        QCOMPARE(countRows(again, QStringLiteral("organisations")), 1);
        Query after(again, QStringLiteral("SELECT version, applied_at FROM schema_version ORDER BY version"));
        QVERIFY(after.exec().ok());
        QStringList rowsAfter;
        while (after.next())
            rowsAfter << after.value(0).toString() + QLatin1Char('@') + after.value(1).toString();
        QCOMPARE(rowsAfter, rowsBefore);
    }
    // The first handle still works after the others are gone.
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 1);
}

void TestCoreDatabase::newerSchemaRefused()
{
    Database &db = m_database->db();
    {
        Query q(db, QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (999, :at)"));
        q.bind(QStringLiteral(":at"), timeValue(test::testNow()));
        QVERIFY(q.exec().ok());
    }
    auto url = DatabaseUrl::parse(m_database->url());
    QVERIFY(url.ok());
    Status opened;
    {
        Database newer(*url);
        opened = newer.open();
    }
    // Put things back before asserting, so the other test functions keep a usable database.
    Query cleanup(db, QStringLiteral("DELETE FROM schema_version WHERE version = 999"));
    QVERIFY(cleanup.exec().ok());
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());

    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message.contains(QLatin1String("newer")), qPrintable(opened.error().message));
    QVERIFY2(opened.error().message.contains(QLatin1String("999")), qPrintable(opened.error().message));
    QVERIFY(opened.error().code != ErrorCode::Internal);
}

void TestCoreDatabase::openFailureHidesPassword()
{
    if (m_database->db().isSqlite()) {
        // A folder is not a database file: the message names the file.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto url = DatabaseUrl::parse(QStringLiteral("sqlite:") + dir.path());
        QVERIFY(url.ok());
        Database db(*url);
        const Status opened = db.open();
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Storage);
        QVERIFY2(opened.error().message.contains(dir.path()), qPrintable(opened.error().message));
        return;
    }
    const QString good = m_database->url();
    auto url = DatabaseUrl::parse(good);
    QVERIFY(url.ok());
    const QString secret = QStringLiteral("Wrong-Secret-4711");
    url->password = secret;
    Database db(*url);
    const Status opened = db.open();
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, ErrorCode::Storage);
    QVERIFY2(!opened.error().message.contains(secret), qPrintable(opened.error().message));
    QVERIFY2(opened.error().message.contains(url->host), qPrintable(opened.error().message));
    // connection() keeps failing the same way instead of handing out a closed connection.
    auto conn = db.connection();
    QVERIFY(!conn.ok());
    QVERIFY(!conn.error().message.contains(secret));
}

// ---- connection settings ------------------------------------------------------------------------

// SQLite's memory statistics take a process-wide mutex on every allocation, which request
// workers reading at once queue on: they are off from the first connection, so nothing is counted.
void TestCoreDatabase::sqliteKeepsNoMemoryStatistics()
{
    if (!m_database->db().isSqlite())
        QSKIP("SQLite only");
    Query q(m_database->db(), QStringLiteral("SELECT COUNT(*) FROM organisations"));
    QVERIFY(q.exec().ok());
    void *library = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_NOLOAD);
    if (!library)
        QSKIP("Qt's SQLite driver has SQLite built in");
    using MemoryUsed = long long (*)();
    const auto memoryUsed = reinterpret_cast<MemoryUsed>(dlsym(library, "sqlite3_memory_used"));
    QVERIFY(memoryUsed);
    QCOMPARE(memoryUsed(), 0LL);
    dlclose(library);
}

void TestCoreDatabase::sqlitePragmas()
{
    if (!m_database->db().isSqlite())
        QSKIP("SQLite pragmas");
    auto conn = m_database->db().connection();
    QVERIFY(conn.ok());
    const auto pragma = [&](const QString &name) {
        QSqlQuery q(*conn);
        if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next())
            return QVariant();
        return q.value(0);
    };
    QCOMPARE(pragma(QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(pragma(QStringLiteral("foreign_keys")).toInt(), 1);
    QCOMPARE(pragma(QStringLiteral("synchronous")).toInt(), 2); // FULL
    QCOMPARE(pragma(QStringLiteral("busy_timeout")).toInt(), 10000);

    // A thread's own connection is configured the same way.
    QVariantList inThread;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        {
            auto threadConn = m_database->db().connection();
            if (threadConn) {
                for (const char *name : {"journal_mode", "foreign_keys", "synchronous"}) {
                    QSqlQuery q(*threadConn);
                    if (q.exec(QStringLiteral("PRAGMA ") + QLatin1String(name)) && q.next())
                        inThread << q.value(0);
                }
            }
        }
        m_database->db().closeThreadConnection();
    }));
    thread->start();
    QVERIFY(thread->wait(30000));
    QCOMPARE(inThread.size(), 3);
    QCOMPARE(inThread.at(0).toString(), QStringLiteral("wal"));
    QCOMPARE(inThread.at(1).toInt(), 1);
    QCOMPARE(inThread.at(2).toInt(), 2);
}

void TestCoreDatabase::postgresSettings()
{
    if (m_database->db().isSqlite())
        QSKIP("PostgreSQL settings");
    auto conn = m_database->db().connection();
    QVERIFY(conn.ok());
    QSqlQuery q(*conn);
    QVERIFY(q.exec(QStringLiteral("SHOW TimeZone")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("UTC"));
    QVERIFY(q.exec(QStringLiteral("SHOW client_min_messages")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("warning"));
}

void TestCoreDatabase::foreignKeysEnforced()
{
    Database &db = m_database->db();
    Query q(db,
            QStringLiteral("INSERT INTO coordinators (id, org_id, name, email, created_at) "
                           "VALUES ('coord-1', 'no-such-org', 'Kari', NULL, :at)"));
    q.bind(QStringLiteral(":at"), timeValue(test::testNow()));
    const Status s = q.exec();
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::Conflict);
    QVERIFY(!q.wasUniqueViolation());
    QCOMPARE(countRows(db, QStringLiteral("coordinators")), 0);
}

// ---- transactions -------------------------------------------------------------------------------

void TestCoreDatabase::uncommittedTransactionRollsBack()
{
    Database &db = m_database->db();
    {
        Transaction tx(db);
        QVERIFY(tx.begun().ok());
        QVERIFY(insertOrganisation(db, QStringLiteral("org-a")).ok());
        QVERIFY(insertOrganisation(db, QStringLiteral("org-b")).ok());
        QCOMPARE(countRows(db, QStringLiteral("organisations")), 2); // visible inside
    }
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 0);
    // The connection is usable again after the rollback.
    QVERIFY(insertOrganisation(db, QStringLiteral("org-c")).ok());
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 1);
}

void TestCoreDatabase::committedTransactionPersists()
{
    Database &db = m_database->db();
    {
        Transaction tx(db);
        QVERIFY(tx.begun().ok());
        QVERIFY(insertOrganisation(db, QStringLiteral("org-a")).ok());
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 1);
    // Another handle on the same database sees it: it was really written.
    auto url = DatabaseUrl::parse(m_database->url());
    QVERIFY(url.ok());
    Database other(*url);
    QVERIFY(other.open().ok());
    QCOMPARE(countRows(other, QStringLiteral("organisations")), 1);
}

// A transaction begun inside another is a savepoint: its commit is kept only if the outer one
// commits, and its rollback undoes only its own writes.
void TestCoreDatabase::nestedTransactionsAreSavepoints()
{
    Database &db = m_database->db();
    {
        Transaction outer(db);
        QVERIFY(outer.begun().ok());
        QVERIFY(insertOrganisation(db, QStringLiteral("org-outer")).ok());
        {
            Transaction inner(db);
            QVERIFY(inner.begun().ok());
            QVERIFY(insertOrganisation(db, QStringLiteral("org-inner")).ok());
            QVERIFY(inner.commit().ok());
        }
        // The outer one is dropped: the inner commit goes with it.
    }
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 0);
    {
        Transaction outer(db);
        QVERIFY(insertOrganisation(db, QStringLiteral("org-outer")).ok());
        {
            Transaction inner(db);
            QVERIFY(insertOrganisation(db, QStringLiteral("org-inner")).ok());
        } // rolled back
        QVERIFY(outer.commit().ok());
    }
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 1);
    QCOMPARE(countRows(db, QStringLiteral("organisations"), QStringLiteral("id = 'org-outer'")), 1);
}

// On PostgreSQL a failed statement spoils its transaction; in a savepoint it spoils only that.
void TestCoreDatabase::failedSavepointLeavesTheOuterUsable()
{
    Database &db = m_database->db();
    QVERIFY(insertOrganisation(db, QStringLiteral("org-a")).ok());
    Transaction outer(db);
    QVERIFY(outer.begun().ok());
    {
        Transaction inner(db);
        QVERIFY(!insertOrganisation(db, QStringLiteral("org-a")).ok()); // a duplicate
    }
    QVERIFY(insertOrganisation(db, QStringLiteral("org-b")).ok());
    QVERIFY(outer.commit().ok());
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 2);
}

void TestCoreDatabase::afterCommitWaitsForTheOutermostCommit()
{
    Database &db = m_database->db();
    QStringList ran;
    db.afterCommit([&ran] { ran << QStringLiteral("no transaction"); });
    QCOMPARE(ran, QStringList{QStringLiteral("no transaction")});
    ran.clear();
    {
        Transaction outer(db);
        db.afterCommit([&ran] { ran << QStringLiteral("outer"); });
        {
            Transaction kept(db);
            db.afterCommit([&ran] { ran << QStringLiteral("kept"); });
            QVERIFY(kept.commit().ok());
        }
        {
            Transaction dropped(db);
            db.afterCommit([&ran] { ran << QStringLiteral("dropped"); });
        }
        QVERIFY(ran.isEmpty());
        QVERIFY(outer.commit().ok());
    }
    QCOMPARE(ran, (QStringList{QStringLiteral("outer"), QStringLiteral("kept")}));
    ran.clear();
    {
        Transaction rolledBack(db);
        db.afterCommit([&ran] { ran << QStringLiteral("never"); });
    }
    QVERIFY(ran.isEmpty());
    // The next transaction starts with nothing left over.
    {
        Transaction next(db);
        QVERIFY(next.commit().ok());
    }
    QVERIFY(ran.isEmpty());
}

void TestCoreDatabase::commitTwiceFails()
{
    Database &db = m_database->db();
    Transaction tx(db);
    QVERIFY(tx.begun().ok());
    QVERIFY(insertOrganisation(db, QStringLiteral("org-a")).ok());
    QVERIFY(tx.commit().ok());
    const Status again = tx.commit();
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Storage);
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 1);
}

void TestCoreDatabase::failedStatementInTransaction()
{
    // On PostgreSQL a failed statement spoils the transaction; the rollback must clear it so the
    // next transaction on the same connection works.
    Database &db = m_database->db();
    {
        Transaction tx(db);
        QVERIFY(tx.begun().ok());
        QVERIFY(insertOrganisation(db, QStringLiteral("org-a")).ok());
        QVERIFY(!insertOrganisation(db, QStringLiteral("org-a")).ok());
    }
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 0);
    Transaction tx(db);
    QVERIFY(tx.begun().ok());
    QVERIFY(insertOrganisation(db, QStringLiteral("org-b")).ok());
    QVERIFY(tx.commit().ok());
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 1);
}

void TestCoreDatabase::readTransactionSeesOneMoment()
{
    // A read transaction (the backup's snapshot) does not see what others commit meanwhile, and
    // does not stop them from committing.
    Database &db = m_database->db();
    QVERIFY(insertOrganisation(db, QStringLiteral("org-a")).ok());

    Transaction snapshot(db, Transaction::Mode::Read);
    QVERIFY(snapshot.begun().ok());
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 1);

    bool written = false;
    QString error;
    std::unique_ptr<QThread> writer(QThread::create([&] {
        const Status s = insertOrganisation(db, QStringLiteral("org-b"));
        written = s.ok();
        if (!s)
            error = s.error().message;
        db.closeThreadConnection();
    }));
    writer->start();
    QVERIFY(writer->wait(30000));
    QVERIFY2(written, qPrintable(error));

    QCOMPARE(countRows(db, QStringLiteral("organisations")), 1);
    QCOMPARE(countRows(db, QStringLiteral("coordinators")), 0);
    QVERIFY(snapshot.commit().ok());
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 2);
}

// ---- queries ----------------------------------------------------------------------------------

void TestCoreDatabase::queryErrorsHideSql_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("hidden");
    QTest::addColumn<QString>("logged");

    QTest::newRow("syntax error") << QStringLiteral(
        "SELEC id FROM organisations WHERE name = 'Top Secret Org'")
                                  << QStringList{QStringLiteral("SELEC"), QStringLiteral("organisations"),
                                                 QStringLiteral("Top Secret")}
                                  << QStringLiteral("SELEC");
    QTest::newRow("unknown table") << QStringLiteral("SELECT id FROM no_such_table_xyz")
                                   << QStringList{QStringLiteral("no_such_table_xyz"),
                                                  QStringLiteral("SELECT")}
                                   << QStringLiteral("no_such_table_xyz");
    QTest::newRow("unknown column") << QStringLiteral("SELECT secret_column_xyz FROM organisations")
                                    << QStringList{QStringLiteral("secret_column_xyz"),
                                                   QStringLiteral("organisations")}
                                    << QStringLiteral("secret_column_xyz");
    QTest::newRow("NOT NULL violation")
        << QStringLiteral("INSERT INTO organisations (id, name, locale, time_zone, created_at) "
                          "VALUES ('org-x', NULL, 'nb', 'Europe/Oslo', 'Kari Nordmann 555-1234')")
        << QStringList{QStringLiteral("organisations"), QStringLiteral("INSERT"), QStringLiteral("NOT NULL"),
                       QStringLiteral("Kari Nordmann"), QStringLiteral("org-x")}
        << QStringLiteral("INSERT organisations");
    QTest::newRow("type error") << QStringLiteral(
        "SELECT CAST(id AS INTEGER) / 0 FROM organisations WHERE 1 = 'x'")
                                << QStringList{QStringLiteral("CAST"), QStringLiteral("organisations")}
                                << QString();
}

void TestCoreDatabase::queryErrorsHideSql()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, hidden);
    QFETCH(QString, logged);

    Database &db = m_database->db();
    if (!logged.isEmpty()) // the details go to the log, for the operator
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QRegularExpression::escape(logged)));
    Query q(db, sql);
    const Status s = q.exec();
    if (s.ok()) {
        // SQLite accepts "1 = 'x'" and yields no rows; nothing to check then.
        QVERIFY(db.isSqlite());
        QVERIFY(logged.isEmpty());
        return;
    }
    QVERIFY(s.error().code == ErrorCode::Storage || s.error().code == ErrorCode::Conflict);
    QVERIFY(!s.error().message.isEmpty());
    for (const QString &text : hidden)
        QVERIFY2(!s.error().message.contains(text, Qt::CaseInsensitive),
                 qPrintable(s.error().message + QStringLiteral(" shows ") + text));
    // The connection still works.
    QVERIFY(insertOrganisation(db, QStringLiteral("org-after")).ok());
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 1);
}

void TestCoreDatabase::uniqueViolation()
{
    Database &db = m_database->db();
    QVERIFY(insertOrganisation(db, QStringLiteral("org-a")).ok());
    Query q(db,
            QStringLiteral("INSERT INTO organisations (id, name, locale, time_zone, created_at) "
                           "VALUES (:id, 'Dup', 'nb', 'Europe/Oslo', :at)"));
    q.bind(QStringLiteral(":id"), QStringLiteral("org-a"))
        .bind(QStringLiteral(":at"), timeValue(test::testNow()));
    const Status s = q.exec();
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::Conflict);
    QVERIFY(q.wasUniqueViolation());
    QVERIFY(!s.error().message.contains(QLatin1String("organisations")));
    // The same prepared query runs again with other values, and the flag resets.
    q.bind(QStringLiteral(":id"), QStringLiteral("org-b"));
    QVERIFY(q.exec().ok());
    QVERIFY(!q.wasUniqueViolation());
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 2);
}

namespace {

QStringList g_warnings;

void keepWarning(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtWarningMsg)
        g_warnings << message;
}

} // namespace

// A failed statement is logged with its SQLSTATE and which statement it was, never with the
// values it carried (names, reasons: on PostgreSQL the database's text may quote them).
void TestCoreDatabase::queryErrorLogHasNoValues()
{
    Database &db = m_database->db();
    const auto insert = [&db](const QString &id, const QString &name) {
        Query q(db,
                QStringLiteral("INSERT INTO organisations (id, name, locale, time_zone, created_at) "
                               "VALUES (:id, :name, 'nb', 'Europe/Oslo', :at)"));
        q.bind(QStringLiteral(":id"), id)
            .bind(QStringLiteral(":name"), name)
            .bind(QStringLiteral(":at"), timeValue(test::testNow()));
        return q.exec();
    };
    QVERIFY(insert(QStringLiteral("org_kari_secret"), QStringLiteral("Kari Secret")).ok());
    g_warnings.clear();
    const QtMessageHandler previous = qInstallMessageHandler(keepWarning);
    const Status duplicate = insert(QStringLiteral("org_kari_secret"), QStringLiteral("Kari Secret again"));
    // PostgreSQL refuses a NUL in text (22021); SQLite stores it, so only the duplicate fails there.
    const Status nul = insert(QStringLiteral("org_other"), QStringLiteral("Kari Secret\u0000 reason"));
    qInstallMessageHandler(previous);
    QVERIFY(!duplicate.ok());
    QCOMPARE(nul.ok(), db.isSqlite());
    const QString log = g_warnings.join(QLatin1Char('\n'));
    QVERIFY2(log.contains(QLatin1String("SQLSTATE")), qPrintable(log));
    QVERIFY2(log.contains(QLatin1String("INSERT organisations")), qPrintable(log));
    QVERIFY2(!log.contains(QLatin1String("Kari"), Qt::CaseInsensitive), qPrintable(log));
    QVERIFY2(!log.contains(QLatin1String("org_kari_secret")), qPrintable(log));
}

void TestCoreDatabase::nullableAndTimeValues()
{
    Database &db = m_database->db();
    QVERIFY(insertOrganisation(db, QStringLiteral("org-a")).ok());
    Query insert(db,
                 QStringLiteral("INSERT INTO coordinators (id, org_id, name, email, created_at) "
                                "VALUES (:id, 'org-a', 'Kari', :email, :at)"));
    const QDateTime withOffset = QDateTime(QDate(2026, 3, 20), QTime(1, 2, 3, 45), QTimeZone(3600));
    insert.bind(QStringLiteral(":id"), QStringLiteral("c-null"))
        .bind(QStringLiteral(":email"), nullable(QString()));
    insert.bind(QStringLiteral(":at"), timeValue(withOffset));
    QVERIFY(insert.exec().ok());
    insert.bind(QStringLiteral(":id"), QStringLiteral("c-empty"))
        .bind(QStringLiteral(":email"), nullable(std::optional<QString>(QString(QLatin1String("")))));
    QVERIFY(insert.exec().ok());

    Query q(db, QStringLiteral("SELECT id, email, created_at FROM coordinators ORDER BY id"));
    QVERIFY(q.exec().ok());
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("c-empty"));
    QVERIFY(!q.value(1).isNull());
    QCOMPARE(q.value(1).toString(), QString());
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("c-null"));
    QVERIFY(q.value(1).isNull());
    // Times are stored as UTC text with milliseconds and read back as the same moment.
    QCOMPARE(q.value(2).toString(), QStringLiteral("2026-03-20T00:02:03.045Z"));
    QCOMPARE(timeFrom(q.value(2)), withOffset);
    QCOMPARE(timeFrom(q.value(2)).timeSpec(), Qt::UTC);
    QVERIFY(timeValue(QDateTime()).isNull());
    QVERIFY(!timeFrom(QVariant(QStringLiteral("not a time"))).isValid());
}

// ---- indexes ----------------------------------------------------------------------------------

void TestCoreDatabase::recordQueriesUseIndexes_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("orderFromIndex");

    const QString org = QStringLiteral("r.org_id = 'org-a'");
    const QString mentor = QStringLiteral("r.peer_mentor_id = 'pm-a1'");
    const QString coord = QStringLiteral("r.coordinator_id = 'coord-a1'");
    const QString event = QStringLiteral("r.event_type = 'pause_activated'");
    const QString range =
        QStringLiteral("r.sent_at >= '2026-03-01T00:00:00.000Z' AND r.sent_at <= '2026-03-31T23:59:59.999Z'");
    const auto where = [](const QStringList &parts) -> QString {
        return QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    };

    QTest::newRow("list: organisation") << listSql(where({org})) << true;
    QTest::newRow("list: organisation + mentor") << listSql(where({org, mentor})) << true;
    QTest::newRow("list: organisation + coordinator") << listSql(where({org, coord})) << true;
    QTest::newRow("list: organisation + event") << listSql(where({org, event})) << true;
    QTest::newRow("list: organisation + from/to") << listSql(where({org, range})) << true;
    QTest::newRow("list: organisation + everything")
        << listSql(where({org, mentor, coord, event, range})) << true;
    QTest::newRow("list: global") << listSql(QString()) << true;
    QTest::newRow("list: global + mentor") << listSql(where({mentor})) << true;
    QTest::newRow("list: global + coordinator") << listSql(where({coord})) << true;
    QTest::newRow("list: global + from/to") << listSql(where({range})) << true;
    QTest::newRow("count: organisation") << countSql(where({org})) << true;
    QTest::newRow("count: organisation + mentor") << countSql(where({org, mentor})) << true;
    QTest::newRow("count: organisation + coordinator") << countSql(where({org, coord})) << true;
    QTest::newRow("count: global + coordinator") << countSql(where({coord})) << true;
    QTest::newRow("count: global") << countSql(QString()) << true;
    QTest::newRow("record by id") << QStringLiteral("SELECT ") + kRecordColumns + kRecordFrom
            + QStringLiteral(" WHERE r.id = 'nr_0123456789ab'")
                                  << true;
    QTest::newRow("history") << QStringLiteral("SELECT ") + kRecordColumns + kRecordFrom
            + QStringLiteral(" WHERE r.peer_mentor_id = 'pm-a1' ORDER BY r.sent_at DESC, r.id DESC")
                             << true;
    // The id only breaks ties of (effective_date, sent_at): sorting those few rows is fine.
    QTest::newRow("current status") << QStringLiteral("SELECT ") + kRecordColumns + kRecordFrom
            + QStringLiteral(" WHERE r.peer_mentor_id = 'pm-a1' AND r.effective_date <= "
                             "'2026-03-19T14:30:05.000Z' ORDER BY r.effective_date DESC, "
                             "r.sent_at DESC, r.id DESC LIMIT 1")
                                    << false;
}

// A list filtered by event type walks an index that starts with the event type, in sent_at
// order, instead of skipping every record of the other type (SQLite's planner is deterministic
// enough to name the index; PostgreSQL's choice depends on its statistics).
void TestCoreDatabase::eventFiltersWalkEventIndexes_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("index");
    QTest::newRow("organisation") << QStringLiteral(
        " WHERE r.org_id = 'org-a' AND r.event_type = 'pause_activated'")
                                  << QStringLiteral("idx_records_org_event_sent");
    QTest::newRow("coordinator") << QStringLiteral(
        " WHERE r.coordinator_id = 'coord-a1' AND r.event_type = 'pause_activated'")
                                 << QStringLiteral("idx_records_coordinator_event_sent");
    QTest::newRow("everyone") << QStringLiteral(" WHERE r.event_type = 'pause_activated'")
                              << QStringLiteral("idx_records_event_sent");
}

void TestCoreDatabase::eventFiltersWalkEventIndexes()
{
    QFETCH(QString, where);
    QFETCH(QString, index);
    Database &db = m_database->db();
    if (!db.isSqlite())
        QSKIP("The index PostgreSQL picks depends on its statistics; recordQueriesUseIndexes covers it");
    QString error;
    const QString plan = queryPlan(db, listSql(where), &error).join(QLatin1Char('\n'));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(plan.contains(index), qPrintable(plan));
    QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan));
}

void TestCoreDatabase::recordQueriesUseIndexes()
{
    QFETCH(QString, sql);
    QFETCH(bool, orderFromIndex);

    Database &db = m_database->db();
    // The query itself runs.
    {
        Query run(db, sql);
        QVERIFY(run.exec().ok());
    }
    QString error;
    const QStringList plan = queryPlan(db, sql, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!plan.isEmpty());
    const QString text = plan.join(QLatin1Char('\n'));

    if (db.isSqlite()) {
        static const QRegularExpression scanOfRecords(QStringLiteral("^SCAN (r|notification_records)\\b"));
        bool usesRecordIndex = false;
        for (const QString &step : plan) {
            if (scanOfRecords.match(step).hasMatch()) {
                QVERIFY2(step.contains(QLatin1String("USING INDEX"))
                             || step.contains(QLatin1String("USING COVERING INDEX")),
                         qPrintable(QStringLiteral("full table scan:\n") + text));
            }
            if (step.contains(QRegularExpression(
                    QStringLiteral("^(SCAN|SEARCH) (r|notification_records) .*(INDEX|PRIMARY KEY)"))))
                usesRecordIndex = true;
        }
        QVERIFY2(usesRecordIndex, qPrintable(text));
        // The other tables are looked up by key, never scanned.
        QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("SCAN (m|c)\\b"))), qPrintable(text));
        if (orderFromIndex)
            QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")),
                     qPrintable(QStringLiteral("sorts:\n") + text));
    } else {
        QVERIFY2(!text.contains(QLatin1String("Seq Scan on notification_records")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("notification_records")), qPrintable(text));
    }
}

// ---- threads ----------------------------------------------------------------------------------

void TestCoreDatabase::connectionPerThread()
{
    Database &db = m_database->db();
    QVERIFY(insertOrganisation(db, QStringLiteral("org-main")).ok());
    auto mainConn = db.connection();
    QVERIFY(mainConn.ok());
    const QString mainName = mainConn->connectionName();
    // The same thread gets the same connection every time.
    QCOMPARE(db.connection()->connectionName(), mainName);

    QString threadName;
    QString threadNameAgain;
    qint64 seenInThread = -1;
    bool wroteInThread = false;
    bool threadConnOpen = false;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        {
            auto conn = db.connection();
            if (!conn)
                return;
            threadName = conn->connectionName();
            threadConnOpen = conn->isOpen();
            threadNameAgain = db.connection()->connectionName();
            seenInThread = countRows(db, QStringLiteral("organisations"));
            wroteInThread = insertOrganisation(db, QStringLiteral("org-thread")).ok();
        }
        db.closeThreadConnection();
    }));
    thread->start();
    QVERIFY(thread->wait(30000));

    QVERIFY(!threadName.isEmpty());
    QVERIFY(threadName != mainName);
    QCOMPARE(threadNameAgain, threadName);
    QVERIFY(threadConnOpen);
    QCOMPARE(seenInThread, 1);
    QVERIFY(wroteInThread);
    // What the thread wrote is visible here, and its connection is gone.
    QCOMPARE(countRows(db, QStringLiteral("organisations")), 2);
    QVERIFY(!QSqlDatabase::connectionNames().contains(threadName));
    QVERIFY(QSqlDatabase::connectionNames().contains(mainName));

    // Two handles on one database in one thread do not share a connection either.
    auto url = DatabaseUrl::parse(m_database->url());
    QVERIFY(url.ok());
    Database other(*url);
    QVERIFY(other.open().ok());
    QVERIFY(other.connection()->connectionName() != mainName);
}

void TestCoreDatabase::concurrentWritersWait()
{
    // Four threads write at once, each in its own transactions: on SQLite BEGIN IMMEDIATE makes
    // them wait for each other instead of failing with "database is locked".
    Database &db = m_database->db();
    constexpr int kThreads = 4;
    constexpr int kRowsEach = 15;
    QAtomicInt failures = 0;
    QStringList errors;
    QMutex errorsMutex;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&, t] {
            for (int i = 0; i < kRowsEach; ++i) {
                Transaction tx(db);
                Status s = tx.begun();
                if (s)
                    s = insertOrganisation(db, QStringLiteral("org-%1-%2").arg(t).arg(i));
                if (s)
                    s = tx.commit();
                if (!s) {
                    failures.fetchAndAddRelaxed(1);
                    QMutexLocker lock(&errorsMutex);
                    errors << s.error().message;
                }
            }
            db.closeThreadConnection();
        }));
    }
    for (auto &thread : threads)
        thread->start();
    for (auto &thread : threads)
        QVERIFY(thread->wait(60000));
    QVERIFY2(failures.loadRelaxed() == 0, qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(countRows(db, QStringLiteral("organisations")), kThreads * kRowsEach);
}

// Several servers and consoles on one PostgreSQL database: one housekeeper at a time, and an
// upgrade waits for another to finish. On SQLite writers take turns anyway: always granted.
void TestCoreDatabase::locksAcrossProcesses()
{
    Database &a = m_database->db();
    Database b(*DatabaseUrl::parse(m_database->url()));
    QVERIFY(b.open());
    const auto housekeeping = Database::LockKey::Housekeeping;
    auto first = a.lockAcrossProcesses(housekeeping, false);
    QVERIFY(first && *first);
    auto second = b.lockAcrossProcesses(housekeeping, false);
    QVERIFY(second);
    if (!m_database->isPostgres()) {
        QVERIFY(*second);
        b.closeThreadConnection();
        return;
    }
    QVERIFY(!*second); // the other program skips this round
    a.unlockAcrossProcesses(housekeeping);
    second = b.lockAcrossProcesses(housekeeping, false);
    QVERIFY(second && *second);
    b.unlockAcrossProcesses(housekeeping);
    b.closeThreadConnection();

    // While one program holds the migrations lock, another one opening the database waits.
    QVERIFY(*a.lockAcrossProcesses(Database::LockKey::Migrations, true));
    std::atomic<int> opened{0}; // 0: not yet, 1: opened, -1: failed
    const QString url = m_database->url();
    QThread *thread = QThread::create([&opened, url] {
        Database c(*DatabaseUrl::parse(url));
        opened = c.open().ok() ? 1 : -1;
        c.closeThreadConnection();
    });
    thread->start();
    QTest::qWait(500);
    QCOMPARE(opened.load(), 0);
    a.unlockAcrossProcesses(Database::LockKey::Migrations);
    QTRY_COMPARE_WITH_TIMEOUT(opened.load(), 1, 10000);
    QVERIFY(thread->wait(5000));
    delete thread;
}

CC_DATABASE_TEST_MAIN(TestCoreDatabase)
#include "tst_database.moc"
