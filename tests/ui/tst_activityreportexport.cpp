#include "ui/common/DisplayText.h"
#include "ui/statistics/ActivityReportExport.h"
#include "ui/statistics/StatisticsReportModel.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace cc;

namespace {

// The permission bits of `path` in octal ("600"), or "missing".
QString modeOf(const QString &path)
{
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return QStringLiteral("missing");
    return QString::number(info.st_mode & 07777, 8);
}

} // namespace

// The activity report's heading and file name (the writing itself is tested through the page),
// and the files ReportWriter makes of it and of a document of several tables.
class TestActivityReportExport : public QObject
{
    Q_OBJECT

private slots:
    void headingOfTheWholeOrganisation();
    void headingNamesTheCoordinator();
    void suggestedFileName();
    void exportsAreOwnerOnly();
    void cancelledExportLeavesNothing();
    void documentOfSeveralTables();

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

// A report holds personal data: CSV and PDF alike are 0600 whatever the umask, also when they
// replace a file that others could read; nothing else is left in the folder.
void TestActivityReportExport::exportsAreOwnerOnly()
{
    const mode_t umask = ::umask(022); // a common umask; a strict one would pass by itself
    const auto restore = qScopeGuard([umask] { ::umask(umask); });
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ReportWriter::Table table = ActivityReportExport::table(
        stats(), {QStringLiteral("Org A"), QString(), QDateTime(), QStringLiteral("kari")});
    const QList<QStringList> rows{{QStringLiteral("Kari"), QStringLiteral("Ingrid"), QStringLiteral("12"),
                                   QStringLiteral("1"), QStringLiteral("3")}};
    const QString csv = dir.filePath(QStringLiteral("report.csv"));
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    const Status csvWritten = ReportWriter::writeCsv(csv, table, ReportWriter::rowsOf(rows));
    QVERIFY2(csvWritten.ok(), csvWritten.ok() ? "" : qPrintable(csvWritten.error().message));
    const Status pdfWritten = ReportWriter::writePdf(pdf, table, ReportWriter::rowsOf(rows));
    QVERIFY2(pdfWritten.ok(), pdfWritten.ok() ? "" : qPrintable(pdfWritten.error().message));
    QCOMPARE(modeOf(csv), QStringLiteral("600"));
    QCOMPARE(modeOf(pdf), QStringLiteral("600"));
    QFile written(pdf);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll().startsWith("%PDF"));

    // Written again over a file that everyone may read.
    QVERIFY(QFile::setPermissions(csv,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                      | QFileDevice::ReadOther));
    QCOMPARE(modeOf(csv), QStringLiteral("644"));
    const Status again = ReportWriter::writeCsv(csv, table, ReportWriter::rowsOf(rows));
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
    QCOMPARE(modeOf(csv), QStringLiteral("600"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             (QStringList{QStringLiteral("report.csv"), QStringLiteral("report.pdf")}));
}

void TestActivityReportExport::cancelledExportLeavesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ReportWriter::Table table = ActivityReportExport::table(
        stats(), {QStringLiteral("Org A"), QString(), QDateTime(), QStringLiteral("kari")});
    const QList<QStringList> rows(300,
                                  QStringList{QStringLiteral("Kari"), QStringLiteral("Ingrid"),
                                              QStringLiteral("12"), QStringLiteral("1"),
                                              QStringLiteral("3")});
    const auto cancel = [](qint64, qint64) { return false; };
    for (const bool asPdf : {false, true}) {
        const QString file =
            dir.filePath(asPdf ? QStringLiteral("report.pdf") : QStringLiteral("report.csv"));
        const Status written = asPdf
            ? ReportWriter::writePdf(file, table, ReportWriter::rowsOf(rows), cancel)
            : ReportWriter::writeCsv(file, table, ReportWriter::rowsOf(rows), cancel);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().message, ReportWriter::cancelled().message);
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{});
}

void TestActivityReportExport::documentOfSeveralTables()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ReportWriter::Document doc;
    doc.title = QStringLiteral("Personal data of Kari");
    doc.subtitle << QStringLiteral("Made today.");
    ReportWriter::Section lines;
    lines.heading = QStringLiteral("Profile");
    lines.lines << QStringLiteral("Name: Kari") << QStringLiteral("Phone: none");
    ReportWriter::Section many;
    many.heading = QStringLiteral("Records");
    many.headers = {QStringLiteral("When"), QStringLiteral("What")};
    many.columnWeights = {1, 3};
    for (int i = 0; i < 300; ++i)
        many.rows << QStringList{QString::number(i),
                                 QStringLiteral("A row long enough to wrap. ").repeated(i % 5 + 1)};
    ReportWriter::Section none;
    none.heading = QStringLiteral("Messages");
    none.headers = {QStringLiteral("Text")};
    none.emptyText = QStringLiteral("None.");
    doc.sections << lines << many << none;

    const QString pdf = dir.filePath(QStringLiteral("document.pdf"));
    const Status written = ReportWriter::writePdf(pdf, doc);
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
    QCOMPARE(modeOf(pdf), QStringLiteral("600"));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    // 300 rows take several pages (the page tree counts them).
    const QRegularExpressionMatch pages =
        QRegularExpression(QStringLiteral("/Count (\\d+)")).match(QString::fromLatin1(bytes));
    QVERIFY(pages.hasMatch());
    QVERIFY2(pages.captured(1).toInt() > 3, qPrintable(pages.captured(1)));

    // A folder it cannot write to: an error naming the file, and nothing left behind.
    const QString missing = dir.filePath(QStringLiteral("no/such/folder/document.pdf"));
    const Status refused = ReportWriter::writePdf(missing, doc);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(missing));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("document.pdf")});
}

QTEST_MAIN(TestActivityReportExport)
#include "tst_activityreportexport.moc"
