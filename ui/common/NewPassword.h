#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QLineEdit;

namespace cc {

// The check every dialog that sets a password makes before asking core: the two fields agree and
// the password keeps DirectoryService's rule. On a problem it shows the message and puts the focus
// in the field to fix.
class NewPassword
{
    Q_DECLARE_TR_FUNCTIONS(NewPassword)

public:
    static bool check(QLineEdit *password, QLineEdit *repeat,
                      const std::function<void(const QString &)> &showError);
};

} // namespace cc
