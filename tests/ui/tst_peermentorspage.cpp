#include "tests/ui/ConsoleFixture.h"
#include "ui/common/DisplayText.h"
#include "ui/peermentors/EraseMentorDialog.h"
#include "ui/peermentors/HistoryExport.h"
#include "ui/peermentors/HistoryModel.h"
#include "ui/peermentors/ImportDialog.h"
#include "ui/peermentors/MentorDialog.h"
#include "ui/peermentors/PeerMentorsModel.h"
#include "ui/peermentors/PeerMentorsPage.h"
#include "ui/peermentors/PersonalDataReport.h"
#include "ui/peermentors/RecordEventDialog.h"
#include "ui/peermentors/RetentionDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QTreeView>

#include <functional>
#include <memory>

using namespace cc;
using namespace cc::test::ui;

namespace {

// The focusable widgets under `root` that have no accessible name, as "Class/objectName".
QStringList unnamedFocusable(const QWidget *root)
{
    QStringList out;
    for (const QWidget *w : root->findChildren<QWidget *>()) {
        if (w->focusPolicy() == Qt::NoFocus || !w->accessibleName().trimmed().isEmpty())
            continue;
        // The line edit inside a date edit is named through its owner.
        if (qobject_cast<const QAbstractSpinBox *>(w->parentWidget()))
            continue;
        // So is a combo box's own list (Qt 6.8 lets findChildren see it; Tab never reaches it).
        if (w->inherits("QComboBoxListView"))
            continue;
        out << QString::fromLatin1(w->metaObject()->className()) + QLatin1Char('/') + w->objectName();
    }
    return out;
}

} // namespace

class TestPeerMentorsPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsTheCallersMentorsOnly();
    void firstMentorIsShownOnOpen();
    void searchNarrowsTheListAndIsRemembered();
    void listSortsByColumn();
    void selectingShowsProfileAndHistory();
    void dialogRendersThePayloadsLive();
    void recordingAPauseThroughTheDialog();
    void recordingAResumeThroughThePageButton();
    void refusalKeepsTheDialogOpen();
    void globalAdminMayNotRecord();
    void recordFromAnotherThreadShowsLive();
    void csvExportWritesHeaderAndRows();
    void pdfExportWritesAPdf();
    void addEditAndDeactivateAMentor();
    void coordinatorEditsOnlyHerOwnMentorsContacts();
    void moveSeveralToAnotherCoordinator();
    void importShowsAPreviewFirst();
    void importNamesABadEncodingAndOffersWindows1252();
    void personalDataActionsFollowTheRole();
    void exportPersonalDataWritesPdfAndJson();
    void eraseButtonOnlyForHerName_data();
    void eraseButtonOnlyForHerName();
    void erasingThroughTheDialog();
    void retentionRulesPreviewedThenSaved();
    void everyInteractiveWidgetHasAName();
    void buttonsAreNotClippedAtTheWindowSize();
    void tabReachesEveryControl();

private:
    NotificationRecord add(const Caller &caller, const QString &mentor, const QString &coordinator,
                           EventType type, const QDateTime &effective,
                           const QString &reason = QStringLiteral("Ferie"));
    std::unique_ptr<PeerMentorsPage> page(const Caller &caller);
    static QTreeView *list(PeerMentorsPage &page);
    static QTreeView *timeline(PeerMentorsPage &page);
    static QString label(PeerMentorsPage &page, const char *name);
    static QStringList listedIds(PeerMentorsPage &page);
    static QString statusShown(PeerMentorsPage &page, const QString &mentor);

    std::unique_ptr<ConsoleFixture> m_fixture;
};

void TestPeerMentorsPage::init()
{
    m_fixture = std::make_unique<ConsoleFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
}

void TestPeerMentorsPage::cleanup()
{
    m_fixture.reset();
}

NotificationRecord TestPeerMentorsPage::add(const Caller &caller, const QString &mentor,
                                            const QString &coordinator, EventType type,
                                            const QDateTime &effective, const QString &reason)
{
    m_fixture->clock.advance(kMinute);
    NewRecord input = newRecord(mentor, coordinator, type, effective);
    input.reason = reason;
    const auto added = m_fixture->records->record(caller, input);
    if (!added)
        qWarning("record() failed: %s", qPrintable(added.error().message));
    return added ? *added : NotificationRecord();
}

std::unique_ptr<PeerMentorsPage> TestPeerMentorsPage::page(const Caller &caller)
{
    return std::make_unique<PeerMentorsPage>(m_fixture->services(), caller);
}

QTreeView *TestPeerMentorsPage::list(PeerMentorsPage &page)
{
    return page.findChild<QTreeView *>(QStringLiteral("mentorsView"));
}

QTreeView *TestPeerMentorsPage::timeline(PeerMentorsPage &page)
{
    return page.findChild<QTreeView *>(QStringLiteral("timelineView"));
}

QString TestPeerMentorsPage::label(PeerMentorsPage &page, const char *name)
{
    const auto *found = page.findChild<QLabel *>(QString::fromLatin1(name));
    return found ? found->text() : QStringLiteral("<no label %1>").arg(QString::fromLatin1(name));
}

QStringList TestPeerMentorsPage::listedIds(PeerMentorsPage &page)
{
    QStringList ids;
    const QAbstractItemModel *model = list(page)->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, 0).data(PeerMentorsModel::IdRole).toString();
    return ids;
}

QString TestPeerMentorsPage::statusShown(PeerMentorsPage &page, const QString &mentor)
{
    const QAbstractItemModel *model = list(page)->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(PeerMentorsModel::IdRole).toString() == mentor)
            return model->index(row, PeerMentorsModel::StatusColumn)
                .data(PeerMentorsModel::RawRole)
                .toString();
    return {};
}

void TestPeerMentorsPage::listsTheCallersMentorsOnly()
{
    auto a = page(coordinatorA());
    QStringList ids = listedIds(*a);
    ids.sort();
    QCOMPARE(ids, (QStringList{kMentorA1, kMentorA2}));
    QVERIFY(!a->selectMentor(kMentorB1));

    auto b = page(coordinatorB());
    QCOMPARE(listedIds(*b), QStringList{kMentorB1});
    QVERIFY(!b->selectMentor(kMentorA1));
    QCOMPARE(b->selectedMentorId(), kMentorB1);
}

