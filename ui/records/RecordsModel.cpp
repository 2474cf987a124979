#include "ui/records/RecordsModel.h"

#include <QMetaObject>

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

// What a row shows while a reload's difference waits to be removed (or after a failed reload).
const NotificationRecord kNoRecord;

RecordKey keyOf(const NotificationRecord &record)
{
    return NotificationRecordService::keyOf(record);
}

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

bool RecordsModel::before(const RecordKey &a, const RecordKey &b) const
{
    // (sent_at, id) as the database orders them, ties by id.
    const bool newestFirst = m_order == RecordOrder::NewestFirst;
    if (a.sentAt != b.sentAt)
        return newestFirst ? a.sentAt > b.sentAt : a.sentAt < b.sentAt;
    return newestFirst ? a.id > b.id : a.id < b.id;
}

void RecordsModel::refresh()
{
    reload(qMax(m_pageSize, m_rowCount));
}

void RecordsModel::setPageSize(int rows)
{
    m_pageSize = qBound(1, rows, 10000);
}

void RecordsModel::setMaxLoadedPages(int pages)
{
    m_maxLoadedPages = qMax(2, pages);
    if (!m_changing)
        dropPages();
}

int RecordsModel::loadedPages() const
{
    return int(
        std::count_if(m_pages.cbegin(), m_pages.cend(), [](const Page &p) { return p.records.has_value(); }));
}

int RecordsModel::loadedRows() const
{
    qsizetype rows = 0;
    for (const Page &p : m_pages)
        rows += p.records ? p.records->size() : 0;
    return int(rows);
}

void RecordsModel::reload(int rows)
{
    const Changing changing(m_changing);
    beginResetModel();
    m_pages.clear();
    m_firstRows.clear();
    m_rowCount = 0;
    m_atEnd = false;
    m_pagesFetched = 0;
    m_rowsFetched = 0;
    m_pagesReloaded = 0;
    clearError();
    // Page by page, as scrolling would have loaded them, dropping the far ones on the way.
    while (!m_atEnd && m_rowCount < rows && fetchPage(false))
        dropPages(int(m_pages.size()) - 1);
    endResetModel();
}

bool RecordsModel::fetchPage(bool announce)
{
    const int limit = m_pageSize;
    ++m_pagesFetched;
    m_rowsFetched += limit;
    std::optional<RecordKey> after;
    if (!m_pages.empty())
        after = m_pages.back().last;
    auto page = m_records.windowAfter(m_caller, m_filter, after, limit, m_order);
    if (!page) {
        m_atEnd = true; // no retry loop from a view that keeps calling fetchMore
        fail(page.error());
        return false;
    }
    m_atEnd = page->size() < limit;
    // The page starts after the last row of the last page, so rows added or deleted elsewhere
    // meanwhile shift nothing; should a row come again all the same (a changed sent_at), it is
    // skipped here.
    if (after) {
        page->erase(std::remove_if(page->begin(), page->end(),
                                   [&](const NotificationRecord &r) { return !before(*after, keyOf(r)); }),
                    page->end());
    }
    if (page->isEmpty())
        return false;
    Page p;
    p.after = after;
    p.last = keyOf(page->constLast());
    p.rows = int(page->size());
    p.idHashes = hashesOf(*page);
    p.records = std::move(*page);
    p.lastRead = ++m_reads;
    if (announce)
        beginInsertRows({}, m_rowCount, m_rowCount + p.rows - 1);
    m_firstRows.clear();
    m_rowCount += p.rows;
    m_pages.push_back(std::move(p));
    if (announce)
        endInsertRows();
    return true;
}

Result<QList<NotificationRecord>> RecordsModel::readRange(const std::optional<RecordKey> &after,
                                                          const RecordKey &last, int expected)
{
    // One call, unless records were added there that the model has not heard of: one row more
    // than expected tells that the range ended.
    const int limit = qBound(1, expected + 1, NotificationRecordService::kMaxWindow);
    QList<NotificationRecord> records;
    std::optional<RecordKey> from = after;
    for (;;) {
        ++m_pagesReloaded;
        auto batch = m_records.windowAfter(m_caller, m_filter, from, limit, m_order);
        if (!batch)
            return batch.error();
        for (NotificationRecord &r : *batch) {
            if (before(last, keyOf(r)))
                return records;
            records.append(std::move(r));
        }
        if (batch->size() < limit || records.isEmpty())
            return records;
        from = keyOf(records.constLast());
    }
}

bool RecordsModel::load(int p)
{
    Page &page = m_pages[size_t(p)];
    page.lastRead = ++m_reads;
    if (page.records)
        return true;
    auto records = readRange(page.after, page.last, page.rows);
    if (!records) {
        // Blank rows until the page is dropped and read again; the error once, from the event
        // loop (this may be a view painting).
        page.records = QList<NotificationRecord>(page.rows);
        if (!m_failQueued) {
            m_failQueued = true;
            QMetaObject::invokeMethod(
                this,
                [this, error = records.error()] {
                    m_failQueued = false;
                    fail(error);
                },
                Qt::QueuedConnection);
        }
        return false;
    }
    page.idHashes = hashesOf(*records);
    page.records = std::move(*records);
    if (page.records->size() != page.rows && !m_settleQueued) {
        m_settleQueued = true;
        QMetaObject::invokeMethod(this, &RecordsModel::settleReloads, Qt::QueuedConnection);
    }
    if (!m_changing)
        dropPages(p);
    return true;
}

