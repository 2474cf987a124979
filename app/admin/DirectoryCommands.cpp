#include "app/admin/DirectoryCommands.h"

#include "app/CommandLine.h"
#include "core/Caller.h"
#include "core/CsvImport.h"
#include "core/Database.h"
#include "core/Defaults.h"
#include "core/Directory.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/PersonalDataService.h"
#include "core/PrivateFile.h"
#include "ui/peermentors/PersonalDataReport.h"

#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>

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
                   QStringLiteral("Imports peer mentors from a CSV file with the header\n"
                                  "  id,org_id,coordinator_id,name,email,phone\n"
                                  "(“,” or “;” between fields). A mentor whose id exists is updated; a\n"
                                  "column the file lacks is left as it is. Either every row is imported\n"
                                  "or, when a row has a problem, none is."));
    cl.addPositional(QStringLiteral("FILE.csv"), QStringLiteral("The CSV file."));
    cl.addOption(QStringLiteral("encoding"), QStringLiteral("utf-8|windows-1252"),
                 QStringLiteral("The file's encoding (default utf-8, with or without BOM)."),
                 QStringLiteral("utf-8"));
    cl.addOption(QStringLiteral("dry-run"), {},
                 QStringLiteral("Only tell what the import would do; write nothing."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    const auto encoding = textEncodingFromName(cl.value(QStringLiteral("encoding")));
    if (!encoding)
        return cl.usageError(ctx.err,
                             QStringLiteral("--encoding must be utf-8 or windows-1252, not “%1”.")
                                 .arg(cl.value(QStringLiteral("encoding"))));
    const QString path = cl.positional(0);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ctx.fail(
            Error::invalid(QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString())));
    auto mentors = peerMentorsFromCsv(file.readAll(), *encoding);
    if (!mentors)
        return ctx.fail(mentors.error());
    const bool dryRun = cl.isSet(QStringLiteral("dry-run"));
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        auto plan = dryRun ? directory.planImport(Caller::system(), *mentors)
                           : directory.importPeerMentors(Caller::system(), *mentors);
        if (!plan)
            return ctx.fail(plan.error());
        const QString counts = QStringLiteral("%1 new, %2 changed, %3 unchanged, %4 with problems")
                                   .arg(plan->added.size())
                                   .arg(plan->changed.size())
                                   .arg(plan->unchanged)
                                   .arg(plan->problems.size());
        if (!dryRun) {
            ctx.say(QStringLiteral("Imported: %1.").arg(counts));
            return int(Success);
        }
        ctx.say(QStringLiteral("Would import: %1. Nothing was written (--dry-run).").arg(counts));
        for (const FieldError &problem : std::as_const(plan->problems))
            ctx.complain(QStringLiteral("  ") + problem.message);
        return plan->problems.isEmpty() ? int(Success) : int(Failure);
    });
}

// "active", or "inactive since DATE".
QString activityText(const QDateTime &deactivatedAt)
{
    return deactivatedAt.isValid()
        ? QStringLiteral("inactive since %1").arg(deactivatedAt.toUTC().date().toString(Qt::ISODate))
        : QStringLiteral("active");
}

std::optional<Activity> activityOf(const CommandLine &cl)
{
    const QString which = cl.value(QStringLiteral("status"));
    if (which == QLatin1String("active"))
        return Activity::Active;
    if (which == QLatin1String("inactive"))
        return Activity::Inactive;
    if (which == QLatin1String("all"))
        return Activity::Any;
    return std::nullopt;
}

void addStatusOption(CommandLine &cl)
{
    cl.addOption(QStringLiteral("status"), QStringLiteral("active|inactive|all"),
                 QStringLiteral("Who is listed: those active (the default), those who left, or both."),
                 QStringLiteral("active"));
}

