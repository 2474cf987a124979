#pragma once

#include "core/AuditLog.h"
#include "core/Caller.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/Directory.h"
#include "core/DirectoryRepository.h"
#include "core/Permissions.h"
#include "core/PersonalDataRepository.h"
#include "core/RecordRepository.h"
#include "core/Records.h"
#include "core/TemplateRepository.h"
#include "core/Templates.h"

#include <QJsonObject>

namespace cc {

class DirectoryService;
class NotificationRecordService;

// Everything stored about one peer mentor (GDPR Art. 15, the right of access), as it was when
// PersonalDataService::exportMentor() read it.
struct PersonalDataExport
{
    QDateTime madeAt;
    QString madeBy; // the username of who exported it
    PeerMentor mentor;
    Organisation organisation;
    QString coordinatorName; // empty when she has no coordinator
    PauseStatus status = PauseStatus::Active;
    QDateTime pauseStartDate;          // when paused
    QList<NotificationRecord> records; // every one, oldest first (by sent_at)
    QList<BuiltPayload> payloads;      // built for her id, or for her name in her organisation
    QList<AuditEntry> audit;           // about her and her records, this export's own entry too

    // The export as a JSON document's object (its keys are the API's field names where it has them).
    QJsonObject toJson() const;
};

// What an erasure changed (counts, never the erased values).
struct ErasureReport
{
    QString peerMentorId;
    QString anonymousName; // her name from now on
    int records = 0;       // her records, whose reason, notes and dispatch ids were cleared
    int payloads = 0;      // built payloads that named her, overwritten
    int otherTexts = 0;    // audit details, other records' and payloads' texts, stored API answers
    // SQLite: the file was rewritten and its write-ahead log emptied, so no erased byte is left
    // in it. False with `compactionError` when that failed (the data are erased all the same; the
    // bytes go with the next VACUUM), and after eraseByRule(). True on PostgreSQL after
    // eraseMentor() (see there).
    bool compacted = false;
    QString compactionError;
};

// A peer mentor's rights to her personal data: access (an export of everything stored about her)
// and erasure. Both are Action::ExportPersonalData / Action::ErasePersonalData: an org admin for
// her own organisation's mentors, a global admin for any; another organisation's mentor is
// NotFound, like one that does not exist. Each is one transaction with its audit entry
// ("peer_mentor.export", "peer_mentor.erase"), whose detail holds counts, never personal data.
// Thread-safe like every service; cheap to make where needed.
class PersonalDataService
{
public:
    // `directory` and `records` are told of an erasure (directoryChanged, recordChanged), so
    // what shows her refreshes like after any other change of a mentor.
    PersonalDataService(Database &db, const Clock &clock, DirectoryService &directory,
                        NotificationRecordService &records);

    Result<PersonalDataExport> exportMentor(const Caller &caller, const QString &peerMentorId);

    // Erases her personal data for good, in one transaction: her name becomes an anonymous one
    // (anonymousNamePrefix() and a random suffix), her email and phone go; her records lose their
    // reason, notes and dispatch ids; built payloads that name her lose their texts and her name;
    // her name, email and phone are replaced wherever else they were written (audit details,
    // other records' reasons and notes and payloads of her organisation, the stored answers of
    // Idempotency-Keys). She is deactivated. What stays is her id, organisation, coordinator,
    // dates, and her records' ids, event types, dates, coordinator and channels: statistics and
    // the activity report count her days as before. Audit entries are never deleted; only the
    // personal strings inside them are replaced.
    //
    // `confirmation` must be her current name as it is shown (surrounding spaces aside), else
    // Invalid with field "confirmation" and nothing changes. Erasing her again is a Conflict.
    //
    // On SQLite the change is written with secure_delete on (what it overwrites becomes zeros),
    // then the file is rewritten (VACUUM) and its write-ahead log emptied, so the file keeps no
    // erased byte, not even in free pages; this takes as long as copying the database. On
    // PostgreSQL old row versions stay in the data files until autovacuum reuses their space
    // (VACUUM FULL of the tables removes them at once). Backups made before keep her data.
    Result<ErasureReport> eraseMentor(const Caller &caller, const QString &peerMentorId,
                                      const QString &confirmation);
    // The same erasure by a rule of her organisation (RetentionService): no typed confirmation,
    // and no compaction (the caller compacts once after many: Database::compact()); `rule` goes
    // into the audit entry's detail.
    Result<ErasureReport> eraseByRule(const Caller &caller, const QString &peerMentorId, const QString &rule);

    // "Erased peer mentor": the start of every erased mentor's name.
    static QString anonymousNamePrefix();
    // True when `confirmation` confirms the erasure of `mentor` (what the console's dialog asks).
    static bool confirms(const PeerMentor &mentor, const QString &confirmation);

private:
    // The mentor `caller` may act on for `action`: Forbidden for the role, NotFound when she is not
    // there for the caller.
    Result<PeerMentor> mentorFor(const Caller &caller, const QString &peerMentorId, Action action);
    // eraseMentor() without the compaction; `confirmation` none: by `rule`.
    Result<ErasureReport> erase(const Caller &caller, const QString &peerMentorId,
                                const std::optional<QString> &confirmation, const QString &rule);

    Database &m_db;
    const Clock &m_clock;
    DirectoryService &m_directoryService;
    NotificationRecordService &m_recordService;
    DirectoryRepository m_directory;
    RecordRepository m_records;
    TemplateRepository m_templates;
    PersonalDataRepository m_personal;
    AuditLog m_audit;
};

} // namespace cc
