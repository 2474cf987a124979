#include "core/StatisticsService.h"
#include "tests/ui/ConsoleFixture.h"
#include "ui/statistics/StatisticsPage.h"
#include "ui/statistics/StatisticsReportModel.h"

#include <QAbstractItemModelTester>
#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cc;
using namespace cc::test::ui;

namespace {

QDate date(int y, int m, int d)
{
    return QDate(y, m, d);
}

QDateTime at(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), Qt::UTC);
}

QStringList rowTexts(const QList<MentorActivity> &rows, QStringList (*text)(const MentorActivity &))
{
    QStringList out;
    for (const MentorActivity &r : rows)
        out << text(r).join(QLatin1Char('|'));
    return out;
}

// The table's rows as shown, top to bottom, each as "name|coordinator|active|paused|pauses".
QStringList tableRows(const QTableView *table)
{
    QStringList out;
    const QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(); ++column)
            cells << model->index(row, column).data(StatisticsReportModel::SortRole).toString();
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}

} // namespace

class TestStatisticsPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void defaultPeriodIsLast12Months();
    void showsChartsWithSeries();
    void chartsAreNamedAndDescribed();
    void emptyPeriodSaysSo();
    void reportMatchesService();
    void reportModelUnderTester();
    void sortingAndExportOrder();
    void csvExportMatches();
    void pdfExportIsAPdf();
    void periodAndScopeRestoredFromSettings();
    void quickChoicesSetTheDates();
    void scopeChoiceIsRemembered();
    void globalAdminChoosesOrganisation();
    void recordedPauseRefreshes();
    void fromAfterToIsRefused();
    void followsADarkPalette();
    void fitsTheWindow();

private:
    void seed();
    std::unique_ptr<StatisticsPage> makePage(const Caller &caller);

    std::unique_ptr<ConsoleFixture> m_fixture;
    QTemporaryDir m_dir;
};

void TestStatisticsPage::init()
{
    m_fixture = std::make_unique<ConsoleFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    seed();
    // The seeded events are in 2025: the pages open on that year (the default is the last 12 months).
    m_fixture->settings->setValue(Settings::Key::StatisticsFrom, QStringLiteral("2025-01-01"));
    m_fixture->settings->setValue(Settings::Key::StatisticsTo, QStringLiteral("2025-12-31"));
}

void TestStatisticsPage::cleanup()
{
    m_fixture.reset();
}

// Organisation A: Åse (of Kari) paused 1–10 March 2025 and again from 20 December 2025 on; Per
// (of Ola) paused from 1 June 2025 on. Organisation B: Bjørn paused in May 2025.
void TestStatisticsPage::seed()
{
    NotificationRecordService &records = *m_fixture->records;
    const struct
    {
        QString mentor;
        QString coordinator;
        EventType type;
        QDate on;
        Caller by;
    } events[] = {
        {kMentorA1, kCoordA1, EventType::PauseActivated, date(2025, 3, 1), orgAdminA()},
        {kMentorA1, kCoordA1, EventType::PauseDeactivated, date(2025, 3, 11), orgAdminA()},
        {kMentorA1, kCoordA1, EventType::PauseActivated, date(2025, 12, 20), orgAdminA()},
        {kMentorA2, kCoordA2, EventType::PauseActivated, date(2025, 6, 1), orgAdminA()},
        {kMentorB1, kCoordB1, EventType::PauseActivated, date(2025, 5, 1), coordinatorB()},
        {kMentorB1, kCoordB1, EventType::PauseDeactivated, date(2025, 5, 21), coordinatorB()},
    };
    for (const auto &e : events) {
        const auto added = records.record(e.by, newRecord(e.mentor, e.coordinator, e.type, at(e.on)));
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    }
}

std::unique_ptr<StatisticsPage> TestStatisticsPage::makePage(const Caller &caller)
{
    auto page = std::make_unique<StatisticsPage>(m_fixture->services(), caller);
    page->resize(1000, 700);
    return page;
}

