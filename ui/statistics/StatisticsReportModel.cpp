#include "ui/statistics/StatisticsReportModel.h"

#include <QLocale>

namespace cc {

StatisticsReportModel::StatisticsReportModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void StatisticsReportModel::setRows(const QList<MentorActivity> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QStringList StatisticsReportModel::headers()
{
    return {tr("Peer mentor"), tr("Coordinator"), tr("Active days"), tr("Paused days"), tr("Pauses")};
}

QStringList StatisticsReportModel::rowText(const MentorActivity &row)
{
    return {row.name, row.coordinatorName, QString::number(row.activeDays), QString::number(row.pausedDays),
            QString::number(row.pauses)};
}

int StatisticsReportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StatisticsReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatisticsReportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MentorActivity &row = m_rows.at(index.row());
    const bool number = index.column() >= ActiveDaysColumn;
    auto value = [&]() -> QVariant {
        switch (index.column()) {
        case NameColumn:
            return row.name;
        case CoordinatorColumn:
            return row.coordinatorName;
        case ActiveDaysColumn:
            return row.activeDays;
        case PausedDaysColumn:
            return row.pausedDays;
        case PausesColumn:
            return row.pauses;
        }
        return {};
    };
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return number ? QVariant(QLocale().toString(value().toInt())) : value();
    case Qt::TextAlignmentRole:
        return number ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                      : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole:
        return value();
    case IdRole:
        return row.peerMentorId;
    }
    return {};
}

QVariant StatisticsReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return headers().at(section);
    if (role == Qt::TextAlignmentRole && section >= ActiveDaysColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace cc
