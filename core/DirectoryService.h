#pragma once

#include "core/AuditLog.h"
#include "core/Clock.h"
#include "core/CsvImport.h"
#include "core/Database.h"
#include "core/DirectoryRepository.h"
#include "core/UserRepository.h"

#include <QObject>

#include <functional>
#include <optional>

namespace cc {

// Organisations, coordinators, peer mentors and users: who exists and who may manage whom.
// Global admins manage everything; org admins manage their own organisation; coordinators read.
class DirectoryService : public QObject
{
    Q_OBJECT
public:
    DirectoryService(Database &db, const Clock &clock, QObject *parent = nullptr);

    Result<Organisation> addOrganisation(const Caller &caller, Organisation org);
    Result<Organisation> organisation(const Caller &caller, const QString &id);
    Result<QList<Organisation>> organisations(const Caller &caller);

    Result<Coordinator> addCoordinator(const Caller &caller, Coordinator coordinator);
    Result<QList<Coordinator>> coordinators(const Caller &caller, const QString &orgId = {});
    Result<Coordinator> coordinator(const Caller &caller, const QString &id);

    Result<PeerMentor> addPeerMentor(const Caller &caller, PeerMentor mentor);
    // Adds every mentor or none: each problem names the line it is on.
    Result<int> importPeerMentors(const Caller &caller, const QList<ImportedMentor> &mentors);
    Result<PeerMentor> peerMentor(const Caller &caller, const QString &id);
    Result<QList<PeerMentor>> peerMentors(const Caller &caller, const QString &search = {});

    struct NewUser
    {
        QString username;
        QString displayName;
        Role role = Role::Coordinator;
        QString orgId;
        QString coordinatorId;
        QString password;
    };
    Result<User> addUser(const Caller &caller, const NewUser &input);
    Result<QList<User>> users(const Caller &caller);
    Status setPassword(const Caller &caller, const QString &userId, const QString &password);
    Status setRole(const Caller &caller, const QString &userId, Role role);
    Status setDisabled(const Caller &caller, const QString &userId, bool disabled);

    // The first start: `create` makes an organisation and its first users (see the overload, or
    // the demo data) in one transaction with this check. With no caller (nobody can sign in yet)
    // it runs only while the database has no user at all; a signed-in caller needs
    // Action::RunSetup. `create` runs as Caller::system().
    Status setUp(const std::optional<Caller> &caller, const std::function<Status(const Caller &)> &create);
    struct FirstOrganisation
    {
        Organisation organisation;
        QString adminUsername;
        QString adminName;
        QString password;
    };
    // A new organisation and its first org admin.
    Result<User> setUp(const std::optional<Caller> &caller, const FirstOrganisation &input);

    static constexpr int kMinPasswordLength = 10;
    static Status validatePassword(const QString &password);

signals:
    void directoryChanged();
    void usersChanged();

private:
    Status validateMentor(const Caller &caller, PeerMentor &mentor);
    Status requireManager(const Caller &caller, const QString &orgId) const;
    Result<User> manageableUser(const Caller &caller, const QString &userId);

    Database &m_db;
    const Clock &m_clock;
    DirectoryRepository m_directory;
    UserRepository m_users;
    AuditLog m_audit;
};

} // namespace cc
