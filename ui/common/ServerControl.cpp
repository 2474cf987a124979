#include "ui/common/ServerControl.h"

namespace cc {

QStringList ServerControl::State::urls() const
{
    const QString scheme = tls ? QStringLiteral("https") : QStringLiteral("http");
    QStringList out;
    const QStringList addresses =
        lanAddresses.isEmpty() ? QStringList{QStringLiteral("127.0.0.1")} : lanAddresses;
    for (const QString &address : addresses) {
        const QString host =
            address.contains(QLatin1Char(':')) ? QLatin1Char('[') + address + QLatin1Char(']') : address;
        out << scheme + QStringLiteral("://") + host + QLatin1Char(':') + QString::number(port);
    }
    return out;
}

QString ServerControl::State::url() const
{
    return urls().constFirst();
}

} // namespace cc
