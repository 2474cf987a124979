// A backup and its restore, end to end: the World and the demo organisation → Backup::run (SQLite's
// own copy from SQLite, rows from PostgreSQL) → Backup::restore into a fresh database of the same
// kind and into a new SQLite file → every table equal, and the restored database serves the API
// with the same answers. Then what a restore refuses and what it leaves alone.

#include "core/Backup.h"
#include "core/DemoData.h"
#include "core/Permissions.h"
#include "tests/server/ApiHarness.h"
#include "tests/support/TestSupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace cc;
using namespace cc::test;

namespace {

const QString kRecords = QStringLiteral("/api/v1/notification-records");
const QString kMentors = QStringLiteral("/api/v1/peer-mentors");
const QString kRestoreAction = QStringLiteral("database.restore");

// Every row of `table`, each as its columns' text in a fixed column order (NULL apart from ""),
// sorted: two databases hold the same rows when these lists are equal, whatever their kind.
QStringList rowsOf(Database &db, const QString &table, const QString &where = {})
{
    Query q(db,
            QStringLiteral("SELECT * FROM %1%2")
                .arg(table, where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where));
    if (!q.exec())
        return {QStringLiteral("<query failed>")};
    const QSqlRecord columns = q.raw().record();
    QStringList names;
    for (int i = 0; i < columns.count(); ++i)
        names << columns.fieldName(i);
    QStringList order = names;
    order.sort();
    QStringList rows;
    while (q.next()) {
        QStringList cells;
        for (const QString &name : std::as_const(order)) {
            const QVariant v = q.value(name);
            cells << (v.isNull() ? QStringLiteral("∅") : name + QLatin1Char('=') + v.toString());
        }
        rows << cells.join(QLatin1Char('|'));
    }
    rows.sort();
    return rows;
}

QStringList idsOf(Database &db, const QString &table)
{
    Query q(db, QStringLiteral("SELECT id FROM %1").arg(table));
    QStringList ids;
    if (q.exec())
        while (q.next())
            ids << q.value(0).toString();
    return ids;
}

QByteArray sha256Of(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

Database &openSqlite(std::unique_ptr<Database> &holder, const QString &path)
{
    holder = std::make_unique<Database>(DatabaseUrl{DatabaseUrl::Kind::Sqlite, path, {}, 0, {}, {}, {}});
    return *holder;
}

} // namespace

class TestApiRestore : public QObject
{
    Q_OBJECT

private:
    ApiHarness m_source;
    std::unique_ptr<ApiHarness> m_restored;
    QTemporaryDir m_dir;
    QString m_backup;
    QByteArray m_backupHash;

    // Every table of `restored` has the rows of the source; its audit log has one more, the
    // restore's own entry.
    void compareTables(Database &restored)
    {
        Database &source = m_source.database();
        for (const QString &table : Backup::tables()) {
            QString where;
            if (table == QLatin1String("audit_log")) // not the restore's entry
                where = QStringLiteral("action <> '%1'").arg(kRestoreAction);
            else if (table == QLatin1String("api_tokens")) // not those a harness issued after the restore
                where = QStringLiteral("id IN ('%1')").arg(idsOf(source, table).join(QStringLiteral("', '")));
            // Not the backup's own entry, written after the copy.
            const QStringList expected =
                rowsOf(source, table,
                       table == QLatin1String("audit_log") ? QStringLiteral("action <> 'database.backup'")
                                                           : QString());
            QVERIFY2(!expected.contains(QStringLiteral("<query failed>")), qPrintable(table));
            const QStringList actual = rowsOf(restored, table, where);
            if (actual != expected)
                QFAIL(qPrintable(
                    QStringLiteral("%1: %2 rows in the source, %3 restored; first difference: %4")
                        .arg(table)
                        .arg(expected.size())
                        .arg(actual.size())
                        .arg([&]() -> QString {
                            for (qsizetype i = 0; i < qMax(expected.size(), actual.size()); ++i)
                                if (expected.value(i) != actual.value(i))
                                    return expected.value(i) + QStringLiteral(" ≠ ") + actual.value(i);
                            return QString();
                        }())));
        }
        const QStringList restoreEntries = rowsOf(restored, QStringLiteral("audit_log"),
                                                  QStringLiteral("action = '%1'").arg(kRestoreAction));
        QCOMPARE(restoreEntries.size(), 1);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_source.start(), qPrintable(m_source.error()));
        // The demo organisation (a year of records, templates, payloads, accounts) beside the
        // World, a record made with an Idempotency-Key and a token: rows in every kind of table.
        DemoData demo(m_source.database(), m_source.directory(), m_source.clock());
        auto made = demo.create();
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        ApiHarness::Options withKey{m_source.token(QStringLiteral("coordinator")),
                                    "application/json",
                                    {{"Idempotency-Key", "restore-test-1"}}};
        const auto posted = m_source.request(
            "POST", kRecords, QJsonDocument(recordBody()).toJson(QJsonDocument::Compact), withKey);
        QCOMPARE(posted.status, 201);

