#pragma once

#include "core/Caller.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "ui/common/ReportWriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace cc {

// One peer mentor's notification history as a file: CSV for a spreadsheet, or a printable PDF with
// the mentor's name, organisation, coordinator and status above the timeline. Reads everything
// through the services when it writes, so it runs on a LongTask thread and exports what is stored
// at that moment, not what a view happened to show.
class HistoryExport
{
    Q_DECLARE_TR_FUNCTIONS(HistoryExport)

public:
    enum class Format
    {
        Csv,
        Pdf
    };

    HistoryExport(NotificationRecordService &records, DirectoryService &directory, const Caller &caller);

    // Writes the history of `peerMentorId` to `file`; `madeAt` is printed in the PDF's subtitle.
    Status write(const QString &peerMentorId, Format format, const QString &file, const QDateTime &madeAt,
                 const ReportWriter::Progress &progress = {}) const;

    // The column headings, the same in CSV and PDF.
    static QStringList headers();
    // "history-kari-nordmann-2026-03-19.csv": a file name without characters a file system refuses.
    static QString suggestedFileName(const QString &mentorName, Format format, const QDate &day);
    // "kari-nordmann": a mentor's name as part of a file name ("peer-mentor" when nothing is left).
    static QString fileNameStem(const QString &mentorName);

private:
    NotificationRecordService &m_records;
    DirectoryService &m_directory;
    Caller m_caller;
};

} // namespace cc