void TestPeerMentorsPage::firstMentorIsShownOnOpen()
{
    auto p = page(coordinatorA());
    QTreeView *view = list(*p);
    QVERIFY(view->currentIndex().isValid());
    QCOMPARE(view->currentIndex().row(), 0);
    QCOMPARE(p->selectedMentorId(), view->model()->index(0, 0).data(PeerMentorsModel::IdRole).toString());
    QCOMPARE(p->findChild<QStackedWidget *>(QStringLiteral("mentorDetails"))->currentIndex(), 1);
    QCOMPARE(label(*p, "mentorsCount"), PeerMentorsPage::tr("%n peer mentor(s)", nullptr, 2));

    // A caller with no mentors gets a clear placeholder instead of an empty half.
    const Caller empty{
        QStringLiteral("u"), QStringLiteral("u"), Role::OrgAdmin, QStringLiteral("org-none"), {}};
    auto none = page(empty);
    QVERIFY(none->selectedMentorId().isEmpty());
    QCOMPARE(none->findChild<QStackedWidget *>(QStringLiteral("mentorDetails"))->currentIndex(), 0);
    QVERIFY(!label(*none, "mentorPlaceholder").isEmpty());
    QVERIFY(!none->findChild<QPushButton *>(QStringLiteral("exportCsvButton"))->isEnabled());
    QVERIFY(!none->findChild<QPushButton *>(QStringLiteral("recordPauseButton"))->isEnabled());
}

void TestPeerMentorsPage::searchNarrowsTheListAndIsRemembered()
{
    auto p = page(coordinatorA());
    auto *search = p->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(search);
    search->setText(QStringLiteral("Per"));
    QTRY_COMPARE(listedIds(*p), QStringList{kMentorA2});
    QCOMPARE(p->selectedMentorId(), kMentorA2);
    QCOMPARE(label(*p, "profileName"), QStringLiteral("Per Hansen"));
    QCOMPARE(m_fixture->settings->string(Settings::Key::PeerMentorsSearch), QStringLiteral("Per"));

    // Email matches too (as the API's search does).
    search->setText(QStringLiteral("ase@a.example"));
    QTRY_COMPARE(listedIds(*p), QStringList{kMentorA1});
    QCOMPARE(p->selectedMentorId(), kMentorA1);

    // Nothing matches: the placeholder says so; the actions are off.
    search->setText(QStringLiteral("nobody-like-this"));
    QTRY_VERIFY(listedIds(*p).isEmpty());
    QVERIFY(p->selectedMentorId().isEmpty());
    QCOMPARE(p->findChild<QStackedWidget *>(QStringLiteral("mentorDetails"))->currentIndex(), 0);
    QVERIFY(label(*p, "mentorPlaceholder").contains(QStringLiteral("nobody-like-this")));

    // A new page opens with the remembered search.
    search->setText(QStringLiteral("Hansen"));
    QTRY_COMPARE(listedIds(*p), QStringList{kMentorA2});
    auto again = page(coordinatorA());
    QCOMPARE(again->findChild<QLineEdit *>(QStringLiteral("searchEdit"))->text(), QStringLiteral("Hansen"));
    QCOMPARE(listedIds(*again), QStringList{kMentorA2});
}

