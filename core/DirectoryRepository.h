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
    Result<std::optional<Coordinator>> coordinator(const QString &id);
    Result<QList<Coordinator>> coordinators(const QString &orgId); // empty orgId: all

    Status insertPeerMentor(const PeerMentor &mentor);
    Status updatePeerMentor(const PeerMentor &mentor);
    Result<std::optional<PeerMentor>> peerMentor(const QString &id);
    // Mentors of an organisation (empty: all), by name; `search` matches name, email or id.
    Result<QList<PeerMentor>> peerMentors(const QString &orgId, const QString &search = {});

private:
    Database &m_db;
};

} // namespace cc
