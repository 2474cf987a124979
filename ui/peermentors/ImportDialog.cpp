#include "ui/peermentors/ImportDialog.h"

#include "ui/common/ConsoleServices.h"
#include "ui/common/ErrorMessages.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cc {

ImportDialog::ImportDialog(ConsoleServices &services, const Caller &caller, const QString &fileName,
                           const QByteArray &content, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_caller(caller)
    , m_content(content)
{
    setObjectName(QStringLiteral("ImportDialog"));
    setWindowTitle(tr("Import peer mentors"));

    auto *file = new QLabel(tr("File: %1").arg(QFileInfo(fileName).fileName()), this);
    file->setObjectName(QStringLiteral("importFile"));
    file->setToolTip(fileName);
    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("importEncoding"));
    m_encoding->setAccessibleName(tr("Encoding of the file"));
    m_encoding->addItem(tr("UTF-8"), int(TextEncoding::Utf8));
    m_encoding->addItem(tr("Windows-1252 (Excel on Windows)"), int(TextEncoding::Windows1252));
    auto *encodingLabel = new QLabel(tr("&Encoding:"), this);
    encodingLabel->setBuddy(m_encoding);
    auto *form = new QFormLayout;
    form->addRow(encodingLabel, m_encoding);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_problems = new QPlainTextEdit(this);
    m_problems->setObjectName(QStringLiteral("importProblems"));
    m_problems->setAccessibleName(tr("Problems in the file"));
    m_problems->setReadOnly(true);
    m_problems->setTabChangesFocus(true);

    auto *hint =
        new QLabel(tr("The first line names the columns: id, org_id, coordinator_id, name, email, phone "
                      "(separated by “,” or “;”). A peer mentor whose id exists is updated; a "
                      "column the file lacks is left as it is."),
                   this);
    hint->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(file);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    setMinimumSize(560, 380);

    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportDialog::preview);
    preview();
}

void ImportDialog::setEncoding(TextEncoding encoding)
{
    m_encoding->setCurrentIndex(m_encoding->findData(int(encoding)));
}

void ImportDialog::preview()
{
    m_rows.clear();
    m_import->setEnabled(false);
    const auto encoding = TextEncoding(m_encoding->currentData().toInt());
    auto rows = peerMentorsFromCsv(m_content, encoding);
    if (!rows) {
        // The file itself is wrong (its encoding, its header): nothing can be planned.
        m_summary->setText(tr("The file cannot be read as a list of peer mentors."));
        QStringList lines{rows.error().message};
        for (const FieldError &f : std::as_const(rows.error().fields))
            if (f.message != rows.error().message)
                lines << f.message;
        m_problems->setPlainText(lines.join(QLatin1Char('\n')));
        m_problems->setVisible(true);
        return;
    }
    auto plan = m_services.directory.planImport(m_caller, *rows);
    if (!plan) {
        m_summary->setText(ErrorMessages::text(plan.error()));
        m_problems->setVisible(false);
        return;
    }
    m_rows = *rows;
    m_summary->setText(
        tr("%1 new, %2 changed, %3 unchanged, %4 with problems.")
            .arg(plan->added.size())
            .arg(plan->changed.size())
            .arg(plan->unchanged)
            .arg(plan->problems.size())
        + QLatin1Char(' ')
        + (plan->problems.isEmpty()
               ? (plan->added.isEmpty() && plan->changed.isEmpty()
                      ? tr("There is nothing to import.")
                      : tr("Nothing is written until you import."))
               : tr("Correct the file and open it again: nothing is imported while a line has a "
                    "problem.")));
    QStringList lines;
    for (const FieldError &f : std::as_const(plan->problems))
        lines << f.message;
    m_problems->setPlainText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!lines.isEmpty());
    m_import->setEnabled(plan->problems.isEmpty() && !(plan->added.isEmpty() && plan->changed.isEmpty()));
}

void ImportDialog::accept()
{
    auto done = m_services.directory.importPeerMentors(m_caller, m_rows);
    if (!done) {
        // Something changed since the preview: show the new state.
        preview();
        ErrorMessages::show(this, tr("Nothing was imported."), done.error());
        return;
    }
    m_imported = *done;
    QDialog::accept();
}

} // namespace cc
