#include "core/BuiltinTemplates.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cc {

namespace {

QList<PayloadTemplate> load()
{
    QFile file(QStringLiteral(":/templates/builtin.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("The built-in templates are missing from the program's resources.");
    const QJsonArray array =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("templates")).toArray();
    QList<PayloadTemplate> out;
    for (const auto &value : array) {
        const QJsonObject o = value.toObject();
        PayloadTemplate t;
        t.id = o.value(QLatin1String("id")).toString();
        t.type = o.value(QLatin1String("type")).toString();
        t.event =
            eventTypeFromName(o.value(QLatin1String("event")).toString()).value_or(EventType::PauseActivated);
        t.description = o.value(QLatin1String("description")).toString();
        t.custom = false;
        const QJsonObject en = o.value(QLatin1String("en")).toObject();
        const QJsonObject nb = o.value(QLatin1String("nb")).toObject();
        t.en = {en.value(QLatin1String("title")).toString(), en.value(QLatin1String("body")).toString()};
        t.nb = {nb.value(QLatin1String("title")).toString(), nb.value(QLatin1String("body")).toString()};
        t.version = 0;
        t.updatedBy = QStringLiteral("system");
        out.append(t);
    }
    return out;
}

} // namespace

const QList<PayloadTemplate> &builtinTemplates()
{
    static const QList<PayloadTemplate> templates = load();
    return templates;
}

const PayloadTemplate *builtinTemplate(const QString &id)
{
    for (const PayloadTemplate &t : builtinTemplates())
        if (t.id == id)
            return &t;
    return nullptr;
}

const PayloadTemplate *builtinTemplateOfType(const QString &type)
{
    for (const PayloadTemplate &t : builtinTemplates())
        if (t.type == type)
            return &t;
    return nullptr;
}

bool isPayloadType(const QString &type)
{
    return builtinTemplateOfType(type) != nullptr;
}

QStringList payloadTypes()
{
    QStringList out;
    for (const PayloadTemplate &t : builtinTemplates())
        out.append(t.type);
    return out;
}

} // namespace cc
