#include "server/JsonWriter.h"

namespace cc::api {

void JsonWriter::beforeValue()
{
    if (m_afterKey)
        m_afterKey = false;
    else if (!m_first)
        m_out += ',';
    m_first = false;
}

JsonWriter &JsonWriter::beginObject()
{
    beforeValue();
    m_out += '{';
    m_first = true;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out += '}';
    m_first = false;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    beforeValue();
    m_out += '[';
    m_first = true;
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out += ']';
    m_first = false;
    return *this;
}

JsonWriter &JsonWriter::key(QLatin1StringView name)
{
    beforeValue();
    m_out += '"';
    m_out.append(name.data(), name.size());
    m_out += "\":";
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
    m_out += QByteArray::number(number);
    return *this;
}

JsonWriter &JsonWriter::value(bool yes)
{
    beforeValue();
    m_out += yes ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::null()
{
    beforeValue();
    m_out += "null";
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
    m_out += json;
    return *this;
}

void JsonWriter::writeString(const QString &text)
{
    // Most strings (ids, dates, names in ASCII) need neither UTF-8 encoding nor escapes: copied
    // character by character straight into the answer.
    const qsizetype start = m_out.size();
    const qsizetype length = text.size();
    m_out.resize(start + length + 2);
    char *out = m_out.data() + start;
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
    m_out.truncate(start);
    writeEscaped(text);
}

void JsonWriter::writeEscaped(const QString &text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    m_out += '"';
    const QByteArray utf8 = text.toUtf8();
    qsizetype plain = 0; // start of the run of bytes that need no escape
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const uchar c = uchar(utf8.at(i));
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out.append(utf8.constData() + plain, i - plain);
        plain = i + 1;
        m_out += '\\';
        switch (c) {
        case '"':
            m_out += '"';
            break;
        case '\\':
            m_out += '\\';
            break;
        case '\b':
            m_out += 'b';
            break;
        case '\f':
            m_out += 'f';
            break;
        case '\n':
            m_out += 'n';
            break;
        case '\r':
            m_out += 'r';
            break;
        case '\t':
            m_out += 't';
            break;
        default:
            m_out += "u00";
            m_out += kHex[c >> 4];
            m_out += kHex[c & 0xf];
        }
    }
    m_out.append(utf8.constData() + plain, utf8.size() - plain);
    m_out += '"';
}

} // namespace cc::api
