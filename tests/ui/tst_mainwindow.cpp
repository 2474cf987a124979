#include "core/Backup.h"
#include "tests/ui/ConsoleFixture.h"
#include "ui/common/ConsolePage.h"
#include "ui/shell/ConsoleSession.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PauseNotifier.h"
#include "ui/shell/SetupDialog.h"
#include "ui/shell/SignInDialog.h"
#include "ui/templates/TemplatesPage.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QRadioButton>
#include <QScreen>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>

using namespace cc;
using namespace cc::test::ui;

namespace {

QStringList pageNames(const MainWindow &window)
{
    QStringList names;
    for (ConsolePage *page : window.pages())
        names << page->objectName();
    return names;
}

// Records on a thread of its own, as the API server does.
Result<NotificationRecord> recordOnAnotherThread(NotificationRecordService &records, const Caller &caller,
                                                 const NewRecord &input)
{
    std::optional<Result<NotificationRecord>> result;
    std::unique_ptr<QThread> thread(QThread::create([&] { result = records.record(caller, input); }));
    thread->start();
    thread->wait();
    return *result;
}

// Fills the setup dialog's fields as a person would type them.
void fillSetup(SetupDialog &dialog, const QString &organisation, const QString &name, const QString &username,
               const QString &password, const QString &repeat)
{
    dialog.findChild<QLineEdit *>(QStringLiteral("organisationName"))->setText(organisation);
    dialog.findChild<QLineEdit *>(QStringLiteral("adminName"))->setText(name);
    dialog.findChild<QLineEdit *>(QStringLiteral("adminUsername"))->setText(username);
    dialog.findChild<QLineEdit *>(QStringLiteral("adminPassword"))->setText(password);
    dialog.findChild<QLineEdit *>(QStringLiteral("adminPasswordRepeat"))->setText(repeat);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void pagesFollowTheRole_data();
    void pagesFollowTheRole();
    void shortcutsSwitchPages();
    void remembersLastPageAndGeometry();
    void statusBarShowsServerUserAndDatabase();
    void trayMessageForPauseFromTheApi();
    void noTrayMessageForOwnRecordsOrOtherOrganisations();
    void signInChecksThePassword();
    void signInWithResetPasswordAsksForANewOne();
    void changePasswordFromTheFileMenu();
    void setupCreatesOrganisationAndAdmin();
    void setupRefusesMismatchedPasswords();
    void setupIsRefusedOnceSomeoneCanSignIn();
    void setupRestoresABackup();
    void languageChangeRebuildsTheWindow();
    void closingAsksAboutUnsavedTemplates();

private:
    std::unique_ptr<ConsoleFixture> m_fixture;
};

void TestMainWindow::init()
{
    m_fixture = std::make_unique<ConsoleFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
}

void TestMainWindow::cleanup()
{
    m_fixture.reset();
}

void TestMainWindow::pagesFollowTheRole_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QStringList>("pages");
    const QStringList common{QStringLiteral("PeerMentorsPage"), QStringLiteral("CoordinatorsPage"),
                             QStringLiteral("RecordsPage"),     QStringLiteral("TemplatesPage"),
                             QStringLiteral("StatisticsPage"),  QStringLiteral("ServerPage")};
    QTest::newRow("coordinator") << int(Role::Coordinator) << common;
    // The activity (the audit log) is for those who may read it: admins, not coordinators.
    const QStringList admins{QStringLiteral("UsersPage"), QStringLiteral("ActivityPage")};
    QTest::newRow("org admin") << int(Role::OrgAdmin) << (common + admins);
    QTest::newRow("global admin") << int(Role::GlobalAdmin) << (common + admins);
}

