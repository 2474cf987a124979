#include "tests/ui/ConsoleFixture.h"
#include "ui/common/DisplayText.h"
#include "ui/peermentors/HistoryModel.h"
#include "ui/peermentors/MentorProfileView.h"

#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace cc;
using namespace cc::test::ui;

// The profile panel and history timeline of the Peer mentors page, on their own.
class TestMentorProfileView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsTheProfile();
    void pausedProfile();
    void buttonsForThePage();
    void timelineNoteFollowsTheHistory();

private:
    static QString text(const QWidget &view, const char *name);
    static PeerMentorProfile profile(PauseStatus status);

    std::unique_ptr<ConsoleFixture> m_fixture;
    std::unique_ptr<HistoryModel> m_history;
};

void TestMentorProfileView::init()
{
    m_fixture = std::make_unique<ConsoleFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    m_history = std::make_unique<HistoryModel>(*m_fixture->records, coordinatorA());
}

void TestMentorProfileView::cleanup()
{
    m_history.reset();
    m_fixture.reset();
}

QString TestMentorProfileView::text(const QWidget &view, const char *name)
{
    auto *label = view.findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("(no %1)").arg(QLatin1String(name));
}

PeerMentorProfile TestMentorProfileView::profile(PauseStatus status)
{
    PeerMentorProfile p;
    p.mentor.id = kMentorA1;
    p.mentor.name = QStringLiteral("Åse Ødegård");
    p.mentor.email = QStringLiteral("ase@a.example");
    p.status = status;
    if (status == PauseStatus::Paused)
        p.pauseStartDate = QDateTime(QDate(2025, 3, 1), QTime(0, 0), Qt::UTC);
    return p;
}

void TestMentorProfileView::showsTheProfile()
{
    MentorProfileView view(*m_history);
    view.showProfile(profile(PauseStatus::Active), QStringLiteral("Kari Koordinator"));
    QCOMPARE(text(view, "profileName"), QStringLiteral("Åse Ødegård"));
    QCOMPARE(text(view, "profileId"), kMentorA1);
    QCOMPARE(text(view, "profileCoordinator"), QStringLiteral("Kari Koordinator"));
    QCOMPARE(text(view, "profileEmail"), QStringLiteral("ase@a.example"));
    QCOMPARE(text(view, "profilePhone"), MentorProfileView::tr("Not given"));
    QCOMPARE(text(view, "profileStatus"), DisplayText::status(PauseStatus::Active));
    QCOMPARE(text(view, "profilePausedSince"), MentorProfileView::tr("Not paused"));
    QVERIFY(!view.findChild<QLabel *>(QStringLiteral("profileStatusIcon"))->pixmap().isNull());

    view.showProfile(profile(PauseStatus::Active), QString());
    QCOMPARE(text(view, "profileCoordinator"), MentorProfileView::tr("Not given"));
}

void TestMentorProfileView::pausedProfile()
{
    MentorProfileView view(*m_history);
    const PeerMentorProfile paused = profile(PauseStatus::Paused);
    view.showProfile(paused, QStringLiteral("Kari Koordinator"));
    QCOMPARE(text(view, "profileStatus"), DisplayText::status(PauseStatus::Paused));
    QCOMPARE(text(view, "profilePausedSince"), DisplayText::date(paused.pauseStartDate));
}

void TestMentorProfileView::buttonsForThePage()
{
    MentorProfileView view(*m_history);
    using Button = MentorProfileView::Button;
    QSet<QPushButton *> buttons;
    for (Button which : {Button::RecordPause, Button::RecordResume, Button::ExportCsv, Button::ExportPdf}) {
        QPushButton *button = view.button(which);
        QVERIFY(button);
        QVERIFY(view.isAncestorOf(button));
        buttons.insert(button);
    }
    QCOMPARE(buttons.size(), 4);
    QVERIFY(!view.button(Button::RecordPause)->icon().isNull());
    QVERIFY(!view.button(Button::RecordResume)->icon().isNull());
}

void TestMentorProfileView::timelineNoteFollowsTheHistory()
{
    MentorProfileView view(*m_history);
    auto *timeline = view.findChild<QTreeView *>(QStringLiteral("timelineView"));
    QVERIFY(timeline);
    QCOMPARE(timeline->model()->columnCount(), int(HistoryModel::ColumnCount));

    m_history->setPeerMentor(kMentorA1);
    QCOMPARE(text(view, "timelineNote"),
             MentorProfileView::tr("No notifications are recorded for this peer mentor yet."));

    const auto added = m_fixture->records->record(
        coordinatorA(), newRecord(kMentorA1, kCoordA1, EventType::PauseActivated, day(-1)));
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    QCOMPARE(m_history->rowCount(), 1);
    QCOMPARE(text(view, "timelineNote"),
             MentorProfileView::tr("%n notification(s), newest first.", nullptr, 1));
}

QTEST_MAIN(TestMentorProfileView)
#include "tst_mentorprofileview.moc"
