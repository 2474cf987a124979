#include "core/CsvImport.h"

#include "core/StorableText.h"

#include <algorithm>

namespace cc {

namespace {

// The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF), or -1.
qsizetype firstInvalidUtf8(const QByteArray &data)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data.constData());
    const qsizetype n = data.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xbf; // the allowed range of the second byte
        if (c >= 0xc2 && c <= 0xdf) {
            length = 2;
        } else if (c >= 0xe0 && c <= 0xef) {
            length = 3;
            if (c == 0xe0)
                low = 0xa0;
            else if (c == 0xed)
                high = 0x9f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            length = 4;
            if (c == 0xf0)
                low = 0x90;
            else if (c == 0xf4)
                high = 0x8f;
        } else {
            return i;
        }
        if (i + length > n || p[i + 1] < low || p[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xbf)
                return i;
        i += length;
    }
    return -1;
}

int lineAt(const QByteArray &data, qsizetype offset)
{
    return int(data.left(offset).count('\n')) + 1;
}

// windows-1252's 0x80 to 0x9f (0 where it has no character); the rest is Latin-1.
constexpr char16_t kWindows1252High[32] = {0x20ac, 0,      0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
                                           0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017d, 0,
                                           0,      0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
                                           0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,      0x017e, 0x0178};

// The separator the header line (the text up to its first line break outside quotes) uses most.
QChar separatorOf(const QString &text)
{
    qsizetype commas = 0;
    qsizetype semicolons = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && c == QLatin1Char('\n'))
            break;
        else if (!quoted && c == QLatin1Char(','))
            ++commas;
        else if (!quoted && c == QLatin1Char(';'))
            ++semicolons;
    }
    return semicolons > commas ? QLatin1Char(';') : QLatin1Char(',');
}

} // namespace

std::optional<TextEncoding> textEncodingFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("utf-8") || n == QLatin1String("utf8"))
        return TextEncoding::Utf8;
    if (n == QLatin1String("windows-1252") || n == QLatin1String("cp1252"))
        return TextEncoding::Windows1252;
    return std::nullopt;
}

Result<QString> decodeText(const QByteArray &data, TextEncoding encoding)
{
    if (encoding == TextEncoding::Windows1252) {
        QString text;
        text.reserve(data.size());
        for (qsizetype i = 0; i < data.size(); ++i) {
            const auto c = static_cast<unsigned char>(data.at(i));
            const char16_t u = c >= 0x80 && c <= 0x9f ? kWindows1252High[c - 0x80] : char16_t(c);
            if (u == 0)
                return Error::invalid(
                    QStringLiteral("Line %1: the byte 0x%2 is no character in windows-1252; is this the "
                                   "right encoding?")
                        .arg(lineAt(data, i))
                        .arg(int(c), 2, 16, QLatin1Char('0')));
            text.append(QChar(u));
        }
        return text;
    }
    if (const qsizetype bad = firstInvalidUtf8(data); bad >= 0)
        return Error::invalid(
            QStringLiteral("Line %1 is not valid UTF-8 (byte 0x%2). A file saved by a spreadsheet program "
                           "on Windows is often windows-1252: import it with --encoding windows-1252.")
                .arg(lineAt(data, bad))
                .arg(int(static_cast<unsigned char>(data.at(bad))), 2, 16, QLatin1Char('0')));
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    return text;
}

