#include "server/RecordJson.h"

#include "core/TimeText.h"
#include "server/JsonWriter.h"
#include "server/Responses.h"

#include <QJsonArray>

namespace cc::api {

namespace {

QJsonValue nullOr(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue(QJsonValue::Null);
}

QJsonValue nullOrTime(const QDateTime &when)
{
    return when.isValid() ? QJsonValue(formatTimestamp(when)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject recordFull(const NotificationRecord &r)
{
    return QJsonObject{
        {field::Id, r.id},
        {field::PeerMentorId, r.peerMentorId},
        {field::PeerMentorName, r.peerMentorName},
        {field::EventType, eventTypeName(r.eventType)},
        {field::EffectiveDate, formatTimestamp(r.effectiveDate)},
        {field::Reason, nullOr(r.reason)},
        {field::CoordinatorId, r.coordinatorId},
        {field::CoordinatorName, r.coordinatorName},
        {field::ChannelsNotified, QJsonArray::fromStringList(r.channels)},
        {field::DispatchIds, QJsonArray::fromStringList(r.dispatchIds)},
        {field::SentAt, formatTimestamp(r.sentAt)},
        {field::Notes, nullOr(r.notes)},
        {field::CreatedBy, r.createdBy},
        {field::UpdatedAt, formatTimestamp(r.updatedAt)},
    };
}

// The members in QJsonDocument's order (sorted by name), as the answers had them before they
// were written directly.
void writeRecordListItem(JsonWriter &w, const NotificationRecord &r)
{
    w.beginObject();
    w.key(field::ChannelsNotified).strings(r.channels);
    w.key(field::CoordinatorId).value(r.coordinatorId);
    w.key(field::EffectiveDate).value(formatTimestamp(r.effectiveDate));
    w.key(field::EventType).value(eventTypeName(r.eventType));
    w.key(field::Id).value(r.id);
    w.key(field::PeerMentorId).value(r.peerMentorId);
    w.key(field::PeerMentorName).value(r.peerMentorName);
    w.key(field::SentAt).value(formatTimestamp(r.sentAt));
    w.endObject();
}

QJsonObject recordCreated(const NotificationRecord &r)
{
    return QJsonObject{
        {field::Id, r.id},
        {field::PeerMentorId, r.peerMentorId},
        {field::EventType, eventTypeName(r.eventType)},
        {field::CoordinatorId, r.coordinatorId},
        {field::ChannelsNotified, QJsonArray::fromStringList(r.channels)},
        {field::SentAt, formatTimestamp(r.sentAt)},
    };
}

QJsonObject recordUpdated(const NotificationRecord &r)
{
    return QJsonObject{
        {field::Id, r.id},
        {field::ChannelsNotified, QJsonArray::fromStringList(r.channels)},
        {field::Notes, nullOr(r.notes)},
        {field::UpdatedAt, formatTimestamp(r.updatedAt)},
    };
}

namespace {

void writeHistoryItem(JsonWriter &w, const NotificationRecord &r)
{
    w.beginObject();
    w.key(field::ChannelsNotified).strings(r.channels);
    w.key(field::EffectiveDate).value(formatTimestamp(r.effectiveDate));
    w.key(field::EventType).value(eventTypeName(r.eventType));
    w.key(field::Id).value(r.id);
    w.key(field::Reason).valueOrNull(r.reason);
    w.key(field::SentAt).value(formatTimestamp(r.sentAt));
    w.endObject();
}

} // namespace

QJsonObject profileJson(const PeerMentorProfile &p)
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    return QJsonObject{
        {field::PeerMentorId, p.mentor.id},
        {field::FullName, p.mentor.name},
        {field::Email, orNull(p.mentor.email)},
        {field::Phone, orNull(p.mentor.phone)},
        {field::CoordinatorId, orNull(p.mentor.coordinatorId)},
        {field::OrgId, p.mentor.orgId},
        {field::CurrentStatus,
         p.status == PauseStatus::Paused ? QStringLiteral("paused") : QStringLiteral("active")},
        {field::PauseStartDate, nullOrTime(p.pauseStartDate)},
    };
}

QJsonObject mentorListItem(const PeerMentorProfile &p)
{
    QJsonObject item = profileJson(p);
    item.insert(field::DeactivatedAt, nullOrTime(p.mentor.deactivatedAt));
    return item;
}

QByteArray historyJson(const History &h)
{
    JsonWriter w(256 + h.events.size() * 256);
    w.beginObject();
    w.key(field::History).beginArray();
    for (const NotificationRecord &r : h.events)
        writeHistoryItem(w, r);
    w.endArray();
    writePagination(w, h.page, h.limit, h.total);
    w.key(field::PeerMentorId).value(h.mentor.id);
    w.key(field::PeerMentorName).value(h.mentor.name);
    w.key(field::TotalEvents).value(h.total);
    w.endObject();
    return w.take();
}

} // namespace cc::api