int mentorList(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("admin mentor list"), QStringLiteral("[options]"),
        QStringLiteral("Lists peer mentors, by name: id, name, coordinator, status, email, phone,\n"
                       "separated by tabs."));
    cl.addOption(QStringLiteral("org"), QStringLiteral("ORG_ID"),
                 QStringLiteral("Only this organisation's."));
    cl.addOption(QStringLiteral("coordinator"), QStringLiteral("COORD_ID"),
                 QStringLiteral("Only this coordinator's."));
    cl.addOption(QStringLiteral("search"), QStringLiteral("TEXT"),
                 QStringLiteral("Only those whose name or email holds TEXT, or whose id is TEXT."));
    addStatusOption(cl);
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    const auto activity = activityOf(cl);
    if (!activity)
        return cl.usageError(ctx.err, QStringLiteral("--status must be active, inactive or all."));
    MentorQuery query{cl.value(QStringLiteral("search")), cl.value(QStringLiteral("coordinator")), *activity,
                      cl.value(QStringLiteral("org"))};
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        auto mentors = directory.peerMentors(Caller::system(), query);
        if (!mentors)
            return ctx.fail(mentors.error());
        ctx.say(QStringLiteral("id\tname\tcoordinator_id\tstatus\temail\tphone"));
        for (const PeerMentor &m : std::as_const(*mentors))
            ctx.say(
                QStringList{m.id, m.name, m.coordinatorId, activityText(m.deactivatedAt), m.email, m.phone}
                    .join(QLatin1Char('\t')));
        return int(Success);
    });
}

int mentorUpdate(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(QStringLiteral("admin mentor update"),
                   QStringLiteral("PM_ID [--name NAME] [--email E] [--phone P] [--coordinator COORD_ID]"),
                   QStringLiteral("Changes a peer mentor's details; what is not given stays as it is\n"
                                  "(--email \"\" and --phone \"\" remove them)."));
    cl.addPositional(QStringLiteral("PM_ID"), QStringLiteral("The peer mentor."));
    cl.addOption(QStringLiteral("name"), QStringLiteral("NAME"), QStringLiteral("Her full name."));
    cl.addOption(QStringLiteral("email"), QStringLiteral("E"), QStringLiteral("Her email address."));
    cl.addOption(QStringLiteral("phone"), QStringLiteral("P"), QStringLiteral("Her phone number."));
    cl.addOption(QStringLiteral("coordinator"), QStringLiteral("COORD_ID"),
                 QStringLiteral("The coordinator who follows her up from now on."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        auto found = directory.peerMentor(Caller::system(), cl.positional(0));
        if (!found)
            return ctx.fail(found.error());
        PeerMentor m = *found;
        if (cl.isSet(QStringLiteral("name")))
            m.name = cl.value(QStringLiteral("name"));
        if (cl.isSet(QStringLiteral("email")))
            m.email = cl.value(QStringLiteral("email"));
        if (cl.isSet(QStringLiteral("phone")))
            m.phone = cl.value(QStringLiteral("phone"));
        if (cl.isSet(QStringLiteral("coordinator")))
            m.coordinatorId = cl.value(QStringLiteral("coordinator"));
        auto updated = directory.updatePeerMentor(Caller::system(), m);
        if (!updated)
            return ctx.fail(updated.error());
        ctx.say(QStringLiteral("Updated peer mentor %1 (%2).").arg(updated->id, updated->name));
        return int(Success);
    });
}

// `admin mentor|coordinator deactivate|reactivate ID`: one who leaves, or comes back.
struct Leaving
{
    QString group;   // "mentor"
    QString idName;  // "PM_ID"
    QString what;    // "peer mentor"
    QString leaves;  // the help of deactivate
    QString returns; // the help of reactivate
    Status (DirectoryService::*setActive)(const Caller &, const QString &, bool);
};

int setActive(AdminContext &ctx, const QStringList &args, const Leaving &who, bool active)
{
    const QString verb = active ? QStringLiteral("reactivate") : QStringLiteral("deactivate");
    CommandLine cl(QStringLiteral("admin %1 %2").arg(who.group, verb), who.idName,
                   active ? who.returns : who.leaves);
    cl.addPositional(who.idName, QStringLiteral("The %1.").arg(who.what));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        if (auto s = (directory.*who.setActive)(Caller::system(), cl.positional(0), active); !s)
            return ctx.fail(s.error());
        ctx.say(QStringLiteral("%1 %2 %3.")
                    .arg(active ? QStringLiteral("Reactivated") : QStringLiteral("Deactivated"), who.what,
                         cl.positional(0)));
        return int(Success);
    });
}

