#include "ui/statistics/ActivityReportExport.h"

#include "ui/common/DisplayText.h"
#include "ui/statistics/StatisticsReportModel.h"

#include <QDir>

namespace cc {

ReportWriter::Table ActivityReportExport::table(const ActivityStatistics &stats, const About &about)
{
    ReportWriter::Table table;
    table.title = tr("Activity report");
    table.subtitle
        << tr("Period: %1 to %2").arg(DisplayText::longDate(stats.from), DisplayText::longDate(stats.to));
    table.subtitle << tr("Organisation: %1").arg(about.organisation);
    if (!about.coordinator.isEmpty())
        table.subtitle << tr("Coordinator: %1").arg(about.coordinator);
    // Short lines: ReportWriter does not wrap the subtitle.
    table.subtitle << tr("Active days count from the day a peer mentor started.");
    table.subtitle << tr("A pause runs from the day it began up to the day it ended.");
    table.subtitle << tr("Made %1 by %2").arg(DisplayText::dateTime(about.madeAt), about.madeBy);
    table.headers = StatisticsReportModel::headers();
    table.columnWeights = {4, 4, 2, 2, 2};
    table.expectedRows = stats.mentors.size();
    return table;
}

QString ActivityReportExport::suggestedFileName(const ActivityStatistics &stats, Format format,
                                                const QString &folder)
{
    const QString name =
        tr("activity-report-%1-%2").arg(stats.from.toString(Qt::ISODate), stats.to.toString(Qt::ISODate))
        + (format == Format::Csv ? QStringLiteral(".csv") : QStringLiteral(".pdf"));
    return QDir(folder).filePath(name);
}

LongTask::Result ActivityReportExport::write(QWidget *parent, const QString &file, Format format,
                                             const ReportWriter::Table &table, const QList<QStringList> &rows)
{
    return LongTask::run(parent, tr("Exporting the activity report…"),
                         [&](const LongTask::Progress &progress) -> Status {
                             return format == Format::Csv
                                 ? ReportWriter::writeCsv(file, table, ReportWriter::rowsOf(rows), progress)
                                 : ReportWriter::writePdf(file, table, ReportWriter::rowsOf(rows), progress);
                         });
}

} // namespace cc
