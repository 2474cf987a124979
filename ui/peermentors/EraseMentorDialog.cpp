#include "ui/peermentors/EraseMentorDialog.h"

#include "ui/common/ConsoleServices.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/LongTask.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <memory>

namespace cc {

EraseMentorDialog::EraseMentorDialog(ConsoleServices &services, const Caller &caller,
                                     const PeerMentor &mentor, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_caller(caller)
    , m_mentor(mentor)
{
    setObjectName(QStringLiteral("EraseMentorDialog"));
    setWindowTitle(tr("Erase personal data"));

    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    auto *warning = new QLabel(
        tr("<p><b>This erases the personal data of %1 for good. It cannot be undone.</b></p>"
           "<p>Her name, email and phone, the reasons and notes of her notification records and the texts "
           "of the messages built for her are overwritten, and so is her name wherever else it was "
           "written. She is deactivated and shown as “Erased peer mentor” from now on.</p>"
           "<p>Her records stay, without these details, so that the statistics and the activity report "
           "still count her days. Backups made before keep her data. Export her personal data first if "
           "she asked for a copy.</p>")
            .arg(mentor.name.toHtmlEscaped()),
        this);
    warning->setObjectName(QStringLiteral("eraseWarning"));
    warning->setTextFormat(Qt::RichText);
    warning->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(warning, 1);

    m_confirmation = new QLineEdit(this);
    m_confirmation->setObjectName(QStringLiteral("eraseConfirmationEdit"));
    m_confirmation->setAccessibleName(tr("Her name, to confirm"));
    m_confirmation->setAccessibleDescription(
        tr("Type “%1” exactly as shown to enable the Erase button.").arg(mentor.name));
    m_confirmation->setPlaceholderText(mentor.name);
    // "&&": an "&" in her name is a character, not the mnemonic.
    auto *prompt = new QLabel(tr("To confirm, type her &name “%1”:")
                                  .arg(QString(mentor.name).replace(QLatin1Char('&'), QStringLiteral("&&"))),
                              this);
    prompt->setObjectName(QStringLiteral("eraseConfirmationLabel"));
    prompt->setWordWrap(true);
    prompt->setTextFormat(Qt::PlainText);
    prompt->setBuddy(m_confirmation);
    connect(m_confirmation, &QLineEdit::textChanged, this, &EraseMentorDialog::updateButton);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("eraseMentorError"));
    m_error->setAccessibleName(tr("Message"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_erase = buttons->addButton(tr("&Erase for good"), QDialogButtonBox::DestructiveRole);
    m_erase->setObjectName(QStringLiteral("eraseMentorButton"));
    m_erase->setAccessibleName(tr("Erase for good"));
    m_erase->setAccessibleDescription(tr("Enabled once her name is typed above."));
    // Enter in the field must not erase: only the button does, once enabled.
    m_erase->setAutoDefault(false);
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setDefault(true);
    connect(m_erase, &QPushButton::clicked, this, &EraseMentorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(prompt);
    layout->addWidget(m_confirmation);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    updateButton();
    m_confirmation->setFocus();
}

bool EraseMentorDialog::isConfirmed() const
{
    return PersonalDataService::confirms(m_mentor, m_confirmation->text());
}

void EraseMentorDialog::updateButton()
{
    m_erase->setEnabled(isConfirmed());
}

void EraseMentorDialog::accept()
{
    if (!isConfirmed())
        return;
    ConsoleServices &services = m_services;
    const Caller caller = m_caller;
    const QString id = m_mentor.id;
    const QString confirmation = m_confirmation->text();
    auto report = std::make_shared<ErasureReport>();
    const LongTask::Result result =
        LongTask::run(this, tr("Erasing the personal data of %1…").arg(m_mentor.name),
                      [&services, caller, id, confirmation, report](const LongTask::Progress &) -> Status {
                          PersonalDataService personal(services.database, services.clock, services.directory,
                                                       services.records);
                          auto erased = personal.eraseMentor(caller, id, confirmation);
                          if (!erased)
                              return erased.error();
                          *report = *erased;
                          return {};
                      });
    if (!result.ok()) {
        // Nothing is erased when it fails: the change is one transaction.
        m_error->setText(result.outcome == LongTask::Outcome::Cancelled ? tr("Nothing was erased.")
                                                                        : ErrorMessages::text(result.error));
        m_error->setVisible(true);
        return;
    }
    m_report = *report;
    QDialog::accept();
}

} // namespace cc
