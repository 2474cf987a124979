#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace cc {

// The one place where an Error from core becomes words in the console: a translated heading per
// error code, then core's detail and the fields it names.
class ErrorMessages
{
    Q_DECLARE_TR_FUNCTIONS(ErrorMessages)

public:
    static QString heading(const Error &error);
    // Heading, detail and field errors, for a message box or a label.
    static QString text(const Error &error);
    // A warning box over `parent` titled `what` ("The record could not be saved").
    static void show(QWidget *parent, const QString &what, const Error &error);
};

} // namespace cc
