#include "server/AccessLog.h"

#include "server/ServerLogging.h"

#include <QMetaObject>

namespace cc::api {

AccessLog::AccessLog()
{
    m_thread.setObjectName(QStringLiteral("access log"));
    m_writer = new QObject;
    m_writer->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    m_thread.start();
}

AccessLog::~AccessLog()
{
    flush();
    m_thread.quit();
    m_thread.wait();
}

bool AccessLog::write(const QString &line)
{
    if (m_pending.fetch_add(1) >= kMaxPending) {
        m_pending.fetch_sub(1);
        m_dropped.fetch_add(1);
        m_droppedTotal.fetch_add(1);
        return false;
    }
    // The lines dropped since the last one accepted are told of just before this one: where the
    // gap is.
    const int droppedBefore = m_dropped.exchange(0);
    QMetaObject::invokeMethod(
        m_writer, [this, line, droppedBefore] { writeOut(line, droppedBefore); }, Qt::QueuedConnection);
    return true;
}

void AccessLog::writeOut(const QString &line, int droppedBefore)
{
    if (droppedBefore > 0)
        qCWarning(lcServer).noquote()
            << QStringLiteral("access log: %1 line(s) dropped, the log could not keep up").arg(droppedBefore);
    qCInfo(lcServer).noquote() << line;
    m_pending.fetch_sub(1);
}

void AccessLog::flush()
{
    if (QThread::currentThread() == &m_thread || !m_thread.isRunning())
        return;
    // Queued after every line handed over before it: when it has run, they are written.
    QMetaObject::invokeMethod(
        m_writer, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace cc::api
