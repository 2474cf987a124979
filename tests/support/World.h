#pragma once

#include "core/Caller.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/Directory.h"
#include "core/Records.h"
#include "core/Result.h"

#include <QString>

namespace cc::test {

// The one world the tests share: two organisations, their coordinators and peer mentors, and a
// user of every role with the Caller that stands for it.
//
//   org_a "Organisation A": coordinators coord_a1 "Kari Koordinator" and coord_a2 "Ola Koordinator";
//                           peer mentors pm_a1 "Åse Ødegård" (of Kari, ase@a.example) and
//                           pm_a2 "Per Hansen" (of Ola)
//   org_b "Organisation B": coordinator coord_b1 "Berit Koordinator"; peer mentor pm_b1 "Bjørn Berg"
//   users (callers):        coord.a (coordinator coord_a1), admin.a (org admin of A),
//                           coord.b (coordinator coord_b1), admin.b (org admin of B), root (global)
//
// The members are the cast; a test may adjust one before create() (say, give a mentor a phone).
struct World
{
    static inline const QString kOrgA = QStringLiteral("org_a");
    static inline const QString kOrgB = QStringLiteral("org_b");
    static inline const QString kCoordA1 = QStringLiteral("coord_a1");
    static inline const QString kCoordA2 = QStringLiteral("coord_a2");
    static inline const QString kCoordB1 = QStringLiteral("coord_b1");
    static inline const QString kMentorA1 = QStringLiteral("pm_a1");
    static inline const QString kMentorA2 = QStringLiteral("pm_a2");
    static inline const QString kMentorB1 = QStringLiteral("pm_b1");
    // The password of the users createUsers() adds.
    static inline const QString kPassword = QStringLiteral("correct horse battery");

    // The standard cast above.
    World();

    Organisation orgA;
    Organisation orgB;
    Coordinator coordA1;
    Coordinator coordA2;
    Coordinator coordB1;
    PeerMentor mentorA1;
    PeerMentor mentorA2;
    PeerMentor mentorB1;

    Caller coordinatorA;
    Caller orgAdminA;
    Caller coordinatorB;
    Caller orgAdminB;
    Caller globalAdmin;

    // The caller named in a data table: "coordA", "adminA", "coordB", "adminB" or "global".
    Caller who(const QString &name) const;

    // Stores the organisations, coordinators and peer mentors through DirectoryService, as the
    // system; the records' times are `clock`'s now.
    Status create(Database &db, const Clock &clock) const;

    // Stores the users behind the five callers, with `password`. They go in through the user
    // repository, so that they keep the callers' fixed ids (DirectoryService::addUser draws new ones).
    Status createUsers(Database &db, const Clock &clock, const QString &password = kPassword) const;

    // The argon2id hash of kPassword, computed once (for a test that adds users of its own).
    static Result<QString> passwordHash();

    // The history the template and payload tests render from: Åse Ødegård (A) paused, resumed and
    // paused again, Bjørn Berg (B) paused once, Per Hansen (A) has none. Sent 40, 30, 10 and 5 days
    // before testNow(), which `clock` shows again afterwards.
    Status createHistory(Database &db, ManualClock &clock) const;

    // Records one notification (channel push) as `caller`, sent at `sentAt` on `clock`.
    static Status record(Database &db, ManualClock &clock, const Caller &caller, const QString &mentor,
                         const QString &coordinator, EventType type, const QDateTime &effective,
                         const std::optional<QString> &reason, const QDateTime &sentAt);
};

} // namespace cc::test
