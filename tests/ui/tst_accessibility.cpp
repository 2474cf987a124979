#include "tests/ui/Accessibility.h"
#include "tests/ui/ConsoleFixture.h"
#include "ui/common/ConsolePage.h"
#include "ui/shell/MainWindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSlider>
#include <QTabBar>
#include <QTest>
#include <QTextEdit>

#include <memory>

using namespace cc;
using namespace cc::test::ui;
using namespace cc::test::ui::a11y;

// Over every page, for every role: each interactive widget has an accessible name (its own, its
// text, or its label's), and Tab reaches each enabled one and never gets stuck.
class TestAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void everyPage_data();
    void everyPage();

private:
    std::unique_ptr<ConsoleFixture> m_fixture;
};

void TestAccessibility::init()
{
    m_fixture = std::make_unique<ConsoleFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    // Something on every page: records, a running server, a token.
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_fixture->records
                    ->record(orgAdminA(),
                             newRecord(kMentorA1, kCoordA1,
                                       i % 2 ? EventType::PauseDeactivated : EventType::PauseActivated,
                                       day(-20 + i * 5)))
                    .ok());
    QVERIFY(m_fixture->server.start({8080, false, {}, {}}).ok());
}

void TestAccessibility::cleanup()
{
    m_fixture.reset();
}

void TestAccessibility::everyPage_data()
{
    QTest::addColumn<QString>("who");
    QTest::newRow("coordinator") << QStringLiteral("coordinator");
    QTest::newRow("org admin") << QStringLiteral("org admin");
    QTest::newRow("global admin") << QStringLiteral("global admin");
}

void TestAccessibility::everyPage()
{
    QFETCH(QString, who);
    const Caller caller = who == QLatin1String("coordinator")
        ? m_fixture->addUser(QStringLiteral("coord"), Role::Coordinator, kOrgA, kCoordA1)
        : who == QLatin1String("org admin")
        ? m_fixture->addUser(QStringLiteral("admin"), Role::OrgAdmin, kOrgA)
        : m_fixture->addUser(QStringLiteral("root"), Role::GlobalAdmin, QString());
    QVERIFY(!caller.userId.isEmpty());
    MainWindow window(m_fixture->services(), caller);
    window.resize(1200, 780);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // The walk covers every page the window has; the admins' include the activity (audit log).
    QStringList names;
    for (ConsolePage *page : window.pages())
        names << page->objectName();
    QCOMPARE(names.contains(QStringLiteral("ActivityPage")), who != QLatin1String("coordinator"));

    QStringList unnamed;
    QStringList unreachable;
    QStringList traps;
    for (ConsolePage *page : window.pages()) {
        QVERIFY(window.showPage(page->objectName()));
        QCoreApplication::processEvents();

        // Widgets of the menu bar and status bar are checked with the window's, once per page.
        const QList<QWidget *> interactive = interactiveWidgets(&window);
        for (QWidget *w : interactive) {
            if (accessibleName(w).isEmpty())
                unnamed << page->objectName() + QStringLiteral(": ") + describe(w);
        }

        // Walk the Tab chain from the sidebar round to it again.
        const TabWalk walked = walkTab(window.findChild<QWidget *>(QStringLiteral("sidebar")), interactive);
        if (walked.trap)
            traps << page->objectName() + QStringLiteral(": ") + describe(walked.trap);
        for (QWidget *w : walked.unreachable)
            unreachable << page->objectName() + QStringLiteral(": ") + describe(w);
    }
    unnamed.removeDuplicates();
    unreachable.removeDuplicates();
    QVERIFY2(
        unnamed.isEmpty(),
        qPrintable(QStringLiteral("without an accessible name:\n  ") + unnamed.join(QStringLiteral("\n  "))));
    QVERIFY2(traps.isEmpty(),
             qPrintable(QStringLiteral("Tab does not leave:\n  ") + traps.join(QStringLiteral("\n  "))));
    QVERIFY2(
        unreachable.isEmpty(),
        qPrintable(QStringLiteral("not reachable by Tab:\n  ") + unreachable.join(QStringLiteral("\n  "))));
}

CC_UI_TEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