void TestPeerMentorsPage::listSortsByColumn()
{
    add(coordinatorA(), kMentorA2, kCoordA2, EventType::PauseActivated, day(-3));
    auto p = page(coordinatorA());
    QTreeView *view = list(*p);
    view->sortByColumn(PeerMentorsModel::StatusColumn, Qt::AscendingOrder);
    const QString first = view->model()->index(0, PeerMentorsModel::StatusColumn).data().toString();
    const QString second = view->model()->index(1, PeerMentorsModel::StatusColumn).data().toString();
    QVERIFY(QString::localeAwareCompare(first, second) <= 0);
    view->sortByColumn(PeerMentorsModel::NameColumn, Qt::DescendingOrder);
    QVERIFY(QString::localeAwareCompare(view->model()->index(0, 0).data().toString(),
                                        view->model()->index(1, 0).data().toString())
            >= 0);
    // The paused mentor carries the Paused glyph in the status column.
    const int row = view->model()->index(0, 0).data(PeerMentorsModel::IdRole).toString() == kMentorA2 ? 0 : 1;
    QVERIFY(!view->model()
                 ->index(row, PeerMentorsModel::StatusColumn)
                 .data(Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
    QCOMPARE(
        view->model()->index(row, PeerMentorsModel::StatusColumn).data(PeerMentorsModel::RawRole).toString(),
        QStringLiteral("paused"));

    // By keyboard: the sort combo sorts as the header does, and follows the header.
    auto *combo = p->findChild<QComboBox *>(QStringLiteral("sortCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toInt(), int(PeerMentorsModel::NameColumn));
    combo->setCurrentIndex(combo->findData(int(PeerMentorsModel::PausedSinceColumn)));
    emit combo->activated(combo->currentIndex());
    QCOMPARE(view->header()->sortIndicatorSection(), int(PeerMentorsModel::PausedSinceColumn));
    QCOMPARE(view->model()->index(0, 0).data(PeerMentorsModel::IdRole).toString(),
             kMentorA2); // the one paused
    view->sortByColumn(PeerMentorsModel::CoordinatorColumn, Qt::AscendingOrder);
    QCOMPARE(combo->currentData().toInt(), int(PeerMentorsModel::CoordinatorColumn));
}

void TestPeerMentorsPage::selectingShowsProfileAndHistory()
{
    const NotificationRecord pause = add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated,
                                         day(-10), QStringLiteral("Sykdom"));
    const NotificationRecord resume =
        add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseDeactivated, day(-2));
    add(coordinatorA(), kMentorA2, kCoordA2, EventType::PauseActivated, day(-1));

    auto p = page(coordinatorA());
    QVERIFY(p->selectMentor(kMentorA2));
    QCOMPARE(label(*p, "profileStatus"), DisplayText::status(PauseStatus::Paused));
    QCOMPARE(label(*p, "profilePausedSince"), DisplayText::date(day(-1)));

    QVERIFY(p->selectMentor(kMentorA1));
    QCOMPARE(p->selectedMentorId(), kMentorA1);
    QCOMPARE(label(*p, "profileName"), QStringLiteral("Åse Ødegård"));
    QCOMPARE(label(*p, "profileId"), kMentorA1);
    QCOMPARE(label(*p, "profileCoordinator"), QStringLiteral("Kari Koordinator"));
    QCOMPARE(label(*p, "profileEmail"), QStringLiteral("ase@a.example"));
    QCOMPARE(label(*p, "profilePhone"), PeerMentorsPage::tr("Not given"));
    QCOMPARE(label(*p, "profileStatus"), DisplayText::status(PauseStatus::Active));

    const QAbstractItemModel *history = timeline(*p)->model();
    QCOMPARE(history->rowCount(), 2);
    QCOMPARE(history->index(0, 0).data(HistoryModel::IdRole).toString(), resume.id); // newest first
    QCOMPARE(history->index(1, 0).data(HistoryModel::IdRole).toString(), pause.id);
    QCOMPARE(history->index(1, HistoryModel::EventColumn).data().toString(),
             DisplayText::event(EventType::PauseActivated));
    QCOMPARE(history->index(1, HistoryModel::EffectiveDateColumn).data().toString(),
             DisplayText::date(day(-10)));
    QCOMPARE(history->index(1, HistoryModel::ReasonColumn).data().toString(), QStringLiteral("Sykdom"));
    QCOMPARE(history->index(1, HistoryModel::SentAtColumn).data().toString(),
             DisplayText::dateTime(pause.sentAt));
    QVERIFY(!history->index(1, HistoryModel::EventColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    // Channels are drawn as icons; their names stay the cell's text and tooltip for screen readers.
    const QString channelWords = DisplayText::channels({QStringLiteral("push"), QStringLiteral("sms")});
    QCOMPARE(history->index(1, HistoryModel::ChannelsColumn).data().toString(), channelWords);
    QCOMPARE(history->index(1, HistoryModel::ChannelsColumn).data(Qt::ToolTipRole).toString(), channelWords);
    QVERIFY(timeline(*p)->itemDelegateForColumn(HistoryModel::ChannelsColumn));
    QVERIFY(label(*p, "timelineNote").contains(QLatin1Char('2')));
}

void TestPeerMentorsPage::dialogRendersThePayloadsLive()
{
    auto profile = m_fixture->records->profile(coordinatorA(), kMentorA2);
    QVERIFY(profile);
    RecordEventDialog dialog(m_fixture->services(), coordinatorA(), *profile, EventType::PauseActivated);
    const auto text = [&dialog](const char *name) {
        return dialog.findChild<QLabel *>(QString::fromLatin1(name))->text();
    };
    // Organisation A speaks Norwegian (the default locale): the nb built-ins.
    QCOMPARE(text("coordinatorPreviewTitle"),
             QStringLiteral("Likeperson på pause – melding til koordinator"));
    QVERIFY2(text("coordinatorPreviewBody").contains(QStringLiteral("Per Hansen")),
             qPrintable(text("coordinatorPreviewBody")));
    QVERIFY2(text("mentorPreviewBody").contains(QStringLiteral("Per Hansen")),
             qPrintable(text("mentorPreviewBody")));
    QVERIFY2(text("mentorPreviewBody").contains(QStringLiteral("Ola Koordinator")),
             qPrintable(text("mentorPreviewBody")));
    QVERIFY(!text("coordinatorPreviewBody").contains(QStringLiteral("Årsak")));

    auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("reasonEdit"));
    QVERIFY(reason);
    QCOMPARE(reason->maxLength(), NotificationRecordService::kMaxReason);
    reason->setText(QStringLiteral("Sykdom i familien"));
    QTRY_VERIFY(text("coordinatorPreviewBody").contains(QStringLiteral("Årsak: Sykdom i familien")));

    auto *date = dialog.findChild<QDateEdit *>(QStringLiteral("effectiveDateEdit"));
    QCOMPARE(date->date(), m_fixture->clock.now().toLocalTime().date());
    date->setDate(QDate(2026, 11, 24));
    QTRY_VERIFY2(text("coordinatorPreviewBody").contains(QStringLiteral("24. november 2026")),
                 qPrintable(text("coordinatorPreviewBody")));

    // A resume has no reason field and renders the resume templates.
    RecordEventDialog resume(m_fixture->services(), coordinatorA(), *profile, EventType::PauseDeactivated);
    QVERIFY(!resume.findChild<QLineEdit *>(QStringLiteral("reasonEdit")));
    QCOMPARE(resume.findChild<QLabel *>(QStringLiteral("coordinatorPreviewTitle"))->text(),
             QStringLiteral("Likeperson tilbake – melding til koordinator"));
    QVERIFY(resume.findChild<QLabel *>(QStringLiteral("mentorPreviewBody"))
                ->text()
                .contains(QStringLiteral("Per Hansen")));
}

void TestPeerMentorsPage::recordingAPauseThroughTheDialog()
{
    auto p = page(coordinatorA());
    QVERIFY(p->selectMentor(kMentorA2));
    QCOMPARE(timeline(*p)->model()->rowCount(), 0);
    QCOMPARE(statusShown(*p, kMentorA2), QStringLiteral("active"));

    auto profile = m_fixture->records->profile(coordinatorA(), kMentorA2);
    QVERIFY(profile);
    RecordEventDialog dialog(m_fixture->services(), coordinatorA(), *profile, EventType::PauseActivated);
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonEdit"))
        ->setText(QStringLiteral("Personlig permisjon"));
    dialog.findChild<QCheckBox *>(QStringLiteral("channel_in_app"))->setChecked(false);
    dialog.findChild<QCheckBox *>(QStringLiteral("channel_email"))->setChecked(true);
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("notesEdit"))
        ->setPlainText(QStringLiteral("Ringte inn."));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const NotificationRecord &r = dialog.recorded();
    QVERIFY(!r.id.isEmpty());
    QCOMPARE(r.peerMentorId, kMentorA2);
    QCOMPARE(r.eventType, EventType::PauseActivated);
    QCOMPARE(r.coordinatorId, kCoordA2);
    QCOMPARE(r.reason.value_or(QString()), QStringLiteral("Personlig permisjon"));
    QCOMPARE(r.channels, (QStringList{QStringLiteral("push"), QStringLiteral("email")}));
    QCOMPARE(r.notes.value_or(QString()), QStringLiteral("Ringte inn."));
    QCOMPARE(r.effectiveDate, QDateTime(m_fixture->clock.now().toLocalTime().date(), QTime(0, 0), Qt::UTC));
    // Stored, as the API would answer it.
    auto stored = m_fixture->records->get(coordinatorA(), r.id);
    QVERIFY(stored);
    QCOMPARE(stored->createdBy, coordinatorA().username);

    // Both payloads were built from the templates.
    QCOMPARE(dialog.payloads().size(), 2);
    QCOMPARE(dialog.payloads().at(0).payloadType, QStringLiteral("coordinator_pause"));
    QCOMPARE(dialog.payloads().at(1).payloadType, QStringLiteral("peer_mentor_pause_confirmation"));
    QVERIFY(dialog.payloads().at(0).body.contains(QStringLiteral("Per Hansen")));
    QVERIFY(dialog.payloads().at(0).body.contains(QStringLiteral("Personlig permisjon")));
    QVERIFY(m_fixture->payloads->payload(coordinatorA(), dialog.payloads().at(1).id));

    // The page follows without a refresh.
    QTRY_COMPARE(statusShown(*p, kMentorA2), QStringLiteral("paused"));
    QTRY_COMPARE(label(*p, "profileStatus"), DisplayText::status(PauseStatus::Paused));
    QTRY_COMPARE(timeline(*p)->model()->rowCount(), 1);
    QCOMPARE(timeline(*p)->model()->index(0, 0).data(HistoryModel::IdRole).toString(), r.id);
    QCOMPARE(timeline(*p)->model()->index(0, HistoryModel::ReasonColumn).data().toString(),
             QStringLiteral("Personlig permisjon"));
}

void TestPeerMentorsPage::recordingAResumeThroughThePageButton()
{
    add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(-4));
    auto p = page(coordinatorA());
    QVERIFY(p->selectMentor(kMentorA1));
    QCOMPARE(statusShown(*p, kMentorA1), QStringLiteral("paused"));
    auto *button = p->findChild<QPushButton *>(QStringLiteral("recordResumeButton"));
    QVERIFY(button && button->isEnabled());

    bool filled = false;
    QTimer poll;
    poll.setInterval(10);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<RecordEventDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll.stop();
        // Checked after exec() returns: a failed check in here would leave the dialog open.
        filled = !dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit"))
            && dialog->findChild<QLabel *>(QStringLiteral("mentorPreviewBody"))
                   ->text()
                   .contains(QStringLiteral("Åse Ødegård"));
        dialog->findChild<QPushButton *>(QStringLiteral("recordButton"))->click();
    });
    poll.start();
    m_fixture->clock.advance(kMinute); // sent after the pause, so it is the newest
    QSignalSpy messages(p.get(), &ConsolePage::statusMessage);
    button->click();
    QVERIFY(filled);
    QCOMPARE(messages.size(), 1);
    QTRY_COMPARE(statusShown(*p, kMentorA1), QStringLiteral("active"));
    QTRY_COMPARE(timeline(*p)->model()->rowCount(), 2);
    QCOMPARE(
        timeline(*p)->model()->index(0, HistoryModel::EventColumn).data(HistoryModel::RawRole).toString(),
        QStringLiteral("pause_deactivated"));
}

