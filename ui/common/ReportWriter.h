#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace cc {

// Writes a table as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read "ø" right) or
// as a printable A4 PDF (title, subtitle lines, the header repeated on every page, page numbers),
// or a PDF document of several such tables under headings.
// Rows are pushed by a source one at a time, so 100 000 rows never sit in memory twice, and the
// writer can run on a LongTask thread. The file appears only when everything was written:
// a failure or a cancel leaves no file behind. It holds personal data, so only its owner may
// read it (0600), from its first byte on and whatever the umask; one it replaces goes.
class ReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)

public:
    // Takes one row; answers false when the writer wants no more (cancelled, or failed).
    using Sink = std::function<bool(const QStringList &row)>;
    // Pushes every row into the sink, stopping when it answers false.
    using RowSource = std::function<Status(const Sink &sink)>;
    // done/total in rows (total 0 when unknown); false: cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    struct Table
    {
        QString title;        // the PDF's heading (not written to CSV)
        QStringList subtitle; // lines under the heading: period, organisation, made at/by
        QStringList headers;
        QList<int> columnWeights; // relative PDF column widths; empty: equal
        qint64 expectedRows = 0;  // for the progress; 0 when unknown
    };

    // A PDF of several parts, each with a heading, lines of text under it and a table (of
    // `emptyText` instead when it has headers but no rows; none without headers).
    struct Section
    {
        QString heading;
        QStringList lines;
        QStringList headers;
        QList<int> columnWeights; // relative column widths; empty: equal
        QList<QStringList> rows;
        QString emptyText;
    };
    struct Document
    {
        QString title; // the heading of the first page and every page's footer
        QStringList subtitle;
        QList<Section> sections;
    };

    static Status writeCsv(const QString &file, const Table &table, const RowSource &rows,
                           const Progress &progress = {});
    static Status writePdf(const QString &file, const Table &table, const RowSource &rows,
                           const Progress &progress = {});
    // Writes a document that is in memory as a whole (a few hundred rows at most).
    static Status writePdf(const QString &file, const Document &document);

    // One CSV field: quoted when needed; text that a spreadsheet would run as a formula
    // (starting with =, +, -, @, tab or CR) gets a leading apostrophe.
    static QString csvField(const QString &value);
    // A source over rows already in memory.
    static RowSource rowsOf(const QList<QStringList> &rows);
    // The error a source or writer answers when the sink refused a row because of a cancel.
    static Error cancelled();
};

} // namespace cc
