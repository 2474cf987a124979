#include "app/AdminCommand.h"

#include "app/AppContext.h"
#include "core/AuthService.h"
#include "core/Backup.h"
#include "core/Caller.h"
#include "core/CsvImport.h"
#include "core/Database.h"
#include "core/DemoData.h"
#include "core/Directory.h"
#include "core/DirectoryService.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTextStream>

#include <iostream>
#include <optional>
#include <string>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>

#include <csignal>
#endif

namespace cc::app {

namespace {

const QString kProgram = QStringLiteral("coordinator-console");
const QString kHelp = QStringLiteral("help");
const QString kDatabase = QStringLiteral("database");

// ---- the terminal ------------------------------------------------------------------------------

bool isTerminal(FILE *stream)
{
#ifdef Q_OS_UNIX
    return ::isatty(::fileno(stream)) == 1;
#else
    Q_UNUSED(stream);
    return false;
#endif
}

// One line of stdin without its line end; nothing at the end of the input.
std::optional<QString> readLine()
{
    std::string line;
    if (!std::getline(std::cin, line))
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

#ifdef Q_OS_UNIX
termios g_savedTerminal;

// Puts the echo back when the operator interrupts a password prompt, then dies of the signal.
void restoreTerminalAndDie(int signalNumber)
{
    ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    std::signal(signalNumber, SIG_DFL);
    std::raise(signalNumber);
}
#endif

// Turns the terminal's echo off for as long as it lives.
class EchoOff
{
public:
    EchoOff()
    {
#ifdef Q_OS_UNIX
        if (::tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0)
            return;
        termios quiet = g_savedTerminal;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        std::signal(SIGINT, restoreTerminalAndDie);
        std::signal(SIGTERM, restoreTerminalAndDie);
        m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
#endif
    }
    ~EchoOff()
    {
#ifdef Q_OS_UNIX
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
#endif
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    bool m_active = false;
};

std::optional<QString> readSecret(QTextStream &err, const QString &prompt)
{
    err << prompt;
    err.flush();
    std::optional<QString> line;
    {
        EchoOff quiet;
        line = readLine();
    }
    err << Qt::endl; // the Enter the terminal did not echo
    return line;
}

// The new user's password: one line of stdin, or asked twice (without echo) on a terminal.
Result<QString> readPassword(QTextStream &err, const QString &username)
{
    if (!isTerminal(stdin)) {
        auto line = readLine();
        if (!line)
            return Error::field(
                ErrorCode::Invalid, QStringLiteral("password"),
                QStringLiteral("No password on stdin: give it as one line, e.g. "
                               "printf '%s\\n' \"$PASSWORD\" | coordinator-console admin user add …"));
        return *line;
    }
    auto first = readSecret(err, QStringLiteral("Password for %1: ").arg(username));
    if (!first)
        return Error::field(ErrorCode::Invalid, QStringLiteral("password"),
                            QStringLiteral("No password was given."));
    if (auto s = DirectoryService::validatePassword(*first); !s)
        return s.error();
    auto second = readSecret(err, QStringLiteral("The same password again: "));
    if (!second || *second != *first)
        return Error::field(ErrorCode::Invalid, QStringLiteral("password"),
                            QStringLiteral("The two passwords differ."));
    return *first;
}

// ---- the command line --------------------------------------------------------------------------

// The default database as the help shows it: without a password.
QString defaultDatabaseForPeople()
{
    const QString text = AppContext::defaultDatabaseUrl();
    const auto url = DatabaseUrl::parse(text);
    return url ? url->display() : text.section(QLatin1Char('@'), -1);
}

QString seeHelp(const QString &command)
{
    return QStringLiteral("See “%1 %2 --help”.").arg(kProgram, command);
}

// The command line of one command (a group like "admin org", or a leaf like "admin org add"): a
// QCommandLineParser that knows --help and --database, the usage line, and the checks for missing
// and surplus arguments.
class CommandLine
{
public:
    // `command` as typed after the program name; `synopsis` what follows it in the usage line.
    CommandLine(const QString &command, const QString &synopsis, const QString &description)
        : m_command(command)
        , m_synopsis(synopsis)
    {
        m_parser.setApplicationDescription(description);
        m_parser.addOption(
            QCommandLineOption({QStringLiteral("h"), kHelp}, QStringLiteral("Show this help.")));
        m_parser.addOption(QCommandLineOption(
            kDatabase,
            QStringLiteral(
                "Where the data is: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE. "
                "Default: the environment variable CC_DATABASE when set, else an SQLite file in the "
                "application-data folder; here that is %1.")
                .arg(defaultDatabaseForPeople()),
            QStringLiteral("URL")));
    }

    // A group: the first positional argument names a subcommand, and everything from there on is
    // left for it.
    void setGroup()
    {
        m_group = true;
        m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    }

    void addPositional(const QString &name, const QString &description)
    {
        m_parser.addPositionalArgument(name, description);
        m_positionals << name;
    }

    void addOption(const QString &name, const QString &valueName, const QString &description,
                   const QString &defaultValue = {})
    {
        m_parser.addOption(QCommandLineOption(name, description, valueName, defaultValue));
    }

    void addRequiredOption(const QString &name, const QString &valueName, const QString &description)
    {
        addOption(name, valueName, description);
        m_required << std::make_pair(name, valueName);
    }

    // Parses `args`. Returns an exit code when the command must not go on: 0 after the help,
    // 2 after telling what is wrong with the command line.
    std::optional<int> parse(const QStringList &args, QTextStream &out, QTextStream &err)
    {
        if (!m_parser.parse(QStringList{kProgram} + args))
            return usageError(err, m_parser.errorText());
        if (m_parser.isSet(kHelp)) {
            out << helpText();
            out.flush();
            return AdminCommand::Success;
        }
        if (m_group)
            return std::nullopt;
        const QStringList given = m_parser.positionalArguments();
        if (given.size() < m_positionals.size())
            return usageError(err, QStringLiteral("Missing %1.").arg(m_positionals.at(given.size())));
        if (given.size() > m_positionals.size())
            return usageError(
                err, QStringLiteral("Unexpected argument “%1”.").arg(given.at(m_positionals.size())));
        for (const auto &[name, valueName] : std::as_const(m_required))
            if (!m_parser.isSet(name))
                return usageError(err, QStringLiteral("Missing the option --%1 %2.").arg(name, valueName));
        return std::nullopt;
    }

    int usageError(QTextStream &err, const QString &message) const
    {
        err << QStringLiteral("error: %1: %2").arg(m_command, message) << Qt::endl
            << seeHelp(m_command) << Qt::endl;
        return AdminCommand::UsageError;
    }

    QString helpText() const
    {
        // QCommandLineParser's own usage line names only the executable; ours names the command.
        const QString text = m_parser.helpText();
        return QStringLiteral("Usage: %1 %2 %3").arg(kProgram, m_command, m_synopsis)
            + text.mid(text.indexOf(QLatin1Char('\n')));
    }

    QString value(const QString &name) const { return m_parser.value(name); }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString positional(int index) const { return m_parser.positionalArguments().value(index); }
    QStringList positionals() const { return m_parser.positionalArguments(); }

    QString databaseUrl() const
    {
        return m_parser.isSet(kDatabase) ? m_parser.value(kDatabase) : AppContext::defaultDatabaseUrl();
    }

private:
    QString m_command;
    QString m_synopsis;
    QCommandLineParser m_parser;
    QStringList m_positionals;
    QList<std::pair<QString, QString>> m_required;
    bool m_group = false;
};

// Draws a progress line on stderr, only when a person is watching it.
class ProgressLine
{
public:
    ProgressLine(QTextStream &err, const QString &what)
        : m_err(err)
        , m_what(what)
        , m_visible(isTerminal(stderr))
    {}
    ~ProgressLine() { finish(); }
    ProgressLine(const ProgressLine &) = delete;
    ProgressLine &operator=(const ProgressLine &) = delete;

    std::function<bool(qint64, qint64)> callback()
    {
        if (!m_visible)
            return {};
        return [this](qint64 done, qint64 total) {
            const qint64 percent = total > 0 ? done * 100 / total : 100;
            m_err << QStringLiteral("\r%1: %2 of %3 (%4 %)").arg(m_what).arg(done).arg(total).arg(percent);
            m_err.flush();
            m_drawn = true;
            return true;
        };
    }

    // Ends the line, so what comes next starts on a line of its own.
    void finish()
    {
        if (m_drawn)
            m_err << Qt::endl;
        m_drawn = false;
    }

private:
    QTextStream &m_err;
    QString m_what;
    bool m_visible;
    bool m_drawn = false;
};

QString seconds(qint64 msecs)
{
    return QString::number(static_cast<double>(msecs) / 1000.0, 'f', msecs < 10'000 ? 2 : 1);
}

} // namespace

// ---- AdminCommand ------------------------------------------------------------------------------

AdminCommand::AdminCommand(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{}

void AdminCommand::say(const QString &line)
{
    m_out << line << Qt::endl;
}

void AdminCommand::complain(const QString &line)
{
    m_err << line << Qt::endl;
}

int AdminCommand::fail(const Error &error)
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

int AdminCommand::withDatabase(const QString &urlText, const std::function<int(Database &)> &action)
{
    auto url = DatabaseUrl::parse(urlText);
    if (!url) {
        complain(QStringLiteral("error: --database: ") + url.error().message);
        return UsageError;
    }
    Database db(*url);
    if (auto s = db.open(); !s)
        return fail(s.error());
    return action(db);
}

int AdminCommand::dispatch(const QString &command, const QString &summary,
                           const QList<Subcommand> &subcommands, const QStringList &args)
{
    QStringList names;
    QString list;
    qsizetype width = 0;
    for (const Subcommand &s : subcommands)
        width = qMax(width, s.name.size());
    for (const Subcommand &s : subcommands) {
        names << s.name;
        list += QStringLiteral("\n  ") + s.name.leftJustified(width + 2) + s.summary;
    }
    const QString description = summary + QStringLiteral("\n\nCommands:") + list
        + QStringLiteral("\n\nEach command has its own --help: %1 %2 COMMAND --help.").arg(kProgram, command);
    CommandLine cl(command, QStringLiteral("COMMAND [options]"), description);
    cl.setGroup();
    if (auto stop = cl.parse(args, m_out, m_err))
        return *stop;
    const QStringList rest = cl.positionals();
    const QString commands = names.join(QStringLiteral(", "));
    if (rest.isEmpty())
        return cl.usageError(m_err, QStringLiteral("Missing the command (one of %1).").arg(commands));
    const auto it = std::find_if(subcommands.cbegin(), subcommands.cend(),
                                 [&](const Subcommand &s) { return s.name == rest.first(); });
    if (it == subcommands.cend())
        return cl.usageError(
            m_err, QStringLiteral("Unknown command “%1” (the commands are %2).").arg(rest.first(), commands));
    // A --database given before the subcommand goes along with it; one given after it wins.
    QStringList forwarded = rest.mid(1);
    if (cl.isSet(kDatabase))
        forwarded = QStringList{QStringLiteral("--database"), cl.value(kDatabase)} + forwarded;
    return (this->*(it->handler))(forwarded);
}

int AdminCommand::run(const QStringList &args)
{
    return dispatch(
        QStringLiteral("admin"),
        QStringLiteral(
            "The operator's commands. They act as a global admin on the database.\n"
            "Exit codes: 0 done, 1 the action failed, 2 the command line is wrong.\n"
            "For the program's log on stderr, set QT_LOGGING_RULES=\"console.*=true;default.warning=true\"."),
        {
            {QStringLiteral("org"), QStringLiteral("Add organisations."), &AdminCommand::org},
            {QStringLiteral("coordinator"), QStringLiteral("Add coordinators."), &AdminCommand::coordinator},
            {QStringLiteral("mentor"), QStringLiteral("Add or import peer mentors."), &AdminCommand::mentor},
            {QStringLiteral("user"), QStringLiteral("Add users who sign in."), &AdminCommand::user},
            {QStringLiteral("token"), QStringLiteral("Issue API tokens."), &AdminCommand::token},
            {QStringLiteral("backup"), QStringLiteral("Copy the whole database into a new SQLite file."),
             &AdminCommand::backup},
            {QStringLiteral("demo-data"), QStringLiteral("Create a demo organisation, or add many records."),
             &AdminCommand::demoData},
        },
        args);
}

int AdminCommand::org(const QStringList &args)
{
    return dispatch(QStringLiteral("admin org"), QStringLiteral("Organisations."),
                    {{QStringLiteral("add"), QStringLiteral("Add an organisation."), &AdminCommand::orgAdd}},
                    args);
}

int AdminCommand::coordinator(const QStringList &args)
{
    return dispatch(QStringLiteral("admin coordinator"), QStringLiteral("Coordinators."),
                    {{QStringLiteral("add"), QStringLiteral("Add a coordinator to an organisation."),
                      &AdminCommand::coordinatorAdd}},
                    args);
}

int AdminCommand::mentor(const QStringList &args)
{
    return dispatch(
        QStringLiteral("admin mentor"), QStringLiteral("Peer mentors."),
        {{QStringLiteral("add"), QStringLiteral("Add a peer mentor."), &AdminCommand::mentorAdd},
         {QStringLiteral("import"), QStringLiteral("Import peer mentors from a CSV file, all or none."),
          &AdminCommand::mentorImport}},
        args);
}

int AdminCommand::user(const QStringList &args)
{
    return dispatch(QStringLiteral("admin user"),
                    QStringLiteral("Users who sign in to the console and the API."),
                    {{QStringLiteral("add"), QStringLiteral("Add a user; the password is read from stdin."),
                      &AdminCommand::userAdd}},
                    args);
}

int AdminCommand::token(const QStringList &args)
{
    return dispatch(QStringLiteral("admin token"), QStringLiteral("API tokens."),
                    {{QStringLiteral("issue"), QStringLiteral("Issue an API token for a user and print it."),
                      &AdminCommand::tokenIssue}},
                    args);
}

int AdminCommand::orgAdd(const QStringList &args)
{
    CommandLine cl(QStringLiteral("admin org add"),
                   QStringLiteral("ORG_ID --name NAME [--locale nb|en] [--time-zone ZONE]"),
                   QStringLiteral("Adds an organisation."));
    cl.addPositional(QStringLiteral("ORG_ID"), QStringLiteral("The organisation's id, e.g. org_nhf_oslo."));
    cl.addRequiredOption(QStringLiteral("name"), QStringLiteral("NAME"),
                         QStringLiteral("The organisation's name."));
    cl.addOption(QStringLiteral("locale"), QStringLiteral("nb|en"),
                 QStringLiteral("The language of its notifications (default nb)."), QStringLiteral("nb"));
    cl.addOption(QStringLiteral("time-zone"), QStringLiteral("ZONE"),
                 QStringLiteral("The IANA time zone its dates are shown in (default Europe/Oslo)."),
                 QStringLiteral("Europe/Oslo"));
    if (auto stop = cl.parse(args, m_out, m_err))
        return *stop;
    Organisation org;
    org.id = cl.positional(0);
    org.name = cl.value(QStringLiteral("name"));
    org.locale = cl.value(QStringLiteral("locale"));
    org.timeZone = cl.value(QStringLiteral("time-zone"));
    return withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, m_clock);
        auto added = directory.addOrganisation(Caller::system(), org);
        if (!added)
            return fail(added.error());
        say(QStringLiteral("Created organisation %1 (%2).").arg(added->id, added->name));
        return int(Success);
    });
}

int AdminCommand::coordinatorAdd(const QStringList &args)
{
    CommandLine cl(QStringLiteral("admin coordinator add"),
                   QStringLiteral("COORD_ID --org ORG_ID --name NAME [--email E]"),
                   QStringLiteral("Adds a coordinator to an organisation."));
    cl.addPositional(QStringLiteral("COORD_ID"),
                     QStringLiteral("The coordinator's id, e.g. coord_9f8e7d6c."));
    cl.addRequiredOption(QStringLiteral("org"), QStringLiteral("ORG_ID"),
                         QStringLiteral("The organisation."));
    cl.addRequiredOption(QStringLiteral("name"), QStringLiteral("NAME"),
                         QStringLiteral("The coordinator's full name."));
    cl.addOption(QStringLiteral("email"), QStringLiteral("E"),
                 QStringLiteral("The coordinator's email address."));
    if (auto stop = cl.parse(args, m_out, m_err))
        return *stop;
    Coordinator coordinator;
    coordinator.id = cl.positional(0);
    coordinator.orgId = cl.value(QStringLiteral("org"));
    coordinator.name = cl.value(QStringLiteral("name"));
    coordinator.email = cl.value(QStringLiteral("email")).trimmed();
    return withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, m_clock);
        auto added = directory.addCoordinator(Caller::system(), coordinator);
        if (!added)
            return fail(added.error());
        say(QStringLiteral("Created coordinator %1 (%2) in %3.").arg(added->id, added->name, added->orgId));
        return int(Success);
    });
}

