#pragma once

#include "core/Fields.h"
#include "core/Records.h"

#include <QJsonObject>

namespace cc::api {

class JsonWriter;

// JSON of notification records; the field names are those of core/Fields.h.
QJsonObject recordFull(const NotificationRecord &r);                  // GET one
void writeRecordListItem(JsonWriter &w, const NotificationRecord &r); // list item
QJsonObject recordCreated(const NotificationRecord &r);               // POST answer
QJsonObject recordUpdated(const NotificationRecord &r);               // PUT answer
QJsonObject profileJson(const PeerMentorProfile &p);
// An item of the list of peer mentors: profileJson() and deactivated_at.
QJsonObject mentorListItem(const PeerMentorProfile &p);
QByteArray historyJson(const History &h);

} // namespace cc::api
