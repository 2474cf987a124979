#include "app/admin/AccountCommands.h"

#include "app/CommandLine.h"
#include "app/Terminal.h"
#include "core/AuthService.h"
#include "core/Caller.h"
#include "core/Database.h"
#include "core/DirectoryService.h"
#include "core/Fields.h"

#include <QDateTime>
#include <QTextStream>

namespace cc::app::admin {

namespace {

// The new user's password: one line of stdin, or asked twice (without echo) on a terminal.
Result<QString> readPassword(QTextStream &err, const QString &username)
{
    if (!isTerminal(stdin)) {
        auto line = readLine();
        if (!line)
            return Error::field(
                ErrorCode::Invalid, field::Password,
                QStringLiteral("No password on stdin: give it as one line, e.g. "
                               "printf '%s\\n' \"$PASSWORD\" | coordinator-console admin user add …"));
        return *line;
    }
    auto first = readSecret(err, QStringLiteral("Password for %1: ").arg(username));
    if (!first)
        return Error::field(ErrorCode::Invalid, field::Password, QStringLiteral("No password was given."));
    if (auto s = DirectoryService::validatePassword(*first); !s)
        return s.error();
    auto second = readSecret(err, QStringLiteral("The same password again: "));
    if (!second || *second != *first)
        return Error::field(ErrorCode::Invalid, field::Password, QStringLiteral("The two passwords differ."));
    return *first;
}

int userAdd(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("admin user add"),
        QStringLiteral("USERNAME --role ROLE [--org ORG_ID] [--coordinator COORD_ID] [--display-name NAME]"),
        QStringLiteral("Adds a user. The password is read from stdin as one line; on a terminal it is asked\n"
                       "for twice without echo. It must have at least %1 characters.")
            .arg(DirectoryService::kMinPasswordLength));
    cl.addPositional(
        QStringLiteral("USERNAME"),
        QStringLiteral("What the user signs in with: lowercase letters, digits, “.”, “_”, “-”."));
    cl.addRequiredOption(QStringLiteral("role"), QStringLiteral("ROLE"),
                         QStringLiteral("coordinator, org_admin or global_admin."));
    cl.addOption(QStringLiteral("org"), QStringLiteral("ORG_ID"),
                 QStringLiteral("The user's organisation (for every role but global_admin)."));
    cl.addOption(QStringLiteral("coordinator"), QStringLiteral("COORD_ID"),
                 QStringLiteral("The coordinator the user is (for the role coordinator)."));
    cl.addOption(QStringLiteral("display-name"), QStringLiteral("NAME"),
                 QStringLiteral("The name shown for the user (default: the username)."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    const auto role = roleFromName(cl.value(QStringLiteral("role")));
    if (!role)
        return cl.usageError(ctx.err,
                             QStringLiteral("Unknown role “%1”: use coordinator, org_admin or global_admin.")
                                 .arg(cl.value(QStringLiteral("role"))));
    DirectoryService::NewUser input;
    input.username = cl.positional(0);
    input.role = *role;
    input.orgId = cl.value(QStringLiteral("org"));
    input.coordinatorId = cl.value(QStringLiteral("coordinator"));
    input.displayName = cl.value(QStringLiteral("display-name"));
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        auto password = readPassword(ctx.err, input.username);
        if (!password)
            return ctx.fail(password.error());
        input.password = *password;
        DirectoryService directory(db, ctx.clock);
        auto added = directory.addUser(Caller::system(), input);
        if (!added)
            return ctx.fail(added.error());
        const QString where = added->orgId.isEmpty() ? QString() : QStringLiteral(", ") + added->orgId;
        ctx.say(QStringLiteral("Created user %1 (%2%3).").arg(added->username, roleName(added->role), where));
        return int(Success);
    });
}

int tokenIssue(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(QStringLiteral("admin token issue"), QStringLiteral("USERNAME [--days N]"),
                   QStringLiteral("Issues an API token for a user and prints only the token, for scripts.\n"
                                  "It is shown this once; the database keeps only its hash."));
    cl.addPositional(QStringLiteral("USERNAME"), QStringLiteral("The user the token acts as."));
    cl.addOption(QStringLiteral("days"), QStringLiteral("N"),
                 QStringLiteral("Days until it expires (default %1).").arg(AuthService::kDefaultTokenDays),
                 QString::number(AuthService::kDefaultTokenDays));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    bool isNumber = false;
    const int days = cl.value(QStringLiteral("days")).toInt(&isNumber);
    if (!isNumber)
        return cl.usageError(
            ctx.err,
            QStringLiteral("--days must be a whole number, not “%1”.").arg(cl.value(QStringLiteral("days"))));
    const QString username = cl.positional(0);
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        AuthService auth(db, ctx.clock);
        auto issued = auth.issueToken(username, days, QStringLiteral("admin command line"));
        if (!issued)
            return ctx.fail(issued.error());
        ctx.say(issued->secret);
        if (isTerminal(stderr))
            ctx.complain(QStringLiteral("Expires %1. It is shown only this once.")
                             .arg(issued->token.expiresAt.toString(Qt::ISODate)));
        return int(Success);
    });
}

} // namespace

int user(AdminContext &ctx, const QStringList &args)
{
    return ctx.dispatch(QStringLiteral("admin user"),
                        QStringLiteral("Users who sign in to the console and the API."),
                        {{QStringLiteral("add"),
                          QStringLiteral("Add a user; the password is read from stdin."), ctx.bind(userAdd)}},
                        args);
}

int token(AdminContext &ctx, const QStringList &args)
{
    return ctx.dispatch(
        QStringLiteral("admin token"), QStringLiteral("API tokens."),
        {{QStringLiteral("issue"), QStringLiteral("Issue an API token for a user and print it."),
          ctx.bind(tokenIssue)}},
        args);
}

} // namespace cc::app::admin