void TestMainWindow::pagesFollowTheRole()
{
    QFETCH(int, role);
    QFETCH(QStringList, pages);
    const Caller caller = role == int(Role::Coordinator) ? coordinatorA()
        : role == int(Role::OrgAdmin)                    ? orgAdminA()
                                                         : globalAdmin();
    MainWindow window(m_fixture->services(), caller);
    QCOMPARE(pageNames(window), pages);
    // Only admins may import mentors or back up.
    QAction *import = window.findChild<QAction *>(QStringLiteral("importAction"));
    QAction *backup = window.findChild<QAction *>(QStringLiteral("backupAction"));
    QVERIFY(backup);
    QCOMPARE(import != nullptr, role != int(Role::Coordinator));
    QCOMPARE(backup->isEnabled(), role != int(Role::Coordinator));
    // An org admin's copy is an export of their organisation, and the menu says so.
    QCOMPARE(backup->text(),
             role == int(Role::GlobalAdmin) ? QStringLiteral("&Back up the database…")
                                            : QStringLiteral("&Export the organisation…"));
}

void TestMainWindow::shortcutsSwitchPages()
{
    MainWindow window(m_fixture->services(), orgAdminA());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QList<ConsolePage *> pages = window.pages();
    for (int i = pages.size() - 1; i >= 0; --i) {
        QTest::keyClick(&window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        QCOMPARE(window.currentPage(), pages.at(i));
    }
    auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
    QVERIFY(sidebar);
    QCOMPARE(sidebar->currentRow(), 0);
    QVERIFY(!sidebar->accessibleName().isEmpty());
}

void TestMainWindow::remembersLastPageAndGeometry()
{
    QSize size;
    {
        MainWindow window(m_fixture->services(), orgAdminA());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showPage(QStringLiteral("StatisticsPage")));
        // A size the screen can hold (tests/ui/CMakeLists.txt gives it one). Since Qt 6.5,
        // restoreGeometry() shrinks a window that does not fit the screen's available area to
        // 2 pixels less than it, so a larger size would come back smaller, whatever was remembered.
        const QRect available = window.screen()->availableGeometry();
        size = (available.size() * 3 / 4).expandedTo(window.minimumSize());
        QVERIFY2(
            size.width() < available.width() * 9 / 10 && size.height() < available.height() * 9 / 10,
            qPrintable(QStringLiteral("the window's minimum size %1x%2 does not fit on the screen (%3x%4)")
                           .arg(window.minimumWidth())
                           .arg(window.minimumHeight())
                           .arg(available.width())
                           .arg(available.height())));
        QVERIFY(size != window.size());
        window.resize(size);
        window.close();
    }
    QCOMPARE(m_fixture->settings->string(Settings::Key::LastPage), QStringLiteral("StatisticsPage"));
    QVERIFY(!m_fixture->settings->bytes(Settings::Key::WindowGeometry).isEmpty());
    MainWindow again(m_fixture->services(), orgAdminA());
    QCOMPARE(again.currentPage()->objectName(), QStringLiteral("StatisticsPage"));
    QCOMPARE(again.size(), size);
    // A page this caller does not have falls back to the first.
    m_fixture->settings->setValue(Settings::Key::LastPage, QStringLiteral("UsersPage"));
    MainWindow coordinators(m_fixture->services(), coordinatorA());
    QCOMPARE(coordinators.currentPage()->objectName(), QStringLiteral("PeerMentorsPage"));
}