void TestStatisticsPage::defaultPeriodIsLast12Months()
{
    m_fixture->settings->reset(Settings::Key::StatisticsFrom);
    m_fixture->settings->reset(Settings::Key::StatisticsTo);
    auto page = makePage(orgAdminA());
    // The fixture's clock stands at 19 March 2026.
    const auto [from, to] =
        StatisticsPage::periodOf(StatisticsPage::QuickPeriod::Last12Months, date(2026, 3, 19));
    QCOMPARE(page->findChild<QDateEdit *>(QStringLiteral("statisticsFrom"))->date(), from);
    QCOMPARE(page->findChild<QDateEdit *>(QStringLiteral("statisticsTo"))->date(), to);
    QCOMPARE(to, date(2026, 3, 19));
    QCOMPARE(page->findChild<QComboBox *>(QStringLiteral("statisticsQuickPeriod"))->currentData().toInt(),
             int(StatisticsPage::QuickPeriod::Last12Months));
    QCOMPARE(page->request().orgId, kOrgA);
    QVERIFY(page->request().coordinatorId.isEmpty());
    QVERIFY(page->findChild<QComboBox *>(QStringLiteral("statisticsOrganisation"))->isHidden());
}

void TestStatisticsPage::showsChartsWithSeries()
{
    auto page = makePage(orgAdminA());
    page->activated();
    const ActivityStatistics &stats = page->statistics();
    QCOMPARE(stats.step, ActivityStatistics::Step::Week);

    auto *paused = page->findChild<QChartView *>(QStringLiteral("pausedChart"));
    QVERIFY(paused);
    QCOMPARE(paused->chart()->series().size(), 1);
    auto *area = qobject_cast<QAreaSeries *>(paused->chart()->series().first());
    QVERIFY(area);
    // A step line: two points per week, each at the week's value.
    QCOMPARE(area->upperSeries()->count(), int(stats.paused.size()) * 2);
    int highest = 0;
    for (const QPointF &p : area->upperSeries()->points())
        highest = std::max(highest, int(p.y()));
    QCOMPARE(highest, 2); // Åse and Per in the last weeks of December
    QCOMPARE(paused->chart()->axes().size(), 2);

    auto *events = page->findChild<QChartView *>(QStringLiteral("eventsChart"));
    QVERIFY(events);
    auto *bars = qobject_cast<QBarSeries *>(events->chart()->series().value(0));
    QVERIFY(bars);
    QCOMPARE(bars->count(), 2);
    QCOMPARE(bars->barSets().at(0)->count(), 12);
    QCOMPARE(bars->barSets().at(1)->count(), 12);
    QCOMPARE(bars->barSets().at(0)->sum(), 3.0); // started: March, June, December
    QCOMPARE(bars->barSets().at(1)->sum(), 1.0); // ended: March
    QCOMPARE(bars->barSets().at(0)->at(2), 1.0);
    QCOMPARE(bars->barSets().at(0)->at(5), 1.0);
    QCOMPARE(bars->barSets().at(0)->at(11), 1.0);
    QVERIFY(events->chart()->legend()->isVisible());
    QVERIFY(!bars->barSets().at(0)->label().isEmpty());
}

void TestStatisticsPage::chartsAreNamedAndDescribed()
{
    auto page = makePage(orgAdminA());
    page->refresh();
    for (const QString &name : {QStringLiteral("pausedChart"), QStringLiteral("eventsChart")}) {
        auto *view = page->findChild<QChartView *>(name);
        QVERIFY(!view->accessibleName().isEmpty());
        QVERIFY(view->focusPolicy() & Qt::TabFocus);
    }
    auto *paused = page->findChild<QChartView *>(QStringLiteral("pausedChart"));
    QVERIFY2(paused->accessibleDescription().contains(QLatin1String("highest 2 in the week of")),
             qPrintable(paused->accessibleDescription()));
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("pausedSummary"))->text(),
             paused->accessibleDescription());
    auto *events = page->findChild<QChartView *>(QStringLiteral("eventsChart"));
    // "3 pauses started. 1 pause ended." once the English plural forms are in (before: "pause(s)").
    QVERIFY2(events->accessibleDescription().contains(QLatin1String("3 pause")),
             qPrintable(events->accessibleDescription()));
    QVERIFY2(events->accessibleDescription().contains(QLatin1String("1 pause")),
             qPrintable(events->accessibleDescription()));
    QVERIFY2(events->accessibleDescription().contains(QLatin1String("The busiest month was")),
             qPrintable(events->accessibleDescription()));
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("eventsSummary"))->text(),
             events->accessibleDescription());
    for (QWidget *w : page->findChildren<QWidget *>()) {
        if (qobject_cast<QComboBox *>(w) || qobject_cast<QDateEdit *>(w) || qobject_cast<QTableView *>(w))
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        if (auto *button = qobject_cast<QPushButton *>(w))
            QVERIFY2(!button->text().isEmpty(), qPrintable(w->objectName()));
    }
}

