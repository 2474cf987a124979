#include "ui/shell/SignInDialog.h"

#include "ui/common/ErrorMessages.h"
#include "ui/common/Settings.h"
#include "ui/shell/ChangePasswordDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cc {

SignInDialog::SignInDialog(AuthService &auth, Settings &settings, QWidget *parent)
    : QDialog(parent)
    , m_auth(auth)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("SignInDialog"));
    setWindowTitle(tr("Sign in — Coordinator Console"));

    auto *intro = new QLabel(tr("Sign in with your user name and password."), this);
    intro->setWordWrap(true);
    m_username = new QLineEdit(settings.string(Settings::Key::LastUsername), this);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setAccessibleName(tr("User name"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_message->setAccessibleName(tr("Sign-in message"));

    auto *form = new QFormLayout;
    auto *userLabel = new QLabel(tr("&User name:"), this);
    userLabel->setBuddy(m_username);
    auto *passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(m_password);
    form->addRow(userLabel, m_username);
    form->addRow(passwordLabel, m_password);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(420);

    (m_username->text().isEmpty() ? m_username : m_password)->setFocus();
}

void SignInDialog::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void SignInDialog::accept()
{
    const QString username = m_username->text().trimmed();
    if (username.isEmpty() || m_password->text().isEmpty()) {
        setMessage(tr("Enter your user name and password."));
        (username.isEmpty() ? m_username : m_password)->setFocus();
        return;
    }
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto user = m_auth.checkPassword(username, m_password->text(), QStringLiteral("console"));
    QGuiApplication::restoreOverrideCursor();
    if (!user) {
        setMessage(ErrorMessages::heading(user.error())
                   + (user.error().retryAfterSeconds > 0 ? QLatin1Char(' ')
                              + tr("Try again in %n second(s).", nullptr, user.error().retryAfterSeconds)
                                                         : QString()));
        m_password->clear();
        m_password->setFocus();
        return;
    }
    if (user->mustChangePassword) {
        // Someone else chose this password: a new one first, or no sign-in.
        ChangePasswordDialog change(m_auth, username, ChangePasswordDialog::Mode::Forced, this,
                                    m_password->text());
        if (change.exec() != QDialog::Accepted) {
            setMessage(tr("Choose a new password to sign in."));
            m_password->clear();
            m_password->setFocus();
            return;
        }
        m_user = change.user();
    } else {
        m_user = *user;
    }
    m_settings.setValue(Settings::Key::LastUsername, username);
    QDialog::accept();
}

} // namespace cc
