#include "ui/peermentors/HistoryExport.h"

#include "ui/common/DisplayText.h"

#include <QRegularExpression>

namespace cc {

namespace {

// Dates a spreadsheet sorts (CSV), or the reader's own format (PDF).
QString effectiveText(const QDateTime &when, HistoryExport::Format format)
{
    if (format == HistoryExport::Format::Pdf)
        return DisplayText::date(when);
    return when.isValid() ? when.toUTC().date().toString(Qt::ISODate) : QString();
}

QString sentText(const QDateTime &when, HistoryExport::Format format)
{
    if (format == HistoryExport::Format::Pdf)
        return DisplayText::dateTime(when);
    return when.isValid() ? when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QStringList rowOf(const NotificationRecord &r, HistoryExport::Format format)
{
    return {DisplayText::event(r.eventType),
            effectiveText(r.effectiveDate, format),
            r.reason.value_or(QString()),
            DisplayText::channels(r.channels),
            r.coordinatorName,
            r.notes.value_or(QString()),
            sentText(r.sentAt, format),
            r.createdBy};
}

} // namespace

HistoryExport::HistoryExport(NotificationRecordService &records, DirectoryService &directory,
                             const Caller &caller)
    : m_records(records)
    , m_directory(directory)
    , m_caller(caller)
{}

QStringList HistoryExport::headers()
{
    return {tr("Event"),       tr("Effective date"), tr("Reason"),  tr("Channels"),
            tr("Coordinator"), tr("Notes"),          tr("Sent at"), tr("Recorded by")};
}

QString HistoryExport::suggestedFileName(const QString &mentorName, Format format, const QDate &day)
{
    const QString suffix = format == Format::Pdf ? QStringLiteral("pdf") : QStringLiteral("csv");
    return QStringLiteral("history-%1-%2.%3")
        .arg(fileNameStem(mentorName), day.toString(Qt::ISODate), suffix);
}

QString HistoryExport::fileNameStem(const QString &mentorName)
{
    static const QRegularExpression unsafe(QStringLiteral("[^\\w]+"),
                                           QRegularExpression::UseUnicodePropertiesOption);
    QString stem = mentorName.toLower().replace(unsafe, QStringLiteral("-"));
    while (stem.startsWith(QLatin1Char('-')))
        stem.remove(0, 1);
    while (stem.endsWith(QLatin1Char('-')))
        stem.chop(1);
    if (stem.isEmpty())
        stem = QStringLiteral("peer-mentor");
    return stem;
}

Status HistoryExport::write(const QString &peerMentorId, Format format, const QString &file,
                            const QDateTime &madeAt, const ReportWriter::Progress &progress) const
{
    auto history = m_records.history(m_caller, peerMentorId);
    if (!history)
        return history.error();
    auto profile = m_records.profile(m_caller, peerMentorId);
    if (!profile)
        return profile.error();
    const PeerMentor &mentor = history->mentor;

    ReportWriter::Table table;
    table.title = tr("Notification history of %1").arg(mentor.name);
    table.headers = headers();
    table.columnWeights = {11, 13, 20, 11, 14, 16, 13, 12};
    table.expectedRows = history->events.size();
    if (format == Format::Pdf) {
        // The subtitle is the document's context; a lookup that fails leaves its line out rather than
        // the whole report (a coordinator may have been removed since).
        if (auto org = m_directory.organisation(m_caller, mentor.orgId))
            table.subtitle << tr("Organisation: %1").arg(org->name);
        if (auto coordinator = m_directory.coordinator(m_caller, mentor.coordinatorId))
            table.subtitle << tr("Coordinator: %1").arg(coordinator->name);
        table.subtitle << (profile->status == PauseStatus::Paused
                               ? tr("Status: paused since %1").arg(DisplayText::date(profile->pauseStartDate))
                               : tr("Status: active"));
        table.subtitle << tr("Made on %1 by %2.").arg(DisplayText::dateTime(madeAt), m_caller.username);
    }

    const QList<NotificationRecord> events = history->events;
    const ReportWriter::RowSource rows = [events, format](const ReportWriter::Sink &sink) -> Status {
        for (const NotificationRecord &r : events) {
            if (!sink(rowOf(r, format)))
                return ReportWriter::cancelled();
        }
        return {};
    };
    return format == Format::Pdf ? ReportWriter::writePdf(file, table, rows, progress)
                                 : ReportWriter::writeCsv(file, table, rows, progress);
}

} // namespace cc
