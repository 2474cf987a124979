#pragma once

#include "app/admin/AdminContext.h"

#include <QStringList>

class QTextStream;

namespace cc::app {

// `coordinator-console admin …`: the operator's commands at the machine. They run as
// Caller::system() (a global admin) through the same core services as the console and the API.
// Results go to `out`, problems to `err`. Every command returns an ExitCode:
//   0 done, 1 the action failed (a rule or the database said no), 2 the command line is wrong.
// The commands themselves live in app/admin/, by subject.
class AdminCommand
{
public:
    AdminCommand(QTextStream &out, QTextStream &err);

    // `args` are the arguments after "admin".
    int run(const QStringList &args);

private:
    admin::AdminContext m_context;
};

// Runs `coordinator-console admin …` on the process's stdout and stderr; `args` are the arguments
// after "admin". Returns the exit code.
int runAdmin(const QStringList &args);

// Keeps the program's and Qt's log off stderr (QT_LOGGING_RULES still wins): what a person needs
// to act on comes as the commands' messages. runAdmin() does it; main() earlier when the
// application object itself may have something to say (a QGuiApplication for a PDF).
void quietAdminLog();

} // namespace cc::app
