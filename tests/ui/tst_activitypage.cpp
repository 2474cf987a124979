#include "core/AuditLog.h"
#include "core/Permissions.h"
#include "tests/ui/Accessibility.h"
#include "tests/ui/ConsoleFixture.h"
#include "ui/activity/ActivityModel.h"
#include "ui/activity/ActivityPage.h"
#include "ui/common/DisplayText.h"
#include "ui/shell/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cc;
using namespace cc::test;
using namespace cc::test::ui;

namespace {

template<typename T>
T *child(QWidget *parent, const QString &name)
{
    T *w = parent->findChild<T *>(name);
    if (!w)
        qFatal("no child %s", qPrintable(name));
    return w;
}

// Reads the model to its end, as a view scrolled to the bottom would.
void fetchAll(ActivityModel &model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
}

// "who action entity-id", one per row, top to bottom: what the rows are about.
QStringList rowsOf(ActivityModel &model)
{
    fetchAll(model);
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        const AuditEntry &e = model.entryAt(row);
        out << e.username + QLatin1Char(' ') + e.action + QLatin1Char(' ') + e.entityId;
    }
    return out;
}

QSet<QString> orgsOf(ActivityModel &model)
{
    fetchAll(model);
    QSet<QString> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.insert(model.entryAt(row).orgId);
    return out;
}

// Only the rows of `who`: the fixture's own setup (by "system") comes before every test's.
QStringList by(const QStringList &rows, const QString &who)
{
    QStringList out;
    for (const QString &row : rows) {
        if (row.startsWith(who + QLatin1Char(' ')))
            out << row;
    }
    return out;
}

void choose(QComboBox *combo, const QString &data)
{
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
}

// The checks of tst_accessibility's walk for one window (tests/ui/Accessibility.h).
QStringList a11yProblems(QWidget *window, QWidget *start)
{
    using namespace cc::test::ui::a11y;
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

} // namespace

class TestActivityPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void modelUnderTester();
    void newestFirstInWords();
    void actionsReadAsWords();
    void orgAdminSeesOnlyHerOrganisation();
    void globalAdminSeesAllAndFiltersByOrganisation();
    void coordinatorHasNoPage();
    void filterByPerson();
    void filterByKind();
    void filterByDate();
    void clearFiltersShowsEverything();
    void followsWhatIsWritten();
    void showingThePageReadsSignIns();
    void exportWritesTheFilteredRows();
    void exportQuotesAndDefusesFields();
    void exportCoversEveryPage();
    void accessible_data();
    void accessible();

private:
    std::unique_ptr<ActivityPage> makePage(const Caller &caller);
    // What the tests look at, each a day after the one before (after the fixture's setup, at
    // testNow()): admin.a adds a peer mentor (day 1), admin.b a coordinator (day 2), admin.a
    // records a pause (day 3), and on day 4 admin.a mistypes her password, signs in, and someone
    // tries a name nobody has.
    void seed();
    QDateTime at(int day) const { return testNow().addDays(day); }

    std::unique_ptr<ConsoleFixture> m_fixture;
    std::unique_ptr<AuditLog> m_log;
    Caller m_adminA;
    Caller m_adminB;
    Caller m_kari; // coordinator of A
    Caller m_root;
    QString m_recordId;
};

void TestActivityPage::init()
{
    m_fixture = std::make_unique<ConsoleFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    m_log = std::make_unique<AuditLog>(m_fixture->db(), m_fixture->clock);
    m_adminA = m_fixture->addUser(QStringLiteral("admin.a"), Role::OrgAdmin, kOrgA);
    m_adminB = m_fixture->addUser(QStringLiteral("admin.b"), Role::OrgAdmin, kOrgB);
    m_kari = m_fixture->addUser(QStringLiteral("kari"), Role::Coordinator, kOrgA, kCoordA1);
    m_root = m_fixture->addUser(QStringLiteral("root"), Role::GlobalAdmin, QString());
    for (const Caller *c : {&m_adminA, &m_adminB, &m_kari, &m_root})
        QVERIFY(!c->userId.isEmpty());
    seed();
}

void TestActivityPage::cleanup()
{
    m_log.reset();
    m_fixture.reset();
}

