#pragma once

#include "core/Auth.h"

#include <QDialog>

class QComboBox;
class QLabel;

namespace cc {

struct ConsoleServices;

// Changes the role of one user between coordinator and org admin (a global admin is made as a
// new user, never by a change). OK changes it through DirectoryService::setRole; what that
// refuses is shown in the dialog, which stays open.
class RoleDialog : public QDialog
{
    Q_OBJECT
public:
    RoleDialog(ConsoleServices &services, const Caller &caller, const User &user, QWidget *parent = nullptr);

    void accept() override;

private:
    ConsoleServices &m_services;
    Caller m_caller;
    User m_user;
    QComboBox *m_role = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace cc
