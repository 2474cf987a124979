#include "tests/support/TestSupport.h"
#include "tests/ui/ConsoleFixture.h"
#include "ui/common/ErrorMessages.h"
#include "ui/users/PasswordDialog.h"
#include "ui/users/RoleDialog.h"
#include "ui/users/UserDialog.h"
#include "ui/users/UsersPage.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace cc;
using namespace cc::test::ui;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");
const QString kNewPassword = QStringLiteral("a brand new passphrase");

// Runs `act` on the next modal window that opens (a dialog's or a message box's exec()), from
// inside its event loop; `seen` tells the test it ran.
void onNextModal(std::function<void(QWidget *)> act, std::shared_ptr<bool> seen)
{
    auto *timer = new QTimer;
    auto ticks = std::make_shared<int>(0);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, ticks, act, seen] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal && ++*ticks < 500)
            return;
        timer->stop();
        timer->deleteLater();
        if (!modal)
            return;
        *seen = true;
        act(modal);
    });
    timer->start();
}

template<typename T>
T *child(QWidget *parent, const QString &name)
{
    T *w = parent->findChild<T *>(name);
    if (!w)
        qFatal("no child %s", qPrintable(name));
    return w;
}

int rowOf(QTableWidget *table, const QString &username)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text() == username)
            return row;
    return -1;
}

QStringList usernames(QTableWidget *table)
{
    QStringList names;
    for (int row = 0; row < table->rowCount(); ++row)
        names << table->item(row, 0)->text();
    names.sort();
    return names;
}

} // namespace

class TestUsersPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsTheUsersTheCallerManages();
    void addUser();
    void addUserChecksWhatWasEntered();
    void addUserOffersOnlyWhatTheCallerMayDo();
    void changeRole();
    void resetPassword();
    void disableAndEnable();
    void cannotDisableOneself();
    void refusalsForAnotherOrganisation();
    void refreshesWhenUsersChange();
    void searchFiltersRows();

private:
    std::unique_ptr<UsersPage> makePage(const Caller &caller);
    User userNamed(const QString &username);

    std::unique_ptr<ConsoleFixture> m_fixture;
    Caller m_adminA;
    Caller m_adminB;
    Caller m_kari;  // coordinator of A
    Caller m_bjorn; // coordinator of B
    Caller m_root;
};

void TestUsersPage::init()
{
    m_fixture = std::make_unique<ConsoleFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    m_adminA = m_fixture->addUser(QStringLiteral("admin.a"), Role::OrgAdmin, kOrgA);
    m_adminB = m_fixture->addUser(QStringLiteral("admin.b"), Role::OrgAdmin, kOrgB);
    m_kari = m_fixture->addUser(QStringLiteral("kari"), Role::Coordinator, kOrgA, kCoordA1);
    m_bjorn = m_fixture->addUser(QStringLiteral("bjorn"), Role::Coordinator, kOrgB, kCoordB1);
    m_root = m_fixture->addUser(QStringLiteral("root"), Role::GlobalAdmin, QString());
    for (const Caller *c : {&m_adminA, &m_adminB, &m_kari, &m_bjorn, &m_root})
        QVERIFY(!c->userId.isEmpty());
}

void TestUsersPage::cleanup()
{
    m_fixture.reset();
}

std::unique_ptr<UsersPage> TestUsersPage::makePage(const Caller &caller)
{
    auto page = std::make_unique<UsersPage>(m_fixture->services(), caller);
    page->resize(1000, 600);
    page->show();
    return page;
}

User TestUsersPage::userNamed(const QString &username)
{
    auto users = m_fixture->directory->users(Caller::system());
    if (users) {
        for (const User &u : std::as_const(*users))
            if (u.username == username)
                return u;
    }
    return {};
}

