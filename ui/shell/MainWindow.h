#pragma once

#include "core/Caller.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;

namespace cc {

struct ConsoleServices;
class ConsolePage;
class PauseNotifier;

// The console's one window: a sidebar of pages (Ctrl+1…), the status bar (API server, signed-in
// user, database), the menus, and the tray message for pauses that arrive through the API. Each
// page is a class of its own; this window only holds them together.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);
    ~MainWindow() override;

    QList<ConsolePage *> pages() const;
    ConsolePage *currentPage() const;
    // By object name ("RecordsPage"); false when there is no such page for this caller.
    bool showPage(const QString &objectName);
    const Caller &caller() const { return m_caller; }
    QString serverStatusText() const;

signals:
    void signOutRequested();
    // The language was changed in the settings: the program builds the window again.
    void languageChanged();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPage(ConsolePage *page);
    void buildMenus();
    void buildStatusBar();
    void updateServerStatus();
    void importPeerMentors();
    void changePassword();
    void backUpDatabase();
    void openSettings();
    void showAbout();
    void showNotification(const QString &title, const QString &message);

    ConsoleServices &m_services;
    Caller m_caller;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    PauseNotifier *m_notifier = nullptr;
};

} // namespace cc
