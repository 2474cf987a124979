#include "core/Fields.h"
#include "core/Permissions.h"
#include "tests/ui/Accessibility.h"
#include "tests/ui/ConsoleFixture.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"
#include "ui/coordinators/CoordinatorDialog.h"
#include "ui/coordinators/CoordinatorsModel.h"
#include "ui/coordinators/CoordinatorsPage.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTextEdit>
#include <QTimer>

#include <functional>
#include <memory>

using namespace cc;
using namespace cc::test::ui;

namespace {

// Runs `act` on the next modal window that opens (a dialog's or a message box's exec()), from
// inside its event loop; `seen` tells the test it ran. (As tst_userspage does.)
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

// The texts of one column of the view, top to bottom.
QStringList column(QTableView *view, int column)
{
    QStringList out;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        out << view->model()->index(row, column).data().toString();
    return out;
}

QStringList ids(const CoordinatorsModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.coordinatorAt(row).id;
    out.sort();
    return out;
}

// The checks of tst_accessibility's walk over MainWindow's pages (tests/ui/Accessibility.h), for one
// window: every control a person operates has an accessible name, and Tab reaches each enabled one
// and never gets stuck.
namespace walk {
using namespace cc::test::ui::a11y;

// What is wrong with `window` (shown and active), one line each; empty when nothing is.
QStringList problems(QWidget *window, QWidget *start)
{
    QStringList out;
    const QList<QWidget *> interactive = interactiveWidgets(window);
    for (QWidget *w : interactive) {
        if (accessibleName(w).isEmpty())
            out << QStringLiteral("without an accessible name: ") + describe(w);
    }
    const TabWalk walked = walkTab(start, interactive);
    if (walked.trap)
        out << QStringLiteral("Tab does not leave: ") + describe(walked.trap);
    for (QWidget *w : walked.unreachable)
        out << QStringLiteral("not reachable by Tab: ") + describe(w);
    out.removeDuplicates();
    return out;
}

} // namespace walk

} // namespace

class TestCoordinatorsPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void modelUnderTester();
    void listsCoordinatorsWithActiveMentors();
    void statusFilter();
    void searchFilters();
    void reloadsWhenTheDirectoryChanges();
    void addThroughTheDialog();
    void addDialogShowsWhatCoreRefuses();
    void addDialogOffersTheCallersOrganisations();
    void editChangesTheEmail();
    void deactivateWithMentorsShowsTheRefusal();
    void deactivateAndReactivate();
    void coordinatorReadsOnly();
    void organisationsAreKeptApart();
    void accessible_data();
    void accessible();

private:
    std::unique_ptr<CoordinatorsPage> makePage(const Caller &caller);
    Coordinator stored(const QString &id);
    // A coordinator of organisation A without peer mentors, added through core.
    void addIdle(const QString &id, const QString &name);

    std::unique_ptr<ConsoleFixture> m_fixture;
    Caller m_adminA;
    Caller m_adminB;
    Caller m_kari; // coordinator of A
    Caller m_root;
};

void TestCoordinatorsPage::init()
{
    m_fixture = std::make_unique<ConsoleFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    m_adminA = m_fixture->addUser(QStringLiteral("admin.a"), Role::OrgAdmin, kOrgA);
    m_adminB = m_fixture->addUser(QStringLiteral("admin.b"), Role::OrgAdmin, kOrgB);
    m_kari = m_fixture->addUser(QStringLiteral("kari"), Role::Coordinator, kOrgA, kCoordA1);
    m_root = m_fixture->addUser(QStringLiteral("root"), Role::GlobalAdmin, QString());
    for (const Caller *c : {&m_adminA, &m_adminB, &m_kari, &m_root})
        QVERIFY(!c->userId.isEmpty());
}

void TestCoordinatorsPage::cleanup()
{
    m_fixture.reset();
}

std::unique_ptr<CoordinatorsPage> TestCoordinatorsPage::makePage(const Caller &caller)
{
    auto page = std::make_unique<CoordinatorsPage>(m_fixture->services(), caller);
    page->resize(1000, 600);
    page->show();
    return page;
}

