#include "server/RecordJson.h"

#include "core/TimeText.h"

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

QJsonObject recordListItem(const NotificationRecord &r)
{
    return QJsonObject{
        {field::Id, r.id},
        {field::PeerMentorId, r.peerMentorId},
        {field::PeerMentorName, r.peerMentorName},
        {field::EventType, eventTypeName(r.eventType)},
        {field::CoordinatorId, r.coordinatorId},
        {field::ChannelsNotified, QJsonArray::fromStringList(r.channels)},
        {field::SentAt, formatTimestamp(r.sentAt)},
        {field::EffectiveDate, formatTimestamp(r.effectiveDate)},
    };
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

QJsonObject historyItem(const NotificationRecord &r)
{
    return QJsonObject{
        {field::Id, r.id},
        {field::EventType, eventTypeName(r.eventType)},
        {field::EffectiveDate, formatTimestamp(r.effectiveDate)},
        {field::Reason, nullOr(r.reason)},
        {field::ChannelsNotified, QJsonArray::fromStringList(r.channels)},
        {field::SentAt, formatTimestamp(r.sentAt)},
    };
}

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

QJsonObject historyJson(const History &h)
{
    QJsonArray items;
    for (const NotificationRecord &r : h.events)
        items.append(historyItem(r));
    return QJsonObject{
        {field::PeerMentorId, h.mentor.id},
        {field::PeerMentorName, h.mentor.name},
        {field::History, items},
        {field::TotalEvents, h.total},
        {QStringLiteral("pagination"),
         QJsonObject{{field::Page, h.page}, {field::Limit, h.limit}, {QStringLiteral("total"), h.total}}},
    };
}

} // namespace cc::api
