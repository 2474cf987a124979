#include "core/RecordRepository.h"
#include "tests/ui/ConsoleFixture.h"
#include "ui/common/ErrorMessages.h"
#include "ui/records/RecordEditDialog.h"
#include "ui/records/RecordFilterBar.h"
#include "ui/records/RecordsModel.h"
#include "ui/records/RecordsPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace cc;
using namespace cc::test::ui;

namespace {

QStringList idsOf(const RecordsModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.recordAt(row).id;
    return ids;
}

// The local calendar date of a moment, as the filter bar's date edits take it.
QDate localDate(const QDateTime &when)
{
    return when.toLocalTime().date();
}

} // namespace

// The notification records page over a test database: its filters (remembered in Settings), the
// order by sent time, what each role may do (edit, delete after a confirmation), the CSV export.
class TestRecordsPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void opensWithEveryRecord();
    void filtersNarrowTheRows();
    void filtersAreRestoredByANewPage();
    void clearFilters();
    void oldestFirstByHeaderClick();
    void oldestFirstByKeyboard();

    void tabReachesEveryControl();

    void actionsFollowTheRole_data();
    void actionsFollowTheRole();
    void editSavesChannelsAndNotes();
    void editConflictIsShown();
    void editRefusesNoChannel();
    void deleteAfterConfirmation();

    void exportWritesEveryMatchingRow();
    void exportOfManyRowsKeepsTheWindowLiveAndCancels();

private:
    // Records of UiTestData's organisations at known times: see init().
    NotificationRecord add(const Caller &caller, const QString &mentor, const QString &coordinator,
                           EventType type, int daysAgo);
    // Loads `count` records of organisation A at once (as demo data does), one second apart.
    void addBulk(int count);
    QComboBox *combo(RecordsPage &page, const char *name)
    {
        return page.findChild<QComboBox *>(QString::fromLatin1(name));
    }
    void choose(QComboBox *box, const QString &id);

    std::unique_ptr<ConsoleFixture> m_fixture;
    QList<NotificationRecord> m_records; // as added in init(), oldest first
};

void TestRecordsPage::init()
{
    m_fixture = std::make_unique<ConsoleFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    m_records.clear();
    // Six records over three weeks (newest last), A's mentors and coordinators, both events; one of B.
    m_fixture->clock.set(test::testNow().addDays(-20));
    m_records << add(orgAdminA(), kMentorA1, kCoordA1, EventType::PauseActivated, 20);
    m_records << add(orgAdminA(), kMentorA2, kCoordA2, EventType::PauseActivated, 15);
    m_records << add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseDeactivated, 10);
    m_records << add(coordinatorB(), kMentorB1, kCoordB1, EventType::PauseActivated, 8);
    m_records << add(orgAdminA(), kMentorA2, kCoordA1, EventType::PauseDeactivated, 5);
    m_records << add(orgAdminA(), kMentorA1, kCoordA2, EventType::PauseActivated, 0);
    for (const NotificationRecord &r : std::as_const(m_records))
        QVERIFY(!r.id.isEmpty());
}

void TestRecordsPage::cleanup()
{
    m_fixture.reset();
}

NotificationRecord TestRecordsPage::add(const Caller &caller, const QString &mentor,
                                        const QString &coordinator, EventType type, int daysAgo)
{
    m_fixture->clock.set(test::testNow().addDays(-daysAgo));
    const auto added =
        m_fixture->records->record(caller, newRecord(mentor, coordinator, type, day(-daysAgo)));
    if (!added)
        qWarning("record() failed: %s", qPrintable(added.error().message));
    return added ? *added : NotificationRecord();
}

