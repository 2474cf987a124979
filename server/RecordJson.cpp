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

using namespace RecordField;

QJsonObject recordFull(const NotificationRecord &r)
{
    return QJsonObject{
        {Id, r.id},
        {PeerMentorId, r.peerMentorId},
        {PeerMentorName, r.peerMentorName},
        {EventType, eventTypeName(r.eventType)},
        {EffectiveDate, formatTimestamp(r.effectiveDate)},
        {Reason, nullOr(r.reason)},
        {CoordinatorId, r.coordinatorId},
        {CoordinatorName, r.coordinatorName},
        {ChannelsNotified, QJsonArray::fromStringList(r.channels)},
        {DispatchIds, QJsonArray::fromStringList(r.dispatchIds)},
        {SentAt, formatTimestamp(r.sentAt)},
        {Notes, nullOr(r.notes)},
        {CreatedBy, r.createdBy},
        {UpdatedAt, formatTimestamp(r.updatedAt)},
    };
}

QJsonObject recordListItem(const NotificationRecord &r)
{
    return QJsonObject{
        {Id, r.id},
        {PeerMentorId, r.peerMentorId},
        {PeerMentorName, r.peerMentorName},
        {EventType, eventTypeName(r.eventType)},
        {CoordinatorId, r.coordinatorId},
        {ChannelsNotified, QJsonArray::fromStringList(r.channels)},
        {SentAt, formatTimestamp(r.sentAt)},
        {EffectiveDate, formatTimestamp(r.effectiveDate)},
    };
}

QJsonObject recordCreated(const NotificationRecord &r)
{
    return QJsonObject{
        {Id, r.id},
        {PeerMentorId, r.peerMentorId},
        {EventType, eventTypeName(r.eventType)},
        {CoordinatorId, r.coordinatorId},
        {ChannelsNotified, QJsonArray::fromStringList(r.channels)},
        {SentAt, formatTimestamp(r.sentAt)},
    };
}

QJsonObject recordUpdated(const NotificationRecord &r)
{
    return QJsonObject{
        {Id, r.id},
        {ChannelsNotified, QJsonArray::fromStringList(r.channels)},
        {Notes, nullOr(r.notes)},
        {UpdatedAt, formatTimestamp(r.updatedAt)},
    };
}

QJsonObject historyItem(const NotificationRecord &r)
{
    return QJsonObject{
        {Id, r.id},
        {EventType, eventTypeName(r.eventType)},
        {EffectiveDate, formatTimestamp(r.effectiveDate)},
        {Reason, nullOr(r.reason)},
        {ChannelsNotified, QJsonArray::fromStringList(r.channels)},
        {SentAt, formatTimestamp(r.sentAt)},
    };
}

QJsonObject profileJson(const PeerMentorProfile &p)
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    return QJsonObject{
        {PeerMentorId, p.mentor.id},
        {QStringLiteral("full_name"), p.mentor.name},
        {QStringLiteral("email"), orNull(p.mentor.email)},
        {QStringLiteral("phone"), orNull(p.mentor.phone)},
        {CoordinatorId, orNull(p.mentor.coordinatorId)},
        {QStringLiteral("org_id"), p.mentor.orgId},
        {QStringLiteral("current_status"),
         p.status == PauseStatus::Paused ? QStringLiteral("paused") : QStringLiteral("active")},
        {QStringLiteral("pause_start_date"), nullOrTime(p.pauseStartDate)},
    };
}

QJsonObject historyJson(const History &h)
{
    QJsonArray items;
    for (const NotificationRecord &r : h.events)
        items.append(historyItem(r));
    return QJsonObject{
        {PeerMentorId, h.mentor.id},
        {PeerMentorName, h.mentor.name},
        {QStringLiteral("history"), items},
        {QStringLiteral("total_events"), static_cast<int>(h.events.size())},
    };
}

} // namespace cc::api
