#pragma once

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

class QTextStream;

namespace cc::app {

// What every command returns: 0 done, 1 the action failed (a rule or the database said no),
// 2 the command line is wrong.
enum ExitCode
{
    Success = 0,
    Failure = 1,
    UsageError = 2
};

// The command line of one command (a group like "admin org", or a leaf like "admin org add"): a
// QCommandLineParser that knows --help and --database, the usage line, and the checks for missing
// and surplus arguments.
class CommandLine
{
public:
    // `command` as typed after the program name; `synopsis` what follows it in the usage line.
    CommandLine(const QString &command, const QString &synopsis, const QString &description);

    // A group: the first positional argument names a subcommand, and everything from there on is
    // left for it.
    void setGroup();

    void addPositional(const QString &name, const QString &description);
    void addOption(const QString &name, const QString &valueName, const QString &description,
                   const QString &defaultValue = {});
    void addRequiredOption(const QString &name, const QString &valueName, const QString &description);

    // Parses `args`. Returns an exit code when the command must not go on: 0 after the help,
    // 2 after telling what is wrong with the command line.
    std::optional<int> parse(const QStringList &args, QTextStream &out, QTextStream &err);

    // Tells on `err` what is wrong with the command line and returns UsageError.
    int usageError(QTextStream &err, const QString &message) const;
    QString helpText() const;

    QString value(const QString &name) const { return m_parser.value(name); }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString positional(int index) const { return m_parser.positionalArguments().value(index); }
    QStringList positionals() const { return m_parser.positionalArguments(); }

    // --database, else the default database.
    QString databaseUrl() const;

private:
    QString m_command;
    QString m_synopsis;
    QCommandLineParser m_parser;
    QStringList m_positionals;
    QList<std::pair<QString, QString>> m_required;
    bool m_group = false;
};

// One command of a group: its name, its line in the group's help, and what runs it with the
// arguments after its name.
struct Subcommand
{
    QString name;
    QString summary;
    std::function<int(const QStringList &args)> run;
};

// Runs the group `command`: picks the subcommand named by the first argument of `args` and runs
// it with the rest (a --database given before the subcommand goes along with it).
int dispatch(const QString &command, const QString &summary, const QList<Subcommand> &subcommands,
             const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace cc::app
