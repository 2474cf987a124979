#include "server/RequestPool.h"

#include "core/Database.h"

#include <QMutexLocker>

namespace cc::api {

RequestPool::RequestPool(Database &database, Options options, const QString &name)
    : m_database(database)
    , m_maxQueued(qMax(0, options.maxQueued))
{
    const int count = options.threads > 0 ? options.threads : qMax(1, QThread::idealThreadCount());
    m_threads.reserve(count);
    for (int i = 0; i < count; ++i) {
        std::unique_ptr<QThread> thread(QThread::create([this] { run(); }));
        thread->setObjectName(QStringLiteral("%1-%2").arg(name).arg(i + 1));
        thread->start();
        m_threads.push_back(std::move(thread));
    }
}

RequestPool::~RequestPool()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_work.wakeAll();
    }
    for (auto &thread : m_threads)
        thread->wait();
}

bool RequestPool::submit(Job job)
{
    QMutexLocker lock(&m_mutex);
    if (m_stopping || qsizetype(m_queue.size()) >= m_maxQueued)
        return false;
    m_queue.push_back(std::move(job));
    m_work.wakeOne();
    return true;
}

void RequestPool::drain()
{
    QMutexLocker lock(&m_mutex);
    while (!m_queue.empty() || m_running > 0)
        m_idle.wait(&m_mutex);
}

int RequestPool::queued() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_queue.size());
}

void RequestPool::run()
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        while (m_queue.empty() && !m_stopping)
            m_work.wait(&m_mutex);
        if (m_queue.empty())
            break; // stopping, and nothing is left to run
        Job job = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_running;
        lock.unlock();
        job();
        job = nullptr; // what it captured goes on this thread, before it counts as done
        lock.relock();
        if (--m_running == 0 && m_queue.empty())
            m_idle.wakeAll();
    }
    lock.unlock();
    // The thread's connection is closed as it finishes (Database watches its threads); closing it
    // here says so and keeps the order plain.
    m_database.closeThreadConnection();
}

} // namespace cc::api
