#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cc {

enum class Role { Coordinator, OrgAdmin, GlobalAdmin };
QString roleName(Role role);                         // "coordinator", "org_admin", "global_admin"
std::optional<Role> roleFromName(const QString &name);

enum class EventType { PauseActivated, PauseDeactivated };
QString eventTypeName(EventType type);               // "pause_activated", "pause_deactivated"
std::optional<EventType> eventTypeFromName(const QString &name);

// The channels a notification can go out on.
const QStringList &channelNames();                   // push, in_app, email, sms

// Who is asking. Passed into every service call; services enforce roles and organisation scope.
struct Caller {
    QString userId;
    QString username;
    Role role = Role::Coordinator;
    QString orgId;          // empty only for a global admin
    QString coordinatorId;  // set for coordinator users

    bool isGlobalAdmin() const { return role == Role::GlobalAdmin; }
    // True when this caller may see things of organisation orgId.
    bool canSee(const QString &orgId) const;
    // The caller every command-line action runs as: a global admin that is the operator.
    static Caller system();
};

struct Organisation {
    QString id;
    QString name;
    QString locale = QStringLiteral("nb");            // "en" or "nb"
    QString timeZone = QStringLiteral("Europe/Oslo"); // an IANA name
    QDateTime createdAt;
};

struct Coordinator {
    QString id;
    QString orgId;
    QString name;
    QString email;
    QDateTime createdAt;
};

struct PeerMentor {
    QString id;
    QString orgId;
    QString coordinatorId;
    QString name;
    QString email;
    QString phone;
    QDateTime createdAt;
};

struct User {
    QString id;
    QString username;
    QString displayName;
    Role role = Role::Coordinator;
    QString orgId;
    QString coordinatorId;
    QString passwordHash;   // argon2id, libsodium's encoded form
    bool disabled = false;
    QDateTime createdAt;
};

struct ApiToken {
    QString id;
    QString userId;
    QString tokenHash;      // SHA-256 of the secret, hex; the secret itself is never stored
    QString label;
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime revokedAt;    // null while valid
    QDateTime lastUsedAt;
    bool isValidAt(const QDateTime &now) const { return revokedAt.isNull() && now < expiresAt; }
};

// A one-time code that pairs a phone with the console for `user` (AuthService::createPairingCode).
// The code is shown once (in a QR code) and never stored: the table keeps its SHA-256 only.
struct PairingCode {
    QString id;             // pc_ + 16 hex
    QString code;           // 32 characters of RFC 4648 base32 (A-Z, 2-7): 20 random bytes, 160 bits
    User user;
    QDateTime createdAt;
    QDateTime expiresAt;    // valid while now < expiresAt
};

// A pairing code as stored.
struct StoredPairingCode {
    QString id;
    QString codeHash;       // SHA-256 of the code, hex
    QString userId;
    QString createdBy;      // user id of who made it
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime usedAt;       // null until redeemed
    bool isValidAt(const QDateTime &now) const { return usedAt.isNull() && now < expiresAt; }
};

struct NotificationRecord {
    QString id;
    QString orgId;
    QString peerMentorId;
    QString peerMentorName;     // joined from peer_mentors
    EventType eventType = EventType::PauseActivated;
    QDateTime effectiveDate;
    std::optional<QString> reason;
    QString coordinatorId;
    QString coordinatorName;    // joined from coordinators
    QStringList channels;
    QStringList dispatchIds;
    std::optional<QString> notes;
    QString createdBy;          // username
    QDateTime sentAt;
    QDateTime updatedAt;
};

