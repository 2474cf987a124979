#pragma once

#include "core/Paging.h"
#include "core/Result.h"
#include "server/ApiTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace cc::api {

// Strict reading of a JSON request body: it must be an object, may hold only the fields a
// handler names, and each field must have the right type. Problems name their field.
class JsonInput
{
public:
    // Parses `body`; a syntax error, a non-object or an unknown field is an error.
    static Result<JsonInput> parse(const QByteArray &body, const QStringList &allowedFields);

    bool has(const QString &field) const { return m_object.contains(field); }
    bool isNull(const QString &field) const { return m_object.value(field).isNull(); }
    QStringList present() const { return m_object.keys(); }

    // Each reader records a problem when the field is there with the wrong type (or missing
    // when required) and returns an empty value.
    QString string(const QString &field, bool required = false);
    std::optional<QString> nullableString(const QString &field); // absent: nullopt; null: nullopt too
    std::optional<QStringList> stringArray(const QString &field, bool required = false);
    QDateTime timestamp(const QString &field, bool required = false);

    // The problems found so far; an Invalid error naming every field, or nothing.
    Status status() const;

private:
    void problem(const QString &field, const QString &message);

    QJsonObject m_object;
    QList<FieldError> m_problems;
};

// Query parameters: integers with bounds, enums, timestamps; problems name the parameter.
class QueryInput
{
public:
    explicit QueryInput(const QUrlQuery &query, const QStringList &allowed);
    QString string(const QString &name);
    int integer(const QString &name, int fallback, int min, int max);
    // `page` (default 1) and `limit` (default `defaultLimit`, 1 to `maxLimit`) of a list.
    PageRequest page(int defaultLimit, int maxLimit);
    QDateTime timestamp(const QString &name);
    Status status() const;

private:
    QUrlQuery m_query;
    QList<FieldError> m_problems;
};

} // namespace cc::api
