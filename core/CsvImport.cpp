#include "core/CsvImport.h"

#include "core/StorableText.h"

#include <algorithm>

namespace cc {

Result<QList<CsvRow>> parseCsv(const QByteArray &data)
{
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
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
        } else if (c == QLatin1Char(',')) {
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

Result<QList<ImportedMentor>> peerMentorsFromCsv(const QByteArray &data)
{
    auto rows = parseCsv(data);
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
        out.append(ImportedMentor{r.line, m});
    }
    if (!problems.isEmpty())
        return Error::invalid(problems.first().message, problems);
    return out;
}

} // namespace cc