const Leaving kMentorLeaving{
    QStringLiteral("mentor"),
    QStringLiteral("PM_ID"),
    QStringLiteral("peer mentor"),
    QStringLiteral("Marks a peer mentor who leaves: her history is kept, she is hidden\n"
                   "from the default lists and gets no new records."),
    QStringLiteral("Makes a peer mentor who left active again."),
    &DirectoryService::setPeerMentorActive};

const Leaving kCoordinatorLeaving{
    QStringLiteral("coordinator"),
    QStringLiteral("COORD_ID"),
    QStringLiteral("coordinator"),
    QStringLiteral("Marks a coordinator who leaves. Her peer mentors must be moved to\n"
                   "another coordinator first (admin mentor update --coordinator)."),
    QStringLiteral("Makes a coordinator who left active again."),
    &DirectoryService::setCoordinatorActive};

int mentorDeactivate(AdminContext &ctx, const QStringList &args)
{
    return setActive(ctx, args, kMentorLeaving, false);
}

int mentorReactivate(AdminContext &ctx, const QStringList &args)
{
    return setActive(ctx, args, kMentorLeaving, true);
}

int mentorExport(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(QStringLiteral("admin mentor export"), QStringLiteral("PM_ID [--json FILE] [--pdf FILE]"),
                   QStringLiteral("Exports everything stored about a peer mentor, for her (GDPR Art. 15):\n"
                                  "her profile, every notification record, the messages built that name\n"
                                  "her and the audit entries about her and her records. As JSON on\n"
                                  "standard output unless --json or --pdf names a file; files are\n"
                                  "readable by their owner only. The export is audited."));
    cl.addPositional(QStringLiteral("PM_ID"), QStringLiteral("The peer mentor."));
    cl.addOption(QStringLiteral("json"), QStringLiteral("FILE"),
                 QStringLiteral("Write the export as JSON to FILE (\"-\": standard output)."));
    cl.addOption(QStringLiteral("pdf"), QStringLiteral("FILE"),
                 QStringLiteral("Write it as a readable PDF to FILE too."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    const QString jsonFile = cl.value(QStringLiteral("json"));
    const QString pdfFile = cl.value(QStringLiteral("pdf"));
    if (cl.isSet(QStringLiteral("json")) && jsonFile.isEmpty())
        return cl.usageError(ctx.err, QStringLiteral("--json needs a file name (or \"-\")."));
    if (cl.isSet(QStringLiteral("pdf")) && pdfFile.isEmpty())
        return cl.usageError(ctx.err, QStringLiteral("--pdf needs a file name."));
    // A PDF is drawn with fonts: main() makes a QGuiApplication when --pdf is on the command line.
    if (!pdfFile.isEmpty() && !qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return ctx.fail(Error::invalid(QStringLiteral("This program cannot draw a PDF here.")));
    const bool toStdout = jsonFile == QLatin1String("-") || (jsonFile.isEmpty() && pdfFile.isEmpty());
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        NotificationRecordService records(db, ctx.clock);
        PersonalDataService personal(db, ctx.clock, directory, records);
        auto exported = personal.exportMentor(Caller::system(), cl.positional(0));
        if (!exported)
            return ctx.fail(exported.error());
        const QByteArray json = QJsonDocument(exported->toJson()).toJson(QJsonDocument::Indented);
        QStringList written;
        if (!jsonFile.isEmpty() && jsonFile != QLatin1String("-")) {
            if (auto s = writePrivately(jsonFile, json); !s)
                return ctx.fail(s.error());
            written << jsonFile;
        }
        if (!pdfFile.isEmpty()) {
            if (auto s = PersonalDataReport::writePdf(*exported, pdfFile); !s)
                return ctx.fail(s.error());
            written << pdfFile;
        }
        if (toStdout) {
            ctx.out << QString::fromUtf8(json);
            ctx.out.flush();
        } else {
            ctx.say(QStringLiteral("Exported the personal data of peer mentor %1 to %2.")
                        .arg(exported->mentor.id, written.join(QStringLiteral(" and "))));
        }
        return int(Success);
    });
}

int mentorErase(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("admin mentor erase"), QStringLiteral("PM_ID --confirm NAME"),
        QStringLiteral("Erases a peer mentor's personal data for good (GDPR Art. 17): her name,\n"
                       "email and phone, the reasons and notes of her records, the texts of the\n"
                       "messages built for her, and her name, email and phone wherever else they\n"
                       "were written (audit details, other notes, stored API answers). She is\n"
                       "deactivated and named \"Erased peer mentor\" and a random code from then on;\n"
                       "her id and her records' event types and dates stay, so statistics still\n"
                       "count her. An SQLite database file is rewritten (VACUUM) so that no erased\n"
                       "byte stays in it. It cannot be undone; backups made before keep her data."));
    cl.addPositional(QStringLiteral("PM_ID"), QStringLiteral("The peer mentor."));
    cl.addRequiredOption(QStringLiteral("confirm"), QStringLiteral("NAME"),
                         QStringLiteral("Her current name, exactly as \"admin mentor list\" shows it."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        NotificationRecordService records(db, ctx.clock);
        PersonalDataService personal(db, ctx.clock, directory, records);
        auto erased =
            personal.eraseMentor(Caller::system(), cl.positional(0), cl.value(QStringLiteral("confirm")));
        if (!erased)
            return ctx.fail(erased.error());
        ctx.say(
            QStringLiteral("Erased the personal data of peer mentor %1 (%2 records, %3 payloads, %4 other "
                           "texts); she is now “%5”.")
                .arg(erased->peerMentorId)
                .arg(erased->records)
                .arg(erased->payloads)
                .arg(erased->otherTexts)
                .arg(erased->anonymousName));
        if (!erased->compacted)
            ctx.complain(QStringLiteral("warning: %1").arg(erased->compactionError));
        return int(Success);
    });
}