void TestActivityPage::seed()
{
    ManualClock &clock = m_fixture->clock;
    clock.set(at(1));
    PeerMentor mentor;
    mentor.id = QStringLiteral("pm_a3");
    mentor.orgId = kOrgA;
    mentor.coordinatorId = kCoordA2;
    mentor.name = QStringLiteral("Liv Lund");
    QVERIFY(m_fixture->directory->addPeerMentor(m_adminA, mentor).ok());
    clock.set(at(2));
    Coordinator coordinator;
    coordinator.id = QStringLiteral("coord_b2");
    coordinator.orgId = kOrgB;
    coordinator.name = QStringLiteral("Bodil Berg");
    coordinator.email = QStringLiteral("bodil@b.example");
    QVERIFY(m_fixture->directory->addCoordinator(m_adminB, coordinator).ok());
    clock.set(at(3));
    const auto record = m_fixture->records->record(
        m_adminA, newRecord(kMentorA1, kCoordA1, EventType::PauseActivated, day(3)));
    QVERIFY(record.ok());
    m_recordId = record->id;
    clock.set(at(4));
    QVERIFY(!m_fixture->auth->checkPassword(QStringLiteral("admin.a"), QStringLiteral("wrong password"),
                                            QStringLiteral("console")));
    clock.advance(kMinute);
    QVERIFY(m_fixture->auth->checkPassword(QStringLiteral("admin.a"), QStringLiteral("correct horse battery"),
                                           QStringLiteral("console")));
    clock.advance(kMinute);
    // A name nobody has belongs to no organisation: only global admins see the attempt.
    QVERIFY(!m_fixture->auth->checkPassword(QStringLiteral("=HYPERLINK(\"http://x\")"),
                                            QStringLiteral("anything"), QStringLiteral("203.0.113.9")));
    clock.advance(kMinute);
}

std::unique_ptr<ActivityPage> TestActivityPage::makePage(const Caller &caller)
{
    auto page = std::make_unique<ActivityPage>(m_fixture->services(), caller);
    page->resize(1100, 600);
    page->show();
    return page;
}

void TestActivityPage::modelUnderTester()
{
    ActivityModel model(*m_log, m_root);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(ActivityModel::ColumnCount));
    const QStringList headers{QStringLiteral("When"),   QStringLiteral("Who"),
                              QStringLiteral("What"),   QStringLiteral("On what"),
                              QStringLiteral("Detail"), QStringLiteral("Organisation")};
    for (int c = 0; c < headers.size(); ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), headers.at(c));
    const qint64 total = model.totalCount();
    QVERIFY(total > 10);
    QCOMPARE(model.rowCount(), int(total)); // a page holds them all

    // Pages of three, read as a view scrolls; every entry once, newest first.
    model.setPageSize(3);
    model.refresh();
    QCOMPARE(model.rowCount(), int(total)); // a refresh keeps as many rows as were loaded
    model.setQuery({});
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.canFetchMore({}));
    fetchAll(model);
    QCOMPARE(model.rowCount(), int(total));
    QVERIFY(model.atEnd());
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.insert(model.entryAt(row).id);
        if (row > 0)
            QVERIFY(model.entryAt(row - 1).at >= model.entryAt(row).at);
        for (int c = 0; c < model.columnCount(); ++c)
            QVERIFY(model.index(row, c).data(ActivityModel::RawRole).isValid());
        QCOMPARE(model.index(row, 0).data(ActivityModel::IdRole).toString(), model.entryAt(row).id);
    }
    QCOMPARE(ids.size(), int(total));

    // What is written later comes on top, without a reset, also with only some pages loaded.
    model.setQuery({});
    QCOMPARE(model.rowCount(), 3);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    m_fixture->clock.advance(kMinute);
    QVERIFY(m_fixture->directory->setPeerMentorActive(m_adminA, QStringLiteral("pm_a3"), false).ok());
    m_fixture->clock.advance(kMinute);
    QVERIFY(m_fixture->directory->setPeerMentorActive(m_adminA, QStringLiteral("pm_a3"), true).ok());
    model.followNew();
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.totalCount(), total + 2);
    QCOMPARE(model.entryAt(0).action, QStringLiteral("peer_mentor.reactivate"));
    QCOMPARE(model.entryAt(1).action, QStringLiteral("peer_mentor.deactivate"));
    model.followNew(); // nothing new: nothing changes
    QCOMPARE(inserted.count(), 1);
    // The pages after them come as before: none twice, none left out.
    fetchAll(model);
    QCOMPARE(model.rowCount(), int(total + 2));

    // A narrower query.
    AuditQuery kind;
    kind.kind = QStringLiteral("peer_mentor");
    model.setQuery(kind);
    fetchAll(model);
    QCOMPARE(model.rowCount(), 3 + 1 + 2); // the World's three, pm_a3's creation, then out and back
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(model.entryAt(row).action.startsWith(QLatin1String("peer_mentor.")));
    // An organisation's name where it is known.
    model.setOrganisationNames({{kOrgA, QStringLiteral("Organisation A")}});
    QCOMPARE(model.index(0, ActivityModel::OrganisationColumn).data().toString(),
             QStringLiteral("Organisation A"));
    QVERIFY(!model.lastError());
}

