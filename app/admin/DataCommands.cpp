#include "app/admin/DataCommands.h"

#include "app/CommandLine.h"
#include "app/Terminal.h"
#include "core/AuditLog.h"
#include "core/Backup.h"
#include "core/Caller.h"
#include "core/Database.h"
#include "core/DatabaseUrl.h"
#include "core/DemoData.h"
#include "core/DirectoryService.h"
#include "core/TimeText.h"

#include <QElapsedTimer>
#include <QFile>

#include <optional>

namespace cc::app::admin {

namespace {

QString seconds(qint64 msecs)
{
    return QString::number(static_cast<double>(msecs) / 1000.0, 'f', msecs < 10'000 ? 2 : 1);
}

int demoCreate(AdminContext &ctx, DemoData &demo, DirectoryService &directory)
{
    auto summary = demo.create();
    if (!summary)
        return ctx.fail(summary.error());
    const auto org = directory.organisation(Caller::system(), summary->orgId);
    ctx.say(QStringLiteral("Created the demo organisation %1 (%2): %3 coordinators, %4 peer mentors, %5 "
                           "notification records.")
                .arg(summary->orgId, org ? org->name : QString())
                .arg(summary->coordinators)
                .arg(summary->mentors)
                .arg(summary->records));
    if (summary->accounts.isEmpty())
        return Success;
    const QStringList headers{QStringLiteral("USERNAME"), QStringLiteral("ROLE"), QStringLiteral("PASSWORD"),
                              QStringLiteral("NAME")};
    QList<QStringList> rows;
    for (const DemoData::Account &a : std::as_const(summary->accounts))
        rows << QStringList{a.username, roleName(a.role), a.password, a.displayName};
    QList<qsizetype> widths(headers.size(), 0);
    for (const QStringList &row : std::as_const(rows) + QList<QStringList>{headers})
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = qMax(widths[i], row.at(i).size());
    auto line = [&](const QStringList &row) {
        QString text = QStringLiteral("  ");
        for (qsizetype i = 0; i < row.size(); ++i)
            text += i + 1 < row.size() ? row.at(i).leftJustified(widths[i] + 2) : row.at(i);
        return text;
    };
    ctx.say(QString());
    ctx.say(QStringLiteral("%1 users. Their one-time passwords are shown only this once: note them now.")
                .arg(rows.size()));
    ctx.say(line(headers));
    for (const QStringList &row : std::as_const(rows))
        ctx.say(line(row));
    return Success;
}

int demoRecords(AdminContext &ctx, DemoData &demo, DirectoryService &directory, qint64 count)
{
    // addRecords creates a missing demo organisation itself but does not hand back its users'
    // passwords, so create it here first and show them.
    const auto org = directory.organisation(Caller::system(), QString::fromLatin1(DemoData::kOrgId));
    if (!org && org.error().code != ErrorCode::NotFound)
        return ctx.fail(org.error());
    if (!org) {
        if (const int created = demoCreate(ctx, demo, directory); created != Success)
            return created;
        ctx.say(QString());
    }
    QElapsedTimer timer;
    timer.start();
    ProgressLine progress(ctx.err, QStringLiteral("Adding records"));
    const auto added = demo.addRecords(count, progress.callback());
    progress.finish();
    if (!added)
        return ctx.fail(added.error());
    const qint64 elapsed = timer.elapsed();
    ctx.say(
        QStringLiteral("Added %1 notification records for %2 new peer mentors of %3 in %4 s (%5 records/s).")
            .arg(added->records)
            .arg(added->mentors)
            .arg(added->orgId, seconds(elapsed))
            .arg(elapsed > 0 ? added->records * 1000 / elapsed : added->records));
    return Success;
}

} // namespace

int backup(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("admin backup"), QStringLiteral("FILE [options]"),
        QStringLiteral(
            "Copies every table of the database (SQLite or PostgreSQL) into a new SQLite file,\n"
            "which opens as it is with --database sqlite:FILE. An existing file is never overwritten."));
    cl.addPositional(QStringLiteral("FILE"), QStringLiteral("The new SQLite file."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    const QString file = cl.positional(0);
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        ProgressLine progress(ctx.err, QStringLiteral("Copying rows"));
        const auto copied = Backup::run(Caller::system(), db, file, progress.callback());
        progress.finish();
        if (!copied)
            return ctx.fail(copied.error());
        ctx.say(QStringLiteral("Backed up %1 rows to %2.").arg(*copied).arg(file));
        return int(Success);
    });
}

int restore(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("admin restore"), QStringLiteral("FILE [options]"),
        QStringLiteral(
            "Restores FILE, a backup made with “admin backup” (or the console), into the database of\n"
            "--database (SQLite or PostgreSQL), which must be new and empty: a database that has rows\n"
            "is refused, and so is a backup from a newer version. FILE itself is not changed."));
    cl.addPositional(QStringLiteral("FILE"), QStringLiteral("The backup, an SQLite file."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    const QString file = cl.positional(0);
    // A new SQLite file made only to restore into is not left behind when the restore fails.
    const auto url = DatabaseUrl::parse(cl.databaseUrl());
    const bool newFile = url && url->kind == DatabaseUrl::Kind::Sqlite && !QFile::exists(url->path);
    const int status = ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        ProgressLine progress(ctx.err, QStringLiteral("Restoring rows"));
        const auto restored = Backup::restore(Caller::system(), file, db, ctx.clock, progress.callback());
        progress.finish();
        if (!restored)
            return ctx.fail(restored.error());
        ctx.say(
            QStringLiteral("Restored %1 rows from %2 into %3.").arg(*restored).arg(file, db.url().display()));
        return int(Success);
    });
    if (status != Success && newFile)
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(url->path + suffix);
    return status;
}