int coordinatorList(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(QStringLiteral("admin coordinator list"), QStringLiteral("[options]"),
                   QStringLiteral("Lists coordinators, by name: id, org_id, name, status, email,\n"
                                  "active peer mentors, separated by tabs."));
    cl.addOption(QStringLiteral("org"), QStringLiteral("ORG_ID"),
                 QStringLiteral("Only this organisation's."));
    addStatusOption(cl);
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    const auto activity = activityOf(cl);
    if (!activity)
        return cl.usageError(ctx.err, QStringLiteral("--status must be active, inactive or all."));
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        auto coordinators =
            directory.coordinators(Caller::system(), cl.value(QStringLiteral("org")), *activity);
        if (!coordinators)
            return ctx.fail(coordinators.error());
        auto mentors = directory.peerMentors(
            Caller::system(), MentorQuery{{}, {}, Activity::Active, cl.value(QStringLiteral("org"))});
        if (!mentors)
            return ctx.fail(mentors.error());
        QHash<QString, int> mentorsOf;
        for (const PeerMentor &m : std::as_const(*mentors))
            ++mentorsOf[m.coordinatorId];
        ctx.say(QStringLiteral("id\torg_id\tname\tstatus\temail\tpeer_mentors"));
        for (const Coordinator &c : std::as_const(*coordinators))
            ctx.say(QStringList{c.id, c.orgId, c.name, activityText(c.deactivatedAt), c.email,
                                QString::number(mentorsOf.value(c.id))}
                        .join(QLatin1Char('\t')));
        return int(Success);
    });
}

int coordinatorUpdate(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(QStringLiteral("admin coordinator update"),
                   QStringLiteral("COORD_ID [--name NAME] [--email E]"),
                   QStringLiteral("Changes a coordinator's name or email; what is not given stays."));
    cl.addPositional(QStringLiteral("COORD_ID"), QStringLiteral("The coordinator."));
    cl.addOption(QStringLiteral("name"), QStringLiteral("NAME"), QStringLiteral("The full name."));
    cl.addOption(QStringLiteral("email"), QStringLiteral("E"), QStringLiteral("The email address."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        auto found = directory.coordinator(Caller::system(), cl.positional(0));
        if (!found)
            return ctx.fail(found.error());
        Coordinator c = *found;
        if (cl.isSet(QStringLiteral("name")))
            c.name = cl.value(QStringLiteral("name"));
        if (cl.isSet(QStringLiteral("email")))
            c.email = cl.value(QStringLiteral("email"));
        auto updated = directory.updateCoordinator(Caller::system(), c);
        if (!updated)
            return ctx.fail(updated.error());
        ctx.say(QStringLiteral("Updated coordinator %1 (%2).").arg(updated->id, updated->name));
        return int(Success);
    });
}

