#pragma once

#include "core/Auth.h"
#include "ui/common/ConsolePage.h"

class QLineEdit;
class QPushButton;
class QTableWidget;

namespace cc {

// The page of the users (org admins see their organisation's, global admins everyone): add a
// user, change a role, reset a password, disable and enable, all through DirectoryService, which
// decides who may manage whom; what it refuses is shown with ErrorMessages.
class UsersPage : public ConsolePage
{
    Q_OBJECT
public:
    UsersPage(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    // Only org admins and global admins manage users.
    static bool isAvailableTo(const Caller &caller);

    // The user of the selected row; an empty User when none is selected.
    User selectedUser() const;
    // Selects the row of this user; false when the table has none.
    bool selectUser(const QString &userId);

private:
    void refresh();
    void applySearch();
    void updateButtons();
    void addUser();
    void changeRole();
    void resetPassword();
    void toggleDisabled();

    QLineEdit *m_search = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_role = nullptr;
    QPushButton *m_password = nullptr;
    QPushButton *m_disable = nullptr;
    QList<User> m_users;
};

} // namespace cc