void TestStatisticsPage::emptyPeriodSaysSo()
{
    m_fixture->settings->setValue(Settings::Key::StatisticsFrom, QStringLiteral("2024-01-01"));
    m_fixture->settings->setValue(Settings::Key::StatisticsTo, QStringLiteral("2024-12-31"));
    auto page = makePage(orgAdminA());
    QVERIFY(page->refresh());
    QVERIFY(page->statistics().mentors.isEmpty());
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("pausedSummary"))
                ->text()
                .startsWith(QLatin1String("No peer mentor was paused")));
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("eventsSummary"))
                ->text()
                .startsWith(QLatin1String("No pause started or ended")));
    QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("exportCsvButton"))->isEnabled());
}

void TestStatisticsPage::reportMatchesService()
{
    auto page = makePage(orgAdminA());
    QVERIFY(page->refresh());
    StatisticsService service(m_fixture->db());
    const auto expected = service.activity(orgAdminA(), page->request());
    QVERIFY(expected.ok());
    QCOMPARE(expected->mentors.size(), 2);
    auto *table = page->findChild<QTableView *>(QStringLiteral("reportTable"));
    QVERIFY(table);
    QCOMPARE(table->model()->rowCount(), int(expected->mentors.size()));
    QStringList want;
    for (const MentorActivity &m : expected->mentors)
        want << QStringList{m.name, m.coordinatorName, QString::number(m.activeDays),
                            QString::number(m.pausedDays), QString::number(m.pauses)}
                    .join(QLatin1Char('|'));
    QStringList shown = tableRows(table);
    shown.sort();
    want.sort();
    QCOMPARE(shown, want);
    // Åse: started 1 March (her first record), paused 1–10 March and 20–31 December.
    QVERIFY(want.contains(QStringLiteral("Åse Ødegård|Kari Koordinator|284|22|2")));
    // Per: started and paused on 1 June.
    QVERIFY(want.contains(QStringLiteral("Per Hansen|Ola Koordinator|0|214|1")));
    QVERIFY(!tableRows(table).join(QLatin1Char('\n')).contains(QStringLiteral("Bjørn")));
}

void TestStatisticsPage::reportModelUnderTester()
{
    StatisticsReportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    StatisticsService service(m_fixture->db());
    const auto stats =
        service.activity(globalAdmin(), StatisticsRequest{date(2025, 1, 1), date(2025, 12, 31), {}, {}});
    QVERIFY(stats.ok());
    model.setRows(stats->mentors);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(StatisticsReportModel::ColumnCount));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), StatisticsReportModel::headers().at(0));
    QCOMPARE(model.index(0, StatisticsReportModel::PausedDaysColumn)
                 .data(StatisticsReportModel::SortRole)
                 .metaType(),
             QMetaType::fromType<int>());
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
}

void TestStatisticsPage::sortingAndExportOrder()
{
    auto page = makePage(orgAdminA());
    QVERIFY(page->refresh());
    auto *table = page->findChild<QTableView *>(QStringLiteral("reportTable"));
    table->sortByColumn(StatisticsReportModel::PausedDaysColumn, Qt::DescendingOrder);
    QVERIFY(tableRows(table).first().startsWith(QLatin1String("Per Hansen|")));
    table->sortByColumn(StatisticsReportModel::PausedDaysColumn, Qt::AscendingOrder);
    QVERIFY(tableRows(table).first().startsWith(QStringLiteral("Åse Ødegård|")));
    const QString file = m_dir.filePath(QStringLiteral("sorted.csv"));
    QVERIFY(page->exportCsv(file));
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = csvRows(in.readAll());
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(1).first(), QStringLiteral("Åse Ødegård"));
    QCOMPARE(rows.at(2).first(), QStringLiteral("Per Hansen"));
}