Result<QList<CsvRow>> parseCsv(const QByteArray &data, TextEncoding encoding)
{
    auto decoded = decodeText(data, encoding);
    if (!decoded)
        return decoded.error();
    const QString &text = *decoded;
    const QChar separator = separatorOf(text);
    QList<CsvRow> rows;
    CsvRow row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    row.line = 1;
    auto endField = [&] {
        row.fields.append(field);
        field.clear();
        fieldStarted = false;
    };
    auto endRow = [&] {
        endField();
        if (!(row.fields.size() == 1 && row.fields.first().isEmpty()))
            rows.append(row);
        row = CsvRow{line, {}};
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(QLatin1Char('"'));
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == separator) {
            endField();
        } else if (c == QLatin1Char('\r')) {
            // part of CRLF
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRow();
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (quoted)
        return Error::invalid(QStringLiteral("Line %1: a quoted field is never closed.").arg(row.line));
    if (fieldStarted || !row.fields.isEmpty() || !field.isEmpty())
        endRow();
    return rows;
}

Result<QList<ImportedMentor>> peerMentorsFromCsv(const QByteArray &data, TextEncoding encoding)
{
    auto rows = parseCsv(data, encoding);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error::invalid(QStringLiteral("The file is empty; the first line must be the header "
                                             "id,org_id,coordinator_id,name,email,phone."));
    const CsvRow header = rows->takeFirst();
    QHash<QString, int> column;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed().toLower();
        // A second column of the same name would silently replace the first one's values.
        if (column.contains(name))
            return Error::invalid(QStringLiteral("Line %1: the column “%2” appears twice in the header.")
                                      .arg(header.line)
                                      .arg(name));
        column.insert(name, i);
    }
    QStringList missing;
    for (const char *required : {"id", "org_id", "name"})
        if (!column.contains(QLatin1String(required)))
            missing << QLatin1String(required);
    if (!missing.isEmpty())
        return Error::invalid(QStringLiteral("Line %1: the header lacks the column(s) %2; expected "
                                             "id,org_id,coordinator_id,name,email,phone.")
                                  .arg(header.line)
                                  .arg(missing.join(QStringLiteral(", "))));
    const QStringList known{
        QStringLiteral("id"),   QStringLiteral("org_id"), QStringLiteral("coordinator_id"),
        QStringLiteral("name"), QStringLiteral("email"),  QStringLiteral("phone")};
    for (const QString &field : header.fields) {
        const QString name = field.trimmed().toLower();
        if (!known.contains(name))
            return Error::invalid(QStringLiteral("Line %1: unknown column “%2”; expected "
                                                 "id,org_id,coordinator_id,name,email,phone.")
                                      .arg(header.line)
                                      .arg(name));
    }

    QList<ImportedMentor> out;
    QList<FieldError> problems;
    auto get = [&](const CsvRow &r, const QString &name) {
        const int i = column.value(name, -1);
        return i >= 0 && i < r.fields.size() ? r.fields.at(i).trimmed() : QString();
    };
    for (const CsvRow &r : std::as_const(*rows)) {
        if (r.fields.size() != header.fields.size()) {
            problems << FieldError{QStringLiteral("line %1").arg(r.line),
                                   QStringLiteral("Line %1: %2 fields, but the header has %3.")
                                       .arg(r.line)
                                       .arg(r.fields.size())
                                       .arg(header.fields.size()),
                                   r.line, 0};
            continue;
        }
        if (!std::all_of(r.fields.cbegin(), r.fields.cend(),
                         [](const QString &f) { return isStorableText(f); })) {
            problems << FieldError{QStringLiteral("line %1").arg(r.line),
                                   QStringLiteral("Line %1: a field holds a NUL character, which cannot be "
                                                  "stored; is this a CSV text file?")
                                       .arg(r.line),
                                   r.line, 0};
            continue;
        }
        PeerMentor m;
        m.id = get(r, QStringLiteral("id"));
        m.orgId = get(r, QStringLiteral("org_id"));
        m.coordinatorId = get(r, QStringLiteral("coordinator_id"));
        m.name = get(r, QStringLiteral("name"));
        m.email = get(r, QStringLiteral("email"));
        m.phone = get(r, QStringLiteral("phone"));
        out.append(ImportedMentor{r.line, m, column.contains(QStringLiteral("coordinator_id")),
                                  column.contains(QStringLiteral("email")),
                                  column.contains(QStringLiteral("phone"))});
    }
    if (!problems.isEmpty())
        return Error::invalid(problems.first().message, problems);
    return out;
}

} // namespace cc
