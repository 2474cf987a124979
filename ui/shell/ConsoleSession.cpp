#include "ui/shell/ConsoleSession.h"

#include "ui/common/ConsolePage.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/Settings.h"
#include "ui/common/Translator.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/SetupDialog.h"
#include "ui/shell/SignInDialog.h"

#include <QApplication>
#include <QMessageBox>

#include <algorithm>
#include <climits>

namespace cc {

ConsoleSession::ConsoleSession(ConsoleServices &services, Translator &translator,
                               const QString &forcedLanguage, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_translator(translator)
    , m_forcedLanguage(forcedLanguage)
{
    // Quitting is this class's decision: closing a window to replace it is not the end.
    QApplication::setQuitOnLastWindowClosed(false);
}

ConsoleSession::~ConsoleSession()
{
    if (m_window) {
        MainWindow *window = m_window;
        m_window = nullptr;
        delete window;
    }
}

bool ConsoleSession::begin()
{
    auto users = m_services.directory.users(Caller::system());
    if (!users) {
        QMessageBox::critical(nullptr, tr("Coordinator Console"), users.error().message);
        return false;
    }
    if (!users->isEmpty())
        return signIn();
    SetupDialog setup(m_services);
    if (setup.exec() != QDialog::Accepted)
        return false;
    if (setup.restoredRows() >= 0) {
        const int rows = int(std::min<qint64>(setup.restoredRows(), INT_MAX));
        QMessageBox::information(
            nullptr, tr("Backup restored"),
            tr("%n row(s) were restored. Sign in with an account from the backup.", nullptr, rows));
        return begin(); // a backup without users (an organisation's export) offers the setup again
    }
    openWindow(AuthService::callerOf(setup.user()));
    if (!setup.demoAccounts().isEmpty()) {
        QMessageBox box(QMessageBox::Information, tr("Demo users"),
                        tr("You are signed in as the demo organisation's admin. "
                           "These are the demo users' passwords; they are shown only now."),
                        QMessageBox::Ok, m_window);
        box.setDetailedText(setup.demoAccounts());
        box.exec();
    }
    return true;
}

bool ConsoleSession::signIn()
{
    SignInDialog dialog(m_services.auth, m_services.settings);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    openWindow(dialog.caller());
    return true;
}

void ConsoleSession::openWindow(const Caller &caller)
{
    m_caller = caller;
    auto *window = new MainWindow(m_services, caller);
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_window = window;
    connect(window, &QObject::destroyed, this, &ConsoleSession::onWindowDestroyed);
    connect(window, &MainWindow::signOutRequested, this, &ConsoleSession::signOut, Qt::QueuedConnection);
    connect(window, &MainWindow::languageChanged, this, &ConsoleSession::changeLanguage,
            Qt::QueuedConnection);
    window->show();
}

void ConsoleSession::onWindowDestroyed(QObject *window)
{
    // The person closed the window they were working in: the program ends.
    if (window == m_window) {
        m_window = nullptr;
        QApplication::quit();
    }
}

bool ConsoleSession::closeForReplacement()
{
    MainWindow *old = m_window;
    m_window = nullptr; // its destruction is not the end of the program
    if (old && !old->close()) {
        m_window = old; // a page kept it open (unsaved work, cancelled)
        return false;
    }
    return true;
}

void ConsoleSession::signOut()
{
    if (!closeForReplacement())
        return;
    if (!signIn())
        QApplication::quit();
}

void ConsoleSession::changeLanguage()
{
    const QString page =
        m_window && m_window->currentPage() ? m_window->currentPage()->objectName() : QString();
    const QByteArray geometry = m_window ? m_window->saveGeometry() : QByteArray();
    if (!closeForReplacement())
        return; // the new language shows at the next start
    if (m_forcedLanguage.isEmpty())
        m_translator.apply(m_services.settings.string(Settings::Key::Language));
    openWindow(m_caller);
    m_window->restoreGeometry(geometry);
    m_window->showPage(page);
}

} // namespace cc
