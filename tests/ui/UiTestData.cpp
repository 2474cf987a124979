#include "tests/ui/UiTestData.h"

#include "core/DirectoryService.h"
#include "tests/support/TestDatabase.h"

namespace cc::test::ui {

Status seedDirectory(Database &db, const Clock &clock)
{
    DirectoryService directory(db, clock);
    const Caller system = Caller::system();
    for (const auto &[id, name] : {std::pair{kOrgA, QStringLiteral("Organisation A")},
                                   std::pair{kOrgB, QStringLiteral("Organisation B")}}) {
        Organisation org;
        org.id = id;
        org.name = name;
        if (auto added = directory.addOrganisation(system, org); !added)
            return added.error();
    }
    const QList<Coordinator> coordinators{
        {kCoordA1, kOrgA, QStringLiteral("Kari Koordinator"), QString(), {}},
        {kCoordA2, kOrgA, QStringLiteral("Ola Koordinator"), QString(), {}},
        {kCoordB1, kOrgB, QStringLiteral("Berit Koordinator"), QString(), {}},
    };
    for (const Coordinator &c : coordinators)
        if (auto added = directory.addCoordinator(system, c); !added)
            return added.error();
    const QList<PeerMentor> mentors{
        {kMentorA1,
         kOrgA,
         kCoordA1,
         QStringLiteral("Åse Ødegård"),
         QStringLiteral("ase@a.example"),
         QString(),
         {}},
        {kMentorA2, kOrgA, kCoordA2, QStringLiteral("Per Hansen"), QString(), QString(), {}},
        {kMentorB1, kOrgB, kCoordB1, QStringLiteral("Bjørn Berg"), QString(), QString(), {}},
    };
    for (const PeerMentor &m : mentors)
        if (auto added = directory.addPeerMentor(system, m); !added)
            return added.error();
    return {};
}

Caller coordinatorA()
{
    return Caller{QStringLiteral("user-coord-a"), QStringLiteral("coord.a"), Role::Coordinator, kOrgA,
                  kCoordA1};
}

Caller orgAdminA()
{
    return Caller{QStringLiteral("user-admin-a"), QStringLiteral("admin.a"), Role::OrgAdmin, kOrgA,
                  QString()};
}

Caller coordinatorB()
{
    return Caller{QStringLiteral("user-coord-b"), QStringLiteral("coord.b"), Role::Coordinator, kOrgB,
                  kCoordB1};
}

Caller globalAdmin()
{
    return Caller{QStringLiteral("user-global"), QStringLiteral("global"), Role::GlobalAdmin, QString(),
                  QString()};
}

QDateTime day(int days)
{
    return QDateTime(testNow().date(), QTime(0, 0), Qt::UTC).addDays(days);
}

NewRecord newRecord(const QString &mentor, const QString &coordinator, EventType type,
                    const QDateTime &effective)
{
    NewRecord r;
    r.peerMentorId = mentor;
    r.coordinatorId = coordinator;
    r.eventType = type;
    r.effectiveDate = effective;
    r.channels = {QStringLiteral("push"), QStringLiteral("sms")};
    r.reason = QStringLiteral("Ferie");
    return r;
}

} // namespace cc::test::ui