        m_backup = m_dir.filePath(QStringLiteral("backup.db"));
        auto copied = Backup::run(Caller::system(), m_source.database(), m_backup);
        QVERIFY2(copied, copied ? "" : qPrintable(copied.error().message));
        QVERIFY2(*copied > made->records, qPrintable(QString::number(*copied)));
        m_backupHash = sha256Of(m_backup);

        m_restored = std::make_unique<ApiHarness>();
        m_restored->setRestoreFrom(m_backup);
        QVERIFY2(m_restored->start(), qPrintable(m_restored->error()));
    }

    void backupIsOnePrivateFile()
    {
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(m_backup).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        for (const char *suffix : {"-wal", "-shm", "-journal", ".partial"})
            QVERIFY2(!QFile::exists(m_backup + QLatin1String(suffix)), suffix);
    }

    void backupIsInTheAuditLog()
    {
        const QStringList entries = rowsOf(m_source.database(), QStringLiteral("audit_log"),
                                           QStringLiteral("action = 'database.backup'"));
        QCOMPARE(entries.size(), 1);
        QVERIFY2(entries.first().contains(QLatin1String("entity_id=backup.db")), qPrintable(entries.first()));
    }

    void everyTableIsEqual() { compareTables(m_restored->database()); }

    // The other kind of database too: from PostgreSQL into SQLite, from SQLite into SQLite.
    void everyTableIsEqualInANewSqliteFile()
    {
        std::unique_ptr<Database> holder;
        Database &file = openSqlite(holder, m_dir.filePath(QStringLiteral("restored.db")));
        QVERIFY(file.open());
        auto restored = Backup::restore(std::nullopt, m_backup, file, m_source.clock());
        QVERIFY2(restored, restored ? "" : qPrintable(restored.error().message));
        compareTables(file);
    }

    void restoredDatabaseServesTheSameAnswers()
    {
        for (const QString &who : {QStringLiteral("coordinator"), QStringLiteral("org_admin"),
                                   QStringLiteral("global_admin"), QStringLiteral("org_admin_b")}) {
            for (const QString &path :
                 QStringList{kRecords + QStringLiteral("?limit=100"), kMentors,
                             QStringLiteral("/api/v1/notification-records/history/") + World::kMentorA1}) {
                const auto before = m_source.get(path, m_source.token(who));
                const auto after = m_restored->get(path, m_restored->token(who));
                QVERIFY2(before.status == 200 || before.status == 404, qPrintable(who + path));
                QCOMPARE(after.status, before.status);
                QCOMPARE(after.document, before.document);
            }
        }
    }

    void restoredDatabaseSignsInAndTakesRecords()
    {
        // The password hashes came back: the World's password signs in.
        const auto token = m_restored->post(QStringLiteral("/api/v1/auth/token"),
                                            {{QStringLiteral("username"), World().coordinatorA.username},
                                             {QStringLiteral("password"), World::kPassword}},
                                            {});
        QVERIFY2(token.status == 201, token.body.constData());
        // The Idempotency-Key's stored answer came back: a retry is answered, not recorded twice.
        ApiHarness::Options withKey{m_restored->token(QStringLiteral("coordinator")),
                                    "application/json",
                                    {{"Idempotency-Key", "restore-test-1"}}};
        const auto retried = m_restored->request(
            "POST", kRecords, QJsonDocument(recordBody()).toJson(QJsonDocument::Compact), withKey);
        QCOMPARE(retried.status, 201);
        QCOMPARE(retried.header("Idempotent-Replayed"), QByteArray("true"));
        const auto fresh =
            m_restored->post(kRecords, recordBody(), m_restored->token(QStringLiteral("coordinator")));
        QCOMPARE(fresh.status, 201);
    }

    void backupFileIsUnchanged() { QCOMPARE(sha256Of(m_backup), m_backupHash); }