int AdminCommand::mentorAdd(const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("admin mentor add"),
        QStringLiteral("PM_ID --org ORG_ID --coordinator COORD_ID --name NAME [--email E] [--phone P]"),
        QStringLiteral("Adds a peer mentor."));
    cl.addPositional(QStringLiteral("PM_ID"), QStringLiteral("The peer mentor's id, e.g. pm_551e8400."));
    cl.addRequiredOption(QStringLiteral("org"), QStringLiteral("ORG_ID"),
                         QStringLiteral("The organisation."));
    cl.addRequiredOption(QStringLiteral("coordinator"), QStringLiteral("COORD_ID"),
                         QStringLiteral("The coordinator who follows the peer mentor up."));
    cl.addRequiredOption(QStringLiteral("name"), QStringLiteral("NAME"),
                         QStringLiteral("The peer mentor's full name."));
    cl.addOption(QStringLiteral("email"), QStringLiteral("E"),
                 QStringLiteral("The peer mentor's email address."));
    cl.addOption(QStringLiteral("phone"), QStringLiteral("P"),
                 QStringLiteral("The peer mentor's phone number."));
    if (auto stop = cl.parse(args, m_out, m_err))
        return *stop;
    PeerMentor mentor;
    mentor.id = cl.positional(0);
    mentor.orgId = cl.value(QStringLiteral("org"));
    mentor.coordinatorId = cl.value(QStringLiteral("coordinator"));
    mentor.name = cl.value(QStringLiteral("name"));
    mentor.email = cl.value(QStringLiteral("email")).trimmed();
    mentor.phone = cl.value(QStringLiteral("phone")).trimmed();
    return withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, m_clock);
        auto added = directory.addPeerMentor(Caller::system(), mentor);
        if (!added)
            return fail(added.error());
        say(QStringLiteral("Created peer mentor %1 (%2) in %3.").arg(added->id, added->name, added->orgId));
        return int(Success);
    });
}

