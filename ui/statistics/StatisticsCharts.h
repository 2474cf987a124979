#pragma once

#include "core/StatisticsService.h"

#include <QCoreApplication>
#include <QString>

class QChart;
class QWidget;

namespace cc {

// Draws the statistics page's two charts from ActivityStatistics: paused peer mentors over time
// (an area of the per-day, per-week or per-month highs) and pause events per month (grouped bars
// with a legend), in the palette and font of a widget. Also words each chart as one sentence for
// screen readers and for the summary under it.
class StatisticsCharts
{
    Q_DECLARE_TR_FUNCTIONS(StatisticsCharts)

public:
    // Empties `chart` and fills it with the paused-mentors series of `stats`.
    static void showPaused(QChart *chart, const ActivityStatistics &stats);
    // Empties `chart` and fills it with the events per month of `stats`.
    static void showEvents(QChart *chart, const ActivityStatistics &stats);

    static QString pausedTitle(const ActivityStatistics &stats);
    static QString eventsTitle();
    // "Paused peer mentors per week from … to …: highest 7 in the week of …."
    static QString pausedSummary(const ActivityStatistics &stats);
    // "Pause events per month from … to …. 12 pauses started. 9 pauses ended. The busiest month was …."
    static QString eventsSummary(const ActivityStatistics &stats);

    // A dark chart theme when the window colour is dark, then the palette's colours for the
    // background, texts and grid, and the widget's font (no fixed sizes). Call after showPaused()
    // or showEvents() (they add axes) and whenever the palette or font changes.
    static void applyStyle(QChart *chart, const QWidget *widget);
};

} // namespace cc
