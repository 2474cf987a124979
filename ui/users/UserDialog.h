#pragma once

#include "core/Auth.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace cc {

struct ConsoleServices;

// Adds a user: user name, display name, role, organisation (a global admin chooses it), the
// coordinator a coordinator user is, and the password twice. OK adds it through
// DirectoryService::addUser; what that refuses is shown in the dialog, which stays open.
class UserDialog : public QDialog
{
    Q_OBJECT
public:
    UserDialog(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    // The user that was added, once the dialog was accepted.
    const User &user() const { return m_user; }

    void accept() override;

private:
    void updateFields();
    void updateCoordinators();
    void showError(const QString &text);

    ConsoleServices &m_services;
    Caller m_caller;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_displayName = nullptr;
    QComboBox *m_role = nullptr;
    QComboBox *m_organisation = nullptr;
    QComboBox *m_coordinator = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_error = nullptr;
    User m_user;
};

} // namespace cc
