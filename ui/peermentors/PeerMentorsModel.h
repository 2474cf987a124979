#pragma once

#include "core/Caller.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/Records.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace cc {

// The peer mentors a caller sees, by name, with their coordinator and current pause status. Loading
// costs three queries whatever the number of mentors (mentors, coordinators, every status at once
// through NotificationRecordService::profiles()). A recorded pause or resume updates the mentor's
// row; a deleted record re-reads the statuses; a change of the directory reloads.
class PeerMentorsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        CoordinatorColumn,
        StatusColumn,
        PausedSinceColumn,
        ColumnCount
    };
    enum ItemRole
    {
        IdRole = Qt::UserRole, // the mentor's id
        SortRole,              // a value that sorts: QDateTime for dates, else text
        RawRole,               // ids, "paused"/"active", timestamps as the API writes them
    };

    PeerMentorsModel(DirectoryService &directory, NotificationRecordService &records, const Caller &caller,
                     QObject *parent = nullptr);

    void setCaller(const Caller &caller);
    const Caller &caller() const { return m_caller; }
    // Matches name, email or id, as DirectoryService::peerMentors() does.
    void setSearch(const QString &search);
    const QString &search() const { return m_search; }
    // The active mentors (the default), those who left, or both.
    void setActivity(Activity activity);
    Activity activity() const { return m_activity; }
    // Reads everything again (also when a future pause has become effective).
    void refresh();

    const PeerMentorProfile &profileAt(int row) const { return m_rows.at(row).profile; }
    int rowOf(const QString &peerMentorId) const;
    const std::optional<Error> &lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void errorOccurred(const cc::Error &error);

private:
    struct Row
    {
        PeerMentorProfile profile;
        QString coordinatorName;
    };

    void reload();
    void fail(const Error &error);
    void updateStatus(int row, const PeerMentorProfile &profile);

    void onRecordAdded(const NotificationRecord &record);
    void onRecordDeleted(const QString &id, const QString &orgId);

    DirectoryService &m_directory;
    NotificationRecordService &m_records;
    Caller m_caller;
    QString m_search;
    Activity m_activity = Activity::Active;
    QList<Row> m_rows;
    QHash<QString, int> m_rowOfId;
    std::optional<Error> m_lastError;
};

} // namespace cc