void TestUsersPage::listsTheUsersTheCallerManages()
{
    QVERIFY(!UsersPage::isAvailableTo(m_kari));
    QVERIFY(UsersPage::isAvailableTo(m_adminA));
    QVERIFY(UsersPage::isAvailableTo(m_root));

    auto page = makePage(m_adminA);
    auto *table = child<QTableWidget>(page.get(), QStringLiteral("usersTable"));
    QCOMPARE(usernames(table), (QStringList{QStringLiteral("admin.a"), QStringLiteral("kari")}));
    const int kari = rowOf(table, QStringLiteral("kari"));
    QCOMPARE(table->item(kari, 1)->text(), QStringLiteral("kari"));
    QCOMPARE(table->item(kari, 2)->text(), QStringLiteral("Coordinator"));
    QCOMPARE(table->item(kari, 3)->text(), QStringLiteral("Organisation A"));
    QCOMPARE(table->item(kari, 4)->text(), QStringLiteral("Kari Koordinator"));
    QCOMPARE(table->item(kari, 5)->text(), QStringLiteral("No"));
    const int admin = rowOf(table, QStringLiteral("admin.a"));
    QCOMPARE(table->item(admin, 2)->text(), QStringLiteral("Org admin"));
    QCOMPARE(table->item(admin, 4)->text(), QString());

    auto rootPage = makePage(m_root);
    auto *all = child<QTableWidget>(rootPage.get(), QStringLiteral("usersTable"));
    QCOMPARE(usernames(all),
             (QStringList{QStringLiteral("admin.a"), QStringLiteral("admin.b"), QStringLiteral("bjorn"),
                          QStringLiteral("kari"), QStringLiteral("root")}));
    QCOMPARE(all->item(rowOf(all, QStringLiteral("root")), 2)->text(), QStringLiteral("Global admin"));
    // Sorted by user name, A to Z.
    QCOMPARE(all->item(0, 0)->text(), QStringLiteral("admin.a"));
    QCOMPARE(all->item(all->rowCount() - 1, 0)->text(), QStringLiteral("root"));
    QCOMPARE(all->item(rowOf(all, QStringLiteral("bjorn")), 3)->text(), QStringLiteral("Organisation B"));

    // Nothing selected: only "Add user…".
    QVERIFY(child<QPushButton>(page.get(), QStringLiteral("addUser"))->isEnabled());
    QVERIFY(!child<QPushButton>(page.get(), QStringLiteral("changeRole"))->isEnabled());
    QVERIFY(!child<QPushButton>(page.get(), QStringLiteral("resetPassword"))->isEnabled());
    QVERIFY(!child<QPushButton>(page.get(), QStringLiteral("disableUser"))->isEnabled());
}

void TestUsersPage::addUser()
{
    auto page = makePage(m_adminA);
    QSignalSpy changed(m_fixture->directory.get(), &DirectoryService::usersChanged);
    auto seen = std::make_shared<bool>(false);
    onNextModal(
        [](QWidget *modal) {
            auto *dialog = qobject_cast<UserDialog *>(modal);
            if (!dialog) {
                modal->close();
                return;
            }
            child<QLineEdit>(dialog, QStringLiteral("userName"))->setText(QStringLiteral("ola"));
            child<QLineEdit>(dialog, QStringLiteral("displayName"))->setText(QStringLiteral("Ola Nordmann"));
            auto *role = child<QComboBox>(dialog, QStringLiteral("userRole"));
            role->setCurrentIndex(role->findData(int(Role::Coordinator)));
            auto *coordinator = child<QComboBox>(dialog, QStringLiteral("userCoordinator"));
            coordinator->setCurrentIndex(coordinator->findData(kCoordA2));
            child<QLineEdit>(dialog, QStringLiteral("userPassword"))->setText(kNewPassword);
            child<QLineEdit>(dialog, QStringLiteral("userPasswordRepeat"))->setText(kNewPassword);
            child<QPushButton>(dialog, QStringLiteral("addUserButton"))->click();
        },
        seen);
    child<QPushButton>(page.get(), QStringLiteral("addUser"))->click();
    QVERIFY(*seen);
    QCOMPARE(changed.size(), 1);

    const User ola = userNamed(QStringLiteral("ola"));
    QCOMPARE(ola.displayName, QStringLiteral("Ola Nordmann"));
    QCOMPARE(ola.role, Role::Coordinator);
    QCOMPARE(ola.orgId, kOrgA);
    QCOMPARE(ola.coordinatorId, kCoordA2);
    QVERIFY(m_fixture->auth->checkPassword(QStringLiteral("ola"), kNewPassword, QStringLiteral("127.0.0.1"))
                .ok());

    auto *table = child<QTableWidget>(page.get(), QStringLiteral("usersTable"));
    const int row = rowOf(table, QStringLiteral("ola"));
    QVERIFY(row >= 0);
    QCOMPARE(table->item(row, 4)->text(), QStringLiteral("Ola Koordinator"));
    QCOMPARE(page->selectedUser().id, ola.id); // the new one is selected
}