void TestRecordsPage::addBulk(int count)
{
    QList<NotificationRecord> bulk;
    bulk.reserve(count);
    const QDateTime first = test::testNow().addDays(-30).addSecs(-count);
    for (int i = 0; i < count; ++i) {
        NotificationRecord r;
        r.id = QStringLiteral("nr_b%1").arg(i, 11, 16, QLatin1Char('0'));
        r.orgId = kOrgA;
        r.peerMentorId = i % 2 ? kMentorA1 : kMentorA2;
        r.coordinatorId = i % 3 ? kCoordA1 : kCoordA2;
        r.eventType = i % 4 < 2 ? EventType::PauseActivated : EventType::PauseDeactivated;
        r.effectiveDate = day(-(i % 400));
        r.channels = {QStringLiteral("push"), QStringLiteral("email")};
        r.notes = i % 7 ? std::nullopt
                        : std::optional<QString>(QStringLiteral("=SUM(A1), \"quoted\"\nline %1").arg(i));
        r.createdBy = QStringLiteral("bulk");
        r.sentAt = first.addSecs(i);
        r.updatedAt = r.sentAt;
        bulk << r;
    }
    RecordRepository repository(m_fixture->db());
    Transaction tx(m_fixture->db());
    QVERIFY(tx.begun().ok());
    QVERIFY(repository.insertBatch(bulk).ok());
    QVERIFY(tx.commit().ok());
    QVERIFY(m_fixture->db().checkpoint().ok());
}

void TestRecordsPage::choose(QComboBox *box, const QString &id)
{
    QVERIFY(box);
    const int index = box->findData(id);
    QVERIFY2(index >= 0, qPrintable(id));
    box->setCurrentIndex(index);
}

// ---- the table and its filters --------------------------------------------------------------------

void TestRecordsPage::opensWithEveryRecord()
{
    RecordsPage page(m_fixture->services(), orgAdminA());
    QCOMPARE(page.title(), QStringLiteral("Notification records"));
    QTableView *view = page.findChild<QTableView *>(QStringLiteral("recordsView"));
    QVERIFY(view);
    QCOMPARE(view->model(), page.model());
    // A's five, newest first; B's never.
    QCOMPARE(
        idsOf(*page.model()),
        (QStringList{m_records[5].id, m_records[4].id, m_records[2].id, m_records[1].id, m_records[0].id}));
    QLabel *count = page.findChild<QLabel *>(QStringLiteral("recordsCount"));
    QVERIFY(count);
    QVERIFY2(count->text().startsWith(QLocale().toString(5) + QLatin1Char(' ')), qPrintable(count->text()));
    // Uniform rows: none is measured.
    QCOMPARE(view->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
    QVERIFY(!view->isSortingEnabled());
    QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), int(RecordsModel::SentAtColumn));
    QCOMPARE(view->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);

    // The mentor and coordinator choices are the caller's (not B's).
    QComboBox *mentors = combo(page, "mentorFilter");
    QVERIFY(mentors->findData(kMentorA1) > 0);
    QVERIFY(mentors->findData(kMentorA2) > 0);
    QCOMPARE(mentors->findData(kMentorB1), -1);
    QCOMPARE(mentors->itemData(0).toString(), QString());
    QComboBox *coordinators = combo(page, "coordinatorFilter");
    QCOMPARE(coordinators->count(), 3);
    QCOMPARE(coordinators->findData(kCoordB1), -1);

    // A mentor added later (on another page, by an import) becomes a choice; the choice made stays.
    choose(mentors, kMentorA2);
    const PeerMentor added{
        QStringLiteral("pm-a3"), kOrgA, kCoordA1, QStringLiteral("Nina Nilsen"), {}, {}, {}};
    QVERIFY(m_fixture->directory->addPeerMentor(Caller::system(), added).ok());
    QTRY_VERIFY(mentors->findData(added.id) > 0);
    QCOMPARE(mentors->currentData().toString(), kMentorA2);
    QCOMPARE(page.model()->filter().peerMentorId, kMentorA2);
}

