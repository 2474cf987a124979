#include "core/Backup.h"

#include "core/AuditLog.h"
#include "core/Logging.h"
#include "core/Permissions.h"
#include "core/PrivateFile.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlRecord>
#include <QTemporaryDir>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

namespace cc {

const QStringList &Backup::tables()
{
    static const QStringList names{
        QStringLiteral("organisations"),     QStringLiteral("coordinators"),
        QStringLiteral("peer_mentors"),      QStringLiteral("users"),
        QStringLiteral("api_tokens"),        QStringLiteral("pairing_codes"),
        QStringLiteral("login_failures"),    QStringLiteral("notification_records"),
        QStringLiteral("record_counts"),     QStringLiteral("record_counts_by_mentor"),
        QStringLiteral("payload_templates"), QStringLiteral("payload_template_versions"),
        QStringLiteral("built_payloads"),    QStringLiteral("idempotency_keys"),
        QStringLiteral("audit_log")};
    return names;
}

namespace {

// One table of a backup and which of its rows: all of them (an empty condition), or those of the
// organisation bound as :org.
struct Selection
{
    QString table;
    QString where;
};

QList<Selection> everything()
{
    QList<Selection> all;
    for (const QString &table : Backup::tables())
        all << Selection{table, {}};
    return all;
}

// An organisation's own rows, never accounts, secrets or another organisation's.
QList<Selection> organisationOnly()
{
    const QString own = QStringLiteral("org_id = :org");
    return {{QStringLiteral("organisations"), QStringLiteral("id = :org")},
            {QStringLiteral("coordinators"), own},
            {QStringLiteral("peer_mentors"), own},
            {QStringLiteral("notification_records"), own},
            {QStringLiteral("record_counts"), own},
            {QStringLiteral("record_counts_by_mentor"), own},
            {QStringLiteral("payload_templates"), QStringLiteral("scope = :org")},
            {QStringLiteral("payload_template_versions"), QStringLiteral("scope = :org")},
            {QStringLiteral("built_payloads"), own},
            {QStringLiteral("audit_log"), own}};
}

// Removes a file being written if this process dies before it is finished (killed, or crashed):
// a small child process waits on a pipe that only this process writes to, and the pipe's end
// (this process gone) without a "finished" byte means the file is debris. The child only calls
// read, unlink and _exit, which are safe after fork in a threaded program.
class DebrisWatch
{
public:
    explicit DebrisWatch(const QString &path)
    {
        // The file and what SQLite may write beside it (VACUUM INTO keeps a rollback journal).
        const QByteArray file = QFile::encodeName(path);
        const QByteArray journal = QFile::encodeName(path + QStringLiteral("-journal"));
        const QByteArray wal = QFile::encodeName(path + QStringLiteral("-wal"));
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0)
            return;
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(fds[1]);
            char done = 0;
            ssize_t n;
            do
                n = ::read(fds[0], &done, 1);
            while (n < 0 && errno == EINTR);
            if (n != 1) {
                ::unlink(file.constData());
                ::unlink(journal.constData());
                ::unlink(wal.constData());
            }
            ::_exit(0);
        }
        ::close(fds[0]);
        if (pid < 0) {
            ::close(fds[1]);
            return;
        }
        m_pid = pid;
        m_pipe = fds[1];
    }
    ~DebrisWatch()
    {
        if (m_pid <= 0)
            return;
        // Reached in every way this process goes on living: the caller removed or moved the file.
        const char done = 1;
        while (::write(m_pipe, &done, 1) < 0 && errno == EINTR) {
        }
        ::close(m_pipe);
        while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {
        }
    }
    DebrisWatch(const DebrisWatch &) = delete;
    DebrisWatch &operator=(const DebrisWatch &) = delete;

private:
    pid_t m_pid = -1;
    int m_pipe = -1;
};

