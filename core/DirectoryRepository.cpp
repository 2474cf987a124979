#include "core/DirectoryRepository.h"

namespace cc {

namespace {

Organisation orgFrom(const Query &q)
{
    return Organisation{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString(), timeFrom(q.value(4))};
}

Coordinator coordinatorFrom(const Query &q)
{
    return Coordinator{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toString(), timeFrom(q.value(4)),  timeFrom(q.value(5))};
}

PeerMentor mentorFrom(const Query &q)
{
    return PeerMentor{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                      timeFrom(q.value(6)),  timeFrom(q.value(7)),  timeFrom(q.value(8))};
}

const QString kOrgColumns = QStringLiteral("id, name, locale, time_zone, created_at");
const QString kCoordinatorColumns = QStringLiteral("id, org_id, name, email, created_at, deactivated_at");
const QString kMentorColumns =
    QStringLiteral("id, org_id, coordinator_id, name, email, phone, created_at, deactivated_at, erased_at");

// The condition that selects `activity` (with a leading " AND "), or nothing for Any.
QString activityCondition(Activity activity)
{
    switch (activity) {
    case Activity::Active:
        return QStringLiteral(" AND deactivated_at IS NULL");
    case Activity::Inactive:
        return QStringLiteral(" AND deactivated_at IS NOT NULL");
    case Activity::Any:
        break;
    }
    return {};
}

} // namespace

Status DirectoryRepository::insertOrganisation(const Organisation &org)
{
    Query q(m_db,
            QStringLiteral("INSERT INTO organisations (id, name, locale, time_zone, created_at) "
                           "VALUES (:id, :name, :locale, :tz, :at)"));
    q.bind(QStringLiteral(":id"), org.id).bind(QStringLiteral(":name"), org.name);
    q.bind(QStringLiteral(":locale"), org.locale).bind(QStringLiteral(":tz"), org.timeZone);
    q.bind(QStringLiteral(":at"), timeValue(org.createdAt));
    return q.exec();
}

Result<std::optional<Organisation>> DirectoryRepository::organisation(const QString &id)
{
    Query q(m_db,
            QStringLiteral("SELECT ") + kOrgColumns + QStringLiteral(" FROM organisations WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    return fetchOne<Organisation>(q, orgFrom);
}

Result<QList<Organisation>> DirectoryRepository::organisations()
{
    Query q(m_db,
            QStringLiteral("SELECT ") + kOrgColumns
                + QStringLiteral(" FROM organisations ORDER BY name, id"));
    return fetchAll<Organisation>(q, orgFrom);
}

Status DirectoryRepository::insertCoordinator(const Coordinator &c)
{
    Query q(m_db,
            QStringLiteral("INSERT INTO coordinators (id, org_id, name, email, created_at) "
                           "VALUES (:id, :org, :name, :email, :at)"));
    q.bind(QStringLiteral(":id"), c.id).bind(QStringLiteral(":org"), c.orgId);
    q.bind(QStringLiteral(":name"), c.name).bind(QStringLiteral(":email"), nullable(c.email));
    q.bind(QStringLiteral(":at"), timeValue(c.createdAt));
    return q.exec();
}

Result<std::optional<Coordinator>> DirectoryRepository::coordinator(const QString &id)
{
    Query q(m_db,
            QStringLiteral("SELECT ") + kCoordinatorColumns
                + QStringLiteral(" FROM coordinators WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    return fetchOne<Coordinator>(q, coordinatorFrom);
}

Status DirectoryRepository::updateCoordinator(const Coordinator &c)
{
    Query q(m_db,
            QStringLiteral("UPDATE coordinators SET name = :name, email = :email, deactivated_at = :off "
                           "WHERE id = :id"));
    q.bind(QStringLiteral(":id"), c.id).bind(QStringLiteral(":name"), c.name);
    q.bind(QStringLiteral(":email"), nullable(c.email))
        .bind(QStringLiteral(":off"), timeValue(c.deactivatedAt));
    return q.exec();
}

Result<QList<Coordinator>> DirectoryRepository::coordinators(const QString &orgId, Activity activity)
{
    Query q(m_db,
            QStringLiteral("SELECT ") + kCoordinatorColumns + QStringLiteral(" FROM coordinators WHERE ")
                + (orgId.isEmpty() ? QStringLiteral("1 = 1") : QStringLiteral("org_id = :org"))
                + activityCondition(activity) + QStringLiteral(" ORDER BY name, id"));
    if (!orgId.isEmpty())
        q.bind(QStringLiteral(":org"), orgId);
    return fetchAll<Coordinator>(q, coordinatorFrom);
}

Result<int> DirectoryRepository::activeMentorsOf(const QString &coordinatorId)
{
    Query q(m_db,
            QStringLiteral("SELECT COUNT(*) FROM peer_mentors WHERE coordinator_id = :coord "
                           "AND deactivated_at IS NULL"));
    q.bind(QStringLiteral(":coord"), coordinatorId);
    if (auto s = q.exec(); !s)
        return s.error();
    return q.next() ? q.value(0).toInt() : 0;
}

Status DirectoryRepository::insertPeerMentor(const PeerMentor &m)
{
    Query q(m_db,
            QStringLiteral(
                "INSERT INTO peer_mentors (id, org_id, coordinator_id, name, email, phone, created_at) "
                "VALUES (:id, :org, :coord, :name, :email, :phone, :at)"));
    q.bind(QStringLiteral(":id"), m.id).bind(QStringLiteral(":org"), m.orgId);
    q.bind(QStringLiteral(":coord"), nullable(m.coordinatorId)).bind(QStringLiteral(":name"), m.name);
    q.bind(QStringLiteral(":email"), nullable(m.email)).bind(QStringLiteral(":phone"), nullable(m.phone));
    q.bind(QStringLiteral(":at"), timeValue(m.createdAt));
    return q.exec();
}

Status DirectoryRepository::updatePeerMentor(const PeerMentor &m)
{
    Query q(m_db,
            QStringLiteral("UPDATE peer_mentors SET coordinator_id = :coord, name = :name, email = :email, "
                           "phone = :phone, deactivated_at = :off WHERE id = :id"));
    q.bind(QStringLiteral(":id"), m.id).bind(QStringLiteral(":coord"), nullable(m.coordinatorId));
    q.bind(QStringLiteral(":name"), m.name).bind(QStringLiteral(":email"), nullable(m.email));
    q.bind(QStringLiteral(":phone"), nullable(m.phone))
        .bind(QStringLiteral(":off"), timeValue(m.deactivatedAt));
    return q.exec();
}

Result<std::optional<PeerMentor>> DirectoryRepository::peerMentor(const QString &id)
{
    Query q(m_db,
            QStringLiteral("SELECT ") + kMentorColumns + QStringLiteral(" FROM peer_mentors WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    return fetchOne<PeerMentor>(q, mentorFrom);
}

Result<QList<PeerMentor>> DirectoryRepository::peerMentors(const QString &orgId, const MentorQuery &query)
{
    QString sql = QStringLiteral("SELECT ") + kMentorColumns + QStringLiteral(" FROM peer_mentors WHERE ")
        + (orgId.isEmpty() ? QStringLiteral("1 = 1") : QStringLiteral("org_id = :org"));
    if (!query.coordinatorId.isEmpty())
        sql += QStringLiteral(" AND coordinator_id = :coord");
    sql += activityCondition(query.activity) + QStringLiteral(" ORDER BY name, id");
    Query q(m_db, sql);
    if (!orgId.isEmpty())
        q.bind(QStringLiteral(":org"), orgId);
    if (!query.coordinatorId.isEmpty())
        q.bind(QStringLiteral(":coord"), query.coordinatorId);
    auto all = fetchAll<PeerMentor>(q, mentorFrom);
    const QString search = query.search.trimmed();
    if (!all || search.isEmpty())
        return all;
    // Matched here rather than with LOWER() … LIKE: SQLite folds only ASCII letters (“øyvind” would
    // not find “Øyvind”), and LIKE would take “%” and “_” in the search as wildcards.
    QList<PeerMentor> out;
    for (const PeerMentor &m : std::as_const(*all)) {
        if (m.name.contains(search, Qt::CaseInsensitive) || m.email.contains(search, Qt::CaseInsensitive)
            || m.id == search)
            out.append(m);
    }
    return out;
}

} // namespace cc
