#include "tests/server/EventReader.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTest>

namespace cc::test {

EventReader::EventReader(quint16 port, const QString &token, const QByteArray &extraHeaders,
                         const QString &query)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    if (!m_socket.waitForConnected(3000))
        return;
    m_socket.write("GET /api/v1/events" + query.toUtf8() + " HTTP/1.1\r\nHost: localhost\r\n"
                   + (token.isEmpty() ? QByteArray() : "Authorization: Bearer " + token.toUtf8() + "\r\n")
                   + extraHeaders + "\r\n");
    // The head: up to the blank line.
    QElapsedTimer timer;
    timer.start();
    while (!m_buffer.contains("\r\n\r\n") && timer.elapsed() < 5000) {
        QTest::qWait(10);
        m_buffer += m_socket.readAll();
    }
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    m_head = m_buffer.left(end);
    m_buffer.remove(0, end + 4);
    status = m_head.split(' ').value(1).toInt();
}

QByteArray EventReader::header(const QByteArray &name) const
{
    for (const QByteArray &line : m_head.split('\n'))
        if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
            return line.mid(name.size() + 1).trimmed();
    return {};
}

QList<Event> EventReader::events(int count, int ms)
{
    QElapsedTimer timer;
    timer.start();
    do {
        read();
        if (m_events.size() >= count)
            break;
        QTest::qWait(10);
    } while (timer.elapsed() < ms);
    return m_events;
}

bool EventReader::closedWithin(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (m_socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < ms) {
        QTest::qWait(10);
        read();
    }
    read(); // what came before the close
    return m_socket.state() != QAbstractSocket::ConnectedState;
}

void EventReader::read()
{
    m_buffer += m_socket.readAll();
    qsizetype end;
    while ((end = m_buffer.indexOf("\n\n")) >= 0) {
        const QByteArray block = m_buffer.left(end);
        m_buffer.remove(0, end + 2);
        Event e;
        bool any = false;
        for (const QByteArray &line : block.split('\n')) {
            if (line.startsWith("id: ")) {
                e.id = line.mid(4).toLongLong();
            } else if (line.startsWith("event: ")) {
                e.name = QString::fromUtf8(line.mid(7));
                any = true;
            } else if (line.startsWith("data: ")) {
                e.data = line.mid(6);
            }
        }
        if (any)
            m_events << e;
    }
}

} // namespace cc::test
