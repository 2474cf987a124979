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

#include <algorithm>

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
                       "for twice without echo. It must have at least %1 characters, and the user must\n"
                       "change it at the first sign-in.")
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

// The user named `username`, as the operator sees it; NotFound naming it.
Result<User> userNamed(DirectoryService &directory, const QString &username)
{
    auto all = directory.users(Caller::system());
    if (!all)
        return all.error();
    for (const User &u : std::as_const(*all))
        if (u.username == username)
            return u;
    return Error::notFound(QStringLiteral("No user named “%1”.").arg(username));
}

QString timeText(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

int userList(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("admin user list"), QStringLiteral("[--org ORG_ID]"),
        QStringLiteral("Lists the users by username, separated by tabs: username, display name, role,\n"
                       "organisation, coordinator, status (enabled, disabled) and whether the password\n"
                       "must be changed at the next sign-in."));
    cl.addOption(QStringLiteral("org"), QStringLiteral("ORG_ID"),
                 QStringLiteral("Only this organisation's."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    const QString org = cl.value(QStringLiteral("org"));
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        auto users = directory.users(Caller::system());
        if (!users)
            return ctx.fail(users.error());
        ctx.say(QStringLiteral(
            "username\tdisplay_name\trole\torg_id\tcoordinator_id\tstatus\tmust_change_password"));
        for (const User &u : std::as_const(*users)) {
            if (!org.isEmpty() && u.orgId != org)
                continue;
            ctx.say(QStringList{u.username, u.displayName, roleName(u.role), u.orgId, u.coordinatorId,
                                u.disabled ? QStringLiteral("disabled") : QStringLiteral("enabled"),
                                u.mustChangePassword ? QStringLiteral("yes") : QStringLiteral("no")}
                        .join(QLatin1Char('\t')));
        }
        return int(Success);
    });
}

int userPasswd(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("admin user passwd"), QStringLiteral("USERNAME"),
        QStringLiteral("Sets a new password for a user (a reset), read as `admin user add` reads it.\n"
                       "The user must change it at the next sign-in; every token of the old one\n"
                       "is revoked."));
    cl.addPositional(QStringLiteral("USERNAME"), QStringLiteral("The user."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    const QString username = cl.positional(0);
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        auto u = userNamed(directory, username);
        if (!u)
            return ctx.fail(u.error());
        auto password = readPassword(ctx.err, username);
        if (!password)
            return ctx.fail(password.error());
        if (auto s = directory.setPassword(Caller::system(), u->id, *password); !s)
            return ctx.fail(s.error());
        ctx.say(QStringLiteral("Set a new password for %1; it must be changed at the next sign-in.")
                    .arg(username));
        return int(Success);
    });
}

int userSetDisabled(AdminContext &ctx, const QStringList &args, bool disabled)
{
    const QString verb = disabled ? QStringLiteral("disable") : QStringLiteral("enable");
    CommandLine cl(QStringLiteral("admin user ") + verb, QStringLiteral("USERNAME"),
                   disabled ? QStringLiteral("Disables a user: no sign-in, and every token is revoked.")
                            : QStringLiteral("Enables a disabled user again."));
    cl.addPositional(QStringLiteral("USERNAME"), QStringLiteral("The user."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    const QString username = cl.positional(0);
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        auto u = userNamed(directory, username);
        if (!u)
            return ctx.fail(u.error());
        if (auto s = directory.setDisabled(Caller::system(), u->id, disabled); !s)
            return ctx.fail(s.error());
        ctx.say(disabled ? QStringLiteral("Disabled %1.").arg(username)
                         : QStringLiteral("Enabled %1.").arg(username));
        return int(Success);
    });
}

int userDisable(AdminContext &ctx, const QStringList &args)
{
    return userSetDisabled(ctx, args, true);
}

int userEnable(AdminContext &ctx, const QStringList &args)
{
    return userSetDisabled(ctx, args, false);
}

