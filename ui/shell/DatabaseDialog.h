#pragma once

#include "core/Database.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace cc {

// Where the console keeps its data: this computer (an SQLite file) or a PostgreSQL server that
// several desks share, with a connection test. Asked at the first start and from the settings; the
// choice is the console's setting, --database and $CC_DATABASE still win.
class DatabaseDialog : public QDialog
{
    Q_OBJECT
public:
    // `localFile` is the SQLite file of "this computer"; `current` the URL in use ("" for that file).
    DatabaseDialog(const QString &localFile, const QString &current, QWidget *parent = nullptr);

    // "" for this computer, else the PostgreSQL URL without the password.
    QString url() const;
    QString password() const;
    bool rememberPassword() const;

    // Connects to `url` once (without changing anything in it) and says what is there, or why not.
    static Result<QString> testConnection(const DatabaseUrl &url);

    void accept() override;

private:
    Result<DatabaseUrl> chosenUrl() const; // with the password, for the test
    void updateEnabled();
    void runTest();

    QRadioButton *m_local = nullptr;
    QRadioButton *m_shared = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_encryption = nullptr;
    QCheckBox *m_remember = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_result = nullptr;
    bool m_tested = false;
};

} // namespace cc
