#pragma once

#include "core/Caller.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/Directory.h"
#include "core/DirectoryService.h"

#include <functional>

class QRandomGenerator;

namespace cc {

// A believable Norwegian demo organisation, and bulk records for benchmarks and scale tests.
class DemoData
{
public:
    static constexpr auto kOrgId = "org_nhf_oslo";

    struct Account
    {
        QString username;
        QString password;
        Role role = Role::Coordinator;
        QString displayName;
    };
    struct Summary
    {
        QString orgId;
        int coordinators = 0;
        int mentors = 0;
        qint64 records = 0;
        QList<Account> accounts;
    };
    // Called now and then with the number done; return false to stop.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    DemoData(Database &db, DirectoryService &directory, const Clock &clock);

    // The organisation, 2 coordinators, 25 peer mentors, a year of pauses and resumes, and one
    // user of each role (their one-time passwords are in the summary).
    Result<Summary> create();
    // Adds `count` records across more mentors of the demo organisation (created first when
    // missing), in batched transactions.
    Result<Summary> addRecords(qint64 count, const Progress &progress = {});

private:
    static constexpr int kEventsPerMentor = 40; // addRecords(): a pause and a resume every few months

    Status addOrganisation(const QString &orgId);
    Result<QList<Coordinator>> addCoordinators(const QString &orgId);
    Result<QList<PeerMentor>> addMentors(const QString &orgId, const QList<Coordinator> &coordinators,
                                         QRandomGenerator &rng);
    Result<qint64> addYearOfEvents(const QList<PeerMentor> &mentors, const QList<Coordinator> &coordinators,
                                   QRandomGenerator &rng);
    Result<QList<Account>> addAccounts(const QString &orgId, const QList<Coordinator> &coordinators);
    Result<QList<PeerMentor>> addBulkMentors(const QString &orgId, const QList<Coordinator> &coordinators,
                                             qint64 mentorCount, const QDateTime &now, QRandomGenerator &rng);
    Result<qint64> addBulkEvents(const QList<PeerMentor> &mentors, const QList<Coordinator> &coordinators,
                                 qint64 count, const QDateTime &now, const Progress &progress,
                                 QRandomGenerator &rng);

    Database &m_db;
    DirectoryService &m_directory;
    const Clock &m_clock;
};

} // namespace cc