int tokenList(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(QStringLiteral("admin token list"), QStringLiteral("[--user USERNAME]"),
                   QStringLiteral("Lists API tokens, newest first, separated by tabs: id, username, label,\n"
                                  "created, expires, last used and status (valid, expired, revoked). The\n"
                                  "tokens themselves are never stored, so they cannot be shown."));
    cl.addOption(QStringLiteral("user"), QStringLiteral("USERNAME"), QStringLiteral("Only this user's."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    const QString only = cl.value(QStringLiteral("user"));
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        AuthService auth(db, ctx.clock);
        auto users = directory.users(Caller::system());
        if (!users)
            return ctx.fail(users.error());
        QHash<QString, QString> usernames;
        for (const User &u : std::as_const(*users))
            usernames.insert(u.id, u.username);
        if (!only.isEmpty() && !usernames.values().contains(only))
            return ctx.fail(Error::notFound(QStringLiteral("No user named “%1”.").arg(only)));
        auto tokens = auth.tokens(Caller::system());
        if (!tokens)
            return ctx.fail(tokens.error());
        QList<ApiToken> sorted = *tokens;
        std::sort(sorted.begin(), sorted.end(), [](const ApiToken &a, const ApiToken &b) {
            return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id < b.id;
        });
        const QDateTime now = ctx.clock.now();
        ctx.say(QStringLiteral("id\tusername\tlabel\tcreated_at\texpires_at\tlast_used_at\tstatus"));
        for (const ApiToken &t : std::as_const(sorted)) {
            const QString username = usernames.value(t.userId);
            if (!only.isEmpty() && username != only)
                continue;
            const QString status = t.revokedAt.isValid() ? QStringLiteral("revoked")
                : t.isValidAt(now)                       ? QStringLiteral("valid")
                                                         : QStringLiteral("expired");
            ctx.say(QStringList{t.id, username, t.label, timeText(t.createdAt), timeText(t.expiresAt),
                                timeText(t.lastUsedAt), status}
                        .join(QLatin1Char('\t')));
        }
        return int(Success);
    });
}

int tokenRevoke(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("admin token revoke"), QStringLiteral("TOKEN_ID"),
        QStringLiteral("Revokes an API token by its id (see admin token list): the device that holds\n"
                       "it is signed out at its next request."));
    cl.addPositional(QStringLiteral("TOKEN_ID"), QStringLiteral("The token's id."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        AuthService auth(db, ctx.clock);
        if (auto s = auth.revoke(Caller::system(), cl.positional(0)); !s)
            return ctx.fail(s.error());
        ctx.say(QStringLiteral("Revoked token %1.").arg(cl.positional(0)));
        return int(Success);
    });
}

} // namespace

int user(AdminContext &ctx, const QStringList &args)
{
    return ctx.dispatch(
        QStringLiteral("admin user"), QStringLiteral("Users who sign in to the console and the API."),
        {{QStringLiteral("add"), QStringLiteral("Add a user; the password is read from stdin."),
          ctx.bind(userAdd)},
         {QStringLiteral("list"), QStringLiteral("List the users."), ctx.bind(userList)},
         {QStringLiteral("passwd"), QStringLiteral("Set a new password for a user (a reset)."),
          ctx.bind(userPasswd)},
         {QStringLiteral("disable"), QStringLiteral("Disable a user and revoke their tokens."),
          ctx.bind(userDisable)},
         {QStringLiteral("enable"), QStringLiteral("Enable a disabled user."), ctx.bind(userEnable)}},
        args);
}

int token(AdminContext &ctx, const QStringList &args)
{
    return ctx.dispatch(
        QStringLiteral("admin token"), QStringLiteral("API tokens."),
        {{QStringLiteral("issue"), QStringLiteral("Issue an API token for a user and print it."),
          ctx.bind(tokenIssue)},
         {QStringLiteral("list"), QStringLiteral("List API tokens."), ctx.bind(tokenList)},
         {QStringLiteral("revoke"), QStringLiteral("Revoke an API token by id."), ctx.bind(tokenRevoke)}},
        args);
}

} // namespace cc::app::admin
