#include "ui/common/LongTask.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QProgressDialog>
#include <QThread>

#include <atomic>

namespace cc {

LongTask::Result LongTask::run(QWidget *parent, const QString &label, const Work &work)
{
    std::atomic<bool> cancelled{false};
    QProgressDialog dialog(label, tr("Cancel"), 0, 0, parent);
    dialog.setWindowTitle(label);
    dialog.setAccessibleName(label);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(400);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&] {
        cancelled = true;
        dialog.setLabelText(tr("Cancelling…"));
    });

    Status status;
    bool stoppedByCancel = false;
    QThread *thread = QThread::create([&] {
        QElapsedTimer sinceReport;
        sinceReport.start();
        const Progress progress = [&](qint64 done, qint64 total) {
            // A few reports a second are enough for a person and cost the UI thread nothing.
            if (sinceReport.elapsed() >= 100 || done == total) {
                sinceReport.restart();
                QMetaObject::invokeMethod(
                    &dialog,
                    [&dialog, done, total] {
                        // QProgressDialog counts in int: scale large totals.
                        const qint64 scale = total > 1'000'000'000 ? total / 1'000'000 : 1;
                        dialog.setMaximum(int(total / scale));
                        dialog.setValue(int(std::min(done, total) / scale));
                    },
                    Qt::QueuedConnection);
            }
            if (cancelled.load()) {
                stoppedByCancel = true;
                return false;
            }
            return true;
        };
        status = work(progress);
    });
    QEventLoop loop;
    QObject::connect(thread, &QThread::finished, &loop, &QEventLoop::quit);
    thread->start();
    loop.exec(); // the dialog is window-modal: only Cancel takes input
    thread->wait();
    delete thread;
    // Read before close(): closing a QProgressDialog emits canceled(), which is not the person's.
    const bool cancelledByPerson = cancelled.load();
    dialog.close();

    if (stoppedByCancel || (cancelledByPerson && !status.ok()))
        return {Outcome::Cancelled, {}};
    if (!status.ok())
        return {Outcome::Failed, status.error()};
    return {Outcome::Finished, {}};
}

} // namespace cc