int AdminCommand::mentorImport(const QStringList &args)
{
    CommandLine cl(QStringLiteral("admin mentor import"), QStringLiteral("FILE.csv [options]"),
                   QStringLiteral("Imports peer mentors from a CSV file (UTF-8) with the header\n"
                                  "  id,org_id,coordinator_id,name,email,phone\n"
                                  "Either every row is imported or, when a row has a problem, none is."));
    cl.addPositional(QStringLiteral("FILE.csv"), QStringLiteral("The CSV file."));
    if (auto stop = cl.parse(args, m_out, m_err))
        return *stop;
    const QString path = cl.positional(0);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::invalid(QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString())));
    auto mentors = peerMentorsFromCsv(file.readAll());
    if (!mentors)
        return fail(mentors.error());
    return withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, m_clock);
        auto imported = directory.importPeerMentors(Caller::system(), *mentors);
        if (!imported)
            return fail(imported.error());
        say(*imported == 1 ? QStringLiteral("Imported 1 peer mentor.")
                           : QStringLiteral("Imported %1 peer mentors.").arg(*imported));
        return int(Success);
    });
}

int AdminCommand::userAdd(const QStringList &args)
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
    if (auto stop = cl.parse(args, m_out, m_err))
        return *stop;
    const auto role = roleFromName(cl.value(QStringLiteral("role")));
    if (!role)
        return cl.usageError(m_err,
                             QStringLiteral("Unknown role “%1”: use coordinator, org_admin or global_admin.")
                                 .arg(cl.value(QStringLiteral("role"))));
    DirectoryService::NewUser input;
    input.username = cl.positional(0);
    input.role = *role;
    input.orgId = cl.value(QStringLiteral("org"));
    input.coordinatorId = cl.value(QStringLiteral("coordinator"));
    input.displayName = cl.value(QStringLiteral("display-name"));
    return withDatabase(cl.databaseUrl(), [&](Database &db) {
        auto password = readPassword(m_err, input.username);
        if (!password)
            return fail(password.error());
        input.password = *password;
        DirectoryService directory(db, m_clock);
        auto added = directory.addUser(Caller::system(), input);
        if (!added)
            return fail(added.error());
        const QString where = added->orgId.isEmpty() ? QString() : QStringLiteral(", ") + added->orgId;
        say(QStringLiteral("Created user %1 (%2%3).").arg(added->username, roleName(added->role), where));
        return int(Success);
    });
}

