#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <cstring>
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
    explicit JsonWriter(qsizetype reserve = 1024) { m_out.resize(qMax<qsizetype>(reserve, 16)); }

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

    QByteArray bytes() const { return QByteArray(m_out.constData(), m_used); }
    QByteArray take()
    {
        m_out.truncate(m_used);
        m_used = 0;
        return std::move(m_out);
    }

private:
    void beforeValue();
    void writeString(const QString &text);
    void writeEscaped(const QString &text); // UTF-8, with escapes

    // Room for `n` more bytes at the end of what is written, now counted as written.
    char *room(qsizetype n)
    {
        if (m_used + n > m_out.size())
            grow(n);
        char *at = m_out.data() + m_used;
        m_used += n;
        return at;
    }
    void grow(qsizetype n);
    void put(char c) { *room(1) = c; }
    void put(const char *text, qsizetype n) { std::memcpy(room(n), text, size_t(n)); }
    template<qsizetype N>
    void put(const char (&text)[N])
    {
        put(text, N - 1);
    }

    QByteArray m_out; // its size is the room there is; m_used of it is written
    qsizetype m_used = 0;
    bool m_first = true;     // nothing written yet in the innermost object or array
    bool m_afterKey = false; // a key was written: its value comes without a comma
};

} // namespace cc::api