int demoData(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("admin demo-data"), QStringLiteral("[--records N]"),
        QStringLiteral(
            "Creates a realistic demo organisation (org_nhf_oslo): 2 coordinators, 25 peer mentors,\n"
            "a year of pauses and resumes, and a user of each role whose one-time passwords are\n"
            "printed once. With --records N, adds N records across more peer mentors of it instead\n"
            "(creating the organisation first when it is missing)."));
    cl.addOption(QStringLiteral("records"), QStringLiteral("N"),
                 QStringLiteral("Add N notification records."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    std::optional<qint64> records;
    if (cl.isSet(QStringLiteral("records"))) {
        bool isNumber = false;
        records = cl.value(QStringLiteral("records")).toLongLong(&isNumber);
        if (!isNumber)
            return cl.usageError(ctx.err,
                                 QStringLiteral("--records must be a whole number, not “%1”.")
                                     .arg(cl.value(QStringLiteral("records"))));
    }
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        DemoData demo(db, directory, ctx.clock);
        return records ? demoRecords(ctx, demo, directory, *records) : demoCreate(ctx, demo, directory);
    });
}

int audit(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(QStringLiteral("admin audit"), QStringLiteral("[options]"),
                   QStringLiteral("Prints the audit log, newest first, separated by tabs: when (UTC), who,\n"
                                  "organisation, action, what (entity and id) and detail. It records who\n"
                                  "created, changed, deleted, exported or erased what, and who signed in or\n"
                                  "failed to; entries are never changed or deleted."));
    cl.addOption(
        QStringLiteral("since"), QStringLiteral("DATE"),
        QStringLiteral("Only entries at or after DATE (2026-03-01, or a time with Z or an offset)."));
    cl.addOption(QStringLiteral("until"), QStringLiteral("DATE"),
                 QStringLiteral("Only entries before DATE."));
    cl.addOption(QStringLiteral("org"), QStringLiteral("ORG_ID"),
                 QStringLiteral("Only this organisation's."));
    cl.addOption(QStringLiteral("user"), QStringLiteral("USERNAME"),
                 QStringLiteral("Only what this user did."));
    cl.addOption(QStringLiteral("action"), QStringLiteral("ACTION"),
                 QStringLiteral("Only this action (peer_mentor.update) or group (peer_mentor, user)."));
    cl.addOption(QStringLiteral("limit"), QStringLiteral("N"),
                 QStringLiteral("At most N entries (default 1000)."), QStringLiteral("1000"));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    AuditQuery query;
    for (const auto &[name, target] :
         {std::pair{QStringLiteral("since"), &query.from}, std::pair{QStringLiteral("until"), &query.to}}) {
        if (!cl.isSet(name))
            continue;
        const auto when = parseTimestamp(cl.value(name));
        if (!when)
            return cl.usageError(ctx.err,
                                 QStringLiteral("--%1 must be a date such as 2026-03-01, not “%2”.")
                                     .arg(name, cl.value(name)));
        *target = *when;
    }
    bool isNumber = false;
    const int limit = cl.value(QStringLiteral("limit")).toInt(&isNumber);
    if (!isNumber || limit < 1 || limit > 1000)
        return cl.usageError(ctx.err, QStringLiteral("--limit must be a number from 1 to 1000."));
    query.orgId = cl.value(QStringLiteral("org"));
    query.username = cl.value(QStringLiteral("user"));
    query.kind = cl.value(QStringLiteral("action"));
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        AuditLog log(db, ctx.clock);
        auto entries = log.list(Caller::system(), query, PageRequest{1, limit});
        if (!entries)
            return ctx.fail(entries.error());
        ctx.say(QStringLiteral("at\tusername\torg_id\taction\tentity\tentity_id\tdetail"));
        for (const AuditEntry &e : std::as_const(entries->items))
            ctx.say(QStringList{formatTimestamp(e.at), e.username, e.orgId, e.action, e.entity, e.entityId,
                                e.detail}
                        .join(QLatin1Char('\t')));
        if (entries->total > entries->items.size())
            ctx.complain(QStringLiteral("%1 of %2 entries shown; narrow with --since, --until or --limit.")
                             .arg(entries->items.size())
                             .arg(entries->total));
        return int(Success);
    });
}

} // namespace cc::app::admin
