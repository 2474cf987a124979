#include "core/Backup.h"

#include "core/Logging.h"
#include "core/Permissions.h"

#include <QFile>
#include <QSqlRecord>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

namespace cc {

const QStringList &Backup::tables()
{
    static const QStringList names{QStringLiteral("organisations"),
                                   QStringLiteral("coordinators"),
                                   QStringLiteral("peer_mentors"),
                                   QStringLiteral("users"),
                                   QStringLiteral("api_tokens"),
                                   QStringLiteral("pairing_codes"),
                                   QStringLiteral("login_failures"),
                                   QStringLiteral("notification_records"),
                                   QStringLiteral("record_counts"),
                                   QStringLiteral("payload_templates"),
                                   QStringLiteral("payload_template_versions"),
                                   QStringLiteral("built_payloads"),
                                   QStringLiteral("idempotency_keys"),
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
        const QByteArray file = QFile::encodeName(path);
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
            if (n != 1)
                ::unlink(file.constData());
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

// Copies the selected rows of `source` into a new SQLite database at `path`.
Result<qint64> copyInto(Database &source, const QString &path, const QList<Selection> &selections,
                        const QString &orgId, const Backup::Progress &progress)
{
    DatabaseUrl url{DatabaseUrl::Kind::Sqlite, path, {}, 0, {}, {}, {}};
    url.scratch = true; // no journal or write-ahead log beside it: one file to remove or move
    Database target(url);
    if (auto s = target.open(); !s)
        return s.error();

    qint64 total = 0;
    for (const Selection &selection : selections) {
        Query count = select(source, QStringLiteral("COUNT(*)"), selection, orgId);
        if (auto s = count.exec(); !s)
            return s.error();
        total += count.next() ? count.value(0).toLongLong() : 0;
    }

    // One read transaction, so the copy is one consistent moment of the source.
    Transaction snapshot(source, Transaction::Mode::Read);
    if (!snapshot.begun())
        return snapshot.begun().error();
    Transaction write(target);
    if (!write.begun())
        return write.begun().error();
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
                return Error{ErrorCode::Conflict,
                             QStringLiteral("The backup was cancelled; nothing was written."),
                             {},
                             0};
        }
    }
    if (auto s = write.commit(); !s)
        return s.error();
    if (progress)
        progress(copied, total);
    return copied;
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
                           const Progress &progress)
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
    auto copied = copyInto(source, partial, whole ? everything() : organisationOnly(),
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
    qCInfo(lcDb) << "backup written:" << *copied << "rows";
    return *copied;
}

} // namespace cc