// What a caller sends to record a notification.
struct NewRecord {
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
struct RecordUpdate {
    std::optional<QStringList> channels;
    std::optional<std::optional<QString>> notes;   // outer: sent at all; inner: null or text
};

struct RecordFilter {
    QString peerMentorId;
    std::optional<EventType> eventType;
    QString coordinatorId;
    QDateTime from;   // inclusive, on sent_at
    QDateTime to;     // inclusive, on sent_at
    QString orgId;    // narrows a global admin's view; others are always scoped to their own
};

struct PageRequest {
    int page = 1;
    int limit = 20;
};

template<typename T>
struct Page {
    QList<T> items;
    int page = 1;
    int limit = 20;
    qint64 total = 0;
};

enum class PauseStatus { Active, Paused };

struct PeerMentorProfile {
    PeerMentor mentor;
    PauseStatus status = PauseStatus::Active;
    QDateTime pauseStartDate;   // null when active
};

struct History {
    PeerMentor mentor;
    QList<NotificationRecord> events;   // newest sent_at first
};

struct Deleted {
    QString id;
    QDateTime deletedAt;
};

// ---- templates --------------------------------------------------------------------------------

// The texts of a template in one language.
struct TemplateText {
    QString title;
    QString body;
    bool operator==(const TemplateText &) const = default;
};

struct PayloadTemplate {
    QString id;             // slug [a-z0-9-]{1,64}
    QString type;           // coordinator_pause, ...
    EventType event = EventType::PauseActivated;
    QString description;
    bool custom = false;    // false for the four built-ins
    QString scope;          // "" for the global default, else the organisation it overrides for
    TemplateText en;
    TemplateText nb;
    int version = 1;
    QDateTime updatedAt;
    QString updatedBy;
    const TemplateText &text(const QString &locale) const { return locale == QLatin1String("nb") ? nb : en; }
};

struct TemplateVersion {
    QString templateId;
    QString scope;
    int version = 0;
    QString description;
    TemplateText en;
    TemplateText nb;
    QString changedBy;
    QDateTime changedAt;
    QString action;         // "update", "create", "reset", "restore", "delete"
};

// A change to a template: only what is set changes. `locale` picks the language the title and
// body go to.
struct TemplateChange {
    QString locale = QStringLiteral("en");
    std::optional<QString> title;
    std::optional<QString> body;
    std::optional<QString> description;
    QString type;           // only when creating a custom template
};

// The values a template is rendered with.
struct TemplateValues {
    QString peerMentorId;
    QString peerMentorName;
    QDateTime date;
    QString reason;
    QString coordinatorName;
    QString organisationName;
};

struct RenderedTemplate {
    QString id;
    QString type;
    EventType event = EventType::PauseActivated;
    QString locale;
    QString title;
    QString body;
    QString bodyTemplate;
    QString peerMentorId;
};

// A payload built from a template and stored, so it can be fetched again as it was answered.
struct BuiltPayload {
    QString id;             // payload_ + 12 hex
    QString orgId;
    QString templateId;
    QString payloadType;
    QString locale;
    QString title;
    QString body;
    EventType event = EventType::PauseActivated;
    QString peerMentorId;
    QString peerMentorName;
    QDateTime effectiveDate;
    QString createdBy;
    QDateTime createdAt;
};

struct BuildRequest {
    QString payloadType;    // or templateId
    QString templateId;
    QString peerMentorName; // or peerMentorId
    QString peerMentorId;
    QDateTime date;
    QString reason;
    QString locale;         // empty: the organisation's
};

// ---- audit and idempotency -----------------------------------------------------------------

struct AuditEntry {
    QString id;
    QDateTime at;
    QString userId;
    QString username;
    QString orgId;
    QString action;         // "record.update", "template.delete", ...
    QString entity;         // "notification_record", "payload_template", ...
    QString entityId;
    QString detail;         // a short, non-personal description
};

// A stored answer to a POST sent with an Idempotency-Key.
struct IdempotentResponse {
    QString userId;
    QString key;
    QString fingerprint;    // what the request was (method, path, body hash)
    int status = 0;         // 0 while the first request is still being handled
    QByteArray body;
    QString location;
    QDateTime createdAt;
    QString etag;
};

} // namespace cc
