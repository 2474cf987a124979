#include "ui/shell/ChangePasswordDialog.h"

#include "core/AuthService.h"
#include "core/Fields.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/NewPassword.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cc {

namespace {

QLineEdit *passwordEdit(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setAccessibleName(accessibleName);
    return edit;
}

} // namespace

ChangePasswordDialog::ChangePasswordDialog(AuthService &auth, const QString &username, Mode mode,
                                           QWidget *parent, const QString &currentPassword)
    : QDialog(parent)
    , m_auth(auth)
    , m_username(username)
{
    setObjectName(QStringLiteral("ChangePasswordDialog"));
    setWindowTitle(tr("Change password"));

    auto *intro = new QLabel(
        mode == Mode::Forced
            ? tr("Your password was set by someone else (a new account or a reset). Choose a new one that "
                 "only you know before you go on.")
            : tr("Choose a new password for %1. Phones signed in as you will have to sign in again.")
                  .arg(username),
        this);
    intro->setObjectName(QStringLiteral("changePasswordIntro"));
    intro->setWordWrap(true);

    m_current = passwordEdit(QStringLiteral("currentPasswordEdit"), tr("Current password"), this);
    m_current->setText(currentPassword);
    m_new = passwordEdit(QStringLiteral("newPasswordEdit"), tr("New password"), this);
    m_repeat = passwordEdit(QStringLiteral("repeatPasswordEdit"), tr("New password again"), this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("changePasswordMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_message->setAccessibleName(tr("Password message"));

    auto *form = new QFormLayout;
    auto *currentLabel = new QLabel(tr("&Current password:"), this);
    currentLabel->setBuddy(m_current);
    auto *newLabel = new QLabel(tr("&New password:"), this);
    newLabel->setBuddy(m_new);
    auto *repeatLabel = new QLabel(tr("&Repeat:"), this);
    repeatLabel->setBuddy(m_repeat);
    if (mode == Mode::Voluntary)
        form->addRow(currentLabel, m_current);
    else {
        currentLabel->hide();
        m_current->hide();
    }
    form->addRow(newLabel, m_new);
    form->addRow(repeatLabel, m_repeat);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *change = buttons->addButton(tr("C&hange password"), QDialogButtonBox::AcceptRole);
    change->setObjectName(QStringLiteral("changePasswordButton"));
    change->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    (mode == Mode::Voluntary ? m_current : m_new)->setFocus();
}

void ChangePasswordDialog::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ChangePasswordDialog::accept()
{
    if (m_current->isVisible() && m_current->text().isEmpty()) {
        setMessage(tr("Enter your current password."));
        m_current->setFocus();
        return;
    }
    if (!NewPassword::check(m_new, m_repeat, [this](const QString &text) { setMessage(text); }))
        return;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto changed =
        m_auth.changePassword(m_username, m_current->text(), m_new->text(), QStringLiteral("console"));
    QGuiApplication::restoreOverrideCursor();
    if (!changed) {
        const Error &e = changed.error();
        if (e.code == ErrorCode::Unauthenticated) {
            setMessage(tr("The current password is wrong."));
            m_current->clear();
            m_current->setFocus();
        } else {
            setMessage(ErrorMessages::text(e));
            (e.fields.value(0).field == field::NewPassword ? m_new : m_current)->setFocus();
        }
        return;
    }
    m_user = *changed;
    QDialog::accept();
}

} // namespace cc
