#include "ui/common/ErrorMessages.h"

#include <QMessageBox>

namespace cc {

QString ErrorMessages::heading(const Error &error)
{
    switch (error.code) {
    case ErrorCode::Invalid:
        return tr("Please check what was entered.");
    case ErrorCode::Unauthenticated:
        return tr("The user name or password is wrong, or the sign-in has expired.");
    case ErrorCode::Forbidden:
        return tr("Your role does not allow this.");
    case ErrorCode::NotFound:
        return tr("It no longer exists, or you may not see it.");
    case ErrorCode::Conflict:
        return tr("It already exists, or someone else changed it at the same time.");
    case ErrorCode::PreconditionFailed:
        return tr("Someone else changed it in the meantime. Reload and try again.");
    case ErrorCode::Unprocessable:
        return tr("The values do not fit together.");
    case ErrorCode::TooManyRequests:
        return tr("Too many attempts. Wait a little and try again.");
    case ErrorCode::Storage:
        return tr("The database could not be used. Nothing was changed.");
    case ErrorCode::Internal:
        return tr("Something went wrong inside the program.");
    }
    return {};
}

QString ErrorMessages::text(const Error &error)
{
    QString out = heading(error);
    if (!error.message.isEmpty())
        out += QLatin1Char('\n') + error.message;
    for (const FieldError &field : error.fields) {
        if (field.message.isEmpty() || error.message.contains(field.message))
            continue;
        out += QStringLiteral("\n• ") + field.message;
    }
    if (error.retryAfterSeconds > 0)
        out += QLatin1Char('\n') + tr("Try again in %n second(s).", nullptr, error.retryAfterSeconds);
    return out;
}

void ErrorMessages::show(QWidget *parent, const QString &what, const Error &error)
{
    QMessageBox box(QMessageBox::Warning, what, what, QMessageBox::Ok, parent);
    box.setInformativeText(text(error));
    box.exec();
}

} // namespace cc
