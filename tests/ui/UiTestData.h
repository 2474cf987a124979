#pragma once

#include "core/Caller.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/Records.h"
#include "tests/support/World.h"

#include <QDateTime>
#include <QString>

// The ui tests' names for the World (tests/support/World.h) they share, and small helpers.
namespace cc::test::ui {

inline const QString &kOrgA = World::kOrgA;
inline const QString &kOrgB = World::kOrgB;
inline const QString &kCoordA1 = World::kCoordA1;
inline const QString &kCoordA2 = World::kCoordA2;
inline const QString &kCoordB1 = World::kCoordB1;
inline const QString &kMentorA1 = World::kMentorA1;
inline const QString &kMentorA2 = World::kMentorA2;
inline const QString &kMentorB1 = World::kMentorB1;

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kDay = 24 * 60 * kMinute;

// The World's callers.
Caller coordinatorA();
Caller orgAdminA();
Caller coordinatorB();
Caller globalAdmin();

// Midnight UTC of the test day plus `days`.
QDateTime day(int days);

NewRecord newRecord(const QString &mentor, const QString &coordinator, EventType type,
                    const QDateTime &effective);

} // namespace cc::test::ui
