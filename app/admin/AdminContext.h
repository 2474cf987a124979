#pragma once

#include "app/CommandLine.h"
#include "core/Clock.h"
#include "core/Result.h"

#include <QStringList>

#include <functional>

class QTextStream;

namespace cc {
class Database;
} // namespace cc

namespace cc::app::admin {

// What every `admin …` command works with: where results (out) and problems (err) go, the clock,
// and the database named on its command line. The commands run as Caller::system().
class AdminContext
{
public:
    using Handler = int (*)(AdminContext &ctx, const QStringList &args);

    AdminContext(QTextStream &output, QTextStream &errors);

    QTextStream &out;
    QTextStream &err;
    SystemClock clock;

    // What runs `handler` in this context: the `run` of a Subcommand.
    std::function<int(const QStringList &args)> bind(Handler handler);
    // Runs the group `command` (see app::dispatch) on this context's streams.
    int dispatch(const QString &command, const QString &summary, const QList<Subcommand> &subcommands,
                 const QStringList &args);

    // Opens (and migrates) the database at `url`, then runs `action` on it.
    int withDatabase(const QString &url, const std::function<int(Database &)> &action);
    // Tells what went wrong on stderr and returns Failure.
    int fail(const Error &error);
    void say(const QString &line);
    void complain(const QString &line);
};

} // namespace cc::app::admin
