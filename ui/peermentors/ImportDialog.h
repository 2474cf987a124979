#pragma once

#include "core/Caller.h"
#include "core/CsvImport.h"
#include "core/DirectoryService.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace cc {

struct ConsoleServices;

// Imports peer mentors from a CSV file after a preview: how many are new, changed, unchanged and
// have problems (DirectoryService::planImport writes nothing), and every problem by line. The file
// may be UTF-8 or windows-1252 (chosen here; a file that is not valid UTF-8 is named by line).
// Import is enabled only when there is something to do and no problem; it writes everything in
// one transaction (DirectoryService::importPeerMentors).
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(ConsoleServices &services, const Caller &caller, const QString &fileName,
                 const QByteArray &content, QWidget *parent = nullptr);

    // What was imported, once accepted.
    const DirectoryService::ImportPlan &imported() const { return m_imported; }
    void setEncoding(TextEncoding encoding);

    void accept() override;

private:
    void preview();

    ConsoleServices &m_services;
    Caller m_caller;
    QByteArray m_content;
    QList<ImportedMentor> m_rows;
    DirectoryService::ImportPlan m_imported;
    QComboBox *m_encoding = nullptr;
    QLabel *m_summary = nullptr;
    QPlainTextEdit *m_problems = nullptr;
    QPushButton *m_import = nullptr;
};

} // namespace cc
