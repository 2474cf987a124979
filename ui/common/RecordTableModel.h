#pragma once

#include "core/Records.h"
#include "core/Result.h"
#include "ui/common/RecordFields.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace cc {

// A table of notification records, one per row, each column one RecordFields::Field: the rows,
// what a cell shows in each role, the column headings and the error of the last load. RecordsModel
// and HistoryModel derive from it and keep only what differs: their columns and how they load.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum ItemRole
    {
        IdRole = Qt::UserRole, // the record's id
        SortRole,              // a value that sorts: QDateTime for times, else text
        RawRole,               // the value as the API writes it: timestamps, event and channel names
    };

    const NotificationRecord &recordAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &id) const; // -1 when not shown
    const std::optional<Error> &lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void errorOccurred(const cc::Error &error);

protected:
    RecordTableModel(QList<RecordFields::Field> columns, QObject *parent);

    // Each emits the signals of its change.
    void insertRecord(int row, const NotificationRecord &record);
    void appendRecords(QList<NotificationRecord> records);
    void replaceRecord(int row, const NotificationRecord &record);
    void removeRecord(int row);

    // Keeps the error as lastError() and emits errorOccurred().
    void fail(const Error &error);
    void clearError() { m_lastError.reset(); }

    // The rows; a subclass writes them directly only between beginResetModel() and endResetModel().
    QList<NotificationRecord> m_rows;

private:
    QList<RecordFields::Field> m_columns;
    std::optional<Error> m_lastError;
};

} // namespace cc
