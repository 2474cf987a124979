#include "ui/users/PasswordDialog.h"

#include "ui/common/ConsoleServices.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/NewPassword.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cc {

PasswordDialog::PasswordDialog(ConsoleServices &services, const Caller &caller, const User &user,
                               QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_caller(caller)
    , m_user(user)
{
    setObjectName(QStringLiteral("PasswordDialog"));
    setWindowTitle(tr("Reset password"));

    auto *intro =
        new QLabel(tr("A new password for %1 (%2). They are signed out of every device; when they next "
                      "sign in with this password, they choose one of their own.")
                       .arg(user.displayName, user.username),
                   this);
    intro->setWordWrap(true);

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("newPassword"));
    m_password->setAccessibleName(tr("New password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(QStringLiteral("newPasswordRepeat"));
    m_repeat->setAccessibleName(tr("Repeat the new password"));
    m_repeat->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    auto *passwordLabel = new QLabel(tr("&New password:"), this);
    passwordLabel->setBuddy(m_password);
    form->addRow(passwordLabel, m_password);
    auto *repeatLabel = new QLabel(tr("R&epeat password:"), this);
    repeatLabel->setBuddy(m_repeat);
    form->addRow(repeatLabel, m_repeat);
    form->addRow(
        QString(),
        new QLabel(tr("At least %n characters.", nullptr, DirectoryService::kMinPasswordLength), this));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("passwordDialogError"));
    m_error->setAccessibleName(tr("Message"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *set = buttons->addButton(tr("&Set password"), QDialogButtonBox::AcceptRole);
    set->setObjectName(QStringLiteral("setPasswordButton"));
    set->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void PasswordDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void PasswordDialog::accept()
{
    if (!NewPassword::check(m_password, m_repeat, [this](const QString &text) { showError(text); }))
        return;
    if (auto set = m_services.directory.setPassword(m_caller, m_user.id, m_password->text()); !set) {
        showError(ErrorMessages::text(set.error()));
        return;
    }
    QDialog::accept();
}

} // namespace cc
