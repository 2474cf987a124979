#include "core/DemoData.h"

#include "core/Defaults.h"
#include "core/DirectoryRepository.h"
#include "core/Ids.h"
#include "core/Passwords.h"
#include "core/RecordRepository.h"

#include <QRandomGenerator>
#include <QSet>

namespace cc {

namespace {

const char *const kFirstNames[] = {
    "Kari",  "Lars",   "Ingrid", "Ole",    "Anne",   "Per",      "Marit", "Bjørn",    "Solveig",
    "Knut",  "Astrid", "Håkon",  "Sigrid", "Øyvind", "Liv",      "Eirik", "Ragnhild", "Jørgen",
    "Tone",  "Arne",   "Åse",    "Magnus", "Hilde",  "Torbjørn", "Nora",  "Sindre",   "Guro",
    "Espen", "Ida",    "Vegard", "Mari",   "Halvor", "Siv",      "Trond", "Elin",     "Kjetil"};
const char *const kLastNames[] = {"Nordmann", "Eriksen",   "Hansen", "Johansen",    "Olsen",  "Larsen",
                                  "Andersen", "Pedersen",  "Nilsen", "Kristiansen", "Jensen", "Karlsen",
                                  "Johnsen",  "Pettersen", "Berg",   "Haugen",      "Hagen",  "Bakke",
                                  "Solberg",  "Strand",    "Dahl",   "Lie",         "Aas",    "Moen",
                                  "Ødegård",  "Sæther",    "Løvås",  "Rønning",     "Brekke", "Fjeld"};
const char *const kReasons[] = {"Personal leave", "Illness",       "Family reasons",       "Exam period",
                                "Travel",         "Needs a break", "Surgery and recovery", "New job"};

template<size_t N>
QString pick(const char *const (&items)[N], QRandomGenerator &rng)
{
    return QString::fromUtf8(items[rng.bounded(static_cast<quint32>(N))]);
}

QString slug(const QString &name)
{
    QString s = name.toLower();
    s.replace(QStringLiteral("ø"), QStringLiteral("o")).replace(QStringLiteral("å"), QStringLiteral("a"));
    s.replace(QStringLiteral("æ"), QStringLiteral("ae")).replace(QLatin1Char(' '), QLatin1Char('.'));
    return s;
}

QStringList channelsFor(QRandomGenerator &rng)
{
    static const QList<QStringList> options{
        {QStringLiteral("push"), QStringLiteral("in_app")},
        {QStringLiteral("push"), QStringLiteral("in_app"), QStringLiteral("email")},
        {QStringLiteral("in_app")},
        {QStringLiteral("email")},
        {QStringLiteral("push"), QStringLiteral("sms")}};
    return options.at(rng.bounded(static_cast<quint32>(options.size())));
}

// Event `i` of a mentor whose events are `step` seconds apart from `from`, each moved by up to a
// third of the gap, so the order holds. Pauses and resumes alternate, the first a pause when
// `startsWithPause`.
NotificationRecord eventOf(const PeerMentor &m, const QString &coordinatorName, const QDateTime &from,
                           qint64 step, int i, bool startsWithPause, QRandomGenerator &rng,
                           QSet<QString> &ids)
{
    const auto jitterRange = static_cast<quint32>(std::clamp<qint64>(step * 2 / 3, 1, 0x7fffffff));
    const qint64 jitter = static_cast<qint64>(rng.bounded(jitterRange)) - jitterRange / 2;
    QDateTime at = from.addSecs(step * (i + 1) + jitter);
    at.setTime(
        QTime(at.time().hour(), at.time().minute(), at.time().second(), static_cast<int>(rng.bounded(1000))));
    NotificationRecord r;
    do {
        r.id = QStringLiteral("nr_")
            + QString::number(rng.generate64() & 0xffffffffffffULL, 16).rightJustified(12, QLatin1Char('0'));
    } while (ids.contains(r.id));
    ids.insert(r.id);
    r.orgId = m.orgId;
    r.peerMentorId = m.id;
    r.peerMentorName = m.name;
    r.eventType = (i % 2 == 0) == startsWithPause ? EventType::PauseActivated : EventType::PauseDeactivated;
    QDateTime effective = at.addDays(rng.bounded(4));
    effective.setTime(QTime(0, 0));
    r.effectiveDate = effective;
    if (r.eventType == EventType::PauseActivated && rng.bounded(5) != 0)
        r.reason = pick(kReasons, rng);
    r.coordinatorId = m.coordinatorId;
    r.coordinatorName = coordinatorName;
    r.channels = channelsFor(rng);
    for (int d = 0; d < r.channels.size(); ++d)
        r.dispatchIds << QStringLiteral("disp_") + QString::number(rng.generate64() & 0xffffffffffffULL, 16);
    r.createdBy = QStringLiteral("demo");
    r.sentAt = at;
    r.updatedAt = at;
    return r;
}

// A mentor's pauses and resumes between `from` and `until`, oldest first.
QList<NotificationRecord> lifeOf(const PeerMentor &m, const QString &coordinatorName, const QDateTime &from,
                                 const QDateTime &until, int events, QRandomGenerator &rng,
                                 QSet<QString> &ids)
{
    QList<NotificationRecord> out;
    const qint64 span = from.secsTo(until);
    if (events <= 0 || span <= 0)
        return out;
    const qint64 step = span / (events + 1);
    for (int i = 0; i < events; ++i)
        out.append(eventOf(m, coordinatorName, from, step, i, true, rng, ids));
    return out;
}

} // namespace

DemoData::DemoData(Database &db, DirectoryService &directory, const Clock &clock)
    : m_db(db)
    , m_directory(directory)
    , m_clock(clock)
{}

Result<DemoData::Summary> DemoData::create()
{
    const QString orgId = QString::fromLatin1(kOrgId);
    if (auto s = addOrganisation(orgId); !s)
        return s.error();
    Summary summary;
    summary.orgId = orgId;
    auto coordinators = addCoordinators(orgId);
    if (!coordinators)
        return coordinators.error();
    summary.coordinators = static_cast<int>(coordinators->size());

    QRandomGenerator rng(20260320);
    auto mentors = addMentors(orgId, *coordinators, rng);
    if (!mentors)
        return mentors.error();
    summary.mentors = static_cast<int>(mentors->size());

    auto records = addYearOfEvents(*mentors, *coordinators, rng);
    if (!records)
        return records.error();
    summary.records = *records;

    auto accounts = addAccounts(orgId, *coordinators);
    if (!accounts)
        return accounts.error();
    summary.accounts = *accounts;
    return summary;
}

Status DemoData::addOrganisation(const QString &orgId)
{
    Organisation org;
    org.id = orgId;
    org.name = QStringLiteral("NHF Oslo – likepersoner");
    org.locale = QStringLiteral("nb");
    org.timeZone = kDefaultTimeZone;
    if (auto added = m_directory.addOrganisation(Caller::system(), org); !added) {
        if (added.error().code == ErrorCode::Conflict)
            return Error{ErrorCode::Conflict,
                         QStringLiteral("The demo organisation exists already in this database; "
                                        "use “demo-data --records N” to add records."),
                         {},
                         0};
        return added.error();
    }
    return {};
}

Result<QList<Coordinator>> DemoData::addCoordinators(const QString &orgId)
{
    const QList<Coordinator> coordinators{{QStringLiteral("coord_9f8e7d6c"),
                                           orgId,
                                           QStringLiteral("Ingrid Bakke"),
                                           QStringLiteral("ingrid.bakke@nhf-oslo.no"),
                                           {}},
                                          {QStringLiteral("coord_2a3b4c5d"),
                                           orgId,
                                           QStringLiteral("Per Haugen"),
                                           QStringLiteral("per.haugen@nhf-oslo.no"),
                                           {}}};
    for (const Coordinator &c : coordinators) {
        if (auto s = m_directory.addCoordinator(Caller::system(), c); !s)
            return s.error();
    }
    return coordinators;
}

Result<QList<PeerMentor>> DemoData::addMentors(const QString &orgId, const QList<Coordinator> &coordinators,
                                               QRandomGenerator &rng)
{
    QList<PeerMentor> mentors;
    mentors << PeerMentor{QStringLiteral("pm_551e8400"),
                          orgId,
                          coordinators[0].id,
                          QStringLiteral("Kari Nordmann"),
                          QStringLiteral("kari.nordmann@nhf-oslo.no"),
                          QStringLiteral("+47 900 12 345"),
                          {}};
    mentors << PeerMentor{QStringLiteral("pm_662f9511"),
                          orgId,
                          coordinators[1].id,
                          QStringLiteral("Lars Eriksen"),
                          QStringLiteral("lars.eriksen@nhf-oslo.no"),
                          QStringLiteral("+47 911 22 334"),
                          {}};
    QSet<QString> names{mentors[0].name, mentors[1].name};
    while (mentors.size() < 25) {
        const QString name = pick(kFirstNames, rng) + QLatin1Char(' ') + pick(kLastNames, rng);
        if (names.contains(name))
            continue;
        names.insert(name);
        PeerMentor m;
        m.id =
            QStringLiteral("pm_") + QString::number(rng.generate(), 16).rightJustified(8, QLatin1Char('0'));
        m.orgId = orgId;
        m.coordinatorId = coordinators[mentors.size() % 2].id;
        m.name = name;
        m.email = slug(name) + QStringLiteral("@example.no");
        m.phone = QStringLiteral("+47 %1 %2 %3")
                      .arg(400 + rng.bounded(600))
                      .arg(rng.bounded(100), 2, 10, QLatin1Char('0'))
                      .arg(rng.bounded(1000), 3, 10, QLatin1Char('0'));
        mentors << m;
    }
    for (const PeerMentor &m : std::as_const(mentors)) {
        if (auto s = m_directory.addPeerMentor(Caller::system(), m); !s)
            return s.error();
    }
    return mentors;
}

Result<qint64> DemoData::addYearOfEvents(const QList<PeerMentor> &mentors,
                                         const QList<Coordinator> &coordinators, QRandomGenerator &rng)
{
    // A year of pauses and resumes; Kari's latest is a pause that is still on.
    const QDateTime now = m_clock.now();
    QList<NotificationRecord> records;
    QSet<QString> ids;
    for (const PeerMentor &m : mentors) {
        const QString coordinatorName =
            m.coordinatorId == coordinators[0].id ? coordinators[0].name : coordinators[1].name;
        const int events = m.id == QLatin1String("pm_551e8400") ? 3 : static_cast<int>(rng.bounded(5));
        records << lifeOf(m, coordinatorName, now.addDays(-365), now.addDays(-2), events, rng, ids);
    }
    RecordRepository repo(m_db);
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    if (auto s = repo.insertBatch(records); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return records.size();
}

Result<QList<DemoData::Account>> DemoData::addAccounts(const QString &orgId,
                                                       const QList<Coordinator> &coordinators)
{
    struct Wanted
    {
        QString username;
        QString displayName;
        Role role;
        QString orgId;
        QString coordinatorId;
    };
    const QList<Wanted> wanted{
        {QStringLiteral("ingrid"), QStringLiteral("Ingrid Bakke"), Role::Coordinator, orgId,
         coordinators[0].id},
        {QStringLiteral("per"), QStringLiteral("Per Haugen"), Role::Coordinator, orgId, coordinators[1].id},
        {QStringLiteral("orgadmin"), QStringLiteral("Hanne Lund (org admin)"), Role::OrgAdmin, orgId, {}},
        {QStringLiteral("globaladmin"), QStringLiteral("Global admin"), Role::GlobalAdmin, {}, {}}};
    QList<Account> accounts;
    for (const Wanted &w : wanted) {
        DirectoryService::NewUser u{w.username, w.displayName,   w.role,
                                    w.orgId,    w.coordinatorId, generatePassword()};
        auto added = m_directory.addUser(Caller::system(), u);
        if (!added) {
            if (added.error().code == ErrorCode::Conflict)
                continue; // a user of that name exists already: keep it
            return added.error();
        }
        accounts << Account{u.username, u.password, u.role, u.displayName};
    }
    return accounts;
}

Result<DemoData::Summary> DemoData::addRecords(qint64 count, const Progress &progress)
{
    if (count < 1 || count > 100'000'000)
        return Error::field(ErrorCode::Invalid, QStringLiteral("records"),
                            QStringLiteral("--records must be between 1 and 100000000."));
    const QString orgId = QString::fromLatin1(kOrgId);
    DirectoryRepository directory(m_db);
    auto org = directory.organisation(orgId);
    if (!org)
        return org.error();
    Summary summary;
    summary.orgId = orgId;
    if (!org->has_value()) {
        auto created = create();
        if (!created)
            return created.error();
        summary.accounts = created->accounts; // shown to the operator once, so passed on
    }
    auto coordinators = directory.coordinators(orgId);
    if (!coordinators)
        return coordinators.error();
    if (coordinators->isEmpty())
        return Error::invalid(QStringLiteral("The demo organisation has no coordinators."));

    // About 40 records a mentor: a pause and a resume every few months over several years.
    const qint64 mentorCount = qMax<qint64>(1, (count + kEventsPerMentor - 1) / kEventsPerMentor);
    // Seeded from the system's CSPRNG, not the clock: two calls at the same moment (a stopped
    // clock, or within one millisecond) must not draw the same mentor and record ids.
    QRandomGenerator rng(QRandomGenerator::system()->generate());
    const QDateTime now = m_clock.now();
    auto mentors = addBulkMentors(orgId, *coordinators, mentorCount, now, rng);
    if (!mentors)
        return mentors.error();
    summary.mentors = static_cast<int>(mentors->size());
    auto done = addBulkEvents(*mentors, *coordinators, count, now, progress, rng);
    if (!done)
        return done.error();
    if (auto s = m_db.checkpoint(); !s)
        return s.error();
    summary.records = *done;
    return summary;
}

Result<QList<PeerMentor>> DemoData::addBulkMentors(const QString &orgId,
                                                   const QList<Coordinator> &coordinators, qint64 mentorCount,
                                                   const QDateTime &now, QRandomGenerator &rng)
{
    const QString batchTag = QString::number(rng.generate(), 16).rightJustified(8, QLatin1Char('0'));
    QList<PeerMentor> mentors;
    for (qint64 i = 0; i < mentorCount; ++i) {
        PeerMentor m;
        m.id = QStringLiteral("pm_%1_%2").arg(batchTag).arg(i, 6, 10, QLatin1Char('0'));
        m.orgId = orgId;
        m.coordinatorId = coordinators.at(static_cast<int>(i % coordinators.size())).id;
        m.name = pick(kFirstNames, rng) + QLatin1Char(' ') + pick(kLastNames, rng);
        m.createdAt = now;
        mentors << m;
    }
    DirectoryRepository directory(m_db);
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    for (const PeerMentor &m : std::as_const(mentors))
        if (auto s = directory.insertPeerMentor(m); !s)
            return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return mentors;
}

Result<qint64> DemoData::addBulkEvents(const QList<PeerMentor> &mentors,
                                       const QList<Coordinator> &coordinators, qint64 count,
                                       const QDateTime &now, const Progress &progress, QRandomGenerator &rng)
{
    RecordRepository records(m_db);
    QSet<QString> ids;
    qint64 done = 0;
    constexpr int kBatch = 25000; // per transaction: fewer rewrites of the same index pages
    QList<NotificationRecord> pending;
    auto flush = [&]() -> Status {
        if (pending.isEmpty())
            return {};
        Transaction tx(m_db);
        if (!tx.begun())
            return tx.begun();
        if (auto s = records.insertBatch(pending); !s)
            return s;
        if (auto s = tx.commit(); !s)
            return s;
        done += pending.size();
        pending.clear();
        if (progress && !progress(done, count))
            return Error{ErrorCode::Conflict, QStringLiteral("Stopped."), {}, 0};
        return {};
    };

    // Event by event across all mentors, so records arrive roughly in time order: the time
    // indexes grow at their end instead of being rewritten all over for every batch.
    QHash<QString, QString> coordinatorNames;
    for (const Coordinator &c : coordinators)
        coordinatorNames.insert(c.id, c.name);
    const QDateTime from = now.addDays(-5 * 365);
    const qint64 step = from.secsTo(now.addDays(-1)) / (kEventsPerMentor + 1);
    for (int i = 0; i < kEventsPerMentor; ++i) {
        for (qsizetype n = 0; n < mentors.size(); ++n) {
            // Mentor n has kEventsPerMentor events, but the last ones share what is left of `count`.
            if (n * kEventsPerMentor + i >= count)
                continue;
            const PeerMentor &m = mentors.at(n);
            // Half the mentors were paused when the period began: the newest records mix both kinds.
            pending << eventOf(m, coordinatorNames.value(m.coordinatorId), from, step, i, n % 2 == 0, rng,
                               ids);
            if (pending.size() >= kBatch) {
                if (auto s = flush(); !s)
                    return s.error();
            }
        }
    }
    if (auto s = flush(); !s)
        return s.error();
    return done;
}

} // namespace cc
