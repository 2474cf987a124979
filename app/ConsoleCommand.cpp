#include "app/ConsoleCommand.h"

#include "app/AppContext.h"
#include "app/EmbeddedServerControl.h"
#include "core/Defaults.h"
#include "core/PgPass.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/Icons.h"
#include "ui/common/Settings.h"
#include "ui/common/Translator.h"
#include "ui/shell/ConsoleSession.h"
#include "ui/shell/DatabaseDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>

#include <cstdio>
#include <optional>
#include <string_view>

namespace cc::app {

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CoordinatorConsole"));
    QCoreApplication::setApplicationName(QStringLiteral("coordinator-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CC_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Coordinator Console"));
    QGuiApplication::setDesktopFileName(QStringLiteral("no.likeperson.CoordinatorConsole"));
    QApplication::setWindowIcon(cc::Icons::application());
}

// The console's options (no application object needed, so --help works without a display).
void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral("The desktop console, with the embedded API server."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("database"), AppContext::databaseOptionHelp(), QStringLiteral("URL")});
    parser.addOption(
        {QStringLiteral("port"),
         QStringLiteral("Port of the embedded API server (default: the setting, %1).").arg(kDefaultPort),
         QStringLiteral("PORT")});
    parser.addOption({QStringLiteral("no-server"), QStringLiteral("Do not start the embedded API server.")});
    parser.addOption({QStringLiteral("no-tls"),
                      QStringLiteral("The embedded API server speaks plain HTTP: the traffic, with personal "
                                     "data, is unencrypted (default: HTTPS with this computer's own "
                                     "certificate, or the one chosen on the Server page).")});
    parser.addOption({QStringLiteral("language"),
                      QStringLiteral("en or nb (default: the setting, else the system's)."),
                      QStringLiteral("CODE")});
}

QString helpText(QCommandLineParser &parser)
{
    QString help = parser.helpText();
    help.replace(0, help.indexOf(QLatin1Char('\n')), QStringLiteral("Usage: coordinator-console [options]"));
    return help
        + QStringLiteral("\nAlso: coordinator-console serve --help, coordinator-console admin --help.\n");
}

// Reads the console's command line into `parser`. Returns an exit code when the console must not
// open: 0 after the help, 2 after telling what is wrong.
std::optional<int> parseArguments(QCommandLineParser &parser)
{
    addOptions(parser);
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "%s; see coordinator-console --help\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(helpText(parser)));
        return 0;
    }
    return std::nullopt;
}

// The database of this start: --database, else $CC_DATABASE, else the console's setting, else this
// computer's SQLite file. On the very first start (none of these, and no such file yet) the person
// chooses; nullopt when they cancel. A password typed for a shared server goes to ~/.pgpass when
// wanted, else to this process only (PGPASSWORD): never into the setting.
std::optional<QString> chooseDatabase(const QCommandLineParser &parser, cc::Settings &settings)
{
    if (parser.isSet(QStringLiteral("database")))
        return parser.value(QStringLiteral("database"));
    if (!qEnvironmentVariableIsEmpty("CC_DATABASE"))
        return AppContext::defaultDatabaseUrl();
    const QString setting = settings.string(cc::Settings::Key::DatabaseUrl);
    if (!setting.isEmpty())
        return setting;
    const QString local = AppContext::defaultDatabaseUrl();
    const QString localFile = local.mid(int(qstrlen("sqlite:")));
    if (QFileInfo::exists(localFile) || settings.contains(cc::Settings::Key::DatabaseUrl))
        return local;
    cc::DatabaseDialog dialog(localFile, QString());
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    settings.setValue(cc::Settings::Key::DatabaseUrl, dialog.url());
    if (dialog.url().isEmpty())
        return local;
    if (dialog.rememberPassword()) {
        const auto url = cc::DatabaseUrl::parse(dialog.url());
        if (url) {
            if (auto s =
                    cc::PgPass::remember(url->host, url->port, url->database, url->user, dialog.password());
                !s)
                QMessageBox::warning(nullptr, QObject::tr("Coordinator Console"), s.error().message);
        }
    }
    if (!dialog.password().isEmpty())
        qputenv("PGPASSWORD", dialog.password().toUtf8());
    return dialog.url();
}

