#include "ui/statistics/StatisticsPage.h"

#include "ui/common/ConsoleServices.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/Icons.h"
#include "ui/common/LongTask.h"
#include "ui/common/Settings.h"
#include "ui/statistics/ActivityReportExport.h"
#include "ui/statistics/PeriodSelector.h"
#include "ui/statistics/StatisticsCharts.h"
#include "ui/statistics/StatisticsReportModel.h"

#include <QChart>
#include <QChartView>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace cc {

namespace {

constexpr int kEditDelayMs = 300;     // after a change of period or scope
constexpr int kRecordsDelayMs = 1000; // after records arrive, so a burst computes once

// A chart view that a keyboard can reach and a screen reader can name.
QChartView *chartView(QChart *chart, const QString &objectName, const QString &name, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setObjectName(objectName);
    view->setAccessibleName(name);
    view->setRenderHint(QPainter::Antialiasing);
    // The view takes the focus and carries the name; its viewport is only its drawing surface. (The
    // viewport's focus proxy is the view, so its policy goes to the view too: set the view's last.)
    view->viewport()->setFocusPolicy(Qt::NoFocus);
    view->setFocusPolicy(Qt::StrongFocus);
    view->setMinimumSize(320, 240);
    view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    return view;
}

QLabel *summaryLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

StatisticsPage::StatisticsPage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : ConsolePage(services, caller, parent)
    , m_service(services.database)
{
    setObjectName(QStringLiteral("StatisticsPage"));
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { refresh(); });

    buildUi();
    m_period->load();
    m_stale = true;

    // Records change the numbers; the directory changes the coordinators to choose from.
    connect(&services.records, &NotificationRecordService::recordAdded, this, [this] { recordsChanged(); });
    connect(&services.records, &NotificationRecordService::recordChanged, this, [this] { recordsChanged(); });
    connect(&services.records, &NotificationRecordService::recordDeleted, this, [this] { recordsChanged(); });
    connect(&services.directory, &DirectoryService::directoryChanged, this, [this] {
        m_period->loadCoordinators();
        recordsChanged();
    });
}

QString StatisticsPage::title() const
{
    return tr("Statistics");
}

QIcon StatisticsPage::icon() const
{
    return Icons::glyph(Icons::Glyph::Statistics);
}

