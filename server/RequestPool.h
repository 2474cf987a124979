#pragma once

#include <QMutex>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace cc {
class Database;
}

namespace cc::api {

// Threads that run the API's requests, one per core by default, each with its own database
// connection (Database hands every thread one; it is closed when the thread ends). Jobs wait in
// one bounded queue, first come first served: a full queue refuses at once (the server answers
// 503 with Retry-After) instead of letting every client wait longer. Plain threads and a queue:
// no QFuture, no QThreadPool (whose threads come and go, and their connections with them).
class RequestPool
{
public:
    struct Options
    {
        int threads = 0;     // 0: one per core (QThread::idealThreadCount())
        int maxQueued = 512; // jobs waiting for a thread; beyond, submit() refuses
    };
    RequestPool(Database &database, Options options, const QString &name = QStringLiteral("api-worker"));
    // Runs what is queued, then stops the threads.
    ~RequestPool();
    RequestPool(const RequestPool &) = delete;
    RequestPool &operator=(const RequestPool &) = delete;

    using Job = std::function<void()>;
    // Queues `job` for the next free thread; false when the queue is full (the job is dropped).
    bool submit(Job job);
    // Waits until every job submitted so far has run.
    void drain();

    int threads() const { return int(m_threads.size()); }
    int maxQueued() const { return m_maxQueued; }
    int queued() const;

private:
    void run();

    Database &m_database;
    int m_maxQueued;
    mutable QMutex m_mutex;
    QWaitCondition m_work; // a job was queued, or stop
    QWaitCondition m_idle; // the last job running finished
    std::deque<Job> m_queue;
    int m_running = 0;
    bool m_stopping = false;
    std::vector<std::unique_ptr<QThread>> m_threads;
};

} // namespace cc::api
