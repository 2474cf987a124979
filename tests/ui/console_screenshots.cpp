// Opens the console's main window on a database (the demo data) as a given user, with the embedded
// API server running, and saves a PNG of every page and of the sign-in and first-start dialogs.
// Run by tests/ui/screenshots.sh under Xvfb; not a test (a person looks at the pictures).
//
//   console_screenshots --database URL --user NAME [--password PASSWORD] --language en|nb [--dark]
//                       --out DIR

#include "app/AppContext.h"
#include "app/EmbeddedServerControl.h"
#include "ui/common/ConsolePage.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/Icons.h"
#include "ui/common/Settings.h"
#include "ui/common/Translator.h"
#include "ui/peermentors/MentorDialog.h"
#include "ui/peermentors/PeerMentorsPage.h"
#include "ui/shell/ChangePasswordDialog.h"
#include "ui/shell/DatabaseDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/SetupDialog.h"
#include "ui/shell/SignInDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QPalette>
#include <QPushButton>
#include <QScreen>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

namespace {

bool save(QWidget *widget, const QString &file)
{
    widget->show();
    widget->raise();
    widget->activateWindow();
    if (!QTest::qWaitForWindowExposed(widget))
        std::fprintf(stderr, "the window was not shown: %s\n", qPrintable(widget->objectName()));
    QTest::qWait(400);
    QPixmap shot = widget->screen()->grabWindow(widget->winId());
    if (shot.isNull())
        shot = widget->grab();
    if (!shot.save(file)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(file));
        return false;
    }
    std::printf("%s\n", qPrintable(file));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CoordinatorConsoleScreenshots"));
    QCoreApplication::setApplicationName(QStringLiteral("coordinator-console"));
    QApplication::setWindowIcon(cc::Icons::application());
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("database"), QStringLiteral("database URL"), QStringLiteral("URL")},
         {QStringLiteral("user"), QStringLiteral("user name"), QStringLiteral("NAME")},
         {QStringLiteral("password"), QStringLiteral("the user's password: sign in as the console does"),
          QStringLiteral("PASSWORD")},
         {QStringLiteral("language"), QStringLiteral("en or nb"), QStringLiteral("CODE"),
          QStringLiteral("en")},
         {QStringLiteral("out"), QStringLiteral("folder for the PNGs"), QStringLiteral("DIR")},
         {QStringLiteral("dark"), QStringLiteral("a dark palette, as a dark desktop theme gives")}});
    parser.process(app);
    const bool dark = parser.isSet(QStringLiteral("dark"));
    if (dark) {
        QPalette palette;
        palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        palette.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2a));
        palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        palette.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
        palette.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xd8));
        palette.setColor(QPalette::HighlightedText, Qt::white);
        palette.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xf0));
        palette.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
        palette.setColor(QPalette::ToolTipText, QColor(0xee, 0xee, 0xee));
        palette.setColor(QPalette::PlaceholderText, QColor(0x99, 0x99, 0x99));
        palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
        palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        QApplication::setPalette(palette);
    }
    const QString language = parser.value(QStringLiteral("language"));
    const QString prefix = dark ? language + QStringLiteral("-dark") : language;
    const QDir out(parser.value(QStringLiteral("out")));
    QDir().mkpath(out.absolutePath());

    cc::Translator translator;
    translator.apply(language);
    auto context = cc::app::AppContext::open(parser.value(QStringLiteral("database")));
    if (!context) {
        std::fprintf(stderr, "%s\n", qPrintable(context.error().message));
        return 1;
    }
    cc::app::AppContext &ctx = **context;
    QTemporaryDir settingsDir;
    cc::Settings settings(settingsDir.filePath(QStringLiteral("settings.ini")));
    cc::app::EmbeddedServerControl server(cc::api::Services{ctx.database(), ctx.clock(), ctx.auth(),
                                                            ctx.directory(), ctx.records(), ctx.templates(),
                                                            ctx.payloads()});
    cc::ConsoleServices services{ctx.database(),  ctx.clock(),    ctx.directory(), ctx.auth(), ctx.records(),
                                 ctx.templates(), ctx.payloads(), settings,        &server};
    // HTTPS, as by default, with an own certificate made in the temporary folder.
    qputenv("STATE_DIRECTORY", QFile::encodeName(settingsDir.path()));
    if (auto started = server.start({0, true, {}, {}}); !started)
        std::fprintf(stderr, "server: %s\n", qPrintable(started.error().message));

    auto users = ctx.directory().users(cc::Caller::system());
    if (!users) {
        std::fprintf(stderr, "%s\n", qPrintable(users.error().message));
        return 1;
    }
    cc::Caller caller;
    for (const cc::User &user : *users) {
        if (user.username == parser.value(QStringLiteral("user")))
            caller = cc::AuthService::callerOf(user);
    }
    if (caller.userId.isEmpty()) {
        std::fprintf(stderr, "no user %s\n", qPrintable(parser.value(QStringLiteral("user"))));
        return 1;
    }
    // Signed in as the console does, so the activity (the audit log) shows it.
    if (parser.isSet(QStringLiteral("password"))) {
        if (auto signedIn = ctx.auth().checkPassword(
                caller.username, parser.value(QStringLiteral("password")), QStringLiteral("console"));
            !signedIn)
            std::fprintf(stderr, "sign-in: %s\n", qPrintable(signedIn.error().message));
    }
    // A paired phone, so the devices table is not empty.
    (void)ctx.auth().issueToken(caller.username, 30, QStringLiteral("Kari's phone"));

    bool ok = true;
    {
        settings.setValue(cc::Settings::Key::LastUsername, caller.username);
        cc::SignInDialog signIn(ctx.auth(), settings);
        ok = save(&signIn, out.filePath(QStringLiteral("%1-00-sign-in.png").arg(prefix))) && ok;
        cc::SetupDialog setup(services);
        ok = save(&setup, out.filePath(QStringLiteral("%1-00-first-start.png").arg(prefix))) && ok;
        cc::DatabaseDialog database(
            QStringLiteral("/home/kari/.local/share/CoordinatorConsole/coordinator-console/"
                           "coordinator-console.db"),
            QStringLiteral("postgresql://coordinator@db.nhf-oslo.no:5432/"
                           "coordinator?sslmode=verify-full"));
        ok = save(&database, out.filePath(QStringLiteral("%1-00-database.png").arg(prefix))) && ok;
        cc::ChangePasswordDialog password(ctx.auth(), caller.username,
                                          cc::ChangePasswordDialog::Mode::Forced);
        ok = save(&password, out.filePath(QStringLiteral("%1-00-new-password.png").arg(prefix))) && ok;
        // The mentor editor, on the demo's Kari Nordmann.
        if (auto kari = ctx.directory().peerMentor(caller, QStringLiteral("pm_551e8400"))) {
            cc::MentorDialog editor(services, caller, *kari);
            ok = save(&editor, out.filePath(QStringLiteral("%1-00-mentor-editor.png").arg(prefix))) && ok;
        }
    }
    cc::MainWindow window(services, caller);
    window.resize(1200, 780);
    // Show a mentor with a history: the demo's Kari Nordmann.
    if (auto *mentors = window.findChild<cc::PeerMentorsPage *>())
        mentors->selectMentor(QStringLiteral("pm_551e8400"));
    int index = 1;
    for (cc::ConsolePage *page : window.pages()) {
        window.showPage(page->objectName());
        // A pairing code, so the QR code is in the picture.
        if (auto *create = page->findChild<QPushButton *>(QStringLiteral("createPairingCode"));
            create && create->isEnabled())
            create->click();
        const QString name = page->objectName().remove(QStringLiteral("Page")).toLower();
        ok = save(&window,
                  out.filePath(QStringLiteral("%1-%2-%3.png")
                                   .arg(prefix)
                                   .arg(index++, 2, 10, QLatin1Char('0'))
                                   .arg(name)))
            && ok;
    }
    server.stop();
    return ok ? 0 : 1;
}
