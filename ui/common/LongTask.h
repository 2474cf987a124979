#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

namespace cc {

// Long work (an import, a backup, an export of 100 000 rows) on a thread of its own, with a
// progress dialog and Cancel; the window stays live meanwhile. The work reports progress through
// the callback it is given, which answers false once the user has cancelled: the work then stops
// at the next step and leaves nothing half done.
class LongTask
{
    Q_DECLARE_TR_FUNCTIONS(LongTask)

public:
    using Progress = std::function<bool(qint64 done, qint64 total)>; // false: stop, cancelled
    using Work = std::function<Status(const Progress &progress)>;

    enum class Outcome
    {
        Finished,
        Cancelled,
        Failed
    };
    struct Result
    {
        Outcome outcome = Outcome::Finished;
        Error error; // when Failed
        bool ok() const { return outcome == Outcome::Finished; }
    };

    // Runs `work` and returns when it has ended. The dialog shows `label` and appears only when
    // the work takes longer than a moment. The work must not touch widgets; core services are
    // safe (each thread has its own database connection).
    static Result run(QWidget *parent, const QString &label, const Work &work);
};

} // namespace cc