    void refusesADatabaseWithRows()
    {
        const qint64 before = rowsOf(m_restored->database(), QStringLiteral("notification_records")).size();
        auto again = Backup::restore(Caller::system(), m_backup, m_restored->database(), m_source.clock());
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Invalid);
        QVERIFY2(again.error().message.contains(QLatin1String("not empty")),
                 qPrintable(again.error().message));
        QCOMPARE(rowsOf(m_restored->database(), QStringLiteral("notification_records")).size(), before);
    }

    void refusesABackupOfANewerSchema()
    {
        const QString newer = m_dir.filePath(QStringLiteral("newer.db"));
        QVERIFY(QFile::copy(m_backup, newer));
        {
            std::unique_ptr<Database> holder;
            Database &file = openSqlite(holder, newer);
            Query bump(file,
                       QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (:v, 'x')"));
            bump.bind(QStringLiteral(":v"), Database::latestSchemaVersion() + 1);
            QVERIFY(bump.exec());
        }
        std::unique_ptr<Database> holder;
        Database &target = openSqlite(holder, m_dir.filePath(QStringLiteral("into-newer.db")));
        QVERIFY(target.open());
        auto restored = Backup::restore(std::nullopt, newer, target, m_source.clock());
        QVERIFY(!restored);
        QVERIFY2(restored.error().message.contains(QLatin1String("newer")),
                 qPrintable(restored.error().message));
        auto busy = Backup::firstTableWithRows(target);
        QVERIFY(busy && !*busy);
    }

    void refusesWhatIsNoBackup()
    {
        const QString junk = m_dir.filePath(QStringLiteral("junk.db"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name;phone\nKari;900\n");
        f.close();
        std::unique_ptr<Database> holder;
        Database &target = openSqlite(holder, m_dir.filePath(QStringLiteral("into-junk.db")));
        QVERIFY(target.open());
        for (const QString &file : {junk, m_dir.filePath(QStringLiteral("missing.db"))}) {
            auto restored = Backup::restore(std::nullopt, file, target, m_source.clock());
            QVERIFY(!restored);
            QCOMPARE(restored.error().code, ErrorCode::Invalid);
            QVERIFY2(restored.error().message.contains(file), qPrintable(restored.error().message));
        }
    }

    // An older schema is brought up to date on a copy: the rows come back with the new columns'
    // defaults, and the backup file stays at its version.
    void restoresAnOlderSchema()
    {
        const QString old = m_dir.filePath(QStringLiteral("schema3.db"));
        {
            std::unique_ptr<Database> holder;
            Database &file = openSqlite(holder, old);
            QVERIFY(file.openAt(3));
            QVERIFY(Query(file,
                          QStringLiteral(
                              "INSERT INTO organisations (id, name, locale, time_zone, created_at) "
                              "VALUES ('org_old', 'Old', 'nb', 'Europe/Oslo', '2024-01-01T00:00:00.000Z')"))
                        .exec());
            QVERIFY(Query(file,
                          QStringLiteral("INSERT INTO users (id, username, display_name, role, org_id, "
                                         "password_hash, created_at) VALUES ('u_old', 'old', 'Old Admin', "
                                         "'org_admin', 'org_old', 'x', '2024-01-01T00:00:00.000Z')"))
                        .exec());
            file.closeThreadConnection();
        }
        const QByteArray hash = sha256Of(old);
        std::unique_ptr<Database> holder;
        Database &target = openSqlite(holder, m_dir.filePath(QStringLiteral("from-schema3.db")));
        QVERIFY(target.open());
        auto restored = Backup::restore(std::nullopt, old, target, m_source.clock());
        QVERIFY2(restored, restored ? "" : qPrintable(restored.error().message));
        QCOMPARE(*restored, qint64(2));
        QCOMPARE(rowsOf(target, QStringLiteral("users"), QStringLiteral("must_change_password = 0")).size(),
                 1);
        QCOMPARE(sha256Of(old), hash);
    }

    void onlyAGlobalAdminOrNobodyOnAnEmptyDatabase()
    {
        std::unique_ptr<Database> holder;
        Database &target = openSqlite(holder, m_dir.filePath(QStringLiteral("by-role.db")));
        QVERIFY(target.open());
        const World w;
        for (const Caller &c : {w.coordinatorA, w.orgAdminA}) {
            auto refused = Backup::restore(c, m_backup, target, m_source.clock());
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::Forbidden);
            QCOMPARE(refused.error().message, QString::fromUtf8(permission(Action::Restore).refusal));
        }
        auto busy = Backup::firstTableWithRows(target);
        QVERIFY(busy && !*busy);
        QVERIFY(Backup::restore(w.globalAdmin, m_backup, target, m_source.clock()));
    }

    void cancelledRestoreLeavesTheDatabaseEmpty()
    {
        std::unique_ptr<Database> holder;
        Database &target = openSqlite(holder, m_dir.filePath(QStringLiteral("cancelled.db")));
        QVERIFY(target.open());
        auto cancelled = Backup::restore(std::nullopt, m_backup, target, m_source.clock(),
                                         [](qint64, qint64) { return false; });
        QVERIFY(!cancelled);
        QVERIFY2(cancelled.error().message.contains(QLatin1String("cancelled")),
                 qPrintable(cancelled.error().message));
        auto busy = Backup::firstTableWithRows(target);
        QVERIFY(busy && !*busy);
    }
};

CC_DATABASE_TEST_MAIN(TestApiRestore)
#include "tst_api_restore.moc"
