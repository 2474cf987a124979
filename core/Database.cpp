#include "core/Database.h"

#include "core/Ids.h"
#include "core/Logging.h"
#include "core/PrivateFile.h"
#include "core/TimeText.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QUrl>

#include <dlfcn.h>

#include <algorithm>
#include <atomic>
#include <mutex>

namespace cc {

namespace {

constexpr int kLatestSchema = 10;

// The transactions open on this thread, per database: how deep, what waits for the commit,
// whether change listeners are to be woken after it, and the PostgreSQL statements that are freed
// once it has ended (see Query::~Query).
struct OpenTransactions
{
    int depth = 0;
    QList<std::function<void()>> afterCommit;
    bool wakeListeners = false;
    QList<std::shared_ptr<QSqlQuery>> finished;
};

thread_local QHash<const Database *, OpenTransactions> t_open;

QString migrationResource(int version)
{
    return QStringLiteral(":/migrations/%1_").arg(version, 3, 10, QLatin1Char('0'));
}

Result<QString> migrationSql(int version)
{
    const QDir dir(QStringLiteral(":/migrations"));
    const QString prefix = migrationResource(version).mid(QStringLiteral(":/migrations/").size());
    const QStringList names = dir.entryList({prefix + QStringLiteral("*.sql")}, QDir::Files);
    if (names.size() != 1)
        return Error{ErrorCode::Internal,
                     QStringLiteral("Migration %1 is missing from the program.").arg(version),
                     {},
                     0};
    QFile file(dir.filePath(names.first()));
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Internal, QStringLiteral("Migration %1 cannot be read.").arg(version), {}, 0};
    return QString::fromUtf8(file.readAll());
}

// Splits a migration into statements: a statement ends with ';' at the end of a line.
QStringList statements(const QString &sql)
{
    QStringList out;
    QString current;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            out.append(current.trimmed().chopped(1));
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out.append(current.trimmed());
    return out;
}

bool isUniqueViolation(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    // SQLite: 2067 (SQLITE_CONSTRAINT_UNIQUE), 1555 (SQLITE_CONSTRAINT_PRIMARYKEY), 19 (CONSTRAINT)
    // PostgreSQL: 23505 unique_violation
    return code == QLatin1String("23505") || code == QLatin1String("2067") || code == QLatin1String("1555")
        || (code == QLatin1String("19") && error.databaseText().contains(QLatin1String("UNIQUE")));
}

std::atomic<int> s_databaseCounter{0};

// An SQLite file holds personal data: a new one is made readable and writable by its owner only
// before SQLite opens it (SQLite would make it 0644 less the umask), and SQLite gives its -wal,
// -shm and -journal files the mode of the database file. Of an existing one, and of those beside
// it, only what others (not the owner or the group) may do is taken away: a group may be shared
// on purpose, world access never is.
void keepPrivate(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        // NewOnly: a file another process made meanwhile is left alone. A failure is SQLite's
        // to report, naming the file.
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                      QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            file.close();
        return;
    }
    const QFileDevice::Permissions ownerAndGroup = QFileDevice::ReadOwner | QFileDevice::WriteOwner
        | QFileDevice::ExeOwner | QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup;
    const QFileDevice::Permissions others =
        QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    const QStringList files{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm"),
                            path + QStringLiteral("-journal")};
    for (const QString &name : files) {
        const QFileInfo info(name);
        if (!info.isFile() || !(info.permissions() & others))
            continue;
        if (QFile::setPermissions(name, info.permissions() & ownerAndGroup))
            qCInfo(lcDb) << "other users can no longer read" << name;
        else
            qCWarning(lcDb) << "other users can read" << name << "and its permissions cannot be changed";
    }
}

} // namespace

Database::Database(DatabaseUrl url)
    : m_url(std::move(url))
    , m_prefix(QStringLiteral("cc_db%1_").arg(s_databaseCounter.fetch_add(1)))
    , m_origin(randomId(QStringLiteral("p_")))
{}

