#pragma once

#include "core/AuditLog.h"
#include "core/Database.h"

#include <QStringList>
#include <QVariantList>

#include <optional>

namespace cc {

// How long an organisation keeps personal data: each rule off (empty) unless it is set
// (RetentionService applies them).
struct RetentionPolicy
{
    // Erase the personal data of peer mentors who left more than this many months ago.
    std::optional<int> eraseInactiveAfterMonths;
    // Delete notification records and built payloads sent or built more than this many years ago.
    std::optional<int> deleteRecordsAfterYears;

    bool isOff() const { return !eraseInactiveAfterMonths && !deleteRecordsAfterYears; }
    bool operator==(const RetentionPolicy &) const = default;
};

// The SQL of a peer mentor's personal-data requests (GDPR Art. 15 and 17) that no other repository
// owns: the audit entries about her, and overwriting her personal data wherever it is stored.
class PersonalDataRepository
{
public:
    explicit PersonalDataRepository(Database &db)
        : m_db(db)
    {}

    // The audit entries about peer mentor `peerMentorId` and about her records, also those deleted
    // since (their entry names her id). Oldest first.
    Result<QList<AuditEntry>> auditAbout(const QString &peerMentorId);

    // Her row: `anonymousName` for her name, no email or phone, deactivated (at `at`, unless she
    // left before) and erased at `at`. Her id, organisation, coordinator and creation stay.
    Status anonymiseMentor(const QString &peerMentorId, const QString &anonymousName, const QDateTime &at);
    // Her records keep their ids, event types, dates, coordinator and channels; their reason,
    // notes and dispatch ids go, as a new version (updated_at `at`). How many there are.
    Result<int> clearRecords(const QString &peerMentorId, const QDateTime &at);

    // A text column that people or the program may have written a name, email or phone into.
    struct TextColumn
    {
        QString table;
        QStringList key; // the primary key's columns
        QString column;
        QString orgColumn; // the organisation a row belongs to (its rows without one count too); empty: none
    };
    // Where such texts are: audit details, records' reasons and notes, built payloads' texts and
    // names, and the stored answers of Idempotency-Keys (JSON).
    static const QList<TextColumn> &textColumns();

    struct TextCell
    {
        QVariantList key; // in the order of TextColumn::key
        QString text;
    };
    // The cells of `column` (of organisation `orgId` when the table has one) that may hold one of
    // `needles`: a prefilter that ignores the case (on SQLite: as typed, in lower and in upper case);
    // the caller decides what it really holds.
    Result<QList<TextCell>> cellsContaining(const TextColumn &column, const QString &orgId,
                                            const QStringList &needles);
    Status setCell(const TextColumn &column, const QVariantList &key, const QString &text);

    // SQLite: whether this thread's connection overwrites what it deletes or changes with zeros
    // instead of leaving it in free space (PRAGMA secure_delete); sets it first when `on` is given.
    // Answers the setting before the change; nothing on PostgreSQL.
    Result<std::optional<bool>> secureDelete(std::optional<bool> on);

    // Retention (RetentionService): an organisation's rules (nothing when there is no such
    // organisation), and the organisations with a rule switched on.
    Result<std::optional<RetentionPolicy>> retention(const QString &orgId);
    Status setRetention(const QString &orgId, const RetentionPolicy &policy);
    Result<QStringList> organisationsWithRetention();
    // Peer mentors of `orgId` who left before `cutoff` and whose personal data are still there.
    Result<QStringList> mentorsLeftBefore(const QString &orgId, const QDateTime &cutoff);
    // Records of `orgId` sent before `cutoff`, except a pause still going on (the latest record of
    // its mentor, and a pause): counted, or deleted (with their counts) answering their ids.
    Result<qint64> countOldRecords(const QString &orgId, const QDateTime &cutoff);
    Result<QStringList> deleteOldRecords(const QString &orgId, const QDateTime &cutoff);
    // Built payloads of `orgId` built before `cutoff`: counted, or deleted answering how many.
    Result<qint64> countOldPayloads(const QString &orgId, const QDateTime &cutoff);
    Result<qint64> deleteOldPayloads(const QString &orgId, const QDateTime &cutoff);

private:
    Database &m_db;
};

} // namespace cc