int AdminCommand::tokenIssue(const QStringList &args)
{
    CommandLine cl(QStringLiteral("admin token issue"), QStringLiteral("USERNAME [--days N]"),
                   QStringLiteral("Issues an API token for a user and prints only the token, for scripts.\n"
                                  "It is shown this once; the database keeps only its hash."));
    cl.addPositional(QStringLiteral("USERNAME"), QStringLiteral("The user the token acts as."));
    cl.addOption(QStringLiteral("days"), QStringLiteral("N"),
                 QStringLiteral("Days until it expires (default %1).").arg(AuthService::kDefaultTokenDays),
                 QString::number(AuthService::kDefaultTokenDays));
    if (auto stop = cl.parse(args, m_out, m_err))
        return *stop;
    bool isNumber = false;
    const int days = cl.value(QStringLiteral("days")).toInt(&isNumber);
    if (!isNumber)
        return cl.usageError(
            m_err,
            QStringLiteral("--days must be a whole number, not “%1”.").arg(cl.value(QStringLiteral("days"))));
    const QString username = cl.positional(0);
    return withDatabase(cl.databaseUrl(), [&](Database &db) {
        AuthService auth(db, m_clock);
        auto issued = auth.issueToken(username, days, QStringLiteral("admin command line"));
        if (!issued)
            return fail(issued.error());
        say(issued->secret);
        if (isTerminal(stderr))
            complain(QStringLiteral("Expires %1. It is shown only this once.")
                         .arg(issued->token.expiresAt.toString(Qt::ISODate)));
        return int(Success);
    });
}