void TestActivityPage::newestFirstInWords()
{
    ActivityModel model(*m_log, m_adminA);
    // The newest of A: admin.a's sign-in, then the password she mistyped before it.
    QCOMPARE(model.entryAt(0).action, QStringLiteral("user.sign_in"));
    const auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(cell(0, ActivityModel::WhenColumn), DisplayText::dateTime(at(4).addMSecs(kMinute)));
    QCOMPARE(cell(0, ActivityModel::WhoColumn), QStringLiteral("admin.a"));
    QCOMPARE(cell(0, ActivityModel::WhatColumn), QStringLiteral("Signed in"));
    QCOMPARE(cell(0, ActivityModel::OnWhatColumn), QStringLiteral("User ") + m_adminA.userId);
    QCOMPARE(cell(0, ActivityModel::DetailColumn), QStringLiteral("In the console"));
    QCOMPARE(cell(1, ActivityModel::WhatColumn), QStringLiteral("Failed to sign in"));
    QCOMPARE(cell(2, ActivityModel::WhatColumn), QStringLiteral("Created notification record"));
    QCOMPARE(cell(2, ActivityModel::OnWhatColumn), QStringLiteral("Notification record ") + m_recordId);
    QCOMPARE(cell(2, ActivityModel::DetailColumn), QStringLiteral("Pause started"));
    QCOMPARE(cell(3, ActivityModel::WhatColumn), QStringLiteral("Created peer mentor"));
    QCOMPARE(cell(3, ActivityModel::OnWhatColumn), QStringLiteral("Peer mentor pm_a3"));
    // The raw action is at hand for the curious.
    QCOMPARE(model.index(0, ActivityModel::WhatColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("user.sign_in"));
}

void TestActivityPage::actionsReadAsWords()
{
    QCOMPARE(ActivityText::action(QStringLiteral("peer_mentor.update")),
             QStringLiteral("Changed peer mentor"));
    QCOMPARE(ActivityText::action(QStringLiteral("record.delete")),
             QStringLiteral("Deleted notification record"));
    QCOMPARE(ActivityText::action(QStringLiteral("user.sign_in_failed")),
             QStringLiteral("Failed to sign in"));
    // One it has no words for reads as itself.
    QCOMPARE(ActivityText::action(QStringLiteral("backup.create")), QStringLiteral("backup.create"));
    QCOMPARE(ActivityText::entity(QStringLiteral("payload_template")), QStringLiteral("Template"));
    QCOMPARE(ActivityText::entity(QStringLiteral("something_new")), QStringLiteral("something_new"));
    AuditEntry role;
    role.action = QStringLiteral("user.role");
    role.detail = QStringLiteral("org_admin");
    QCOMPARE(ActivityText::detail(role), QStringLiteral("Org admin"));

    // Every action core writes has its words, and every kind matches some action.
    const QStringList written{
        QStringLiteral("organisation.create"),    QStringLiteral("coordinator.create"),
        QStringLiteral("coordinator.update"),     QStringLiteral("coordinator.deactivate"),
        QStringLiteral("coordinator.reactivate"), QStringLiteral("peer_mentor.create"),
        QStringLiteral("peer_mentor.import"),     QStringLiteral("peer_mentor.update"),
        QStringLiteral("peer_mentor.move"),       QStringLiteral("peer_mentor.deactivate"),
        QStringLiteral("peer_mentor.reactivate"), QStringLiteral("user.create"),
        QStringLiteral("user.password"),          QStringLiteral("user.role"),
        QStringLiteral("user.disable"),           QStringLiteral("user.enable"),
        QStringLiteral("user.sign_in"),           QStringLiteral("user.sign_in_failed"),
        QStringLiteral("pairing.create"),         QStringLiteral("pairing.redeem"),
        QStringLiteral("token.revoke"),           QStringLiteral("record.create"),
        QStringLiteral("record.update"),          QStringLiteral("record.delete"),
        QStringLiteral("template.create"),        QStringLiteral("template.update"),
        QStringLiteral("template.restore"),       QStringLiteral("template.reset"),
        QStringLiteral("template.delete"),        QStringLiteral("database.restore"),
        QStringLiteral("database.backup"),        QStringLiteral("database.export"),
        QStringLiteral("peer_mentor.export"),     QStringLiteral("peer_mentor.erase"),
        QStringLiteral("organisation.retention"), QStringLiteral("organisation.retention_delete")};
    for (const QString &action : written)
        QVERIFY2(ActivityText::action(action) != action, qPrintable(action));
    const QList<ActivityText::Kind> kinds = ActivityText::kinds();
    QVERIFY(kinds.first().value.isEmpty());
    for (const ActivityText::Kind &kind : kinds.mid(1)) {
        bool matched = false;
        for (const QString &action : written)
            matched = matched || action == kind.value || action.startsWith(kind.value + QLatin1Char('.'));
        QVERIFY2(matched, qPrintable(kind.value));
    }
}

void TestActivityPage::orgAdminSeesOnlyHerOrganisation()
{
    QVERIFY(ActivityPage::isAvailableTo(m_adminA));
    auto page = makePage(m_adminA);
    ActivityModel &model = *page->model();
    QCOMPARE(orgsOf(model), QSet<QString>{kOrgA});
    const QStringList rows = rowsOf(model);
    QCOMPARE(by(rows, QStringLiteral("admin.a")),
             (QStringList{QStringLiteral("admin.a user.sign_in ") + m_adminA.userId,
                          QStringLiteral("admin.a user.sign_in_failed ") + m_adminA.userId,
                          QStringLiteral("admin.a record.create ") + m_recordId,
                          QStringLiteral("admin.a peer_mentor.create pm_a3")}));
    QVERIFY(by(rows, QStringLiteral("admin.b")).isEmpty());
    QVERIFY(!rows.join(QLatin1Char('\n')).contains(QStringLiteral("coord_b2")));
    QVERIFY(!rows.join(QLatin1Char('\n')).contains(QStringLiteral("HYPERLINK")));
    // No choice of organisation, and no column for it.
    QVERIFY(!page->findChild<QComboBox *>(QStringLiteral("organisationFilter")));
    QVERIFY(page->view()->isColumnHidden(ActivityModel::OrganisationColumn));
    QCOMPARE(model.totalCount(), qint64(model.rowCount()));
    QVERIFY(child<QLabel>(page.get(), QStringLiteral("activityCount"))
                ->text()
                .startsWith(QString::number(model.rowCount()) + QLatin1Char(' ')));
}

void TestActivityPage::globalAdminSeesAllAndFiltersByOrganisation()
{
    QVERIFY(ActivityPage::isAvailableTo(m_root));
    auto page = makePage(m_root);
    ActivityModel &model = *page->model();
    const QSet<QString> orgs = orgsOf(model);
    QVERIFY(orgs.contains(kOrgA) && orgs.contains(kOrgB));
    QStringList rows = rowsOf(model);
    QVERIFY(rows.contains(QStringLiteral("admin.a peer_mentor.create pm_a3")));
    QVERIFY(rows.contains(QStringLiteral("admin.b coordinator.create coord_b2")));
    QVERIFY(rows.contains(QStringLiteral("=HYPERLINK(\"http://x\") user.sign_in_failed ")));
    QVERIFY(!page->view()->isColumnHidden(ActivityModel::OrganisationColumn));

    auto *organisation = child<QComboBox>(page.get(), QStringLiteral("organisationFilter"));
    QCOMPARE(organisation->itemText(0), QStringLiteral("All organisations"));
    QCOMPARE(organisation->count(), 3);
    choose(organisation, kOrgB);
    QCOMPARE(page->query().orgId, kOrgB);
    QCOMPARE(orgsOf(model), QSet<QString>{kOrgB});
    rows = rowsOf(model);
    QCOMPARE(by(rows, QStringLiteral("admin.b")),
             QStringList{QStringLiteral("admin.b coordinator.create coord_b2")});
    QVERIFY(by(rows, QStringLiteral("admin.a")).isEmpty());
    QCOMPARE(model.index(0, ActivityModel::OrganisationColumn).data().toString(),
             QStringLiteral("Organisation B"));
    choose(organisation, QString());
    QVERIFY(rowsOf(model).contains(QStringLiteral("admin.a peer_mentor.create pm_a3")));
}

void TestActivityPage::coordinatorHasNoPage()
{
    QVERIFY(!ActivityPage::isAvailableTo(m_kari));
    QVERIFY(!may(m_kari, Action::ReadAudit));
    MainWindow window(m_fixture->services(), m_kari);
    QVERIFY(!window.findChild<ActivityPage *>());
    QVERIFY(!window.showPage(QStringLiteral("ActivityPage")));
    MainWindow admins(m_fixture->services(), m_adminA);
    QVERIFY(admins.showPage(QStringLiteral("ActivityPage")));
    QCOMPARE(admins.currentPage()->title(), QStringLiteral("Activity"));
    // And the log refuses her anyway.
    ActivityModel model(*m_log, m_kari);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.lastError());
    QCOMPARE(model.lastError()->code, ErrorCode::Forbidden);
}

