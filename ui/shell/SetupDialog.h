#pragma once

#include "core/Auth.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QStackedWidget;

namespace cc {

struct ConsoleServices;

// The first start, on a database with no users: create the organisation and its first org admin,
// fill the database with the demo organisation (either way the person is signed in after), or
// restore a backup into it (then they sign in with an account of the backup).
class SetupDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SetupDialog(ConsoleServices &services, QWidget *parent = nullptr);

    // The user who is signed in when the dialog was accepted.
    const User &user() const { return m_user; }
    // The one-time passwords of the demo users (empty unless demo data was made).
    const QString &demoAccounts() const { return m_demoAccounts; }
    // The rows restored from a backup, when that was the choice (nobody is signed in then).
    qint64 restoredRows() const { return m_restoredRows; }

    void accept() override;

private:
    // The form of a new organisation and its first administrator.
    QWidget *buildCreatePage();
    QWidget *buildRestorePage();
    bool createOrganisation();
    bool createDemoData();
    bool restoreBackup();
    void showError(const QString &text);

    ConsoleServices &m_services;
    User m_user;
    QString m_demoAccounts;
    qint64 m_restoredRows = -1;
    QRadioButton *m_createChoice = nullptr;
    QRadioButton *m_demoChoice = nullptr;
    QRadioButton *m_restoreChoice = nullptr;
    QLineEdit *m_backupFile = nullptr;
    QStackedWidget *m_details = nullptr;
    QLineEdit *m_orgName = nullptr;
    QComboBox *m_orgLanguage = nullptr;
    QLineEdit *m_adminName = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace cc
