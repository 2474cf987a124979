#include "app/admin/DirectoryCommands.h"

#include "app/CommandLine.h"
#include "core/Caller.h"
#include "core/CsvImport.h"
#include "core/Database.h"
#include "core/Defaults.h"
#include "core/Directory.h"
#include "core/DirectoryService.h"

#include <QFile>

namespace cc::app::admin {

namespace {

int orgAdd(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(QStringLiteral("admin org add"),
                   QStringLiteral("ORG_ID --name NAME [--locale nb|en] [--time-zone ZONE]"),
                   QStringLiteral("Adds an organisation."));
    cl.addPositional(QStringLiteral("ORG_ID"), QStringLiteral("The organisation's id, e.g. org_nhf_oslo."));
    cl.addRequiredOption(QStringLiteral("name"), QStringLiteral("NAME"),
                         QStringLiteral("The organisation's name."));
    cl.addOption(QStringLiteral("locale"), QStringLiteral("nb|en"),
                 QStringLiteral("The language of its notifications (default nb)."), QStringLiteral("nb"));
    cl.addOption(
        QStringLiteral("time-zone"), QStringLiteral("ZONE"),
        QStringLiteral("The IANA time zone its dates are shown in (default %1).").arg(kDefaultTimeZone),
        QString(kDefaultTimeZone));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    Organisation org;
    org.id = cl.positional(0);
    org.name = cl.value(QStringLiteral("name"));
    org.locale = cl.value(QStringLiteral("locale"));
    org.timeZone = cl.value(QStringLiteral("time-zone"));
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        auto added = directory.addOrganisation(Caller::system(), org);
        if (!added)
            return ctx.fail(added.error());
        ctx.say(QStringLiteral("Created organisation %1 (%2).").arg(added->id, added->name));
        return int(Success);
    });
}

int coordinatorAdd(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(QStringLiteral("admin coordinator add"),
                   QStringLiteral("COORD_ID --org ORG_ID --name NAME [--email E]"),
                   QStringLiteral("Adds a coordinator to an organisation."));
    cl.addPositional(QStringLiteral("COORD_ID"),
                     QStringLiteral("The coordinator's id, e.g. coord_9f8e7d6c."));
    cl.addRequiredOption(QStringLiteral("org"), QStringLiteral("ORG_ID"),
                         QStringLiteral("The organisation."));
    cl.addRequiredOption(QStringLiteral("name"), QStringLiteral("NAME"),
                         QStringLiteral("The coordinator's full name."));
    cl.addOption(QStringLiteral("email"), QStringLiteral("E"),
                 QStringLiteral("The coordinator's email address."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    Coordinator coordinator;
    coordinator.id = cl.positional(0);
    coordinator.orgId = cl.value(QStringLiteral("org"));
    coordinator.name = cl.value(QStringLiteral("name"));
    coordinator.email = cl.value(QStringLiteral("email")).trimmed();
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        auto added = directory.addCoordinator(Caller::system(), coordinator);
        if (!added)
            return ctx.fail(added.error());
        ctx.say(
            QStringLiteral("Created coordinator %1 (%2) in %3.").arg(added->id, added->name, added->orgId));
        return int(Success);
    });
}

int mentorAdd(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("admin mentor add"),
        QStringLiteral("PM_ID --org ORG_ID --coordinator COORD_ID --name NAME [--email E] [--phone P]"),
        QStringLiteral("Adds a peer mentor."));
    cl.addPositional(QStringLiteral("PM_ID"), QStringLiteral("The peer mentor's id, e.g. pm_551e8400."));
    cl.addRequiredOption(QStringLiteral("org"), QStringLiteral("ORG_ID"),
                         QStringLiteral("The organisation."));
    cl.addRequiredOption(QStringLiteral("coordinator"), QStringLiteral("COORD_ID"),
                         QStringLiteral("The coordinator who follows the peer mentor up."));
    cl.addRequiredOption(QStringLiteral("name"), QStringLiteral("NAME"),
                         QStringLiteral("The peer mentor's full name."));
    cl.addOption(QStringLiteral("email"), QStringLiteral("E"),
                 QStringLiteral("The peer mentor's email address."));
    cl.addOption(QStringLiteral("phone"), QStringLiteral("P"),
                 QStringLiteral("The peer mentor's phone number."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    PeerMentor mentor;
    mentor.id = cl.positional(0);
    mentor.orgId = cl.value(QStringLiteral("org"));
    mentor.coordinatorId = cl.value(QStringLiteral("coordinator"));
    mentor.name = cl.value(QStringLiteral("name"));
    mentor.email = cl.value(QStringLiteral("email")).trimmed();
    mentor.phone = cl.value(QStringLiteral("phone")).trimmed();
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        auto added = directory.addPeerMentor(Caller::system(), mentor);
        if (!added)
            return ctx.fail(added.error());
        ctx.say(
            QStringLiteral("Created peer mentor %1 (%2) in %3.").arg(added->id, added->name, added->orgId));
        return int(Success);
    });
}

int mentorImport(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(QStringLiteral("admin mentor import"), QStringLiteral("FILE.csv [options]"),
                   QStringLiteral("Imports peer mentors from a CSV file (UTF-8) with the header\n"
                                  "  id,org_id,coordinator_id,name,email,phone\n"
                                  "Either every row is imported or, when a row has a problem, none is."));
    cl.addPositional(QStringLiteral("FILE.csv"), QStringLiteral("The CSV file."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    const QString path = cl.positional(0);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ctx.fail(
            Error::invalid(QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString())));
    auto mentors = peerMentorsFromCsv(file.readAll());
    if (!mentors)
        return ctx.fail(mentors.error());
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        auto imported = directory.importPeerMentors(Caller::system(), *mentors);
        if (!imported)
            return ctx.fail(imported.error());
        ctx.say(*imported == 1 ? QStringLiteral("Imported 1 peer mentor.")
                               : QStringLiteral("Imported %1 peer mentors.").arg(*imported));
        return int(Success);
    });
}

} // namespace

int org(AdminContext &ctx, const QStringList &args)
{
    return ctx.dispatch(QStringLiteral("admin org"), QStringLiteral("Organisations."),
                        {{QStringLiteral("add"), QStringLiteral("Add an organisation."), ctx.bind(orgAdd)}},
                        args);
}

int coordinator(AdminContext &ctx, const QStringList &args)
{
    return ctx.dispatch(QStringLiteral("admin coordinator"), QStringLiteral("Coordinators."),
                        {{QStringLiteral("add"), QStringLiteral("Add a coordinator to an organisation."),
                          ctx.bind(coordinatorAdd)}},
                        args);
}

int mentor(AdminContext &ctx, const QStringList &args)
{
    return ctx.dispatch(
        QStringLiteral("admin mentor"), QStringLiteral("Peer mentors."),
        {{QStringLiteral("add"), QStringLiteral("Add a peer mentor."), ctx.bind(mentorAdd)},
         {QStringLiteral("import"), QStringLiteral("Import peer mentors from a CSV file, all or none."),
          ctx.bind(mentorImport)}},
        args);
}

} // namespace cc::app::admin