void TestStatisticsPage::csvExportMatches()
{
    auto page = makePage(coordinatorA());
    QVERIFY(page->refresh());
    const QString file = m_dir.filePath(QStringLiteral("report.csv"));
    QVERIFY(page->exportCsv(file));
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> rows = csvRows(bytes);
    QVERIFY(!rows.isEmpty());
    QCOMPARE(rows.first(), StatisticsReportModel::headers());

    StatisticsService service(m_fixture->db());
    const auto expected = service.activity(coordinatorA(), page->request());
    QVERIFY(expected.ok());
    QStringList written;
    for (qsizetype i = 1; i < rows.size(); ++i)
        written << rows.at(i).join(QLatin1Char('|'));
    QCOMPARE(written, rowTexts(expected->mentors, &StatisticsReportModel::rowText));
    QCOMPARE(m_fixture->settings->string(Settings::Key::LastExportFolder), QFileInfo(file).absolutePath());
}

void TestStatisticsPage::pdfExportIsAPdf()
{
    auto page = makePage(orgAdminA());
    QVERIFY(page->refresh());
    const QString file = m_dir.filePath(QStringLiteral("report.pdf"));
    QVERIFY(page->exportPdf(file));
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    QVERIFY(bytes.size() > 1000);
    if (qEnvironmentVariableIsSet("CC_SCREENSHOT_DIR")) {
        const QString copy =
            QDir(qEnvironmentVariable("CC_SCREENSHOT_DIR")).filePath(QStringLiteral("activity-report.pdf"));
        QFile::remove(copy);
        QFile::copy(file, copy);
    }
}

void TestStatisticsPage::periodAndScopeRestoredFromSettings()
{
    m_fixture->settings->setValue(Settings::Key::StatisticsFrom, QStringLiteral("2025-06-01"));
    m_fixture->settings->setValue(Settings::Key::StatisticsTo, QStringLiteral("2025-06-30"));
    m_fixture->settings->setValue(Settings::Key::StatisticsCoordinator, kCoordA2);
    auto page = makePage(coordinatorA());
    QCOMPARE(page->findChild<QDateEdit *>(QStringLiteral("statisticsFrom"))->date(), date(2025, 6, 1));
    QCOMPARE(page->findChild<QDateEdit *>(QStringLiteral("statisticsTo"))->date(), date(2025, 6, 30));
    QCOMPARE(page->findChild<QComboBox *>(QStringLiteral("statisticsQuickPeriod"))->currentData().toInt(),
             int(StatisticsPage::QuickPeriod::Custom));
    QCOMPARE(page->findChild<QComboBox *>(QStringLiteral("statisticsCoordinator"))->currentData().toString(),
             kCoordA2);
    const StatisticsRequest r = page->request();
    QCOMPARE(r.from, date(2025, 6, 1));
    QCOMPARE(r.to, date(2025, 6, 30));
    QCOMPARE(r.coordinatorId, kCoordA2);
    QVERIFY(page->refresh());
    QCOMPARE(page->statistics().step, ActivityStatistics::Step::Day);
    QCOMPARE(page->statistics().mentors.size(), 1);
    QCOMPARE(page->statistics().mentors.first().peerMentorId, kMentorA2);
    QCOMPARE(page->statistics().mentors.first().pausedDays, 30);

    // A coordinator of another organisation (or one since removed) falls back to the whole organisation.
    m_fixture->settings->setValue(Settings::Key::StatisticsCoordinator, kCoordB1);
    auto other = makePage(coordinatorA());
    QVERIFY(other->request().coordinatorId.isEmpty());
}

