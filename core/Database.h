#pragma once

#include "core/DatabaseUrl.h"
#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cc {

// Opens the database and hands each thread its own named connection (a QSqlDatabase belongs to
// the thread that opened it). Repositories ask for connection() on every call.
class Database
{
public:
    explicit Database(DatabaseUrl url);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens this thread's connection and brings the schema up to date.
    Status open();
    // Opens and migrates only up to schema `version` (to test upgrades from an older schema).
    Status openAt(int version);
    // This thread's connection, opened on first use.
    Result<QSqlDatabase> connection();
    // Closes this thread's connection (call before a thread ends).
    void closeThreadConnection();

    // After bulk writes: folds SQLite's write-ahead log back into the database file, so later
    // readers do not wade through it. Nothing to do on PostgreSQL.
    Status checkpoint();
    // After personal data were erased: rewrites an SQLite file from its live rows (VACUUM), so
    // nothing overwritten or deleted stays behind in free space, then empties the write-ahead log
    // into it (checkpoint). Outside any transaction; it takes as long as copying the database.
    // Nothing to do on PostgreSQL.
    Status compact();

    const DatabaseUrl &url() const { return m_url; }
    bool isSqlite() const { return m_url.kind == DatabaseUrl::Kind::Sqlite; }
    int schemaVersion();

    // The migrations this program knows, in order (from the resources).
    static int latestSchemaVersion();

    // Runs `action` once this thread's outermost transaction has committed (at once when none is
    // open; never when it rolls back): signals that others act on go out only for what is stored.
    void afterCommit(std::function<void()> action);

    // Which program instance this is: a random id of this Database object, written with every
    // change it appends (ChangeFeed), so that it can tell its own changes from other processes'.
    const QString &origin() const { return m_origin; }
    // Whoever wants to hear at once that this program stored changes (a ChangeFeed): `wake` is
    // called on the committing thread, after the commit, so it must only schedule work.
    int addCommitListener(std::function<void()> wake);
    void removeCommitListener(int id);
    // Wakes the listeners once this thread's outermost transaction has committed (at once when
    // none is open), once per transaction however often it is asked.
    void wakeListenersAfterCommit();

    // Who may use this database's API changed: a user (created, role, password, disabled) or a
    // token (revoked). A count that caches of whom a token stands for (AuthService) compare with
    // the one they filled at; it goes up after the commit of such a change made here
    // (appendChange), and when a ChangeFeed hears of one (this program's too: on PostgreSQL the
    // feed may hear of a change before the committing thread has counted it).
    quint64 identityGeneration() const { return m_identityGeneration.load(std::memory_order_acquire); }
    void identityChanged() { m_identityGeneration.fetch_add(1, std::memory_order_acq_rel); }

    // How many prepared statements this thread's connection keeps for reuse, no Query using them
    // now (see Query).
    int keptStatements();

    // A connection of its own on this thread, besides connection(), for one purpose (the change
    // feed listens on one); `name` identifies it for closeDedicated(). Configured like the others.
    Result<QSqlDatabase> openDedicated(const QString &purpose);
    // Closes a connection of this program by name (one of openDedicated(), or a thread's).
    void closeDedicated(const QString &name);

    // A lock among every program using one PostgreSQL database (an advisory lock of the session,
    // on this thread's connection): `wait` blocks until it is free, else it answers false at once
    // when another holds it. Always granted on SQLite, where writers take turns anyway.
    enum class LockKey : qint64
    {
        Migrations = 0x43430001, // "CC" 1
        Housekeeping = 0x43430002,
    };
    Result<bool> lockAcrossProcesses(LockKey key, bool wait);
    void unlockAcrossProcesses(LockKey key);

private:
    friend class Transaction; // wakes the listeners after its commit
    friend class Query;       // reuses the prepared statements
    // The prepared statements of one connection that no Query uses now, by their SQL text, for
    // the next Query of the same text on that connection: each statement is prepared once per
    // connection (on PostgreSQL one PREPARE, then only EXECUTE), not once per call.
    struct Statements
    {
        static constexpr int kMax = 256; // beyond it, statements are no longer kept
        std::unordered_map<QString, std::vector<QSqlQuery>> idle;
        int kept = 0;
    };
    std::shared_ptr<Statements> statementsOf(const QString &connectionName);
    void forgetStatements(const QString &connectionName);
    void wakeCommitListeners();
    // Opens `db` (added, not yet open) and configures it; errors name the database.
    Status openConnection(QSqlDatabase &db);
    Status configure(QSqlDatabase &db);
    Status migrate(QSqlDatabase &db, int targetVersion);
    QString connectionName() const;

