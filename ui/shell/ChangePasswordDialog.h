#pragma once

#include "core/Auth.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace cc {

class AuthService;

// Changes the signed-in person's own password (AuthService::changePassword: the current one is
// checked and throttled as sign-in is, and every token of the old one is revoked). As File →
// Change password it asks for the current password; right after a sign-in with a password that
// must be changed (Forced), it already has it and says why a new one is needed.
class ChangePasswordDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Voluntary,
        Forced,
    };
    ChangePasswordDialog(AuthService &auth, const QString &username, Mode mode, QWidget *parent = nullptr,
                         const QString &currentPassword = {});

    // The user as stored after the change.
    const User &user() const { return m_user; }

    void accept() override;

private:
    void setMessage(const QString &text);

    AuthService &m_auth;
    QString m_username;
    User m_user;
    QLineEdit *m_current = nullptr;
    QLineEdit *m_new = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace cc