void TestRecordsPage::filtersNarrowTheRows()
{
    RecordsPage page(m_fixture->services(), orgAdminA());
    RecordsModel *model = page.model();
    QLabel *count = page.findChild<QLabel *>(QStringLiteral("recordsCount"));
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);

    choose(combo(page, "mentorFilter"), kMentorA1);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(idsOf(*model), (QStringList{m_records[5].id, m_records[2].id, m_records[0].id}));
    QVERIFY2(count->text().startsWith(QLocale().toString(3) + QLatin1Char(' ')), qPrintable(count->text()));

    choose(combo(page, "eventFilter"), QStringLiteral("pause_activated"));
    QCOMPARE(idsOf(*model), (QStringList{m_records[5].id, m_records[0].id}));

    choose(combo(page, "coordinatorFilter"), kCoordA2);
    QCOMPARE(idsOf(*model), QStringList{m_records[5].id});
    QVERIFY2(count->text().startsWith(QLocale().toString(1) + QLatin1Char(' ')), qPrintable(count->text()));

    // Back to all mentors and events, then a range of sent dates: whole local days, both ends inclusive.
    choose(combo(page, "mentorFilter"), QString());
    choose(combo(page, "eventFilter"), QString());
    choose(combo(page, "coordinatorFilter"), QString());
    QCOMPARE(model->rowCount(), 5);
    auto *fromOn = page.findChild<QCheckBox *>(QStringLiteral("fromFilterEnabled"));
    auto *from = page.findChild<QDateEdit *>(QStringLiteral("fromFilter"));
    auto *toOn = page.findChild<QCheckBox *>(QStringLiteral("toFilterEnabled"));
    auto *to = page.findChild<QDateEdit *>(QStringLiteral("toFilter"));
    QVERIFY(fromOn && from && toOn && to);
    QVERIFY(!from->isEnabled());
    from->setDate(localDate(m_records[1].sentAt)); // "any" still: nothing changes
    QCOMPARE(model->rowCount(), 5);
    fromOn->setChecked(true);
    QVERIFY(from->isEnabled());
    QCOMPARE(idsOf(*model),
             (QStringList{m_records[5].id, m_records[4].id, m_records[2].id, m_records[1].id}));
    toOn->setChecked(true);
    to->setDate(localDate(m_records[2].sentAt));
    QCOMPARE(idsOf(*model), (QStringList{m_records[2].id, m_records[1].id}));
    QCOMPARE(model->filter().from, QDateTime(localDate(m_records[1].sentAt), QTime(0, 0)).toUTC());
    QCOMPARE(model->filter().to,
             QDateTime(localDate(m_records[2].sentAt).addDays(1), QTime(0, 0)).addMSecs(-1).toUTC());
    QVERIFY2(count->text().startsWith(QLocale().toString(2) + QLatin1Char(' ')), qPrintable(count->text()));

    // The range never runs backwards: a from past the to moves the to along.
    from->setDate(localDate(m_records[4].sentAt));
    QCOMPARE(to->date(), localDate(m_records[4].sentAt));
    QCOMPARE(idsOf(*model), QStringList{m_records[4].id});
    QVERIFY(!page.findChild<QLabel *>(QStringLiteral("recordsMessage"))->isVisible());
}

