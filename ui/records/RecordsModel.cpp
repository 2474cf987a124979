#include "ui/records/RecordsModel.h"

#include <algorithm>

namespace cc {

namespace {

// Marks a change of the rows for as long as it lives.
class Changing
{
public:
    explicit Changing(bool &flag)
        : m_flag(flag)
        , m_was(flag)
    {
        m_flag = true;
    }
    ~Changing() { m_flag = m_was; }
    Changing(const Changing &) = delete;
    Changing &operator=(const Changing &) = delete;

private:
    bool &m_flag;
    bool m_was;
};

// The field each column shows.
constexpr RecordFields::Field kColumns[] = {
    RecordFields::Field::SentAt,        RecordFields::Field::PeerMentor,  RecordFields::Field::Event,
    RecordFields::Field::EffectiveDate, RecordFields::Field::Coordinator, RecordFields::Field::Channels,
};
static_assert(std::size(kColumns) == RecordsModel::ColumnCount);

} // namespace

RecordsModel::RecordsModel(NotificationRecordService &records, const Caller &caller, QObject *parent,
                           const RecordFilter &filter)
    : RecordTableModel(QList<RecordFields::Field>(std::cbegin(kColumns), std::cend(kColumns)), parent)
    , m_records(records)
    , m_caller(caller)
    , m_filter(filter)
{
    // Queued when the service is used on another thread (the API server's): the model is the context.
    connect(&m_records, &NotificationRecordService::recordAdded, this, &RecordsModel::onRecordAdded);
    connect(&m_records, &NotificationRecordService::recordChanged, this, &RecordsModel::onRecordChanged);
    connect(&m_records, &NotificationRecordService::recordDeleted, this, &RecordsModel::onRecordDeleted);
    reload(m_pageSize);
}

void RecordsModel::setCaller(const Caller &caller)
{
    m_caller = caller;
    reload(m_pageSize);
}

void RecordsModel::setFilter(const RecordFilter &filter)
{
    m_filter = filter;
    reload(m_pageSize);
}

void RecordsModel::setOrder(RecordOrder order)
{
    if (order == m_order)
        return;
    m_order = order;
    reload(m_pageSize);
}

void RecordsModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    setOrder(order == Qt::DescendingOrder ? RecordOrder::NewestFirst : RecordOrder::OldestFirst);
}

bool RecordsModel::before(const NotificationRecord &a, const NotificationRecord &b) const
{
    // (sent_at, id) as the database orders them, ties by id.
    const bool newestFirst = m_order == RecordOrder::NewestFirst;
    if (a.sentAt != b.sentAt)
        return newestFirst ? a.sentAt > b.sentAt : a.sentAt < b.sentAt;
    return newestFirst ? a.id > b.id : a.id < b.id;
}

void RecordsModel::refresh()
{
    reload(qMax(m_pageSize, int(m_rows.size())));
}

void RecordsModel::setPageSize(int rows)
{
    m_pageSize = qBound(1, rows, 10000);
}

void RecordsModel::reload(int rows)
{
    const Changing changing(m_changing);
    beginResetModel();
    m_rows.clear();
    m_atEnd = false;
    m_pagesFetched = 0;
    m_rowsFetched = 0;
    clearError();
    // Page by page, as scrolling would have loaded them.
    while (!m_atEnd && m_rows.size() < rows) {
        auto page = fetchPage();
        if (!page)
            break;
        m_rows.append(std::move(*page));
    }
    endResetModel();
}

std::optional<QList<NotificationRecord>> RecordsModel::fetchPage()
{
    const int limit = m_pageSize;
    ++m_pagesFetched;
    m_rowsFetched += limit;
    std::optional<RecordKey> after;
    if (!m_rows.isEmpty())
        after = NotificationRecordService::keyOf(m_rows.constLast());
    auto page = m_records.windowAfter(m_caller, m_filter, after, limit, m_order);
    if (!page) {
        m_atEnd = true; // no retry loop from a view that keeps calling fetchMore
        fail(page.error());
        return std::nullopt;
    }
    m_atEnd = page->size() < limit;
    // The page starts after the last loaded row, so rows added or deleted elsewhere meanwhile shift
    // nothing; should a row come again all the same (a changed sent_at), it is skipped here.
    QList<NotificationRecord> fresh;
    fresh.reserve(page->size());
    for (NotificationRecord &r : *page) {
        if (m_rows.isEmpty() || before(m_rows.constLast(), r))
            fresh.append(std::move(r));
    }
    return fresh;
}

Result<qint64> RecordsModel::totalCount() const
{
    return m_records.count(m_caller, m_filter);
}

QVariant RecordsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section >= 0 && section < ColumnCount) {
        return isSortable(section)
            ? tr("Click to show the newest or the oldest records first.")
            : tr("The records are in the order they were sent; this column does not sort them.");
    }
    return RecordTableModel::headerData(section, orientation, role);
}

bool RecordsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_changing;
}

void RecordsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const Changing changing(m_changing);
    auto page = fetchPage();
    if (page)
        appendRecords(std::move(*page));
}

bool RecordsModel::matches(const NotificationRecord &r) const
{
    // The service's scoping: what the caller may see, narrowed for a global admin by filter.orgId.
    if (!m_caller.canSee(r.orgId))
        return false;
    if (m_caller.isGlobalAdmin() && !m_filter.orgId.isEmpty() && r.orgId != m_filter.orgId)
        return false;
    if (!m_filter.peerMentorId.isEmpty() && r.peerMentorId != m_filter.peerMentorId)
        return false;
    if (!m_filter.coordinatorId.isEmpty() && r.coordinatorId != m_filter.coordinatorId)
        return false;
    if (m_filter.eventType && r.eventType != *m_filter.eventType)
        return false;
    if (m_filter.from.isValid() && r.sentAt < m_filter.from)
        return false;
    if (m_filter.to.isValid() && r.sentAt > m_filter.to)
        return false;
    return true;
}

int RecordsModel::positionFor(const NotificationRecord &record) const
{
    const auto it = std::lower_bound(
        m_rows.cbegin(), m_rows.cend(), record,
        [this](const NotificationRecord &a, const NotificationRecord &b) { return before(a, b); });
    return int(it - m_rows.cbegin());
}

void RecordsModel::onRecordAdded(const NotificationRecord &record)
{
    if (!matches(record))
        return;
    const int row = positionFor(record);
    if (row < m_rows.size() && m_rows.at(row).id == record.id)
        return; // already loaded with a page
    // Past the loaded rows it comes with a later page.
    if (row == m_rows.size() && !m_atEnd)
        return;
    const Changing changing(m_changing);
    insertRecord(row, record);
}

void RecordsModel::onRecordChanged(const NotificationRecord &record)
{
    // Only channels, notes and updated_at change: the record keeps its place.
    const int row = positionFor(record);
    if (row >= m_rows.size() || m_rows.at(row).id != record.id)
        return;
    replaceRecord(row, record);
}

void RecordsModel::onRecordDeleted(const QString &id, const QString &orgId)
{
    if (!m_caller.canSee(orgId))
        return;
    const int row = rowOf(id);
    if (row < 0)
        return;
    const Changing changing(m_changing);
    removeRecord(row);
}

} // namespace cc
