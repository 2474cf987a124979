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
};

} // namespace cc
