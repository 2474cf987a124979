#pragma once

#include "core/Caller.h"
#include "core/NotificationRecordService.h"
#include "core/Records.h"
#include "ui/common/RecordTableModel.h"

namespace cc {

// One peer mentor's notification history, newest sent first, as NotificationRecordService::history()
// answers it (the API's `history`). Records added, changed or deleted for that mentor through the
// service — from any thread — update the rows without a reset.
class HistoryModel : public RecordListModel
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
    HistoryModel(NotificationRecordService &records, const Caller &caller, QObject *parent = nullptr);

    void setCaller(const Caller &caller); // clears the mentor
    const Caller &caller() const { return m_caller; }
    // Shows this mentor's history; an empty id (or one the caller may not see) shows nothing.
    void setPeerMentor(const QString &peerMentorId);
    const QString &peerMentorId() const { return m_mentor.id; }
    const PeerMentor &peerMentor() const { return m_mentor; }
    void refresh();

private:
    void load(const QString &peerMentorId);
    void onRecordAdded(const NotificationRecord &record);
    void onRecordChanged(const NotificationRecord &record);
    void onRecordDeleted(const QString &id, const QString &orgId);

    NotificationRecordService &m_records;
    Caller m_caller;
    PeerMentor m_mentor;
};

} // namespace cc
