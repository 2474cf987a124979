#include "core/NotificationRecordService.h"

#include "core/ETag.h"
#include "core/Fields.h"
#include "core/Ids.h"
#include "core/Permissions.h"
#include "core/TimeText.h"

#include <QCryptographicHash>
#include <QSet>

namespace cc {

namespace {

Error notFoundRecord()
{
    return Error::notFound(QStringLiteral("No notification record with this id."));
}

Error notFoundMentor()
{
    return Error::notFound(QStringLiteral("No peer mentor with this id."));
}

// What is wrong with a new record before any lookup: missing fields and limits, in field order.
QList<FieldError> problemsOf(const NewRecord &input)
{
    using S = NotificationRecordService;
    QList<FieldError> problems;
    if (input.peerMentorId.isEmpty())
        problems << FieldError{field::PeerMentorId, QStringLiteral("peer_mentor_id is required."), 0, 0};
    if (input.coordinatorId.isEmpty())
        problems << FieldError{field::CoordinatorId, QStringLiteral("coordinator_id is required."), 0, 0};
    if (!input.effectiveDate.isValid())
        problems << FieldError{field::EffectiveDate, QStringLiteral("effective_date is required."), 0, 0};
    if (auto s = S::validateChannels(input.channels, field::ChannelsNotified); !s)
        problems << s.error().fields;
    if (input.reason && input.reason->size() > S::kMaxReason)
        problems << FieldError{
            field::Reason, QStringLiteral("reason must be at most %1 characters.").arg(S::kMaxReason), 0, 0};
    if (input.notes && input.notes->size() > S::kMaxNotes)
        problems << FieldError{
            field::Notes, QStringLiteral("notes must be at most %1 characters.").arg(S::kMaxNotes), 0, 0};
    if (input.dispatchIds.size() > S::kMaxDispatchIds)
        problems << FieldError{
            field::DispatchIds,
            QStringLiteral("dispatch_ids may hold at most %1 ids.").arg(S::kMaxDispatchIds), 0, 0};
    for (const QString &d : input.dispatchIds) {
        if (d.trimmed().isEmpty() || d.size() > S::kMaxDispatchIdLength) {
            problems << FieldError{field::DispatchIds,
                                   QStringLiteral("Each of dispatch_ids must be 1 to %1 characters.")
                                       .arg(S::kMaxDispatchIdLength),
                                   0, 0};
            break;
        }
    }
    return problems;
}

} // namespace

NotificationRecordService::NotificationRecordService(Database &db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_directory(db)
    , m_records(db)
    , m_audit(db, clock)
{
    qRegisterMetaType<cc::NotificationRecord>("cc::NotificationRecord");
}

QString NotificationRecordService::etag(const NotificationRecord &r)
{
    const QString basis = r.id + QLatin1Char('|') + formatTimestamp(r.updatedAt) + QLatin1Char('|')
        + r.channels.join(QLatin1Char(',')) + QLatin1Char('|') + r.notes.value_or(QStringLiteral("\x01"));
    return makeEtag(basis.toUtf8());
}

Status NotificationRecordService::validateChannels(const QStringList &channels, const QString &field)
{
    if (channels.isEmpty())
        return Error::field(ErrorCode::Invalid, field,
                            QStringLiteral("%1 must name at least one channel.").arg(field));
    QSet<QString> seen;
    for (const QString &channel : channels) {
        if (!channelNames().contains(channel))
            return Error::field(ErrorCode::Invalid, field,
                                QStringLiteral("%1 has an unknown channel “%2”; allowed: %3.")
                                    .arg(field, channel, channelNames().join(QStringLiteral(", "))));
        if (seen.contains(channel))
            return Error::field(ErrorCode::Invalid, field,
                                QStringLiteral("%1 names “%2” twice.").arg(field, channel));
        seen.insert(channel);
    }
    return {};
}

Status NotificationRecordService::validatePage(const PageRequest &page)
{
    if (page.page < 1)
        return Error::field(ErrorCode::Invalid, field::Page, QStringLiteral("page must be 1 or more."));
    if (page.limit < 1 || page.limit > kMaxPageLimit)
        return Error::field(ErrorCode::Invalid, field::Limit,
                            QStringLiteral("limit must be between 1 and %1.").arg(kMaxPageLimit));
    return {};
}

Result<PeerMentor> NotificationRecordService::visibleMentor(const Caller &caller, const QString &id,
                                                            const QString &field)
{
    auto mentor = m_directory.peerMentor(id);
    if (!mentor)
        return mentor.error();
    if (!mentor->has_value() || !caller.canSee((*mentor)->orgId)) {
        if (field.isEmpty())
            return notFoundMentor();
        return Error::field(ErrorCode::Unprocessable, field,
                            QStringLiteral("%1: no peer mentor with this id.").arg(field));
    }
    return **mentor;
}

Result<NotificationRecord> NotificationRecordService::visibleRecord(const Caller &caller, const QString &id,
                                                                    bool forUpdate)
{
    auto record = m_records.record(id, forUpdate);
    if (!record)
        return record.error();
    if (!record->has_value() || !caller.canSee((*record)->orgId))
        return notFoundRecord();
    return **record;
}

Result<NotificationRecord> NotificationRecordService::record(const Caller &caller, const NewRecord &input)
{
    if (auto s = require(caller, Action::RecordNotification); !s)
        return s.error();

    if (const QList<FieldError> problems = problemsOf(input); !problems.isEmpty())
        return Error::invalid(problems.first().message, problems);

    auto mentor = visibleMentor(caller, input.peerMentorId, field::PeerMentorId);
    if (!mentor)
        return mentor.error();
    if (!mentor->active())
        return Error::field(ErrorCode::Unprocessable, field::PeerMentorId,
                            QStringLiteral("peer_mentor_id: this peer mentor has left the organisation "
                                           "(inactive since %1); an org admin can reactivate her.")
                                .arg(mentor->deactivatedAt.toUTC().date().toString(Qt::ISODate)));
    auto coordinator = m_directory.coordinator(input.coordinatorId);
    if (!coordinator)
        return coordinator.error();
    if (!coordinator->has_value() || (*coordinator)->orgId != mentor->orgId)
        return Error::field(
            ErrorCode::Unprocessable, field::CoordinatorId,
            QStringLiteral("coordinator_id: no coordinator with this id in the peer mentor's organisation."));

    const QDateTime now = m_clock.now();
    NotificationRecord r;
    r.orgId = mentor->orgId;
    r.peerMentorId = mentor->id;
    r.peerMentorName = mentor->name;
    r.eventType = input.eventType;
    r.effectiveDate = input.effectiveDate.toUTC();
    r.reason = input.reason;
    r.coordinatorId = (*coordinator)->id;
    r.coordinatorName = (*coordinator)->name;
    r.channels = input.channels;
    r.dispatchIds = input.dispatchIds;
    r.notes = input.notes;
    r.createdBy = caller.username;
    r.sentAt = now;
    r.updatedAt = now;

    for (int attempt = 0;; ++attempt) {
        r.id = randomId(QStringLiteral("nr_"));
        Transaction tx(m_db);
        if (!tx.begun())
            return tx.begun().error();
        Status inserted = m_records.insert(r);
        if (!inserted && inserted.error().code == ErrorCode::Conflict && attempt < 3)
            continue; // an id collision: draw another
        if (!inserted)
            return inserted.error();
        if (auto s = m_audit.write(caller, r.orgId, QStringLiteral("record.create"),
                                   QStringLiteral("notification_record"), r.id, eventTypeName(r.eventType));
            !s)
            return s.error();
        if (auto s = appendRecordChanges(ChangeKind::RecordCreated, r); !s)
            return s.error();
        if (auto s = tx.commit(); !s)
            return s.error();
        break;
    }
    m_db.afterCommit([this, r] { emit recordAdded(r); });
    return r;
}

Status NotificationRecordService::appendRecordChanges(ChangeKind kind, const NotificationRecord &record)
{
    if (auto s = appendChange(m_db, m_clock, kind, record.orgId, record.id); !s)
        return s;
    // A record that comes or goes may change its mentor's current status; notes and channels do not.
    if (kind == ChangeKind::RecordUpdated)
        return {};
    return appendChange(m_db, m_clock, ChangeKind::PeerMentorStatusChanged, record.orgId,
                        record.peerMentorId);
}

Result<NotificationRecord> NotificationRecordService::get(const Caller &caller, const QString &id)
{
    return visibleRecord(caller, id);
}

Result<Page<NotificationRecord>> NotificationRecordService::list(const Caller &caller,
                                                                 const RecordFilter &filter,
                                                                 const PageRequest &page,
                                                                 RecordColumns columns, ScalarRead *along)
{
    if (auto s = validatePage(page); !s)
        return s.error();
    // The page and its total in one statement.
    qint64 total = 0;
    auto items = window(caller, filter, (page.page - 1) * page.limit, page.limit, columns, &total, along);
    if (!items)
        return items.error();
    return Page<NotificationRecord>{*items, page.page, page.limit, total};
}

namespace {
RecordFilter scoped(const Caller &caller, RecordFilter filter)
{
    if (!caller.isGlobalAdmin())
        filter.orgId = caller.orgId;
    return filter;
}

// A caller that is not a global admin but has no organisation sees nothing (as canSee() says);
// an empty orgId in the filter would otherwise mean "every organisation".
bool seesNoOrganisation(const Caller &caller)
{
    return !caller.isGlobalAdmin() && caller.orgId.isEmpty();
}
} // namespace

Status NotificationRecordService::validateFilter(const RecordFilter &filter)
{
    if (filter.from.isValid() && filter.to.isValid() && filter.from > filter.to)
        return Error::field(ErrorCode::Invalid, field::From, QStringLiteral("from must not be after to."));
    return {};
}

RecordKey NotificationRecordService::keyOf(const NotificationRecord &record)
{
    return RecordKey{record.sentAt, record.id};
}

Result<QList<NotificationRecord>> NotificationRecordService::window(const Caller &caller,
                                                                    const RecordFilter &filter, int offset,
                                                                    int limit, RecordColumns columns,
                                                                    qint64 *total, ScalarRead *along)
{
    if (auto s = validateFilter(filter); !s)
        return s.error();
    if (seesNoOrganisation(caller)) {
        if (total)
            *total = 0;
        return QList<NotificationRecord>();
    }
    return m_records.list(scoped(caller, filter), qMax(0, offset), qBound(1, limit, kMaxWindow), columns,
                          total, along);
}

Result<QList<NotificationRecord>>
NotificationRecordService::windowAfter(const Caller &caller, const RecordFilter &filter,
                                       const std::optional<RecordKey> &after, int limit, RecordOrder order)
{
    if (auto s = validateFilter(filter); !s)
        return s.error();
    if (after && (!after->sentAt.isValid() || after->id.isEmpty()))
        return Error::invalid(QStringLiteral("A page must start after a record's sent_at and id."));
    if (seesNoOrganisation(caller))
        return QList<NotificationRecord>();
    return m_records.listAfter(scoped(caller, filter), after, qBound(1, limit, kMaxWindow), order);
}

Result<qint64> NotificationRecordService::count(const Caller &caller, const RecordFilter &filter)
{
    if (seesNoOrganisation(caller))
        return qint64(0);
    return m_records.count(scoped(caller, filter));
}

Result<NotificationRecord> NotificationRecordService::update(const Caller &caller, const QString &id,
                                                             const RecordUpdate &change,
                                                             const QString &expectedEtag)
{
    if (auto s = require(caller, Action::EditRecord); !s)
        return s.error();
    if (!change.channels && !change.notes)
        return Error::invalid(QStringLiteral("Send channels_notified or notes (or both) to change."));
    if (change.channels) {
        if (auto s = validateChannels(*change.channels, field::ChannelsNotified); !s)
            return s.error();
    }
    if (change.notes && *change.notes && (*change.notes)->size() > kMaxNotes)
        return Error::field(ErrorCode::Invalid, field::Notes,
                            QStringLiteral("notes must be at most %1 characters.").arg(kMaxNotes));

    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto current = visibleRecord(caller, id, true);
    if (!current)
        return current.error();
    if (!etagMatches(expectedEtag, etag(*current)))
        return Error{
            ErrorCode::PreconditionFailed,
            QStringLiteral("The record was changed since you read it (If-Match does not match its ETag)."),
            {},
            0};
    NotificationRecord updated = *current;
    if (change.channels)
        updated.channels = *change.channels;
    if (change.notes)
        updated.notes = *change.notes;
    updated.updatedAt = m_clock.now();
    if (updated.updatedAt <= current->updatedAt)
        updated.updatedAt = current->updatedAt.addMSecs(1); // a new version, even within the same millisecond
    if (auto s = m_records.updateMetadata(id, updated.channels, updated.notes, updated.updatedAt); !s)
        return s.error();
    if (auto s = m_audit.write(caller, updated.orgId, QStringLiteral("record.update"),
                               QStringLiteral("notification_record"), id,
                               change.channels ? QStringLiteral("channels, notes") : QStringLiteral("notes"));
        !s)
        return s.error();
    if (auto s = appendRecordChanges(ChangeKind::RecordUpdated, updated); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    m_db.afterCommit([this, updated] { emit recordChanged(updated); });
    return updated;
}

Result<Deleted> NotificationRecordService::remove(const Caller &caller, const QString &id)
{
    if (auto s = require(caller, Action::DeleteRecord); !s)
        return s.error();
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto current = visibleRecord(caller, id, true);
    if (!current)
        return current.error();
    auto removed = m_records.remove(*current);
    if (!removed)
        return removed.error();
    if (!*removed)
        return notFoundRecord();
    if (auto s = m_audit.write(caller, current->orgId, QStringLiteral("record.delete"),
                               QStringLiteral("notification_record"), id,
                               eventTypeName(current->eventType) + QLatin1Char(' ') + current->peerMentorId);
        !s)
        return s.error();
    if (auto s = appendRecordChanges(ChangeKind::RecordDeleted, *current); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    m_db.afterCommit([this, id, org = current->orgId] { emit recordDeleted(id, org); });
    return Deleted{id, m_clock.now()};
}

Result<PeerMentorProfile> NotificationRecordService::profile(const Caller &caller,
                                                             const QString &peerMentorId)
{
    auto mentor = visibleMentor(caller, peerMentorId);
    if (!mentor)
        return mentor.error();
    auto latest = m_records.latestEffective(mentor->id, m_clock.now());
    if (!latest)
        return latest.error();
    PeerMentorProfile p;
    p.mentor = *mentor;
    if (latest->has_value() && (*latest)->eventType == EventType::PauseActivated) {
        p.status = PauseStatus::Paused;
        p.pauseStartDate = (*latest)->effectiveDate;
    }
    return p;
}

Result<History> NotificationRecordService::history(const Caller &caller, const QString &peerMentorId)
{
    auto mentor = visibleMentor(caller, peerMentorId);
    if (!mentor)
        return mentor.error();
    auto events = m_records.history(mentor->id);
    if (!events)
        return events.error();
    const qint64 total = events->size();
    return History{*mentor, *events, total, 1, 0};
}

Result<History> NotificationRecordService::history(const Caller &caller, const QString &peerMentorId,
                                                   const PageRequest &page)
{
    if (auto s = validatePage(page); !s)
        return s.error();
    auto mentor = visibleMentor(caller, peerMentorId);
    if (!mentor)
        return mentor.error();
    RecordFilter filter;
    filter.peerMentorId = mentor->id;
    auto total = m_records.count(filter);
    if (!total)
        return total.error();
    QList<NotificationRecord> events;
    const qint64 offset = qint64(page.page - 1) * page.limit;
    if (offset < *total) {
        auto window = m_records.list(filter, int(offset), page.limit);
        if (!window)
            return window.error();
        events = *window;
    }
    return History{*mentor, events, *total, page.page, page.limit};
}

Result<QHash<QString, PeerMentorProfile>> NotificationRecordService::profiles(const Caller &caller,
                                                                              const QString &orgId)
{
    QHash<QString, PeerMentorProfile> out;
    if (seesNoOrganisation(caller))
        return out;
    auto all = m_records.currentStatuses(caller.isGlobalAdmin() ? orgId : caller.orgId, m_clock.now());
    if (!all)
        return all.error();
    out.reserve(all->size());
    for (const PeerMentorProfile &p : std::as_const(*all))
        out.insert(p.mentor.id, p);
    return out;
}

Result<Page<PeerMentorProfile>> NotificationRecordService::mentorProfiles(const Caller &caller,
                                                                          const MentorQuery &query,
                                                                          std::optional<PauseStatus> status,
                                                                          const PageRequest &page)
{
    if (auto s = validatePage(page); !s)
        return s.error();
    const auto scope = caller.scopeOrg(query.orgId);
    if (!scope)
        return scope.error();
    Page<PeerMentorProfile> out{{}, page.page, page.limit, 0};
    if (seesNoOrganisation(caller))
        return out;
    // The mentors and their statuses from one moment: a mentor stored between the two queries
    // would otherwise show up without her status.
    Transaction snapshot(m_db, Transaction::Mode::Read);
    if (!snapshot.begun())
        return snapshot.begun().error();
    auto mentors = m_directory.peerMentors(*scope, query);
    if (!mentors)
        return mentors.error();
    auto statuses = m_records.currentStatuses(*scope, m_clock.now());
    if (!statuses)
        return statuses.error();
    if (auto s = snapshot.commit(); !s)
        return s.error();

    QHash<QString, qsizetype> statusOf;
    statusOf.reserve(statuses->size());
    for (qsizetype i = 0; i < statuses->size(); ++i)
        statusOf.insert(statuses->at(i).mentor.id, i);
    const qint64 first = qint64(page.page - 1) * page.limit;
    for (const PeerMentor &m : std::as_const(*mentors)) {
        PeerMentorProfile p;
        p.mentor = m; // with deactivated_at, which currentStatuses() does not read
        if (const auto found = statusOf.constFind(m.id); found != statusOf.cend()) {
            p.status = statuses->at(*found).status;
            p.pauseStartDate = statuses->at(*found).pauseStartDate;
        }
        if (status && p.status != *status)
            continue;
        if (out.total >= first && out.items.size() < page.limit)
            out.items.append(p);
        ++out.total;
    }
    return out;
}

} // namespace cc
