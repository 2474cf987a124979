#pragma once

#include "core/Caller.h"
#include "core/NotificationRecordService.h"
#include "core/Records.h"

#include <QAbstractTableModel>

#include <optional>

namespace cc {

// One peer mentor's notification history, newest sent first, as NotificationRecordService::history()
// answers it (the API's `history`). Records added, changed or deleted for that mentor through the
// service — from any thread — update the rows without a reset.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        EventColumn,
        EffectiveDateColumn,
        ReasonColumn,
        ChannelsColumn,
        SentAtColumn,
        ColumnCount
    };
    enum ItemRole
    {
        IdRole = Qt::UserRole, // the record's id
        SortRole,              // a value that sorts: QDateTime for times, else text
        RawRole,               // the value as the API writes it: timestamps, event and channel names
    };

    HistoryModel(NotificationRecordService &records, const Caller &caller, QObject *parent = nullptr);

    void setCaller(const Caller &caller); // clears the mentor
    const Caller &caller() const { return m_caller; }
    // Shows this mentor's history; an empty id (or one the caller may not see) shows nothing.
    void setPeerMentor(const QString &peerMentorId);
    const QString &peerMentorId() const { return m_mentor.id; }
    const PeerMentor &peerMentor() const { return m_mentor; }
    void refresh();

    const NotificationRecord &recordAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &id) const;
    const std::optional<Error> &lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void errorOccurred(const cc::Error &error);

private:
    void load(const QString &peerMentorId);
    void onRecordAdded(const NotificationRecord &record);
    void onRecordChanged(const NotificationRecord &record);
    void onRecordDeleted(const QString &id, const QString &orgId);

    NotificationRecordService &m_records;
    Caller m_caller;
    PeerMentor m_mentor;
    QList<NotificationRecord> m_rows;
    std::optional<Error> m_lastError;
};

} // namespace cc
