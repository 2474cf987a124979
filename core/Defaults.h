#pragma once

// Defaults and limits that core, server, app and ui all speak of, each defined once.

#include <QLatin1StringView>
#include <QtGlobal>

namespace cc {

// The port the REST API listens on unless told otherwise (`serve --listen`, the console's setting).
inline constexpr quint16 kDefaultPort = 8080;

// The IANA time zone an organisation's dates are shown in unless it names another; also the
// fallback for an unknown zone.
inline constexpr QLatin1StringView kDefaultTimeZone{"Europe/Oslo"};

// The most characters a pause's reason may have, in a record and in a built payload.
inline constexpr int kMaxReasonLength = 500;

} // namespace cc
