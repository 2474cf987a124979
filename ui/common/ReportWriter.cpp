#include "ui/common/ReportWriter.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryFile>
#include <QTextStream>

#include <unistd.h>

#include <cerrno>
#include <cstdio>

namespace cc {

namespace {

Error fileError(const QString &file, const QString &why)
{
    return Error{ErrorCode::Storage, ReportWriter::tr("%1 could not be written: %2").arg(file, why), {}, 0};
}

// Like QSaveFile, a file written under a temporary name beside its own that takes its name only
// when everything is in (replacing a file of that name); unlike it, readable and writable by its
// owner only from the moment it exists, whatever the umask (QTemporaryFile makes it 0600,
// QSaveFile 0666 less the umask): a report holds personal data.
class PrivateSaveFile
{
public:
    explicit PrivateSaveFile(const QString &file)
    {
        // As QSaveFile does, a symbolic link's target is written, not the link replaced.
        const QFileInfo info(file);
        m_target = info.isSymLink() ? info.symLinkTarget() : file;
        m_temp.setFileTemplate(m_target + QStringLiteral(".XXXXXX"));
    }
    bool open()
    {
        // Nor does it replace a file that may not be written.
        const QFileInfo existing(m_target);
        if (existing.exists() && !existing.isWritable()) {
            m_error = qt_error_string(EACCES);
            return false;
        }
        return m_temp.open();
    }
    QIODevice *device() { return &m_temp; }
    QString errorString() const { return m_error.isEmpty() ? m_temp.errorString() : m_error; }
    // Removes what was written.
    void cancelWriting() { m_temp.remove(); }
    // On disk, then under its name; on failure nothing is left behind.
    bool commit()
    {
        if (!m_temp.flush() || m_temp.error() != QFileDevice::NoError || ::fsync(m_temp.handle()) != 0
            || std::rename(QFile::encodeName(m_temp.fileName()).constData(),
                           QFile::encodeName(m_target).constData())
                != 0) {
            if (m_temp.error() == QFileDevice::NoError)
                m_error = qt_error_string(errno);
            m_temp.remove();
            return false;
        }
        m_temp.setAutoRemove(false);
        return true;
    }

private:
    QString m_target;
    QTemporaryFile m_temp;
    QString m_error;
};

// Calls progress now and then; remembers a cancel.
class ProgressGate
{
public:
    ProgressGate(const ReportWriter::Progress &progress, qint64 total)
        : m_progress(progress)
        , m_total(total)
    {}
    bool step()
    {
        ++m_done;
        if (m_progress && (m_done % 256 == 0) && !m_progress(m_done, std::max(m_total, m_done)))
            m_cancelled = true;
        return !m_cancelled;
    }
    void finish()
    {
        if (m_progress && !m_cancelled)
            m_cancelled = !m_progress(m_done, m_done);
    }
    bool cancelled() const { return m_cancelled; }
    qint64 done() const { return m_done; }

private:
    const ReportWriter::Progress &m_progress;
    qint64 m_total;
    qint64 m_done = 0;
    bool m_cancelled = false;
};

// Lays tables out on the pages of a PDF: a title, then sections (a heading, lines of text, a
// table with word-wrapped cells in columns as wide as their weights, its header row again at the
// top of every page it runs on), and on every page a footer with the title and the page number.
class PdfTable
{
public:
    PdfTable(QPdfWriter &pdf, QPainter &painter, const QString &title)
        : m_pdf(pdf)
        , m_painter(painter)
        , m_title(title)
        , m_page(QPointF(0, 0), QSizeF(pdf.width(), pdf.height()))
    {
        m_bodyFont = painter.font();
        m_bodyFont.setPointSizeF(8.5);
        m_headerFont = m_bodyFont;
        m_headerFont.setBold(true);
        m_titleFont = m_bodyFont;
        m_titleFont.setPointSizeF(15);
        m_titleFont.setBold(true);
        m_sectionFont = m_bodyFont;
        m_sectionFont.setPointSizeF(11.5);
        m_sectionFont.setBold(true);
        m_smallFont = m_bodyFont;
        m_smallFont.setPointSizeF(7.5);
        const QFontMetricsF bodyMetrics(m_bodyFont, &pdf);
        const QFontMetricsF smallMetrics(m_smallFont, &pdf);
        m_padding = bodyMetrics.height() * 0.3;
        m_footerHeight = smallMetrics.height() * 2;
    }