Coordinator TestCoordinatorsPage::stored(const QString &id)
{
    auto c = m_fixture->directory->coordinator(Caller::system(), id);
    return c ? *c : Coordinator();
}

void TestCoordinatorsPage::addIdle(const QString &id, const QString &name)
{
    Coordinator c;
    c.id = id;
    c.orgId = kOrgA;
    c.name = name;
    c.email = id + QStringLiteral("@a.example");
    auto added = m_fixture->directory->addCoordinator(m_adminA, c);
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
}

void TestCoordinatorsPage::modelUnderTester()
{
    CoordinatorsModel model(*m_fixture->directory, m_adminA);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(CoordinatorsModel::ColumnCount));
    QCOMPARE(ids(model), (QStringList{kCoordA1, kCoordA2}));
    const QStringList headers{QStringLiteral("Name"), QStringLiteral("Email"),
                              QStringLiteral("Active peer mentors"), QStringLiteral("Status"),
                              QStringLiteral("Organisation")};
    for (int c = 0; c < headers.size(); ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), headers.at(c));

    // Every change the page makes, under the tester's eye.
    addIdle(QStringLiteral("coord_a3"), QStringLiteral("Siri Sjef"));
    QCOMPARE(model.rowCount(), 3);
    model.setSearch(QStringLiteral("siri"));
    QCOMPARE(ids(model), QStringList{QStringLiteral("coord_a3")});
    model.setSearch(QString());
    QVERIFY(m_fixture->directory->setCoordinatorActive(m_adminA, QStringLiteral("coord_a3"), false).ok());
    QCOMPARE(model.rowCount(), 2);
    model.setActivity(Activity::Inactive);
    QCOMPARE(ids(model), QStringList{QStringLiteral("coord_a3")});
    model.setActivity(Activity::Any);
    QCOMPARE(model.rowCount(), 3);
    for (int row = 0; row < model.rowCount(); ++row)
        for (int c = 0; c < model.columnCount(); ++c)
            QVERIFY(model.index(row, c).data(CoordinatorsModel::SortRole).isValid());
    QVERIFY(!model.lastError());
}

