#pragma once

// The organisation's people: organisations, coordinators, peer mentors.

#include "core/Defaults.h"

#include <QDateTime>
#include <QString>

namespace cc {

struct Organisation
{
    QString id;
    QString name;
    QString locale = QStringLiteral("nb"); // "en" or "nb"
    QString timeZone = kDefaultTimeZone;   // an IANA name
    QDateTime createdAt;
};

struct Coordinator
{
    QString id;
    QString orgId;
    QString name;
    QString email;
    QDateTime createdAt;
    QDateTime deactivatedAt; // invalid while active

    bool active() const { return !deactivatedAt.isValid(); }
};

struct PeerMentor
{
    QString id;
    QString orgId;
    QString coordinatorId;
    QString name;
    QString email;
    QString phone;
    QDateTime createdAt;
    QDateTime deactivatedAt; // invalid while active: a mentor who left keeps her history
    QDateTime erasedAt;      // when her personal data were erased (GDPR Art. 17); invalid until then

    bool active() const { return !deactivatedAt.isValid(); }
    bool erased() const { return erasedAt.isValid(); }
};

// Which of the people who may have left a list shows.
enum class Activity
{
    Active,   // the default lists
    Inactive, // those who left
    Any,
};

// A list of peer mentors: the active ones by default.
struct MentorQuery
{
    QString search;        // matches name, email or id (empty: every mentor)
    QString coordinatorId; // empty: of every coordinator
    Activity activity = Activity::Active;
    QString orgId; // empty: every organisation the caller sees (see Caller::scopeOrg)
};

} // namespace cc