// Starts the embedded API server as the settings and --port say; 2 when --port is wrong.
std::optional<int> startServer(EmbeddedServerControl &server, const QCommandLineParser &parser,
                               const cc::Settings &settings)
{
    cc::ServerControl::Options options;
    bool portOk = true;
    const int port = parser.isSet(QStringLiteral("port"))
        ? parser.value(QStringLiteral("port")).toInt(&portOk)
        : settings.integer(cc::Settings::Key::ServerPort);
    if (!portOk || port < 0 || port > 65535) {
        std::fprintf(stderr, "--port must be 0 to 65535.\n");
        return 2;
    }
    options.port = quint16(port);
    options.tls = settings.boolean(cc::Settings::Key::ServerTls) && !parser.isSet(QStringLiteral("no-tls"));
    options.certificateFile = settings.string(cc::Settings::Key::ServerCertificateFile);
    options.keyFile = settings.string(cc::Settings::Key::ServerKeyFile);
    // A port in use is no reason not to open the console: the status bar and the Server page say why.
    if (auto s = server.start(options); !s)
        std::fprintf(stderr, "The API server did not start: %s\n", qPrintable(s.error().message));
    return std::nullopt;
}

// --help and --version of the console, answered without a window: QApplication needs a display.
int consoleHelpOrVersion(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CoordinatorConsole"));
    QCoreApplication::setApplicationName(QStringLiteral("coordinator-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CC_VERSION));
    QCommandLineParser parser;
    if (const auto stop = parseArguments(parser))
        return *stop;
    std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
                qPrintable(QCoreApplication::applicationVersion()));
    return 0;
}

} // namespace

int runConsole(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument == "--help" || argument == "-h" || argument == "--help-all" || argument == "--version"
            || argument == "-v")
            return consoleHelpOrVersion(argc, argv);
    }
    QApplication app(argc, argv);
    describeApplication();

    QCommandLineParser parser;
    if (const auto stop = parseArguments(parser))
        return *stop;

    cc::Settings settings;
    cc::Translator translator;
    const QString forcedLanguage = parser.value(QStringLiteral("language"));
    if (!forcedLanguage.isEmpty() && !cc::Translator::languages().contains(forcedLanguage)) {
        std::fprintf(stderr, "--language must be en or nb (got “%s”).\n", qPrintable(forcedLanguage));
        return 2;
    }
    translator.apply(forcedLanguage.isEmpty() ? settings.string(cc::Settings::Key::Language)
                                              : forcedLanguage);

    const auto chosen = chooseDatabase(parser, settings);
    if (!chosen)
        return 0; // the person cancelled the first start
    const QString databaseUrl = *chosen;
    if (const QString warning = AppContext::passwordWarning(parser.value(QStringLiteral("database")));
        !warning.isEmpty())
        std::fprintf(stderr, "%s\n", qPrintable(warning));
    auto context = AppContext::open(databaseUrl);
    if (!context) {
        QMessageBox::critical(nullptr, QObject::tr("Coordinator Console"), context.error().message);
        std::fprintf(stderr, "%s\n", qPrintable(context.error().message));
        return 1;
    }
    AppContext &ctx = **context;
    ctx.followChanges();
    EmbeddedServerControl server(cc::api::Services{ctx.database(), ctx.clock(), ctx.auth(), ctx.directory(),
                                                   ctx.records(), ctx.templates(), ctx.payloads()});
    cc::ConsoleServices services{ctx.database(),  ctx.clock(),    ctx.directory(), ctx.auth(), ctx.records(),
                                 ctx.templates(), ctx.payloads(), settings,        &server};

    if (!parser.isSet(QStringLiteral("no-server")) && settings.boolean(cc::Settings::Key::ServerAutoStart))
        if (const auto stop = startServer(server, parser, settings))
            return *stop;

    cc::ConsoleSession session(services, translator, forcedLanguage);
    if (!session.begin())
        return 0;
    const int code = QApplication::exec();
    server.stop();
    settings.sync();
    return code;
}

} // namespace cc::app
