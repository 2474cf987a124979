#pragma once

// The field names of the API's JSON bodies and query parameters: what a client sends and reads,
// what a validation error names (Error::fields), and what a console dialog matches an error to.
// Defined once here and used by core, server and ui.

#include <QLatin1StringView>

namespace cc::field {

// Notification records
inline constexpr QLatin1StringView Id{"id"};
inline constexpr QLatin1StringView PeerMentorId{"peer_mentor_id"};
inline constexpr QLatin1StringView PeerMentorName{"peer_mentor_name"};
inline constexpr QLatin1StringView EventType{"event_type"};
inline constexpr QLatin1StringView EffectiveDate{"effective_date"};
inline constexpr QLatin1StringView Reason{"reason"};
inline constexpr QLatin1StringView CoordinatorId{"coordinator_id"};
inline constexpr QLatin1StringView CoordinatorName{"coordinator_name"};
inline constexpr QLatin1StringView ChannelsNotified{"channels_notified"};
inline constexpr QLatin1StringView DispatchIds{"dispatch_ids"};
inline constexpr QLatin1StringView SentAt{"sent_at"};
inline constexpr QLatin1StringView Notes{"notes"};
inline constexpr QLatin1StringView CreatedBy{"created_by"};
inline constexpr QLatin1StringView CreatedAt{"created_at"};
inline constexpr QLatin1StringView UpdatedAt{"updated_at"};

// Peer mentors' profiles and histories
inline constexpr QLatin1StringView FullName{"full_name"};
inline constexpr QLatin1StringView Email{"email"};
inline constexpr QLatin1StringView Phone{"phone"};
inline constexpr QLatin1StringView CurrentStatus{"current_status"};
inline constexpr QLatin1StringView PauseStartDate{"pause_start_date"};
inline constexpr QLatin1StringView DeactivatedAt{"deactivated_at"};
inline constexpr QLatin1StringView History{"history"};
inline constexpr QLatin1StringView TotalEvents{"total_events"};

// Payload templates and built payloads
inline constexpr QLatin1StringView Type{"type"};
inline constexpr QLatin1StringView Title{"title"};
inline constexpr QLatin1StringView Body{"body"}; // a template's body; also the request body as a whole
inline constexpr QLatin1StringView BodyTemplate{"body_template"};
inline constexpr QLatin1StringView Description{"description"};
inline constexpr QLatin1StringView Custom{"custom"};
inline constexpr QLatin1StringView Version{"version"};
inline constexpr QLatin1StringView Data{"data"};
inline constexpr QLatin1StringView Event{"event"};
inline constexpr QLatin1StringView Locale{"locale"};
inline constexpr QLatin1StringView PayloadType{"payload_type"};
inline constexpr QLatin1StringView TemplateId{"template_id"};
inline constexpr QLatin1StringView Date{"date"};

// Paging and filters
inline constexpr QLatin1StringView Page{"page"};
inline constexpr QLatin1StringView Limit{"limit"};
inline constexpr QLatin1StringView From{"from"};
inline constexpr QLatin1StringView To{"to"};
inline constexpr QLatin1StringView OrgId{"org_id"};
inline constexpr QLatin1StringView Search{"q"};
inline constexpr QLatin1StringView Status{"status"};

// Signing in
inline constexpr QLatin1StringView Username{"username"};
inline constexpr QLatin1StringView Password{"password"};
inline constexpr QLatin1StringView NewPassword{"new_password"};
inline constexpr QLatin1StringView Code{"code"};

// Directory: organisations, people and users
inline constexpr QLatin1StringView TimeZone{"time_zone"};
inline constexpr QLatin1StringView Role{"role"};
inline constexpr QLatin1StringView Name{"name"};

} // namespace cc::field
