#pragma once

#include "core/StatisticsService.h"
#include "ui/common/LongTask.h"
#include "ui/common/ReportWriter.h"

#include <QCoreApplication>
#include <QDateTime>

class QWidget;

namespace cc {

// The activity report as a file: its title and heading lines, the file name to suggest, and the
// writing as CSV or PDF through ReportWriter, off the UI thread in a LongTask.
class ActivityReportExport
{
    Q_DECLARE_TR_FUNCTIONS(ActivityReportExport)

public:
    enum class Format
    {
        Csv,
        Pdf
    };
    // Whom the report covers and who made it, for its heading.
    struct About
    {
        QString organisation;
        QString coordinator; // empty: the whole organisation
        QDateTime madeAt;
        QString madeBy;
    };

    static ReportWriter::Table table(const ActivityStatistics &stats, const About &about);
    // "activity-report-2025-01-01-2025-12-31.csv" in `folder`.
    static QString suggestedFileName(const ActivityStatistics &stats, Format format, const QString &folder);
    // Writes `rows` (in the order given) under `table`'s heading; a progress dialog over `parent`.
    static LongTask::Result write(QWidget *parent, const QString &file, Format format,
                                  const ReportWriter::Table &table, const QList<QStringList> &rows);
};

} // namespace cc
