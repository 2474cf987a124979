// How the console's records page scrolls through a large table: RecordsModel's keyset pages
// (fetchMore) at growing depths, against NotificationRecordService::window()'s OFFSET pages at the
// same depths, with and without a filter; plus the model's opening and totalCount(). Run on demand
// by tests/benchmarks/records-model.sh over a database filled with `admin demo-data --records N`;
// prints a markdown table. Nothing here is asserted: times are reported as ratios to the first
// page of the same run, because the machine is noisy. With --scroll it only scrolls the whole list
// top to bottom, reading every row as a view passing it would, and prints the time and the
// process's peak resident memory (VmHWM), which is what the records page costs at the bottom.

#include "core/AuthService.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/DemoData.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "ui/records/RecordsModel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTextStream>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <optional>

using namespace cc;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

[[noreturn]] void die(const QString &what)
{
    err() << "bench_recordsmodel: " << what << Qt::endl;
    std::exit(1);
}

double medianOf(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

// Milliseconds one call of `work` takes, the median of `repeat` calls.
double medianMs(int repeat, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times << double(timer.nsecsElapsed()) / 1e6;
    }
    return medianOf(times);
}

// Peak resident memory of this process in MiB (Linux), or -1.
double peakMemoryMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024;
    }
    return -1;
}

QString number(qint64 n)
{
    // Thin spaces would not line up in a terminal: a plain space between thousands.
    QString digits = QString::number(n);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, QLatin1Char(' '));
    return digits;
}

QString ms(double value)
{
    return QStringLiteral("%1 ms").arg(value, 0, 'f', value < 10 ? 2 : 1);
}

QString ratio(double value, double base)
{
    return base > 0 ? QStringLiteral("%1").arg(value / base, 0, 'f', 2) : QStringLiteral("–");
}

// One list the console can show: everything the caller sees, or a filtered part of it.
struct List
{
    QString name;
    RecordFilter filter;
    qint64 total = 0;
    double open = 0;              // constructing the model: its first page
    double count = 0;             // totalCount()
    QList<qint64> depths;         // rows already loaded before the timed page
    QHash<qint64, double> keyset; // fetchMore() at each depth
    QHash<qint64, double> offset; // window(offset = depth) at each depth
    qint64 walkedPages = 0;       // pages fetched on the way down, timed or not
    double walkSeconds = 0;
};

class Bench
{
public:
    Bench(NotificationRecordService &records, const Caller &caller, int repeat)
        : m_records(records)
        , m_caller(caller)
        , m_repeat(repeat)
    {}

    void run(List &list)
    {
        err() << "Measuring " << list.name << "…" << Qt::endl;
        const int pageSize = RecordsModel::kDefaultPageSize;
        list.open = medianMs(m_repeat, [&] {
            RecordsModel model(m_records, m_caller, nullptr, list.filter);
            if (model.lastError() || model.rowCount() == 0)
                die(QStringLiteral("the model did not open: %1")
                        .arg(model.lastError() ? model.lastError()->message : QStringLiteral("no rows")));
        });
        RecordsModel model(m_records, m_caller, nullptr, list.filter);
        list.count = medianMs(m_repeat, [&] {
            const auto total = model.totalCount();
            if (!total)
                die(total.error().message);
            list.total = *total;
        });

        // The standard depths that leave room for `repeat` full pages, and one near the end. The
        // model opens with its first page loaded, so the shallowest fetchMore() comes after it.
        const qint64 room = list.total - qint64(m_repeat) * pageSize;
        for (const qint64 depth : {0, 10'000, 100'000, 500'000, 990'000}) {
            if (const qint64 rows = std::max<qint64>(depth, pageSize); rows <= room)
                list.depths << rows;
        }
        const qint64 nearEnd = std::min<qint64>(list.total * 99 / 100, room) / pageSize * pageSize;
        if (!list.depths.isEmpty() && nearEnd > list.depths.constLast() * 21 / 20)
            list.depths << nearEnd;

        // Down through the list as a view scrolling would, a page at a time; at each depth the
        // next `repeat` pages are timed.
        QElapsedTimer walk;
        walk.start();
        for (const qint64 depth : std::as_const(list.depths)) {
            while (model.rowCount() < depth && model.canFetchMore({}))
                model.fetchMore({});
            if (model.rowCount() != depth)
                die(QStringLiteral("the model stopped at row %1 before %2").arg(model.rowCount()).arg(depth));
            list.keyset.insert(depth, medianMs(m_repeat, [&] {
                                   const int before = model.rowCount();
                                   model.fetchMore({});
                                   if (model.rowCount() != before + pageSize)
                                       die(QStringLiteral("a page at row %1 brought %2 rows")
                                               .arg(before)
                                               .arg(model.rowCount() - before));
                               }));
            err() << "  keyset page after " << number(depth) << " rows: " << ms(list.keyset.value(depth))
                  << Qt::endl;
        }
        list.walkSeconds = double(walk.elapsed()) / 1000;
        list.walkedPages = model.pagesFetched();

        for (const qint64 depth : std::as_const(list.depths)) {
            auto window = [&] {
                const auto page = m_records.window(m_caller, list.filter, int(depth), pageSize);
                if (!page || page->size() != pageSize)
                    die(QStringLiteral("window(%1, %2) failed").arg(depth).arg(pageSize));
            };
            window(); // warm, as the walk warmed the keyset pages
            list.offset.insert(depth, medianMs(m_repeat, window));
            err() << "  OFFSET page after " << number(depth) << " rows: " << ms(list.offset.value(depth))
                  << Qt::endl;
        }
    }

private:
    NotificationRecordService &m_records;
    Caller m_caller;
    int m_repeat;
};

