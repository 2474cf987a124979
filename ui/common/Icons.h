#pragma once

#include "core/Records.h"

#include <QIcon>

namespace cc {

// The console's icons, drawn with QPainter so they need no image plugin and follow the palette
// (dark and high-contrast themes get light glyphs). The application icon is the same drawing as
// resources/icons/coordinator-console.svg, which the desktop file uses.
namespace Icons {

enum class Glyph
{
    PeerMentors,
    Records,
    Templates,
    Statistics,
    Server,
    Users,
    Paused,
    Active,
    Push,
    InApp,
    Email,
    Sms
};

QIcon application();
QIcon glyph(Glyph which);
// The one glyph of each channel, in every view and dialog that shows one.
QIcon channel(Channel which);

} // namespace Icons

} // namespace cc
