#include "ui/common/ReportWriter.h"

#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextStream>

namespace cc {

namespace {

Error fileError(const QString &file, const QString &why)
{
    return Error{ErrorCode::Storage, ReportWriter::tr("%1 could not be written: %2").arg(file, why), {}, 0};
}

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
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return fileError(file, out.errorString());
    QTextStream stream(&out);
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
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return fileError(file, out.errorString());
    bool ok = true;
    ProgressGate gate(progress, table.expectedRows);
    Status pushed;
    {
        QPdfWriter pdf(&out);
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                      QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        pdf.setResolution(300);
        pdf.setTitle(table.title);
        pdf.setCreator(QStringLiteral("Coordinator Console"));
        QPainter painter;
        if (!painter.begin(&pdf)) {
            out.cancelWriting();
            return fileError(file, tr("the PDF could not be started"));
        }
        const QRectF page = QRectF(QPointF(0, 0), QSizeF(pdf.width(), pdf.height()));
        QFont bodyFont = painter.font();
        bodyFont.setPointSizeF(8.5);
        QFont headerFont = bodyFont;
        headerFont.setBold(true);
        QFont titleFont = bodyFont;
        titleFont.setPointSizeF(15);
        titleFont.setBold(true);
        QFont smallFont = bodyFont;
        smallFont.setPointSizeF(7.5);
        const QFontMetricsF bodyMetrics(bodyFont, &pdf);
        const QFontMetricsF smallMetrics(smallFont, &pdf);
        const double padding = bodyMetrics.height() * 0.3;
        const double footerHeight = smallMetrics.height() * 2;

        // Column x positions from the weights.
        const qsizetype columns = table.headers.size();
        QList<double> weights;
        double weightSum = 0;
        for (qsizetype i = 0; i < columns; ++i) {
            weights << (i < table.columnWeights.size() ? std::max(1, table.columnWeights.at(i)) : 1);
            weightSum += weights.last();
        }
        QList<double> xs{0};
        for (qsizetype i = 0; i < columns; ++i)
            xs << xs.last() + page.width() * weights.at(i) / weightSum;

        int pageNumber = 1;
        double y = 0;
        const auto cellHeight = [&](const QStringList &row, const QFont &font) {
            const QFontMetricsF metrics(font, &pdf);
            double height = metrics.height();
            for (qsizetype i = 0; i < columns; ++i) {
                const QRectF box(0, 0, xs.at(i + 1) - xs.at(i) - 2 * padding, 1e6);
                height = std::max(height, metrics.boundingRect(box, Qt::TextWordWrap, row.value(i)).height());
            }
            return height + 2 * padding;
        };
        const auto drawRow = [&](const QStringList &row, const QFont &font, double height, bool shaded,
                                 bool header) {
            painter.setFont(font);
            if (header) {
                painter.fillRect(QRectF(0, y, page.width(), height), QColor(0xdd, 0xe6, 0xee));
            } else if (shaded) {
                painter.fillRect(QRectF(0, y, page.width(), height), QColor(0xf4, 0xf6, 0xf8));
            }
            painter.setPen(Qt::black);
            for (qsizetype i = 0; i < columns; ++i) {
                const QRectF box(xs.at(i) + padding, y + padding, xs.at(i + 1) - xs.at(i) - 2 * padding,
                                 height - 2 * padding);
                painter.drawText(box, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, row.value(i));
            }
            y += height;
        };
        const auto drawFooter = [&] {
            painter.setFont(smallFont);
            painter.setPen(Qt::darkGray);
            painter.drawText(
                QRectF(0, page.height() - smallMetrics.height(), page.width(), smallMetrics.height()),
                Qt::AlignRight, tr("Page %1").arg(pageNumber));
            painter.drawText(
                QRectF(0, page.height() - smallMetrics.height(), page.width(), smallMetrics.height()),
                Qt::AlignLeft, table.title);
        };
        const double headerHeight = cellHeight(table.headers, headerFont);
        const auto newPage = [&] {
            drawFooter();
            if (!pdf.newPage())
                ok = false;
            ++pageNumber;
            y = 0;
            drawRow(table.headers, headerFont, headerHeight, false, true);
        };

        // Heading.
        painter.setFont(titleFont);
        const QFontMetricsF titleMetrics(titleFont, &pdf);
        painter.drawText(QRectF(0, y, page.width(), titleMetrics.height() * 2),
                         Qt::AlignLeft | Qt::TextWordWrap, table.title);
        y +=
            titleMetrics.boundingRect(QRectF(0, 0, page.width(), 1e6), Qt::TextWordWrap, table.title).height()
            + titleMetrics.height() * 0.4;
        painter.setFont(bodyFont);
        for (const QString &line : table.subtitle) {
            // Long lines (an organisation's full name, a long period) wrap rather than run off the page.
            const QRectF box =
                bodyMetrics.boundingRect(QRectF(0, 0, page.width(), 1e6), Qt::TextWordWrap, line);
            painter.drawText(QRectF(0, y, page.width(), box.height()), Qt::AlignLeft | Qt::TextWordWrap,
                             line);
            y += std::max(box.height(), bodyMetrics.height());
        }
        y += bodyMetrics.height();
        drawRow(table.headers, headerFont, headerHeight, false, true);

        bool shaded = false;
        pushed = rows([&](const QStringList &row) {
            const double height = cellHeight(row, bodyFont);
            if (y + height > page.height() - footerHeight)
                newPage();
            drawRow(row, bodyFont, height, shaded, false);
            shaded = !shaded;
            return ok && gate.step();
        });
        drawFooter();
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

} // namespace cc
