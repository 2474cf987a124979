#pragma once

// Notification records, their events and channels, and what they tell of a peer mentor.

#include "core/Directory.h"
#include "core/Paging.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cc {

enum class EventType
{
    PauseActivated,
    PauseDeactivated
};
QString eventTypeName(EventType type); // "pause_activated", "pause_deactivated"
std::optional<EventType> eventTypeFromName(const QString &name);

// The channels a notification can go out on. Records store and the API sends them by name.
enum class Channel
{
    Push,
    InApp,
    Email,
    Sms
};
const QList<Channel> &allChannels();  // in the order above
QString channelName(Channel channel); // "push", "in_app", "email", "sms"
std::optional<Channel> channelFromName(const QString &name);
const QStringList &channelNames(); // the names of allChannels(), in their order

struct NotificationRecord
{
    QString id;
    QString orgId;
    QString peerMentorId;
    QString peerMentorName; // joined from peer_mentors
    EventType eventType = EventType::PauseActivated;
    QDateTime effectiveDate;
    std::optional<QString> reason;
    QString coordinatorId;
    QString coordinatorName; // joined from coordinators
    QStringList channels;
    QStringList dispatchIds;
    std::optional<QString> notes;
    QString createdBy; // username
    QDateTime sentAt;
    QDateTime updatedAt;
};

// What a caller sends to record a notification.
struct NewRecord
{
    QString peerMentorId;
    EventType eventType = EventType::PauseActivated;
    QDateTime effectiveDate;
    std::optional<QString> reason;
    QString coordinatorId;
    QStringList channels;
    QStringList dispatchIds;
    std::optional<QString> notes;
};

// A change to a record's metadata: only what is set changes.
struct RecordUpdate
{
    std::optional<QStringList> channels;
    std::optional<std::optional<QString>> notes; // outer: sent at all; inner: null or text
};

struct RecordFilter
{
    QString peerMentorId;
    std::optional<EventType> eventType;
    QString coordinatorId;
    QDateTime from; // inclusive, on sent_at
    QDateTime to;   // inclusive, on sent_at
    QString orgId;  // narrows a global admin's view; others are always scoped to their own
};

enum class PauseStatus
{
    Active,
    Paused
};

struct PeerMentorProfile
{
    PeerMentor mentor;
    PauseStatus status = PauseStatus::Active;
    QDateTime pauseStartDate; // null when active
};

struct History
{
    PeerMentor mentor;
    QList<NotificationRecord> events; // newest sent_at first
    qint64 total = 0;                 // every event of the mentor, on all pages
    int page = 1;
    int limit = 0; // events per page; 0: one page with every event
};

} // namespace cc
