#pragma once

#include "core/Templates.h"

#include <QJsonObject>

namespace cc::api {

// JSON of payload templates and built payloads, with the field names in one place.
namespace PayloadField {
inline const QString Id = QStringLiteral("id");
inline const QString Type = QStringLiteral("type");
inline const QString Title = QStringLiteral("title");
inline const QString Description = QStringLiteral("description");
inline const QString Custom = QStringLiteral("custom");
inline const QString UpdatedAt = QStringLiteral("updated_at");
inline const QString Body = QStringLiteral("body");
inline const QString BodyTemplate = QStringLiteral("body_template");
inline const QString Data = QStringLiteral("data");
inline const QString Event = QStringLiteral("event");
inline const QString PeerMentorId = QStringLiteral("peer_mentor_id");
inline const QString PeerMentorName = QStringLiteral("peer_mentor_name");
inline const QString EffectiveDate = QStringLiteral("effective_date");
inline const QString Locale = QStringLiteral("locale");
inline const QString PayloadType = QStringLiteral("payload_type");
inline const QString TemplateId = QStringLiteral("template_id");
inline const QString Date = QStringLiteral("date");
inline const QString Reason = QStringLiteral("reason");
inline const QString CreatedAt = QStringLiteral("created_at");
inline const QString Version = QStringLiteral("version");
} // namespace PayloadField

QJsonObject templateListItem(const PayloadTemplate &t, const QString &locale);
QJsonObject renderedJson(const RenderedTemplate &r);
QJsonObject builtPayloadJson(const BuiltPayload &p);
QJsonObject templateUpdatedJson(const PayloadTemplate &t, const QString &locale);

} // namespace cc::api
