#pragma once

#include "core/Caller.h"
#include "core/NotificationRecordService.h"
#include "core/Records.h"
#include "ui/common/RecordTableModel.h"

#include <optional>
#include <vector>

namespace cc {

// The notification records a caller sees, newest (or oldest) sent first, as
// NotificationRecordService::windowAfter() answers them, in keyset pages.
//
// Paging: rows are fetched a page (pageSize(), default 200 rows) at a time as a view scrolls
// (canFetchMore/fetchMore); each page starts after the last row of the one before, so the
// millionth row costs what the first does, and nothing ever loads the whole table.
//
// Bounded memory: the model keeps the records of at most maxLoadedPages() pages (default 16, so
// 3 200 records, a few MB): those read last, which while a view scrolls are the ones around what
// it shows. Others are dropped, each keeping only what brings it back: the (sent_at, id) key it
// starts after, the key it ends with, its row count and a 64-bit hash of each id (8 bytes a row,
// about 10 MB for a million rows, so that a deletion finds its page). Reading a row of a dropped
// page (data(), recordAt(), rowOf()) loads the page again with one windowAfter() call, the
// records between its two keys (2–5 ms). Dropping and loading never change the row count: a view
// does not jump. A page that live records grow past twice the page size is split in two, so
// the loaded rows stay under 2 × maxLoadedPages() × pageSize().
//
// Live changes: records added, changed or deleted through the service — from any thread, e.g.
// the API server's — show up without a reset. In a loaded page they take their place; a dropped
// page counts a row more or less (inserted or removed at the page's end, where the view, which
// shows no row of it, sees no difference) and shows the change when it is loaded again. Should a
// reload find that a page's range holds more or fewer records than it counted (written by a
// process the model did not hear), the difference is inserted or removed at the page's end right
// after, from the event loop.
class RecordsModel : public RecordTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SentAtColumn,
        PeerMentorColumn,
        EventColumn,
        EffectiveDateColumn,
        CoordinatorColumn,
        ChannelsColumn,
        ColumnCount
    };
    static constexpr int kDefaultPageSize = 200;
    static constexpr int kDefaultMaxLoadedPages = 16;

    // Opens with the first page of `filter`.
    RecordsModel(NotificationRecordService &records, const Caller &caller, QObject *parent = nullptr,
                 const RecordFilter &filter = {});

    // Each of these starts again from the first page (a model reset).
    void setCaller(const Caller &caller);
    const Caller &caller() const { return m_caller; }
    void setFilter(const RecordFilter &filter);
    const RecordFilter &filter() const { return m_filter; }
    // By sent time only: the one order the database can page through without sorting.
    void setOrder(RecordOrder order);
    RecordOrder order() const { return m_order; }
    static bool isSortable(int column) { return column == SentAtColumn; }
    // Reloads as many rows as the model has now, so a view's scroll position stays where it was.
    void refresh();

    // Rows asked of the service per fetch; used from the next fetch on.
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    // Pages whose records are kept (at least 2); more are dropped, those read longest ago first.
    void setMaxLoadedPages(int pages);
    int maxLoadedPages() const { return m_maxLoadedPages; }
    // What is in memory now: the pages with their records, and those records.
    int loadedPages() const;
    int loadedRows() const;

    bool atEnd() const { return m_atEnd; }
    // All records that match the filter, loaded or not (the service counts them).
    Result<qint64> totalCount() const;

    // What was asked of the service since the last reset: windowAfter() calls for new pages and
    // the rows they asked for; and the calls that loaded a dropped page again.
    int pagesFetched() const { return m_pagesFetched; }
    qint64 rowsFetched() const { return m_rowsFetched; }
    int pagesReloaded() const { return m_pagesReloaded; }

    int rowCount(const QModelIndex &parent = {}) const override;
    // Loads the record's page if it was dropped and the record is in it.
    int rowOf(const QString &id) const override;

    // Adds a tooltip that tells which column sorts.
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Sorts by the sent time (Qt::DescendingOrder: newest first); other columns are not sortable
    // and leave the order as it is.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    const NotificationRecord &record(int row) const override;

private:
    // A keyset page: the records after `after` up to and with `last`, in the model's order.
    struct Page
    {
        std::optional<RecordKey> after; // none for the first page
        RecordKey last;                 // its last record's when fetched (or since added at the end)
        int rows = 0;                   // the rows the model shows for it
        std::vector<size_t> idHashes;   // sorted qHash() of its records' ids, kept when dropped
        std::optional<QList<NotificationRecord>> records; // while loaded
        quint64 lastRead = 0;                             // m_reads when a row of it was last read
    };

    void reload(int rows);
    // The next page after the last one (nothing at the end or on an error); appended with its signals
    // only when `announce`, as fetchMore() does.
    bool fetchPage(bool announce);
    // Loads page `p` if it was dropped (and drops others when not inside a change); false on an error.
    bool load(int p);
    // The records after `after` up to and with `last` as the database has them now.
    Result<QList<NotificationRecord>> readRange(const std::optional<RecordKey> &after, const RecordKey &last,
                                                int expected);
    // Drops the records of the pages read longest ago beyond maxLoadedPages(), never page `keep`.
    void dropPages(int keep = -1);
    // Shows what reloads found: rows inserted or removed at the end of each page whose records
    // differ in number from its rows.
    void settleReloads();
    void splitIfLarge(int p);

    int pageOfRow(int row) const;
    int firstRowOf(int p) const;
    // The page whose range holds `key`; -1 when it comes after all the pages.
    int pageOfKey(const RecordKey &key) const;
    // The page that has a record with this id; -1 when none.
    int pageOfId(const QString &id) const;
    static size_t hashOf(const QString &id);
    static std::vector<size_t> hashesOf(const QList<NotificationRecord> &records);

    bool matches(const NotificationRecord &record) const;
    // True when `a` comes before `b` in the model's order.
    bool before(const RecordKey &a, const RecordKey &b) const;

    void onRecordAdded(const NotificationRecord &record);
    void onRecordChanged(const NotificationRecord &record);
    void onRecordDeleted(const QString &id, const QString &orgId);

    NotificationRecordService &m_records;
    Caller m_caller;
    RecordFilter m_filter;
    RecordOrder m_order = RecordOrder::NewestFirst;
    int m_pageSize = kDefaultPageSize;
    int m_maxLoadedPages = kDefaultMaxLoadedPages;
    bool m_atEnd = false;
    int m_pagesFetched = 0;
    qint64 m_rowsFetched = 0;
    int m_pagesReloaded = 0;
    // True while the rows change: no fetch may start then (an observer of rowsAboutToBeInserted or
    // modelReset that asks for more would nest one change in another), and no page is dropped.
    bool m_changing = false;

    std::vector<Page> m_pages;
    int m_rowCount = 0;                   // the rows of all pages
    mutable std::vector<int> m_firstRows; // each page's first row: a cache, rebuilt when cleared
    quint64 m_reads = 0;                  // counts reads of rows, for Page::lastRead
    bool m_settleQueued = false;          // settleReloads() is queued
    bool m_failQueued = false;            // a reload's error is on its way to fail()
};

} // namespace cc
