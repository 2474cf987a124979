#pragma once

#include "core/AuditLog.h"
#include "core/Caller.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

namespace cc {

// The audit log as the caller may read it (AuditLog::list: an org admin her organisation's, a
// global admin everyone's or one organisation's), newest first, narrowed by an AuditQuery. Rows
// are read a page at a time as a view scrolls (canFetchMore/fetchMore); nothing reads the whole
// log. The log only grows: followNew() puts what was written since the newest loaded entry on
// top without a reset, so a view keeps its place. A page that went out of date is read again
// whole by refresh().
class ActivityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        WhenColumn,
        WhoColumn,
        WhatColumn,
        OnWhatColumn,
        DetailColumn,
        OrganisationColumn, // for global admins; a page hides it from others
        ColumnCount
    };
    enum ItemRole
    {
        IdRole = Qt::UserRole, // the entry's id
        RawRole,               // as stored: the UTC time (ISO), the action, entity, organisation id
    };
    static constexpr int kDefaultPageSize = 200;

    // Opens with the first page of `query`.
    ActivityModel(AuditLog &log, const Caller &caller, QObject *parent = nullptr,
                  const AuditQuery &query = {});

    // Starts again from the first page (a model reset).
    void setQuery(const AuditQuery &query);
    const AuditQuery &query() const { return m_query; }
    // Reads again as many entries as are loaded now.
    void refresh();
    // Adds the entries written since the newest loaded one (inserted rows, no reset).
    void followNew();

    // Entries asked of the log per fetch; used from the next fetch on.
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    bool atEnd() const { return m_atEnd; }
    // All entries that match the query, loaded or not, as the log last counted them.
    qint64 totalCount() const { return m_total; }

    // For a global admin's organisation column: the names of organisation ids (else the id shows).
    void setOrganisationNames(const QHash<QString, QString> &names);
    const QHash<QString, QString> &organisationNames() const { return m_organisationNames; }

    const AuditEntry &entryAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &id) const;
    const std::optional<Error> &lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void errorOccurred(const cc::Error &error);

private:
    void reload(int rows);
    // The entries of the next page that are not loaded yet; nothing on an error.
    std::optional<QList<AuditEntry>> fetchPage();
    // Inserts `entries` (newest first, none loaded yet) where they belong, in blocks.
    void insertEntries(const QList<AuditEntry> &entries);
    void fail(const Error &error);
    // True when `a` comes before `b`: newest first, ties by id as the log orders them.
    static bool before(const AuditEntry &a, const AuditEntry &b);
    int positionFor(const AuditEntry &entry) const;

    AuditLog &m_log;
    Caller m_caller;
    AuditQuery m_query;
    int m_pageSize = kDefaultPageSize;
    bool m_atEnd = false;
    qint64 m_total = 0;
    QList<AuditEntry> m_rows;
    QSet<QString> m_ids; // of m_rows: a page that overlaps what is loaded adds nothing twice
    QHash<QString, QString> m_organisationNames;
    std::optional<Error> m_lastError;
    // True while the rows change: no fetch may start then.
    bool m_changing = false;
};

// How the console words the audit log: the actions ("Changed peer mentor"), the things they were
// done to, and the kinds of activity a person can filter by. One table, shared by the page's
// view, its filters and its CSV export.
class ActivityText
{
    Q_DECLARE_TR_FUNCTIONS(ActivityText)

public:
    // "Changed peer mentor" for "peer_mentor.update"; an action it does not know reads as itself.
    static QString action(const QString &action);
    // "Peer mentor" for "peer_mentor"; one it does not know reads as itself.
    static QString entity(const QString &entity);
    // "Peer mentor pm_a1": the thing and its id.
    static QString onWhat(const AuditEntry &entry);
    // The detail, with the words the console has for it (a role, where a sign-in came from).
    static QString detail(const AuditEntry &entry);

    struct Kind
    {
        QString text;  // translated, for the filter
        QString value; // AuditQuery::kind: an action or a group of them; empty: everything
    };
    // "All activity" first, then sign-ins, failed sign-ins and each group of actions written.
    static QList<Kind> kinds();
};

} // namespace cc