void TestStatisticsPage::quickChoicesSetTheDates()
{
    auto page = makePage(orgAdminA());
    auto *quick = page->findChild<QComboBox *>(QStringLiteral("statisticsQuickPeriod"));
    auto choose = [&](StatisticsPage::QuickPeriod choice) {
        const int index = quick->findData(int(choice));
        quick->setCurrentIndex(index);
        emit quick->activated(index);
    };
    choose(StatisticsPage::QuickPeriod::ThisYear);
    QCOMPARE(page->request().from, date(2026, 1, 1));
    QCOMPARE(page->request().to, date(2026, 3, 19));
    QCOMPARE(m_fixture->settings->string(Settings::Key::StatisticsFrom), QStringLiteral("2026-01-01"));
    QCOMPARE(m_fixture->settings->string(Settings::Key::StatisticsTo), QStringLiteral("2026-03-19"));
    choose(StatisticsPage::QuickPeriod::Last12Months);
    QCOMPARE(page->request().from, date(2025, 3, 20));
    QCOMPARE(page->request().to, date(2026, 3, 19));
    choose(StatisticsPage::QuickPeriod::LastYear);
    QCOMPARE(page->request().from, date(2025, 1, 1));
    QCOMPARE(page->request().to, date(2025, 12, 31));
    // Editing a date by hand makes the period a chosen one.
    page->findChild<QDateEdit *>(QStringLiteral("statisticsFrom"))->setDate(date(2025, 2, 1));
    QCOMPARE(quick->currentData().toInt(), int(StatisticsPage::QuickPeriod::Custom));
    QCOMPARE(m_fixture->settings->string(Settings::Key::StatisticsFrom), QStringLiteral("2025-02-01"));
}

void TestStatisticsPage::scopeChoiceIsRemembered()
{
    auto page = makePage(orgAdminA());
    auto *coordinator = page->findChild<QComboBox *>(QStringLiteral("statisticsCoordinator"));
    QCOMPARE(coordinator->count(), 3); // the whole organisation, Kari, Ola
    const int index = coordinator->findData(kCoordA1);
    QVERIFY(index > 0);
    coordinator->setCurrentIndex(index);
    emit coordinator->activated(index);
    QCOMPARE(m_fixture->settings->string(Settings::Key::StatisticsCoordinator), kCoordA1);
    QVERIFY(page->refresh());
    QCOMPARE(page->statistics().mentors.size(), 1);
    QCOMPARE(page->statistics().mentors.first().peerMentorId, kMentorA1);
}

void TestStatisticsPage::globalAdminChoosesOrganisation()
{
    m_fixture->settings->setValue(Settings::Key::StatisticsOrganisation, kOrgB);
    auto page = makePage(globalAdmin());
    auto *organisation = page->findChild<QComboBox *>(QStringLiteral("statisticsOrganisation"));
    QVERIFY(!organisation->isHidden());
    QCOMPARE(organisation->count(), 2);
    QCOMPARE(organisation->currentData().toString(), kOrgB);
    QCOMPARE(page->request().orgId, kOrgB);
    auto *coordinator = page->findChild<QComboBox *>(QStringLiteral("statisticsCoordinator"));
    QCOMPARE(coordinator->count(), 2); // the whole organisation, Berit
    QVERIFY(page->refresh());
    QCOMPARE(page->statistics().mentors.size(), 1);
    QCOMPARE(page->statistics().mentors.first().peerMentorId, kMentorB1);

    const int a = organisation->findData(kOrgA);
    organisation->setCurrentIndex(a);
    emit organisation->activated(a);
    QCOMPARE(m_fixture->settings->string(Settings::Key::StatisticsOrganisation), kOrgA);
    QCOMPARE(coordinator->count(), 3);
    QVERIFY(page->refresh());
    QCOMPARE(page->statistics().mentors.size(), 2);
}

void TestStatisticsPage::recordedPauseRefreshes()
{
    auto page = makePage(orgAdminA());
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
    QVERIFY(page->refresh());
    const int before = page->statistics().events.at(7).activated;
    QCOMPARE(before, 0);
    // Through the service, as the API records it: the page follows without being asked.
    QVERIFY(m_fixture->records
                ->record(orgAdminA(),
                         newRecord(kMentorA1, kCoordA1, EventType::PauseActivated, at(date(2025, 8, 5))))
                .ok());
    QTRY_COMPARE_WITH_TIMEOUT(page->statistics().events.at(7).activated, 1, 5000);
}