void TestUsersPage::addUserChecksWhatWasEntered()
{
    UserDialog dialog(m_fixture->services(), m_adminA);
    dialog.show();
    auto *error = child<QLabel>(&dialog, QStringLiteral("userDialogError"));
    auto *password = child<QLineEdit>(&dialog, QStringLiteral("userPassword"));
    auto *repeat = child<QLineEdit>(&dialog, QStringLiteral("userPasswordRepeat"));
    auto *username = child<QLineEdit>(&dialog, QStringLiteral("userName"));
    auto *role = child<QComboBox>(&dialog, QStringLiteral("userRole"));
    role->setCurrentIndex(role->findData(int(Role::OrgAdmin)));
    QVERIFY(
        !child<QComboBox>(&dialog, QStringLiteral("userCoordinator"))->isEnabled()); // only for coordinators

    username->setText(QStringLiteral("per"));
    password->setText(kNewPassword);
    repeat->setText(kNewPassword + QLatin1Char('!'));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("The two passwords are not the same."));

    password->setText(QStringLiteral("short"));
    repeat->setText(QStringLiteral("short"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(error->text(),
             ErrorMessages::text(DirectoryService::validatePassword(QStringLiteral("short")).error()));

    // What only the service knows: a user name that is taken.
    username->setText(QStringLiteral("kari"));
    password->setText(kNewPassword);
    repeat->setText(kNewPassword);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("query failed")));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY2(error->text().startsWith(ErrorMessages::heading(Error{ErrorCode::Conflict, {}, {}, 0})),
             qPrintable(error->text()));
    QCOMPARE(userNamed(QStringLiteral("kari")).role, Role::Coordinator);

    username->setText(QStringLiteral("per"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.user().username, QStringLiteral("per"));
    QCOMPARE(userNamed(QStringLiteral("per")).role, Role::OrgAdmin);
}

void TestUsersPage::addUserOffersOnlyWhatTheCallerMayDo()
{
    UserDialog orgAdmin(m_fixture->services(), m_adminA);
    auto *orgs = child<QComboBox>(&orgAdmin, QStringLiteral("userOrganisation"));
    QCOMPARE(orgs->count(), 1);
    QCOMPARE(orgs->itemData(0).toString(), kOrgA);
    QVERIFY(!orgs->isEnabled());
    auto *roles = child<QComboBox>(&orgAdmin, QStringLiteral("userRole"));
    QCOMPARE(roles->findData(int(Role::GlobalAdmin)), -1);
    auto *coordinators = child<QComboBox>(&orgAdmin, QStringLiteral("userCoordinator"));
    QCOMPARE(coordinators->count(), 2); // A's two
    QVERIFY(coordinators->findData(kCoordB1) < 0);

    UserDialog global(m_fixture->services(), m_root);
    orgs = child<QComboBox>(&global, QStringLiteral("userOrganisation"));
    QCOMPARE(orgs->count(), 2);
    roles = child<QComboBox>(&global, QStringLiteral("userRole"));
    QVERIFY(roles->findData(int(Role::GlobalAdmin)) >= 0);
    orgs->setCurrentIndex(orgs->findData(kOrgB));
    coordinators = child<QComboBox>(&global, QStringLiteral("userCoordinator"));
    QCOMPARE(coordinators->count(), 1);
    QCOMPARE(coordinators->itemData(0).toString(), kCoordB1);
    roles->setCurrentIndex(roles->findData(int(Role::GlobalAdmin)));
    QVERIFY(!orgs->isEnabled());
}