Database::~Database()
{
    m_alive.reset();
    QMutexLocker lock(&m_mutex);
    m_statements.clear(); // before their connections close
    const QString own = connectionName();
    for (const QString &name : std::as_const(m_opened)) {
        // Only this thread's connection may be used here; removing the others closes them.
        if (name == own) {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString Database::connectionName() const
{
    // A number per thread, never reused: a new thread at a dead thread's address must not find
    // the dead thread's connection.
    static std::atomic<int> s_threads{0};
    thread_local const int thread = s_threads.fetch_add(1);
    return m_prefix + QString::number(thread);
}

Result<QSqlDatabase> Database::connection()
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
    }
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                   : QSqlDatabase::addDatabase(m_url.driverName(), name);
    bool added = false;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_opened.contains(name)) {
            m_opened.append(name);
            added = true;
        }
    }
    // A worker thread's connection closes when the thread ends (a PostgreSQL connection per
    // export or import would otherwise stay open until the program ends).
    QThread *thread = QThread::currentThread();
    if (added && QCoreApplication::instance() && thread != QCoreApplication::instance()->thread()) {
        QObject::connect(
            thread, &QThread::finished, thread,
            [this, alive = std::weak_ptr<bool>(m_alive)] {
                if (alive.lock())
                    closeThreadConnection();
            },
            Qt::DirectConnection);
    }
    // Statements prepared on an earlier session of this name are gone with it.
    forgetStatements(name);
    if (auto s = openConnection(db); !s)
        return s.error();
    return db;
}

namespace {

// SQLite keeps memory statistics that nothing here reads, under one mutex for the whole process:
// every allocation takes it, and request workers reading at once queue on it. They are switched
// off before SQLite's first connection, in the library Qt's driver has loaded (when it is the
// system's libsqlite3; a driver with SQLite built in keeps them).
void stopSqliteMemoryStatistics()
{
    static std::once_flag once;
    std::call_once(once, [] {
        void *library = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_NOLOAD);
        if (!library)
            return;
        using Config = int (*)(int, ...);
        constexpr int kConfigMemStatus = 9; // SQLITE_CONFIG_MEMSTATUS
        if (auto config = reinterpret_cast<Config>(dlsym(library, "sqlite3_config")))
            config(kConfigMemStatus, 0); // SQLITE_MISUSE, and no harm, once SQLite has started
        dlclose(library);
    });
}

} // namespace

Status Database::openConnection(QSqlDatabase &db)
{
    if (!db.isValid())
        return Error::storage(
            QStringLiteral("The Qt SQL driver %1 is not installed (Debian: %2).")
                .arg(m_url.driverName(),
                     isSqlite() ? QStringLiteral("libqt6sql6-sqlite") : QStringLiteral("libqt6sql6-psql")));
    if (isSqlite()) {
        const QFileInfo info(m_url.path);
        if (auto s = makePrivateFolder(info.absolutePath()); !s)
            return s;
        keepPrivate(m_url.path);
        stopSqliteMemoryStatistics();
    }
    m_url.applyTo(db);
    if (!db.open()) {
        qCWarning(lcDb) << "open failed:" << m_url.display() << db.lastError().text();
        if (isSqlite())
            return Error::storage(QStringLiteral("The database file %1 cannot be opened: %2")
                                      .arg(m_url.path, db.lastError().databaseText()));
        return Error::storage(QStringLiteral("Cannot connect to the PostgreSQL database %1: %2")
                                  .arg(m_url.display(), db.lastError().databaseText().trimmed()));
    }
    return configure(db);
}

void Database::closeThreadConnection()
{
    closeDedicated(connectionName());
}

void Database::closeDedicated(const QString &name)
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_opened.removeOne(name))
            return;
    }
    forgetStatements(name);
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Status Database::configure(QSqlDatabase &db)
{
    QStringList pragmas;
    if (isSqlite()) {
        pragmas = {m_url.scratch ? QStringLiteral("PRAGMA journal_mode=OFF")
                                 : QStringLiteral("PRAGMA journal_mode=WAL"),
                   m_url.scratch ? QStringLiteral("PRAGMA synchronous=OFF")
                                 : QStringLiteral("PRAGMA synchronous=FULL"),
                   QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA busy_timeout=10000"),
                   // 64 MiB of page cache: index pages stay in memory during bulk writes and big reads.
                   QStringLiteral("PRAGMA cache_size=-65536")};
    } else {
        pragmas = {QStringLiteral("SET client_min_messages TO WARNING"),
                   QStringLiteral("SET TIME ZONE 'UTC'")};
    }
    for (const QString &pragma : std::as_const(pragmas)) {
        QSqlQuery query(db);
        if (!query.exec(pragma)) {
            qCWarning(lcDb) << pragma << query.lastError().text();
            return Error::storage(QStringLiteral("The database could not be configured: %1")
                                      .arg(query.lastError().databaseText()));
        }
    }
    return {};
}