Query select(Database &db, const QString &what, const Selection &s, const QString &orgId)
{
    Query q(db,
            QStringLiteral("SELECT %1 FROM %2").arg(what, s.table)
                + (s.where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + s.where));
    if (!s.where.isEmpty())
        q.bind(QStringLiteral(":org"), orgId);
    return q;
}

// A database file of this program's own making (a backup, or a copy to read one from): no journal
// or write-ahead log beside it, one file to remove or move.
DatabaseUrl scratchFile(const QString &path)
{
    DatabaseUrl url{DatabaseUrl::Kind::Sqlite, path, {}, 0, {}, {}, {}};
    url.scratch = true;
    return url;
}

const QString kBackupCancelled = QStringLiteral("The backup was cancelled; nothing was written.");

Error cancelledError(const QString &text)
{
    return Error{ErrorCode::Conflict, text, {}, 0};
}

// Copies the selected rows of `source` into `target`, inside the transaction the caller holds on
// `target`; one read transaction on `source`, so the copy is one consistent moment of it. Columns
// go by name: the target may have more (with their defaults), never fewer.
Result<qint64> copyRows(Database &source, Database &target, const QList<Selection> &selections,
                        const QString &orgId, const Backup::Progress &progress, const QString &cancelled)
{
    qint64 total = 0;
    for (const Selection &selection : selections) {
        Query count = select(source, QStringLiteral("COUNT(*)"), selection, orgId);
        if (auto s = count.exec(); !s)
            return s.error();
        total += count.next() ? count.value(0).toLongLong() : 0;
    }

    Transaction snapshot(source, Transaction::Mode::Read);
    if (!snapshot.begun())
        return snapshot.begun().error();
    qint64 copied = 0;
    for (const Selection &selection : selections) {
        const QString &table = selection.table;
        Query read = select(source, QStringLiteral("*"), selection, orgId);
        if (auto s = read.exec(); !s)
            return s.error();
        const QSqlRecord columns = read.raw().record();
        QStringList names, placeholders;
        for (int i = 0; i < columns.count(); ++i) {
            names << columns.fieldName(i);
            placeholders << QStringLiteral(":c%1").arg(i);
        }
        Query insert(
            target,
            QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                .arg(table, names.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", "))));
        while (read.next()) {
            for (int i = 0; i < columns.count(); ++i)
                insert.bind(placeholders.at(i), read.value(i));
            if (auto s = insert.exec(); !s)
                return s.error();
            ++copied;
            if (progress && copied % 10000 == 0 && !progress(copied, total))
                return cancelledError(cancelled);
        }
        if (progress && !progress(copied, total)) // at least once a table, and at the end
            return cancelledError(cancelled);
    }
    return copied;
}

// Copies the selected rows of `source` into a new SQLite database at `path`.
Result<qint64> copyInto(Database &source, const QString &path, const QList<Selection> &selections,
                        const QString &orgId, const Backup::Progress &progress)
{
    Database target(scratchFile(path));
    if (auto s = target.open(); !s)
        return s.error();
    Transaction write(target);
    if (!write.begun())
        return write.begun().error();
    auto copied = copyRows(source, target, selections, orgId, progress, kBackupCancelled);
    if (!copied)
        return copied.error();
    if (auto s = write.commit(); !s)
        return s.error();
    return copied;
}