    // The title and the subtitle lines under it.
    void drawTitle(const QStringList &subtitle)
    {
        m_painter.setFont(m_titleFont);
        const QFontMetricsF titleMetrics(m_titleFont, &m_pdf);
        const QRectF wide(0, 0, m_page.width(), 1e6);
        m_painter.drawText(QRectF(0, m_y, m_page.width(), titleMetrics.height() * 2),
                           Qt::AlignLeft | Qt::TextWordWrap, m_title);
        m_y +=
            titleMetrics.boundingRect(wide, Qt::TextWordWrap, m_title).height() + titleMetrics.height() * 0.4;
        m_painter.setFont(m_bodyFont);
        const QFontMetricsF bodyMetrics(m_bodyFont, &m_pdf);
        for (const QString &line : subtitle) {
            // Long lines (an organisation's full name, a long period) wrap rather than run off the page.
            const QRectF box = bodyMetrics.boundingRect(wide, Qt::TextWordWrap, line);
            m_painter.drawText(QRectF(0, m_y, m_page.width(), box.height()), Qt::AlignLeft | Qt::TextWordWrap,
                               line);
            m_y += std::max(box.height(), bodyMetrics.height());
        }
        m_y += bodyMetrics.height();
    }

    // A section's heading, on a new page when it would stand alone at the bottom of this one.
    void drawHeading(const QString &text)
    {
        const QFontMetricsF metrics(m_sectionFont, &m_pdf);
        const QFontMetricsF bodyMetrics(m_bodyFont, &m_pdf);
        const double height =
            metrics.boundingRect(QRectF(0, 0, m_page.width(), 1e6), Qt::TextWordWrap, text).height();
        if (m_y + height + bodyMetrics.height() * 3 > bottom())
            newPage();
        m_painter.setFont(m_sectionFont);
        m_painter.setPen(Qt::black);
        m_painter.drawText(QRectF(0, m_y, m_page.width(), height), Qt::AlignLeft | Qt::TextWordWrap, text);
        m_y += height + bodyMetrics.height() * 0.3;
    }

    // Lines of text, each wrapped, each on the next page when it does not fit.
    void drawLines(const QStringList &lines)
    {
        const QFontMetricsF metrics(m_bodyFont, &m_pdf);
        for (const QString &line : lines) {
            const double height = std::max(
                metrics.boundingRect(QRectF(0, 0, m_page.width(), 1e6), Qt::TextWordWrap, line).height(),
                metrics.height());
            if (m_y + height > bottom())
                newPage();
            m_painter.setFont(m_bodyFont);
            m_painter.setPen(Qt::black);
            m_painter.drawText(QRectF(0, m_y, m_page.width(), height), Qt::AlignLeft | Qt::TextWordWrap,
                               line);
            m_y += height;
        }
    }

    // Space between sections.
    void skip() { m_y += QFontMetricsF(m_bodyFont, &m_pdf).height(); }

    // A table starts with its header row; until endTable() every new page repeats it.
    void beginTable(const QStringList &headers, const QList<int> &columnWeights)
    {
        m_headers = headers;
        layOutColumns(columnWeights);
        m_headerHeight = cellHeight(headers, m_headerFont);
        m_shaded = false;
        if (m_y + m_headerHeight + QFontMetricsF(m_bodyFont, &m_pdf).height() * 2 > bottom())
            newPage();
        else
            drawRow(m_headers, m_headerFont, m_headerHeight, false, true);
    }
    void endTable() { m_headers.clear(); }

    // One body row, on a new page when it does not fit; false once a page could not be added.
    bool addRow(const QStringList &row)
    {
        const double height = cellHeight(row, m_bodyFont);
        if (m_y + height > bottom())
            newPage();
        drawRow(row, m_bodyFont, height, m_shaded, false);
        m_shaded = !m_shaded;
        return m_ok;
    }

