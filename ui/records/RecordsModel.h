#pragma once

#include "core/Caller.h"
#include "core/NotificationRecordService.h"
#include "core/Records.h"
#include "ui/common/RecordTableModel.h"

#include <optional>

namespace cc {

// The notification records a caller sees, newest (or oldest) sent first, as
// NotificationRecordService::windowAfter() answers them. Rows are fetched a keyset page at a time
// as a view scrolls (canFetchMore/fetchMore): each page starts after the last loaded row, so the
// millionth row costs what the first does, and nothing ever loads the whole table. Records added,
// changed or deleted through the service — from any thread, e.g. the API server's — show up in
// the loaded rows without a reset.
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
    // Reloads as many rows as are loaded now, so a view's scroll position stays where it was.
    void refresh();

    // Rows asked of the service per fetch; used from the next fetch on.
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }

    bool atEnd() const { return m_atEnd; }
    // All records that match the filter, loaded or not (the service counts them).
    Result<qint64> totalCount() const;

    // What was asked of the service since the last reset: windowAfter() calls and the rows they asked for.
    int pagesFetched() const { return m_pagesFetched; }
    qint64 rowsFetched() const { return m_rowsFetched; }

    // Adds a tooltip that tells which column sorts.
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Sorts by the sent time (Qt::DescendingOrder: newest first); other columns are not sortable
    // and leave the order as it is.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void reload(int rows);
    // The next page after the loaded rows (without those already loaded); nothing on an error.
    std::optional<QList<NotificationRecord>> fetchPage();
    bool matches(const NotificationRecord &record) const;
    // True when `a` comes before `b` in the model's order.
    bool before(const NotificationRecord &a, const NotificationRecord &b) const;
    // Where `record` belongs in the order of the loaded rows.
    int positionFor(const NotificationRecord &record) const;

    void onRecordAdded(const NotificationRecord &record);
    void onRecordChanged(const NotificationRecord &record);
    void onRecordDeleted(const QString &id, const QString &orgId);

    NotificationRecordService &m_records;
    Caller m_caller;
    RecordFilter m_filter;
    RecordOrder m_order = RecordOrder::NewestFirst;
    int m_pageSize = kDefaultPageSize;
    bool m_atEnd = false;
    int m_pagesFetched = 0;
    qint64 m_rowsFetched = 0;
    // True while the rows change: no fetch may start then (an observer of rowsAboutToBeInserted or
    // modelReset that asks for more would nest one change in another).
    bool m_changing = false;
};

} // namespace cc
