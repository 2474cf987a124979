#pragma once

#include "core/Auth.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace cc {

struct ConsoleServices;

// Sets a new password for one user (typed twice, checked by DirectoryService::validatePassword).
// OK sets it through DirectoryService::setPassword, which also signs the user out of every
// device; what it refuses is shown in the dialog, which stays open.
class PasswordDialog : public QDialog
{
    Q_OBJECT
public:
    PasswordDialog(ConsoleServices &services, const Caller &caller, const User &user,
                   QWidget *parent = nullptr);

    void accept() override;

private:
    void showError(const QString &text);

    ConsoleServices &m_services;
    Caller m_caller;
    User m_user;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace cc
