#pragma once

#include "core/Auth.h"
#include "core/AuthService.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cc {

class Settings;

// Sign-in with the same accounts as the API (AuthService::checkPassword, throttled the same way).
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(AuthService &auth, Settings &settings, QWidget *parent = nullptr);

    const User &user() const { return m_user; }
    Caller caller() const { return AuthService::callerOf(m_user); }
    void setMessage(const QString &text);

    void accept() override;

private:
    AuthService &m_auth;
    Settings &m_settings;
    User m_user;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_signIn = nullptr;
};

} // namespace cc
