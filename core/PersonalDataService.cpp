#include "core/PersonalDataService.h"

#include "core/DirectoryService.h"
#include "core/Fields.h"
#include "core/Ids.h"
#include "core/Logging.h"
#include "core/NotificationRecordService.h"
#include "core/TimeText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace cc {

namespace {

// The keys of the export that the API has no field for.
inline constexpr QLatin1StringView kFormat{"format"};
inline constexpr QLatin1StringView kFormatVersion{"format_version"};
inline constexpr QLatin1StringView kMadeAt{"made_at"};
inline constexpr QLatin1StringView kMadeBy{"made_by"};
inline constexpr QLatin1StringView kPeerMentor{"peer_mentor"};
inline constexpr QLatin1StringView kOrganisationName{"organisation_name"};
inline constexpr QLatin1StringView kErasedAt{"erased_at"};
inline constexpr QLatin1StringView kRecords{"notification_records"};
inline constexpr QLatin1StringView kPayloads{"built_payloads"};
inline constexpr QLatin1StringView kAuditEntries{"audit_entries"};
inline constexpr QLatin1StringView kAt{"at"};
inline constexpr QLatin1StringView kAction{"action"};
inline constexpr QLatin1StringView kEntity{"entity"};
inline constexpr QLatin1StringView kEntityId{"entity_id"};
inline constexpr QLatin1StringView kDetail{"detail"};
const QString kFormatName = QStringLiteral("coordinator-console-personal-data");
constexpr int kFormatRevision = 1;

// What replaces an email address or a phone number inside a text.
const QString kErasedText = QStringLiteral("[erased]");

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue textOrNull(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue(QJsonValue::Null);
}

QJsonValue timeOrNull(const QDateTime &when)
{
    return when.isValid() ? QJsonValue(formatTimestamp(when)) : QJsonValue(QJsonValue::Null);
}

QJsonObject recordJson(const NotificationRecord &r)
{
    return QJsonObject{
        {field::Id, r.id},
        {field::EventType, eventTypeName(r.eventType)},
        {field::EffectiveDate, formatTimestamp(r.effectiveDate)},
        {field::Reason, textOrNull(r.reason)},
        {field::CoordinatorId, r.coordinatorId},
        {field::CoordinatorName, r.coordinatorName},
        {field::ChannelsNotified, QJsonArray::fromStringList(r.channels)},
        {field::DispatchIds, QJsonArray::fromStringList(r.dispatchIds)},
        {field::Notes, textOrNull(r.notes)},
        {field::CreatedBy, r.createdBy},
        {field::SentAt, formatTimestamp(r.sentAt)},
        {field::UpdatedAt, formatTimestamp(r.updatedAt)},
    };
}

QJsonObject payloadJson(const BuiltPayload &p)
{
    return QJsonObject{
        {field::Id, p.id},
        {field::TemplateId, p.templateId},
        {field::PayloadType, p.payloadType},
        {field::Locale, p.locale},
        {field::Title, p.title},
        {field::Body, p.body},
        {field::Event, eventTypeName(p.event)},
        {field::PeerMentorId, textOrNull(p.peerMentorId)},
        {field::PeerMentorName, p.peerMentorName},
        {field::EffectiveDate, formatTimestamp(p.effectiveDate)},
        {field::CreatedBy, p.createdBy},
        {field::CreatedAt, formatTimestamp(p.createdAt)},
    };
}

QJsonObject auditJson(const AuditEntry &e)
{
    return QJsonObject{
        {field::Id, e.id},   {kAt, formatTimestamp(e.at)}, {field::Username, e.username}, {kAction, e.action},
        {kEntity, e.entity}, {kEntityId, e.entityId},      {kDetail, e.detail},
    };
}

// Her name, email and phone wherever they stand in a text: whole (not inside another word), in
// any case, the words of the name with any space between them (and "s" after it: "Åse Ødegårds").
class Scrubber
{
public:
    void add(const QString &value, const QString &replacement, bool name)
    {
        const QStringList words = value.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty())
            return;
        QStringList escaped;
        for (const QString &word : words)
            escaped << QRegularExpression::escape(word);
        const QString pattern = QStringLiteral("(?<!\\w)") + escaped.join(QStringLiteral("\\s+"))
            + (name ? QStringLiteral("(?=s?(?!\\w))") : QStringLiteral("(?!\\w)"));
        m_parts << Part{QRegularExpression(pattern,
                                           QRegularExpression::CaseInsensitiveOption
                                               | QRegularExpression::UseUnicodePropertiesOption),
                        replacement};
        m_needles << value.simplified();
    }
    // The values as they were given: what the database is asked for first.
    const QStringList &needles() const { return m_needles; }
    // True when `text` holds one of the values.
    bool matches(const QString &text) const
    {
        for (const Part &part : m_parts)
            if (part.re.match(text).hasMatch())
                return true;
        return false;
    }
    QString scrub(QString text) const
    {
        for (const Part &part : m_parts)
            text.replace(part.re, part.replacement);
        return text;
    }

private:
    struct Part
    {
        QRegularExpression re;
        QString replacement;
    };
    QList<Part> m_parts;
    QStringList m_needles;
};

