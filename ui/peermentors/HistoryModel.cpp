#include "ui/peermentors/HistoryModel.h"

#include <algorithm>

namespace cc {

namespace {

// History order: newest sent_at first, ties by the larger id (as the repository sorts).
bool before(const NotificationRecord &a, const NotificationRecord &b)
{
    if (a.sentAt != b.sentAt)
        return a.sentAt > b.sentAt;
    return a.id > b.id;
}

// The field each column shows.
constexpr RecordFields::Field kColumns[] = {
    RecordFields::Field::Event,    RecordFields::Field::EffectiveDate, RecordFields::Field::Reason,
    RecordFields::Field::Channels, RecordFields::Field::SentAt,
};
static_assert(std::size(kColumns) == HistoryModel::ColumnCount);

} // namespace

HistoryModel::HistoryModel(NotificationRecordService &records, const Caller &caller, QObject *parent)
    : RecordListModel(QList<RecordFields::Field>(std::cbegin(kColumns), std::cend(kColumns)), parent)
    , m_records(records)
    , m_caller(caller)
{
    connect(&m_records, &NotificationRecordService::recordAdded, this, &HistoryModel::onRecordAdded);
    connect(&m_records, &NotificationRecordService::recordChanged, this, &HistoryModel::onRecordChanged);
    connect(&m_records, &NotificationRecordService::recordDeleted, this, &HistoryModel::onRecordDeleted);
}

void HistoryModel::setCaller(const Caller &caller)
{
    m_caller = caller;
    load({});
}

void HistoryModel::setPeerMentor(const QString &peerMentorId)
{
    load(peerMentorId);
}

void HistoryModel::refresh()
{
    load(m_mentor.id);
}

void HistoryModel::load(const QString &peerMentorId)
{
    beginResetModel();
    m_rows.clear();
    m_mentor = PeerMentor();
    clearError();
    std::optional<Error> error;
    if (!peerMentorId.isEmpty()) {
        auto history = m_records.history(m_caller, peerMentorId);
        if (history) {
            m_mentor = history->mentor;
            m_rows = history->events;
        } else {
            error = history.error();
        }
    }
    endResetModel();
    if (error)
        fail(*error);
}

void HistoryModel::onRecordAdded(const NotificationRecord &record)
{
    if (m_mentor.id.isEmpty() || record.peerMentorId != m_mentor.id || !m_caller.canSee(record.orgId)
        || rowOf(record.id) >= 0)
        return;
    const int row = int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), record, before) - m_rows.cbegin());
    insertRecord(row, record);
}

void HistoryModel::onRecordChanged(const NotificationRecord &record)
{
    const int row = rowOf(record.id);
    if (row < 0)
        return;
    replaceRecord(row, record);
}

void HistoryModel::onRecordDeleted(const QString &id, const QString &orgId)
{
    Q_UNUSED(orgId)
    const int row = rowOf(id);
    if (row < 0)
        return;
    removeRecord(row);
}

} // namespace cc
