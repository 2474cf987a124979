#include "server/PayloadJson.h"

#include "core/TimeText.h"

namespace cc::api {

using namespace PayloadField;

QJsonObject templateListItem(const PayloadTemplate &t, const QString &locale)
{
    return QJsonObject{
        {Id, t.id},
        {Type, t.type},
        {Title, t.text(locale).title},
        {Description, t.description},
        {Custom, t.custom},
        {UpdatedAt,
         t.updatedAt.isValid() ? QJsonValue(formatTimestamp(t.updatedAt)) : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject renderedJson(const RenderedTemplate &r)
{
    // Every value in data is a string: FCM data messages accept only strings.
    return QJsonObject{
        {Id, r.id},
        {Type, r.type},
        {Title, r.title},
        {Body, r.body},
        {Data, QJsonObject{{Event, eventTypeName(r.event)}, {PeerMentorId, r.peerMentorId}}},
        {BodyTemplate, r.bodyTemplate},
        {Locale, r.locale},
    };
}

QJsonObject builtPayloadJson(const BuiltPayload &p)
{
    return QJsonObject{
        {Id, p.id},
        {PayloadType, p.payloadType},
        {Title, p.title},
        {Body, p.body},
        {Data,
         QJsonObject{{Event, eventTypeName(p.event)},
                     {PeerMentorName, p.peerMentorName},
                     {EffectiveDate, formatTimestamp(p.effectiveDate)}}},
        {CreatedAt, formatTimestamp(p.createdAt)},
    };
}

QJsonObject templateUpdatedJson(const PayloadTemplate &t, const QString &locale)
{
    return QJsonObject{
        {Id, t.id},
        {Title, t.text(locale).title},
        {BodyTemplate, t.text(locale).body},
        {UpdatedAt, formatTimestamp(t.updatedAt)},
        {Locale, locale},
        {Description, t.description},
        {Type, t.type},
        {Custom, t.custom},
        {Version, t.version},
    };
}

} // namespace cc::api