void TestRecordsPage::filtersAreRestoredByANewPage()
{
    const QDate fromDate = localDate(m_records[1].sentAt);
    {
        RecordsPage page(m_fixture->services(), orgAdminA());
        choose(combo(page, "mentorFilter"), kMentorA2);
        choose(combo(page, "eventFilter"), QStringLiteral("pause_deactivated"));
        choose(combo(page, "coordinatorFilter"), kCoordA1);
        page.findChild<QCheckBox *>(QStringLiteral("fromFilterEnabled"))->setChecked(true);
        page.findChild<QDateEdit *>(QStringLiteral("fromFilter"))->setDate(fromDate);
        QCOMPARE(idsOf(*page.model()), QStringList{m_records[4].id});
    }
    Settings &settings = *m_fixture->settings;
    QCOMPARE(settings.string(Settings::Key::RecordsMentorFilter), kMentorA2);
    QCOMPARE(settings.string(Settings::Key::RecordsEventFilter), QStringLiteral("pause_deactivated"));
    QCOMPARE(settings.string(Settings::Key::RecordsCoordinatorFilter), kCoordA1);
    QCOMPARE(settings.string(Settings::Key::RecordsFromFilter), fromDate.toString(Qt::ISODate));
    QCOMPARE(settings.string(Settings::Key::RecordsToFilter), QString());

    // A new page (the next start of the console) opens as the last one was left.
    RecordsPage again(m_fixture->services(), orgAdminA());
    QCOMPARE(combo(again, "mentorFilter")->currentData().toString(), kMentorA2);
    QCOMPARE(combo(again, "eventFilter")->currentData().toString(), QStringLiteral("pause_deactivated"));
    QCOMPARE(combo(again, "coordinatorFilter")->currentData().toString(), kCoordA1);
    QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("fromFilterEnabled"))->isChecked());
    QCOMPARE(again.findChild<QDateEdit *>(QStringLiteral("fromFilter"))->date(), fromDate);
    QVERIFY(!again.findChild<QCheckBox *>(QStringLiteral("toFilterEnabled"))->isChecked());
    QCOMPARE(again.model()->pagesFetched(), 1);
    QCOMPARE(idsOf(*again.model()), QStringList{m_records[4].id});

    // A remembered mentor the caller cannot see (another organisation's) falls back to "All".
    settings.setValue(Settings::Key::RecordsMentorFilter, kMentorB1);
    settings.setValue(Settings::Key::RecordsFromFilter, QString());
    RecordsPage other(m_fixture->services(), orgAdminA());
    QCOMPARE(combo(other, "mentorFilter")->currentIndex(), 0);
    QCOMPARE(other.model()->filter().peerMentorId, QString());
    QCOMPARE(idsOf(*other.model()), (QStringList{m_records[4].id, m_records[2].id}));
}

void TestRecordsPage::clearFilters()
{
    m_fixture->settings->setValue(Settings::Key::RecordsMentorFilter, kMentorA1);
    m_fixture->settings->setValue(Settings::Key::RecordsToFilter,
                                  localDate(m_records[2].sentAt).toString(Qt::ISODate));
    RecordsPage page(m_fixture->services(), orgAdminA());
    QCOMPARE(idsOf(*page.model()), (QStringList{m_records[2].id, m_records[0].id}));
    auto *clear = page.findChild<QPushButton *>(QStringLiteral("clearFilters"));
    QVERIFY(clear);
    clear->click();
    QCOMPARE(page.model()->rowCount(), 5);
    QCOMPARE(m_fixture->settings->string(Settings::Key::RecordsMentorFilter), QString());
    QCOMPARE(m_fixture->settings->string(Settings::Key::RecordsToFilter), QString());
}

