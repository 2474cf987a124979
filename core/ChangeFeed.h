#pragma once

#include "core/Caller.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/Result.h"

#include <QDateTime>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

#include <optional>

namespace cc {

// What changed, as the change feed names it (the API's event stream uses the same names).
enum class ChangeKind
{
    RecordCreated,           // "record.created"
    RecordUpdated,           // "record.updated"
    RecordDeleted,           // "record.deleted"
    PeerMentorStatusChanged, // "peer_mentor.status_changed": a record came or went
    PeerMentorChanged,       // "peer_mentor.changed": name, contact, coordinator, active or not
    CoordinatorChanged,      // "coordinator.changed"
    TemplateUpdated,         // "template.updated": saved, restored, reset or deleted
    UserChanged,             // "user.changed": created, role, password, disabled
    TokenRevoked,            // "token.revoked": an API token or a device is no longer valid
};
QString changeKindName(ChangeKind kind);
std::optional<ChangeKind> changeKindFromName(const QString &name);

// One row of the change feed.
struct Change
{
    qint64 seq = 0; // monotonic; the order in which the changes were committed
    ChangeKind kind = ChangeKind::RecordCreated;
    QString orgId; // empty: everyone's (the built-in templates)
    QString entityId;
    QDateTime at;
    QString origin; // Database::origin() of the program that wrote it

    // True when `caller` may hear of it: never another organisation's change.
    bool visibleTo(const Caller &caller) const;
};

// Appends a change inside the caller's open transaction (it must be one), so the change and its
// row are stored together or not at all; on PostgreSQL the same transaction sends NOTIFY. Every
// ChangeFeed of this program is woken once it has committed.
Status appendChange(Database &db, const Clock &clock, ChangeKind kind, const QString &orgId,
                    const QString &entityId);

// The change feed: what every process writing to this database changed, in commit order, to
// whoever listens. It follows from the newest change at start(): PostgreSQL wakes it at once
// (LISTEN on a connection of its own), SQLite within the poll interval (PRAGMA data_version
// changes when another connection commits), and this program's own commits wake it at once.
// Lives on one thread (it uses that thread's connections); emits changed() for every new row.
class ChangeFeed : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultPollMs = 500;
    static constexpr int kKeptDays = 7;

    explicit ChangeFeed(Database &db, QObject *parent = nullptr);
    ~ChangeFeed() override;

    // Starts following after the newest change stored now. On SQLite it polls every `pollMs`; on
    // PostgreSQL a slower poll backs up the notifications.
    Status start(int pollMs = kDefaultPollMs);
    void stop();
    bool isRunning() const { return m_running; }
    // The sequence number of the last change delivered.
    qint64 position() const { return m_position; }

    // Reads what is new now, without waiting for the next wake (tests, and a listener that has
    // just written).
    void poll();

    // The kept changes after `after` that `caller` may see, oldest first, at most `limit`.
    static Result<QList<Change>> after(Database &db, const Caller &caller, qint64 after, int limit);
    // The number of the newest change stored (0 when none ever was).
    static Result<qint64> newest(Database &db);
    // The number before the oldest change still kept: a listener that last saw an older number
    // has missed changes that are gone, and must reload.
    static Result<qint64> horizon(Database &db);
    // Deletes the changes up to the newest one older than `cutoff` (a prefix of the numbers, so
    // horizon() stays exact), never the newest one (its number must survive).
    static Result<int> prune(Database &db, const QDateTime &cutoff);
    // A number that grows with every change `caller` may hear of (their organisation's, and
    // everyone's) and otherwise stays, so that an answer built after reading it is at least that
    // new: the validator of the API's lists (If-None-Match). One row read (change_versions, kept
    // by appendChange); pruning leaves it as it is.
    static Result<qint64> versionFor(Database &db, const Caller &caller);
    // versionFor() as a subquery, for the statement that builds an answer to read along with it
    // (RecordRepository::list): one round trip instead of two, and the number and the answer from
    // one snapshot, so the answer is exactly as new as the number says.
    static ScalarRead versionRead(const Caller &caller);

signals:
    // Each change after position(), in order, whoever made it (see Change::origin).
    void changed(const cc::Change &change);

private:
    void wakeSoon();
    bool dataVersionChanged();

    Database &m_db;
    bool m_running = false;
    qint64 m_position = 0;
    QTimer m_poll;
    QString m_connectionName;
    QSqlDatabase m_listener; // PostgreSQL: LISTEN; SQLite: PRAGMA data_version
    qint64 m_dataVersion = -1;
    int m_commitListener = 0;
    bool m_wakePending = false;
};

} // namespace cc

Q_DECLARE_METATYPE(cc::Change)
