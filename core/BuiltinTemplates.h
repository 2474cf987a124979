#pragma once

#include "core/Templates.h"

#include <QList>

namespace cc {

// The four templates that ship with the program (resources/templates/builtin.json): the global
// defaults, and what "reset to default" brings back.
const QList<PayloadTemplate> &builtinTemplates();
const PayloadTemplate *builtinTemplate(const QString &id);
// The built-in template of a payload type ("coordinator_pause" → coordinator-pause).
const PayloadTemplate *builtinTemplateOfType(const QString &type);
bool isPayloadType(const QString &type);
QStringList payloadTypes();

} // namespace cc
