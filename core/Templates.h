#pragma once

// Payload templates, their versions and the payloads built from them.

#include "core/Records.h"
#include "core/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace cc {

// The rules every face of the templates obeys: the lengths of their texts and the languages they
// are written in. Core validates with them, the API words its messages with them and the console
// sets its fields' maximum lengths and language lists from them.
namespace templates {

inline constexpr int kMaxTitle = 200;
inline constexpr int kMaxBody = 4000;
inline constexpr int kMaxDescription = 500;
inline constexpr int kMaxIdLength = 64; // an id is [a-z0-9-]{1,kMaxIdLength}

// The two languages of a template.
inline constexpr QLatin1String kEnglish("en");
inline constexpr QLatin1String kNorwegian("nb");

// The languages every template is written in, in the order the editor shows them: kEnglish,
// kNorwegian.
const QStringList &locales();
// The language used when nothing chooses another: kEnglish.
QString defaultLocale();
bool isLocale(const QString &locale);
// Invalid, naming the field "locale", unless `locale` is empty or one of locales().
Status validateLocale(const QString &locale);

} // namespace templates

// The texts of a template in one language.
struct TemplateText
{
    QString title;
    QString body;
    bool operator==(const TemplateText &) const = default;
};

struct PayloadTemplate
{
    QString id;   // slug [a-z0-9-]{1,64}
    QString type; // coordinator_pause, ...
    EventType event = EventType::PauseActivated;
    QString description;
    bool custom = false; // false for the four built-ins
    QString scope;       // "" for the global default, else the organisation it overrides for
    TemplateText en;
    TemplateText nb;
    int version = 1;
    QDateTime updatedAt;
    QString updatedBy;
    const TemplateText &text(const QString &locale) const;
    TemplateText &text(const QString &locale);
};

struct TemplateVersion
{
    QString templateId;
    QString scope;
    int version = 0;
    QString description;
    TemplateText en;
    TemplateText nb;
    QString changedBy;
    QDateTime changedAt;
    QString action; // "update", "create", "reset", "restore", "delete"
};

// A change to a template: only what is set changes. `locale` picks the language the title and
// body go to.
struct TemplateChange
{
    QString locale = templates::defaultLocale();
    std::optional<QString> title;
    std::optional<QString> body;
    std::optional<QString> description;
    QString type; // only when creating a custom template
};

// The values a template is rendered with.
struct TemplateValues
{
    QString peerMentorId;
    QString peerMentorName;
    QDateTime date;
    QString reason;
    QString coordinatorName;
    QString organisationName;
};

struct RenderedTemplate
{
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
struct BuiltPayload
{
    QString id; // payload_ + 12 hex
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

struct BuildRequest
{
    QString payloadType; // or templateId
    QString templateId;
    QString peerMentorName; // or peerMentorId
    QString peerMentorId;
    QDateTime date;
    QString reason;
    QString locale; // empty: the organisation's
};

} // namespace cc