void TestActivityPage::filterByPerson()
{
    auto page = makePage(m_root);
    ActivityModel &model = *page->model();
    auto *person = child<QComboBox>(page.get(), QStringLiteral("personFilter"));
    // The users the caller sees are offered; anyone's name may be typed.
    QVERIFY(person->findText(QStringLiteral("admin.b")) >= 0);
    QVERIFY(person->currentText().isEmpty()); // everyone
    QTest::keyClicks(person->lineEdit(), QStringLiteral("admin.b"));
    QTRY_COMPARE(model.query().username, QStringLiteral("admin.b"));
    QCOMPARE(rowsOf(model), QStringList{QStringLiteral("admin.b coordinator.create coord_b2")});

    person->setEditText(QStringLiteral("admin.a"));
    QTest::keyClick(person->lineEdit(), Qt::Key_Return);
    QCOMPARE(model.query().username, QStringLiteral("admin.a"));
    QCOMPARE(rowsOf(model),
             (QStringList{QStringLiteral("admin.a user.sign_in ") + m_adminA.userId,
                          QStringLiteral("admin.a user.sign_in_failed ") + m_adminA.userId,
                          QStringLiteral("admin.a record.create ") + m_recordId,
                          QStringLiteral("admin.a peer_mentor.create pm_a3")}));

    // Nobody by that name: an empty list that says why.
    person->setEditText(QStringLiteral("nobody"));
    QTest::keyClick(person->lineEdit(), Qt::Key_Return);
    QCOMPARE(model.rowCount(), 0);
    QTRY_VERIFY(child<QLabel>(page.get(), QStringLiteral("activityPlaceholder"))->isVisible());
    QVERIFY(!child<QPushButton>(page.get(), QStringLiteral("exportCsvButton"))->isEnabled());
}

