#pragma once

#include "core/Caller.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/DirectoryRepository.h"
#include "core/PersonalDataRepository.h"

#include <optional>

namespace cc {

class DirectoryService;
class NotificationRecordService;

// What a policy does at one moment: what it would do now (a preview), or what it did.
struct RetentionOutcome
{
    int mentors = 0;     // whose personal data are (or would be) erased
    qint64 records = 0;  // notification records deleted
    qint64 payloads = 0; // built payloads deleted
    bool isEmpty() const { return mentors == 0 && records == 0 && payloads == 0; }
};

// An organisation's retention rules (Action::ManageRetention: its org admins, global admins) and
// their application, which the API server's housekeeping runs hourly (applyAll()). Erasing a
// mentor is PersonalDataService's erasure, without a typed confirmation: the rule is the
// confirmation. A record is deleted when it was sent longer ago than the rule says, except a
// mentor's pause that is still going on (its record says she is paused); built payloads when they
// were built longer ago. Record counts are kept right; the audit log keeps every entry and gets one
// for the change of a rule and one for each application that did something (counts only).
class RetentionService
{
public:
    RetentionService(Database &db, const Clock &clock, DirectoryService &directory,
                     NotificationRecordService &records);

    static constexpr int kMaxMonths = 1200;
    static constexpr int kMaxYears = 100;

    Result<RetentionPolicy> policy(const Caller &caller, const QString &orgId);
    // Invalid (field erase_inactive_after_months or delete_records_after_years) for a number out
    // of range; audited as "organisation.retention".
    Status setPolicy(const Caller &caller, const QString &orgId, const RetentionPolicy &policy);
    // What `policy` would do in organisation `orgId` now (before it is switched on); writes nothing.
    Result<RetentionOutcome> preview(const Caller &caller, const QString &orgId,
                                     const RetentionPolicy &policy);
    // Applies the organisation's stored policy now; what it did.
    Result<RetentionOutcome> apply(const Caller &caller, const QString &orgId);
    // Applies the stored policy of every organisation the caller may manage (the housekeeping runs
    // it as Caller::system()); on SQLite the file is rewritten once afterwards when anything was
    // erased or deleted (see PersonalDataService::eraseMentor()).
    Result<RetentionOutcome> applyAll(const Caller &caller);

private:
    Status requireFor(const Caller &caller, const QString &orgId);
    Result<RetentionOutcome> applyPolicy(const Caller &caller, const QString &orgId,
                                         const RetentionPolicy &policy);

    Database &m_db;
    const Clock &m_clock;
    DirectoryService &m_directoryService;
    NotificationRecordService &m_recordService;
    DirectoryRepository m_directory;
    PersonalDataRepository m_personal;
};

} // namespace cc
