#include "ui/common/DisplayText.h"
#include "ui/statistics/ActivityReportExport.h"
#include "ui/statistics/StatisticsReportModel.h"

#include <QDir>
#include <QTest>

using namespace cc;

// The activity report's heading and file name (the writing itself is tested through the page).
class TestActivityReportExport : public QObject
{
    Q_OBJECT

private slots:
    void headingOfTheWholeOrganisation();
    void headingNamesTheCoordinator();
    void suggestedFileName();

private:
    static ActivityStatistics stats();
};

ActivityStatistics TestActivityReportExport::stats()
{
    ActivityStatistics s;
    s.from = QDate(2025, 1, 1);
    s.to = QDate(2025, 12, 31);
    s.mentors.resize(3);
    return s;
}

void TestActivityReportExport::headingOfTheWholeOrganisation()
{
    const QDateTime madeAt(QDate(2026, 1, 5), QTime(9, 30), Qt::UTC);
    const ReportWriter::Table table = ActivityReportExport::table(
        stats(), {QStringLiteral("Org A"), QString(), madeAt, QStringLiteral("kari")});
    QCOMPARE(table.title, ActivityReportExport::tr("Activity report"));
    QCOMPARE(table.subtitle.size(), 5);
    QVERIFY(table.subtitle.at(0).contains(DisplayText::longDate(QDate(2025, 1, 1))));
    QVERIFY(table.subtitle.at(0).contains(DisplayText::longDate(QDate(2025, 12, 31))));
    QVERIFY(table.subtitle.at(1).contains(QStringLiteral("Org A")));
    QVERIFY(table.subtitle.last().contains(QStringLiteral("kari")));
    QVERIFY(table.subtitle.last().contains(DisplayText::dateTime(madeAt)));
    QCOMPARE(table.headers, StatisticsReportModel::headers());
    QCOMPARE(table.columnWeights.size(), table.headers.size());
    QCOMPARE(table.expectedRows, 3);
}

void TestActivityReportExport::headingNamesTheCoordinator()
{
    const ReportWriter::Table table = ActivityReportExport::table(
        stats(),
        {QStringLiteral("Org A"), QStringLiteral("Kari Koordinator"), QDateTime(), QStringLiteral("kari")});
    QCOMPARE(table.subtitle.size(), 6);
    QVERIFY(table.subtitle.at(2).contains(QStringLiteral("Kari Koordinator")));
}

void TestActivityReportExport::suggestedFileName()
{
    const QString folder = QDir::tempPath();
    QCOMPARE(ActivityReportExport::suggestedFileName(stats(), ActivityReportExport::Format::Csv, folder),
             QDir(folder).filePath(QStringLiteral("activity-report-2025-01-01-2025-12-31.csv")));
    QCOMPARE(ActivityReportExport::suggestedFileName(stats(), ActivityReportExport::Format::Pdf, folder),
             QDir(folder).filePath(QStringLiteral("activity-report-2025-01-01-2025-12-31.pdf")));
}

QTEST_MAIN(TestActivityReportExport)
#include "tst_activityreportexport.moc"