void TestMainWindow::statusBarShowsServerUserAndDatabase()
{
    const Caller admin = m_fixture->addUser(QStringLiteral("admin.status"), Role::OrgAdmin, kOrgA);
    MainWindow window(m_fixture->services(), admin);
    auto *server = window.findChild<QLabel *>(QStringLiteral("serverStatus"));
    auto *user = window.findChild<QLabel *>(QStringLiteral("userStatus"));
    auto *database = window.findChild<QLabel *>(QStringLiteral("databaseStatus"));
    QVERIFY(server && user && database);
    QCOMPARE(server->text(), QStringLiteral("API server stopped"));
    QVERIFY2(user->text().contains(QStringLiteral("admin.status")), qPrintable(user->text()));
    QVERIFY(database->text().contains(m_fixture->db().url().display()));

    // Plain HTTP says that it is unencrypted; HTTPS (the default) needs no word.
    QVERIFY(m_fixture->server.start({8443, false, {}, {}}).ok());
    QCOMPARE(server->text(), QStringLiteral("Serving on http://192.168.1.20:8443, unencrypted · 0 devices"));
    QVERIFY(m_fixture->server.start({8443, true, {}, {}}).ok());
    QCOMPARE(server->text(), QStringLiteral("Serving on https://192.168.1.20:8443 · 0 devices"));
    // A paired device (a valid token of the organisation) counts; a revoked one does not.
    auto token =
        m_fixture->auth->issueToken(QStringLiteral("admin.status"), 30, QStringLiteral("Kari's phone"));
    QVERIFY(token.ok());
    QTRY_COMPARE(server->text(), QStringLiteral("Serving on https://192.168.1.20:8443 · 1 device"));
    QVERIFY(m_fixture->auth->revoke(admin, token->token.id).ok());
    QTRY_COMPARE(server->text(), QStringLiteral("Serving on https://192.168.1.20:8443 · 0 devices"));

    m_fixture->server.stop();
    m_fixture->server.failWith = QStringLiteral("Port 8443 is in use.");
    QVERIFY(!m_fixture->server.start({8443, false, {}, {}}).ok());
    QCOMPARE(server->text(), QStringLiteral("API server stopped: Port 8443 is in use."));
}

void TestMainWindow::trayMessageForPauseFromTheApi()
{
    MainWindow window(m_fixture->services(), orgAdminA());
    auto *notifier = window.findChild<PauseNotifier *>();
    QVERIFY(notifier);
    QSignalSpy spy(notifier, &PauseNotifier::notify);
    auto pause = recordOnAnotherThread(*m_fixture->records, orgAdminA(),
                                       newRecord(kMentorA1, kCoordA1, EventType::PauseActivated, day(0)));
    QVERIFY(pause.ok());
    QTRY_COMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("Åse Ødegård has activated a pause"));
    QCOMPARE(spy.at(0).at(2).toString(), pause->id);
    // The status bar says it too, also where there is no tray.
    QTRY_COMPARE(window.statusBar()->currentMessage(), QStringLiteral("Åse Ødegård has activated a pause"));

    auto resume = recordOnAnotherThread(*m_fixture->records, orgAdminA(),
                                        newRecord(kMentorA1, kCoordA1, EventType::PauseDeactivated, day(3)));
    QVERIFY(resume.ok());
    QTRY_COMPARE(spy.size(), 2);
    QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("Åse Ødegård has ended a pause"));
}

void TestMainWindow::noTrayMessageForOwnRecordsOrOtherOrganisations()
{
    MainWindow window(m_fixture->services(), coordinatorA());
    auto *notifier = window.findChild<PauseNotifier *>();
    QSignalSpy spy(notifier, &PauseNotifier::notify);
    // Recorded by this console (its own thread): the person at the desk did it.
    QVERIFY(m_fixture->records
                ->record(coordinatorA(), newRecord(kMentorA1, kCoordA1, EventType::PauseActivated, day(0)))
                .ok());
    // Another organisation's, and (for a coordinator) another coordinator's mentor.
    QVERIFY(recordOnAnotherThread(*m_fixture->records, coordinatorB(),
                                  newRecord(kMentorB1, kCoordB1, EventType::PauseActivated, day(0)))
                .ok());
    QVERIFY(recordOnAnotherThread(*m_fixture->records, orgAdminA(),
                                  newRecord(kMentorA2, kCoordA2, EventType::PauseActivated, day(0)))
                .ok());
    // …and then one that is news, so the test knows the queue has been processed.
    QVERIFY(recordOnAnotherThread(*m_fixture->records, orgAdminA(),
                                  newRecord(kMentorA1, kCoordA1, EventType::PauseDeactivated, day(2)))
                .ok());
    QTRY_COMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("Åse Ødegård has ended a pause"));
}