void TestPeerMentorsPage::refusalKeepsTheDialogOpen()
{
    auto profile = m_fixture->records->profile(coordinatorA(), kMentorA1);
    QVERIFY(profile);
    RecordEventDialog dialog(m_fixture->services(), coordinatorA(), *profile, EventType::PauseActivated);
    auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("reasonEdit"));
    reason->setText(QStringLiteral("Ferie"));
    for (QCheckBox *check : dialog.findChildren<QCheckBox *>())
        check->setChecked(false);
    dialog.accept();
    QVERIFY(dialog.result() != QDialog::Accepted);
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("recordMessage"));
    QVERIFY(!message->isHidden());
    QVERIFY(!message->text().isEmpty());
    QCOMPARE(reason->text(), QStringLiteral("Ferie"));
    QCOMPARE(*m_fixture->records->count(coordinatorA(), {}), qint64(0));

    // A refusal by the services (here: the mentor is of another organisation than the caller) is
    // shown in the dialog with ErrorMessages' words; what was typed stays.
    RecordEventDialog foreign(m_fixture->services(), coordinatorB(), *profile, EventType::PauseActivated);
    foreign.findChild<QLineEdit *>(QStringLiteral("reasonEdit"))->setText(QStringLiteral("Ferie"));
    foreign.accept();
    QVERIFY(foreign.result() != QDialog::Accepted);
    auto *foreignMessage = foreign.findChild<QLabel *>(QStringLiteral("recordMessage"));
    QVERIFY(!foreignMessage->isHidden());
    QCOMPARE(foreign.findChild<QLineEdit *>(QStringLiteral("reasonEdit"))->text(), QStringLiteral("Ferie"));
    QCOMPARE(*m_fixture->records->count(coordinatorA(), {}), qint64(0));
}

void TestPeerMentorsPage::globalAdminMayNotRecord()
{
    auto admin = page(globalAdmin());
    QVERIFY(!admin->canRecord());
    QVERIFY(admin->selectMentor(kMentorB1)); // sees every organisation
    QVERIFY(!admin->findChild<QPushButton *>(QStringLiteral("recordPauseButton"))->isEnabled());
    QVERIFY(!admin->findChild<QPushButton *>(QStringLiteral("recordResumeButton"))->isEnabled());
    QVERIFY(admin->findChild<QPushButton *>(QStringLiteral("exportCsvButton"))->isEnabled());
    QVERIFY(admin->findChild<QPushButton *>(QStringLiteral("exportPdfButton"))->isEnabled());
    QVERIFY(!admin->recordEvent(EventType::PauseActivated));

    for (const Caller &caller : {coordinatorA(), orgAdminA()}) {
        auto p = page(caller);
        QVERIFY(p->canRecord());
        QVERIFY(p->findChild<QPushButton *>(QStringLiteral("recordPauseButton"))->isEnabled());
        QVERIFY(p->findChild<QPushButton *>(QStringLiteral("recordResumeButton"))->isEnabled());
    }
}

void TestPeerMentorsPage::recordFromAnotherThreadShowsLive()
{
    auto p = page(coordinatorA());
    QVERIFY(p->selectMentor(kMentorA1));
    QCOMPARE(timeline(*p)->model()->rowCount(), 0);
    bool ok = false;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        ok = m_fixture->records
                 ->record(coordinatorA(), newRecord(kMentorA1, kCoordA1, EventType::PauseActivated, day(-1)))
                 .ok();
    }));
    thread->start();
    QVERIFY(thread->wait(10000));
    QVERIFY(ok);
    QTRY_COMPARE(timeline(*p)->model()->rowCount(), 1);
    QTRY_COMPARE(statusShown(*p, kMentorA1), QStringLiteral("paused"));
    QTRY_COMPARE(label(*p, "profileStatus"), DisplayText::status(PauseStatus::Paused));
    // Another organisation's record changes nothing here.
    add(coordinatorB(), kMentorB1, kCoordB1, EventType::PauseActivated, day(-1));
    QCoreApplication::processEvents();
    QCOMPARE(listedIds(*p).size(), 2);
    QCOMPARE(timeline(*p)->model()->rowCount(), 1);
}