// The rows of every table of the database at `path` (a backup just written).
Result<qint64> countRows(const QString &path)
{
    Database written(scratchFile(path));
    qint64 rows = 0;
    for (const QString &table : Backup::tables()) {
        Query count(written, QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
        if (auto s = count.exec(); !s)
            return s.error();
        rows += count.next() ? count.value(0).toLongLong() : 0;
    }
    return rows;
}

// The whole of an SQLite `source` copied by SQLite itself into a new file at `path`: one
// consistent moment, pages rather than rows, and the copy is compacted on the way.
Result<qint64> vacuumInto(Database &source, const QString &path, const Backup::Progress &progress)
{
    if (auto s = makePrivateFolder(QFileInfo(path).absolutePath()); !s)
        return s.error();
    // SQLite writes into a file that is new or empty: made here first, readable by its owner only.
    QFile created(path);
    if (!created.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                      QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Error::storage(
            QStringLiteral("The backup file %1 cannot be created: %2").arg(path, created.errorString()));
    created.close();
    // One step that cannot be stopped half-way: a cancel is honoured before it and after it.
    if (progress && !progress(0, 1))
        return cancelledError(kBackupCancelled);
    Query vacuum(source, QStringLiteral("VACUUM INTO :path"));
    vacuum.bind(QStringLiteral(":path"), path);
    if (auto s = vacuum.exec(); !s)
        return s.error();
    auto rows = countRows(path);
    if (rows && progress && !progress(*rows, *rows))
        return cancelledError(kBackupCancelled);
    return rows;
}

void removeDatabaseFiles(const QString &path)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    QFile::remove(path + QStringLiteral("-journal"));
}

} // namespace

Result<qint64> Backup::run(const Caller &caller, Database &source, const QString &file,
                           const Progress &progress, Method method)
{
    if (auto s = require(caller, Action::BackUp); !s)
        return s.error();
    if (!caller.isGlobalAdmin() && caller.orgId.isEmpty())
        return Error::forbidden(QStringLiteral("This account belongs to no organisation."));
    if (QFile::exists(file))
        return Error::invalid(QStringLiteral("%1 exists already; choose a new file name.").arg(file));
    if (source.schemaVersion() != Database::latestSchemaVersion())
        return Error::invalid(
            QStringLiteral("The database is not at this program's schema version; open it once first."));

    // Database makes the new file readable by its owner only, before SQLite writes to it; the
    // rename keeps that, and nothing here may create it anew with the umask's permissions.
    const QString partial = file + QStringLiteral(".partial");
    removeDatabaseFiles(partial);
    const DebrisWatch watch(partial);
    // The target is closed when copyInto returns, so its files can be removed or renamed.
    const bool whole = copiesWholeDatabase(caller);
    auto copied = whole && source.isSqlite() && method == Method::Best
        ? vacuumInto(source, partial, progress)
        : copyInto(source, partial, whole ? everything() : organisationOnly(),
                   whole ? QString() : caller.orgId, progress);
    if (!copied) {
        // A cancelled or failed backup leaves nothing behind.
        removeDatabaseFiles(partial);
        return copied.error();
    }
    {
        // Written without syncs: on disk before it takes its name.
        QFile written(partial);
        if (!written.open(QIODevice::ReadWrite | QIODevice::ExistingOnly) || ::fsync(written.handle()) != 0) {
            removeDatabaseFiles(partial);
            return Error::storage(QStringLiteral("The backup could not be written to disk."));
        }
    }
    if (!QFile::rename(partial, file)) {
        removeDatabaseFiles(partial);
        return Error::storage(QStringLiteral("The backup could not be moved to %1.").arg(file));
    }
    // Who took a copy of the people's data, and when (after the copy: it is not in it).
    SystemClock clock;
    AuditLog audit(source, clock);
    const QString name = QFileInfo(file).fileName();
    const Status audited = whole
        ? audit.write(caller, {}, QStringLiteral("database.backup"), QStringLiteral("database"), name,
                      QStringLiteral("%1 rows").arg(*copied))
        : audit.write(caller, caller.orgId, QStringLiteral("database.export"), QStringLiteral("organisation"),
                      caller.orgId, QStringLiteral("%1 rows").arg(*copied));
    if (!audited) // the backup is there and whole; only its entry in the log is missing
        qCWarning(lcDb) << "the backup could not be written to the audit log";
    qCInfo(lcDb) << "backup written:" << *copied << "rows";
    return *copied;
}

Result<std::optional<QString>> Backup::firstTableWithRows(Database &db)
{
    for (const QString &table : tables()) {
        Query any(db, QStringLiteral("SELECT 1 FROM %1 LIMIT 1").arg(table));
        if (auto s = any.exec(); !s)
            return s.error();
        if (any.next())
            return std::optional<QString>(table);
    }
    return std::optional<QString>();
}

