#include "core/PgPass.h"

#include "core/PrivateFile.h"

#include <QDir>
#include <QFile>
#include <QStringList>

namespace cc {

QString PgPass::defaultFile()
{
    const QString fromEnvironment = qEnvironmentVariable("PGPASSFILE");
    return fromEnvironment.isEmpty() ? QDir::home().filePath(QStringLiteral(".pgpass")) : fromEnvironment;
}

QString PgPass::escaped(const QString &field)
{
    QString out = field;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char(':'), QLatin1String("\\:"));
    return out;
}

Status PgPass::remember(const QString &host, int port, const QString &database, const QString &user,
                        const QString &password, const QString &file)
{
    if (password.contains(QLatin1Char('\n')) || host.contains(QLatin1Char('\n'))
        || user.contains(QLatin1Char('\n')))
        return Error::invalid(QStringLiteral("A line break cannot be written into %1.").arg(file));
    const QString key = QStringList{escaped(host.isEmpty() ? QStringLiteral("localhost") : host),
                                    QString::number(port), escaped(database), escaped(user)}
                            .join(QLatin1Char(':'))
        + QLatin1Char(':');
    QStringList lines;
    QFile existing(file);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return Error::storage(QStringLiteral("%1 cannot be read.").arg(file));
        const QString text = QString::fromUtf8(existing.readAll());
        lines = text.split(QLatin1Char('\n'));
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        lines.removeIf([&key](const QString &line) { return line.startsWith(key); });
    }
    lines << key + escaped(password);
    const QByteArray bytes = (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();

    // Mode 0600 from the start: libpq ignores a .pgpass that others can read.
    return writePrivately(file, bytes, 0600);
}

} // namespace cc
