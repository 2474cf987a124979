#pragma once

#include "core/Caller.h"
#include "core/DirectoryService.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace cc {

// The coordinators a caller sees (a global admin: every organisation's), with how many active peer
// mentors each has and whether she is still active. Loading costs three queries whatever the
// number of coordinators (coordinators, active mentors, organisations); the search filters what was
// read. A change of the directory reloads.
class CoordinatorsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        EmailColumn,
        MentorsColumn, // the number of active peer mentors
        StatusColumn,
        OrganisationColumn, // shown to global admins only
        ColumnCount
    };
    enum ItemRole
    {
        IdRole = Qt::UserRole, // the coordinator's id
        SortRole,              // a value that sorts: numbers and dates as such, else text
    };

    CoordinatorsModel(DirectoryService &directory, const Caller &caller, QObject *parent = nullptr);

    // Matches name, email or id, ignoring case.
    void setSearch(const QString &search);
    const QString &search() const { return m_search; }
    // The active coordinators (the default), those who left, or both.
    void setActivity(Activity activity);
    Activity activity() const { return m_activity; }
    // Reads everything again.
    void refresh();

    const Coordinator &coordinatorAt(int row) const { return m_rows.at(row).coordinator; }
    int activeMentorsAt(int row) const { return m_rows.at(row).activeMentors; }
    int rowOf(const QString &coordinatorId) const;
    const std::optional<Error> &lastError() const { return m_lastError; }

    // "Active", or "Inactive since 3/14/25" (the local calendar day she left).
    static QString statusText(const Coordinator &coordinator);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void errorOccurred(const cc::Error &error);

private:
    struct Row
    {
        Coordinator coordinator;
        int activeMentors = 0;
        QString organisationName;
    };

    void reload();
    void applySearch();
    bool matches(const Coordinator &coordinator) const;

    DirectoryService &m_directory;
    Caller m_caller;
    QString m_search;
    Activity m_activity = Activity::Active;
    QList<Row> m_all;  // as read, in the activity chosen
    QList<Row> m_rows; // those of m_all the search matches
    QHash<QString, int> m_rowOfId;
    std::optional<Error> m_lastError;
};

} // namespace cc