// A stored API answer (JSON) with her personal data taken out of every text in it: her name,
// email and phone replaced, and a text that holds one of `texts` (her reasons, notes, payload
// texts) emptied (null for a reason or notes, as her records now have).
QJsonValue scrubJson(const QJsonValue &value, const QString &key, const Scrubber &scrubber,
                     const QStringList &texts)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = scrubJson(it.value(), it.key(), scrubber, texts);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = scrubJson(array.at(i), key, scrubber, texts);
        return array;
    }
    if (!value.isString())
        return value;
    const QString text = value.toString();
    for (const QString &t : texts) {
        if (text.contains(t)) {
            if (key == field::Reason || key == field::Notes)
                return QJsonValue(QJsonValue::Null);
            return QString(QLatin1String(""));
        }
    }
    return scrubber.scrub(text);
}

// True when a text in `value` is one of `ids` (hers, her payloads') or holds her name, email or phone.
bool mentionsHer(const QJsonValue &value, const QStringList &ids, const Scrubber &scrubber)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            if (mentionsHer(it.value(), ids, scrubber))
                return true;
        return false;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            if (mentionsHer(item, ids, scrubber))
                return true;
        return false;
    }
    return value.isString() && (ids.contains(value.toString()) || scrubber.matches(value.toString()));
}

// A stored answer (a JSON body, as the server wrote it) without her personal data; unchanged when
// it held none. Her records' and payloads' `texts` (a reason may be one word) are looked for only
// in an answer about her: one that names her id, a payload of hers, or her.
QString scrubAnswer(const QString &stored, const Scrubber &scrubber, const QStringList &ids,
                    const QStringList &texts)
{
    const QJsonDocument json = QJsonDocument::fromJson(stored.toUtf8());
    if (json.isObject() || json.isArray()) {
        const QJsonValue before = json.isObject() ? QJsonValue(json.object()) : QJsonValue(json.array());
        const QJsonValue after =
            scrubJson(before, {}, scrubber, mentionsHer(before, ids, scrubber) ? texts : QStringList());
        if (after == before)
            return stored;
        const QJsonDocument changed =
            after.isObject() ? QJsonDocument(after.toObject()) : QJsonDocument(after.toArray());
        return QString::fromUtf8(changed.toJson(QJsonDocument::Compact));
    }
    // Not JSON: nothing of hers may stay in it.
    for (const QString &t : texts)
        if (stored.contains(t))
            return QString(QLatin1String(""));
    return scrubber.scrub(stored);
}

QString normalised(const QString &text)
{
    return text.simplified().normalized(QString::NormalizationForm_C);
}

} // namespace

