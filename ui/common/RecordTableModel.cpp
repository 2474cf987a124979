#include "ui/common/RecordTableModel.h"

namespace cc {

RecordTableModel::RecordTableModel(QList<RecordFields::Field> columns, QObject *parent)
    : QAbstractTableModel(parent)
    , m_columns(std::move(columns))
{}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NotificationRecord &r = record(index.row());
    const RecordFields::Field field = m_columns.at(index.column());
    switch (role) {
    case IdRole:
        return r.id;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return RecordFields::display(r, field);
    case SortRole:
        return RecordFields::sortKey(r, field);
    case RawRole:
        return RecordFields::raw(r, field);
    }
    return {};
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < 0 || section >= m_columns.size())
        return {};
    return RecordFields::header(m_columns.at(section));
}

void RecordTableModel::fail(const Error &error)
{
    m_lastError = error;
    emit errorOccurred(error);
}

int RecordListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

int RecordListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

void RecordListModel::insertRecord(int row, const NotificationRecord &record)
{
    beginInsertRows({}, row, row);
    m_rows.insert(row, record);
    endInsertRows();
}

void RecordListModel::appendRecords(QList<NotificationRecord> records)
{
    if (records.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(records.size()) - 1);
    m_rows.append(std::move(records));
    endInsertRows();
}

void RecordListModel::replaceRecord(int row, const NotificationRecord &record)
{
    m_rows[row] = record;
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void RecordListModel::removeRecord(int row)
{
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

} // namespace cc
