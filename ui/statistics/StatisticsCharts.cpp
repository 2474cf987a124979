#include "ui/statistics/StatisticsCharts.h"

#include "ui/common/DisplayText.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>
#include <QWidget>

#include <algorithm>

namespace cc {

namespace {

// The months a bar chart labels one by one; longer periods are labelled by year.
constexpr int kMonthsLabelled = 24;

QString dayText(const QDate &day)
{
    return QLocale().toString(day, QLocale::ShortFormat);
}

QString monthText(const QDate &month)
{
    return QLocale().toString(month, QStringLiteral("MMMM yyyy"));
}

qint64 msecsOf(const QDate &day)
{
    // QDateTimeAxis shows local time: local midnight puts each point on its day.
    return QDateTime(day, QTime(0, 0)).toMSecsSinceEpoch();
}

// A value axis of whole numbers from 0 to at least `highest`.
QValueAxis *countAxis(int highest)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(QStringLiteral("%d"));
    const int top = std::max(highest, 1);
    if (top <= 6) {
        axis->setRange(0, top);
        axis->setTickCount(top + 1);
    } else {
        axis->setRange(0, top);
        axis->applyNiceNumbers();
    }
    return axis;
}

void clear(QChart *chart)
{
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

} // namespace

QString StatisticsCharts::pausedTitle(const ActivityStatistics &stats)
{
    switch (stats.step) {
    case ActivityStatistics::Step::Day:
        return tr("Paused peer mentors per day");
    case ActivityStatistics::Step::Week:
        return tr("Paused peer mentors per week");
    case ActivityStatistics::Step::Month:
        return tr("Paused peer mentors per month");
    }
    return {};
}

QString StatisticsCharts::eventsTitle()
{
    return tr("Pauses started and ended per month");
}

void StatisticsCharts::showPaused(QChart *chart, const ActivityStatistics &stats)
{
    clear(chart);
    chart->setTitle(pausedTitle(stats));
    auto *upper = new QLineSeries;
    int highest = 0;
    // A step line: each bucket's value holds from its first day to the first day of the next.
    for (const PausedBucket &bucket : stats.paused) {
        upper->append(double(msecsOf(bucket.first)), bucket.paused);
        upper->append(double(msecsOf(bucket.last.addDays(1))), bucket.paused);
        highest = std::max(highest, bucket.paused);
    }
    auto *area = new QAreaSeries(upper);
    upper->setParent(area);
    area->setName(tr("Paused peer mentors"));
    chart->addSeries(area);
    chart->legend()->setVisible(false);

    auto *time = new QDateTimeAxis;
    const qint64 days = stats.from.daysTo(stats.to) + 1;
    time->setFormat(days <= StatisticsService::kMaxDailyDays ? QStringLiteral("d MMM")
                                                             : QStringLiteral("MMM yyyy"));
    time->setTickCount(days < 6 ? int(days) + 1 : 6);
    time->setRange(QDateTime(stats.from, QTime(0, 0)), QDateTime(stats.to.addDays(1), QTime(0, 0)));
    chart->addAxis(time, Qt::AlignBottom);
    area->attachAxis(time);
    QValueAxis *count = countAxis(highest);
    chart->addAxis(count, Qt::AlignLeft);
    area->attachAxis(count);
}

void StatisticsCharts::showEvents(QChart *chart, const ActivityStatistics &stats)
{
    clear(chart);
    chart->setTitle(eventsTitle());
    auto *started = new QBarSet(DisplayText::event(EventType::PauseActivated));
    auto *ended = new QBarSet(DisplayText::event(EventType::PauseDeactivated));
    int highest = 0;
    for (const MonthEvents &month : stats.events) {
        started->append(month.activated);
        ended->append(month.deactivated);
        highest = std::max({highest, month.activated, month.deactivated});
    }
    auto *bars = new QBarSeries;
    bars->append(started);
    bars->append(ended);
    chart->addSeries(bars);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);

