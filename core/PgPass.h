#pragma once

#include "core/Result.h"

#include <QString>

namespace cc {

// libpq's password file (~/.pgpass, or $PGPASSFILE): "host:port:database:user:password" lines,
// with ':' and '\' escaped by '\'. libpq reads it by itself, so a URL never needs the password.
class PgPass
{
public:
    // $PGPASSFILE when set, else ~/.pgpass.
    static QString defaultFile();
    // Puts the password for host, port, database and user into `file` (mode 0600; made when
    // missing), in place of the line for the same four if there is one; other lines stay as they are.
    static Status remember(const QString &host, int port, const QString &database, const QString &user,
                           const QString &password, const QString &file = defaultFile());
    // One field as the file wants it.
    static QString escaped(const QString &field);
};

} // namespace cc
