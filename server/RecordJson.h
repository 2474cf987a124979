#pragma once

#include "core/Records.h"

#include <QJsonObject>

namespace cc::api {

// JSON of notification records, with the field names of the contract in one place.
namespace RecordField {
inline const QString Id = QStringLiteral("id");
inline const QString PeerMentorId = QStringLiteral("peer_mentor_id");
inline const QString PeerMentorName = QStringLiteral("peer_mentor_name");
inline const QString EventType = QStringLiteral("event_type");
inline const QString EffectiveDate = QStringLiteral("effective_date");
inline const QString Reason = QStringLiteral("reason");
inline const QString CoordinatorId = QStringLiteral("coordinator_id");
inline const QString CoordinatorName = QStringLiteral("coordinator_name");
inline const QString ChannelsNotified = QStringLiteral("channels_notified");
inline const QString DispatchIds = QStringLiteral("dispatch_ids");
inline const QString SentAt = QStringLiteral("sent_at");
inline const QString Notes = QStringLiteral("notes");
inline const QString CreatedBy = QStringLiteral("created_by");
inline const QString UpdatedAt = QStringLiteral("updated_at");
} // namespace RecordField

QJsonObject recordFull(const NotificationRecord &r);     // GET one
QJsonObject recordListItem(const NotificationRecord &r); // list item
QJsonObject recordCreated(const NotificationRecord &r);  // POST answer
QJsonObject recordUpdated(const NotificationRecord &r);  // PUT answer
QJsonObject historyItem(const NotificationRecord &r);
QJsonObject profileJson(const PeerMentorProfile &p);
QJsonObject historyJson(const History &h);

} // namespace cc::api
