#pragma once

#include "core/Caller.h"
#include "core/Database.h"
#include "core/Directory.h"
#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace cc::test {

// "ok", or the name of the error code of a failed result (to compare with an expected code).
template<typename R>
QString codeOf(const R &result)
{
    return result.ok() ? QStringLiteral("ok") : errorCodeName(result.error().code);
}

// "ok", or "code: message" of a failed result (the message of a QVERIFY2).
template<typename R>
QByteArray why(const R &result)
{
    return result.ok()
        ? QByteArray("ok")
        : (errorCodeName(result.error().code) + QStringLiteral(": ") + result.error().message).toUtf8();
}

// A caller as the services see it after sign-in.
Caller makeCaller(Role role, const QString &orgId, const QString &userId, const QString &username,
                  const QString &coordinatorId = {});

// The rows of `table` (that match the SQL condition `where`, if given); -1 when the query fails.
qint64 countRows(Database &db, const QString &table, const QString &where = {});

// Stores a user with a plain repository call (no service, no hashing: `passwordHash` is used as is).
Status insertUser(Database &db, const QString &id, const QString &username, Role role, const QString &orgId,
                  const QString &coordinatorId, const QString &passwordHash, const QDateTime &createdAt);

// The resident memory of this process, in bytes (VmRSS); 0 when unknown.
qint64 residentBytes();

// A time in UTC.
QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int msec = 0);

// Starts `binary serve --no-tls --listen 127.0.0.1:0 --database URL [extra…]` in `serve` and
// waits for its "Serving on" line; the port it listens on, or 0.
quint16 startServe(QProcess &serve, const QString &binary, const QString &databaseUrl,
                   const QStringList &extra = {});

} // namespace cc::test
