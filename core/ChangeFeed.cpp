#include "core/ChangeFeed.h"

#include "core/Logging.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <array>
#include <utility>

namespace cc {

namespace {

const QString kChannel = QStringLiteral("cc_changes");
constexpr int kReadBatch = 500;
// PostgreSQL notifications wake the feed at once; this poll only backs them up (a connection
// that was lost and came back, say).
constexpr int kPostgresBackupPollMs = 5000;

constexpr std::array<std::pair<ChangeKind, const char *>, 9> kNames{{
    {ChangeKind::RecordCreated, "record.created"},
    {ChangeKind::RecordUpdated, "record.updated"},
    {ChangeKind::RecordDeleted, "record.deleted"},
    {ChangeKind::PeerMentorStatusChanged, "peer_mentor.status_changed"},
    {ChangeKind::PeerMentorChanged, "peer_mentor.changed"},
    {ChangeKind::CoordinatorChanged, "coordinator.changed"},
    {ChangeKind::TemplateUpdated, "template.updated"},
    {ChangeKind::UserChanged, "user.changed"},
    {ChangeKind::TokenRevoked, "token.revoked"},
}};

const QString kColumns = QStringLiteral("seq, kind, org_id, entity_id, at, origin");

std::optional<Change> changeFrom(const QVariant &seq, const QVariant &kind, const QVariant &org,
                                 const QVariant &entity, const QVariant &at, const QVariant &origin)
{
    const auto parsedKind = changeKindFromName(kind.toString());
    if (!parsedKind)
        return std::nullopt; // written by a newer program: not ours to interpret
    Change c;
    c.seq = seq.toLongLong();
    c.kind = *parsedKind;
    c.orgId = org.toString();
    c.entityId = entity.toString();
    c.at = timeFrom(at);
    c.origin = origin.toString();
    return c;
}

// A change after which a token may stand for someone else or for no one (Database::identityChanged).
bool changesIdentity(ChangeKind kind)
{
    return kind == ChangeKind::UserChanged || kind == ChangeKind::TokenRevoked;
}

} // namespace

QString changeKindName(ChangeKind kind)
{
    for (const auto &[k, name] : kNames)
        if (k == kind)
            return QString::fromLatin1(name);
    return {};
}

std::optional<ChangeKind> changeKindFromName(const QString &name)
{
    for (const auto &[k, text] : kNames)
        if (name == QLatin1String(text))
            return k;
    return std::nullopt;
}

bool Change::visibleTo(const Caller &caller) const
{
    return orgId.isEmpty() || caller.canSee(orgId);
}

namespace {
// The organisation's row of change_versions (migration 10) moves to `seq`; a change of everyone's
// moves every row. Inside appendChange's transaction, after the counter: rows move in number order.
Status keepVersion(Database &db, const QString &orgId, qint64 seq)
{
    if (!orgId.isEmpty()) {
        Query own(db,
                  QStringLiteral("INSERT INTO change_versions (org_id, seq) VALUES (:org, :seq) "
                                 "ON CONFLICT (org_id) DO UPDATE SET seq = excluded.seq"));
        own.bind(QStringLiteral(":org"), orgId).bind(QStringLiteral(":seq"), seq);
        return own.exec();
    }
    Query every(db, QStringLiteral("UPDATE change_versions SET seq = :seq"));
    every.bind(QStringLiteral(":seq"), seq);
    if (auto s = every.exec(); !s)
        return s;
    Query everyone(db,
                   QStringLiteral("INSERT INTO change_versions (org_id, seq) VALUES ('', :seq) "
                                  "ON CONFLICT (org_id) DO NOTHING"));
    everyone.bind(QStringLiteral(":seq"), seq);
    return everyone.exec();
}
} // namespace

Status appendChange(Database &db, const Clock &clock, ChangeKind kind, const QString &orgId,
                    const QString &entityId)
{
    // The counter's row stays locked until this transaction ends, so numbers follow commit order.
    Query next(db,
               QStringLiteral("UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value"));
    if (auto s = next.exec(); !s)
        return s;
    if (!next.next())
        return Error::storage(QStringLiteral("The change counter of the database is missing."));
    const qint64 seq = next.value(0).toLongLong();
    Query insert(db,
                 QStringLiteral("INSERT INTO changes (seq, kind, org_id, entity_id, at, origin) "
                                "VALUES (:seq, :kind, :org, :entity, :at, :origin)"));
    insert.bind(QStringLiteral(":seq"), seq)
        .bind(QStringLiteral(":kind"), changeKindName(kind))
        .bind(QStringLiteral(":org"), nullable(orgId.isEmpty() ? QString() : orgId))
        .bind(QStringLiteral(":entity"), entityId)
        .bind(QStringLiteral(":at"), timeValue(clock.now()))
        .bind(QStringLiteral(":origin"), db.origin());
    if (auto s = insert.exec(); !s)
        return s;
    if (auto s = keepVersion(db, orgId, seq); !s)
        return s;
    if (!db.isSqlite()) {
        // Delivered when the transaction commits; several in one transaction arrive as one.
        Query notify(db, QStringLiteral("SELECT pg_notify('cc_changes', '')"));
        if (auto s = notify.exec(); !s)
            return s;
    }
    db.wakeListenersAfterCommit();
    if (changesIdentity(kind))
        db.afterCommit([&db] { db.identityChanged(); });
    return {};
}

ChangeFeed::ChangeFeed(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    qRegisterMetaType<cc::Change>();
    m_poll.setParent(this);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (m_db.isSqlite() && !dataVersionChanged())
            return;
        poll();
    });
}

