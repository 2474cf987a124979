#pragma once

#include "core/StatisticsService.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace cc {

// The rows of the yearly activity report (one per peer mentor: name, coordinator, active days,
// paused days, number of pauses) for a table view; sort it through a QSortFilterProxyModel on
// SortRole. The same words and numbers go to the CSV and PDF exports (headers(), rowText()).
class StatisticsReportModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        CoordinatorColumn,
        ActiveDaysColumn,
        PausedDaysColumn,
        PausesColumn,
        ColumnCount
    };
    enum ItemRole
    {
        IdRole = Qt::UserRole, // the mentor's id
        SortRole,              // numbers as numbers, text as text
    };

    explicit StatisticsReportModel(QObject *parent = nullptr);

    void setRows(const QList<MentorActivity> &rows);
    const QList<MentorActivity> &rows() const { return m_rows; }
    const MentorActivity &rowAt(int row) const { return m_rows.at(row); }

    // The column headings, translated.
    static QStringList headers();
    // A row as the exports write it: numbers without grouping, so spreadsheets read them.
    static QStringList rowText(const MentorActivity &row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<MentorActivity> m_rows;
};

} // namespace cc
