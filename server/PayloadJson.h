#pragma once

#include "core/Fields.h"
#include "core/Templates.h"

#include <QJsonObject>

namespace cc::api {

// JSON of payload templates and built payloads; the field names are those of core/Fields.h.
namespace PayloadField {
using field::Body;
using field::BodyTemplate;
using field::CreatedAt;
using field::Custom;
using field::Data;
using field::Date;
using field::Description;
using field::EffectiveDate;
using field::Event;
using field::Id;
using field::Locale;
using field::PayloadType;
using field::PeerMentorId;
using field::PeerMentorName;
using field::Reason;
using field::TemplateId;
using field::Title;
using field::Type;
using field::UpdatedAt;
using field::Version;
} // namespace PayloadField

QJsonObject templateListItem(const PayloadTemplate &t, const QString &locale);
QJsonObject renderedJson(const RenderedTemplate &r);
QJsonObject builtPayloadJson(const BuiltPayload &p);
QJsonObject templateUpdatedJson(const PayloadTemplate &t, const QString &locale);

} // namespace cc::api