void TestActivityPage::filterByKind()
{
    auto page = makePage(m_adminA);
    ActivityModel &model = *page->model();
    auto *kind = child<QComboBox>(page.get(), QStringLiteral("kindFilter"));
    QCOMPARE(kind->itemText(0), QStringLiteral("All activity"));
    choose(kind, QStringLiteral("user.sign_in"));
    QCOMPARE(rowsOf(model), QStringList{QStringLiteral("admin.a user.sign_in ") + m_adminA.userId});
    choose(kind, QStringLiteral("user.sign_in_failed"));
    QCOMPARE(rowsOf(model), QStringList{QStringLiteral("admin.a user.sign_in_failed ") + m_adminA.userId});
    choose(kind, QStringLiteral("record"));
    QCOMPARE(rowsOf(model), QStringList{QStringLiteral("admin.a record.create ") + m_recordId});
    choose(kind, QStringLiteral("peer_mentor"));
    QStringList mentors = rowsOf(model);
    QCOMPARE(mentors.first(), QStringLiteral("admin.a peer_mentor.create pm_a3"));
    mentors.sort();
    QCOMPARE(mentors,
             (QStringList{QStringLiteral("admin.a peer_mentor.create pm_a3"),
                          QStringLiteral("system peer_mentor.create pm_a1"),
                          QStringLiteral("system peer_mentor.create pm_a2")}));
    choose(kind, QStringLiteral("coordinator"));
    QStringList coordinators = rowsOf(model);
    coordinators.sort();
    QCOMPARE(coordinators,
             (QStringList{QStringLiteral("system coordinator.create coord_a1"),
                          QStringLiteral("system coordinator.create coord_a2")}));
    // With a person too: both narrow.
    auto *person = child<QComboBox>(page.get(), QStringLiteral("personFilter"));
    person->setEditText(QStringLiteral("admin.a"));
    QTest::keyClick(person->lineEdit(), Qt::Key_Return);
    QCOMPARE(model.rowCount(), 0);
    choose(kind, QStringLiteral("user"));
    QCOMPARE(rowsOf(model),
             (QStringList{QStringLiteral("admin.a user.sign_in ") + m_adminA.userId,
                          QStringLiteral("admin.a user.sign_in_failed ") + m_adminA.userId}));
}

