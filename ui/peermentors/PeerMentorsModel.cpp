#include "ui/peermentors/PeerMentorsModel.h"

#include "core/TimeText.h"
#include "ui/common/DisplayText.h"

namespace cc {

PeerMentorsModel::PeerMentorsModel(DirectoryService &directory, NotificationRecordService &records,
                                   const Caller &caller, QObject *parent)
    : QAbstractTableModel(parent)
    , m_directory(directory)
    , m_records(records)
    , m_caller(caller)
{
    connect(&m_records, &NotificationRecordService::recordAdded, this, &PeerMentorsModel::onRecordAdded);
    connect(&m_records, &NotificationRecordService::recordDeleted, this, &PeerMentorsModel::onRecordDeleted);
    connect(&m_directory, &DirectoryService::directoryChanged, this, &PeerMentorsModel::refresh);
    reload();
}

void PeerMentorsModel::setCaller(const Caller &caller)
{
    m_caller = caller;
    reload();
}

void PeerMentorsModel::setSearch(const QString &search)
{
    m_search = search;
    reload();
}

void PeerMentorsModel::setActivity(Activity activity)
{
    if (m_activity == activity)
        return;
    m_activity = activity;
    reload();
}

void PeerMentorsModel::refresh()
{
    reload();
}

void PeerMentorsModel::fail(const Error &error)
{
    m_lastError = error;
    emit errorOccurred(error);
}

void PeerMentorsModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_rowOfId.clear();
    m_lastError.reset();
    // A caller of no organisation sees nobody (Caller::canSee), whatever the directory answers.
    const bool seesSome = m_caller.isGlobalAdmin() || !m_caller.orgId.isEmpty();
    auto mentors = seesSome ? m_directory.peerMentors(m_caller, MentorQuery{m_search, {}, m_activity})
                            : Result<QList<PeerMentor>>(QList<PeerMentor>());
    auto coordinators =
        seesSome ? m_directory.coordinators(m_caller) : Result<QList<Coordinator>>(QList<Coordinator>());
    auto profiles = m_records.profiles(m_caller);
    if (!mentors)
        fail(mentors.error());
    else if (!coordinators)
        fail(coordinators.error());
    else if (!profiles)
        fail(profiles.error());
    else {
        QHash<QString, QString> coordinatorNames;
        for (const Coordinator &c : std::as_const(*coordinators))
            coordinatorNames.insert(c.id, c.name);
        m_rows.reserve(mentors->size());
        for (const PeerMentor &m : std::as_const(*mentors)) {
            if (!m_caller.canSee(m.orgId))
                continue;
            Row row;
            row.profile = profiles->value(m.id, PeerMentorProfile{m, PauseStatus::Active, {}});
            row.profile.mentor = m;
            row.coordinatorName = coordinatorNames.value(m.coordinatorId);
            m_rowOfId.insert(m.id, int(m_rows.size()));
            m_rows.append(row);
        }
    }
    endResetModel();
}

int PeerMentorsModel::rowOf(const QString &peerMentorId) const
{
    return m_rowOfId.value(peerMentorId, -1);
}

void PeerMentorsModel::updateStatus(int row, const PeerMentorProfile &profile)
{
    PeerMentorProfile &current = m_rows[row].profile;
    if (current.status == profile.status && current.pauseStartDate == profile.pauseStartDate)
        return;
    current.status = profile.status;
    current.pauseStartDate = profile.pauseStartDate;
    emit dataChanged(index(row, StatusColumn), index(row, PausedSinceColumn));
}

void PeerMentorsModel::onRecordAdded(const NotificationRecord &record)
{
    const int row = rowOf(record.peerMentorId);
    if (row < 0 || !m_caller.canSee(record.orgId))
        return;
    // The new record need not decide the status (a future or a back-dated event): ask the service.
    auto profile = m_records.profile(m_caller, record.peerMentorId);
    if (!profile) {
        fail(profile.error());
        return;
    }
    updateStatus(row, *profile);
}

void PeerMentorsModel::onRecordDeleted(const QString &id, const QString &orgId)
{
    Q_UNUSED(id)
    if (!m_caller.canSee(orgId) || m_rows.isEmpty())
        return;
    // Whose record it was is gone with it: re-read every status, in one query.
    auto profiles = m_records.profiles(m_caller, orgId);
    if (!profiles) {
        fail(profiles.error());
        return;
    }
    for (int row = 0; row < m_rows.size(); ++row) {
        const auto found = profiles->constFind(m_rows.at(row).profile.mentor.id);
        if (found != profiles->cend())
            updateStatus(row, *found);
    }
}

int PeerMentorsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PeerMentorsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PeerMentorsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const PeerMentorProfile &p = row.profile;
    if (role == IdRole)
        return p.mentor.id;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case NameColumn:
            return p.mentor.name;
        case CoordinatorColumn:
            return row.coordinatorName;
        case StatusColumn:
            return p.mentor.active() ? DisplayText::status(p.status) : tr("Inactive");
        case PausedSinceColumn:
            return DisplayText::date(p.pauseStartDate);
        }
        return {};
    }
    if (role == SortRole) {
        switch (index.column()) {
        case NameColumn:
            return p.mentor.name;
        case CoordinatorColumn:
            return row.coordinatorName;
        case StatusColumn:
            return p.mentor.active() ? DisplayText::status(p.status) : tr("Inactive");
        case PausedSinceColumn:
            return p.pauseStartDate;
        }
        return {};
    }
    if (role == RawRole) {
        switch (index.column()) {
        case NameColumn:
            return p.mentor.name;
        case CoordinatorColumn:
            return p.mentor.coordinatorId;
        case StatusColumn:
            if (!p.mentor.active())
                return QStringLiteral("inactive");
            return p.status == PauseStatus::Paused ? QStringLiteral("paused") : QStringLiteral("active");
        case PausedSinceColumn:
            return p.pauseStartDate.isValid() ? formatTimestamp(p.pauseStartDate) : QString();
        }
    }
    return {};
}

QVariant PeerMentorsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case CoordinatorColumn:
        return tr("Coordinator");
    case StatusColumn:
        return tr("Status");
    case PausedSinceColumn:
        return tr("Paused since");
    }
    return {};
}

} // namespace cc
