#include "tests/support/TestSupport.h"

#include "core/UserRepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
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

quint16 startServe(QProcess &serve, const QString &binary, const QString &databaseUrl,
                   const QStringList &extra)
{
    serve.start(binary,
                QStringList{QStringLiteral("serve"), QStringLiteral("--no-tls"), QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1:0"), QStringLiteral("--database"), databaseUrl}
                    + extra);
    if (!serve.waitForStarted())
        return 0;
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (!out.contains("Serving on") && timer.elapsed() < 15000) {
        serve.waitForReadyRead(200);
        out += serve.readAllStandardOutput();
    }
    const auto match = QRegularExpression(QStringLiteral("Serving on http://127\\.0\\.0\\.1:(\\d+)"))
                           .match(QString::fromUtf8(out));
    return match.hasMatch() ? static_cast<quint16>(match.captured(1).toUInt()) : 0;
}

} // namespace cc::test
