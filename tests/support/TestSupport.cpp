#include "tests/support/TestSupport.h"

#include "core/UserRepository.h"

#include <QFile>
#include <QTimeZone>

namespace cc::test {

Caller makeCaller(Role role, const QString &orgId, const QString &userId, const QString &username,
                  const QString &coordinatorId)
{
    return Caller{userId, username, role, orgId, coordinatorId};
}

qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    return 0;
}

qint64 countRows(Database &db, const QString &table, const QString &where)
{
    Query q(db,
            QStringLiteral("SELECT COUNT(*) FROM ") + table
                + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where));
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

Status insertUser(Database &db, const QString &id, const QString &username, Role role, const QString &orgId,
                  const QString &coordinatorId, const QString &passwordHash, const QDateTime &createdAt)
{
    UserRepository users(db);
    User u;
    u.id = id;
    u.username = username;
    u.displayName = username;
    u.role = role;
    u.orgId = orgId;
    u.coordinatorId = coordinatorId;
    u.passwordHash = passwordHash;
    u.createdAt = createdAt;
    return users.insertUser(u);
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int msec)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec), QTimeZone::utc());
}

} // namespace cc::test