void TestActivityPage::filterByDate()
{
    auto page = makePage(m_root);
    ActivityModel &model = *page->model();
    auto *fromOn = child<QCheckBox>(page.get(), QStringLiteral("fromFilterEnabled"));
    auto *from = child<QDateEdit>(page.get(), QStringLiteral("fromFilter"));
    auto *toOn = child<QCheckBox>(page.get(), QStringLiteral("toFilterEnabled"));
    auto *to = child<QDateEdit>(page.get(), QStringLiteral("toFilter"));
    QVERIFY(!from->isEnabled() && !to->isEnabled()); // any date until ticked
    // Whole days where the console runs.
    const auto localDay = [this](int day) { return at(day).toLocalTime().date(); };

    // Days 2 and 3: admin.b's coordinator and admin.a's record.
    from->setDate(localDay(2));
    to->setDate(localDay(3));
    fromOn->setChecked(true);
    QVERIFY(from->isEnabled());
    toOn->setChecked(true);
    QCOMPARE(rowsOf(model),
             (QStringList{QStringLiteral("admin.a record.create ") + m_recordId,
                          QStringLiteral("admin.b coordinator.create coord_b2")}));
    // From day 4 on: the sign-ins.
    toOn->setChecked(false);
    from->setDate(localDay(4));
    QCOMPARE(rowsOf(model),
             (QStringList{QStringLiteral("=HYPERLINK(\"http://x\") user.sign_in_failed "),
                          QStringLiteral("admin.a user.sign_in ") + m_adminA.userId,
                          QStringLiteral("admin.a user.sign_in_failed ") + m_adminA.userId}));
    // Up to day 1: the fixture's setup and admin.a's mentor, nothing later.
    fromOn->setChecked(false);
    to->setDate(localDay(1));
    toOn->setChecked(true);
    const QStringList early = rowsOf(model);
    QCOMPARE(early.first(), QStringLiteral("admin.a peer_mentor.create pm_a3"));
    QCOMPARE(by(early, QStringLiteral("admin.a")).size(), 1);
    QVERIFY(by(early, QStringLiteral("admin.b")).isEmpty());
    // A range never runs backwards: the start moved past the end takes the end along.
    fromOn->setChecked(true);
    from->setDate(localDay(3));
    QCOMPARE(to->date(), localDay(3));
    QCOMPARE(rowsOf(model), QStringList{QStringLiteral("admin.a record.create ") + m_recordId});
}

void TestActivityPage::clearFiltersShowsEverything()
{
    auto page = makePage(m_root);
    ActivityModel &model = *page->model();
    const int all = int(model.totalCount());
    choose(child<QComboBox>(page.get(), QStringLiteral("kindFilter")), QStringLiteral("record"));
    choose(child<QComboBox>(page.get(), QStringLiteral("organisationFilter")), kOrgA);
    child<QCheckBox>(page.get(), QStringLiteral("fromFilterEnabled"))->setChecked(true);
    child<QComboBox>(page.get(), QStringLiteral("personFilter"))->setEditText(QStringLiteral("admin.a"));
    QTRY_COMPARE(model.query().username, QStringLiteral("admin.a"));
    QVERIFY(model.totalCount() < all);
    child<QPushButton>(page.get(), QStringLiteral("clearFilters"))->click();
    const AuditQuery q = model.query();
    QVERIFY(q.username.isEmpty() && q.kind.isEmpty() && q.orgId.isEmpty() && !q.from.isValid()
            && !q.to.isValid());
    QCOMPARE(model.totalCount(), qint64(all));
}

void TestActivityPage::followsWhatIsWritten()
{
    auto page = makePage(m_adminA);
    ActivityModel &model = *page->model();
    const int before = model.rowCount();
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    m_fixture->clock.advance(kMinute);
    PeerMentor changed = *m_fixture->directory->peerMentor(m_adminA, QStringLiteral("pm_a3"));
    changed.email = QStringLiteral("liv@a.example");
    QVERIFY(m_fixture->directory->updatePeerMentor(m_adminA, changed).ok());
    // The change is announced; the page reads what is new a moment later, on top.
    QTRY_COMPARE(model.rowCount(), before + 1);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(model.entryAt(0).action, QStringLiteral("peer_mentor.update"));
    QCOMPARE(model.index(0, ActivityModel::WhatColumn).data().toString(),
             QStringLiteral("Changed peer mentor"));
    QCOMPARE(model.index(0, ActivityModel::OnWhatColumn).data().toString(),
             QStringLiteral("Peer mentor pm_a3"));
    QTRY_VERIFY(child<QLabel>(page.get(), QStringLiteral("activityCount"))
                    ->text()
                    .startsWith(QString::number(before + 1) + QLatin1Char(' ')));
    // Another organisation's change shows nothing here.
    m_fixture->clock.advance(kMinute);
    QVERIFY(m_fixture->directory->setCoordinatorActive(m_adminB, QStringLiteral("coord_b2"), false).ok());
    QTest::qWait(400);
    QCOMPARE(model.rowCount(), before + 1);
    // A change that does not match the filter shows nothing either.
    choose(child<QComboBox>(page.get(), QStringLiteral("kindFilter")), QStringLiteral("record"));
    QCOMPARE(model.rowCount(), 1);
    m_fixture->clock.advance(kMinute);
    changed.name = QStringLiteral("Liv Lund-Larsen");
    QVERIFY(m_fixture->directory->updatePeerMentor(m_adminA, changed).ok());
    QTest::qWait(400);
    QCOMPARE(model.rowCount(), 1);
}

