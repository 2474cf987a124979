#pragma once

#include "ConsolePage.h"

namespace cc {

// The page of the users of the organisation (org admins and global admins).
class UsersPage : public ConsolePage
{
    Q_OBJECT
public:
    UsersPage(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    // Only org admins and global admins manage users.
    static bool isAvailableTo(const Caller &caller);
};

} // namespace cc