    DatabaseUrl m_url;
    QString m_prefix;
    QString m_origin;
    QMutex m_mutex;
    QMutex m_listenersMutex;
    QHash<int, std::function<void()>> m_commitListeners;
    int m_nextListener = 1;
    QStringList m_opened;
    QHash<QString, std::shared_ptr<Statements>> m_statements; // by connection name; under m_mutex
    std::atomic<quint64> m_identityGeneration{0};
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true); // for threads that outlive it
};

// One transaction on this thread's connection; rolls back unless committed. For writes SQLite
// takes the write lock at once (BEGIN IMMEDIATE) so two writers wait for each other instead of
// failing; a read transaction sees one consistent moment without blocking writers.
// Transactions nest: one begun while another is open on the thread is a savepoint of it, so a
// caller can make several services' work one transaction (an Idempotency-Key's claim, the record
// and the stored answer); only the outermost commit makes anything durable.
class Transaction
{
public:
    enum class Mode
    {
        Write,
        Read
    };
    explicit Transaction(Database &db, Mode mode = Mode::Write);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Status &begun() const { return m_begun; }
    Status commit();

private:
    void end(bool committed);

    Database &m_db;
    QSqlDatabase m_conn;
    Status m_begun;
    bool m_active = false;
    int m_savepoint = 0;         // 0: the outermost transaction; n: savepoint sp_n
    qsizetype m_actionsMark = 0; // afterCommit actions queued before this savepoint
};

// A prepared query whose failures turn into an Error with a message fit for a person; the SQL
// text and driver message go to the log only.
class Query
{
public:
    // How PostgreSQL hands over a statement's rows: one at a time as they are read (any number of
    // rows in little memory), or all at once (a page of a few rows: no result set per row). SQLite
    // reads them one at a time either way.
    enum class Rows
    {
        OneByOne,
        AtOnce
    };
    // Takes a statement of the same text this connection prepared before and no Query uses now,
    // else prepares one; gives it back when destroyed, so that the next Query of the text reuses it.
    // A text is always asked for with the same `rows`.
    Query(Database &db, const QString &sql, Rows rows = Rows::OneByOne);
    ~Query();
    Query(Query &&other) noexcept;
    Query &operator=(Query &&) = delete;
    Query &bind(const QString &name, const QVariant &value);
    // For statements with positional "?" placeholders: binds the next one.
    Query &add(const QVariant &value);
    Status exec();
    bool next() { return m_query.next(); }
    QVariant value(int i) const { return m_query.value(i); }
    QVariant value(const QString &name) const { return m_query.value(name); }
    int numRowsAffected() const { return m_query.numRowsAffected(); }
    QSqlQuery &raw() { return m_query; }
    // True when the last exec failed because a unique key or primary key was already there.
    bool wasUniqueViolation() const { return m_uniqueViolation; }

private:
    Database &m_db;
    QString m_sql;
    QSqlQuery m_query;
    Status m_prepared;
    bool m_uniqueViolation = false;
    bool m_failed = false;                         // an exec failed: the statement is not kept
    std::shared_ptr<Database::Statements> m_cache; // where it goes back to; none once moved from
};

// Helpers for the text columns every table uses for times: ISO 8601 UTC with milliseconds.
QVariant nullable(const QString &text);
QVariant nullable(const std::optional<QString> &text);
QVariant timeValue(const QDateTime &when);
QDateTime timeFrom(const QVariant &value);

// Runs `q` and maps its first row (or nothing) / every row with `map(const Query &)`.
template<typename T, typename Map>
Result<std::optional<T>> fetchOne(Query &q, Map map)
{
    if (auto s = q.exec(); !s)
        return s.error();
    if (!q.next())
        return std::optional<T>();
    return std::optional<T>(map(q));
}

// A number another statement reads on its way, as one more column: a scalar subquery that does
// not depend on the row, so both come in one round trip and from one snapshot. ChangeFeed makes
// one for the API's validators; a list fills `value` when it has a row to carry it.
struct ScalarRead
{
    QString sql;                           // "(SELECT …)"
    QList<QPair<QString, QVariant>> binds; // its :name placeholders, named apart from the statement's
    std::optional<qint64> value;           // what the statement read; unset when it returned no row

    void bindTo(Query &q) const;
};

template<typename T, typename Map>
Result<QList<T>> fetchAll(Query &q, Map map)
{
    if (auto s = q.exec(); !s)
        return s.error();
    QList<T> out;
    while (q.next())
        out.append(map(q));
    return out;
}

} // namespace cc
