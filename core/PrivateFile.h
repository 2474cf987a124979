#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <sys/types.h>

namespace cc {

// Writes `bytes` to `path` through a new file of mode `mode` (made with that mode, so never readable
// by others for a moment, whatever the umask lets through), synced, then renamed over `path`: the
// file is never seen half-written. A leftover "PATH.partial" is replaced.
Status writePrivately(const QString &path, const QByteArray &bytes, mode_t mode = 0600);

// Makes `folder` (and its parents) when it is missing; a folder made here is only its owner's (0700):
// it holds personal data or a key, and even the names in it say something. An existing folder is
// left as it is.
Status makePrivateFolder(const QString &folder);

} // namespace cc
