#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTcpSocket>

namespace cc::test {

// One Server-Sent Event as a client reads it.
struct Event
{
    qint64 id = 0;
    QString name;
    QByteArray data;
    QJsonObject json() const { return QJsonDocument::fromJson(data).object(); }
};

// One GET /api/v1/events stream from a raw connection to 127.0.0.1:`port`, read as a client
// reads it, without blocking the event loop. The constructor waits (up to 5 s) for the answer's
// head; `status` is 0 when none came.
class EventReader
{
public:
    EventReader(quint16 port, const QString &token, const QByteArray &extraHeaders = {},
                const QString &query = {});

    QByteArray header(const QByteArray &name) const;
    // What came after the head and was not read as events (a refusal's body).
    QByteArray rest() { return m_buffer + m_socket.readAll(); }
    // Waits up to `ms` for `count` events (comments and the retry line are not events); every
    // event read so far.
    QList<Event> events(int count, int ms = 3000);
    // Waits up to `ms` for the server to close the stream; what it sent before is read.
    bool closedWithin(int ms);
    void disconnect() { m_socket.abort(); }

    int status = 0;

private:
    void read();

    QTcpSocket m_socket;
    QByteArray m_head;
    QByteArray m_buffer;
    QList<Event> m_events;
};

} // namespace cc::test
