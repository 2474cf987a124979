#include "ConsoleCommand.h"

#include "AppContext.h"
#include "ConsolePage.h"
#include "ConsoleServices.h"
#include "EmbeddedServerControl.h"
#include "Icons.h"
#include "MainWindow.h"
#include "Settings.h"
#include "SetupDialog.h"
#include "SignInDialog.h"
#include "Translator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QPointer>

#include <cstdio>

namespace {

// Signs a person in, shows the main window, and starts over on "Sign out" or a change of language.
class ConsoleSession : public QObject
{
public:
    ConsoleSession(cc::ConsoleServices &services, cc::Translator &translator, const QString &forcedLanguage)
        : m_services(services)
        , m_translator(translator)
        , m_forcedLanguage(forcedLanguage)
    {
    }

    // False when the person cancelled before a window was shown.
    bool begin()
    {
        auto users = m_services.directory.users(cc::Caller::system());
        if (!users) {
            QMessageBox::critical(nullptr, QObject::tr("Coordinator Console"), users.error().message);
            return false;
        }
        if (users->isEmpty()) {
            cc::SetupDialog setup(m_services);
            if (setup.exec() != QDialog::Accepted)
                return false;
            openWindow(cc::AuthService::callerOf(setup.user()));
            if (!setup.demoAccounts().isEmpty()) {
                QMessageBox box(QMessageBox::Information, cc::MainWindow::tr("Demo users"),
                                cc::MainWindow::tr("You are signed in as the demo organisation's admin. "
                                                   "These are the demo users' passwords; they are shown only now."),
                                QMessageBox::Ok, m_window);
                box.setDetailedText(setup.demoAccounts());
                box.setTextInteractionFlags(Qt::TextSelectableByMouse);
                box.exec();
            }
            return true;
        }
        return signIn();
    }

private:
    bool signIn()
    {
        cc::SignInDialog dialog(m_services.auth, m_services.settings);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        openWindow(dialog.caller());
        return true;
    }

    void openWindow(const cc::Caller &caller)
    {
        m_caller = caller;
        auto *window = new cc::MainWindow(m_services, caller);
        window->setAttribute(Qt::WA_DeleteOnClose);
        m_window = window;
        QObject::connect(window, &cc::MainWindow::signOutRequested, this, [this] {
            m_window->close();
            if (!signIn())
                QApplication::quit();
        }, Qt::QueuedConnection);
        QObject::connect(window, &cc::MainWindow::languageChanged, this, [this] {
            if (m_forcedLanguage.isEmpty())
                m_translator.apply(m_services.settings.string(cc::Settings::Key::Language));
            const QString page = m_window->currentPage() ? m_window->currentPage()->objectName() : QString();
            QApplication::setQuitOnLastWindowClosed(false);
            m_window->close();
            openWindow(m_caller);
            m_window->showPage(page);
            QApplication::setQuitOnLastWindowClosed(true);
        }, Qt::QueuedConnection);
        window->show();
    }

    cc::ConsoleServices &m_services;
    cc::Translator &m_translator;
    QString m_forcedLanguage;
    cc::Caller m_caller;
    QPointer<cc::MainWindow> m_window;
};

} // namespace

int runConsole(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CoordinatorConsole"));
    QCoreApplication::setApplicationName(QStringLiteral("coordinator-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CC_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Coordinator Console"));
    QGuiApplication::setDesktopFileName(QStringLiteral("coordinator-console"));
    QApplication::setWindowIcon(cc::Icons::application());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The desktop console, with the embedded API server."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("sqlite:PATH or postgresql://user:pass@host:port/db (default: $CC_DATABASE, else %1).")
                          .arg(AppContext::defaultDatabaseUrl()),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("port"), QStringLiteral("Port of the embedded API server (default: the setting, 8080)."),
                      QStringLiteral("PORT")});
    parser.addOption({QStringLiteral("no-server"), QStringLiteral("Do not start the embedded API server.")});
    parser.addOption({QStringLiteral("language"), QStringLiteral("en or nb (default: the setting, else the system's)."),
                      QStringLiteral("CODE")});
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "%s; see coordinator-console --help\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }

    cc::Settings settings;
    cc::Translator translator;
    const QString forcedLanguage = parser.value(QStringLiteral("language"));
    if (!forcedLanguage.isEmpty() && !cc::Translator::languages().contains(forcedLanguage)) {
        std::fprintf(stderr, "--language must be en or nb (got “%s”).\n", qPrintable(forcedLanguage));
        return 2;
    }
    translator.apply(forcedLanguage.isEmpty() ? settings.string(cc::Settings::Key::Language) : forcedLanguage);

    const QString databaseUrl = parser.isSet(QStringLiteral("database")) ? parser.value(QStringLiteral("database"))
                                                                         : AppContext::defaultDatabaseUrl();
    auto context = AppContext::open(databaseUrl);
    if (!context) {
        QMessageBox::critical(nullptr, QObject::tr("Coordinator Console"), context.error().message);
        std::fprintf(stderr, "%s\n", qPrintable(context.error().message));
        return 1;
    }
    AppContext &ctx = **context;
    EmbeddedServerControl server(cc::api::Services{ctx.database(), ctx.clock(), ctx.auth(), ctx.directory(), ctx.records(), ctx.templates()});
    cc::ConsoleServices services{ctx.database(), ctx.clock(), ctx.directory(), ctx.auth(), ctx.records(), ctx.templates(), settings, &server};

    if (!parser.isSet(QStringLiteral("no-server")) && settings.boolean(cc::Settings::Key::ServerAutoStart)) {
        cc::ServerControl::Options options;
        bool portOk = true;
        const int port = parser.isSet(QStringLiteral("port")) ? parser.value(QStringLiteral("port")).toInt(&portOk)
                                                               : settings.integer(cc::Settings::Key::ServerPort);
        if (!portOk || port < 0 || port > 65535) {
            std::fprintf(stderr, "--port must be 0 to 65535.\n");
            return 2;
        }
        options.port = quint16(port);
        options.tls = settings.boolean(cc::Settings::Key::ServerTls);
        options.certificateFile = settings.string(cc::Settings::Key::ServerCertificateFile);
        options.keyFile = settings.string(cc::Settings::Key::ServerKeyFile);
        // A port in use is no reason not to open the console: the status bar and the Server page say why.
        if (auto s = server.start(options); !s)
            std::fprintf(stderr, "The API server did not start: %s\n", qPrintable(s.error().message));
    }

    ConsoleSession session(services, translator, forcedLanguage);
    if (!session.begin())
        return 0;
    const int code = QApplication::exec();
    server.stop();
    settings.sync();
    return code;
}
