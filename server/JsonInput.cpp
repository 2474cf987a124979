#include "server/JsonInput.h"

#include "core/Fields.h"
#include "core/StorableText.h"
#include "core/TimeText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace cc::api {

namespace {

// True when every string in `value` (at any depth) can be stored as it is.
bool storable(const QJsonValue &value)
{
    if (value.isString())
        return isStorableText(value.toString());
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::all_of(array.begin(), array.end(), [](const QJsonValue &v) { return storable(v); });
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            if (!isStorableText(it.key()) || !storable(it.value()))
                return false;
    }
    return true;
}

} // namespace

Result<JsonInput> JsonInput::parse(const QByteArray &body, const QStringList &allowedFields)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error::field(ErrorCode::Invalid, field::Body,
                            QStringLiteral("The body is not valid JSON (%1 at offset %2).")
                                .arg(error.errorString())
                                .arg(error.offset));
    if (!doc.isObject())
        return Error::field(ErrorCode::Invalid, field::Body,
                            QStringLiteral("The body must be a JSON object."));
    JsonInput input;
    input.m_object = doc.object();
    QList<FieldError> unknown;
    for (auto it = input.m_object.constBegin(); it != input.m_object.constEnd(); ++it) {
        if (!allowedFields.contains(it.key()))
            unknown << FieldError{it.key(),
                                  QStringLiteral("Unknown field “%1”; allowed: %2.")
                                      .arg(it.key(), allowedFields.join(QStringLiteral(", "))),
                                  0, 0};
    }
    if (!unknown.isEmpty())
        return Error::invalid(unknown.first().message, unknown);
    for (auto it = input.m_object.constBegin(); it != input.m_object.constEnd(); ++it) {
        if (!storable(it.value()))
            return Error::field(ErrorCode::Invalid, it.key(),
                                QStringLiteral("%1 holds a NUL character (\\u0000) or a lone surrogate, "
                                               "which cannot be stored.")
                                    .arg(it.key()));
    }
    return input;
}

void JsonInput::problem(const QString &field, const QString &message)
{
    m_problems << FieldError{field, message, 0, 0};
}

QString JsonInput::string(const QString &field, bool required)
{
    const QJsonValue v = m_object.value(field);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            problem(field, QStringLiteral("%1 is required.").arg(field));
        return {};
    }
    if (!v.isString()) {
        problem(field, QStringLiteral("%1 must be a string.").arg(field));
        return {};
    }
    if (required && v.toString().trimmed().isEmpty()) {
        problem(field, QStringLiteral("%1 must not be empty.").arg(field));
        return {};
    }
    return v.toString();
}

std::optional<QString> JsonInput::nullableString(const QString &field)
{
    const QJsonValue v = m_object.value(field);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString()) {
        problem(field, QStringLiteral("%1 must be a string or null.").arg(field));
        return std::nullopt;
    }
    return v.toString();
}

std::optional<QStringList> JsonInput::stringArray(const QString &field, bool required)
{
    const QJsonValue v = m_object.value(field);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            problem(field, QStringLiteral("%1 is required.").arg(field));
        return std::nullopt;
    }
    if (!v.isArray()) {
        problem(field, QStringLiteral("%1 must be an array of strings.").arg(field));
        return std::nullopt;
    }
    QStringList out;
    const QJsonArray array = v.toArray();
    for (const auto &item : array) {
        if (!item.isString()) {
            problem(field, QStringLiteral("%1 must be an array of strings.").arg(field));
            return std::nullopt;
        }
        out.append(item.toString());
    }
    return out;
}

QDateTime JsonInput::timestamp(const QString &field, bool required)
{
    const QString text = string(field, required);
    if (text.isEmpty())
        return {};
    const auto parsed = parseTimestamp(text);
    if (!parsed) {
        problem(
            field,
            QStringLiteral("%1 must be a date (2026-03-20) or an ISO 8601 time (2026-03-20T00:00:00.000Z).")
                .arg(field));
        return {};
    }
    return *parsed;
}

Status JsonInput::status() const
{
    if (m_problems.isEmpty())
        return {};
    return Error::invalid(m_problems.first().message, m_problems);
}

QueryInput::QueryInput(const QUrlQuery &query, const QStringList &allowed)
    : m_query(query)
{
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (!allowed.contains(item.first))
            m_problems << FieldError{item.first,
                                     QStringLiteral("Unknown query parameter “%1”; allowed: %2.")
                                         .arg(item.first, allowed.join(QStringLiteral(", "))),
                                     0, 0};
    }
}

QString QueryInput::string(const QString &name)
{
    return m_query.queryItemValue(name, QUrl::FullyDecoded);
}

PageRequest QueryInput::page(int defaultLimit, int maxLimit)
{
    PageRequest request;
    request.page = integer(field::Page, 1, 1, 1'000'000);
    request.limit = integer(field::Limit, defaultLimit, 1, maxLimit);
    return request;
}

int QueryInput::integer(const QString &name, int fallback, int min, int max)
{
    if (!m_query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const int value = m_query.queryItemValue(name).toInt(&ok);
    if (!ok || value < min || value > max) {
        m_problems << FieldError{
            name, QStringLiteral("%1 must be a whole number from %2 to %3.").arg(name).arg(min).arg(max), 0,
            0};
        return fallback;
    }
    return value;
}

QDateTime QueryInput::timestamp(const QString &name)
{
    if (!m_query.hasQueryItem(name))
        return {};
    const auto parsed = parseTimestamp(m_query.queryItemValue(name, QUrl::FullyDecoded));
    if (!parsed) {
        m_problems << FieldError{
            name, QStringLiteral("%1 must be a date (2026-03-20) or an ISO 8601 time.").arg(name), 0, 0};
        return {};
    }
    return *parsed;
}

Status QueryInput::status() const
{
    if (m_problems.isEmpty())
        return {};
    return Error::invalid(m_problems.first().message, m_problems);
}

} // namespace cc::api
