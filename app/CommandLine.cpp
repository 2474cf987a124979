#include "app/CommandLine.h"

#include "app/AppContext.h"
#include "core/Database.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>

namespace cc::app {

namespace {

const QString kProgram = QStringLiteral("coordinator-console");
const QString kHelp = QStringLiteral("help");
const QString kVersion = QStringLiteral("version");
const QString kDatabase = QStringLiteral("database");

QString seeHelp(const QString &command)
{
    return QStringLiteral("See “%1 %2 --help”.").arg(kProgram, command);
}

} // namespace

CommandLine::CommandLine(const QString &command, const QString &synopsis, const QString &description)
    : m_command(command)
    , m_synopsis(synopsis)
{
    m_parser.setApplicationDescription(description);
    m_parser.addOption(QCommandLineOption({QStringLiteral("h"), kHelp}, QStringLiteral("Show this help.")));
    m_parser.addOption(QCommandLineOption(kVersion, QStringLiteral("Show the version.")));
    m_parser.addOption(
        QCommandLineOption(kDatabase, AppContext::databaseOptionHelp(), QStringLiteral("URL")));
}

void CommandLine::setGroup()
{
    m_group = true;
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
}

void CommandLine::addPositional(const QString &name, const QString &description)
{
    m_parser.addPositionalArgument(name, description);
    m_positionals << name;
}

void CommandLine::addOption(const QString &name, const QString &valueName, const QString &description,
                            const QString &defaultValue)
{
    m_parser.addOption(QCommandLineOption(name, description, valueName, defaultValue));
}

void CommandLine::addRequiredOption(const QString &name, const QString &valueName, const QString &description)
{
    addOption(name, valueName, description);
    m_required << std::make_pair(name, valueName);
}

std::optional<int> CommandLine::parse(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (!m_parser.parse(QStringList{kProgram} + args))
        return usageError(err, m_parser.errorText());
    if (m_parser.isSet(kHelp)) {
        out << helpText();
        out.flush();
        return Success;
    }
    if (m_parser.isSet(kVersion)) {
        out << kProgram << ' ' << QCoreApplication::applicationVersion() << Qt::endl;
        return Success;
    }
    if (m_group)
        return std::nullopt;
    const QStringList given = m_parser.positionalArguments();
    if (given.size() < m_positionals.size())
        return usageError(err, QStringLiteral("Missing %1.").arg(m_positionals.at(given.size())));
    if (given.size() > m_positionals.size())
        return usageError(err,
                          QStringLiteral("Unexpected argument “%1”.").arg(given.at(m_positionals.size())));
    for (const auto &[name, valueName] : std::as_const(m_required))
        if (!m_parser.isSet(name))
            return usageError(err, QStringLiteral("Missing the option --%1 %2.").arg(name, valueName));
    return std::nullopt;
}

int CommandLine::usageError(QTextStream &err, const QString &message) const
{
    err << QStringLiteral("error: %1: %2").arg(m_command, message) << Qt::endl
        << seeHelp(m_command) << Qt::endl;
    return UsageError;
}

QString CommandLine::helpText() const
{
    // QCommandLineParser's own usage line names only the executable; ours names the command.
    const QString text = m_parser.helpText();
    return QStringLiteral("Usage: %1 %2 %3").arg(kProgram, m_command, m_synopsis)
        + text.mid(text.indexOf(QLatin1Char('\n')));
}

QString CommandLine::databaseUrl() const
{
    return m_parser.isSet(kDatabase) ? m_parser.value(kDatabase) : AppContext::defaultDatabaseUrl();
}

int dispatch(const QString &command, const QString &summary, const QList<Subcommand> &subcommands,
             const QStringList &args, QTextStream &out, QTextStream &err)
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
    if (auto stop = cl.parse(args, out, err))
        return *stop;
    const QStringList rest = cl.positionals();
    const QString commands = names.join(QStringLiteral(", "));
    if (rest.isEmpty())
        return cl.usageError(err, QStringLiteral("Missing the command (one of %1).").arg(commands));
    const auto it = std::find_if(subcommands.cbegin(), subcommands.cend(),
                                 [&](const Subcommand &s) { return s.name == rest.first(); });
    if (it == subcommands.cend())
        return cl.usageError(
            err, QStringLiteral("Unknown command “%1” (the commands are %2).").arg(rest.first(), commands));
    // A --database given before the subcommand goes along with it; one given after it wins.
    QStringList forwarded = rest.mid(1);
    if (cl.isSet(kDatabase))
        forwarded = QStringList{QStringLiteral("--database"), cl.value(kDatabase)} + forwarded;
    return it->run(forwarded);
}

} // namespace cc::app