int AdminCommand::backup(const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("admin backup"), QStringLiteral("FILE [options]"),
        QStringLiteral(
            "Copies every table of the database (SQLite or PostgreSQL) into a new SQLite file,\n"
            "which opens as it is with --database sqlite:FILE. An existing file is never overwritten."));
    cl.addPositional(QStringLiteral("FILE"), QStringLiteral("The new SQLite file."));
    if (auto stop = cl.parse(args, m_out, m_err))
        return *stop;
    const QString file = cl.positional(0);
    return withDatabase(cl.databaseUrl(), [&](Database &db) {
        ProgressLine progress(m_err, QStringLiteral("Copying rows"));
        const auto copied = Backup::run(db, file, progress.callback());
        progress.finish();
        if (!copied)
            return fail(copied.error());
        say(QStringLiteral("Backed up %1 rows to %2.").arg(*copied).arg(file));
        return int(Success);
    });
}

int AdminCommand::demoData(const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("admin demo-data"), QStringLiteral("[--records N]"),
        QStringLiteral(
            "Creates a realistic demo organisation (org_nhf_oslo): 2 coordinators, 25 peer mentors,\n"
            "a year of pauses and resumes, and a user of each role whose one-time passwords are\n"
            "printed once. With --records N, adds N records across more peer mentors of it instead\n"
            "(creating the organisation first when it is missing)."));
    cl.addOption(QStringLiteral("records"), QStringLiteral("N"),
                 QStringLiteral("Add N notification records."));
    if (auto stop = cl.parse(args, m_out, m_err))
        return *stop;
    std::optional<qint64> records;
    if (cl.isSet(QStringLiteral("records"))) {
        bool isNumber = false;
        records = cl.value(QStringLiteral("records")).toLongLong(&isNumber);
        if (!isNumber)
            return cl.usageError(m_err,
                                 QStringLiteral("--records must be a whole number, not “%1”.")
                                     .arg(cl.value(QStringLiteral("records"))));
    }
    return withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, m_clock);
        DemoData demo(db, directory, m_clock);
        return records ? demoRecords(demo, directory, *records) : demoCreate(demo, directory);
    });
}