ChangeFeed::~ChangeFeed()
{
    stop();
}

Status ChangeFeed::start(int pollMs)
{
    if (m_running)
        return {};
    auto newestNow = newest(m_db);
    if (!newestNow)
        return newestNow.error();
    m_position = *newestNow;

    auto listener = m_db.openDedicated(QStringLiteral("changes"));
    if (!listener)
        return listener.error();
    m_listener = *listener;
    m_connectionName = m_listener.connectionName();
    if (m_db.isSqlite()) {
        m_dataVersion = -1;
        dataVersionChanged(); // the starting value
        m_poll.start(qMax(10, pollMs));
    } else {
        QSqlDriver *driver = m_listener.driver();
        if (!driver->subscribeToNotification(kChannel)) {
            qCWarning(lcDb) << "LISTEN failed:" << driver->lastError().text();
            m_db.closeDedicated(m_connectionName);
            m_listener = {};
            return Error::storage(
                QStringLiteral("The database does not let this program listen for changes."));
        }
        connect(driver, &QSqlDriver::notification, this, [this] { wakeSoon(); });
        m_poll.start(qMax(pollMs, kPostgresBackupPollMs));
    }
    // This program's own commits wake the feed at once, from whichever thread committed.
    m_commitListener = m_db.addCommitListener(
        [this] { QMetaObject::invokeMethod(this, &ChangeFeed::wakeSoon, Qt::QueuedConnection); });
    m_running = true;
    return {};
}

void ChangeFeed::stop()
{
    if (m_commitListener) {
        m_db.removeCommitListener(m_commitListener); // waits for a wake in progress
        m_commitListener = 0;
    }
    m_poll.stop();
    if (!m_connectionName.isEmpty()) {
        if (!m_db.isSqlite() && m_listener.isOpen())
            m_listener.driver()->unsubscribeFromNotification(kChannel);
        m_listener = {};
        m_db.closeDedicated(m_connectionName);
        m_connectionName.clear();
    }
    m_running = false;
}

void ChangeFeed::wakeSoon()
{
    // A burst of commits and notifications is read once, on the next turn of the event loop.
    if (m_wakePending || !m_running)
        return;
    m_wakePending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_wakePending = false;
            poll();
        },
        Qt::QueuedConnection);
}

bool ChangeFeed::dataVersionChanged()
{
    QSqlQuery query(m_listener);
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return true; // cannot tell: read
    const qint64 version = query.value(0).toLongLong();
    const bool changed = version != m_dataVersion;
    m_dataVersion = version;
    return changed;
}

