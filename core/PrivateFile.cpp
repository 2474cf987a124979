#include "core/PrivateFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace cc {

Status writePrivately(const QString &path, const QByteArray &bytes, mode_t mode)
{
    const QByteArray partial = QFile::encodeName(path + QStringLiteral(".partial"));
    ::unlink(partial.constData());
    const int fd = ::open(partial.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return Error::storage(
            QStringLiteral("Cannot write %1: %2.").arg(path, QString::fromLocal8Bit(strerror(errno))));
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n <= 0)
            break;
        written += n;
    }
    const bool ok = written == bytes.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || ::rename(partial.constData(), QFile::encodeName(path).constData()) != 0) {
        ::unlink(partial.constData());
        return Error::storage(QStringLiteral("Cannot write %1.").arg(path));
    }
    return {};
}

Status makePrivateFolder(const QString &folder)
{
    if (QFileInfo::exists(folder))
        return {};
    if (!QDir().mkpath(folder))
        return Error::storage(QStringLiteral("The folder %1 cannot be created.").arg(folder));
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return {};
}

} // namespace cc