int AdminCommand::demoCreate(DemoData &demo, DirectoryService &directory)
{
    auto summary = demo.create();
    if (!summary)
        return fail(summary.error());
    const auto org = directory.organisation(Caller::system(), summary->orgId);
    say(QStringLiteral("Created the demo organisation %1 (%2): %3 coordinators, %4 peer mentors, %5 "
                       "notification records.")
            .arg(summary->orgId, org ? org->name : QString())
            .arg(summary->coordinators)
            .arg(summary->mentors)
            .arg(summary->records));
    if (summary->accounts.isEmpty())
        return Success;
    const QStringList headers{QStringLiteral("USERNAME"), QStringLiteral("ROLE"), QStringLiteral("PASSWORD"),
                              QStringLiteral("NAME")};
    QList<QStringList> rows;
    for (const DemoData::Account &a : std::as_const(summary->accounts))
        rows << QStringList{a.username, roleName(a.role), a.password, a.displayName};
    QList<qsizetype> widths(headers.size(), 0);
    for (const QStringList &row : std::as_const(rows) + QList<QStringList>{headers})
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = qMax(widths[i], row.at(i).size());
    auto line = [&](const QStringList &row) {
        QString text = QStringLiteral("  ");
        for (qsizetype i = 0; i < row.size(); ++i)
            text += i + 1 < row.size() ? row.at(i).leftJustified(widths[i] + 2) : row.at(i);
        return text;
    };
    say(QString());
    say(QStringLiteral("%1 users. Their one-time passwords are shown only this once: note them now.")
            .arg(rows.size()));
    say(line(headers));
    for (const QStringList &row : std::as_const(rows))
        say(line(row));
    return Success;
}