void TestMainWindow::signInChecksThePassword()
{
    m_fixture->addUser(QStringLiteral("kari"), Role::Coordinator, kOrgA, kCoordA1,
                       QStringLiteral("riktig passord 1"));
    SignInDialog dialog(*m_fixture->auth, *m_fixture->settings);
    auto *username = dialog.findChild<QLineEdit *>(QStringLiteral("usernameEdit"));
    auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("signInMessage"));
    QVERIFY(username && password && message);
    username->setText(QStringLiteral("kari"));
    password->setText(QStringLiteral("feil passord"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!message->isHidden());
    QVERIFY(password->text().isEmpty());
    QVERIFY(message->text().contains(QStringLiteral("password is wrong")));

    password->setText(QStringLiteral("riktig passord 1"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.caller().username, QStringLiteral("kari"));
    QCOMPARE(dialog.caller().role, Role::Coordinator);
    QCOMPARE(dialog.caller().coordinatorId, kCoordA1);
    QCOMPARE(m_fixture->settings->string(Settings::Key::LastUsername), QStringLiteral("kari"));
}

void TestMainWindow::signInWithResetPasswordAsksForANewOne()
{
    const Caller kari = m_fixture->addUser(QStringLiteral("kari"), Role::Coordinator, kOrgA, kCoordA1);
    QVERIFY(
        m_fixture->directory->setPassword(Caller::system(), kari.userId, QStringLiteral("reset by admin 1")));
    SignInDialog dialog(*m_fixture->auth, *m_fixture->settings);
    dialog.findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->setText(QStringLiteral("kari"));
    auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));

    // First she cancels the new password: no sign-in.
    QTimer::singleShot(0, this, [] {
        auto *change = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(change && change->objectName() == QLatin1String("ChangePasswordDialog"));
        // Forced: the current password is not asked for again.
        QVERIFY(change->findChild<QLineEdit *>(QStringLiteral("currentPasswordEdit"))->isHidden());
        change->reject();
    });
    password->setText(QStringLiteral("reset by admin 1"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("signInMessage"))
                ->text()
                .contains(QStringLiteral("new password")));

    // Then she chooses one: a short one is refused in the dialog, a good one signs her in.
    QString shortRefusal;
    QTimer::singleShot(0, this, [&shortRefusal] {
        auto *change = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(change);
        auto *next = change->findChild<QLineEdit *>(QStringLiteral("newPasswordEdit"));
        auto *repeat = change->findChild<QLineEdit *>(QStringLiteral("repeatPasswordEdit"));
        next->setText(QStringLiteral("short"));
        repeat->setText(QStringLiteral("short"));
        change->accept();
        shortRefusal = change->findChild<QLabel *>(QStringLiteral("changePasswordMessage"))->text();
        next->setText(QStringLiteral("mitt eget passord 7"));
        repeat->setText(QStringLiteral("mitt eget passord 7"));
        change->accept();
    });
    password->setText(QStringLiteral("reset by admin 1"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY2(shortRefusal.contains(QStringLiteral("10")), qPrintable(shortRefusal));
    QCOMPARE(dialog.caller().username, QStringLiteral("kari"));
    QVERIFY(!dialog.user().mustChangePassword);
    QVERIFY(m_fixture->auth->signIn(QStringLiteral("kari"), QStringLiteral("mitt eget passord 7"),
                                    QStringLiteral("10.1.1.1")));
}

void TestMainWindow::changePasswordFromTheFileMenu()
{
    const Caller kari = m_fixture->addUser(QStringLiteral("kari"), Role::Coordinator, kOrgA, kCoordA1);
    MainWindow window(m_fixture->services(), kari);
    auto *action = window.findChild<QAction *>(QStringLiteral("changePasswordAction"));
    QVERIFY(action);
    QTimer::singleShot(0, this, [] {
        auto *change = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(change && change->objectName() == QLatin1String("ChangePasswordDialog"));
        auto *current = change->findChild<QLineEdit *>(QStringLiteral("currentPasswordEdit"));
        QVERIFY(!current->isHidden());
        current->setText(QStringLiteral("wrong password"));
        change->findChild<QLineEdit *>(QStringLiteral("newPasswordEdit"))
            ->setText(QStringLiteral("nytt passord 42"));
        change->findChild<QLineEdit *>(QStringLiteral("repeatPasswordEdit"))
            ->setText(QStringLiteral("nytt passord 42"));
        change->accept();
        QVERIFY(change->isVisible()); // the wrong current password keeps it open
        current->setText(QStringLiteral("correct horse battery"));
        change->accept();
    });
    action->trigger();
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("password was changed")));
    QVERIFY(m_fixture->auth->signIn(QStringLiteral("kari"), QStringLiteral("nytt passord 42"),
                                    QStringLiteral("10.1.1.2")));
}