Status Database::checkpoint()
{
    if (!isSqlite())
        return {};
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery query(*conn);
    if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"))) {
        qCWarning(lcDb) << "checkpoint failed:" << query.lastError().text();
        return Error::storage(QStringLiteral("The database could not be checkpointed."));
    }
    return {};
}

Status Database::compact()
{
    if (!isSqlite())
        return {};
    auto conn = connection();
    if (!conn)
        return conn.error();
    {
        QSqlQuery query(*conn);
        if (!query.exec(QStringLiteral("VACUUM"))) {
            qCWarning(lcDb) << "VACUUM failed:" << query.lastError().text();
            return Error::storage(QStringLiteral("The database file could not be rewritten (VACUUM)."));
        }
    }
    // Its first column is 1 when a reader kept the log from being emptied (after busy_timeout).
    QSqlQuery query(*conn);
    if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"))) {
        qCWarning(lcDb) << "checkpoint failed:" << query.lastError().text();
        return Error::storage(QStringLiteral("The database could not be checkpointed."));
    }
    if (query.next() && query.value(0).toInt() != 0)
        return Error::storage(
            QStringLiteral("The database's write-ahead log could not be emptied: another connection was "
                           "reading. It is emptied at the next checkpoint."));
    return {};
}

int Database::addCommitListener(std::function<void()> wake)
{
    QMutexLocker lock(&m_listenersMutex);
    const int id = m_nextListener++;
    m_commitListeners.insert(id, std::move(wake));
    return id;
}

void Database::removeCommitListener(int id)
{
    QMutexLocker lock(&m_listenersMutex);
    m_commitListeners.remove(id);
}

void Database::wakeListenersAfterCommit()
{
    auto it = t_open.find(this);
    if (it == t_open.end() || it->depth == 0)
        wakeCommitListeners();
    else
        it->wakeListeners = true; // once, however many changes the transaction appends
}

void Database::wakeCommitListeners()
{
    QMutexLocker lock(&m_listenersMutex); // held: a listener being removed waits until this is done
    for (const auto &wake : std::as_const(m_commitListeners))
        wake();
}

Result<QSqlDatabase> Database::openDedicated(const QString &purpose)
{
    static std::atomic<int> s_dedicated{0};
    const QString name = m_prefix + purpose + QLatin1Char('_') + QString::number(s_dedicated.fetch_add(1));
    {
        QMutexLocker lock(&m_mutex);
        m_opened.append(name);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(m_url.driverName(), name);
    if (auto s = openConnection(db); !s) {
        db = QSqlDatabase(); // no handle left when it is removed
        closeDedicated(name);
        return s.error();
    }
    return db;
}

Result<bool> Database::lockAcrossProcesses(LockKey key, bool wait)
{
    if (isSqlite())
        return true;
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery query(*conn);
    const QString sql = wait ? QStringLiteral("SELECT pg_advisory_lock(%1)")
                             : QStringLiteral("SELECT pg_try_advisory_lock(%1)");
    if (!query.exec(sql.arg(qint64(key))) || !query.next()) {
        qCWarning(lcDb) << "advisory lock failed:" << query.lastError().nativeErrorCode();
        return Error::storage(QStringLiteral("The database could not take a lock."));
    }
    return wait || query.value(0).toBool();
}

void Database::unlockAcrossProcesses(LockKey key)
{
    if (isSqlite())
        return;
    auto conn = connection();
    if (!conn)
        return;
    QSqlQuery query(*conn);
    if (!query.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(qint64(key))))
        qCWarning(lcDb) << "advisory unlock failed:" << query.lastError().nativeErrorCode();
}

int Database::latestSchemaVersion()
{
    return kLatestSchema;
}