void TestActivityPage::showingThePageReadsSignIns()
{
    MainWindow window(m_fixture->services(), m_adminA);
    auto *page = window.findChild<ActivityPage *>();
    QVERIFY(page);
    QVERIFY(window.showPage(QStringLiteral("ActivityPage")));
    const int before = page->model()->rowCount();
    QVERIFY(window.showPage(QStringLiteral("RecordsPage")));
    // A sign-in announces nothing; showing the page again reads it.
    m_fixture->clock.advance(kMinute);
    QVERIFY(m_fixture->auth->checkPassword(QStringLiteral("admin.a"), QStringLiteral("correct horse battery"),
                                           QStringLiteral("api")));
    // Out of sight, the page reads nothing, not even for a change that is announced.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!page->isVisible());
    m_fixture->clock.advance(kMinute);
    QVERIFY(m_fixture->directory->setPeerMentorActive(m_adminA, QStringLiteral("pm_a3"), false).ok());
    QTest::qWait(400);
    QCOMPARE(page->model()->rowCount(), before);
    QVERIFY(window.showPage(QStringLiteral("ActivityPage")));
    QCOMPARE(page->model()->rowCount(), before + 2);
    QCOMPARE(page->model()->entryAt(0).action, QStringLiteral("peer_mentor.deactivate"));
    QCOMPARE(page->model()->index(1, ActivityModel::DetailColumn).data().toString(),
             QStringLiteral("Through the API"));
    // F5 reads everything again.
    m_fixture->clock.advance(kMinute);
    QVERIFY(!m_fixture->auth->checkPassword(QStringLiteral("admin.a"), QStringLiteral("nope"),
                                            QStringLiteral("console")));
    auto *refresh = page->findChild<QAction *>(QStringLiteral("refreshAction"));
    QVERIFY(refresh);
    QCOMPARE(refresh->shortcut(), QKeySequence(QKeySequence::Refresh));
    refresh->trigger();
    QCOMPARE(page->model()->rowCount(), before + 3);
    QCOMPARE(page->model()->entryAt(0).action, QStringLiteral("user.sign_in_failed"));
}

void TestActivityPage::exportWritesTheFilteredRows()
{
    auto page = makePage(m_adminA);
    ActivityModel &model = *page->model();
    auto *person = child<QComboBox>(page.get(), QStringLiteral("personFilter"));
    person->setEditText(QStringLiteral("admin.a"));
    QTest::keyClick(person->lineEdit(), Qt::Key_Return);
    QCOMPARE(model.rowCount(), 4);
    // The view holds only the first page; the export writes them all.
    model.setPageSize(1);
    model.setQuery(model.query());
    QCOMPARE(model.rowCount(), 1);

    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("activity.csv"));
    QSignalSpy status(page.get(), &ConsolePage::statusMessage);
    QVERIFY(page->exportCsv(file));
    QCOMPARE(page->lastExportCount(), 4);
    QCOMPARE(status.count(), 1);
    QVERIFY2(status.first().first().toString().startsWith(QStringLiteral("Exported 4 entr")),
             qPrintable(status.first().first().toString()));

    const QList<QStringList> rows = csvRowsOfFile(file);
    QCOMPARE(rows.size(), 1 + 4);
    QCOMPARE(rows.first(),
             (QStringList{QStringLiteral("When"), QStringLiteral("Who"), QStringLiteral("What"),
                          QStringLiteral("Action"), QStringLiteral("On what"), QStringLiteral("Id"),
                          QStringLiteral("Detail")}));
    const QStringList expected{QStringLiteral("user.sign_in"), QStringLiteral("user.sign_in_failed"),
                               QStringLiteral("record.create"), QStringLiteral("peer_mentor.create")};
    for (int i = 0; i < expected.size(); ++i) {
        const QStringList &row = rows.at(i + 1);
        QCOMPARE(row.size(), 7);
        QCOMPARE(row.at(1), QStringLiteral("admin.a"));
        QCOMPARE(row.at(3), expected.at(i));
        QCOMPARE(row.at(2), ActivityText::action(expected.at(i)));
    }
    QCOMPARE(rows.at(1).at(0),
             at(4).addMSecs(kMinute).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QCOMPARE(rows.at(3).at(4), QStringLiteral("Notification record"));
    QCOMPARE(rows.at(3).at(5), m_recordId);
    QCOMPARE(rows.at(4).at(5), QStringLiteral("pm_a3"));
    // UTF-8 with a byte order mark, lines ending in CRLF.
    QFile raw(file);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray bytes = raw.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBFWhen,Who,What,Action,On what,Id,Detail\r\n"));
    QCOMPARE(bytes.count("\r\n"), 5);
}

