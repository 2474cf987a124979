#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <optional>

namespace cc::api {

// Writes compact JSON straight into the bytes of an answer, for the answers most requests get
// (pages of records): no QJsonObject, QJsonValue or QCborValue on the way, which cost a list
// page more than its database query did. The caller writes members in the order it wants; the
// answers built here keep QJsonDocument's (keys sorted by name), so their bytes did not change.
// Strings are escaped as QJsonDocument escapes them: '"', '\\' and control characters.
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 1024) { m_out.reserve(reserve); }

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    // A member's name (ASCII, written as it is); its value follows.
    JsonWriter &key(QLatin1StringView name);

    JsonWriter &value(const QString &text);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(bool yes);
    JsonWriter &null();
    JsonWriter &valueOrNull(const std::optional<QString> &text);
    JsonWriter &strings(const QStringList &texts);
    // A value that is JSON already (QJsonDocument's compact bytes), written as it is.
    JsonWriter &raw(const QByteArray &json);

    const QByteArray &bytes() const { return m_out; }
    QByteArray take() { return std::move(m_out); }

private:
    void beforeValue();
    void writeString(const QString &text);
    void writeEscaped(const QString &text); // UTF-8, with escapes

    QByteArray m_out;
    bool m_first = true;     // nothing written yet in the innermost object or array
    bool m_afterKey = false; // a key was written: its value comes without a comma
};

} // namespace cc::api