    // The last page's footer.
    void finish() { drawFooter(); }
    bool ok() const { return m_ok; }

private:
    double bottom() const { return m_page.height() - m_footerHeight; }

    // Column x positions from the weights.
    void layOutColumns(const QList<int> &columnWeights)
    {
        QList<double> weights;
        double weightSum = 0;
        for (qsizetype i = 0; i < m_headers.size(); ++i) {
            weights << (i < columnWeights.size() ? std::max(1, columnWeights.at(i)) : 1);
            weightSum += weights.last();
        }
        m_xs = {0};
        for (qsizetype i = 0; i < m_headers.size(); ++i)
            m_xs << m_xs.last() + m_page.width() * weights.at(i) / weightSum;
    }

    double cellHeight(const QStringList &row, const QFont &font) const
    {
        const QFontMetricsF metrics(font, &m_pdf);
        double height = metrics.height();
        for (qsizetype i = 0; i + 1 < m_xs.size(); ++i) {
            const QRectF box(0, 0, m_xs.at(i + 1) - m_xs.at(i) - 2 * m_padding, 1e6);
            height = std::max(height, metrics.boundingRect(box, Qt::TextWordWrap, row.value(i)).height());
        }
        return height + 2 * m_padding;
    }

    void drawRow(const QStringList &row, const QFont &font, double height, bool shaded, bool header)
    {
        m_painter.setFont(font);
        if (header) {
            m_painter.fillRect(QRectF(0, m_y, m_page.width(), height), QColor(0xdd, 0xe6, 0xee));
        } else if (shaded) {
            m_painter.fillRect(QRectF(0, m_y, m_page.width(), height), QColor(0xf4, 0xf6, 0xf8));
        }
        m_painter.setPen(Qt::black);
        for (qsizetype i = 0; i + 1 < m_xs.size(); ++i) {
            const QRectF box(m_xs.at(i) + m_padding, m_y + m_padding,
                             m_xs.at(i + 1) - m_xs.at(i) - 2 * m_padding, height - 2 * m_padding);
            m_painter.drawText(box, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, row.value(i));
        }
        m_y += height;
    }

    void drawFooter()
    {
        const QFontMetricsF smallMetrics(m_smallFont, &m_pdf);
        const QRectF line(0, m_page.height() - smallMetrics.height(), m_page.width(), smallMetrics.height());
        m_painter.setFont(m_smallFont);
        m_painter.setPen(Qt::darkGray);
        m_painter.drawText(line, Qt::AlignRight, ReportWriter::tr("Page %1").arg(m_pageNumber));
        m_painter.drawText(line, Qt::AlignLeft, m_title);
    }

    void newPage()
    {
        drawFooter();
        if (!m_pdf.newPage())
            m_ok = false;
        ++m_pageNumber;
        m_y = 0;
        if (!m_headers.isEmpty())
            drawRow(m_headers, m_headerFont, m_headerHeight, false, true);
    }

    QPdfWriter &m_pdf;
    QPainter &m_painter;
    const QString m_title;
    const QRectF m_page;
    QStringList m_headers; // of the table being laid out; empty between tables
    QFont m_bodyFont;
    QFont m_headerFont;
    QFont m_titleFont;
    QFont m_sectionFont;
    QFont m_smallFont;
    double m_padding = 0;
    double m_footerHeight = 0;
    double m_headerHeight = 0;
    QList<double> m_xs;
    double m_y = 0;
    int m_pageNumber = 1;
    bool m_shaded = false;
    bool m_ok = true;
};

// A4 portrait with 15 mm margins at 300 dpi.
void setUp(QPdfWriter &pdf, const QString &title)
{
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                  QPageLayout::Millimeter));
    pdf.setResolution(300);
    pdf.setTitle(title);
    pdf.setCreator(QStringLiteral("Coordinator Console"));
}

} // namespace

Error ReportWriter::cancelled()
{
    return Error{ErrorCode::Invalid, tr("Cancelled."), {}, 0};
}

