#pragma once

#include "core/AuditLog.h"
#include "core/Caller.h"
#include "core/ChangeFeed.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/Defaults.h"
#include "core/DirectoryRepository.h"
#include "core/RecordRepository.h"
#include "core/Records.h"

#include <QHash>
#include <QObject>

namespace cc {

// Records that a notification was sent for a peer mentor's pause event; lists, changes and
// deletes them; derives a mentor's current status. Enforces the role table and organisation
// isolation: another organisation's ids answer NotFound, exactly like ids that do not exist.
// Thread-safe: every call uses the calling thread's database connection.
class NotificationRecordService : public QObject
{
    Q_OBJECT
public:
    NotificationRecordService(Database &db, const Clock &clock, QObject *parent = nullptr);

    static constexpr int kMaxReason = kMaxReasonLength;
    static constexpr int kMaxNotes = 2000;
    static constexpr int kMaxDispatchIds = 20;
    static constexpr int kMaxDispatchIdLength = 128;
    static constexpr int kMaxPageLimit = 100;

    Result<NotificationRecord> record(const Caller &caller, const NewRecord &input);
    Result<NotificationRecord> get(const Caller &caller, const QString &id);
    // `columns`: RecordColumns::Summary for what a list item shows (the API's list). `along`,
    // when given, is read by the page's statement (RecordRepository::list).
    Result<Page<NotificationRecord>> list(const Caller &caller, const RecordFilter &filter,
                                          const PageRequest &page, RecordColumns columns = RecordColumns::All,
                                          ScalarRead *along = nullptr);
    // A window of the list for the console's models: no page arithmetic, and no count unless
    // `total` asks for it (read by the window's own statement).
    Result<QList<NotificationRecord>> window(const Caller &caller, const RecordFilter &filter, int offset,
                                             int limit, RecordColumns columns = RecordColumns::All,
                                             qint64 *total = nullptr, ScalarRead *along = nullptr);
    // The same list in keyset pages: up to `limit` records that come after `after` in `order`
    // (from the first without it). A page deep down costs what the first does: the console's
    // models scroll through a million records with it.
    Result<QList<NotificationRecord>> windowAfter(const Caller &caller, const RecordFilter &filter,
                                                  const std::optional<RecordKey> &after, int limit,
                                                  RecordOrder order = RecordOrder::NewestFirst);
    Result<qint64> count(const Caller &caller, const RecordFilter &filter);
    // `expectedEtag`, when given, must match the record's current etag (If-Match).
    Result<NotificationRecord> update(const Caller &caller, const QString &id, const RecordUpdate &change,
                                      const QString &expectedEtag = {});
    Result<Deleted> remove(const Caller &caller, const QString &id);
    Result<PeerMentorProfile> profile(const Caller &caller, const QString &peerMentorId);
    // Every event of the mentor (the console's history and its export) …
    Result<History> history(const Caller &caller, const QString &peerMentorId);
    // … or one page of them (the API): limit 1 to kMaxPageLimit; a deep page costs what the
    // first does.
    Result<History> history(const Caller &caller, const QString &peerMentorId, const PageRequest &page);
    static constexpr int kHistoryPageLimit = 100; // the API's default page
    // profile() of every mentor the caller sees, by mentor id, in one query (the console's list of
    // mentors). `orgId` narrows a global admin's view; others always get their own organisation.
    Result<QHash<QString, PeerMentorProfile>> profiles(const Caller &caller, const QString &orgId = {});
    // One page of the mentors `query` selects (DirectoryService::peerMentors' rules: scope by
    // caller.scopeOrg(query.orgId), search, coordinator, activity), each with her current status
    // and deactivated_at; with `status`, only those whose current status it is. By name, then id;
    // `total` counts every mentor that matches. Two queries in one read transaction, however many
    // mentors there are.
    Result<Page<PeerMentorProfile>> mentorProfiles(const Caller &caller, const MentorQuery &query,
                                                   std::optional<PauseStatus> status,
                                                   const PageRequest &page);

    static constexpr int kMaxWindow = 10000;

    static QString etag(const NotificationRecord &record);
    // The key of `record` for windowAfter().
    static RecordKey keyOf(const NotificationRecord &record);
    static Status validateChannels(const QStringList &channels, const QString &field);
    static Status validatePage(const PageRequest &page);

signals:
    void recordAdded(const cc::NotificationRecord &record);
    void recordChanged(const cc::NotificationRecord &record);
    void recordDeleted(const QString &id, const QString &orgId);

public:
    // Appends the change of `record` to the change feed, and its mentor's status change when a
    // record came or went; inside the caller's transaction. (PersonalDataService and
    // RetentionService change records too.)
    Status appendRecordChanges(ChangeKind kind, const NotificationRecord &record);

private:
    static Status validateFilter(const RecordFilter &filter);
    // The mentor, when the caller may see it; NotFound otherwise.
    Result<PeerMentor> visibleMentor(const Caller &caller, const QString &id, const QString &field = {});
    // `forUpdate`: inside a write transaction, lock the record until it ends.
    Result<NotificationRecord> visibleRecord(const Caller &caller, const QString &id, bool forUpdate = false);

    Database &m_db;
    const Clock &m_clock;
    DirectoryRepository m_directory;
    RecordRepository m_records;
    AuditLog m_audit;
};

} // namespace cc