QJsonObject PersonalDataExport::toJson() const
{
    QJsonArray recordItems;
    for (const NotificationRecord &r : records)
        recordItems.append(recordJson(r));
    QJsonArray payloadItems;
    for (const BuiltPayload &p : payloads)
        payloadItems.append(payloadJson(p));
    QJsonArray auditItems;
    for (const AuditEntry &e : audit)
        auditItems.append(auditJson(e));
    const QJsonObject profile{
        {field::PeerMentorId, mentor.id},
        {field::FullName, mentor.name},
        {field::Email, textOrNull(mentor.email)},
        {field::Phone, textOrNull(mentor.phone)},
        {field::OrgId, mentor.orgId},
        {kOrganisationName, organisation.name},
        {field::CoordinatorId, textOrNull(mentor.coordinatorId)},
        {field::CoordinatorName, textOrNull(coordinatorName)},
        {field::CurrentStatus,
         status == PauseStatus::Paused ? QStringLiteral("paused") : QStringLiteral("active")},
        {field::PauseStartDate, timeOrNull(pauseStartDate)},
        {field::CreatedAt, timeOrNull(mentor.createdAt)},
        {field::DeactivatedAt, timeOrNull(mentor.deactivatedAt)},
        {kErasedAt, timeOrNull(mentor.erasedAt)},
    };
    return QJsonObject{
        {kFormat, kFormatName},
        {kFormatVersion, kFormatRevision},
        {kMadeAt, formatTimestamp(madeAt)},
        {kMadeBy, madeBy},
        {kPeerMentor, profile},
        {kRecords, recordItems},
        {kPayloads, payloadItems},
        {kAuditEntries, auditItems},
    };
}

PersonalDataService::PersonalDataService(Database &db, const Clock &clock, DirectoryService &directory,
                                         NotificationRecordService &records)
    : m_db(db)
    , m_clock(clock)
    , m_directoryService(directory)
    , m_recordService(records)
    , m_directory(db)
    , m_records(db)
    , m_templates(db)
    , m_personal(db)
    , m_audit(db, clock)
{}

QString PersonalDataService::anonymousNamePrefix()
{
    return QStringLiteral("Erased peer mentor");
}

bool PersonalDataService::confirms(const PeerMentor &mentor, const QString &confirmation)
{
    return !mentor.name.trimmed().isEmpty() && normalised(confirmation) == normalised(mentor.name);
}

Result<PeerMentor> PersonalDataService::mentorFor(const Caller &caller, const QString &peerMentorId,
                                                  Action action)
{
    if (auto s = require(caller, action); !s)
        return s.error();
    auto found = m_directory.peerMentor(peerMentorId);
    if (!found)
        return found.error();
    if (!found->has_value() || !caller.canSee((*found)->orgId))
        return Error::notFound(QStringLiteral("No peer mentor with this id."));
    return **found;
}

Result<PersonalDataExport> PersonalDataService::exportMentor(const Caller &caller,
                                                             const QString &peerMentorId)
{
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto mentor = mentorFor(caller, peerMentorId, Action::ExportPersonalData);
    if (!mentor)
        return mentor.error();
    PersonalDataExport out;
    out.madeAt = m_clock.now();
    out.madeBy = caller.username;
    out.mentor = *mentor;
    auto org = m_directory.organisation(mentor->orgId);
    if (!org)
        return org.error();
    if (org->has_value())
        out.organisation = **org;
    if (!mentor->coordinatorId.isEmpty()) {
        auto coordinator = m_directory.coordinator(mentor->coordinatorId);
        if (!coordinator)
            return coordinator.error();
        if (coordinator->has_value())
            out.coordinatorName = (*coordinator)->name;
    }
    auto latest = m_records.latestEffective(mentor->id, out.madeAt);
    if (!latest)
        return latest.error();
    if (latest->has_value() && (*latest)->eventType == EventType::PauseActivated) {
        out.status = PauseStatus::Paused;
        out.pauseStartDate = (*latest)->effectiveDate;
    }
    auto history = m_records.history(mentor->id);
    if (!history)
        return history.error();
    out.records = *history;
    std::reverse(out.records.begin(), out.records.end());
    auto payloads = m_templates.payloadsNaming(mentor->id, mentor->orgId, mentor->name);
    if (!payloads)
        return payloads.error();
    out.payloads = *payloads;
    // Written first, so the export lists itself: she sees this access too.
    if (auto s = m_audit.write(
            caller, mentor->orgId, QStringLiteral("peer_mentor.export"), QStringLiteral("peer_mentor"),
            mentor->id,
            QStringLiteral("%1 records, %2 payloads").arg(out.records.size()).arg(out.payloads.size()));
        !s)
        return s.error();
    auto audit = m_personal.auditAbout(mentor->id);
    if (!audit)
        return audit.error();
    out.audit = *audit;
    if (auto s = tx.commit(); !s)
        return s.error();
    return out;
}