void TestUsersPage::changeRole()
{
    auto page = makePage(m_adminA);
    auto *table = child<QTableWidget>(page.get(), QStringLiteral("usersTable"));
    QVERIFY(page->selectUser(m_kari.userId));
    auto *button = child<QPushButton>(page.get(), QStringLiteral("changeRole"));
    QVERIFY(button->isEnabled());

    auto seen = std::make_shared<bool>(false);
    onNextModal(
        [](QWidget *modal) {
            auto *dialog = qobject_cast<RoleDialog *>(modal);
            if (!dialog) {
                modal->close();
                return;
            }
            auto *role = child<QComboBox>(dialog, QStringLiteral("roleChoice"));
            role->setCurrentIndex(role->findData(int(Role::OrgAdmin)));
            child<QPushButton>(dialog, QStringLiteral("changeRoleButton"))->click();
        },
        seen);
    button->click();
    QVERIFY(*seen);
    QCOMPARE(userNamed(QStringLiteral("kari")).role, Role::OrgAdmin);
    QCOMPARE(table->item(rowOf(table, QStringLiteral("kari")), 2)->text(), QStringLiteral("Org admin"));

    // Back: kari is linked to a coordinator, so may be one again.
    seen = std::make_shared<bool>(false);
    onNextModal(
        [](QWidget *modal) {
            auto *role = child<QComboBox>(modal, QStringLiteral("roleChoice"));
            role->setCurrentIndex(role->findData(int(Role::Coordinator)));
            qobject_cast<QDialog *>(modal)->accept();
        },
        seen);
    button->click();
    QVERIFY(*seen);
    QCOMPARE(userNamed(QStringLiteral("kari")).role, Role::Coordinator);

    // An admin without a coordinator cannot be made one: the choice is not offered.
    RoleDialog dialog(m_fixture->services(), m_adminA, userNamed(QStringLiteral("admin.a")));
    auto *role = child<QComboBox>(&dialog, QStringLiteral("roleChoice"));
    QCOMPARE(role->currentData().toInt(), int(Role::OrgAdmin));
    const QModelIndex coordinator = role->model()->index(role->findData(int(Role::Coordinator)), 0);
    QVERIFY(!(role->model()->flags(coordinator) & Qt::ItemIsEnabled));
}

