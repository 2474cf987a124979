#include "ui/peermentors/PersonalDataReport.h"

#include "core/PrivateFile.h"
#include "ui/common/DisplayText.h"
#include "ui/peermentors/HistoryExport.h"

#include <QJsonDocument>

namespace cc {

namespace {

QString orNone(const QString &text)
{
    return text.isEmpty() ? PersonalDataReport::tr("none") : text;
}

} // namespace

ReportWriter::Document PersonalDataReport::document(const PersonalDataExport &data)
{
    const PeerMentor &m = data.mentor;
    ReportWriter::Document doc;
    doc.title = tr("Personal data of %1").arg(m.name);
    doc.subtitle << tr("Everything the Coordinator Console of %1 stores about this peer mentor.")
                        .arg(data.organisation.name)
                 << tr("Made on %1 by %2.").arg(DisplayText::dateTime(data.madeAt), data.madeBy);

    ReportWriter::Section profile;
    profile.heading = tr("Profile");
    profile.lines << tr("Name: %1").arg(m.name) << tr("Id: %1").arg(m.id)
                  << tr("Organisation: %1").arg(data.organisation.name)
                  << tr("Coordinator: %1").arg(orNone(data.coordinatorName))
                  << tr("Email: %1").arg(orNone(m.email)) << tr("Phone: %1").arg(orNone(m.phone))
                  << (data.status == PauseStatus::Paused
                          ? tr("Status: paused since %1").arg(DisplayText::date(data.pauseStartDate))
                          : tr("Status: active"))
                  << tr("Added on %1.").arg(DisplayText::dateTime(m.createdAt));
    if (m.deactivatedAt.isValid())
        profile.lines << tr("Left on %1.").arg(DisplayText::dateTime(m.deactivatedAt));
    if (m.erasedAt.isValid())
        profile.lines << tr("Personal data erased on %1: name, email, phone and the texts below are gone.")
                             .arg(DisplayText::dateTime(m.erasedAt));
    doc.sections << profile;

    ReportWriter::Section records;
    records.heading = tr("Notification records (%n)", nullptr, int(data.records.size()));
    records.headers = HistoryExport::headers();
    records.columnWeights = {11, 13, 20, 11, 14, 16, 13, 12};
    records.emptyText = tr("None.");
    for (const NotificationRecord &r : data.records)
        records.rows << QStringList{DisplayText::event(r.eventType),
                                    DisplayText::date(r.effectiveDate),
                                    r.reason.value_or(QString()),
                                    DisplayText::channels(r.channels),
                                    r.coordinatorName,
                                    r.notes.value_or(QString()),
                                    DisplayText::dateTime(r.sentAt),
                                    r.createdBy};
    doc.sections << records;

    ReportWriter::Section payloads;
    payloads.heading = tr("Messages built that name her (%n)", nullptr, int(data.payloads.size()));
    payloads.lines << tr("The texts of the notifications built from the templates, as they were sent.");
    payloads.headers = QStringList{tr("Built at"), tr("Message"), tr("Language"), tr("Title"), tr("Text")};
    payloads.columnWeights = {13, 16, 8, 20, 43};
    payloads.emptyText = tr("None.");
    for (const BuiltPayload &p : data.payloads)
        payloads.rows << QStringList{DisplayText::dateTime(p.createdAt), p.payloadType, p.locale, p.title,
                                     p.body};
    doc.sections << payloads;

    ReportWriter::Section audit;
    audit.heading = tr("Audit log about her and her records (%n)", nullptr, int(data.audit.size()));
    audit.lines << tr("Who read or changed her data in the console or through the API, and when.");
    audit.headers = QStringList{tr("When"), tr("Who"), tr("What"), tr("About"), tr("Detail")};
    audit.columnWeights = {16, 14, 20, 22, 28};
    audit.emptyText = tr("None.");
    for (const AuditEntry &e : data.audit)
        audit.rows << QStringList{DisplayText::dateTime(e.at), e.username, e.action, e.entityId, e.detail};
    doc.sections << audit;
    return doc;
}

Status PersonalDataReport::writePdf(const PersonalDataExport &data, const QString &file)
{
    return ReportWriter::writePdf(file, document(data));
}

Status PersonalDataReport::writeJson(const PersonalDataExport &data, const QString &file)
{
    return writePrivately(file, QJsonDocument(data.toJson()).toJson(QJsonDocument::Indented));
}

QString PersonalDataReport::suggestedFileName(const QString &mentorName, const QDate &day,
                                              const QString &suffix)
{
    return QStringLiteral("personal-data-%1-%2.%3")
        .arg(HistoryExport::fileNameStem(mentorName), day.toString(Qt::ISODate), suffix);
}

} // namespace cc