int Database::schemaVersion()
{
    auto conn = connection();
    if (!conn)
        return -1;
    QSqlQuery query(*conn);
    if (!query.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

Status Database::open()
{
    return openAt(kLatestSchema);
}

Status Database::openAt(int targetVersion)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    return migrate(*conn, qBound(0, targetVersion, kLatestSchema));
}

Status Database::migrate(QSqlDatabase &db, int targetVersion)
{
    // Two programs starting on one PostgreSQL database at once (two consoles after an update)
    // upgrade it one after the other: the second finds the work done.
    auto locked = lockAcrossProcesses(LockKey::Migrations, true);
    if (!locked)
        return locked.error();
    const auto unlock = qScopeGuard([this] { unlockAcrossProcesses(LockKey::Migrations); });
    const bool hasVersionTable = db.tables().contains(QStringLiteral("schema_version"));
    int current = 0;
    if (hasVersionTable) {
        current = schemaVersion();
    } else {
        QSqlQuery create(db);
        if (!create.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                        "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")))
            return Error::storage(QStringLiteral("The schema_version table cannot be created: %1")
                                      .arg(create.lastError().databaseText()));
    }
    if (current > kLatestSchema)
        return Error{
            ErrorCode::Conflict,
            QStringLiteral("This database was created by a newer Coordinator Console (schema version %1; "
                           "this program knows up to %2). Install the newer version to open it.")
                .arg(current)
                .arg(kLatestSchema),
            {},
            0};

    for (int version = current + 1; version <= targetVersion; ++version) {
        const auto sql = migrationSql(version);
        if (!sql)
            return sql.error();
        Transaction tx(*this);
        if (!tx.begun())
            return tx.begun();
        // Another process may have migrated between our check and our lock.
        if (schemaVersion() >= version)
            continue;
        const QStringList parts = statements(*sql);
        for (const QString &statement : parts) {
            QSqlQuery query(db);
            if (!query.exec(statement)) {
                qCWarning(lcDb) << "migration" << version << "failed:" << query.lastError().text()
                                << statement;
                return Error::storage(QStringLiteral("Upgrading the database to schema version %1 failed: %2")
                                          .arg(version)
                                          .arg(query.lastError().databaseText()));
            }
        }
        QSqlQuery record(db);
        record.prepare(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (:v, :at)"));
        record.bindValue(QStringLiteral(":v"), version);
        record.bindValue(QStringLiteral(":at"), formatTimestamp(QDateTime::currentDateTimeUtc()));
        if (!record.exec())
            return Error::storage(QStringLiteral("The schema version cannot be recorded: %1")
                                      .arg(record.lastError().databaseText()));
        if (auto committed = tx.commit(); !committed)
            return committed;
        qCInfo(lcDb) << "database upgraded to schema version" << version;
    }
    return {};
}

// ---- Transaction --------------------------------------------------------------------------

void Database::afterCommit(std::function<void()> action)
{
    auto it = t_open.find(this);
    if (it == t_open.end() || it->depth == 0) {
        action();
        return;
    }
    it->afterCommit.append(std::move(action));
}

Transaction::Transaction(Database &db, Mode mode)
    : m_db(db)
{
    auto conn = db.connection();
    if (!conn) {
        m_begun = conn.error();
        return;
    }
    m_conn = *conn;
    OpenTransactions &open = t_open[&db];
    QSqlQuery query(m_conn);
    if (open.depth > 0) {
        m_savepoint = open.depth;
        m_actionsMark = open.afterCommit.size();
        if (!query.exec(QStringLiteral("SAVEPOINT sp_%1").arg(m_savepoint))) {
            qCWarning(lcDb) << "SAVEPOINT failed:" << query.lastError().nativeErrorCode();
            m_begun = Error::storage(QStringLiteral("The database could not begin a change."));
            return;
        }
        ++open.depth;
        m_active = true;
        return;
    }
    // PostgreSQL's default (READ COMMITTED) gives every statement its own snapshot; a read
    // transaction must see one moment across all its statements, so it asks for REPEATABLE READ.
    QString begin = QStringLiteral("BEGIN");
    if (db.isSqlite() && mode == Mode::Write)
        begin = QStringLiteral("BEGIN IMMEDIATE");
    else if (!db.isSqlite() && mode == Mode::Read)
        begin = QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    if (!query.exec(begin)) {
        qCWarning(lcDb) << "BEGIN failed:" << query.lastError().text();
        m_begun = Error::storage(QStringLiteral("The database is busy; try again in a moment."));
        return;
    }
    open.depth = 1;
    open.afterCommit.clear();
    open.wakeListeners = false;
    m_active = true;
}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    QSqlQuery query(m_conn);
    const QString rollback = m_savepoint > 0 ? QStringLiteral("ROLLBACK TO SAVEPOINT sp_%1").arg(m_savepoint)
                                             : QStringLiteral("ROLLBACK");
    if (!query.exec(rollback))
        qCWarning(lcDb) << "ROLLBACK failed:" << query.lastError().text();
    if (m_savepoint > 0 && !query.exec(QStringLiteral("RELEASE SAVEPOINT sp_%1").arg(m_savepoint)))
        qCWarning(lcDb) << "RELEASE failed:" << query.lastError().nativeErrorCode();
    end(false);
}

