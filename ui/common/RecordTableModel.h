#pragma once

#include "core/Records.h"
#include "core/Result.h"
#include "ui/common/RecordFields.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace cc {

// A table of notification records, one per row, each column one RecordFields::Field: what a cell
// shows in each role, the column headings and the error of the last load. Where the rows are kept
// is the subclass's: RecordListModel keeps them all in a list (HistoryModel), RecordsModel keeps a
// window of keyset pages.
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

    // A copy, which stays valid whatever the model does next (0 <= row < rowCount()).
    NotificationRecord recordAt(int row) const { return record(row); }
    virtual int rowOf(const QString &id) const = 0; // -1 when not shown
    const std::optional<Error> &lastError() const { return m_lastError; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void errorOccurred(const cc::Error &error);

protected:
    RecordTableModel(QList<RecordFields::Field> columns, QObject *parent);

    // The record in `row` (0 <= row < rowCount()); valid until the model next changes or reads
    // another row.
    virtual const NotificationRecord &record(int row) const = 0;

    // Keeps the error as lastError() and emits errorOccurred().
    void fail(const Error &error);
    void clearError() { m_lastError.reset(); }

private:
    QList<RecordFields::Field> m_columns;
    std::optional<Error> m_lastError;
};

// A record table that keeps all its rows in a list: for tables that are small (a mentor's history).
class RecordListModel : public RecordTableModel
{
    Q_OBJECT
public:
    int rowOf(const QString &id) const override;
    int rowCount(const QModelIndex &parent = {}) const override;

protected:
    using RecordTableModel::RecordTableModel;

    const NotificationRecord &record(int row) const override { return m_rows.at(row); }

    // Each emits the signals of its change.
    void insertRecord(int row, const NotificationRecord &record);
    void appendRecords(QList<NotificationRecord> records);
    void replaceRecord(int row, const NotificationRecord &record);
    void removeRecord(int row);

    // The rows; a subclass writes them directly only between beginResetModel() and endResetModel().
    QList<NotificationRecord> m_rows;
};

} // namespace cc
