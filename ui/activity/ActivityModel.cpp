#include "ui/activity/ActivityModel.h"

#include "ui/common/DisplayText.h"

#include <QLocale>

#include <algorithm>

namespace cc {

namespace {

// Marks a change of the rows for as long as it lives (as RecordsModel does).
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

// Entries asked for at a time when following what is new.
constexpr int kFollowPage = 500;

} // namespace

// --- ActivityText ----------------------------------------------------------------------------------

QString ActivityText::action(const QString &action)
{
    // Every action AuditLog::write() is called with in core/.
    if (action == QLatin1String("organisation.create"))
        return tr("Created organisation");
    if (action == QLatin1String("coordinator.create"))
        return tr("Created coordinator");
    if (action == QLatin1String("coordinator.update"))
        return tr("Changed coordinator");
    if (action == QLatin1String("coordinator.deactivate"))
        return tr("Deactivated coordinator");
    if (action == QLatin1String("coordinator.reactivate"))
        return tr("Reactivated coordinator");
    if (action == QLatin1String("peer_mentor.create"))
        return tr("Created peer mentor");
    if (action == QLatin1String("peer_mentor.import"))
        return tr("Imported peer mentor");
    if (action == QLatin1String("peer_mentor.update"))
        return tr("Changed peer mentor");
    if (action == QLatin1String("peer_mentor.move"))
        return tr("Moved peer mentor");
    if (action == QLatin1String("peer_mentor.deactivate"))
        return tr("Deactivated peer mentor");
    if (action == QLatin1String("peer_mentor.reactivate"))
        return tr("Reactivated peer mentor");
    if (action == QLatin1String("user.create"))
        return tr("Created user");
    if (action == QLatin1String("user.password"))
        return tr("Set password");
    if (action == QLatin1String("user.role"))
        return tr("Changed role");
    if (action == QLatin1String("user.disable"))
        return tr("Disabled user");
    if (action == QLatin1String("user.enable"))
        return tr("Enabled user");
    if (action == QLatin1String("user.sign_in"))
        return tr("Signed in");
    if (action == QLatin1String("user.sign_in_failed"))
        return tr("Failed to sign in");
    if (action == QLatin1String("pairing.create"))
        return tr("Created pairing code");
    if (action == QLatin1String("pairing.redeem"))
        return tr("Paired device");
    if (action == QLatin1String("token.revoke"))
        return tr("Revoked device token");
    if (action == QLatin1String("record.create"))
        return tr("Created notification record");
    if (action == QLatin1String("record.update"))
        return tr("Changed notification record");
    if (action == QLatin1String("record.delete"))
        return tr("Deleted notification record");
    if (action == QLatin1String("template.create"))
        return tr("Created template");
    if (action == QLatin1String("template.update"))
        return tr("Changed template");
    if (action == QLatin1String("template.restore"))
        return tr("Restored template version");
    if (action == QLatin1String("template.reset"))
        return tr("Reset template");
    if (action == QLatin1String("template.delete"))
        return tr("Deleted template");
    if (action == QLatin1String("peer_mentor.export"))
        return tr("Exported peer mentor's personal data");
    if (action == QLatin1String("peer_mentor.erase"))
        return tr("Erased peer mentor's personal data");
    if (action == QLatin1String("organisation.retention"))
        return tr("Changed retention rules");
    if (action == QLatin1String("organisation.retention_delete"))
        return tr("Deleted old records by retention rule");
    if (action == QLatin1String("database.backup"))
        return tr("Backed up the database");
    if (action == QLatin1String("database.export"))
        return tr("Exported the organisation");
    if (action == QLatin1String("database.restore"))
        return tr("Restored a backup");
    return action;
}

QString ActivityText::entity(const QString &entity)
{
    if (entity == QLatin1String("organisation"))
        return tr("Organisation");
    if (entity == QLatin1String("coordinator"))
        return tr("Coordinator");
    if (entity == QLatin1String("peer_mentor"))
        return tr("Peer mentor");
    if (entity == QLatin1String("user"))
        return tr("User");
    if (entity == QLatin1String("pairing_code"))
        return tr("Pairing code");
    if (entity == QLatin1String("api_token"))
        return tr("Device token");
    if (entity == QLatin1String("notification_record"))
        return tr("Notification record");
    if (entity == QLatin1String("payload_template"))
        return tr("Template");
    if (entity == QLatin1String("database"))
        return tr("Database");
    return entity;
}

QString ActivityText::onWhat(const AuditEntry &entry)
{
    const QString thing = entity(entry.entity);
    // A failed sign-in with an unknown username is about no user in particular.
    if (entry.entityId.isEmpty())
        return thing;
    return tr("%1 %2", "the kind of thing and its id: Peer mentor pm_a1").arg(thing, entry.entityId);
}

QString ActivityText::detail(const AuditEntry &entry)
{
    if (entry.action == QLatin1String("user.create") || entry.action == QLatin1String("user.role")) {
        if (const std::optional<Role> role = roleFromName(entry.detail))
            return DisplayText::role(*role);
    }
    if (entry.action == QLatin1String("user.sign_in")
        || entry.action == QLatin1String("user.sign_in_failed")) {
        if (entry.detail == QLatin1String("console"))
            return tr("In the console");
        if (entry.detail == QLatin1String("api"))
            return tr("Through the API");
    }
    if (entry.action == QLatin1String("user.password") && entry.detail == QLatin1String("own"))
        return tr("Their own");
    // A record's event ("pause_activated"), for a deleted one followed by its peer mentor's id.
    if (entry.action.startsWith(QLatin1String("record."))) {
        const qsizetype space = entry.detail.indexOf(QLatin1Char(' '));
        const QString event = space < 0 ? entry.detail : entry.detail.left(space);
        if (const std::optional<EventType> type = eventTypeFromName(event))
            return space < 0
                ? DisplayText::event(*type)
                : tr("%1, peer mentor %2").arg(DisplayText::event(*type), entry.detail.mid(space + 1));
    }
    return entry.detail;
}

QList<ActivityText::Kind> ActivityText::kinds()
{
    // The groups of the actions core writes (AuditQuery::kind matches an action or its group).
    return {
        {tr("All activity"), QString()},
        {tr("Sign-ins"), QStringLiteral("user.sign_in")},
        {tr("Failed sign-ins"), QStringLiteral("user.sign_in_failed")},
        {tr("Notification records"), QStringLiteral("record")},
        {tr("Templates"), QStringLiteral("template")},
        {tr("Peer mentors"), QStringLiteral("peer_mentor")},
        {tr("Personal data exports"), QStringLiteral("peer_mentor.export")},
        {tr("Personal data erasures"), QStringLiteral("peer_mentor.erase")},
        {tr("Coordinators"), QStringLiteral("coordinator")},
        {tr("Users, passwords and sign-ins"), QStringLiteral("user")},
        {tr("Device pairing"), QStringLiteral("pairing")},
        {tr("Device tokens"), QStringLiteral("token")},
        {tr("Organisations"), QStringLiteral("organisation")},
        {tr("Backups, exports and restores"), QStringLiteral("database")},
    };
}

// --- ActivityModel ---------------------------------------------------------------------------------

ActivityModel::ActivityModel(AuditLog &log, const Caller &caller, QObject *parent, const AuditQuery &query)
    : QAbstractTableModel(parent)
    , m_log(log)
    , m_caller(caller)
    , m_query(query)
{
    reload(m_pageSize);
}

void ActivityModel::setQuery(const AuditQuery &query)
{
    m_query = query;
    reload(m_pageSize);
}

void ActivityModel::refresh()
{
    reload(std::max(m_pageSize, int(m_rows.size())));
}

void ActivityModel::setPageSize(int rows)
{
    m_pageSize = std::clamp(rows, 1, 1000); // AuditLog::list's limit
}

void ActivityModel::setOrganisationNames(const QHash<QString, QString> &names)
{
    m_organisationNames = names;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, OrganisationColumn), index(int(m_rows.size()) - 1, OrganisationColumn));
}

