#include "ui/shell/MainWindow.h"

#include "core/Backup.h"
#include "core/CsvImport.h"
#include "core/Permissions.h"
#include "ui/activity/ActivityPage.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/Icons.h"
#include "ui/common/LongTask.h"
#include "ui/common/ServerControl.h"
#include "ui/common/Settings.h"
#include "ui/coordinators/CoordinatorsPage.h"
#include "ui/devices/ServerPage.h"
#include "ui/peermentors/ImportDialog.h"
#include "ui/peermentors/PeerMentorsPage.h"
#include "ui/records/RecordsPage.h"
#include "ui/shell/ChangePasswordDialog.h"
#include "ui/shell/PauseNotifier.h"
#include "ui/shell/SettingsDialog.h"
#include "ui/statistics/StatisticsPage.h"
#include "ui/templates/TemplatesPage.h"
#include "ui/users/UsersPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>

namespace cc {

MainWindow::MainWindow(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_caller(caller)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Coordinator Console"));
    setWindowIcon(Icons::application());

    m_sidebar = new QListWidget(this);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setAccessibleDescription(tr("Choose a page; Ctrl+1, Ctrl+2 and so on go to a page directly."));
    m_sidebar->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sidebar->setIconSize(QSize(22, 22));
    m_sidebar->setSpacing(2);
    m_stack = new QStackedWidget(this);

    addPage(new PeerMentorsPage(services, caller, m_stack));
    if (CoordinatorsPage::isAvailableTo(caller))
        addPage(new CoordinatorsPage(services, caller, m_stack));
    addPage(new RecordsPage(services, caller, m_stack));
    addPage(new TemplatesPage(services, caller, m_stack));
    addPage(new StatisticsPage(services, caller, m_stack));
    addPage(new ServerPage(services, caller, m_stack));
    if (UsersPage::isAvailableTo(caller))
        addPage(new UsersPage(services, caller, m_stack));
    if (ActivityPage::isAvailableTo(caller))
        addPage(new ActivityPage(services, caller, m_stack));

    // Wide enough for the longest page title in either language, no wider.
    int widest = 0;
    for (int i = 0; i < m_sidebar->count(); ++i)
        widest = std::max(widest, m_sidebar->fontMetrics().horizontalAdvance(m_sidebar->item(i)->text()));
    m_sidebar->setFixedWidth(widest + m_sidebar->iconSize().width() + 48);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_stack->setCurrentIndex(row);
        if (ConsolePage *page = currentPage()) {
            page->activated();
            m_services.settings.setValue(Settings::Key::LastPage, page->objectName());
        }
    });

    buildMenus();
    buildStatusBar();

    m_notifier = new PauseNotifier(services.records, caller, this);
    connect(m_notifier, &PauseNotifier::notify, this,
            [this](const QString &title, const QString &message, const QString &) {
                showNotification(title, message);
            });
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("Coordinator Console"));
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        m_tray->show();
    }

    resize(1200, 780);
    restoreGeometry(services.settings.bytes(Settings::Key::WindowGeometry));
    if (!showPage(services.settings.string(Settings::Key::LastPage)))
        m_sidebar->setCurrentRow(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(ConsolePage *page)
{
    const int index = m_stack->addWidget(page);
    auto *item = new QListWidgetItem(page->icon(), page->title(), m_sidebar);
    const QString shortcut =
        QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)).toString(QKeySequence::NativeText);
    item->setToolTip(tr("%1 (%2)").arg(page->title(), shortcut));
    item->setData(Qt::AccessibleDescriptionRole, tr("Shortcut: %1").arg(shortcut));
    auto *go = new QAction(page->title(), this);
    go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
    go->setShortcutContext(Qt::WindowShortcut);
    connect(go, &QAction::triggered, this, [this, index] {
        m_sidebar->setCurrentRow(index);
        if (QWidget *widget = m_stack->widget(index))
            widget->setFocus(Qt::ShortcutFocusReason);
    });
    addAction(go);
    connect(page, &ConsolePage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
}

QList<ConsolePage *> MainWindow::pages() const
{
    QList<ConsolePage *> out;
    for (int i = 0; i < m_stack->count(); ++i)
        out << static_cast<ConsolePage *>(m_stack->widget(i));
    return out;
}

ConsolePage *MainWindow::currentPage() const
{
    return static_cast<ConsolePage *>(m_stack->currentWidget());
}

