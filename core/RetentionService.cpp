#include "core/RetentionService.h"

#include "core/AuditLog.h"
#include "core/ChangeFeed.h"
#include "core/Fields.h"
#include "core/Logging.h"
#include "core/NotificationRecordService.h"
#include "core/Permissions.h"
#include "core/PersonalDataService.h"

namespace cc {

namespace {

inline constexpr QLatin1StringView kMonthsField{"erase_inactive_after_months"};
inline constexpr QLatin1StringView kYearsField{"delete_records_after_years"};

// "erase after 24 months, delete after 10 years": a rule as the audit log tells it.
QString describe(const RetentionPolicy &policy)
{
    if (policy.isOff())
        return QStringLiteral("off");
    QStringList parts;
    if (policy.eraseInactiveAfterMonths)
        parts
            << QStringLiteral("erase inactive mentors after %1 months").arg(*policy.eraseInactiveAfterMonths);
    if (policy.deleteRecordsAfterYears)
        parts << QStringLiteral("delete records after %1 years").arg(*policy.deleteRecordsAfterYears);
    return parts.join(QStringLiteral("; "));
}

} // namespace

RetentionService::RetentionService(Database &db, const Clock &clock, DirectoryService &directory,
                                   NotificationRecordService &records)
    : m_db(db)
    , m_clock(clock)
    , m_directoryService(directory)
    , m_recordService(records)
    , m_directory(db)
    , m_personal(db)
{}

Status RetentionService::requireFor(const Caller &caller, const QString &orgId)
{
    if (auto s = require(caller, Action::ManageRetention); !s)
        return s;
    auto org = m_directory.organisation(orgId);
    if (!org)
        return org.error();
    if (!org->has_value() || !caller.canSee(orgId))
        return Error::field(ErrorCode::NotFound, field::OrgId,
                            QStringLiteral("No organisation with id “%1”.").arg(orgId));
    return {};
}

Result<RetentionPolicy> RetentionService::policy(const Caller &caller, const QString &orgId)
{
    if (auto s = requireFor(caller, orgId); !s)
        return s.error();
    auto stored = m_personal.retention(orgId);
    if (!stored)
        return stored.error();
    return stored->value_or(RetentionPolicy{});
}

Status RetentionService::setPolicy(const Caller &caller, const QString &orgId, const RetentionPolicy &policy)
{
    if (auto s = requireFor(caller, orgId); !s)
        return s;
    if (policy.eraseInactiveAfterMonths
        && (*policy.eraseInactiveAfterMonths < 1 || *policy.eraseInactiveAfterMonths > kMaxMonths))
        return Error::field(ErrorCode::Invalid, kMonthsField,
                            QStringLiteral("Erase after 1 to %1 months, or not at all.").arg(kMaxMonths));
    if (policy.deleteRecordsAfterYears
        && (*policy.deleteRecordsAfterYears < 1 || *policy.deleteRecordsAfterYears > kMaxYears))
        return Error::field(ErrorCode::Invalid, kYearsField,
                            QStringLiteral("Delete after 1 to %1 years, or not at all.").arg(kMaxYears));
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    auto before = m_personal.retention(orgId);
    if (!before)
        return before.error();
    if (before->value_or(RetentionPolicy{}) == policy)
        return {};
    if (auto s = m_personal.setRetention(orgId, policy); !s)
        return s;
    AuditLog audit(m_db, m_clock);
    if (auto s = audit.write(caller, orgId, QStringLiteral("organisation.retention"),
                             QStringLiteral("organisation"), orgId, describe(policy));
        !s)
        return s;
    return tx.commit();
}

Result<RetentionOutcome> RetentionService::preview(const Caller &caller, const QString &orgId,
                                                   const RetentionPolicy &policy)
{
    if (auto s = requireFor(caller, orgId); !s)
        return s.error();
    const QDateTime now = m_clock.now();
    RetentionOutcome out;
    Transaction snapshot(m_db, Transaction::Mode::Read);
    if (!snapshot.begun())
        return snapshot.begun().error();
    if (policy.eraseInactiveAfterMonths) {
        auto due = m_personal.mentorsLeftBefore(orgId, now.addMonths(-*policy.eraseInactiveAfterMonths));
        if (!due)
            return due.error();
        out.mentors = int(due->size());
    }
    if (policy.deleteRecordsAfterYears) {
        const QDateTime cutoff = now.addYears(-*policy.deleteRecordsAfterYears);
        auto records = m_personal.countOldRecords(orgId, cutoff);
        if (!records)
            return records.error();
        auto payloads = m_personal.countOldPayloads(orgId, cutoff);
        if (!payloads)
            return payloads.error();
        out.records = *records;
        out.payloads = *payloads;
    }
    if (auto s = snapshot.commit(); !s)
        return s.error();
    return out;
}

Result<RetentionOutcome> RetentionService::apply(const Caller &caller, const QString &orgId)
{
    auto stored = policy(caller, orgId);
    if (!stored)
        return stored.error();
    auto done = applyPolicy(caller, orgId, *stored);
    if (done && !done->isEmpty())
        if (auto s = m_db.compact(); !s)
            qCWarning(lcDb) << "after applying the retention rules:" << s.error().message;
    return done;
}

Result<RetentionOutcome> RetentionService::applyPolicy(const Caller &caller, const QString &orgId,
                                                       const RetentionPolicy &policy)
{
    RetentionOutcome out;
    if (policy.isOff())
        return out;
    const QDateTime now = m_clock.now();
    if (policy.eraseInactiveAfterMonths) {
        auto due = m_personal.mentorsLeftBefore(orgId, now.addMonths(-*policy.eraseInactiveAfterMonths));
        if (!due)
            return due.error();
        PersonalDataService personal(m_db, m_clock, m_directoryService, m_recordService);
        for (const QString &id : std::as_const(*due)) {
            auto erased = personal.eraseByRule(
                caller, id,
                QStringLiteral("inactive for more than %1 months").arg(*policy.eraseInactiveAfterMonths));
            if (!erased)
                return erased.error();
            ++out.mentors;
        }
    }
    if (policy.deleteRecordsAfterYears) {
        const QDateTime cutoff = now.addYears(-*policy.deleteRecordsAfterYears);
        Transaction tx(m_db);
        if (!tx.begun())
            return tx.begun().error();
        auto deleted = m_personal.deleteOldRecords(orgId, cutoff);
        if (!deleted)
            return deleted.error();
        auto payloads = m_personal.deleteOldPayloads(orgId, cutoff);
        if (!payloads)
            return payloads.error();
        out.records = deleted->size();
        out.payloads = *payloads;
        if (out.records > 0 || out.payloads > 0) {
            AuditLog audit(m_db, m_clock);
            if (auto s = audit.write(caller, orgId, QStringLiteral("organisation.retention_delete"),
                                     QStringLiteral("organisation"), orgId,
                                     QStringLiteral("%1 records, %2 payloads older than %3 years")
                                         .arg(out.records)
                                         .arg(out.payloads)
                                         .arg(*policy.deleteRecordsAfterYears));
                !s)
                return s.error();
            for (const QString &id : std::as_const(*deleted))
                if (auto s = appendChange(m_db, m_clock, ChangeKind::RecordDeleted, orgId, id); !s)
                    return s.error();
            // The pages that list them drop them, as after any deletion.
            m_db.afterCommit([records = &m_recordService, ids = *deleted, orgId] {
                for (const QString &id : ids)
                    emit records->recordDeleted(id, orgId);
            });
        }
        if (auto s = tx.commit(); !s)
            return s.error();
    }
    return out;
}

Result<RetentionOutcome> RetentionService::applyAll(const Caller &caller)
{
    if (auto s = require(caller, Action::ManageRetention); !s)
        return s.error();
    auto orgs = m_personal.organisationsWithRetention();
    if (!orgs)
        return orgs.error();
    RetentionOutcome all;
    for (const QString &orgId : std::as_const(*orgs)) {
        if (!caller.canSee(orgId))
            continue;
        auto stored = m_personal.retention(orgId);
        if (!stored)
            return stored.error();
        auto done = applyPolicy(caller, orgId, stored->value_or(RetentionPolicy{}));
        if (!done)
            return done.error();
        all.mentors += done->mentors;
        all.records += done->records;
        all.payloads += done->payloads;
    }
    if (!all.isEmpty())
        if (auto s = m_db.compact(); !s)
            qCWarning(lcDb) << "after applying the retention rules:" << s.error().message;
    return all;
}

} // namespace cc
