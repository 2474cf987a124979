#pragma once

#include "core/Clock.h"
#include "core/Result.h"

#include <QStringList>

#include <functional>

class QTextStream;

namespace cc {
class Database;
class DemoData;
class DirectoryService;
} // namespace cc

namespace cc::app {

// `coordinator-console admin …`: the operator's commands at the machine. They run as
// Caller::system() (a global admin) through the same core services as the console and the API.
// Results go to `out`, problems to `err`. Every command returns an exit code:
//   0 done, 1 the action failed (a rule or the database said no), 2 the command line is wrong.
class AdminCommand
{
public:
    enum ExitCode
    {
        Success = 0,
        Failure = 1,
        UsageError = 2
    };

    AdminCommand(QTextStream &out, QTextStream &err);

    // `args` are the arguments after "admin".
    int run(const QStringList &args);

private:
    using Handler = int (AdminCommand::*)(const QStringList &args);
    struct Subcommand
    {
        QString name;
        QString summary;
        Handler handler;
    };

    // Picks the subcommand named by the first argument of `args` and runs it with the rest.
    int dispatch(const QString &command, const QString &summary, const QList<Subcommand> &subcommands,
                 const QStringList &args);

    int org(const QStringList &args);
    int coordinator(const QStringList &args);
    int mentor(const QStringList &args);
    int user(const QStringList &args);
    int token(const QStringList &args);

    int orgAdd(const QStringList &args);
    int coordinatorAdd(const QStringList &args);
    int mentorAdd(const QStringList &args);
    int mentorImport(const QStringList &args);
    int userAdd(const QStringList &args);
    int tokenIssue(const QStringList &args);
    int backup(const QStringList &args);
    int demoData(const QStringList &args);

    int demoCreate(DemoData &demo, DirectoryService &directory);
    int demoRecords(DemoData &demo, DirectoryService &directory, qint64 count);

    // Opens (and migrates) the database at `url`, then runs `action` on it.
    int withDatabase(const QString &url, const std::function<int(Database &)> &action);
    // Tells what went wrong on stderr and returns Failure.
    int fail(const Error &error);
    void say(const QString &line);
    void complain(const QString &line);

    QTextStream &m_out;
    QTextStream &m_err;
    SystemClock m_clock;
};

// Runs `coordinator-console admin …` on the process's stdout and stderr; `args` are the arguments
// after "admin". Returns the exit code.
int runAdmin(const QStringList &args);

} // namespace cc::app
