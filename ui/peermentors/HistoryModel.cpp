#include "ui/peermentors/HistoryModel.h"

#include "ui/common/RecordFields.h"

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

} // namespace

HistoryModel::HistoryModel(NotificationRecordService &records, const Caller &caller, QObject *parent)
    : QAbstractTableModel(parent)
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
    m_lastError.reset();
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
    if (error) {
        m_lastError = error;
        emit errorOccurred(*error);
    }
}

int HistoryModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

void HistoryModel::onRecordAdded(const NotificationRecord &record)
{
    if (m_mentor.id.isEmpty() || record.peerMentorId != m_mentor.id || !m_caller.canSee(record.orgId)
        || rowOf(record.id) >= 0)
        return;
    const int row = int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), record, before) - m_rows.cbegin());
    beginInsertRows({}, row, row);
    m_rows.insert(row, record);
    endInsertRows();
}

void HistoryModel::onRecordChanged(const NotificationRecord &record)
{
    const int row = rowOf(record.id);
    if (row < 0)
        return;
    m_rows[row] = record;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void HistoryModel::onRecordDeleted(const QString &id, const QString &orgId)
{
    Q_UNUSED(orgId)
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

// The field each column shows.
constexpr RecordFields::Field kFieldOf[] = {
    RecordFields::Field::Event,    RecordFields::Field::EffectiveDate, RecordFields::Field::Reason,
    RecordFields::Field::Channels, RecordFields::Field::SentAt,
};
static_assert(std::size(kFieldOf) == HistoryModel::ColumnCount);

} // namespace

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NotificationRecord &r = m_rows.at(index.row());
    const RecordFields::Field field = kFieldOf[index.column()];
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

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < 0 || section >= ColumnCount)
        return {};
    return RecordFields::header(kFieldOf[section]);
}

} // namespace cc