void TestPeerMentorsPage::csvExportWritesHeaderAndRows()
{
    const NotificationRecord first = add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated,
                                         day(-10), QStringLiteral("Ferie, \"lang\" tur"));
    const NotificationRecord second = add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseDeactivated,
                                          day(-2), QStringLiteral("=SUM(A1)"));
    add(coordinatorA(), kMentorA2, kCoordA2, EventType::PauseActivated, day(-1));

    auto p = page(coordinatorA());
    QVERIFY(p->selectMentor(kMentorA1));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("history.csv"));
    QSignalSpy messages(p.get(), &ConsolePage::statusMessage);
    QVERIFY(p->exportHistory(HistoryExport::Format::Csv, file));
    QCOMPARE(messages.size(), 1);

    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> rows = csvRows(bytes);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0), HistoryExport::headers());
    // Newest first, as the timeline.
    QCOMPARE(rows.at(1).at(0), DisplayText::event(EventType::PauseDeactivated));
    QCOMPARE(rows.at(1).at(1), day(-2).date().toString(Qt::ISODate));
    QCOMPARE(rows.at(1).at(2), QStringLiteral("'=SUM(A1)")); // never run as a formula
    QCOMPARE(rows.at(2).at(0), DisplayText::event(EventType::PauseActivated));
    QCOMPARE(rows.at(2).at(1), day(-10).date().toString(Qt::ISODate));
    QCOMPARE(rows.at(2).at(2), QStringLiteral("Ferie, \"lang\" tur"));
    QCOMPARE(rows.at(2).at(3), DisplayText::channels(first.channels));
    QCOMPARE(rows.at(2).at(4), QStringLiteral("Kari Koordinator"));
    QCOMPARE(rows.at(2).at(7), coordinatorA().username);
    Q_UNUSED(second)
}

void TestPeerMentorsPage::pdfExportWritesAPdf()
{
    add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(-10));
    auto p = page(coordinatorA());
    QVERIFY(p->selectMentor(kMentorA1));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("history.pdf"));
    QVERIFY(p->exportHistory(HistoryExport::Format::Pdf, file));
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QVERIFY(in.read(5).startsWith("%PDF"));
    QVERIFY(in.size() > 1000);

    // Nothing selected: nothing written.
    const QString none = dir.filePath(QStringLiteral("none.pdf"));
    auto empty = page(
        Caller{QStringLiteral("u"), QStringLiteral("u"), Role::Coordinator, QStringLiteral("org-none"), {}});
    QVERIFY(!empty->exportHistory(HistoryExport::Format::Pdf, none));
    QVERIFY(!QFile::exists(none));

    QCOMPARE(HistoryExport::suggestedFileName(QStringLiteral("Åse Ødegård"), HistoryExport::Format::Pdf,
                                              QDate(2026, 3, 19)),
             QStringLiteral("history-åse-ødegård-2026-03-19.pdf"));
}

// Runs `fill` on the next modal dialog, as a person at the desk would fill it in.
static void whenDialogOpens(QObject *context, const std::function<void(QDialog *)> &fill)
{
    QTimer::singleShot(0, context, [fill] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        fill(dialog);
        // A check that failed inside `fill` returned early: close the dialog, so the test ends.
        if (dialog->isVisible())
            dialog->reject();
    });
}

void TestPeerMentorsPage::addEditAndDeactivateAMentor()
{
    auto p = page(orgAdminA());
    auto *add = p->findChild<QPushButton *>(QStringLiteral("addMentorButton"));
    QVERIFY(add && add->isEnabled());
    whenDialogOpens(this, [](QDialog *d) {
        QCOMPARE(d->objectName(), QStringLiteral("MentorDialog"));
        d->findChild<QLineEdit *>(QStringLiteral("mentorId"))->setText(QStringLiteral("pm_new"));
        d->findChild<QLineEdit *>(QStringLiteral("mentorName"))->setText(QStringLiteral("Nora Ny"));
        d->findChild<QLineEdit *>(QStringLiteral("mentorPhone"))->setText(QStringLiteral("not a phone"));
        d->accept(); // refused: the dialog stays, naming the phone
        QVERIFY(d->isVisible());
        QVERIFY(d->findChild<QLabel *>(QStringLiteral("mentorDialogError"))
                    ->text()
                    .contains(QStringLiteral("phone")));
        QCOMPARE(d->focusWidget(), d->findChild<QLineEdit *>(QStringLiteral("mentorPhone")));
        d->findChild<QLineEdit *>(QStringLiteral("mentorPhone"))->setText(QStringLiteral("+47 911 22 333"));
        auto *coordinator = d->findChild<QComboBox *>(QStringLiteral("mentorCoordinator"));
        coordinator->setCurrentIndex(coordinator->findData(kCoordA2));
        d->accept();
    });
    add->click();
    auto nora = m_fixture->directory->peerMentor(Caller::system(), QStringLiteral("pm_new"));
    QVERIFY2(nora, "the mentor was not added");
    QCOMPARE(nora->phone, QStringLiteral("+47 911 22 333"));
    QCOMPARE(nora->coordinatorId, kCoordA2);
    QCOMPARE(p->selectedMentorId(), QStringLiteral("pm_new"));

    // Edit: a new email.
    whenDialogOpens(this, [](QDialog *d) {
        QVERIFY(d->findChild<QLineEdit *>(QStringLiteral("mentorId"))->isReadOnly());
        d->findChild<QLineEdit *>(QStringLiteral("mentorEmail"))->setText(QStringLiteral("nora@a.example"));
        d->accept();
    });
    p->findChild<QPushButton *>(QStringLiteral("editMentorButton"))->click();
    QCOMPARE(m_fixture->directory->peerMentor(Caller::system(), QStringLiteral("pm_new"))->email,
             QStringLiteral("nora@a.example"));

    // Deactivate (confirmed): hidden from the default list, shown under Inactive, no recording.
    whenDialogOpens(this, [](QDialog *d) {
        auto *box = qobject_cast<QMessageBox *>(d);
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
    });
    p->findChild<QPushButton *>(QStringLiteral("deactivateMentorButton"))->click();
    QVERIFY(!m_fixture->directory->peerMentor(Caller::system(), QStringLiteral("pm_new"))->active());
    QVERIFY(!listedIds(*p).contains(QStringLiteral("pm_new")));
    p->setActivity(Activity::Inactive);
    QCOMPARE(listedIds(*p), QStringList{QStringLiteral("pm_new")});
    QCOMPARE(statusShown(*p, QStringLiteral("pm_new")), QStringLiteral("inactive"));
    QVERIFY(p->selectMentor(QStringLiteral("pm_new")));
    auto *deactivate = p->findChild<QPushButton *>(QStringLiteral("deactivateMentorButton"));
    QCOMPARE(deactivate->text(), QStringLiteral("&Reactivate"));
    QVERIFY(!p->findChild<QPushButton *>(QStringLiteral("recordPauseButton"))->isEnabled());
    deactivate->click(); // reactivating asks nothing
    QVERIFY(m_fixture->directory->peerMentor(Caller::system(), QStringLiteral("pm_new"))->active());
}