void TestActivityPage::exportQuotesAndDefusesFields()
{
    // An entry whose detail holds a comma, quotes and a line break, by someone whose name a
    // spreadsheet would run as a formula (as a failed sign-in can bring in).
    Caller odd;
    odd.userId = QStringLiteral("u_odd");
    odd.username = QStringLiteral("=1+2");
    m_fixture->clock.advance(kMinute);
    const QString detail = QStringLiteral("name, \"email\"\nand phone");
    QVERIFY(m_log
                ->write(odd, kOrgA, QStringLiteral("peer_mentor.update"), QStringLiteral("peer_mentor"),
                        kMentorA1, detail)
                .ok());
    auto page = makePage(m_root);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("odd.csv"));
    QVERIFY(page->exportCsv(file));
    const QList<QStringList> rows = csvRowsOfFile(file);
    QCOMPARE(rows.size(), int(page->model()->totalCount()) + 1);
    QCOMPARE(rows.first().last(), QStringLiteral("Organisation")); // a global admin's has the column
    // The newest first: the odd entry, then the unknown name's failed sign-in.
    QCOMPARE(rows.at(1).at(1), QStringLiteral("'=1+2"));
    QCOMPARE(rows.at(1).at(6), detail);
    QCOMPARE(rows.at(1).at(7), QStringLiteral("Organisation A"));
    QCOMPARE(rows.at(2).at(1), QStringLiteral("'=HYPERLINK(\"http://x\")"));
    QCOMPARE(rows.at(2).at(7), QString());
    QFile raw(file);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray bytes = raw.readAll();
    QVERIFY(bytes.contains(",'=1+2,"));
    QVERIFY(bytes.contains("\"name, \"\"email\"\"\nand phone\""));
    QVERIFY(bytes.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","));
}

void TestActivityPage::exportCoversEveryPage()
{
    // More entries than an export reads at a time (1000).
    {
        Transaction tx(m_fixture->db());
        QVERIFY(tx.begun().ok());
        for (int i = 0; i < 1234; ++i) {
            m_fixture->clock.advance(1);
            QVERIFY(m_log
                        ->write(m_adminA, kOrgA, QStringLiteral("record.update"),
                                QStringLiteral("notification_record"), QStringLiteral("nr_%1").arg(i),
                                QStringLiteral("notes"))
                        .ok());
        }
        QVERIFY(tx.commit().ok());
    }
    auto page = makePage(m_adminA);
    ActivityModel &model = *page->model();
    const qint64 total = model.totalCount();
    QVERIFY(total > 1234);
    QVERIFY(model.rowCount() < total);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("all.csv"));
    QVERIFY(page->exportCsv(file));
    QCOMPARE(page->lastExportCount(), total);
    const QList<QStringList> rows = csvRowsOfFile(file);
    QCOMPARE(rows.size(), int(total) + 1);
    QCOMPARE(rows.at(1).at(5), QStringLiteral("nr_1233")); // newest first
    QCOMPARE(rows.at(1234).at(5), QStringLiteral("nr_0"));
    QSet<QString> distinct;
    for (const QStringList &row : rows.mid(1))
        distinct.insert(row.join(QLatin1Char('\x1f')));
    QCOMPARE(distinct.size(), int(total));
}

void TestActivityPage::accessible_data()
{
    QTest::addColumn<bool>("global");
    QTest::newRow("org admin") << false;
    QTest::newRow("global admin") << true;
}

void TestActivityPage::accessible()
{
    QFETCH(bool, global);
    auto page = makePage(global ? m_root : m_adminA);
    page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(page.get()));
    QWidget *start = child<QComboBox>(page.get(), QStringLiteral("personFilter"));
    // With the dates on, so that every control is enabled.
    child<QCheckBox>(page.get(), QStringLiteral("fromFilterEnabled"))->setChecked(true);
    child<QCheckBox>(page.get(), QStringLiteral("toFilterEnabled"))->setChecked(true);
    QStringList found = a11yProblems(page.get(), start);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    // And empty.
    choose(child<QComboBox>(page.get(), QStringLiteral("kindFilter")), QStringLiteral("token"));
    QCOMPARE(page->model()->rowCount(), 0);
    found = a11yProblems(page.get(), start);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

CC_UI_TEST_MAIN(TestActivityPage)
#include "tst_activitypage.moc"