void TestRecordsPage::oldestFirstByHeaderClick()
{
    addBulk(5000);
    RecordsPage page(m_fixture->services(), orgAdminA());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    RecordsModel *model = page.model();
    QHeaderView *header = page.view()->horizontalHeader();
    const auto clickSection = [header](int section) {
        const QPoint at(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                        header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    };

    clickSection(RecordsModel::SentAtColumn);
    QCOMPARE(model->order(), RecordOrder::OldestFirst);
    QCOMPARE(header->sortIndicatorSection(), int(RecordsModel::SentAtColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(page.findChild<QComboBox *>(QStringLiteral("sortOrder"))->currentData().toInt(),
             int(Qt::AscendingOrder));
    // The oldest of all first, and only pages of it read: sorting never loads the table.
    QCOMPARE(model->recordAt(0).id, QStringLiteral("nr_b%1").arg(0, 11, 16, QLatin1Char('0')));
    QVERIFY2(model->rowsFetched() <= 3 * model->pageSize(),
             qPrintable(QString::number(model->rowsFetched())));
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->recordAt(row - 1).sentAt <= model->recordAt(row).sentAt);
    // Scrolling to the end of what is loaded fetches the next page, in the same order.
    for (int i = 0; i < 3; ++i) {
        const int rows = model->rowCount();
        page.view()->scrollToBottom();
        QTRY_COMPARE(model->rowCount(), rows + model->pageSize());
    }
    QCOMPARE(model->rowsFetched(), qint64(model->rowCount()));
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->recordAt(row - 1).sentAt <= model->recordAt(row).sentAt);

    // A column that cannot be sorted does not pretend to: the arrow stays, the rows stay.
    const QStringList before = idsOf(*model);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    clickSection(RecordsModel::PeerMentorColumn);
    clickSection(RecordsModel::ChannelsColumn);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(idsOf(*model), before);
    QCOMPARE(header->sortIndicatorSection(), int(RecordsModel::SentAtColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);

    // And back: newest first.
    clickSection(RecordsModel::SentAtColumn);
    QCOMPARE(model->order(), RecordOrder::NewestFirst);
    QCOMPARE(model->recordAt(0).id, m_records[5].id);
}

void TestRecordsPage::oldestFirstByKeyboard()
{
    RecordsPage page(m_fixture->services(), coordinatorA());
    QComboBox *sort = page.findChild<QComboBox *>(QStringLiteral("sortOrder"));
    QVERIFY(sort);
    QVERIFY(!sort->accessibleName().isEmpty());
    sort->setCurrentIndex(sort->findData(int(Qt::AscendingOrder)));
    QCOMPARE(page.model()->order(), RecordOrder::OldestFirst);
    QCOMPARE(
        idsOf(*page.model()),
        (QStringList{m_records[0].id, m_records[1].id, m_records[2].id, m_records[4].id, m_records[5].id}));
    QCOMPARE(page.view()->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
}

// Every control of the page, date edits included, is reached with Tab, and Tab leaves each.
void TestRecordsPage::tabReachesEveryControl()
{
    m_fixture->settings->setValue(Settings::Key::RecordsFromFilter,
                                  localDate(m_records[0].sentAt).toString(Qt::ISODate));
    m_fixture->settings->setValue(Settings::Key::RecordsToFilter,
                                  localDate(m_records[5].sentAt).toString(Qt::ISODate));
    RecordsPage page(m_fixture->services(), globalAdmin());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QVERIFY(page.selectRecord(m_records[2].id)); // edit and delete enabled

    QList<QWidget *> controls;
    for (const char *name :
         {"mentorFilter", "eventFilter", "coordinatorFilter", "fromFilterEnabled", "fromFilter",
          "toFilterEnabled", "toFilter", "clearFilters", "sortOrder", "recordsView", "editRecordButton",
          "deleteRecordButton", "exportCsvButton", "refreshButton"}) {
        auto *w = page.findChild<QWidget *>(QString::fromLatin1(name));
        QVERIFY2(w, name);
        QVERIFY2(w->isEnabled(), name);
        QVERIFY2(!w->accessibleName().isEmpty(), name);
        controls << w;
    }
    controls.first()->setFocus(Qt::TabFocusReason);
    QSet<QWidget *> visited{controls.first()};
    for (int step = 0; step < 40; ++step) {
        QWidget *before = QApplication::focusWidget();
        QTest::keyClick(before, Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        QVERIFY2(now != before, qPrintable(before->objectName()));
        if (now == controls.first())
            break;
        visited << now;
    }
    for (QWidget *w : std::as_const(controls))
        QVERIFY2(visited.contains(w), qPrintable(w->objectName()));
}

// ---- what each role may do ------------------------------------------------------------------------

void TestRecordsPage::actionsFollowTheRole_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("edit");
    QTest::addColumn<bool>("remove");
    QTest::newRow("coordinator") << int(Role::Coordinator) << false << false;
    QTest::newRow("org admin") << int(Role::OrgAdmin) << true << false;
    QTest::newRow("global admin") << int(Role::GlobalAdmin) << true << true;
}

void TestRecordsPage::actionsFollowTheRole()
{
    QFETCH(int, role);
    QFETCH(bool, edit);
    QFETCH(bool, remove);
    const Caller caller = Role(role) == Role::Coordinator ? coordinatorA()
        : Role(role) == Role::OrgAdmin                    ? orgAdminA()
                                                          : globalAdmin();
    RecordsPage page(m_fixture->services(), caller);
    QCOMPARE(page.canEdit(), edit);
    QCOMPARE(page.canDelete(), remove);
    auto *editButton = page.findChild<QPushButton *>(QStringLiteral("editRecordButton"));
    auto *deleteButton = page.findChild<QPushButton *>(QStringLiteral("deleteRecordButton"));
    QVERIFY(editButton && deleteButton);

    // Nothing selected: nothing to do, and the buttons say why.
    QVERIFY(!editButton->isEnabled());
    QVERIFY(!deleteButton->isEnabled());
    QVERIFY(!editButton->toolTip().isEmpty());
    QVERIFY(!deleteButton->toolTip().isEmpty());

    QVERIFY(page.selectRecord(m_records[2].id));
    QCOMPARE(page.currentRecord()->id, m_records[2].id);
    QCOMPARE(editButton->isEnabled(), edit);
    QCOMPARE(deleteButton->isEnabled(), remove);
    if (!edit) {
        QVERIFY2(editButton->toolTip().contains(QLatin1String("admin")), qPrintable(editButton->toolTip()));
        QCOMPARE(editButton->accessibleDescription(), editButton->toolTip());
        QCOMPARE(page.editCurrent(), nullptr);
    }
    if (!remove) {
        QVERIFY2(deleteButton->toolTip().contains(QLatin1String("global admins")),
                 qPrintable(deleteButton->toolTip()));
        QCOMPARE(page.deleteCurrent(), nullptr);
    }
    QVERIFY(page.findChildren<RecordEditDialog *>().isEmpty());
    QVERIFY(page.findChildren<QMessageBox *>().isEmpty());
}

void TestRecordsPage::editSavesChannelsAndNotes()
{
    RecordsPage page(m_fixture->services(), orgAdminA());
    QVERIFY(page.selectRecord(m_records[2].id));
    RecordEditDialog *dialog = page.editCurrent();
    QVERIFY(dialog);
    QCOMPARE(dialog->record().id, m_records[2].id);
    auto *push = dialog->findChild<QCheckBox *>(QStringLiteral("channel_push"));
    auto *email = dialog->findChild<QCheckBox *>(QStringLiteral("channel_email"));
    auto *sms = dialog->findChild<QCheckBox *>(QStringLiteral("channel_sms"));
    auto *notes = dialog->findChild<QPlainTextEdit *>(QStringLiteral("notesEdit"));
    QVERIFY(push && email && sms && notes);
    // As stored: push and SMS, no notes.
    QVERIFY(push->isChecked());
    QVERIFY(sms->isChecked());
    QVERIFY(!email->isChecked());
    QCOMPARE(notes->toPlainText(), QString());

    QSignalSpy changed(page.model(), &QAbstractItemModel::dataChanged);
    sms->setChecked(false);
    email->setChecked(true);
    notes->setPlainText(QStringLiteral("Ringt opp i tillegg."));
    QPointer<RecordEditDialog> alive(dialog);
    dialog->findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
    QVERIFY(alive.isNull() || !alive->isVisible());
    QTRY_VERIFY(alive.isNull()); // deleted on close

    const auto stored = m_fixture->records->get(orgAdminA(), m_records[2].id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->channels, (QStringList{QStringLiteral("push"), QStringLiteral("email")}));
    QCOMPARE(stored->notes, std::optional<QString>(QStringLiteral("Ringt opp i tillegg.")));
    // The row shows it at once, without a reload.
    QCOMPARE(changed.count(), 1);
    const int row = page.model()->rowOf(m_records[2].id);
    QCOMPARE(page.model()->recordAt(row).channels, stored->channels);
}

void TestRecordsPage::editConflictIsShown()
{
    RecordsPage page(m_fixture->services(), globalAdmin());
    QVERIFY(page.selectRecord(m_records[4].id));
    RecordEditDialog *dialog = page.editCurrent();
    QVERIFY(dialog);
    QPointer<RecordEditDialog> alive(dialog);

    // Someone else (another console, the API) changes the record meanwhile.
    RecordUpdate other;
    other.notes = std::optional<QString>(QStringLiteral("Changed elsewhere"));
    m_fixture->clock.advance(1000);
    QVERIFY(m_fixture->records->update(orgAdminA(), m_records[4].id, other).ok());

    dialog->findChild<QPlainTextEdit *>(QStringLiteral("notesEdit"))->setPlainText(QStringLiteral("Mine"));
    dialog->accept();
    QVERIFY(!alive.isNull());
    QVERIFY(dialog->isVisible());
    const QString message = dialog->message();
    QVERIFY2(message.contains(ErrorMessages::heading(Error{ErrorCode::PreconditionFailed, {}, {}, 0})),
             qPrintable(message));
    QCOMPARE(m_fixture->records->get(orgAdminA(), m_records[4].id)->notes,
             std::optional<QString>(QStringLiteral("Changed elsewhere")));

    auto *reload = dialog->findChild<QPushButton *>(QStringLiteral("reloadButton"));
    QVERIFY(reload && reload->isVisible());
    reload->click();
    QCOMPARE(dialog->findChild<QPlainTextEdit *>(QStringLiteral("notesEdit"))->toPlainText(),
             QStringLiteral("Changed elsewhere"));
    QVERIFY(dialog->message().isEmpty());
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("notesEdit"))
        ->setPlainText(QStringLiteral("Mine, after all"));
    dialog->accept();
    QTRY_VERIFY(alive.isNull());
    QCOMPARE(m_fixture->records->get(orgAdminA(), m_records[4].id)->notes,
             std::optional<QString>(QStringLiteral("Mine, after all")));
}

void TestRecordsPage::editRefusesNoChannel()
{
    RecordsPage page(m_fixture->services(), orgAdminA());
    QVERIFY(page.selectRecord(m_records[0].id));
    RecordEditDialog *dialog = page.editCurrent();
    QVERIFY(dialog);
    for (QCheckBox *box : dialog->findChildren<QCheckBox *>())
        box->setChecked(false);
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->message().isEmpty());
    QCOMPARE(m_fixture->records->get(orgAdminA(), m_records[0].id)->channels, m_records[0].channels);
    dialog->reject();
}

void TestRecordsPage::deleteAfterConfirmation()
{
    RecordsPage page(m_fixture->services(), globalAdmin());
    const QString id = m_records[3].id; // B's: a global admin sees every organisation
    QVERIFY(page.selectRecord(id));

    // Cancel keeps it.
    QMessageBox *box = page.deleteCurrent();
    QVERIFY(box);
    QCOMPARE(box->objectName(), QStringLiteral("deleteConfirmation"));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QPointer<QMessageBox> alive(box);
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(alive.isNull());
    QVERIFY(m_fixture->records->get(globalAdmin(), id).ok());
    QVERIFY(page.model()->rowOf(id) >= 0);

    // Confirmed, it goes: from the database and from the table.
    QSignalSpy removed(page.model(), &QAbstractItemModel::rowsRemoved);
    box = page.deleteCurrent();
    QVERIFY(box);
    alive = box;
    box->findChild<QPushButton *>(QStringLiteral("confirmDeleteButton"))->click();
    QTRY_VERIFY(alive.isNull());
    QCOMPARE(m_fixture->records->get(globalAdmin(), id).error().code, ErrorCode::NotFound);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(page.model()->rowOf(id), -1);
    QTRY_VERIFY(page.findChild<QLabel *>(QStringLiteral("recordsCount"))
                    ->text()
                    .startsWith(QLocale().toString(5) + QLatin1Char(' ')));
}

// ---- export -----------------------------------------------------------------------------------------

void TestRecordsPage::exportWritesEveryMatchingRow()
{
    addBulk(4321);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("records.csv"));
    RecordsPage page(m_fixture->services(), orgAdminA());
    choose(combo(page, "eventFilter"), QStringLiteral("pause_deactivated"));
    QCOMPARE(page.model()->pagesFetched(), 1);
    QSignalSpy status(&page, &ConsolePage::statusMessage);
    QVERIFY(page.exportCsv(file));
    QCOMPARE(status.count(), 1);

    // Every record the filter matches, in the table's order, not only the rows loaded.
    std::optional<RecordKey> after;
    QList<NotificationRecord> expected;
    for (;;) {
        const auto window = m_fixture->records->windowAfter(orgAdminA(), page.model()->filter(), after, 1000);
        QVERIFY(window.ok());
        expected << *window;
        if (window->size() < 1000)
            break;
        after = NotificationRecordService::keyOf(window->constLast());
    }
    QVERIFY(expected.size() > 2000);
    const QList<QStringList> rows = csvRowsOfFile(file);
    QCOMPARE(rows.size(), expected.size() + 1);
    const QStringList header = rows.first();
    QCOMPARE(header.first(), QStringLiteral("Sent at"));
    const qsizetype idColumn = header.indexOf(QStringLiteral("Record id"));
    const qsizetype notesColumn = header.indexOf(QStringLiteral("Notes"));
    const qsizetype mentorColumn = header.indexOf(QStringLiteral("Peer mentor"));
    const qsizetype eventColumn = header.indexOf(QStringLiteral("Event"));
    QVERIFY(idColumn > 0 && notesColumn > 0 && mentorColumn > 0 && eventColumn > 0);
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QStringList &row = rows.at(i + 1);
        const NotificationRecord &r = expected.at(i);
        QCOMPARE(row.size(), header.size());
        QCOMPARE(row.at(idColumn), r.id);
        QCOMPARE(row.at(eventColumn), QStringLiteral("Pause ended"));
        QCOMPARE(row.at(mentorColumn), r.peerMentorName);
        // Text a spreadsheet would run as a formula is defused; quotes, commas and lines survive.
        if (r.notes)
            QCOMPARE(row.at(notesColumn), QLatin1Char('\'') + *r.notes);
    }
    QCOMPARE(rows.at(1).at(0),
             expected.first().sentAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

void TestRecordsPage::exportOfManyRowsKeepsTheWindowLiveAndCancels()
{
    constexpr int kMany = 100000;
    addBulk(kMany);
    QTemporaryDir dir;
    RecordsPage page(m_fixture->services(), orgAdminA());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    // The window keeps handling events while the export runs on its thread.
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(20);
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start();
    const QString all = dir.filePath(QStringLiteral("all.csv"));
    QVERIFY(page.exportCsv(all));
    ticker.stop();
    QVERIFY2(ticks > 0, "the UI thread did not run during the export");
    QFile written(all);
    QVERIFY(written.open(QIODevice::ReadOnly));
    qint64 lines = 0;
    QByteArray last;
    while (!written.atEnd()) {
        const QByteArray line = written.readLine();
        if (!line.trimmed().isEmpty())
            last = line;
        lines += line.endsWith("\r\n") ? 1 : 0; // a record ends in CRLF; the notes' line breaks are LF
    }
    QCOMPARE(lines, qint64(kMany + 5 + 1));                       // bulk, init()'s five of A, the header
    QVERIFY2(last.contains("nr_b00000000000"), last.constData()); // newest first: the oldest last
    // The model still holds a page or so: the export did not go through it.
    QVERIFY(page.model()->rowCount() < 1000);

    // Cancel leaves no file.
    const QString cancelled = dir.filePath(QStringLiteral("cancelled.csv"));
    QTimer::singleShot(0, &page, [&page] {
        auto *progress = page.findChild<QProgressDialog *>();
        QVERIFY(progress);
        const QList<QPushButton *> buttons = progress->findChildren<QPushButton *>();
        QVERIFY(!buttons.isEmpty());
        buttons.first()->click();
    });
    QSignalSpy status(&page, &ConsolePage::statusMessage);
    QVERIFY(!page.exportCsv(cancelled));
    QVERIFY(!QFile::exists(cancelled));
    QCOMPARE(status.count(), 1);
    QVERIFY(dir.isValid());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("all.csv")});
}

CC_UI_TEST_MAIN(TestRecordsPage)
#include "tst_recordspage.moc"
