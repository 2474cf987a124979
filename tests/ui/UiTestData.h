#pragma once

#include "core/Caller.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/Records.h"

#include <QDateTime>
#include <QString>

// The organisations, coordinators and peer mentors the model tests share, and their callers.
namespace cc::test::ui {

inline const QString kOrgA = QStringLiteral("org-a");
inline const QString kOrgB = QStringLiteral("org-b");
inline const QString kCoordA1 = QStringLiteral("coord-a1");
inline const QString kCoordA2 = QStringLiteral("coord-a2");
inline const QString kCoordB1 = QStringLiteral("coord-b1");
inline const QString kMentorA1 = QStringLiteral("pm-a1");
inline const QString kMentorA2 = QStringLiteral("pm-a2");
inline const QString kMentorB1 = QStringLiteral("pm-b1");

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kDay = 24 * 60 * kMinute;

// Two organisations: A with coordinators a1 ("Kari Koordinator") and a2 ("Ola Koordinator") and
// mentors a1 ("Åse Ødegård", of a1) and a2 ("Per Hansen", of a2); B with coordinator b1
// ("Berit Koordinator") and mentor b1 ("Bjørn Berg").
Status seedDirectory(Database &db, const Clock &clock);

Caller coordinatorA();
Caller orgAdminA();
Caller coordinatorB();
Caller globalAdmin();

// Midnight UTC of the test day plus `days`.
QDateTime day(int days);

NewRecord newRecord(const QString &mentor, const QString &coordinator, EventType type,
                    const QDateTime &effective);

} // namespace cc::test::ui
