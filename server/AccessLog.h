#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>

namespace cc::api {

// The access log (one line a request, category console.server) written on a thread of its own:
// a request hands its line over and goes on, never waiting on stderr or the journal. Lines keep
// their order. A log that cannot keep up does not grow the server: beyond kMaxPending unwritten
// lines new ones are dropped and counted, and a line in their place tells how many.
class AccessLog
{
public:
    static constexpr int kMaxPending = 10'000;

    AccessLog();
    ~AccessLog(); // writes what is pending first

    // From any thread; false when dropped.
    bool write(const QString &line);
    // Waits until every line handed over so far is written (tests, stopping).
    void flush();
    int dropped() const { return m_droppedTotal.load(); }

private:
    void writeOut(const QString &line, int droppedBefore); // on the log's thread

    QThread m_thread;
    QObject *m_writer = nullptr; // lives on m_thread
    std::atomic<int> m_pending{0};
    std::atomic<int> m_dropped{0}; // since the last line accepted, told of before the next
    std::atomic<int> m_droppedTotal{0};
};

} // namespace cc::api
