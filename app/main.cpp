#include "app/AdminCommand.h"
#include "app/ConsoleCommand.h"
#include "app/ServeCommand.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <sys/resource.h>

#include <string_view>

namespace {

// A server holds a descriptor per connection and per event stream: up to 512 connections and
// 1000 streams by default, beyond the usual soft limit of 1024 open files. The soft limit is
// raised to the hard one (which systemd and the shell's login set far higher).
void allowManyConnections()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        (void)setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// Each face of the one binary makes the application object it needs (the desktop console will
// want a QApplication), so the first argument is looked at before any is made.

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CoordinatorConsole"));
    QCoreApplication::setApplicationName(QStringLiteral("coordinator-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CC_VERSION));
}

// `admin mentor export … --pdf FILE` draws a PDF, which takes fonts: a QGuiApplication, on the
// offscreen platform unless another is asked for (an admin command shows no window, and a server
// has no display).
bool drawsPdf(int argc, char **argv)
{
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--pdf" || arg.starts_with("--pdf="))
            return true;
    }
    return false;
}

int adminMain(int argc, char **argv)
{
    if (drawsPdf(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        cc::app::quietAdminLog();
        QGuiApplication app(argc, argv);
        describeApplication();
        return cc::app::runAdmin(QCoreApplication::arguments().mid(2));
    }
    QCoreApplication app(argc, argv);
    describeApplication();
    return cc::app::runAdmin(QCoreApplication::arguments().mid(2));
}

int serveMain(int argc, char **argv)
{
    allowManyConnections();
    // A server without a window needs no GLib main loop: Qt's own event dispatcher costs each
    // request a few per cent fewer instructions. An empty QT_NO_GLIB keeps GLib's.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    describeApplication();
    return cc::app::runServe(QCoreApplication::arguments().mid(1));
}

int showUsage(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    describeApplication();
    QTextStream(stdout) << QStringLiteral(
        "Usage:\n"
        "  coordinator-console [options]        the desktop console with the embedded API server\n"
        "      --database URL, --port PORT, --no-server, --no-tls, --language en|nb\n"
        "  coordinator-console serve [options]  the API server alone\n"
        "  coordinator-console admin COMMAND    the operator's commands (admin --help lists them)\n"
        "  coordinator-console --version        the version\n");
    return 0;
}

int showVersion(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    describeApplication();
    QTextStream(stdout) << QCoreApplication::applicationName() << QLatin1Char(' ')
                        << QCoreApplication::applicationVersion() << Qt::endl;
    return 0;
}

int unknownCommand(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    describeApplication();
    QTextStream(stderr)
        << QStringLiteral("error: unknown command “%1”.").arg(QCoreApplication::arguments().value(1))
        << Qt::endl
        << QStringLiteral("See “coordinator-console --help”.") << Qt::endl;
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string_view command = argc > 1 ? argv[1] : "";
    if (command == "admin")
        return adminMain(argc, argv);
    if (command == "serve")
        return serveMain(argc, argv);
    if (command == "--help" || command == "-h" || command == "--help-all")
        return showUsage(argc, argv);
    if (command == "--version" || command == "-v")
        return showVersion(argc, argv);
    // The console's own options (it refuses the ones it does not know, naming them).
    if (command.empty() || command.starts_with("-")) {
        allowManyConnections(); // its embedded server
        return cc::app::runConsole(argc, argv);
    }
    return unknownCommand(argc, argv);
}