void RecordsModel::dropPages(int keep)
{
    int loaded = loadedPages();
    while (loaded > m_maxLoadedPages) {
        Page *oldest = nullptr;
        for (int p = 0; p < int(m_pages.size()); ++p) {
            Page &page = m_pages[size_t(p)];
            if (p != keep && page.records && (!oldest || page.lastRead < oldest->lastRead))
                oldest = &page;
        }
        if (!oldest)
            return;
        oldest->records.reset();
        --loaded;
    }
}

void RecordsModel::settleReloads()
{
    m_settleQueued = false;
    if (m_changing) { // a change is under way: after it
        m_settleQueued = true;
        QMetaObject::invokeMethod(this, &RecordsModel::settleReloads, Qt::QueuedConnection);
        return;
    }
    const Changing changing(m_changing);
    for (int p = 0; p < int(m_pages.size()); ++p) {
        Page &page = m_pages[size_t(p)];
        if (!page.records || page.records->size() == page.rows)
            continue;
        const int first = firstRowOf(p);
        const int found = int(page.records->size());
        if (found > page.rows) {
            beginInsertRows({}, first + page.rows, first + found - 1);
            m_rowCount += found - page.rows;
            page.rows = found;
            m_firstRows.clear();
            endInsertRows();
        } else {
            beginRemoveRows({}, first + found, first + page.rows - 1);
            m_rowCount -= page.rows - found;
            page.rows = found;
            m_firstRows.clear();
            endRemoveRows();
        }
    }
}

void RecordsModel::splitIfLarge(int p)
{
    Page &page = m_pages[size_t(p)];
    if (!page.records || page.rows != page.records->size() || page.rows <= 2 * m_pageSize)
        return;
    const int half = page.rows / 2;
    Page second;
    second.after = keyOf(page.records->at(half - 1));
    second.last = page.last;
    second.records = page.records->mid(half);
    second.rows = int(second.records->size());
    second.idHashes = hashesOf(*second.records);
    second.lastRead = page.lastRead;
    page.records->resize(half);
    page.rows = half;
    page.last = *second.after;
    page.idHashes = hashesOf(*page.records);
    m_pages.insert(m_pages.begin() + p + 1, std::move(second));
    m_firstRows.clear();
}

int RecordsModel::firstRowOf(int p) const
{
    if (m_firstRows.size() != m_pages.size()) {
        m_firstRows.resize(m_pages.size());
        int row = 0;
        for (size_t i = 0; i < m_pages.size(); ++i) {
            m_firstRows[i] = row;
            row += m_pages[i].rows;
        }
    }
    return m_firstRows[size_t(p)];
}

int RecordsModel::pageOfRow(int row) const
{
    if (m_pages.empty())
        return -1;
    firstRowOf(0); // fills the cache
    // The last page that starts at or before `row` (so not an empty page before it).
    const auto it = std::upper_bound(m_firstRows.cbegin(), m_firstRows.cend(), row);
    return int(it - m_firstRows.cbegin()) - 1;
}

int RecordsModel::pageOfKey(const RecordKey &key) const
{
    // The first page that does not end before `key`.
    const auto it = std::partition_point(m_pages.cbegin(), m_pages.cend(),
                                         [&](const Page &p) { return before(p.last, key); });
    return it == m_pages.cend() ? -1 : int(it - m_pages.cbegin());
}

int RecordsModel::pageOfId(const QString &id) const
{
    const size_t hash = hashOf(id);
    for (int p = 0; p < int(m_pages.size()); ++p) {
        const Page &page = m_pages[size_t(p)];
        if (page.records) {
            for (const NotificationRecord &r : *page.records) {
                if (r.id == id)
                    return p;
            }
        } else if (std::binary_search(page.idHashes.cbegin(), page.idHashes.cend(), hash)) {
            return p;
        }
    }
    return -1;
}

size_t RecordsModel::hashOf(const QString &id)
{
    return qHash(id, 0);
}

std::vector<size_t> RecordsModel::hashesOf(const QList<NotificationRecord> &records)
{
    std::vector<size_t> hashes;
    hashes.reserve(size_t(records.size()));
    for (const NotificationRecord &r : records)
        hashes.push_back(hashOf(r.id));
    std::sort(hashes.begin(), hashes.end());
    return hashes;
}

int RecordsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

const NotificationRecord &RecordsModel::record(int row) const
{
    const int p = pageOfRow(row);
    // Reading a dropped row loads its page: a cache filled, not a change anyone sees.
    const_cast<RecordsModel *>(this)->load(p);
    const Page &page = m_pages[size_t(p)];
    const int at = row - firstRowOf(p);
    return at < page.records->size() ? page.records->at(at) : kNoRecord;
}