void TestUsersPage::resetPassword()
{
    auto token = m_fixture->auth->issueToken(QStringLiteral("kari"), 30, QStringLiteral("Kari's phone"));
    QVERIFY(token.ok());
    auto page = makePage(m_adminA);
    QVERIFY(page->selectUser(m_kari.userId));
    QSignalSpy status(page.get(), &ConsolePage::statusMessage);

    auto seen = std::make_shared<bool>(false);
    onNextModal(
        [](QWidget *modal) {
            auto *dialog = qobject_cast<PasswordDialog *>(modal);
            if (!dialog) {
                modal->close();
                return;
            }
            child<QLineEdit>(dialog, QStringLiteral("newPassword"))->setText(kNewPassword);
            child<QLineEdit>(dialog, QStringLiteral("newPasswordRepeat"))->setText(kNewPassword);
            child<QPushButton>(dialog, QStringLiteral("setPasswordButton"))->click();
        },
        seen);
    child<QPushButton>(page.get(), QStringLiteral("resetPassword"))->click();
    QVERIFY(*seen);

    auto signedIn =
        m_fixture->auth->checkPassword(QStringLiteral("kari"), kNewPassword, QStringLiteral("127.0.0.1"));
    QVERIFY2(signedIn.ok(), test::why(signedIn).constData());
    QCOMPARE(test::codeOf(m_fixture->auth->checkPassword(QStringLiteral("kari"), kPassword,
                                                         QStringLiteral("127.0.0.1"))),
             QStringLiteral("unauthenticated"));
    // A new password signs the old sessions out.
    QCOMPARE(test::codeOf(m_fixture->auth->authenticate(token->secret)), QStringLiteral("unauthenticated"));
    QVERIFY(!status.isEmpty());

    // The dialog checks the repeat and the rules before asking the service.
    PasswordDialog dialog(m_fixture->services(), m_adminA, userNamed(QStringLiteral("kari")));
    dialog.show();
    child<QLineEdit>(&dialog, QStringLiteral("newPassword"))->setText(QStringLiteral("tiny"));
    child<QLineEdit>(&dialog, QStringLiteral("newPasswordRepeat"))->setText(QStringLiteral("tiny"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY(child<QLabel>(&dialog, QStringLiteral("passwordDialogError"))->isVisible());
    QVERIFY(m_fixture->auth->checkPassword(QStringLiteral("kari"), kNewPassword, QStringLiteral("127.0.0.1"))
                .ok());
}

void TestUsersPage::disableAndEnable()
{
    auto token = m_fixture->auth->issueToken(QStringLiteral("kari"), 30, QStringLiteral("Kari's phone"));
    QVERIFY(token.ok());
    auto page = makePage(m_adminA);
    auto *table = child<QTableWidget>(page.get(), QStringLiteral("usersTable"));
    auto *button = child<QPushButton>(page.get(), QStringLiteral("disableUser"));
    QVERIFY(page->selectUser(m_kari.userId));
    QCOMPARE(button->text(), QStringLiteral("&Disable…"));

    // Asked first; "No" changes nothing.
    auto seen = std::make_shared<bool>(false);
    onNextModal([](QWidget *modal) { qobject_cast<QMessageBox *>(modal)->button(QMessageBox::No)->click(); },
                seen);
    button->click();
    QVERIFY(*seen);
    QVERIFY(!userNamed(QStringLiteral("kari")).disabled);

    seen = std::make_shared<bool>(false);
    onNextModal([](QWidget *modal) { qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Yes)->click(); },
                seen);
    button->click();
    QVERIFY(*seen);
    QVERIFY(userNamed(QStringLiteral("kari")).disabled);
    QCOMPARE(table->item(rowOf(table, QStringLiteral("kari")), 5)->text(), QStringLiteral("Yes"));
    QCOMPARE(test::codeOf(m_fixture->auth->checkPassword(QStringLiteral("kari"), kPassword,
                                                         QStringLiteral("127.0.0.1"))),
             QStringLiteral("unauthenticated"));
    QCOMPARE(test::codeOf(m_fixture->auth->authenticate(token->secret)), QStringLiteral("unauthenticated"));
    QCOMPARE(page->selectedUser().id, m_kari.userId); // still selected after the refresh
    QCOMPARE(button->text(), QStringLiteral("&Enable"));

    // Enabling asks nothing.
    button->click();
    QVERIFY(!userNamed(QStringLiteral("kari")).disabled);
    QCOMPARE(table->item(rowOf(table, QStringLiteral("kari")), 5)->text(), QStringLiteral("No"));
    QVERIFY(
        m_fixture->auth->checkPassword(QStringLiteral("kari"), kPassword, QStringLiteral("127.0.0.1")).ok());
}

void TestUsersPage::cannotDisableOneself()
{
    auto page = makePage(m_adminA);
    QVERIFY(page->selectUser(m_adminA.userId));
    QVERIFY(!child<QPushButton>(page.get(), QStringLiteral("disableUser"))->isEnabled());
    QVERIFY(child<QPushButton>(page.get(), QStringLiteral("resetPassword"))->isEnabled());

    // A global admin's role cannot be changed.
    auto rootPage = makePage(m_root);
    QVERIFY(rootPage->selectUser(m_root.userId));
    QVERIFY(!child<QPushButton>(rootPage.get(), QStringLiteral("changeRole"))->isEnabled());
}

void TestUsersPage::refusalsForAnotherOrganisation()
{
    // Organisation B's users are not even listed for A's admin.
    auto page = makePage(m_adminA);
    QVERIFY(!page->selectUser(m_bjorn.userId));
    QVERIFY(!page->selectUser(m_adminB.userId));

    // Acting on one all the same (a stale id) is refused by the service, shown in its words.
    const User bjorn = userNamed(QStringLiteral("bjorn"));
    const QString notFound = ErrorMessages::heading(Error{ErrorCode::NotFound, {}, {}, 0});

    PasswordDialog password(m_fixture->services(), m_adminA, bjorn);
    password.show();
    child<QLineEdit>(&password, QStringLiteral("newPassword"))->setText(kNewPassword);
    child<QLineEdit>(&password, QStringLiteral("newPasswordRepeat"))->setText(kNewPassword);
    password.accept();
    QVERIFY(password.isVisible());
    auto *passwordError = child<QLabel>(&password, QStringLiteral("passwordDialogError"));
    QVERIFY2(passwordError->text().startsWith(notFound), qPrintable(passwordError->text()));
    QVERIFY(
        m_fixture->auth->checkPassword(QStringLiteral("bjorn"), kPassword, QStringLiteral("127.0.0.1")).ok());

    RoleDialog role(m_fixture->services(), m_adminA, bjorn);
    role.show();
    auto *choice = child<QComboBox>(&role, QStringLiteral("roleChoice"));
    choice->setCurrentIndex(choice->findData(int(Role::OrgAdmin)));
    role.accept();
    QVERIFY(role.isVisible());
    auto *roleError = child<QLabel>(&role, QStringLiteral("roleDialogError"));
    QVERIFY2(roleError->text().startsWith(notFound), qPrintable(roleError->text()));
    QCOMPARE(userNamed(QStringLiteral("bjorn")).role, Role::Coordinator);

    // B's admin cannot add a user to A, nor make a global admin.
    UserDialog add(m_fixture->services(), m_adminB);
    add.show();
    auto *orgs = child<QComboBox>(&add, QStringLiteral("userOrganisation"));
    QCOMPARE(orgs->findData(kOrgA), -1);
    QCOMPARE(child<QComboBox>(&add, QStringLiteral("userRole"))->findData(int(Role::GlobalAdmin)), -1);
}

void TestUsersPage::refreshesWhenUsersChange()
{
    auto page = makePage(m_adminA);
    auto *table = child<QTableWidget>(page.get(), QStringLiteral("usersTable"));
    QCOMPARE(table->rowCount(), 2);
    m_fixture->addUser(QStringLiteral("lise"), Role::Coordinator, kOrgA, kCoordA2);
    QCOMPARE(table->rowCount(), 3);
    QVERIFY(rowOf(table, QStringLiteral("lise")) >= 0);
    // Another organisation's new user does not show.
    m_fixture->addUser(QStringLiteral("berit"), Role::Coordinator, kOrgB, kCoordB1);
    QCOMPARE(table->rowCount(), 3);
}

void TestUsersPage::searchFiltersRows()
{
    auto page = makePage(m_root);
    auto *table = child<QTableWidget>(page.get(), QStringLiteral("usersTable"));
    child<QLineEdit>(page.get(), QStringLiteral("usersSearch"))->setText(QStringLiteral("ADMIN"));
    QStringList shown;
    for (int row = 0; row < table->rowCount(); ++row)
        if (!table->isRowHidden(row))
            shown << table->item(row, 0)->text();
    shown.sort();
    QCOMPARE(shown, (QStringList{QStringLiteral("admin.a"), QStringLiteral("admin.b")}));
}

CC_UI_TEST_MAIN(TestUsersPage)
#include "tst_userspage.moc"