bool MainWindow::showPage(const QString &objectName)
{
    for (int i = 0; i < m_stack->count(); ++i) {
        if (m_stack->widget(i)->objectName() == objectName) {
            m_sidebar->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    if (may(m_caller, Action::ManageDirectory)) {
        QAction *import =
            file->addAction(tr("&Import peer mentors from CSV…"), this, &MainWindow::importPeerMentors);
        import->setObjectName(QStringLiteral("importAction"));
    }
    // An org admin's backup is an export of their organisation only: it says so.
    QAction *backup = file->addAction(Backup::copiesWholeDatabase(m_caller) ? tr("&Back up the database…")
                                                                            : tr("&Export the organisation…"),
                                      this, &MainWindow::backUpDatabase);
    backup->setObjectName(QStringLiteral("backupAction"));
    backup->setEnabled(may(m_caller, Action::BackUp));
    file->addSeparator();
    QAction *password = file->addAction(tr("Change &password…"), this, &MainWindow::changePassword);
    password->setObjectName(QStringLiteral("changePasswordAction"));
    file->addAction(tr("&Settings…"), QKeySequence::Preferences, this, &MainWindow::openSettings);
    file->addSeparator();
    file->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (QAction *action : actions())
        go->addAction(action);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Coordinator Console"), this, &MainWindow::showAbout);
}

void MainWindow::buildStatusBar()
{
    m_serverLabel = new QLabel(this);
    m_serverLabel->setObjectName(QStringLiteral("serverStatus"));
    m_serverLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_userLabel =
        new QLabel(tr("Signed in as %1 (%2)").arg(m_caller.username, DisplayText::role(m_caller.role)), this);
    m_userLabel->setObjectName(QStringLiteral("userStatus"));
    m_databaseLabel = new QLabel(tr("Database: %1").arg(m_services.database.url().display()), this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseStatus"));
    statusBar()->addPermanentWidget(m_serverLabel);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_databaseLabel);
    if (m_services.server) {
        connect(m_services.server, &ServerControl::stateChanged, this, &MainWindow::updateServerStatus);
        connect(&m_services.auth, &AuthService::tokensChanged, this, &MainWindow::updateServerStatus);
    }
    updateServerStatus();
}

QString MainWindow::serverStatusText() const
{
    if (!m_services.server)
        return tr("No API server in this window");
    const ServerControl::State state = m_services.server->state();
    if (!state.running) {
        if (!state.lastError.isEmpty())
            return tr("API server stopped: %1").arg(state.lastError);
        return tr("API server stopped");
    }
    int devices = 0;
    if (auto tokens = m_services.auth.tokens(m_caller)) {
        const QDateTime now = m_services.clock.now();
        for (const ApiToken &token : *tokens)
            devices += token.isValidAt(now) ? 1 : 0;
    }
    if (!state.tls)
        return tr("Serving on %1, unencrypted · %n device(s)", nullptr, devices).arg(state.url());
    return tr("Serving on %1 · %n device(s)", nullptr, devices).arg(state.url());
}

void MainWindow::updateServerStatus()
{
    m_serverLabel->setText(serverStatusText());
}

void MainWindow::importPeerMentors()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Import peer mentors"), m_services.settings.string(Settings::Key::LastExportFolder),
        tr("CSV files (*.csv);;All files (*)"));
    if (file.isEmpty())
        return;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Import peer mentors"),
                             tr("%1 could not be read: %2").arg(file, in.errorString()));
        return;
    }
    // A preview first: what is new, changed and wrong, before anything is written.
    ImportDialog dialog(m_services, m_caller, file, in.readAll(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    statusBar()->showMessage(tr("Imported: %1 new, %2 changed.")
                                 .arg(dialog.imported().added.size())
                                 .arg(dialog.imported().changed.size()),
                             8000);
}

void MainWindow::changePassword()
{
    ChangePasswordDialog dialog(m_services.auth, m_caller.username, ChangePasswordDialog::Mode::Voluntary,
                                this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Your password was changed."), 8000);
}

void MainWindow::backUpDatabase()
{
    const bool whole = Backup::copiesWholeDatabase(m_caller);
    const QString file = QFileDialog::getSaveFileName(
        this, whole ? tr("Back up the database") : tr("Export the organisation"),
        m_services.settings.string(Settings::Key::LastExportFolder), tr("SQLite databases (*.db)"));
    if (file.isEmpty())
        return;
    qint64 rows = 0;
    Database &db = m_services.database;
    const LongTask::Result outcome =
        LongTask::run(this, whole ? tr("Backing up the database…") : tr("Exporting the organisation…"),
                      [&](const LongTask::Progress &progress) -> Status {
                          auto result = Backup::run(m_caller, db, file, progress);
                          if (!result)
                              return result.error();
                          rows = *result;
                          return {};
                      });
    const int shown = int(std::min<qint64>(rows, INT_MAX));
    if (outcome.outcome == LongTask::Outcome::Failed)
        ErrorMessages::show(this, whole ? tr("The backup failed.") : tr("The export failed."), outcome.error);
    else if (outcome.outcome == LongTask::Outcome::Cancelled)
        statusBar()->showMessage(whole ? tr("The backup was cancelled; no file was left behind.")
                                       : tr("The export was cancelled; no file was left behind."),
                                 8000);
    else
        statusBar()->showMessage(whole ? tr("Backed up %n row(s) to %1.", nullptr, shown).arg(file)
                                       : tr("Exported %n row(s) to %1.", nullptr, shown).arg(file),
                                 8000);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_services.settings, this);
    const QString before = m_services.settings.string(Settings::Key::Language);
    if (dialog.exec() == QDialog::Accepted && m_services.settings.string(Settings::Key::Language) != before)
        emit languageChanged();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Coordinator Console"),
                       tr("<p><b>Coordinator Console</b> %1</p>"
                          "<p>Follows peer mentors' pauses and the notifications sent about them.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::showNotification(const QString &title, const QString &message)
{
    statusBar()->showMessage(message, 10000);
    if (m_tray && m_services.settings.boolean(Settings::Key::TrayNotifications))
        m_tray->showMessage(title, message, QSystemTrayIcon::Information, 8000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // A page with unsaved work (the template editor) may keep the window open.
    for (ConsolePage *page : pages()) {
        if (!page->mayClose()) {
            event->ignore();
            return;
        }
    }
    m_services.settings.setValue(Settings::Key::WindowGeometry, saveGeometry());
    m_services.settings.sync();
    QMainWindow::closeEvent(event);
}

} // namespace cc
