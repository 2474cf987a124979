#include "ui/common/NewPassword.h"

#include "core/DirectoryService.h"
#include "ui/common/ErrorMessages.h"

#include <QLineEdit>

namespace cc {

bool NewPassword::check(QLineEdit *password, QLineEdit *repeat,
                        const std::function<void(const QString &)> &showError)
{
    if (password->text() != repeat->text()) {
        showError(tr("The two passwords are not the same."));
        repeat->setFocus();
        return false;
    }
    if (auto valid = DirectoryService::validatePassword(password->text()); !valid) {
        showError(ErrorMessages::text(valid.error()));
        password->setFocus();
        return false;
    }
    return true;
}

} // namespace cc