void TestStatisticsPage::fromAfterToIsRefused()
{
    auto page = makePage(orgAdminA());
    QVERIFY(page->refresh());
    page->findChild<QDateEdit *>(QStringLiteral("statisticsFrom"))->setDate(date(2026, 2, 1));
    page->findChild<QDateEdit *>(QStringLiteral("statisticsTo"))->setDate(date(2026, 1, 1));
    QVERIFY(!page->refresh());
    auto *message = page->findChild<QLabel *>(QStringLiteral("statisticsMessage"));
    QVERIFY(!message->isHidden());
    QVERIFY(!message->text().isEmpty());
    // The remembered period stays a valid one.
    QVERIFY(QDate::fromString(m_fixture->settings->string(Settings::Key::StatisticsFrom), Qt::ISODate)
            <= QDate::fromString(m_fixture->settings->string(Settings::Key::StatisticsTo), Qt::ISODate));
}

void TestStatisticsPage::followsADarkPalette()
{
    auto page = makePage(orgAdminA());
    QVERIFY(page->refresh());
    auto *view = page->findChild<QChartView *>(QStringLiteral("pausedChart"));
    QCOMPARE(view->chart()->theme(), QChart::ChartThemeLight);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, Qt::white);
    dark.setColor(QPalette::Base, QColor(0x10, 0x10, 0x10));
    dark.setColor(QPalette::Text, Qt::white);
    page->setPalette(dark);
    for (const QString &name : {QStringLiteral("pausedChart"), QStringLiteral("eventsChart")}) {
        QChart *chart = page->findChild<QChartView *>(name)->chart();
        QCOMPARE(chart->theme(), QChart::ChartThemeDark);
        QCOMPARE(chart->backgroundBrush().color(), QColor(0x10, 0x10, 0x10));
        QCOMPARE(chart->titleBrush().color(), QColor(Qt::white));
        for (QAbstractAxis *axis : chart->axes())
            QCOMPARE(axis->labelsBrush().color(), QColor(Qt::white));
    }
}

// At the page's share of a 1200×780 window, in English and with Norwegian-length labels, nothing
// is squeezed below its size hint.
void TestStatisticsPage::fitsTheWindow()
{
    auto page = makePage(orgAdminA());
    page->resize(1000, 700);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
    QVERIFY(page->refresh());
    QCoreApplication::processEvents();
    for (const QString &name : {QStringLiteral("pausedChart"), QStringLiteral("eventsChart")}) {
        auto *view = page->findChild<QChartView *>(name);
        QVERIFY2(view->height() >= 240, qPrintable(QString::number(view->height())));
        // The plot keeps room for its axis labels.
        QVERIFY(view->chart()->plotArea().height() > 80);
        QVERIFY(view->chart()->plotArea().width() > 200);
    }
    for (QWidget *w : page->findChildren<QWidget *>()) {
        if (!w->isVisible()
            || !(qobject_cast<QPushButton *>(w) || qobject_cast<QComboBox *>(w)
                 || qobject_cast<QDateEdit *>(w)))
            continue;
        QVERIFY2(w->width() >= w->minimumSizeHint().width(), qPrintable(w->objectName()));
    }
    QVERIFY(page->findChild<QTableView *>(QStringLiteral("reportTable"))->height() >= 100);
    // For a person to look at: CC_SCREENSHOT_DIR=/tmp/shots ./tst_statisticspage fitsTheWindow
    if (qEnvironmentVariableIsSet("CC_SCREENSHOT_DIR")) {
        const QDir shots(qEnvironmentVariable("CC_SCREENSHOT_DIR"));
        page->grab().save(shots.filePath(QStringLiteral("statistics-page.png")));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x30, 0x30, 0x30));
        dark.setColor(QPalette::WindowText, Qt::white);
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2a));
        dark.setColor(QPalette::Text, Qt::white);
        dark.setColor(QPalette::Button, QColor(0x30, 0x30, 0x30));
        dark.setColor(QPalette::ButtonText, Qt::white);
        page->setPalette(dark);
        page->grab().save(shots.filePath(QStringLiteral("statistics-page-dark.png")));
    }
}

CC_UI_TEST_MAIN(TestStatisticsPage)
#include "tst_statisticspage.moc"