int RecordsModel::rowOf(const QString &id) const
{
    const int p = pageOfId(id);
    if (p < 0)
        return -1;
    const_cast<RecordsModel *>(this)->load(p);
    const Page &page = m_pages[size_t(p)];
    const int first = firstRowOf(p);
    for (int at = 0; at < page.rows && at < page.records->size(); ++at) {
        if (page.records->at(at).id == id)
            return first + at;
    }
    return -1;
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
    settleReloads();
    {
        const Changing changing(m_changing);
        fetchPage(true);
    }
    dropPages(int(m_pages.size()) - 1);
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

void RecordsModel::onRecordAdded(const NotificationRecord &record)
{
    if (!matches(record))
        return;
    settleReloads();
    const RecordKey key = keyOf(record);
    int p = pageOfKey(key);
    const bool atTheEnd = p < 0;
    if (atTheEnd) {
        // Past the last page it comes with a later page, unless there is none.
        if (!m_atEnd)
            return;
        if (m_pages.empty()) {
            const Changing changing(m_changing);
            Page page;
            page.last = key;
            page.rows = 1;
            page.idHashes = {hashOf(record.id)};
            page.records = QList<NotificationRecord>{record};
            page.lastRead = ++m_reads;
            beginInsertRows({}, 0, 0);
            m_pages.push_back(std::move(page));
            m_firstRows.clear();
            m_rowCount = 1;
            endInsertRows();
            return;
        }
        p = int(m_pages.size()) - 1;
    }
    Page &page = m_pages[size_t(p)];
    const size_t hash = hashOf(record.id);
    {
        const Changing changing(m_changing);
        if (page.records) {
            const auto it = std::lower_bound(
                page.records->cbegin(), page.records->cend(), key,
                [this](const NotificationRecord &r, const RecordKey &k) { return before(keyOf(r), k); });
            const int at = int(it - page.records->cbegin());
            if (at < page.records->size() && page.records->at(at).id == record.id)
                return; // already loaded with its page
            const int row = firstRowOf(p) + at;
            beginInsertRows({}, row, row);
            page.records->insert(at, record);
        } else {
            if (std::binary_search(page.idHashes.cbegin(), page.idHashes.cend(), hash))
                return; // counted when the page was loaded
            // Where in the page is unknown until it is loaded; no view shows its rows.
            const int row = firstRowOf(p) + page.rows;
            beginInsertRows({}, row, row);
        }
        // An observer may have loaded the page meanwhile, the record with it.
        if (!std::binary_search(page.idHashes.cbegin(), page.idHashes.cend(), hash))
            page.idHashes.insert(std::upper_bound(page.idHashes.begin(), page.idHashes.end(), hash), hash);
        if (atTheEnd)
            page.last = key;
        ++page.rows;
        ++m_rowCount;
        m_firstRows.clear();
        endInsertRows();
    }
    splitIfLarge(p);
    dropPages();
}

void RecordsModel::onRecordChanged(const NotificationRecord &record)
{
    // Only channels, notes and updated_at change: the record keeps its place. A dropped page
    // reads it when it is loaded again.
    settleReloads();
    const int p = pageOfKey(keyOf(record));
    if (p < 0 || !m_pages[size_t(p)].records)
        return;
    QList<NotificationRecord> &records = *m_pages[size_t(p)].records;
    for (int at = 0; at < records.size(); ++at) {
        if (records.at(at).id == record.id) {
            records[at] = record;
            const int row = firstRowOf(p) + at;
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
            return;
        }
    }
}

void RecordsModel::onRecordDeleted(const QString &id, const QString &orgId)
{
    if (!m_caller.canSee(orgId))
        return;
    settleReloads();
    const int p = pageOfId(id);
    if (p < 0)
        return;
    Page &page = m_pages[size_t(p)];
    if (page.rows == 0)
        return;
    {
        const Changing changing(m_changing);
        // In a dropped page where is unknown: its last row (no view shows its rows).
        int row = firstRowOf(p) + page.rows - 1;
        qsizetype at = -1;
        if (page.records) {
            const auto it = std::find_if(page.records->cbegin(), page.records->cend(),
                                         [&id](const NotificationRecord &r) { return r.id == id; });
            at = it - page.records->cbegin();
            row = firstRowOf(p) + int(at);
        }
        beginRemoveRows({}, row, row);
        // (An observer may have loaded a dropped page meanwhile, without the record.)
        if (page.records && at >= 0 && at < page.records->size())
            page.records->removeAt(at);
        const auto hash = std::lower_bound(page.idHashes.begin(), page.idHashes.end(), hashOf(id));
        if (hash != page.idHashes.end() && *hash == hashOf(id))
            page.idHashes.erase(hash);
        --page.rows;
        --m_rowCount;
        m_firstRows.clear();
        endRemoveRows();
    }
    // An observer may have loaded pages meanwhile.
    dropPages();
}

} // namespace cc
