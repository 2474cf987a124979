#pragma once

#include "core/Database.h"
#include "core/Directory.h"

#include <optional>

namespace cc {

// Organisations, coordinators and peer mentors.
class DirectoryRepository
{
public:
    explicit DirectoryRepository(Database &db)
        : m_db(db)
    {}

    Status insertOrganisation(const Organisation &org);
    Result<std::optional<Organisation>> organisation(const QString &id);
    Result<QList<Organisation>> organisations();

    Status insertCoordinator(const Coordinator &coordinator);
    Status updateCoordinator(const Coordinator &coordinator); // name, email, deactivated_at
    Result<std::optional<Coordinator>> coordinator(const QString &id);
    // Of an organisation (empty orgId: all), by name.
    Result<QList<Coordinator>> coordinators(const QString &orgId, Activity activity = Activity::Any);
    // How many active peer mentors have this coordinator.
    Result<int> activeMentorsOf(const QString &coordinatorId);

    Status insertPeerMentor(const PeerMentor &mentor);
    // coordinator, name, email, phone, deactivated_at
    Status updatePeerMentor(const PeerMentor &mentor);
    Result<std::optional<PeerMentor>> peerMentor(const QString &id);
    // Mentors of an organisation (empty: all), by name, as `query` selects.
    Result<QList<PeerMentor>> peerMentors(const QString &orgId, const MentorQuery &query = {});

private:
    Database &m_db;
};

} // namespace cc
