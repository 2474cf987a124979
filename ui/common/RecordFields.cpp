#include "ui/common/RecordFields.h"

#include "core/TimeText.h"
#include "ui/common/DisplayText.h"

namespace cc {

QVariant RecordFields::display(const NotificationRecord &r, Field field)
{
    switch (field) {
    case Field::SentAt:
        return DisplayText::dateTime(r.sentAt);
    case Field::PeerMentor:
        return r.peerMentorName;
    case Field::Event:
        return DisplayText::event(r.eventType);
    case Field::EffectiveDate:
        return DisplayText::date(r.effectiveDate);
    case Field::Reason:
        return r.reason.value_or(QString());
    case Field::Coordinator:
        return r.coordinatorName;
    case Field::Channels:
        return DisplayText::channels(r.channels);
    }
    return {};
}

QVariant RecordFields::sortKey(const NotificationRecord &r, Field field)
{
    switch (field) {
    case Field::SentAt:
        return r.sentAt;
    case Field::EffectiveDate:
        return r.effectiveDate;
    default:
        return display(r, field);
    }
}

QVariant RecordFields::raw(const NotificationRecord &r, Field field)
{
    switch (field) {
    case Field::SentAt:
        return formatTimestamp(r.sentAt);
    case Field::PeerMentor:
        return r.peerMentorId;
    case Field::Event:
        return eventTypeName(r.eventType);
    case Field::EffectiveDate:
        return formatTimestamp(r.effectiveDate);
    case Field::Reason:
        return r.reason ? QVariant(*r.reason) : QVariant();
    case Field::Coordinator:
        return r.coordinatorId;
    case Field::Channels:
        return r.channels;
    }
    return {};
}

QString RecordFields::header(Field field)
{
    switch (field) {
    case Field::SentAt:
        return tr("Sent at");
    case Field::PeerMentor:
        return tr("Peer mentor");
    case Field::Event:
        return tr("Event");
    case Field::EffectiveDate:
        return tr("Effective date");
    case Field::Reason:
        return tr("Reason");
    case Field::Coordinator:
        return tr("Coordinator");
    case Field::Channels:
        return tr("Channels");
    }
    return {};
}

} // namespace cc