void TestMainWindow::setupCreatesOrganisationAndAdmin()
{
    SetupDialog dialog(m_fixture->services());
    fillSetup(dialog, QStringLiteral("Likepersoner Tromsø"), QStringLiteral("Ingrid Admin"),
              QStringLiteral("ingrid"), QStringLiteral("et langt passord"),
              QStringLiteral("et langt passord"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.user().username, QStringLiteral("ingrid"));
    QCOMPARE(dialog.user().role, Role::OrgAdmin);
    auto org = m_fixture->directory->organisation(Caller::system(), dialog.user().orgId);
    QVERIFY(org.ok());
    QCOMPARE(org->name, QStringLiteral("Likepersoner Tromsø"));
    QCOMPARE(org->id, QStringLiteral("org_likepersoner_tromso"));
    QVERIFY(m_fixture->auth
                ->checkPassword(QStringLiteral("ingrid"), QStringLiteral("et langt passord"),
                                QStringLiteral("test"))
                .ok());
}

void TestMainWindow::setupRefusesMismatchedPasswords()
{
    SetupDialog dialog(m_fixture->services());
    fillSetup(dialog, QStringLiteral("Org"), QStringLiteral("Ingrid"), QStringLiteral("ingrid"),
              QStringLiteral("et langt passord"), QStringLiteral("et annet passord"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("setupError"));
    QVERIFY(!error->isHidden());
    QCOMPARE(error->text(), QStringLiteral("The two passwords are not the same."));
    // Nothing was stored.
    auto users = m_fixture->directory->users(Caller::system());
    QVERIFY(users.ok());
    QVERIFY(users->isEmpty());
}

// The first-start rule is core's: a setup dialog left open while another desk set the database up
// (or shown on a database with users) makes nothing.
void TestMainWindow::setupIsRefusedOnceSomeoneCanSignIn()
{
    SetupDialog dialog(m_fixture->services());
    const auto organisations = [this] {
        return m_fixture->directory->organisations(Caller::system())->size();
    };
    DirectoryService::FirstOrganisation other;
    other.organisation.id = QStringLiteral("org_other_desk");
    other.organisation.name = QStringLiteral("Other desk");
    other.adminUsername = QStringLiteral("kari");
    other.adminName = QStringLiteral("Kari");
    other.password = QStringLiteral("et langt passord");
    QVERIFY(m_fixture->directory->setUp(std::nullopt, other).ok());
    const qsizetype before = organisations();

    fillSetup(dialog, QStringLiteral("Org"), QStringLiteral("Ingrid"), QStringLiteral("ingrid"),
              QStringLiteral("et langt passord"), QStringLiteral("et langt passord"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("setupError"))->isHidden());
    auto users = m_fixture->directory->users(Caller::system());
    QVERIFY(users.ok());
    QCOMPARE(users->size(), 1);
    QCOMPARE(organisations(), before);
}

void TestMainWindow::languageChangeRebuildsTheWindow()
{
    Translator translator;
    translator.apply(QStringLiteral("en"));
    ConsoleSession session(m_fixture->services(), translator, QString());
    session.openWindow(orgAdminA());
    QPointer<MainWindow> first = session.window();
    QVERIFY(first);
    QVERIFY(first->showPage(QStringLiteral("TemplatesPage")));
    QCOMPARE(first->menuBar()->actions().constFirst()->text(), QStringLiteral("&File"));

    m_fixture->settings->setValue(Settings::Key::Language, QStringLiteral("nb"));
    session.changeLanguage();
    MainWindow *second = session.window();
    QVERIFY(second && second != first);
    QTRY_VERIFY(first.isNull()); // closed and deleted, and the program did not quit with it
    QCOMPARE(second->menuBar()->actions().constFirst()->text(), QStringLiteral("&Fil"));
    QCOMPARE(second->currentPage()->objectName(), QStringLiteral("TemplatesPage"));
    QCOMPARE(second->caller().username, orgAdminA().username);
    QCOMPARE(QLocale().language(), QLocale::NorwegianBokmal);
    translator.apply(QStringLiteral("en"));
}

void TestMainWindow::closingAsksAboutUnsavedTemplates()
{
    MainWindow window(m_fixture->services(), orgAdminA());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.showPage(QStringLiteral("TemplatesPage")));
    auto *templates = window.findChild<TemplatesPage *>();
    QVERIFY(templates);
    QPlainTextEdit *body = nullptr;
    for (QPlainTextEdit *edit : templates->findChildren<QPlainTextEdit *>()) {
        if (edit->isVisible() && !edit->isReadOnly())
            body = edit;
    }
    QVERIFY(body);
    body->appendPlainText(QStringLiteral("Unsaved line."));
    QVERIFY(templates->hasUnsavedChanges());

    // Answers the "Save the changes?" box with `button` as soon as it is shown.
    const auto answer = [](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            box->button(button)->click();
        });
    };
    answer(QMessageBox::Cancel);
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    QVERIFY(templates->hasUnsavedChanges());

    answer(QMessageBox::Discard);
    QVERIFY(window.close());
    QVERIFY(!templates->hasUnsavedChanges());
}

