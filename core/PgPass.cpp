#include "core/PgPass.h"

#include <QDir>
#include <QFile>
#include <QStringList>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

    // A new file of mode 0600 renamed over the old one: libpq ignores a .pgpass others can read.
    const QByteArray partial = QFile::encodeName(file + QStringLiteral(".partial"));
    ::unlink(partial.constData());
    const int fd = ::open(partial.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error::storage(QStringLiteral("%1 cannot be written.").arg(file));
    const bool written =
        ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!written || ::rename(partial.constData(), QFile::encodeName(file).constData()) != 0) {
        ::unlink(partial.constData());
        return Error::storage(QStringLiteral("%1 cannot be written.").arg(file));
    }
    return {};
}

} // namespace cc
