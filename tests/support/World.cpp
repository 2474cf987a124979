#include "tests/support/World.h"

#include "core/Auth.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/Passwords.h"
#include "core/UserRepository.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"

namespace cc::test {

namespace {

Organisation organisation(const QString &id, const QString &name)
{
    Organisation org;
    org.id = id;
    org.name = name;
    return org;
}

Coordinator coordinator(const QString &id, const QString &orgId, const QString &name)
{
    Coordinator c;
    c.id = id;
    c.orgId = orgId;
    c.name = name;
    return c;
}

PeerMentor mentor(const QString &id, const QString &orgId, const QString &coordinatorId, const QString &name,
                  const QString &email = {})
{
    PeerMentor m;
    m.id = id;
    m.orgId = orgId;
    m.coordinatorId = coordinatorId;
    m.name = name;
    m.email = email;
    return m;
}

} // namespace

World::World()
    : orgA(organisation(kOrgA, QStringLiteral("Organisation A")))
    , orgB(organisation(kOrgB, QStringLiteral("Organisation B")))
    , coordA1(coordinator(kCoordA1, kOrgA, QStringLiteral("Kari Koordinator")))
    , coordA2(coordinator(kCoordA2, kOrgA, QStringLiteral("Ola Koordinator")))
    , coordB1(coordinator(kCoordB1, kOrgB, QStringLiteral("Berit Koordinator")))
    , mentorA1(
          mentor(kMentorA1, kOrgA, kCoordA1, QStringLiteral("Åse Ødegård"), QStringLiteral("ase@a.example")))
    , mentorA2(mentor(kMentorA2, kOrgA, kCoordA2, QStringLiteral("Per Hansen")))
    , mentorB1(mentor(kMentorB1, kOrgB, kCoordB1, QStringLiteral("Bjørn Berg")))
    , coordinatorA{QStringLiteral("user_ca"), QStringLiteral("coord.a"), Role::Coordinator, kOrgA, kCoordA1}
    , orgAdminA{QStringLiteral("user_aa"), QStringLiteral("admin.a"), Role::OrgAdmin, kOrgA, {}}
    , coordinatorB{QStringLiteral("user_cb"), QStringLiteral("coord.b"), Role::Coordinator, kOrgB, kCoordB1}
    , orgAdminB{QStringLiteral("user_ab"), QStringLiteral("admin.b"), Role::OrgAdmin, kOrgB, {}}
    , globalAdmin{QStringLiteral("user_g"), QStringLiteral("root"), Role::GlobalAdmin, {}, {}}
{}

Caller World::who(const QString &name) const
{
    if (name == QLatin1String("coordA"))
        return coordinatorA;
    if (name == QLatin1String("adminA"))
        return orgAdminA;
    if (name == QLatin1String("coordB"))
        return coordinatorB;
    if (name == QLatin1String("adminB"))
        return orgAdminB;
    if (name == QLatin1String("global"))
        return globalAdmin;
    qFatal("unknown caller %s", qPrintable(name));
}

Status World::create(Database &db, const Clock &clock) const
{
    DirectoryService directory(db, clock);
    const Caller system = Caller::system();
    for (const Organisation &org : {orgA, orgB})
        if (auto added = directory.addOrganisation(system, org); !added)
            return added.error();
    for (const Coordinator &coordinator : {coordA1, coordA2, coordB1})
        if (auto added = directory.addCoordinator(system, coordinator); !added)
            return added.error();
    for (const PeerMentor &mentor : {mentorA1, mentorA2, mentorB1})
        if (auto added = directory.addPeerMentor(system, mentor); !added)
            return added.error();
    return {};
}

Result<QString> World::passwordHash()
{
    // argon2id is slow on purpose: hash the shared password once per test executable.
    static const Result<QString> hash = hashPassword(kPassword);
    return hash;
}

Status World::createUsers(Database &db, const Clock &clock, const QString &password) const
{
    auto hash = password == kPassword ? passwordHash() : hashPassword(password);
    if (!hash)
        return hash.error();
    UserRepository users(db);
    for (const Caller &caller : {coordinatorA, orgAdminA, coordinatorB, orgAdminB, globalAdmin}) {
        User user;
        user.id = caller.userId;
        user.username = caller.username;
        user.displayName = caller.username;
        user.role = caller.role;
        user.orgId = caller.orgId;
        user.coordinatorId = caller.coordinatorId;
        user.passwordHash = *hash;
        user.createdAt = clock.now();
        if (auto s = users.insertUser(user); !s)
            return s;
    }
    return {};
}

Status World::createHistory(Database &db, ManualClock &clock) const
{
    const QDateTime now = testNow();
    struct Event
    {
        const Caller &caller;
        const char *mentor;
        const char *coordinator;
        EventType type;
        QDateTime effective;
        std::optional<QString> reason;
        QDateTime sentAt;
    };
    const Event events[] = {{coordinatorA, "pm_a1", "coord_a1", EventType::PauseActivated, utc(2026, 2, 1),
                             QStringLiteral("Illness"), now.addDays(-40)},
                            {coordinatorA, "pm_a1", "coord_a1", EventType::PauseDeactivated, utc(2026, 2, 20),
                             std::nullopt, now.addDays(-30)},
                            {coordinatorA, "pm_a1", "coord_a1", EventType::PauseActivated, utc(2026, 3, 10),
                             QStringLiteral("Exam period"), now.addDays(-10)},
                            {coordinatorB, "pm_b1", "coord_b1", EventType::PauseActivated, utc(2026, 3, 1),
                             QStringLiteral("Travel"), now.addDays(-5)}};
    for (const Event &e : events) {
        if (auto s = record(db, clock, e.caller, QString::fromLatin1(e.mentor),
                            QString::fromLatin1(e.coordinator), e.type, e.effective, e.reason, e.sentAt);
            !s)
            return s;
    }
    clock.set(now);
    return {};
}

Status World::record(Database &db, ManualClock &clock, const Caller &caller, const QString &mentor,
                     const QString &coordinator, EventType type, const QDateTime &effective,
                     const std::optional<QString> &reason, const QDateTime &sentAt)
{
    NotificationRecordService records(db, clock);
    clock.set(sentAt);
    NewRecord r;
    r.peerMentorId = mentor;
    r.coordinatorId = coordinator;
    r.eventType = type;
    r.effectiveDate = effective;
    r.reason = reason;
    r.channels = {QStringLiteral("push")};
    auto added = records.record(caller, r);
    if (!added)
        return added.error();
    return {};
}

} // namespace cc::test