    const qsizetype months = stats.events.size();
    if (months <= kMonthsLabelled) {
        const bool oneYear =
            !stats.events.isEmpty() && stats.events.first().month.year() == stats.events.last().month.year();
        auto *axis = new QBarCategoryAxis;
        for (const MonthEvents &month : stats.events)
            axis->append(
                QLocale().toString(month.month, oneYear ? QStringLiteral("MMM") : QStringLiteral("MMM yy")));
        // Upright labels would overlap once there are more than a few months.
        if (months > 6)
            axis->setLabelsAngle(-90);
        chart->addAxis(axis, Qt::AlignBottom);
        bars->attachAxis(axis);
    } else {
        // One label per year, centred under its months.
        auto *axis = new QCategoryAxis;
        axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
        axis->setRange(-0.5, double(months) - 0.5);
        for (qsizetype i = 0; i < months; ++i) {
            const QDate month = stats.events.at(i).month;
            if (i == months - 1 || stats.events.at(i + 1).month.year() != month.year())
                axis->append(QString::number(month.year()), double(i) + 0.5);
        }
        chart->addAxis(axis, Qt::AlignBottom);
        bars->attachAxis(axis);
    }
    QValueAxis *count = countAxis(highest);
    chart->addAxis(count, Qt::AlignLeft);
    bars->attachAxis(count);
}

QString StatisticsCharts::pausedSummary(const ActivityStatistics &stats)
{
    const auto peak =
        std::max_element(stats.paused.cbegin(), stats.paused.cend(),
                         [](const PausedBucket &a, const PausedBucket &b) { return a.paused < b.paused; });
    const QString from = dayText(stats.from);
    const QString to = dayText(stats.to);
    if (peak == stats.paused.cend() || peak->paused == 0)
        return tr("No peer mentor was paused from %1 to %2.").arg(from, to);
    switch (stats.step) {
    case ActivityStatistics::Step::Day:
        return tr("Paused peer mentors per day from %1 to %2: highest %3 on %4.")
            .arg(from, to, QLocale().toString(peak->paused), dayText(peak->first));
    case ActivityStatistics::Step::Week:
        return tr("Paused peer mentors per week from %1 to %2: highest %3 in the week of %4.")
            .arg(from, to, QLocale().toString(peak->paused), dayText(peak->first));
    case ActivityStatistics::Step::Month:
        return tr("Paused peer mentors per month from %1 to %2: highest %3 in %4.")
            .arg(from, to, QLocale().toString(peak->paused), monthText(peak->first));
    }
    return {};
}

QString StatisticsCharts::eventsSummary(const ActivityStatistics &stats)
{
    int started = 0;
    int ended = 0;
    const MonthEvents *busiest = nullptr;
    for (const MonthEvents &month : stats.events) {
        started += month.activated;
        ended += month.deactivated;
        if (!busiest || month.activated + month.deactivated > busiest->activated + busiest->deactivated)
            busiest = &month;
    }
    const QString from = dayText(stats.from);
    const QString to = dayText(stats.to);
    if (started + ended == 0)
        return tr("No pause started or ended from %1 to %2.").arg(from, to);
    // Whole sentences, each translated on its own.
    const QStringList sentences{
        tr("Pause events per month from %1 to %2.").arg(from, to),
        tr("%n pause(s) started.", nullptr, started),
        tr("%n pause(s) ended.", nullptr, ended),
        tr("The busiest month was %1.").arg(monthText(busiest->month)),
    };
    return sentences.join(QLatin1Char(' '));
}

void StatisticsCharts::applyStyle(QChart *chart, const QWidget *widget)
{
    const QPalette &palette = widget->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    // The theme gives series colours that read on a dark or a light background ...
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // ... and the palette gives everything else, so high-contrast schemes hold.
    chart->setBackgroundBrush(palette.brush(QPalette::Base));
    chart->setBackgroundPen(QPen(palette.color(QPalette::Mid)));
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(palette.brush(QPalette::Text));
    QFont title = widget->font();
    title.setBold(true);
    chart->setTitleFont(title);
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->legend()->setFont(widget->font());
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsBrush(palette.brush(QPalette::Text));
        axis->setLabelsFont(widget->font());
        axis->setLinePenColor(palette.color(QPalette::Text));
        axis->setGridLineColor(palette.color(QPalette::Mid));
        axis->setShadesVisible(false);
    }
}

} // namespace cc
