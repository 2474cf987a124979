#pragma once

#include "core/StatisticsService.h"
#include "ui/common/ConsolePage.h"
#include "ui/common/ReportWriter.h"
#include "ui/statistics/ActivityReportExport.h"
#include "ui/statistics/PeriodSelector.h"

#include <QTimer>

class QChart;
class QChartView;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace cc {

class StatisticsReportModel;

// The page of charts of pauses over time and the yearly activity report. The user picks a period
// (or a quick choice such as last year) and a scope (the organisation or one coordinator; a global
// admin also picks the organisation), both remembered in the settings. The numbers come from
// StatisticsService, computed off the UI thread in a LongTask; the report exports as CSV and PDF
// through ReportWriter, also in a LongTask. Recorded pauses and resumes refresh what is shown.
class StatisticsPage : public ConsolePage
{
    Q_OBJECT
public:
    StatisticsPage(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void activated() override;

    // The quick choices of the period box (PeriodSelector), in its order.
    using QuickPeriod = PeriodSelector::QuickPeriod;
    // The first and last day of a quick choice, as of `today`.
    static std::pair<QDate, QDate> periodOf(QuickPeriod choice, const QDate &today);

    // What the controls ask for now.
    StatisticsRequest request() const;
    // Computes the statistics for request() now (off the UI thread, with a progress dialog after a
    // moment) and shows them; answers false when it failed or was cancelled (the page says why).
    bool refresh();
    // The statistics shown (empty before the first refresh()).
    const ActivityStatistics &statistics() const { return m_stats; }

    // Writes the report as shown (rows in the table's order) to `file`; false on failure or cancel.
    bool exportCsv(const QString &file);
    bool exportPdf(const QString &file);

protected:
    void changeEvent(QEvent *event) override;

private:
    using Format = ActivityReportExport::Format;

    void buildUi();
    QWidget *buildCharts();
    QWidget *buildReport();
    void recordsChanged();
    void scheduleRefresh(int delayMs);
    void showStatistics();
    void showMessage(const QString &text);
    void applyChartStyle();
    QString organisationName() const;
    ReportWriter::Table reportTable() const;
    QList<QStringList> reportRows() const;
    QString suggestedFileName(Format format) const;
    void chooseFileAndExport(Format format);
    bool exportReport(const QString &file, Format format);

    StatisticsService m_service;
    ActivityStatistics m_stats;
    bool m_computed = false; // m_stats is of the request it was computed for
    bool m_stale = true;     // records or controls changed since
    bool m_computing = false;
    bool m_again = false; // a refresh was asked for while computing
    QTimer m_refreshTimer;

    PeriodSelector *m_period = nullptr;
    QLabel *m_message = nullptr;
    QChartView *m_pausedView = nullptr;
    QChartView *m_eventsView = nullptr;
    QChart *m_pausedChart = nullptr;
    QChart *m_eventsChart = nullptr;
    QLabel *m_pausedSummary = nullptr;
    QLabel *m_eventsSummary = nullptr;
    QLabel *m_reportHeading = nullptr;
    StatisticsReportModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportPdf = nullptr;
};

} // namespace cc