void TestPeerMentorsPage::coordinatorEditsOnlyHerOwnMentorsContacts()
{
    auto p = page(coordinatorA()); // coord_a1: Åse (pm_a1) is hers, Per (pm_a2) is not
    QVERIFY(p->findChild<QPushButton *>(QStringLiteral("addMentorButton"))->isHidden());
    QVERIFY(p->findChild<QPushButton *>(QStringLiteral("moveMentorsButton"))->isHidden());
    QVERIFY(p->findChild<QPushButton *>(QStringLiteral("deactivateMentorButton"))->isHidden());
    auto *edit = p->findChild<QPushButton *>(QStringLiteral("editMentorButton"));
    QVERIFY(p->selectMentor(kMentorA2));
    QVERIFY(!edit->isEnabled());
    QVERIFY(p->selectMentor(kMentorA1));
    QVERIFY(edit->isEnabled());
    whenDialogOpens(this, [](QDialog *d) {
        QVERIFY(!d->findChild<QComboBox *>(QStringLiteral("mentorCoordinator"))->isEnabled());
        d->findChild<QLineEdit *>(QStringLiteral("mentorPhone"))->setText(QStringLiteral("+47 400 00 001"));
        d->accept();
    });
    edit->click();
    QCOMPARE(m_fixture->directory->peerMentor(Caller::system(), kMentorA1)->phone,
             QStringLiteral("+47 400 00 001"));
}

void TestPeerMentorsPage::moveSeveralToAnotherCoordinator()
{
    auto p = page(orgAdminA());
    QTreeView *view = list(*p);
    view->selectAll();
    QCOMPARE(p->selectedMentorIds().size(), 2);
    whenDialogOpens(this, [](QDialog *d) {
        QCOMPARE(d->objectName(), QStringLiteral("MoveMentorsDialog"));
        auto *to = d->findChild<QComboBox *>(QStringLiteral("moveCoordinator"));
        to->setCurrentIndex(to->findData(kCoordA2));
        d->accept();
    });
    p->findChild<QPushButton *>(QStringLiteral("moveMentorsButton"))->click();
    QCOMPARE(m_fixture->directory->peerMentor(Caller::system(), kMentorA1)->coordinatorId, kCoordA2);
    QCOMPARE(m_fixture->directory->peerMentor(Caller::system(), kMentorA2)->coordinatorId, kCoordA2);
}

void TestPeerMentorsPage::importShowsAPreviewFirst()
{
    const QByteArray csv = "id;org_id;coordinator_id;name;phone\n"
                           "pm_a1;org_a;coord_a1;Åse Ødegård;+47 955 55 555\n"
                           "pm_i1;org_a;coord_a2;Ida Moen;\n";
    ImportDialog dialog(m_fixture->services(), orgAdminA(), QStringLiteral("/tmp/liste.csv"), csv);
    const QString summary = dialog.findChild<QLabel *>(QStringLiteral("importSummary"))->text();
    QVERIFY2(summary.startsWith(QStringLiteral("1 new, 1 changed, 0 unchanged, 0 with problems.")),
             qPrintable(summary));
    QVERIFY(dialog.findChild<QPlainTextEdit *>(QStringLiteral("importProblems"))->isHidden());
    // Nothing is written by the preview.
    QVERIFY(!m_fixture->directory->peerMentor(Caller::system(), QStringLiteral("pm_i1")));
    auto *import = dialog.findChild<QPushButton *>(QStringLiteral("importButton"));
    QVERIFY(import->isEnabled());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.imported().added.size(), 1);
    QCOMPARE(m_fixture->directory->peerMentor(Caller::system(), kMentorA1)->phone,
             QStringLiteral("+47 955 55 555"));

    // The same file again: nothing to do, Import stays off.
    ImportDialog again(m_fixture->services(), orgAdminA(), QStringLiteral("/tmp/liste.csv"), csv);
    QVERIFY(again.findChild<QLabel *>(QStringLiteral("importSummary"))
                ->text()
                .contains(QStringLiteral("nothing to import")));
    QVERIFY(!again.findChild<QPushButton *>(QStringLiteral("importButton"))->isEnabled());
}

void TestPeerMentorsPage::importNamesABadEncodingAndOffersWindows1252()
{
    const QByteArray csv("id;org_id;coordinator_id;name\r\npm_w1;org_a;coord_a1;S\xf8ren \xc6r\xf8\r\n");
    ImportDialog dialog(m_fixture->services(), orgAdminA(), QStringLiteral("excel.csv"), csv);
    auto *problems = dialog.findChild<QPlainTextEdit *>(QStringLiteral("importProblems"));
    QVERIFY(problems->toPlainText().contains(QStringLiteral("Line 2 is not valid UTF-8")));
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("importButton"))->isEnabled());
    dialog.setEncoding(TextEncoding::Windows1252);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("importSummary"))
                ->text()
                .startsWith(QStringLiteral("1 new")));
    dialog.accept();
    QCOMPARE(m_fixture->directory->peerMentor(Caller::system(), QStringLiteral("pm_w1"))->name,
             QStringLiteral("Søren Ærø"));
}

void TestPeerMentorsPage::personalDataActionsFollowTheRole()
{
    // Org admins and global admins export and erase; a coordinator sees neither.
    for (const Caller &caller : {orgAdminA(), globalAdmin(), coordinatorA()}) {
        auto p = page(caller);
        auto *button = p->findChild<QPushButton *>(QStringLiteral("personalDataButton"));
        QVERIFY(button);
        const bool admin = caller.role != Role::Coordinator;
        QCOMPARE(!button->isHidden(), admin);
        auto *exportAction = p->findChild<QAction *>(QStringLiteral("exportPersonalDataAction"));
        auto *eraseAction = p->findChild<QAction *>(QStringLiteral("erasePersonalDataAction"));
        QVERIFY(exportAction && eraseAction);
        QCOMPARE(exportAction->isEnabled(), admin);
        QCOMPARE(eraseAction->isEnabled(), admin);
        QVERIFY(button->menu());
        QVERIFY(button->menu()->actions().contains(eraseAction));
        QCOMPARE(button->accessibleName(), QStringLiteral("Personal data"));
        if (!admin)
            QVERIFY(!p->erasePersonalData());
    }
}

