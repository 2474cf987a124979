#include "ui/coordinators/CoordinatorsModel.h"

#include "ui/common/DisplayText.h"

namespace cc {

CoordinatorsModel::CoordinatorsModel(DirectoryService &directory, const Caller &caller, QObject *parent)
    : QAbstractTableModel(parent)
    , m_directory(directory)
    , m_caller(caller)
{
    connect(&m_directory, &DirectoryService::directoryChanged, this, &CoordinatorsModel::refresh);
    reload();
}

void CoordinatorsModel::setSearch(const QString &search)
{
    const QString trimmed = search.trimmed();
    if (m_search == trimmed)
        return;
    m_search = trimmed;
    applySearch();
}

void CoordinatorsModel::setActivity(Activity activity)
{
    if (m_activity == activity)
        return;
    m_activity = activity;
    reload();
}

void CoordinatorsModel::refresh()
{
    reload();
}

bool CoordinatorsModel::matches(const Coordinator &c) const
{
    return m_search.isEmpty() || c.name.contains(m_search, Qt::CaseInsensitive)
        || c.email.contains(m_search, Qt::CaseInsensitive) || c.id.contains(m_search, Qt::CaseInsensitive);
}

void CoordinatorsModel::reload()
{
    m_all.clear();
    m_lastError.reset();
    auto coordinators = m_directory.coordinators(m_caller, {}, m_activity);
    auto mentors = m_directory.peerMentors(m_caller, MentorQuery{{}, {}, Activity::Active, {}});
    auto organisations = m_directory.organisations(m_caller);
    if (!coordinators) {
        m_lastError = coordinators.error();
    } else if (!mentors) {
        m_lastError = mentors.error();
    } else {
        QHash<QString, int> mentorsOf;
        for (const PeerMentor &m : std::as_const(*mentors))
            ++mentorsOf[m.coordinatorId];
        // The names are for a global admin's organisation column; without them it shows ids.
        QHash<QString, QString> organisationNames;
        if (organisations) {
            for (const Organisation &o : std::as_const(*organisations))
                organisationNames.insert(o.id, o.name);
        }
        for (const Coordinator &c : std::as_const(*coordinators)) {
            if (m_caller.canSee(c.orgId))
                m_all.append(Row{c, mentorsOf.value(c.id), organisationNames.value(c.orgId, c.orgId)});
        }
    }
    applySearch();
    if (m_lastError)
        emit errorOccurred(*m_lastError);
}

void CoordinatorsModel::applySearch()
{
    beginResetModel();
    m_rows.clear();
    m_rowOfId.clear();
    for (const Row &row : std::as_const(m_all)) {
        if (!matches(row.coordinator))
            continue;
        m_rowOfId.insert(row.coordinator.id, int(m_rows.size()));
        m_rows.append(row);
    }
    endResetModel();
}

int CoordinatorsModel::rowOf(const QString &coordinatorId) const
{
    return m_rowOfId.value(coordinatorId, -1);
}

QString CoordinatorsModel::statusText(const Coordinator &c)
{
    if (c.active())
        return tr("Active");
    // The day she left where the console runs, written the way the console writes every date.
    const QDateTime localDay(c.deactivatedAt.toLocalTime().date(), QTime(0, 0), Qt::UTC);
    return tr("Inactive since %1").arg(DisplayText::date(localDay));
}

int CoordinatorsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CoordinatorsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CoordinatorsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Coordinator &c = row.coordinator;
    switch (role) {
    case IdRole:
        return c.id;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return c.name;
        case EmailColumn:
            return c.email;
        case MentorsColumn:
            return row.activeMentors;
        case StatusColumn:
            return statusText(c);
        case OrganisationColumn:
            return row.organisationName;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return c.name;
        case EmailColumn:
            return c.email;
        case MentorsColumn:
            return row.activeMentors;
        case StatusColumn:
            // The active first, then by the day they left.
            return c.active() ? QDateTime::fromMSecsSinceEpoch(0, Qt::UTC) : c.deactivatedAt;
        case OrganisationColumn:
            return row.organisationName;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == MentorsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    return {};
}

QVariant CoordinatorsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("Email");
    case MentorsColumn:
        return tr("Active peer mentors");
    case StatusColumn:
        return tr("Status");
    case OrganisationColumn:
        return tr("Organisation");
    }
    return {};
}

} // namespace cc
