#pragma once

#include "core/PersonalDataService.h"
#include "core/Result.h"
#include "ui/common/ReportWriter.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace cc {

// A peer mentor's personal data (PersonalDataService::exportMentor) as files to give her: the
// export as JSON, and a readable PDF in the console's language with her profile, every record, the
// messages built that name her and the audit entries about her. Both files are their owner's only
// (0600) and appear only when written in full.
class PersonalDataReport
{
    Q_DECLARE_TR_FUNCTIONS(PersonalDataReport)

public:
    // The PDF's content: a title, then the sections profile, records, messages and audit log.
    static ReportWriter::Document document(const PersonalDataExport &data);
    static Status writePdf(const PersonalDataExport &data, const QString &file);
    static Status writeJson(const PersonalDataExport &data, const QString &file);
    // "personal-data-kari-nordmann-2026-03-19.pdf" ("json" for `suffix` "json").
    static QString suggestedFileName(const QString &mentorName, const QDate &day,
                                     const QString &suffix = QStringLiteral("pdf"));
};

} // namespace cc
