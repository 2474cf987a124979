#pragma once

#include "core/Result.h"

#include <QMutex>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <memory>

namespace cc {
class Database;
}

namespace cc::api {

// One thread that writes in groups (group commit): the writes that arrived while the last group
// was being committed are one transaction, so one fsync makes all of them durable, however many.
// Each write runs in a savepoint of its own (a failed one undoes only itself) and is told its
// fate only after the group's COMMIT returned: success means it is on disk. Nobody waits for a
// group to fill: the thread takes what is queued the moment it is free, so a write waits at
// most for the group before it (a few milliseconds) and, when the server is quiet, not at all.
class GroupWriter
{
public:
    struct Options
    {
        int maxQueued = 1024; // writes waiting for the next group; beyond, submit() refuses
        int maxGroup = 256;   // writes in one transaction at most
    };
    GroupWriter(Database &database, Options options);
    // Commits what is queued, then stops the thread.
    ~GroupWriter();
    GroupWriter(const GroupWriter &) = delete;
    GroupWriter &operator=(const GroupWriter &) = delete;

    // Runs on the writer's thread, inside the group's transaction.
    using Write = std::function<void()>;
    // Runs on the writer's thread after the group ended, in the order the writes ran: ok when
    // the write's savepoint and the group's transaction committed, else why not (the write was
    // undone).
    using Done = std::function<void(const Status &committed)>;
    // Queues a write for the next group; false when the queue is full (nothing is run).
    bool submit(Write write, Done done);
    // Waits until every write submitted so far has been committed (or failed) and told.
    void drain();

    int maxQueued() const { return m_maxQueued; }
    qint64 groups() const;  // transactions committed or tried so far
    qint64 written() const; // writes run so far

private:
    struct Job
    {
        Write write;
        Done done;
    };
    void run();
    void commitGroup(std::deque<Job> &group);

    Database &m_database;
    int m_maxQueued;
    int m_maxGroup;
    mutable QMutex m_mutex;
    QWaitCondition m_work;
    QWaitCondition m_idle;
    std::deque<Job> m_queue;
    bool m_busy = false;
    bool m_stopping = false;
    qint64 m_groups = 0;
    qint64 m_written = 0;
    std::unique_ptr<QThread> m_thread;
};

} // namespace cc::api