void TestPeerMentorsPage::exportPersonalDataWritesPdfAndJson()
{
    add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(-3), QStringLiteral("Sykdom"));
    auto p = page(orgAdminA());
    QVERIFY(p->selectMentor(kMentorA1));
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("her.pdf"));
    const QString json = dir.filePath(QStringLiteral("her.json"));
    QSignalSpy status(p.get(), &ConsolePage::statusMessage);
    QVERIFY(p->exportPersonalData(pdf, json));
    QFile in(pdf);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QVERIFY(in.read(5).startsWith("%PDF"));
    QCOMPARE(QFile::permissions(pdf) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonObject exported = QJsonDocument::fromJson(jsonFile.readAll()).object();
    QCOMPARE(
        exported.value(QLatin1String("peer_mentor")).toObject().value(QLatin1String("full_name")).toString(),
        QStringLiteral("Åse Ødegård"));
    QVERIFY(QJsonDocument(exported).toJson().contains("Sykdom"));
    QCOMPARE(QFile::permissions(json) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
    QCOMPARE(status.size(), 1);
    QVERIFY(status.first().first().toString().contains(QStringLiteral("her.json")));

    // The PDF's parts, in the console's language.
    auto data =
        PersonalDataService(m_fixture->db(), m_fixture->clock, *m_fixture->directory, *m_fixture->records)
            .exportMentor(orgAdminA(), kMentorA1);
    QVERIFY(data);
    const ReportWriter::Document doc = PersonalDataReport::document(*data);
    QCOMPARE(doc.title, QStringLiteral("Personal data of Åse Ødegård"));
    QCOMPARE(doc.sections.size(), 4);
    QCOMPARE(doc.sections.at(1).heading, QStringLiteral("Notification records (1)"));
    QCOMPARE(doc.sections.at(1).rows.first().at(2), QStringLiteral("Sykdom"));
    QVERIFY(doc.sections.at(3).rows.size() >= 2); // the record's creation and the exports
    QCOMPARE(PersonalDataReport::suggestedFileName(QStringLiteral("Åse Ødegård"), QDate(2026, 3, 19)),
             QStringLiteral("personal-data-åse-ødegård-2026-03-19.pdf"));
}

void TestPeerMentorsPage::eraseButtonOnlyForHerName_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("enabled");
    QTest::newRow("nothing") << QString() << false;
    QTest::newRow("her first name") << QStringLiteral("Åse") << false;
    QTest::newRow("lower case") << QStringLiteral("åse ødegård") << false;
    QTest::newRow("her id") << kMentorA1 << false;
    QTest::newRow("another name") << QStringLiteral("Per Hansen") << false;
    QTest::newRow("her name") << QStringLiteral("Åse Ødegård") << true;
    QTest::newRow("with spaces around") << QStringLiteral(" Åse Ødegård  ") << true;
}

void TestPeerMentorsPage::eraseButtonOnlyForHerName()
{
    QFETCH(QString, typed);
    QFETCH(bool, enabled);
    auto mentor = m_fixture->directory->peerMentor(orgAdminA(), kMentorA1);
    QVERIFY(mentor);
    EraseMentorDialog dialog(m_fixture->services(), orgAdminA(), *mentor);
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("eraseConfirmationEdit"));
    auto *erase = dialog.findChild<QPushButton *>(QStringLiteral("eraseMentorButton"));
    QVERIFY(edit && erase);
    QVERIFY(!erase->isEnabled());
    QVERIFY(!erase->isDefault() && !erase->autoDefault()); // Enter does not erase
    QTest::keyClicks(edit, typed);
    QCOMPARE(erase->isEnabled(), enabled);
    QCOMPARE(dialog.isConfirmed(), enabled);
    // Not confirmed: accept() does nothing, the dialog stays and nothing is erased.
    if (!enabled) {
        dialog.show();
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QCOMPARE(m_fixture->directory->peerMentor(orgAdminA(), kMentorA1)->name,
                 QStringLiteral("Åse Ødegård"));
    }
    // The warning names her and says it cannot be undone; the field is named for a screen reader.
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("eraseWarning"))
                ->text()
                .contains(QStringLiteral("Åse Ødegård")));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("eraseWarning"))
                ->text()
                .contains(QStringLiteral("cannot be undone")));
    QVERIFY(!edit->accessibleName().isEmpty());
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("eraseConfirmationLabel"))->buddy(), edit);
}

void TestPeerMentorsPage::erasingThroughTheDialog()
{
    add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(-3), QStringLiteral("Sykdom"));
    auto p = page(orgAdminA());
    p->setActivity(Activity::Any);
    QVERIFY(p->selectMentor(kMentorA1));
    auto *eraseAction = p->findChild<QAction *>(QStringLiteral("erasePersonalDataAction"));
    QVERIFY(eraseAction->isEnabled());

    // Cancelled: nothing changes.
    whenDialogOpens(this, [](QDialog *d) {
        QCOMPARE(d->objectName(), QStringLiteral("EraseMentorDialog"));
        QVERIFY2(unnamedFocusable(d).isEmpty(), qPrintable(unnamedFocusable(d).join(QStringLiteral(", "))));
        d->reject();
    });
    QVERIFY(!p->erasePersonalData());
    QCOMPARE(m_fixture->directory->peerMentor(orgAdminA(), kMentorA1)->name, QStringLiteral("Åse Ødegård"));

    // Her name typed, then Erase.
    QSignalSpy status(p.get(), &ConsolePage::statusMessage);
    whenDialogOpens(this, [](QDialog *d) {
        auto *edit = d->findChild<QLineEdit *>(QStringLiteral("eraseConfirmationEdit"));
        QTest::keyClicks(edit, QStringLiteral("Åse Ødegård"));
        auto *erase = d->findChild<QPushButton *>(QStringLiteral("eraseMentorButton"));
        QVERIFY(erase->isEnabled());
        QTest::mouseClick(erase, Qt::LeftButton);
    });
    QVERIFY(p->erasePersonalData());
    auto erased = m_fixture->directory->peerMentor(orgAdminA(), kMentorA1);
    QVERIFY(erased);
    QVERIFY(erased->erased());
    QVERIFY(erased->name.startsWith(PersonalDataService::anonymousNamePrefix()));
    QCOMPARE(status.size(), 1);
    QVERIFY(status.first().first().toString().contains(erased->name));
    // The list follows (she is listed with her anonymous name), and there is nothing left to erase.
    QTRY_VERIFY(p->selectMentor(kMentorA1));
    QCOMPARE(p->selectedMentorId(), kMentorA1);
    QVERIFY(!eraseAction->isEnabled());
    QVERIFY(p->findChild<QAction *>(QStringLiteral("exportPersonalDataAction"))->isEnabled());
    QCOMPARE(statusShown(*p, kMentorA1), QStringLiteral("inactive"));
}

