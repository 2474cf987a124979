#pragma once

#include "core/AuditLog.h"
#include "core/Database.h"

#include <QStringList>
#include <QVariantList>

#include <optional>

namespace cc {

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

private:
    Database &m_db;
};

} // namespace cc