void StatisticsPage::buildUi()
{
    m_period = new PeriodSelector(services(), caller(), this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("statisticsMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    QWidget *charts = buildCharts();
    QWidget *report = buildReport();

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("statisticsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(charts);
    splitter->addWidget(report);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_period);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    setTabOrder(m_period->lastInTabOrder(), m_pausedView);
    setTabOrder(m_pausedView, m_eventsView);
    setTabOrder(m_eventsView, m_table);
    setTabOrder(m_table, m_exportCsv);
    setTabOrder(m_exportCsv, m_exportPdf);

    auto *refreshKey = new QShortcut(QKeySequence::Refresh, this);
    refreshKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshKey, &QShortcut::activated, this, [this] { refresh(); });

    connect(m_period, &PeriodSelector::changed, this, [this] {
        m_stale = true;
        scheduleRefresh(kEditDelayMs);
    });
    connect(m_period, &PeriodSelector::problem, this, &StatisticsPage::showMessage);

    applyChartStyle();
}

QWidget *StatisticsPage::buildCharts()
{
    m_pausedChart = new QChart;
    m_eventsChart = new QChart;
    m_pausedView =
        chartView(m_pausedChart, QStringLiteral("pausedChart"), tr("Paused peer mentors over time"), this);
    m_eventsView = chartView(m_eventsChart, QStringLiteral("eventsChart"),
                             tr("Pauses started and ended per month"), this);
    m_pausedSummary = summaryLabel(QStringLiteral("pausedSummary"), this);
    m_eventsSummary = summaryLabel(QStringLiteral("eventsSummary"), this);
    auto *charts = new QWidget(this);
    auto *chartsLayout = new QGridLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(m_pausedView, 0, 0);
    chartsLayout->addWidget(m_eventsView, 0, 1);
    chartsLayout->addWidget(m_pausedSummary, 1, 0);
    chartsLayout->addWidget(m_eventsSummary, 1, 1);
    chartsLayout->setColumnStretch(0, 1);
    chartsLayout->setColumnStretch(1, 1);
    chartsLayout->setRowStretch(0, 1);
    return charts;
}

QWidget *StatisticsPage::buildReport()
{
    auto *report = new QWidget(this);
    auto *reportLayout = new QVBoxLayout(report);
    reportLayout->setContentsMargins(0, 6, 0, 0);
    m_reportHeading = new QLabel(report);
    m_reportHeading->setObjectName(QStringLiteral("reportHeading"));
    m_reportHeading->setWordWrap(true);
    QFont heading = m_reportHeading->font();
    heading.setBold(true);
    m_reportHeading->setFont(heading);
    m_model = new StatisticsReportModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(StatisticsReportModel::SortRole);
    m_sorted->setSortLocaleAware(true);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView(report);
    m_table->setObjectName(QStringLiteral("reportTable"));
    m_table->setAccessibleName(tr("Activity report"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(StatisticsReportModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setAccessibleName(tr("Columns of the activity report"));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(StatisticsReportModel::NameColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(StatisticsReportModel::CoordinatorColumn,
                                                      QHeaderView::Stretch);
    m_table->setMinimumHeight(120);

    m_exportCsv = new QPushButton(tr("Export report as &CSV…"), report);
    m_exportCsv->setObjectName(QStringLiteral("exportCsvButton"));
    m_exportPdf = new QPushButton(tr("Export report as P&DF…"), report);
    m_exportPdf->setObjectName(QStringLiteral("exportPdfButton"));
    m_exportCsv->setEnabled(false);
    m_exportPdf->setEnabled(false);
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { chooseFileAndExport(Format::Csv); });
    connect(m_exportPdf, &QPushButton::clicked, this, [this] { chooseFileAndExport(Format::Pdf); });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_exportCsv);
    buttons->addWidget(m_exportPdf);
    reportLayout->addWidget(m_reportHeading);
    reportLayout->addWidget(m_table, 1);
    reportLayout->addLayout(buttons);
    return report;
}

std::pair<QDate, QDate> StatisticsPage::periodOf(QuickPeriod choice, const QDate &today)
{
    return PeriodSelector::periodOf(choice, today);
}

void StatisticsPage::recordsChanged()
{
    m_stale = true;
    if (isVisible())
        scheduleRefresh(kRecordsDelayMs);
}

void StatisticsPage::scheduleRefresh(int delayMs)
{
    // A hidden page computes when it is shown (activated()).
    if (isVisible())
        m_refreshTimer.start(delayMs);
}

void StatisticsPage::activated()
{
    if (m_stale || !m_computed)
        refresh();
}

StatisticsRequest StatisticsPage::request() const
{
    StatisticsRequest r;
    r.from = m_period->from();
    r.to = m_period->to();
    r.orgId = m_period->orgId();
    r.coordinatorId = m_period->coordinatorId();
    return r;
}

bool StatisticsPage::refresh()
{
    m_refreshTimer.stop();
    if (m_computing) {
        m_again = true;
        return false;
    }
    const StatisticsRequest wanted = request();
    if (wanted.from > wanted.to) {
        showMessage(tr("The first day of the period is after the last day. Choose a first day on or before "
                       "the last day."));
        return false;
    }
    if (caller().isGlobalAdmin() && wanted.orgId.isEmpty()) {
        showMessage(tr("There is no organisation yet."));
        return false;
    }

    m_computing = true;
    m_stale = false;
    std::optional<ActivityStatistics> computed;
    StatisticsService &service = m_service;
    const Caller who = caller();
    const LongTask::Result outcome = LongTask::run(this, tr("Computing the statistics…"),
                                                   [&](const LongTask::Progress &progress) -> Status {
                                                       auto result = service.activity(who, wanted, progress);
                                                       if (!result)
                                                           return result.error();
                                                       computed = std::move(*result);
                                                       return {};
                                                   });
    m_computing = false;

    bool shown = false;
    if (outcome.outcome == LongTask::Outcome::Finished && computed) {
        m_stats = std::move(*computed);
        m_computed = true;
        showMessage(QString());
        showStatistics();
        shown = true;
    } else if (outcome.outcome == LongTask::Outcome::Cancelled) {
        m_stale = true;
        showMessage(tr("Computing the statistics was cancelled. Press F5 to compute them again."));
    } else {
        m_stale = true;
        showMessage(tr("The statistics could not be computed.") + QLatin1Char(' ')
                    + ErrorMessages::text(outcome.error));
    }
    if (m_again) {
        m_again = false;
        m_refreshTimer.start(0);
    }
    return shown;
}

void StatisticsPage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        emit statusMessage(text);
}

void StatisticsPage::showStatistics()
{
    m_model->setRows(m_stats.mentors);
    StatisticsCharts::showPaused(m_pausedChart, m_stats);
    StatisticsCharts::showEvents(m_eventsChart, m_stats);
    applyChartStyle();
    const QString paused = StatisticsCharts::pausedSummary(m_stats);
    const QString events = StatisticsCharts::eventsSummary(m_stats);
    m_pausedSummary->setText(paused);
    m_eventsSummary->setText(events);
    m_pausedView->setAccessibleDescription(paused);
    m_eventsView->setAccessibleDescription(events);
    m_reportHeading->setText(
        tr("Activity report from %1 to %2: %n peer mentor(s)", nullptr, int(m_stats.mentors.size()))
            .arg(DisplayText::longDate(m_stats.from), DisplayText::longDate(m_stats.to)));
    m_table->setAccessibleDescription(m_reportHeading->text());
    const bool rows = !m_stats.mentors.isEmpty();
    m_exportCsv->setEnabled(rows);
    m_exportPdf->setEnabled(rows);
}

void StatisticsPage::applyChartStyle()
{
    StatisticsCharts::applyStyle(m_pausedChart, this);
    StatisticsCharts::applyStyle(m_eventsChart, this);
}

void StatisticsPage::changeEvent(QEvent *event)
{
    ConsolePage::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange) {
        if (m_pausedChart)
            applyChartStyle();
    }
}

QString StatisticsPage::organisationName() const
{
    if (caller().isGlobalAdmin())
        return m_period->organisationName();
    auto org = services().directory.organisation(caller(), caller().orgId);
    return org ? org->name : caller().orgId;
}

ReportWriter::Table StatisticsPage::reportTable() const
{
    ActivityReportExport::About about;
    about.organisation = organisationName();
    if (!m_period->coordinatorId().isEmpty())
        about.coordinator = m_period->coordinatorName();
    about.madeAt = services().clock.now();
    about.madeBy = caller().username;
    return ActivityReportExport::table(m_stats, about);
}

QList<QStringList> StatisticsPage::reportRows() const
{
    // In the order the table shows them.
    QList<QStringList> rows;
    rows.reserve(m_sorted->rowCount());
    for (int row = 0; row < m_sorted->rowCount(); ++row)
        rows << StatisticsReportModel::rowText(
            m_model->rowAt(m_sorted->mapToSource(m_sorted->index(row, 0)).row()));
    return rows;
}

QString StatisticsPage::suggestedFileName(Format format) const
{
    QString folder = services().settings.string(Settings::Key::LastExportFolder);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return ActivityReportExport::suggestedFileName(m_stats, format, folder);
}

void StatisticsPage::chooseFileAndExport(Format format)
{
    if ((m_stale || !m_computed) && !refresh())
        return;
    const QString file = format == Format::Csv
        ? QFileDialog::getSaveFileName(this, tr("Export the activity report as CSV"),
                                       suggestedFileName(format), tr("CSV files (*.csv)"))
        : QFileDialog::getSaveFileName(this, tr("Export the activity report as PDF"),
                                       suggestedFileName(format), tr("PDF files (*.pdf)"));
    if (file.isEmpty())
        return;
    exportReport(file, format);
}

bool StatisticsPage::exportCsv(const QString &file)
{
    return exportReport(file, Format::Csv);
}

bool StatisticsPage::exportPdf(const QString &file)
{
    return exportReport(file, Format::Pdf);
}

bool StatisticsPage::exportReport(const QString &file, Format format)
{
    if (!m_computed && !refresh())
        return false;
    const ReportWriter::Table table = reportTable();
    const QList<QStringList> rows = reportRows();
    const LongTask::Result outcome = ActivityReportExport::write(this, file, format, table, rows);
    if (outcome.outcome == LongTask::Outcome::Cancelled) {
        emit statusMessage(tr("The export was cancelled."));
        return false;
    }
    if (outcome.outcome == LongTask::Outcome::Failed) {
        ErrorMessages::show(this, tr("The activity report could not be saved"), outcome.error);
        return false;
    }
    services().settings.setValue(Settings::Key::LastExportFolder, QFileInfo(file).absolutePath());
    emit statusMessage(tr("The activity report was saved as %1.").arg(QDir::toNativeSeparators(file)));
    return true;
}

} // namespace cc