bool ActivityModel::before(const AuditEntry &a, const AuditEntry &b)
{
    if (a.at != b.at)
        return a.at > b.at;
    return a.id > b.id;
}

int ActivityModel::positionFor(const AuditEntry &entry) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), entry, &ActivityModel::before);
    return int(it - m_rows.cbegin());
}

int ActivityModel::rowOf(const QString &id) const
{
    if (!m_ids.contains(id))
        return -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

void ActivityModel::fail(const Error &error)
{
    m_lastError = error;
    emit errorOccurred(error);
}

void ActivityModel::reload(int rows)
{
    const Changing changing(m_changing);
    beginResetModel();
    m_rows.clear();
    m_ids.clear();
    m_atEnd = false;
    m_total = 0;
    m_lastError.reset();
    std::optional<Error> failed;
    while (!m_atEnd && m_rows.size() < rows) {
        auto page = fetchPage();
        if (!page) {
            failed = m_lastError;
            break;
        }
        for (const AuditEntry &e : std::as_const(*page))
            m_ids.insert(e.id);
        m_rows.append(*page);
    }
    endResetModel();
    if (failed)
        emit errorOccurred(*failed);
}

std::optional<QList<AuditEntry>> ActivityModel::fetchPage()
{
    // Offset pages from the page that holds the first entry not loaded. An entry written since
    // shifts the log down: what comes again is skipped by id, and nothing is missed (the log only
    // grows, and what is written goes on top).
    int page = int(m_rows.size() / m_pageSize) + 1;
    for (;;) {
        auto read = m_log.list(m_caller, m_query, PageRequest{page, m_pageSize});
        if (!read) {
            m_atEnd = true; // no retry loop from a view that keeps calling fetchMore
            m_lastError = read.error();
            return std::nullopt;
        }
        m_total = read->total;
        m_atEnd = read->items.size() < m_pageSize;
        QList<AuditEntry> fresh;
        for (const AuditEntry &e : std::as_const(read->items)) {
            if (!m_ids.contains(e.id))
                fresh.append(e);
        }
        if (!fresh.isEmpty() || m_atEnd)
            return fresh;
        ++page;
    }
}

bool ActivityModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_changing;
}

void ActivityModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const Changing changing(m_changing);
    auto page = fetchPage();
    if (!page) {
        emit errorOccurred(*m_lastError);
        return;
    }
    // A page follows the loaded rows; only an entry committed late (older than one already
    // shown) goes in among them.
    QList<AuditEntry> among;
    QList<AuditEntry> after;
    for (const AuditEntry &e : std::as_const(*page)) {
        if (m_rows.isEmpty() || before(m_rows.constLast(), e))
            after.append(e);
        else
            among.append(e);
    }
    if (!among.isEmpty())
        insertEntries(among);
    if (after.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(after.size()) - 1);
    for (const AuditEntry &e : std::as_const(after))
        m_ids.insert(e.id);
    m_rows.append(after);
    endInsertRows();
}

void ActivityModel::followNew()
{
    if (m_rows.isEmpty() || m_lastError) {
        refresh();
        return;
    }
    AuditQuery newer = m_query;
    const QDateTime newest = m_rows.constFirst().at;
    if (!newer.from.isValid() || newer.from < newest)
        newer.from = newest;
    QList<AuditEntry> fresh;
    // Nothing newer can match a query that ends before the newest loaded entry.
    if (!newer.to.isValid() || newer.from < newer.to) {
        for (int page = 1;; ++page) {
            auto read = m_log.list(m_caller, newer, PageRequest{page, kFollowPage});
            if (!read) {
                fail(read.error());
                return;
            }
            for (const AuditEntry &e : std::as_const(read->items)) {
                if (!m_ids.contains(e.id))
                    fresh.append(e);
            }
            if (read->items.size() < kFollowPage)
                break;
        }
    }
    if (fresh.isEmpty())
        return;
    // The count of everything the query matches, as the list answers it.
    if (auto counted = m_log.list(m_caller, m_query, PageRequest{1, 1}))
        m_total = counted->total;
    const Changing changing(m_changing);
    insertEntries(fresh);
}

void ActivityModel::insertEntries(const QList<AuditEntry> &entries)
{
    // Where each goes among the rows as they are now. Both lists are newest first, so the places
    // never decrease, and the entries that share one make a block.
    QList<QPair<int, QList<AuditEntry>>> blocks;
    for (const AuditEntry &e : entries) {
        const int row = positionFor(e);
        // Past the loaded rows it comes with a later page.
        if (row == m_rows.size() && !m_atEnd)
            continue;
        if (blocks.isEmpty() || blocks.constLast().first != row)
            blocks.append(qMakePair(row, QList<AuditEntry>()));
        blocks.last().second.append(e);
    }
    std::sort(blocks.begin(), blocks.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    // From the last block to the first, so that the places of those still to come stay right.
    for (const auto &[row, block] : std::as_const(blocks)) {
        QList<AuditEntry> sorted = block;
        std::sort(sorted.begin(), sorted.end(), &ActivityModel::before);
        beginInsertRows({}, row, row + int(sorted.size()) - 1);
        for (int i = 0; i < sorted.size(); ++i) {
            m_rows.insert(row + i, sorted.at(i));
            m_ids.insert(sorted.at(i).id);
        }
        endInsertRows();
    }
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &e = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return e.id;
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhenColumn:
            return DisplayText::dateTime(e.at);
        case WhoColumn:
            return e.username;
        case WhatColumn:
            return ActivityText::action(e.action);
        case OnWhatColumn:
            return ActivityText::onWhat(e);
        case DetailColumn:
            return ActivityText::detail(e);
        case OrganisationColumn:
            return e.orgId.isEmpty() ? QString() : m_organisationNames.value(e.orgId, e.orgId);
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case WhenColumn:
            // To the second, with the time zone: the short form leaves both out.
            return QLocale().toString(e.at.toLocalTime(), QLocale::LongFormat);
        case WhatColumn:
            return e.action;
        case OnWhatColumn:
            return ActivityText::onWhat(e);
        case DetailColumn:
            return e.detail.isEmpty() ? QVariant() : QVariant(ActivityText::detail(e));
        case OrganisationColumn:
            return e.orgId.isEmpty() ? QVariant() : QVariant(e.orgId);
        }
        return {};
    case RawRole:
        switch (index.column()) {
        case WhenColumn:
            return e.at.toUTC().toString(Qt::ISODateWithMs);
        case WhoColumn:
            return e.username;
        case WhatColumn:
            return e.action;
        case OnWhatColumn:
            return e.entity;
        case DetailColumn:
            return e.detail;
        case OrganisationColumn:
            return e.orgId;
        }
        return {};
    }
    return {};
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == WhenColumn)
        return tr("In this computer's time zone; the newest first.");
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WhenColumn:
        return tr("When");
    case WhoColumn:
        return tr("Who");
    case WhatColumn:
        return tr("What");
    case OnWhatColumn:
        return tr("On what");
    case DetailColumn:
        return tr("Detail");
    case OrganisationColumn:
        return tr("Organisation");
    }
    return {};
}

} // namespace cc