void TestPeerMentorsPage::retentionRulesPreviewedThenSaved()
{
    // Per Hansen left 30 months ago.
    const QDateTime now = m_fixture->clock.now();
    m_fixture->clock.set(now.addMonths(-30));
    QVERIFY(m_fixture->directory->setPeerMentorActive(orgAdminA(), kMentorA2, false));
    m_fixture->clock.set(now);

    auto p = page(orgAdminA());
    auto *action = p->findChild<QAction *>(QStringLiteral("retentionAction"));
    QVERIFY(action && action->isVisible() && action->isEnabled());
    QVERIFY(!page(coordinatorA())->findChild<QAction *>(QStringLiteral("retentionAction"))->isVisible());

    RetentionDialog dialog(m_fixture->services(), orgAdminA(), kOrgA);
    QVERIFY2(unnamedFocusable(&dialog).isEmpty(),
             qPrintable(unnamedFocusable(&dialog).join(QStringLiteral(", "))));
    QVERIFY(!dialog.findChild<QComboBox *>(QStringLiteral("retentionOrganisation"))->isVisibleTo(&dialog));
    QVERIFY(dialog.policy().isOff());
    QCOMPARE(dialog.previewText(), QStringLiteral("No rule is switched on: nothing is erased or deleted."));
    auto *months = dialog.findChild<QSpinBox *>(QStringLiteral("retentionMonths"));
    QVERIFY(!months->isEnabled());
    dialog.findChild<QCheckBox *>(QStringLiteral("retentionEraseOn"))->setChecked(true);
    QVERIFY(months->isEnabled());
    // (The English plural forms come with the translations: "1 peer mentor(s)" until then.)
    const QString erasing = QStringLiteral("Switched on now, these rules would erase the personal data of ");
    QVERIFY2(dialog.previewText().startsWith(erasing + QStringLiteral("1 peer mentor")),
             qPrintable(dialog.previewText()));
    months->setValue(31);
    QVERIFY2(dialog.previewText().startsWith(erasing + QStringLiteral("0 peer mentor")),
             qPrintable(dialog.previewText()));
    dialog.findChild<QCheckBox *>(QStringLiteral("retentionDeleteOn"))->setChecked(true);
    QVERIFY2(dialog.previewText().contains(QStringLiteral(", delete 0 record")),
             qPrintable(dialog.previewText()));
    QVERIFY2(dialog.previewText().contains(QStringLiteral(" and 0 built message")),
             qPrintable(dialog.previewText()));
    // Previewing wrote nothing.
    QVERIFY(!m_fixture->directory->peerMentor(orgAdminA(), kMentorA2)->erased());
    dialog.accept();
    RetentionService retention(m_fixture->db(), m_fixture->clock, *m_fixture->directory, *m_fixture->records);
    QCOMPARE(*retention.policy(orgAdminA(), kOrgA), (RetentionPolicy{31, 10}));

    // Opened again, it shows what is stored.
    RetentionDialog again(m_fixture->services(), orgAdminA(), kOrgA);
    QCOMPARE(again.policy(), (RetentionPolicy{31, 10}));
    // A global admin chooses the organisation.
    RetentionDialog global(m_fixture->services(), globalAdmin(), kOrgB);
    QVERIFY(global.findChild<QComboBox *>(QStringLiteral("retentionOrganisation"))->isVisibleTo(&global));
    QCOMPARE(global.organisationId(), kOrgB);
    QVERIFY(global.policy().isOff());
}

void TestPeerMentorsPage::everyInteractiveWidgetHasAName()
{
    auto p = page(coordinatorA());
    p->resize(1050, 740);
    p->show();
    QVERIFY(QTest::qWaitForWindowExposed(p.get()));
    QVERIFY2(unnamedFocusable(p.get()).isEmpty(),
             qPrintable(unnamedFocusable(p.get()).join(QStringLiteral(", "))));
    for (const char *name : {"searchEdit", "mentorsView", "timelineView", "recordPauseButton",
                             "recordResumeButton", "exportCsvButton", "exportPdfButton"}) {
        QWidget *w = p->findChild<QWidget *>(QString::fromLatin1(name));
        QVERIFY2(w, name);
        QVERIFY2(w->focusPolicy() & Qt::TabFocus, name);
    }

    auto profile = m_fixture->records->profile(coordinatorA(), kMentorA1);
    QVERIFY(profile);
    for (EventType event : {EventType::PauseActivated, EventType::PauseDeactivated}) {
        RecordEventDialog dialog(m_fixture->services(), coordinatorA(), *profile, event);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY2(unnamedFocusable(&dialog).isEmpty(),
                 qPrintable(unnamedFocusable(&dialog).join(QStringLiteral(", "))));
    }
}

void TestPeerMentorsPage::buttonsAreNotClippedAtTheWindowSize()
{
    // The page's share of a 1200×780 window (the sidebar takes the rest); an org admin has the
    // most buttons.
    for (const Caller &caller : {coordinatorA(), orgAdminA()}) {
        auto p = page(caller);
        p->resize(1030, 740);
        p->show();
        QVERIFY(QTest::qWaitForWindowExposed(p.get()));
        for (QPushButton *button : p->findChildren<QPushButton *>())
            if (button->isVisible())
                QVERIFY2(button->width() >= button->sizeHint().width(), qPrintable(button->objectName()));
        QVERIFY(timeline(*p)->isVisible());
        QVERIFY(timeline(*p)->height() > timeline(*p)->fontMetrics().height() * 5);
    }
}

void TestPeerMentorsPage::tabReachesEveryControl()
{
    add(coordinatorA(), kMentorA1, kCoordA1, EventType::PauseActivated, day(-3));
    auto p = page(coordinatorA());
    p->resize(1030, 740);
    p->show();
    p->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(p.get()));
    auto *search = p->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    search->setFocus(Qt::TabFocusReason);
    QSet<QWidget *> visited{search};
    for (int step = 0; step < 100; ++step) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        QVERIFY(now);
        if (now == search)
            break;
        QVERIFY2(!visited.contains(now), qPrintable(now->objectName())); // no loop short of the start
        visited << now;
    }
    for (QWidget *w : p->findChildren<QWidget *>()) {
        if (!w->isVisible() || !w->isEnabled() || !(w->focusPolicy() & Qt::TabFocus))
            continue;
        if (qobject_cast<const QAbstractSpinBox *>(w->parentWidget())
            || qobject_cast<const QComboBox *>(w->parentWidget()))
            continue;
        QVERIFY2(visited.contains(w),
                 qPrintable(QString::fromLatin1(w->metaObject()->className()) + QLatin1Char('/')
                            + w->objectName()));
    }
    for (const char *name :
         {"mentorsView", "sortCombo", "timelineView", "recordPauseButton", "exportPdfButton", "profileEmail"})
        QVERIFY2(visited.contains(p->findChild<QWidget *>(QString::fromLatin1(name))), name);

    // The page's shortcuts: Ctrl+F goes to the search field from anywhere on the page.
    p->findChild<QWidget *>(QStringLiteral("timelineView"))->setFocus();
    QTest::keySequence(QApplication::focusWidget(), QKeySequence::Find);
    QCOMPARE(QApplication::focusWidget(), search);
}

CC_UI_TEST_MAIN(TestPeerMentorsPage)
#include "tst_peermentorspage.moc"