int coordinatorDeactivate(AdminContext &ctx, const QStringList &args)
{
    return setActive(ctx, args, kCoordinatorLeaving, false);
}

int coordinatorReactivate(AdminContext &ctx, const QStringList &args)
{
    return setActive(ctx, args, kCoordinatorLeaving, true);
}

int orgList(AdminContext &ctx, const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("admin org list"), QString(),
        QStringLiteral("Lists the organisations: id, name, locale, time zone, separated by tabs."));
    if (auto stop = cl.parse(args, ctx.out, ctx.err))
        return *stop;
    return ctx.withDatabase(cl.databaseUrl(), [&](Database &db) {
        DirectoryService directory(db, ctx.clock);
        auto orgs = directory.organisations(Caller::system());
        if (!orgs)
            return ctx.fail(orgs.error());
        ctx.say(QStringLiteral("id\tname\tlocale\ttime_zone"));
        for (const Organisation &o : std::as_const(*orgs))
            ctx.say(QStringList{o.id, o.name, o.locale, o.timeZone}.join(QLatin1Char('\t')));
        return int(Success);
    });
}

} // namespace

int org(AdminContext &ctx, const QStringList &args)
{
    return ctx.dispatch(
        QStringLiteral("admin org"), QStringLiteral("Organisations."),
        {{QStringLiteral("add"), QStringLiteral("Add an organisation."), ctx.bind(orgAdd)},
         {QStringLiteral("list"), QStringLiteral("List the organisations."), ctx.bind(orgList)}},
        args);
}

int coordinator(AdminContext &ctx, const QStringList &args)
{
    return ctx.dispatch(
        QStringLiteral("admin coordinator"), QStringLiteral("Coordinators."),
        {{QStringLiteral("add"), QStringLiteral("Add a coordinator to an organisation."),
          ctx.bind(coordinatorAdd)},
         {QStringLiteral("list"), QStringLiteral("List coordinators."), ctx.bind(coordinatorList)},
         {QStringLiteral("update"), QStringLiteral("Change a coordinator's name or email."),
          ctx.bind(coordinatorUpdate)},
         {QStringLiteral("deactivate"), QStringLiteral("Mark a coordinator who leaves."),
          ctx.bind(coordinatorDeactivate)},
         {QStringLiteral("reactivate"), QStringLiteral("Make a coordinator active again."),
          ctx.bind(coordinatorReactivate)}},
        args);
}

int mentor(AdminContext &ctx, const QStringList &args)
{
    return ctx.dispatch(
        QStringLiteral("admin mentor"), QStringLiteral("Peer mentors."),
        {{QStringLiteral("add"), QStringLiteral("Add a peer mentor."), ctx.bind(mentorAdd)},
         {QStringLiteral("import"),
          QStringLiteral("Import or update peer mentors from a CSV file, all or none."),
          ctx.bind(mentorImport)},
         {QStringLiteral("list"), QStringLiteral("List peer mentors."), ctx.bind(mentorList)},
         {QStringLiteral("update"), QStringLiteral("Change a peer mentor's details or coordinator."),
          ctx.bind(mentorUpdate)},
         {QStringLiteral("deactivate"), QStringLiteral("Mark a peer mentor who leaves."),
          ctx.bind(mentorDeactivate)},
         {QStringLiteral("reactivate"), QStringLiteral("Make a peer mentor active again."),
          ctx.bind(mentorReactivate)},
         {QStringLiteral("export"), QStringLiteral("Export everything stored about a peer mentor."),
          ctx.bind(mentorExport)},
         {QStringLiteral("erase"), QStringLiteral("Erase a peer mentor's personal data for good."),
          ctx.bind(mentorErase)}},
        args);
}

} // namespace cc::app::admin