Status Transaction::commit()
{
    if (!m_active)
        return m_begun.ok() ? Status(Error::storage(QStringLiteral("No transaction to commit."))) : m_begun;
    QSqlQuery query(m_conn);
    const QString commit = m_savepoint > 0 ? QStringLiteral("RELEASE SAVEPOINT sp_%1").arg(m_savepoint)
                                           : QStringLiteral("COMMIT");
    if (!query.exec(commit)) {
        qCWarning(lcDb) << "COMMIT failed:" << query.lastError().text();
        return Error::storage(QStringLiteral("The change could not be saved: the database refused it."));
    }
    end(true);
    return {};
}

// Leaves this level: a rolled-back savepoint forgets the actions queued inside it; the outermost
// commit runs them all.
void Transaction::end(bool committed)
{
    m_active = false;
    OpenTransactions &open = t_open[&m_db];
    --open.depth;
    if (!committed)
        open.afterCommit.resize(qMin(open.afterCommit.size(), m_actionsMark));
    if (open.depth > 0)
        return;
    QList<std::function<void()>> actions = std::move(open.afterCommit);
    const bool wake = open.wakeListeners;
    const auto finished = std::move(open.finished); // freed now, after COMMIT or ROLLBACK
    t_open.remove(&m_db);
    if (!committed)
        return;
    for (const auto &action : actions)
        action();
    if (wake)
        m_db.wakeCommitListeners();
}

// ---- Query --------------------------------------------------------------------------------

