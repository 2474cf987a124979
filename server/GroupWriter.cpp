#include "server/GroupWriter.h"

#include "core/Database.h"

#include <QMutexLocker>

namespace cc::api {

GroupWriter::GroupWriter(Database &database, Options options)
    : m_database(database)
    , m_maxQueued(qMax(0, options.maxQueued))
    , m_maxGroup(qMax(1, options.maxGroup))
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("api-writer"));
    m_thread->start();
}

GroupWriter::~GroupWriter()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_work.wakeAll();
    }
    m_thread->wait();
}

bool GroupWriter::submit(Write write, Done done)
{
    QMutexLocker lock(&m_mutex);
    if (m_stopping || qsizetype(m_queue.size()) >= m_maxQueued)
        return false;
    m_queue.push_back(Job{std::move(write), std::move(done)});
    m_work.wakeOne();
    return true;
}

void GroupWriter::drain()
{
    QMutexLocker lock(&m_mutex);
    while (!m_queue.empty() || m_busy)
        m_idle.wait(&m_mutex);
}

qint64 GroupWriter::groups() const
{
    QMutexLocker lock(&m_mutex);
    return m_groups;
}

qint64 GroupWriter::written() const
{
    QMutexLocker lock(&m_mutex);
    return m_written;
}

void GroupWriter::run()
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        while (m_queue.empty() && !m_stopping)
            m_work.wait(&m_mutex);
        if (m_queue.empty())
            break; // stopping, and everything is written
        // Everything that is waiting, up to a group's size: no waiting for more.
        std::deque<Job> group;
        while (!m_queue.empty() && qsizetype(group.size()) < m_maxGroup) {
            group.push_back(std::move(m_queue.front()));
            m_queue.pop_front();
        }
        m_busy = true;
        lock.unlock();
        commitGroup(group);
        group.clear(); // what the jobs captured goes on this thread, before they count as done
        lock.relock();
        m_busy = false;
        if (m_queue.empty())
            m_idle.wakeAll();
    }
    lock.unlock();
    m_database.closeThreadConnection();
}

void GroupWriter::commitGroup(std::deque<Job> &group)
{
    std::vector<Status> fates(group.size());
    {
        Transaction tx(m_database);
        Status committed = tx.begun();
        if (committed) {
            for (std::size_t i = 0; i < group.size(); ++i) {
                // A write of its own inside the group: what fails in it is undone alone (and on
                // PostgreSQL a failed statement does not abort the whole group).
                Transaction own(m_database);
                if (!own.begun()) {
                    fates[i] = own.begun();
                    continue;
                }
                group[i].write();
                fates[i] = own.commit();
            }
            committed = tx.commit();
        }
        if (!committed)
            for (Status &fate : fates)
                if (fate)
                    fate = committed;
    }
    {
        QMutexLocker lock(&m_mutex);
        ++m_groups;
        m_written += qint64(group.size());
    }
    for (std::size_t i = 0; i < group.size(); ++i)
        group[i].done(fates[i]);
}

} // namespace cc::api
