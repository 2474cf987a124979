// How long a backup and a restore take: Backup::run with SQLite's own copy (VACUUM INTO) against
// the row-by-row copy that a PostgreSQL source and an organisation's export use, and
// Backup::restore into a new SQLite file. Run on demand by tests/benchmarks/backup.sh over a
// database filled with `admin demo-data --records N`; prints a markdown table. Nothing is
// asserted: times are reported as ratios to SQLite's own copy in the same run, because the
// machine is noisy.

#include "core/Backup.h"
#include "core/Clock.h"
#include "core/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>

using namespace cc;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// The median of `repeat` runs of `step`, in milliseconds; -1 when a run failed.
double median(int repeat, const std::function<bool(int run)> &step)
{
    QList<double> times;
    for (int run = 0; run < repeat; ++run) {
        QElapsedTimer timer;
        timer.start();
        if (!step(run))
            return -1;
        times << double(timer.nsecsElapsed()) / 1e6;
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("console.*.info=false"));
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("database"), QStringLiteral("The filled database."), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("Runs of each step."), QStringLiteral("R"),
                      QStringLiteral("5")});
    parser.addHelpOption();
    parser.process(app);
    auto url = DatabaseUrl::parse(parser.value(QStringLiteral("database")));
    if (!url) {
        QTextStream(stderr) << "bench_backup: --database: " << url.error().message << '\n';
        return 2;
    }
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());
    Database db(*url);
    if (auto s = db.open(); !s) {
        QTextStream(stderr) << "bench_backup: " << s.error().message << '\n';
        return 1;
    }
    QTemporaryDir dir;
    SystemClock clock;
    qint64 rows = 0;
    QString failure;
    const auto backup = [&](const QString &name, Backup::Method method) {
        return [&, name, method](int run) {
            const QString file = dir.filePath(QStringLiteral("%1-%2.db").arg(name).arg(run));
            auto copied = Backup::run(Caller::system(), db, file, {}, method);
            if (!copied) {
                failure = copied.error().message;
                return false;
            }
            rows = *copied;
            return true;
        };
    };
    const double own = median(repeat, backup(QStringLiteral("own"), Backup::Method::Best));
    const double byRow = median(repeat, backup(QStringLiteral("rows"), Backup::Method::RowCopy));
    const double restore = median(repeat, [&](int run) {
        Database target(DatabaseUrl{DatabaseUrl::Kind::Sqlite,
                                    dir.filePath(QStringLiteral("restored-%1.db").arg(run)),
                                    {},
                                    0,
                                    {},
                                    {},
                                    {}});
        if (auto s = target.open(); !s) {
            failure = s.error().message;
            return false;
        }
        auto restored =
            Backup::restore(std::nullopt, dir.filePath(QStringLiteral("own-0.db")), target, clock);
        if (!restored)
            failure = restored.error().message;
        return bool(restored);
    });
    if (own < 0 || byRow < 0 || restore < 0) {
        QTextStream(stderr) << "bench_backup: " << failure << '\n';
        return 1;
    }
    const auto line = [&](const QString &what, double ms) {
        out() << "| " << what << " | " << QString::number(ms, 'f', 0) << " ms | "
              << QString::number(ms / own, 'f', 2) << " |\n";
    };
    out() << "| step (" << rows << " rows) | median of " << repeat << " | × SQLite's own copy |\n";
    out() << "|------|------:|------:|\n";
    line(db.isSqlite() ? QStringLiteral("backup: SQLite's own copy (VACUUM INTO)")
                       : QStringLiteral("backup (PostgreSQL: rows, as below)"),
         own);
    line(QStringLiteral("backup: row by row"), byRow);
    line(QStringLiteral("restore into a new SQLite file"), restore);
    out().flush();
    return 0;
}