namespace {

// "INSERT notification_records": the statement's verb and its first table, for a log line that
// must not carry the statement's values.
QString statementLabel(const QString &sql)
{
    static const QRegularExpression shape(
        QStringLiteral("^\\s*(\\w+)\\b.*?\\b(?:FROM|INTO|UPDATE|TABLE)\\s+(\\w+)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = shape.match(sql);
    if (m.hasMatch())
        return m.captured(1).toUpper() + QLatin1Char(' ') + m.captured(2);
    return sql.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty).toUpper();
}

} // namespace

std::shared_ptr<Database::Statements> Database::statementsOf(const QString &connectionName)
{
    QMutexLocker lock(&m_mutex);
    std::shared_ptr<Statements> &statements = m_statements[connectionName];
    if (!statements)
        statements = std::make_shared<Statements>();
    return statements;
}

int Database::keptStatements()
{
    auto conn = connection();
    return conn ? statementsOf(conn->connectionName())->kept : 0;
}

void Database::forgetStatements(const QString &connectionName)
{
    std::shared_ptr<Statements> statements;
    {
        QMutexLocker lock(&m_mutex);
        statements = m_statements.take(connectionName);
    }
    // Freed here, before the connection closes (a Query still running keeps its own).
}

Query::Query(Database &db, const QString &sql, Rows rows)
    : m_db(db)
    , m_sql(sql)
{
    auto conn = db.connection();
    if (!conn) {
        m_prepared = conn.error();
        return;
    }
    m_cache = db.statementsOf(conn->connectionName());
    const auto idle = m_cache->idle.find(sql);
    if (idle != m_cache->idle.end() && !idle->second.empty()) {
        m_query = std::move(idle->second.back());
        idle->second.pop_back();
        --m_cache->kept;
        return;
    }
    m_query = QSqlQuery(*conn);
    // Qt's PostgreSQL driver reads a forward-only result in single-row mode: a result set, its
    // allocations and a driver round per row. A small result is cheaper read whole.
    m_query.setForwardOnly(rows == Rows::OneByOne || db.isSqlite());
    if (!m_query.prepare(sql)) {
        // Nothing is bound yet, so the text names no value; it names the statement's mistake.
        qCWarning(lcDb).noquote() << "prepare failed:" << m_query.lastError().nativeErrorCode() << "in"
                                  << statementLabel(sql) << "-" << m_query.lastError().databaseText();
        // The driver's text quotes the statement ("near \"SELEC\"", "column x does not exist"): log only.
        m_prepared =
            Error::storage(QStringLiteral("The database could not run a query; the log has the details."));
        m_failed = true;
    }
}

Query::Query(Query &&other) noexcept
    : m_db(other.m_db)
    , m_sql(std::move(other.m_sql))
    , m_query(std::move(other.m_query))
    , m_prepared(std::move(other.m_prepared))
    , m_uniqueViolation(other.m_uniqueViolation)
    , m_failed(other.m_failed)
    , m_cache(std::move(other.m_cache))
{
    other.m_cache.reset();
}

Query::~Query()
{
    if (!m_cache)
        return;
    if (!m_failed && m_cache->kept < Database::Statements::kMax) {
        // Done with its rows: SQLite ends the statement's read (sqlite3_reset), so that it holds
        // no lock while it waits for its next use.
        m_query.finish();
        m_cache->idle[m_sql].push_back(std::move(m_query));
        ++m_cache->kept;
        return;
    }
    // PostgreSQL frees a prepared statement with DEALLOCATE, which fails inside a transaction
    // that an error has aborted (a unique key already there, say); Qt 6.8 then warns on stderr.
    // Inside a transaction the statement is therefore freed when the transaction has ended.
    if (m_db.isSqlite())
        return;
    auto it = t_open.find(&m_db);
    if (it != t_open.end() && it->depth > 0)
        it->finished.append(std::make_shared<QSqlQuery>(std::move(m_query)));
}

Query &Query::bind(const QString &name, const QVariant &value)
{
    m_query.bindValue(name, value);
    return *this;
}

void ScalarRead::bindTo(Query &q) const
{
    for (const auto &[name, bound] : binds)
        q.bind(name, bound);
}

Query &Query::add(const QVariant &value)
{
    m_query.addBindValue(value);
    return *this;
}

Status Query::exec()
{
    if (!m_prepared)
        return m_prepared;
    m_uniqueViolation = false;
    if (m_query.exec())
        return {};
    m_failed = true;
    const QSqlError error = m_query.lastError();
    // Neither the database's text nor the statement: on PostgreSQL the text may quote the values
    // (names, reasons). The SQLSTATE and which statement it was are enough to look further.
    qCWarning(lcDb).noquote() << "query failed: SQLSTATE" << error.nativeErrorCode() << "in"
                              << statementLabel(m_sql);
    if (isUniqueViolation(error)) {
        m_uniqueViolation = true;
        return Error{ErrorCode::Conflict, QStringLiteral("It exists already."), {}, 0};
    }
    const QString text = error.databaseText();
    if (text.contains(QLatin1String("locked")) || text.contains(QLatin1String("busy")))
        return Error::storage(QStringLiteral("The database is busy; try again in a moment."));
    if (text.contains(QLatin1String("FOREIGN KEY")) || error.nativeErrorCode() == QLatin1String("23503"))
        return Error{
            ErrorCode::Conflict,
            QStringLiteral("It is still referred to by other data, or refers to data that does not exist."),
            {},
            0};
    return Error::storage(QStringLiteral("The database failed to carry out the request."));
}

// ---- value helpers ---------------------------------------------------------------------------

QVariant nullable(const QString &text)
{
    return text.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullable(const std::optional<QString> &text)
{
    return text ? QVariant(*text) : QVariant(QMetaType::fromType<QString>());
}

QVariant timeValue(const QDateTime &when)
{
    return when.isValid() ? QVariant(formatTimestamp(when)) : QVariant(QMetaType::fromType<QString>());
}

QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    const auto parsed = parseTimestamp(value.toString());
    return parsed ? *parsed : QDateTime();
}

} // namespace cc