void TestCoordinatorsPage::listsCoordinatorsWithActiveMentors()
{
    QVERIFY(CoordinatorsPage::isAvailableTo(m_adminA));
    QVERIFY(CoordinatorsPage::isAvailableTo(m_root));
    QVERIFY(CoordinatorsPage::isAvailableTo(m_kari));

    // Ola gets a second mentor; a mentor who left is not counted.
    PeerMentor extra;
    extra.id = QStringLiteral("pm_a3");
    extra.orgId = kOrgA;
    extra.coordinatorId = kCoordA2;
    extra.name = QStringLiteral("Liv Lund");
    QVERIFY(m_fixture->directory->addPeerMentor(m_adminA, extra).ok());
    extra.id = QStringLiteral("pm_a4");
    extra.name = QStringLiteral("Tor Tveit");
    QVERIFY(m_fixture->directory->addPeerMentor(m_adminA, extra).ok());
    QVERIFY(m_fixture->directory->setPeerMentorActive(m_adminA, QStringLiteral("pm_a4"), false).ok());

    auto page = makePage(m_adminA);
    auto *view = child<QTableView>(page.get(), QStringLiteral("coordinatorsView"));
    QCOMPARE(column(view, CoordinatorsModel::NameColumn),
             (QStringList{QStringLiteral("Kari Koordinator"), QStringLiteral("Ola Koordinator")}));
    QCOMPARE(column(view, CoordinatorsModel::MentorsColumn),
             (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(column(view, CoordinatorsModel::StatusColumn),
             (QStringList{QStringLiteral("Active"), QStringLiteral("Active")}));
    QCOMPARE(column(view, CoordinatorsModel::EmailColumn),
             (QStringList{stored(kCoordA1).email, stored(kCoordA2).email}));
    // An org admin's page has no organisation column.
    QVERIFY(view->isColumnHidden(CoordinatorsModel::OrganisationColumn));
    // "2 coordinators" once the English plural forms are written (lupdate); "(s)" until then.
    QVERIFY(child<QLabel>(page.get(), QStringLiteral("coordinatorsCount"))
                ->text()
                .startsWith(QStringLiteral("2 coordinator")));

    // Nothing selected: only "Add coordinator…".
    QVERIFY(child<QPushButton>(page.get(), QStringLiteral("addCoordinator"))->isEnabled());
    QVERIFY(!child<QPushButton>(page.get(), QStringLiteral("editCoordinator"))->isEnabled());
    QVERIFY(!child<QPushButton>(page.get(), QStringLiteral("toggleCoordinatorActive"))->isEnabled());
    QVERIFY(page->selectCoordinator(kCoordA2));
    QVERIFY(child<QPushButton>(page.get(), QStringLiteral("editCoordinator"))->isEnabled());
    QVERIFY(child<QPushButton>(page.get(), QStringLiteral("toggleCoordinatorActive"))->isEnabled());
}

void TestCoordinatorsPage::statusFilter()
{
    addIdle(QStringLiteral("coord_a3"), QStringLiteral("Siri Sjef"));
    auto page = makePage(m_adminA);
    auto *view = child<QTableView>(page.get(), QStringLiteral("coordinatorsView"));
    auto *status = child<QComboBox>(page.get(), QStringLiteral("coordinatorsStatus"));
    QCOMPARE(status->currentData().toInt(), int(Activity::Active)); // the default
    QVERIFY(page->selectCoordinator(QStringLiteral("coord_a3")));

    // Deactivated through core (as another console or the command line would): Active hides her.
    QVERIFY(m_fixture->directory->setCoordinatorActive(m_adminA, QStringLiteral("coord_a3"), false).ok());
    QVERIFY(!page->selectCoordinator(QStringLiteral("coord_a3")));
    QCOMPARE(view->model()->rowCount(), 2);

    status->setCurrentIndex(status->findData(int(Activity::Inactive)));
    QCOMPARE(column(view, CoordinatorsModel::NameColumn), QStringList{QStringLiteral("Siri Sjef")});
    const QString since = QLocale().toString(test::testNow().toLocalTime().date(), QLocale::ShortFormat);
    QCOMPARE(column(view, CoordinatorsModel::StatusColumn),
             QStringList{QStringLiteral("Inactive since ") + since});
    // She is selected again, and the button now reactivates.
    QCOMPARE(page->selectedCoordinator().id, QStringLiteral("coord_a3"));
    auto *toggle = child<QPushButton>(page.get(), QStringLiteral("toggleCoordinatorActive"));
    QCOMPARE(toggle->text(), QStringLiteral("&Reactivate"));
    QCOMPARE(toggle->accessibleName(), QStringLiteral("Reactivate the selected coordinator"));

    status->setCurrentIndex(status->findData(int(Activity::Any)));
    QCOMPARE(view->model()->rowCount(), 3);

    // No one left: the list says so instead of showing an empty table.
    QVERIFY(m_fixture->directory->setCoordinatorActive(m_adminA, QStringLiteral("coord_a3"), true).ok());
    status->setCurrentIndex(status->findData(int(Activity::Inactive)));
    QCOMPARE(view->model()->rowCount(), 0);
    auto *placeholder = child<QLabel>(page.get(), QStringLiteral("coordinatorsPlaceholder"));
    QVERIFY(placeholder->isVisible());
    QVERIFY(!view->isVisible());
    QCOMPARE(placeholder->text(), QStringLiteral("No coordinator has been deactivated."));
}

void TestCoordinatorsPage::searchFilters()
{
    auto page = makePage(m_adminA);
    auto *view = child<QTableView>(page.get(), QStringLiteral("coordinatorsView"));
    auto *search = child<QLineEdit>(page.get(), QStringLiteral("coordinatorsSearch"));
    search->setText(QStringLiteral("OLA"));
    QCOMPARE(column(view, CoordinatorsModel::NameColumn), QStringList{QStringLiteral("Ola Koordinator")});
    search->setText(kCoordA1); // by id
    QCOMPARE(column(view, CoordinatorsModel::NameColumn), QStringList{QStringLiteral("Kari Koordinator")});
    search->setText(QStringLiteral("nobody"));
    QCOMPARE(view->model()->rowCount(), 0);
    QVERIFY(child<QLabel>(page.get(), QStringLiteral("coordinatorsPlaceholder"))
                ->text()
                .contains(QStringLiteral("nobody")));
    search->clear();
    QCOMPARE(view->model()->rowCount(), 2);
    QVERIFY(view->isVisible());
}

void TestCoordinatorsPage::reloadsWhenTheDirectoryChanges()
{
    auto page = makePage(m_adminA);
    auto *view = child<QTableView>(page.get(), QStringLiteral("coordinatorsView"));
    QVERIFY(page->selectCoordinator(kCoordA1));
    addIdle(QStringLiteral("coord_a3"), QStringLiteral("Siri Sjef"));
    QCOMPARE(view->model()->rowCount(), 3);
    QCOMPARE(page->selectedCoordinator().id, kCoordA1); // kept across the reload
    // Kari's mentor moves to Ola: the counts follow.
    QVERIFY(m_fixture->directory->moveMentors(m_adminA, {kMentorA1}, kCoordA2).ok());
    const int kari = page->model()->rowOf(kCoordA1);
    const int ola = page->model()->rowOf(kCoordA2);
    QCOMPARE(page->model()->activeMentorsAt(kari), 0);
    QCOMPARE(page->model()->activeMentorsAt(ola), 2);
}

void TestCoordinatorsPage::addThroughTheDialog()
{
    auto page = makePage(m_adminA);
    QSignalSpy changed(m_fixture->directory.get(), &DirectoryService::directoryChanged);
    auto seen = std::make_shared<bool>(false);
    onNextModal(
        [](QWidget *modal) {
            auto *dialog = qobject_cast<CoordinatorDialog *>(modal);
            if (!dialog) {
                modal->close();
                return;
            }
            // An org admin adds to her own organisation.
            auto *org = child<QComboBox>(dialog, QStringLiteral("coordinatorOrganisation"));
            QCOMPARE(org->currentData().toString(), kOrgA);
            QVERIFY(!org->isEnabled());
            child<QLineEdit>(dialog, QStringLiteral("coordinatorId"))->setText(QStringLiteral("coord_a3"));
            child<QLineEdit>(dialog, QStringLiteral("coordinatorName"))
                ->setText(QStringLiteral("  Siri Sjef "));
            child<QLineEdit>(dialog, QStringLiteral("coordinatorEmail"))
                ->setText(QStringLiteral("siri@a.example"));
            child<QPushButton>(dialog, QStringLiteral("saveCoordinatorButton"))->click();
        },
        seen);
    child<QPushButton>(page.get(), QStringLiteral("addCoordinator"))->click();
    QVERIFY(*seen);
    QCOMPARE(changed.size(), 1);

    const Coordinator siri = stored(QStringLiteral("coord_a3"));
    QCOMPARE(siri.orgId, kOrgA);
    QCOMPARE(siri.name, QStringLiteral("Siri Sjef"));
    QCOMPARE(siri.email, QStringLiteral("siri@a.example"));
    QVERIFY(siri.active());
    QCOMPARE(page->selectedCoordinator().id, siri.id); // the new one is selected
    const int row = page->model()->rowOf(siri.id);
    QCOMPARE(page->model()->activeMentorsAt(row), 0);
}

void TestCoordinatorsPage::addDialogShowsWhatCoreRefuses()
{
    CoordinatorDialog dialog(m_fixture->services(), m_adminA);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.activateWindow();
    auto *error = child<QLabel>(&dialog, QStringLiteral("coordinatorDialogError"));
    auto *id = child<QLineEdit>(&dialog, QStringLiteral("coordinatorId"));
    auto *name = child<QLineEdit>(&dialog, QStringLiteral("coordinatorName"));
    auto *email = child<QLineEdit>(&dialog, QStringLiteral("coordinatorEmail"));
    QVERIFY(!error->isVisible());

    id->setText(QStringLiteral("not an id!"));
    name->setText(QStringLiteral("Siri Sjef"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("not an id!")), qPrintable(error->text()));
    QCOMPARE(QApplication::focusWidget(), id);

    id->setText(QStringLiteral("coord_a3"));
    name->clear();
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(QApplication::focusWidget(), name);

    name->setText(QStringLiteral("Siri Sjef"));
    email->setText(QStringLiteral("siri at home"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("siri at home")), qPrintable(error->text()));
    QCOMPARE(QApplication::focusWidget(), email);

    // What only the database knows: the id is taken.
    id->setText(kCoordA1);
    email->setText(QStringLiteral("siri@a.example"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("query failed")));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY2(error->text().startsWith(ErrorMessages::heading(Error{ErrorCode::Conflict, {}, {}, 0})),
             qPrintable(error->text()));
    QCOMPARE(stored(kCoordA1).name, QStringLiteral("Kari Koordinator"));

    id->setText(QStringLiteral("coord_a3"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.coordinator().id, QStringLiteral("coord_a3"));
    QCOMPARE(stored(QStringLiteral("coord_a3")).name, QStringLiteral("Siri Sjef"));
}

void TestCoordinatorsPage::addDialogOffersTheCallersOrganisations()
{
    CoordinatorDialog orgAdmin(m_fixture->services(), m_adminB);
    auto *orgs = child<QComboBox>(&orgAdmin, QStringLiteral("coordinatorOrganisation"));
    QCOMPARE(orgs->count(), 1);
    QCOMPARE(orgs->itemData(0).toString(), kOrgB);
    QVERIFY(!orgs->isEnabled());

    CoordinatorDialog global(m_fixture->services(), m_root);
    global.show();
    orgs = child<QComboBox>(&global, QStringLiteral("coordinatorOrganisation"));
    QCOMPARE(orgs->count(), 2);
    QVERIFY(orgs->isEnabled());
    orgs->setCurrentIndex(orgs->findData(kOrgB));
    child<QLineEdit>(&global, QStringLiteral("coordinatorId"))->setText(QStringLiteral("coord_b2"));
    child<QLineEdit>(&global, QStringLiteral("coordinatorName"))->setText(QStringLiteral("Bo Bakke"));
    global.accept();
    QCOMPARE(global.result(), int(QDialog::Accepted));
    QCOMPARE(stored(QStringLiteral("coord_b2")).orgId, kOrgB);

    // Editing shows the id and organisation and does not change them.
    CoordinatorDialog edit(m_fixture->services(), m_root, stored(QStringLiteral("coord_b2")));
    QVERIFY(child<QLineEdit>(&edit, QStringLiteral("coordinatorId"))->isReadOnly());
    orgs = child<QComboBox>(&edit, QStringLiteral("coordinatorOrganisation"));
    QVERIFY(!orgs->isEnabled());
    QCOMPARE(orgs->currentText(), QStringLiteral("Organisation B"));
}

void TestCoordinatorsPage::editChangesTheEmail()
{
    auto page = makePage(m_adminA);
    QVERIFY(page->selectCoordinator(kCoordA1));
    auto seen = std::make_shared<bool>(false);
    onNextModal(
        [](QWidget *modal) {
            auto *dialog = qobject_cast<CoordinatorDialog *>(modal);
            if (!dialog) {
                modal->close();
                return;
            }
            QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("coordinatorId"))->text(), kCoordA1);
            QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("coordinatorName"))->text(),
                     QStringLiteral("Kari Koordinator"));
            child<QLineEdit>(dialog, QStringLiteral("coordinatorEmail"))
                ->setText(QStringLiteral("kari@new.example"));
            child<QPushButton>(dialog, QStringLiteral("saveCoordinatorButton"))->click();
        },
        seen);
    child<QPushButton>(page.get(), QStringLiteral("editCoordinator"))->click();
    QVERIFY(*seen);
    QCOMPARE(stored(kCoordA1).email, QStringLiteral("kari@new.example"));
    QCOMPARE(stored(kCoordA1).name, QStringLiteral("Kari Koordinator"));
    const int row = page->model()->rowOf(kCoordA1);
    QCOMPARE(page->model()->index(row, CoordinatorsModel::EmailColumn).data().toString(),
             QStringLiteral("kari@new.example"));
    QCOMPARE(page->selectedCoordinator().id, kCoordA1);

    // A bad address is refused in the dialog, which stays open and changes nothing.
    CoordinatorDialog dialog(m_fixture->services(), m_adminA, stored(kCoordA1));
    dialog.show();
    child<QLineEdit>(&dialog, QStringLiteral("coordinatorEmail"))->setText(QStringLiteral("kari@"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY(child<QLabel>(&dialog, QStringLiteral("coordinatorDialogError"))->isVisible());
    QCOMPARE(stored(kCoordA1).email, QStringLiteral("kari@new.example"));
}

void TestCoordinatorsPage::deactivateWithMentorsShowsTheRefusal()
{
    auto page = makePage(m_adminA);
    QVERIFY(page->selectCoordinator(kCoordA1));
    auto *toggle = child<QPushButton>(page.get(), QStringLiteral("toggleCoordinatorActive"));
    QCOMPARE(toggle->text(), QStringLiteral("&Deactivate"));
    QSignalSpy changed(m_fixture->directory.get(), &DirectoryService::directoryChanged);

    auto seen = std::make_shared<bool>(false);
    auto shown = std::make_shared<QString>();
    onNextModal(
        [shown](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            if (!box) {
                modal->close();
                return;
            }
            *shown = box->text() + QLatin1Char('\n') + box->informativeText();
            box->button(QMessageBox::Ok)->click();
        },
        seen);
    toggle->click();
    QVERIFY(*seen);
    QVERIFY2(shown->startsWith(QStringLiteral("The coordinator could not be deactivated")),
             qPrintable(*shown));
    QVERIFY2(
        shown->contains(QStringLiteral("Kari Koordinator still has 1 active peer mentor(s); move them to "
                                       "another coordinator first.")),
        qPrintable(*shown));
    QCOMPARE(changed.size(), 0);
    QVERIFY(stored(kCoordA1).active());
    QCOMPARE(page->selectedCoordinator().id, kCoordA1);
    auto mentor = m_fixture->directory->peerMentor(m_adminA, kMentorA1);
    QVERIFY(mentor.ok());
    QCOMPARE(mentor->coordinatorId, kCoordA1);
}

void TestCoordinatorsPage::deactivateAndReactivate()
{
    addIdle(QStringLiteral("coord_a3"), QStringLiteral("Siri Sjef"));
    auto page = makePage(m_adminA);
    auto *status = child<QComboBox>(page.get(), QStringLiteral("coordinatorsStatus"));
    status->setCurrentIndex(status->findData(int(Activity::Any)));
    QVERIFY(page->selectCoordinator(QStringLiteral("coord_a3")));
    auto *toggle = child<QPushButton>(page.get(), QStringLiteral("toggleCoordinatorActive"));
    QCOMPARE(toggle->text(), QStringLiteral("&Deactivate"));
    toggle->click();
    QVERIFY(!stored(QStringLiteral("coord_a3")).active());
    QCOMPARE(page->selectedCoordinator().id, QStringLiteral("coord_a3"));
    QCOMPARE(toggle->text(), QStringLiteral("&Reactivate"));
    toggle->click();
    QVERIFY(stored(QStringLiteral("coord_a3")).active());
    QCOMPARE(toggle->text(), QStringLiteral("&Deactivate"));
}

void TestCoordinatorsPage::coordinatorReadsOnly()
{
    auto page = makePage(m_kari);
    auto *view = child<QTableView>(page.get(), QStringLiteral("coordinatorsView"));
    QCOMPARE(column(view, CoordinatorsModel::NameColumn),
             (QStringList{QStringLiteral("Kari Koordinator"), QStringLiteral("Ola Koordinator")}));
    QCOMPARE(column(view, CoordinatorsModel::EmailColumn),
             (QStringList{stored(kCoordA1).email, stored(kCoordA2).email}));
    QVERIFY(page->selectCoordinator(kCoordA2));
    for (const char *name : {"addCoordinator", "editCoordinator", "toggleCoordinatorActive"})
        QVERIFY2(!child<QPushButton>(page.get(), QLatin1String(name))->isEnabled(), name);
    QVERIFY(child<QLabel>(page.get(), QStringLiteral("coordinatorsReadOnly"))->isVisible());
    // Enter on a row opens nothing.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(!QApplication::activeModalWidget());
}

void TestCoordinatorsPage::organisationsAreKeptApart()
{
    auto page = makePage(m_adminA);
    auto *status = child<QComboBox>(page.get(), QStringLiteral("coordinatorsStatus"));
    for (Activity activity : {Activity::Active, Activity::Inactive, Activity::Any}) {
        status->setCurrentIndex(status->findData(int(activity)));
        QVERIFY(!page->selectCoordinator(kCoordB1));
        for (int row = 0; row < page->model()->rowCount(); ++row)
            QCOMPARE(page->model()->coordinatorAt(row).orgId, kOrgA);
    }
    child<QLineEdit>(page.get(), QStringLiteral("coordinatorsSearch"))->setText(QStringLiteral("Berit"));
    QCOMPARE(page->model()->rowCount(), 0);
    // A change in B reloads A's page, and still shows none of B's.
    Coordinator b2;
    b2.id = QStringLiteral("coord_b2");
    b2.orgId = kOrgB;
    b2.name = QStringLiteral("Berit Bakke");
    QVERIFY(m_fixture->directory->addCoordinator(m_adminB, b2).ok());
    QCOMPARE(page->model()->rowCount(), 0);
    // And a stale id is refused by core, whatever the page shows.
    QCOMPARE(m_fixture->directory->setCoordinatorActive(m_adminA, kCoordB1, false).error().code,
             ErrorCode::NotFound);

    // A global admin sees everyone, with the organisation.
    auto all = makePage(m_root);
    auto *view = child<QTableView>(all.get(), QStringLiteral("coordinatorsView"));
    QVERIFY(!view->isColumnHidden(CoordinatorsModel::OrganisationColumn));
    const int berit = all->model()->rowOf(kCoordB1);
    QVERIFY(berit >= 0);
    QCOMPARE(all->model()->index(berit, CoordinatorsModel::OrganisationColumn).data().toString(),
             QStringLiteral("Organisation B"));
    QCOMPARE(all->model()->rowCount(), 4); // A's two, Berit and Berit Bakke
    QVERIFY(all->selectCoordinator(kCoordB1));
    QVERIFY(child<QPushButton>(all.get(), QStringLiteral("editCoordinator"))->isEnabled());
}

void TestCoordinatorsPage::accessible_data()
{
    QTest::addColumn<QString>("who");
    QTest::newRow("coordinator") << QStringLiteral("coordinator");
    QTest::newRow("org admin") << QStringLiteral("org admin");
    QTest::newRow("global admin") << QStringLiteral("global admin");
}

void TestCoordinatorsPage::accessible()
{
    QFETCH(QString, who);
    const Caller caller = who == QLatin1String("coordinator") ? m_kari
        : who == QLatin1String("org admin")                   ? m_adminA
                                                              : m_root;
    auto page = makePage(caller);
    page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(page.get()));
    // With a row selected, so that every button that can be is enabled.
    QVERIFY(page->selectCoordinator(kCoordA2));
    QStringList found =
        walk::problems(page.get(), child<QLineEdit>(page.get(), QStringLiteral("coordinatorsSearch")));
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));

    // The empty list too. (Not through the search: the clear button a search text shows is Qt's,
    // mouse-only, and the walk of tst_accessibility would flag it on every page with a search.)
    auto *status = child<QComboBox>(page.get(), QStringLiteral("coordinatorsStatus"));
    status->setCurrentIndex(status->findData(int(Activity::Inactive)));
    QCOMPARE(page->model()->rowCount(), 0);
    found = walk::problems(page.get(), child<QLineEdit>(page.get(), QStringLiteral("coordinatorsSearch")));
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));

    if (!may(caller, Action::ManageDirectory))
        return;
    // And both faces of the dialog.
    for (bool edit : {false, true}) {
        std::unique_ptr<CoordinatorDialog> dialog = edit
            ? std::make_unique<CoordinatorDialog>(m_fixture->services(), caller, stored(kCoordA2))
            : std::make_unique<CoordinatorDialog>(m_fixture->services(), caller);
        dialog->show();
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
        found = walk::problems(dialog.get(), child<QLineEdit>(dialog.get(), QStringLiteral("coordinatorId")));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }
}

CC_UI_TEST_MAIN(TestCoordinatorsPage)
#include "tst_coordinatorspage.moc"