Result<ErasureReport> PersonalDataService::eraseMentor(const Caller &caller, const QString &peerMentorId,
                                                       const QString &confirmation)
{
    auto report = erase(caller, peerMentorId, confirmation, {});
    if (!report)
        return report;
    // The old bytes: in free pages of the file and in the write-ahead log until both are rewritten.
    report->compacted = true;
    if (auto s = m_db.compact(); !s) {
        report->compacted = false;
        report->compactionError = s.error().message;
        qCWarning(lcDb) << "after an erasure:" << s.error().message;
    }
    return report;
}

Result<ErasureReport> PersonalDataService::eraseByRule(const Caller &caller, const QString &peerMentorId,
                                                       const QString &rule)
{
    return erase(caller, peerMentorId, std::nullopt, rule);
}

Result<ErasureReport> PersonalDataService::erase(const Caller &caller, const QString &peerMentorId,
                                                 const std::optional<QString> &confirmation,
                                                 const QString &rule)
{
    // A refusal touches nothing, not even the connection's settings below.
    {
        auto mentor = mentorFor(caller, peerMentorId, Action::ErasePersonalData);
        if (!mentor)
            return mentor.error();
    }
    // What this connection overwrites or deletes from now on becomes zeros in the file; the
    // setting it had comes back at the end, whatever happens.
    auto secure = m_personal.secureDelete(true);
    if (!secure)
        return secure.error();
    struct Restore
    {
        PersonalDataRepository &repository;
        std::optional<bool> before;
        ~Restore()
        {
            if (before && !*before)
                (void)repository.secureDelete(false);
        }
    } restore{m_personal, *secure};

    ErasureReport report;
    report.peerMentorId = peerMentorId;
    QList<NotificationRecord> changedRecords;
    {
        Transaction tx(m_db);
        if (!tx.begun())
            return tx.begun().error();
        // Read again inside the transaction: what is checked is what is changed.
        auto found = mentorFor(caller, peerMentorId, Action::ErasePersonalData);
        if (!found)
            return found.error();
        const PeerMentor mentor = *found;
        if (mentor.erased())
            return Error::field(
                ErrorCode::Conflict, field::Id,
                QStringLiteral("The personal data of this peer mentor were erased on %1 already.")
                    .arg(mentor.erasedAt.toUTC().date().toString(Qt::ISODate)));
        if (confirmation && !confirms(mentor, *confirmation))
            return Error::field(
                ErrorCode::Invalid, QStringLiteral("confirmation"),
                QStringLiteral("Type the peer mentor's name exactly as it is shown to confirm "
                               "that her personal data are erased."));
        const QDateTime now = m_clock.now();
        report.anonymousName = anonymousNamePrefix() + QLatin1Char(' ') + randomId(QString(), 6);

        // Her own texts: what her records and payloads said, to find them in stored answers.
        auto history = m_records.history(mentor.id);
        if (!history)
            return history.error();
        QStringList herTexts;
        for (const NotificationRecord &r : std::as_const(*history)) {
            for (const std::optional<QString> &text : {r.reason, r.notes})
                if (text && !text->trimmed().isEmpty() && !herTexts.contains(*text))
                    herTexts << *text;
        }
        auto payloads = m_templates.payloadsNaming(mentor.id, mentor.orgId, mentor.name);
        if (!payloads)
            return payloads.error();
        QStringList payloadIds;
        for (const BuiltPayload &p : std::as_const(*payloads)) {
            payloadIds << p.id;
            for (const QString &text : {p.title, p.body})
                if (!text.trimmed().isEmpty() && !herTexts.contains(text))
                    herTexts << text;
        }

        // Her name in texts that are not tied to her only when no other mentor of her
        // organisation has it: a note about a namesake stays as it is.
        auto colleagues = m_directory.peerMentors(mentor.orgId, MentorQuery{{}, {}, Activity::Any, {}});
        if (!colleagues)
            return colleagues.error();
        bool namesake = false;
        for (const PeerMentor &other : std::as_const(*colleagues))
            if (other.id != mentor.id
                && normalised(other.name).compare(normalised(mentor.name), Qt::CaseInsensitive) == 0)
                namesake = true;
        Scrubber contact; // her email and phone
        contact.add(mentor.email, kErasedText, false);
        contact.add(mentor.phone, kErasedText, false);
        Scrubber everything = contact; // and her name
        everything.add(mentor.name, report.anonymousName, true);
        const Scrubber &others = namesake ? contact : everything;

        if (auto s = m_personal.anonymiseMentor(mentor.id, report.anonymousName, now); !s)
            return s.error();
        auto cleared = m_personal.clearRecords(mentor.id, now);
        if (!cleared)
            return cleared.error();
        report.records = *cleared;
        for (const BuiltPayload &p : std::as_const(*payloads))
            if (auto s = m_templates.overwritePayload(p.id, QString(QLatin1String("")),
                                                      QString(QLatin1String("")), report.anonymousName);
                !s)
                return s.error();
        report.payloads = int(payloads->size());

        // Every other text her name, email or phone may have been written into.
        for (const PersonalDataRepository::TextColumn &column : PersonalDataRepository::textColumns()) {
            const bool answers = column.table == QLatin1String("idempotency_keys");
            // A stored answer is about her when it names her id, a payload of hers, or her.
            QStringList needles = answers ? QStringList{mentor.id} + payloadIds : QStringList();
            needles += (answers ? everything : others).needles();
            auto cells = m_personal.cellsContaining(column, mentor.orgId, needles);
            if (!cells)
                return cells.error();
            for (const PersonalDataRepository::TextCell &cell : std::as_const(*cells)) {
                const QString text = answers
                    ? scrubAnswer(cell.text, everything, QStringList{mentor.id} + payloadIds, herTexts)
                    : others.scrub(cell.text);
                if (text == cell.text)
                    continue;
                if (auto s = m_personal.setCell(column, cell.key, text); !s)
                    return s.error();
                ++report.otherTexts;
            }
        }

        const QString counts = QStringLiteral("%1 records, %2 payloads, %3 other texts")
                                   .arg(report.records)
                                   .arg(report.payloads)
                                   .arg(report.otherTexts);
        if (auto s = m_audit.write(caller, mentor.orgId, QStringLiteral("peer_mentor.erase"),
                                   QStringLiteral("peer_mentor"), mentor.id,
                                   rule.isEmpty() ? counts : rule + QStringLiteral(": ") + counts);
            !s)
            return s.error();
        auto after = m_records.history(mentor.id);
        if (!after)
            return after.error();
        changedRecords = *after;
        if (auto s = appendChange(m_db, m_clock, ChangeKind::PeerMentorChanged, mentor.orgId, mentor.id); !s)
            return s.error();
        for (const NotificationRecord &r : std::as_const(changedRecords))
            if (auto s = m_recordService.appendRecordChanges(ChangeKind::RecordUpdated, r); !s)
                return s.error();
        // What shows her refreshes, as after any change of a mentor or a record.
        m_db.afterCommit([directory = &m_directoryService, records = &m_recordService, changedRecords] {
            emit directory->directoryChanged();
            for (const NotificationRecord &r : changedRecords)
                emit records->recordChanged(r);
        });
        if (auto s = tx.commit(); !s)
            return s.error();
    }

    return report;
}

} // namespace cc