void ChangeFeed::poll()
{
    if (!m_running)
        return;
    for (;;) {
        // The feed's own connection: never inside a transaction some caller on this thread has
        // open, so it sees what is committed now.
        QSqlQuery query(m_listener);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT %1 FROM changes WHERE seq > ? ORDER BY seq LIMIT %2")
                          .arg(kColumns)
                          .arg(kReadBatch));
        query.addBindValue(m_position);
        if (!query.exec()) {
            qCWarning(lcDb) << "reading the change feed failed:" << query.lastError().nativeErrorCode();
            return;
        }
        int rows = 0;
        QList<Change> batch;
        while (query.next()) {
            ++rows;
            const qint64 seq = query.value(0).toLongLong();
            if (auto c = changeFrom(query.value(0), query.value(1), query.value(2), query.value(3),
                                    query.value(4), query.value(5)))
                batch.append(std::move(*c));
            m_position = qMax(m_position, seq);
        }
        query.finish();
        for (const Change &c : std::as_const(batch)) {
            // Counted before anyone hears of it: the token caches are emptied first. This
            // program's own changes are counted at their commit too, but that may come after this
            // (PostgreSQL's notification can overtake the committing thread's count).
            if (changesIdentity(c.kind))
                m_db.identityChanged();
            emit changed(c);
            if (!m_running)
                return;
        }
        if (rows < kReadBatch)
            return;
    }
}

Result<QList<Change>> ChangeFeed::after(Database &db, const Caller &caller, qint64 after, int limit)
{
    const bool everyone = caller.isGlobalAdmin();
    Query q(
        db,
        QStringLiteral("SELECT %1 FROM changes WHERE seq > :after%2 ORDER BY seq LIMIT %3")
            .arg(kColumns, everyone ? QString() : QStringLiteral(" AND (org_id = :org OR org_id IS NULL)"))
            .arg(qBound(1, limit, 10000)));
    q.bind(QStringLiteral(":after"), after);
    if (!everyone)
        q.bind(QStringLiteral(":org"), caller.orgId);
    if (auto s = q.exec(); !s)
        return s.error();
    QList<Change> out;
    while (q.next()) {
        if (auto c = changeFrom(q.value(0), q.value(1), q.value(2), q.value(3), q.value(4), q.value(5)))
            out.append(std::move(*c));
    }
    return out;
}

namespace {
// The number of the newest change stored, 0 when none ever was: newest(), and a global admin's
// versionRead().
QString newestNumberSql()
{
    return QStringLiteral("(SELECT COALESCE(MAX(value), 0) FROM change_counter WHERE id = 1)");
}
} // namespace

Result<qint64> ChangeFeed::newest(Database &db)
{
    Query q(db, QStringLiteral("SELECT ") + newestNumberSql());
    if (auto s = q.exec(); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

Result<qint64> ChangeFeed::horizon(Database &db)
{
    Query q(db, QStringLiteral("SELECT MIN(seq) FROM changes"));
    if (auto s = q.exec(); !s)
        return s.error();
    if (q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong() - 1;
    return newest(db); // none kept: everything up to the newest number is gone
}

ScalarRead ChangeFeed::versionRead(const Caller &caller)
{
    if (caller.isGlobalAdmin()) // every change counts
        return {newestNumberSql(), {}, {}};
    // The organisation's kept number (appendChange), which a change of everyone's moves too; an
    // organisation that never changed anything has everyone's.
    return {QStringLiteral("(COALESCE((SELECT seq FROM change_versions WHERE org_id = :version_org), "
                           "(SELECT seq FROM change_versions WHERE org_id = ''), 0))"),
            {{QStringLiteral(":version_org"), caller.orgId}},
            {}};
}

Result<qint64> ChangeFeed::versionFor(Database &db, const Caller &caller)
{
    const ScalarRead read = versionRead(caller);
    Query q(db, QStringLiteral("SELECT ") + read.sql);
    read.bindTo(q);
    if (auto s = q.exec(); !s)
        return s.error();
    return q.next() && !q.value(0).isNull() ? q.value(0).toLongLong() : qint64(0);
}

Result<int> ChangeFeed::prune(Database &db, const QDateTime &cutoff)
{
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun().error();
    // A prefix of the numbers, up to the newest change older than the cutoff: `at` is the
    // writer's clock, which several writers need not agree on, and a gap left in the middle
    // would make horizon() claim too little was lost.
    Query q(
        db,
        QStringLiteral("DELETE FROM changes WHERE seq <= (SELECT MAX(seq) FROM changes WHERE at < :cutoff) "
                       "AND seq < (SELECT MAX(seq) FROM changes)"));
    q.bind(QStringLiteral(":cutoff"), timeValue(cutoff));
    if (auto s = q.exec(); !s)
        return s.error();
    const int deleted = q.numRowsAffected();
    if (auto s = tx.commit(); !s)
        return s.error();
    return deleted;
}

} // namespace cc
