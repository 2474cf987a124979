#include "server/JsonWriter.h"

#include <cstdio>

namespace cc::api {

void JsonWriter::grow(qsizetype n)
{
    m_out.resize(qMax(m_out.size() * 2, m_used + n));
}

void JsonWriter::beforeValue()
{
    if (m_afterKey)
        m_afterKey = false;
    else if (!m_first)
        put(',');
    m_first = false;
}

JsonWriter &JsonWriter::beginObject()
{
    beforeValue();
    put('{');
    m_first = true;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    put('}');
    m_first = false;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    beforeValue();
    put('[');
    m_first = true;
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    put(']');
    m_first = false;
    return *this;
}

JsonWriter &JsonWriter::key(QLatin1StringView name)
{
    beforeValue();
    char *at = room(name.size() + 3);
    *at++ = '"';
    std::memcpy(at, name.data(), size_t(name.size()));
    at += name.size();
    *at++ = '"';
    *at = ':';
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(const QString &text)
{
    beforeValue();
    writeString(text);
    return *this;
}

JsonWriter &JsonWriter::value(qint64 number)
{
    beforeValue();
    char digits[24];
    const int n = std::snprintf(digits, sizeof digits, "%lld", static_cast<long long>(number));
    put(digits, n);
    return *this;
}

JsonWriter &JsonWriter::value(bool yes)
{
    beforeValue();
    if (yes)
        put("true");
    else
        put("false");
    return *this;
}

JsonWriter &JsonWriter::null()
{
    beforeValue();
    put("null");
    return *this;
}

JsonWriter &JsonWriter::valueOrNull(const std::optional<QString> &text)
{
    return text ? value(*text) : null();
}

JsonWriter &JsonWriter::strings(const QStringList &texts)
{
    beginArray();
    for (const QString &text : texts)
        value(text);
    return endArray();
}

JsonWriter &JsonWriter::raw(const QByteArray &json)
{
    beforeValue();
    put(json.constData(), json.size());
    return *this;
}

void JsonWriter::writeString(const QString &text)
{
    // Most strings (ids, dates, names in ASCII) need neither UTF-8 encoding nor escapes: copied
    // character by character straight into the answer.
    const qsizetype start = m_used;
    const qsizetype length = text.size();
    char *out = room(length + 2);
    *out++ = '"';
    const QChar *in = text.constData();
    qsizetype i = 0;
    for (; i < length; ++i) {
        const char16_t c = in[i].unicode();
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
            break;
        out[i] = char(c);
    }
    if (i == length) {
        out[length] = '"';
        return;
    }
    m_used = start;
    writeEscaped(text);
}

void JsonWriter::writeEscaped(const QString &text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    put('"');
    const QByteArray utf8 = text.toUtf8();
    qsizetype plain = 0; // start of the run of bytes that need no escape
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const uchar c = uchar(utf8.at(i));
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(utf8.constData() + plain, i - plain);
        plain = i + 1;
        put('\\');
        switch (c) {
        case '"':
            put('"');
            break;
        case '\\':
            put('\\');
            break;
        case '\b':
            put('b');
            break;
        case '\f':
            put('f');
            break;
        case '\n':
            put('n');
            break;
        case '\r':
            put('r');
            break;
        case '\t':
            put('t');
            break;
        default:
            put("u00");
            put(kHex[c >> 4]);
            put(kHex[c & 0xf]);
        }
    }
    put(utf8.constData() + plain, utf8.size() - plain);
    put('"');
}

} // namespace cc::api