QString ReportWriter::csvField(const QString &value)
{
    QString text = value;
    if (!text.isEmpty()) {
        const QChar first = text.at(0);
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
            || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            text.prepend(QLatin1Char('\''));
    }
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))
        || text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char(';'))) {
        text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

ReportWriter::RowSource ReportWriter::rowsOf(const QList<QStringList> &rows)
{
    return [rows](const Sink &sink) -> Status {
        for (const QStringList &row : rows) {
            if (!sink(row))
                return cancelled();
        }
        return {};
    };
}

Status ReportWriter::writeCsv(const QString &file, const Table &table, const RowSource &rows,
                              const Progress &progress)
{
    PrivateSaveFile out(file);
    if (!out.open())
        return fileError(file, out.errorString());
    QTextStream stream(out.device());
    stream.setEncoding(QStringConverter::Utf8);
    stream.setGenerateByteOrderMark(true);
    const auto writeRow = [&stream](const QStringList &row) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i > 0)
                stream << QLatin1Char(',');
            stream << csvField(row.at(i));
        }
        stream << QStringLiteral("\r\n");
    };
    writeRow(table.headers);
    ProgressGate gate(progress, table.expectedRows);
    const Status pushed = rows([&](const QStringList &row) {
        writeRow(row);
        return gate.step();
    });
    if (!pushed.ok() || gate.cancelled()) {
        out.cancelWriting();
        return gate.cancelled() ? cancelled() : pushed.error();
    }
    gate.finish();
    stream.flush();
    if (gate.cancelled()) {
        out.cancelWriting();
        return cancelled();
    }
    if (stream.status() != QTextStream::Ok || !out.commit())
        return fileError(file, out.errorString());
    return {};
}

Status ReportWriter::writePdf(const QString &file, const Table &table, const RowSource &rows,
                              const Progress &progress)
{
    PrivateSaveFile out(file);
    if (!out.open())
        return fileError(file, out.errorString());
    bool ok = true;
    ProgressGate gate(progress, table.expectedRows);
    Status pushed;
    {
        QPdfWriter pdf(out.device());
        setUp(pdf, table.title);
        QPainter painter;
        if (!painter.begin(&pdf)) {
            out.cancelWriting();
            return fileError(file, tr("the PDF could not be started"));
        }
        PdfTable pages(pdf, painter, table.title);
        pages.drawTitle(table.subtitle);
        pages.beginTable(table.headers, table.columnWeights);
        pushed = rows([&](const QStringList &row) { return pages.addRow(row) && gate.step(); });
        ok = pages.ok();
        pages.finish();
        painter.end();
    }
    if (gate.cancelled() || !pushed.ok() || !ok) {
        out.cancelWriting();
        if (gate.cancelled())
            return cancelled();
        return pushed.ok() ? fileError(file, tr("a page could not be added")) : pushed.error();
    }
    gate.finish();
    if (gate.cancelled()) {
        out.cancelWriting();
        return cancelled();
    }
    if (!out.commit())
        return fileError(file, out.errorString());
    return {};
}

Status ReportWriter::writePdf(const QString &file, const Document &document)
{
    PrivateSaveFile out(file);
    if (!out.open())
        return fileError(file, out.errorString());
    bool ok = true;
    {
        QPdfWriter pdf(out.device());
        setUp(pdf, document.title);
        QPainter painter;
        if (!painter.begin(&pdf)) {
            out.cancelWriting();
            return fileError(file, tr("the PDF could not be started"));
        }
        PdfTable pages(pdf, painter, document.title);
        pages.drawTitle(document.subtitle);
        for (const Section &section : document.sections) {
            pages.drawHeading(section.heading);
            pages.drawLines(section.lines);
            if (!section.headers.isEmpty() && !section.rows.isEmpty()) {
                pages.beginTable(section.headers, section.columnWeights);
                for (const QStringList &row : section.rows)
                    pages.addRow(row);
                pages.endTable();
            } else if (!section.headers.isEmpty()) {
                pages.drawLines({section.emptyText});
            }
            pages.skip();
        }
        ok = pages.ok();
        pages.finish();
        painter.end();
    }
    if (!ok) {
        out.cancelWriting();
        return fileError(file, tr("a page could not be added"));
    }
    if (!out.commit())
        return fileError(file, out.errorString());
    return {};
}

} // namespace cc
