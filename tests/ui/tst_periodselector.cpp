#include "tests/ui/ConsoleFixture.h"
#include "ui/common/Settings.h"
#include "ui/statistics/PeriodSelector.h"

#include <QComboBox>
#include <QDateEdit>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace cc;
using namespace cc::test::ui;

// The Statistics page's choice of period and scope, on its own.
class TestPeriodSelector : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void quickPeriods_data();
    void quickPeriods();
    void restoresAndRemembers();
    void periodBackwardsIsAProblem();
    void organisationBringsItsCoordinators();

private:
    std::unique_ptr<ConsoleFixture> m_fixture;
};

void TestPeriodSelector::init()
{
    m_fixture = std::make_unique<ConsoleFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
}

void TestPeriodSelector::cleanup()
{
    m_fixture.reset();
}

void TestPeriodSelector::quickPeriods_data()
{
    QTest::addColumn<PeriodSelector::QuickPeriod>("choice");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    const QDate today(2026, 3, 19);
    QTest::newRow("last year") << PeriodSelector::QuickPeriod::LastYear << QDate(2025, 1, 1)
                               << QDate(2025, 12, 31);
    QTest::newRow("this year") << PeriodSelector::QuickPeriod::ThisYear << QDate(2026, 1, 1) << today;
    QTest::newRow("last 12 months") << PeriodSelector::QuickPeriod::Last12Months << QDate(2025, 3, 20)
                                    << today;
}

void TestPeriodSelector::quickPeriods()
{
    QFETCH(PeriodSelector::QuickPeriod, choice);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    const auto period = PeriodSelector::periodOf(choice, QDate(2026, 3, 19));
    QCOMPARE(period.first, from);
    QCOMPARE(period.second, to);
}

void TestPeriodSelector::restoresAndRemembers()
{
    m_fixture->settings->setValue(Settings::Key::StatisticsFrom, QStringLiteral("2025-06-01"));
    m_fixture->settings->setValue(Settings::Key::StatisticsTo, QStringLiteral("2025-06-30"));
    m_fixture->settings->setValue(Settings::Key::StatisticsCoordinator, kCoordA2);
    PeriodSelector selector(m_fixture->services(), orgAdminA());
    QSignalSpy changed(&selector, &PeriodSelector::changed);
    selector.load();
    QCOMPARE(selector.from(), QDate(2025, 6, 1));
    QCOMPARE(selector.to(), QDate(2025, 6, 30));
    QCOMPARE(selector.orgId(), kOrgA);
    QCOMPARE(selector.coordinatorId(), kCoordA2);
    QVERIFY(!selector.coordinatorName().isEmpty());
    QVERIFY(selector.findChild<QComboBox *>(QStringLiteral("statisticsOrganisation"))->isHidden());

    auto *quick = selector.findChild<QComboBox *>(QStringLiteral("statisticsQuickPeriod"));
    const int lastYear = quick->findData(int(PeriodSelector::QuickPeriod::LastYear));
    changed.clear();
    quick->setCurrentIndex(lastYear);
    emit quick->activated(lastYear);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(selector.from(), QDate(2025, 1, 1));
    QCOMPARE(m_fixture->settings->string(Settings::Key::StatisticsFrom), QStringLiteral("2025-01-01"));

    auto *coordinator = selector.findChild<QComboBox *>(QStringLiteral("statisticsCoordinator"));
    coordinator->setCurrentIndex(0);
    emit coordinator->activated(0);
    QCOMPARE(changed.size(), 2);
    QVERIFY(selector.coordinatorId().isEmpty());
    QVERIFY(m_fixture->settings->string(Settings::Key::StatisticsCoordinator).isEmpty());
}

void TestPeriodSelector::periodBackwardsIsAProblem()
{
    PeriodSelector selector(m_fixture->services(), orgAdminA());
    selector.load();
    QSignalSpy changed(&selector, &PeriodSelector::changed);
    QSignalSpy problem(&selector, &PeriodSelector::problem);
    selector.findChild<QDateEdit *>(QStringLiteral("statisticsFrom"))->setDate(selector.to().addDays(1));
    QCOMPARE(problem.size(), 1);
    QVERIFY(!problem.first().first().toString().isEmpty());
    QCOMPARE(changed.size(), 0);
}

void TestPeriodSelector::organisationBringsItsCoordinators()
{
    m_fixture->settings->setValue(Settings::Key::StatisticsOrganisation, kOrgB);
    PeriodSelector selector(m_fixture->services(), globalAdmin());
    selector.load();
    auto *organisation = selector.findChild<QComboBox *>(QStringLiteral("statisticsOrganisation"));
    auto *coordinator = selector.findChild<QComboBox *>(QStringLiteral("statisticsCoordinator"));
    QVERIFY(!organisation->isHidden());
    QCOMPARE(selector.orgId(), kOrgB);
    QCOMPARE(coordinator->count(), 2); // the whole organisation, Berit

    QSignalSpy changed(&selector, &PeriodSelector::changed);
    const int a = organisation->findData(kOrgA);
    organisation->setCurrentIndex(a);
    emit organisation->activated(a);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(selector.orgId(), kOrgA);
    QCOMPARE(selector.organisationName(), organisation->currentText());
    QCOMPARE(coordinator->count(), 3);
    QCOMPARE(m_fixture->settings->string(Settings::Key::StatisticsOrganisation), kOrgA);
}

QTEST_MAIN(TestPeriodSelector)
#include "tst_periodselector.moc"
