#include "app/admin/AdminContext.h"

#include "app/AppContext.h"
#include "core/Database.h"

#include <QTextStream>

namespace cc::app::admin {

AdminContext::AdminContext(QTextStream &output, QTextStream &errors)
    : out(output)
    , err(errors)
{}

std::function<int(const QStringList &args)> AdminContext::bind(Handler handler)
{
    return [this, handler](const QStringList &args) { return handler(*this, args); };
}

int AdminContext::dispatch(const QString &command, const QString &summary,
                           const QList<Subcommand> &subcommands, const QStringList &args)
{
    return app::dispatch(command, summary, subcommands, args, out, err);
}

void AdminContext::say(const QString &line)
{
    out << line << Qt::endl;
}

void AdminContext::complain(const QString &line)
{
    err << line << Qt::endl;
}

int AdminContext::fail(const Error &error)
{
    complain(QStringLiteral("error: ") + error.message);
    for (const FieldError &field : error.fields) {
        if (field.message == error.message)
            continue;
        if (field.line > 0 && field.column > 0)
            complain(QStringLiteral("  %1:%2: %3").arg(field.line).arg(field.column).arg(field.message));
        else
            complain(QStringLiteral("  ") + field.message);
    }
    return Failure;
}

int AdminContext::withDatabase(const QString &urlText, const std::function<int(Database &)> &action)
{
    auto url = DatabaseUrl::parse(urlText);
    if (!url) {
        complain(QStringLiteral("error: --database: ") + url.error().message);
        return UsageError;
    }
    // The default (CC_DATABASE, or the SQLite file) is not on the command line.
    if (urlText != AppContext::defaultDatabaseUrl())
        if (const QString warning = AppContext::passwordWarning(urlText); !warning.isEmpty())
            complain(warning);
    Database db(*url);
    if (auto s = db.open(); !s)
        return fail(s.error());
    return action(db);
}

} // namespace cc::app::admin