int AdminCommand::demoRecords(DemoData &demo, DirectoryService &directory, qint64 count)
{
    // addRecords creates a missing demo organisation itself but does not hand back its users'
    // passwords, so create it here first and show them.
    const auto org = directory.organisation(Caller::system(), QString::fromLatin1(DemoData::kOrgId));
    if (!org && org.error().code != ErrorCode::NotFound)
        return fail(org.error());
    if (!org) {
        if (const int created = demoCreate(demo, directory); created != Success)
            return created;
        say(QString());
    }
    QElapsedTimer timer;
    timer.start();
    ProgressLine progress(m_err, QStringLiteral("Adding records"));
    const auto added = demo.addRecords(count, progress.callback());
    progress.finish();
    if (!added)
        return fail(added.error());
    const qint64 elapsed = timer.elapsed();
    say(QStringLiteral("Added %1 notification records for %2 new peer mentors of %3 in %4 s (%5 records/s).")
            .arg(added->records)
            .arg(added->mentors)
            .arg(added->orgId, seconds(elapsed))
            .arg(elapsed > 0 ? added->records * 1000 / elapsed : added->records));
    return Success;
}

int runAdmin(const QStringList &args)
{
    // The log (the core's, and the warnings of Qt's SQL drivers) is for diagnosis and can be had
    // with QT_LOGGING_RULES, which wins over these rules; what a person needs to act on comes as
    // the messages of AdminCommand.
    QLoggingCategory::setFilterRules(
        QStringLiteral("console.*.info=false\nconsole.*.warning=false\ndefault.warning=false"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    AdminCommand command(out, err);
    return command.run(args);
}

} // namespace cc::app