Result<qint64> Backup::restore(const std::optional<Caller> &caller, const QString &file, Database &target,
                               const Clock &clock, const Progress &progress)
{
    if (caller)
        if (auto s = require(*caller, Action::Restore); !s)
            return s.error();
    const QFileInfo info(file);
    if (!info.isFile() || !info.isReadable())
        return Error::invalid(QStringLiteral("The backup %1 does not exist or cannot be read.").arg(file));

    // The backup is read from a private copy: opening it, and bringing an older schema up to
    // date, writes to the file, and the person's backup stays as it was.
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return Error::storage(QStringLiteral("No temporary folder to read the backup in."));
    const QString copy = scratch.filePath(QStringLiteral("backup.db"));
    if (!QFile::copy(file, copy))
        return Error::storage(QStringLiteral("The backup %1 cannot be read.").arg(file));
    if (QFile::exists(file + QStringLiteral("-wal"))
        && !QFile::copy(file + QStringLiteral("-wal"), copy + QStringLiteral("-wal")))
        return Error::storage(QStringLiteral("The backup %1 cannot be read.").arg(file));
    Database source(scratchFile(copy));
    const auto notABackup = [&] {
        return Error::invalid(
            QStringLiteral(
                "%1 is not a Coordinator Console backup (made with “admin backup” or the console's "
                "“Back up the database”).")
                .arg(file));
    };
    {
        auto conn = source.connection();
        if (!conn)
            return notABackup();
        const QStringList present = conn->tables();
        if (!present.contains(QStringLiteral("schema_version")))
            return notABackup();
        // record_counts_by_mentor is made from the records (migration 9) when a backup made
        // before it is opened.
        for (const QString &table : tables())
            if (!present.contains(table) && table != QLatin1String("record_counts_by_mentor"))
                return notABackup();
    }
    const int version = source.schemaVersion();
    if (version > Database::latestSchemaVersion())
        return Error::invalid(
            QStringLiteral("The backup %1 was made by a newer Coordinator Console (schema version %2; "
                           "this program knows up to %3). Restore it with that version or a newer one.")
                .arg(file)
                .arg(version)
                .arg(Database::latestSchemaVersion()));
    if (auto s = source.open(); !s)
        return s.error();
    if (target.schemaVersion() != Database::latestSchemaVersion())
        return Error::invalid(QStringLiteral(
            "The database to restore into is not at this program's schema version; open it once first."));

    // The check for rows and the copy are one transaction: nobody adds a row in between.
    Transaction write(target);
    if (!write.begun())
        return write.begun().error();
    auto busy = firstTableWithRows(target);
    if (!busy)
        return busy.error();
    if (*busy)
        return Error::invalid(
            QStringLiteral("The database %1 is not empty (its table %2 has rows): a backup is restored "
                           "only into a new, empty database, so that nothing in it is lost.")
                .arg(target.url().display(), **busy));
    auto copied = copyRows(source, target, everything(), {}, progress,
                           QStringLiteral("The restore was cancelled; nothing was written."));
    if (!copied)
        return copied.error();
    AuditLog audit(target, clock);
    if (auto s = audit.write(caller.value_or(Caller::system()), {}, QStringLiteral("database.restore"),
                             QStringLiteral("database"), info.fileName(),
                             QStringLiteral("%1 rows, schema version %2").arg(*copied).arg(version));
        !s)
        return s.error();
    if (auto s = write.commit(); !s)
        return s.error();
    source.closeThreadConnection();
    if (auto s = target.checkpoint(); !s) // the restore is committed; this only tidies the log
        qCWarning(lcDb) << "checkpoint after the restore failed";
    qCInfo(lcDb) << "backup restored:" << *copied << "rows from schema version" << version;
    return copied;
}

} // namespace cc
