#include "app/AdminCommand.h"

#include "app/admin/AccountCommands.h"
#include "app/admin/DataCommands.h"
#include "app/admin/DirectoryCommands.h"

#include <QLoggingCategory>
#include <QTextStream>

namespace cc::app {

AdminCommand::AdminCommand(QTextStream &out, QTextStream &err)
    : m_context(out, err)
{}

int AdminCommand::run(const QStringList &args)
{
    admin::AdminContext &ctx = m_context;
    return ctx.dispatch(
        QStringLiteral("admin"),
        QStringLiteral(
            "The operator's commands. They act as a global admin on the database.\n"
            "Exit codes: 0 done, 1 the action failed, 2 the command line is wrong.\n"
            "For the program's log on stderr, set QT_LOGGING_RULES=\"console.*=true;default.warning=true\"."),
        {
            {QStringLiteral("org"), QStringLiteral("Add and list organisations."), ctx.bind(admin::org)},
            {QStringLiteral("coordinator"), QStringLiteral("Add, list, change and deactivate coordinators."),
             ctx.bind(admin::coordinator)},
            {QStringLiteral("mentor"),
             QStringLiteral("Add, import, list, change, deactivate, export and erase peer mentors."),
             ctx.bind(admin::mentor)},
            {QStringLiteral("user"), QStringLiteral("Add, list, reset, disable and enable users."),
             ctx.bind(admin::user)},
            {QStringLiteral("token"), QStringLiteral("Issue, list and revoke API tokens."),
             ctx.bind(admin::token)},
            {QStringLiteral("backup"), QStringLiteral("Copy the whole database into a new SQLite file."),
             ctx.bind(admin::backup)},
            {QStringLiteral("restore"), QStringLiteral("Restore a backup into a new, empty database."),
             ctx.bind(admin::restore)},
            {QStringLiteral("audit"), QStringLiteral("Print the audit log: who did what, when."),
             ctx.bind(admin::audit)},
            {QStringLiteral("demo-data"), QStringLiteral("Create a demo organisation, or add many records."),
             ctx.bind(admin::demoData)},
        },
        args);
}

void quietAdminLog()
{
    // The log (the core's, and the warnings of Qt's SQL drivers) is for diagnosis and can be had
    // with QT_LOGGING_RULES, which wins over these rules; what a person needs to act on comes as
    // the messages of AdminCommand.
    QLoggingCategory::setFilterRules(
        QStringLiteral("console.*.info=false\nconsole.*.warning=false\ndefault.warning=false"));
}

int runAdmin(const QStringList &args)
{
    quietAdminLog();
    QTextStream out(stdout);
    QTextStream err(stderr);
    AdminCommand command(out, err);
    return command.run(args);
}

} // namespace cc::app