// "Restore a backup" fills the still-empty database from a backup file; nobody is signed in after,
// and a database that has users refuses it with the reason shown.
void TestMainWindow::setupRestoresABackup()
{
    QTemporaryDir dir;
    const QString backup = dir.filePath(QStringLiteral("backup.db"));
    {
        Database source(DatabaseUrl{
            DatabaseUrl::Kind::Sqlite, dir.filePath(QStringLiteral("source.db")), {}, 0, {}, {}, {}});
        QVERIFY(source.open());
        DirectoryService directory(source, m_fixture->clock);
        DirectoryService::FirstOrganisation first;
        first.organisation.id = QStringLiteral("org_backed_up");
        first.organisation.name = QStringLiteral("Backed up");
        first.adminUsername = QStringLiteral("ingrid");
        first.adminName = QStringLiteral("Ingrid");
        first.password = QStringLiteral("et langt passord");
        QVERIFY(directory.setUp(std::nullopt, first));
        QVERIFY(Backup::run(Caller::system(), source, backup));
    }
    m_fixture->emptyDatabase();
    const auto restoreWith = [&](SetupDialog &dialog, const QString &file) {
        dialog.findChild<QRadioButton *>(QStringLiteral("restoreChoice"))->setChecked(true);
        dialog.findChild<QLineEdit *>(QStringLiteral("backupFile"))->setText(file);
        dialog.accept();
    };
    const auto errorOf = [](SetupDialog &dialog) {
        return dialog.findChild<QLabel *>(QStringLiteral("setupError"));
    };

    SetupDialog empty(m_fixture->services());
    restoreWith(empty, QString());
    QCOMPARE(empty.result(), int(QDialog::Rejected));
    QCOMPARE(errorOf(empty)->text(), QStringLiteral("Choose the backup file to restore."));

    SetupDialog dialog(m_fixture->services());
    restoreWith(dialog, backup);
    QVERIFY2(dialog.result() == int(QDialog::Accepted), qPrintable(errorOf(dialog)->text()));
    QVERIFY(dialog.restoredRows() > 0);
    QVERIFY(dialog.user().id.isEmpty());
    QVERIFY(m_fixture->auth->checkPassword(QStringLiteral("ingrid"), QStringLiteral("et langt passord"),
                                           QStringLiteral("test")));

    SetupDialog again(m_fixture->services());
    restoreWith(again, backup);
    QCOMPARE(again.result(), int(QDialog::Rejected));
    QVERIFY2(errorOf(again)->text().contains(QStringLiteral("not empty")),
             qPrintable(errorOf(again)->text()));
    QCOMPARE(m_fixture->directory->users(Caller::system())->size(), 1);
}

CC_UI_TEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