// Scrolls the whole list top to bottom in a fresh model, reading every row once (its id, which
// materialises the row without formatting it), and prints what it took.
void scrollToTheBottom(NotificationRecordService &records, const Caller &caller, const QString &database)
{
    err() << "Scrolling all records top to bottom…" << Qt::endl;
    QElapsedTimer timer;
    timer.start();
    RecordsModel model(records, caller);
    if (model.lastError())
        die(model.lastError()->message);
    int row = 0;
    for (;;) {
        for (; row < model.rowCount(); ++row) {
            if (model.index(row, RecordsModel::SentAtColumn).data(RecordsModel::IdRole).toString().isEmpty())
                die(QStringLiteral("row %1 has no record").arg(row));
        }
        if (!model.canFetchMore({}))
            break;
        model.fetchMore({});
    }
    if (model.lastError())
        die(model.lastError()->message);
    const double seconds = double(timer.elapsed()) / 1000;
    out() << "Scrolling all records top to bottom (" << database << ", " << number(model.rowCount())
          << " rows, pages of " << model.pageSize() << ", every row read once): " << model.pagesFetched()
          << " pages in " << QString::number(seconds, 'f', 1)
          << " s; peak memory of the process (VmHWM): " << QString::number(peakMemoryMiB(), 'f', 0)
          << " MiB.\n";
    out().flush();
}

void printTable(const QList<List> &lists, int repeat, const QString &database)
{
    out() << "Records page, " << database << ", page of " << RecordsModel::kDefaultPageSize
          << " rows, median of " << repeat
          << " (× first page: time ÷ opening the model on the same list)\n\n";
    out() << "| list | step | rows before | keyset `fetchMore` | × first page | OFFSET `window()` | × first "
             "page |\n";
    out() << "|------|------|------------:|-------------------:|-------------:|------------------:|----------"
             "---:|\n";
    for (const List &list : lists) {
        out() << "| " << list.name << " (" << number(list.total) << ") | open the model | 0 | "
              << ms(list.open) << " | 1.00 | | |\n";
        for (const qint64 depth : list.depths) {
            const double k = list.keyset.value(depth);
            const double o = list.offset.value(depth);
            out() << "| | next page | " << number(depth) << " | " << ms(k) << " | " << ratio(k, list.open)
                  << " | " << ms(o) << " | " << ratio(o, list.open) << " |\n";
        }
        out() << "| | `totalCount()` | – | " << ms(list.count) << " | " << ratio(list.count, list.open)
              << " | | |\n";
    }
    out() << '\n';
    for (const List &list : lists) {
        out() << "Scrolling " << list.name << " to row "
              << number(list.depths.constLast() + qint64(repeat) * RecordsModel::kDefaultPageSize) << ": "
              << list.walkedPages << " pages in " << QString::number(list.walkSeconds, 'f', 1) << " s.\n";
    }
    if (const double peak = peakMemoryMiB(); peak >= 0)
        out() << "Peak memory of the benchmark: " << QString::number(peak, 'f', 0) << " MiB.\n";
    out().flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_recordsmodel"));
    QLoggingCategory::setFilterRules(QStringLiteral("console.*.info=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Times the console's records model over a database filled by `admin demo-data --records N`,\n"
        "as the demo organisation's admin; prints a markdown table."));
    parser.addHelpOption();
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("The database (sqlite:FILE or postgresql://…)."),
                                            QStringLiteral("URL"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          QStringLiteral("Repetitions per measurement (default 7)."),
                                          QStringLiteral("N"), QStringLiteral("7"));
    const QCommandLineOption scrollOption(
        QStringLiteral("scroll"),
        QStringLiteral("Only scroll all records top to bottom and print the time and peak memory."));
    parser.addOption(databaseOption);
    parser.addOption(repeatOption);
    parser.addOption(scrollOption);
    parser.process(app);
    if (!parser.isSet(databaseOption))
        die(QStringLiteral("--database is required (see --help)"));
    const int repeat = parser.value(repeatOption).toInt();
    if (repeat < 1 || repeat > 100)
        die(QStringLiteral("--repeat must be between 1 and 100"));

    const auto url = DatabaseUrl::parse(parser.value(databaseOption));
    if (!url)
        die(url.error().message);
    Database db(*url);
    if (auto s = db.open(); !s)
        die(s.error().message);
    const SystemClock clock;
    DirectoryService directory(db, clock);
    NotificationRecordService records(db, clock);

    // The demo organisation's admin, as the console signs them in.
    const auto users = directory.users(Caller::system());
    if (!users)
        die(users.error().message);
    const QString orgId = QString::fromLatin1(DemoData::kOrgId);
    const auto admin = std::find_if(users->cbegin(), users->cend(), [&](const User &u) {
        return u.role == Role::OrgAdmin && u.orgId == orgId && !u.disabled;
    });
    if (admin == users->cend())
        die(QStringLiteral("no org admin of %1: fill the database with `admin demo-data` first").arg(orgId));
    const Caller caller = AuthService::callerOf(*admin);

    const auto coordinators = directory.coordinators(caller, orgId);
    if (!coordinators || coordinators->isEmpty())
        die(QStringLiteral("the demo organisation has no coordinators"));

    if (parser.isSet(scrollOption)) {
        scrollToTheBottom(records, caller, url->kindName());
        return 0;
    }

    QList<List> lists(2);
    lists[0].name = QStringLiteral("all records");
    lists[1].name = QStringLiteral("%1, pause_activated").arg(coordinators->constFirst().name);
    lists[1].filter.coordinatorId = coordinators->constFirst().id;
    lists[1].filter.eventType = EventType::PauseActivated;

    Bench bench(records, caller, repeat);
    for (List &list : lists)
        bench.run(list);
    printTable(lists, repeat, url->kindName());
    return 0;
}
