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
// or fill the database with the demo organisation. Either way the person is signed in after.
class SetupDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SetupDialog(ConsoleServices &services, QWidget *parent = nullptr);

    // The user who is signed in when the dialog was accepted.
    const User &user() const { return m_user; }
    // The one-time passwords of the demo users (empty unless demo data was made).
    const QString &demoAccounts() const { return m_demoAccounts; }

    void accept() override;

private:
    // The form of a new organisation and its first administrator.
    QWidget *buildCreatePage();
    bool createOrganisation();
    bool createDemoData();
    void showError(const QString &text);

    ConsoleServices &m_services;
    User m_user;
    QString m_demoAccounts;
    QRadioButton *m_createChoice = nullptr;
    QRadioButton *m_demoChoice = nullptr;
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
