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
    // Every coordinator by default (names for history and statistics); pickers ask for Active.
    Result<QList<Coordinator>> coordinators(const Caller &caller, const QString &orgId = {},
                                            Activity activity = Activity::Any);
    Result<Coordinator> coordinator(const Caller &caller, const QString &id);
    // Name and email (ManageDirectory in its organisation).
    Result<Coordinator> updateCoordinator(const Caller &caller, const Coordinator &changed);
    // A coordinator who leaves is hidden from pickers; one with active peer mentors cannot leave
    // until they are moved (Conflict, naming how many).
    Status setCoordinatorActive(const Caller &caller, const QString &id, bool active);

    Result<PeerMentor> addPeerMentor(const Caller &caller, PeerMentor mentor);
    // What an import would do, or did: new mentors, existing ones (by id) whose details differ,
    // and the problems, each naming its line.
    struct ImportPlan
    {
        QList<PeerMentor> added;
        QList<PeerMentor> changed; // with the file's values
        int unchanged = 0;
        QList<FieldError> problems;
    };
    // Reads the directory and writes nothing: the preview of an import.
    Result<ImportPlan> planImport(const Caller &caller, const QList<ImportedMentor> &mentors);
    // Adds the new mentors and updates the changed ones in one transaction, or, when any line has a
    // problem, does nothing (Invalid, every problem naming its line).
    Result<ImportPlan> importPeerMentors(const Caller &caller, const QList<ImportedMentor> &mentors);
    Result<PeerMentor> peerMentor(const Caller &caller, const QString &id);
    // The caller's organisation's mentors (a global admin: every organisation's), as `query`
    // selects: the active ones by default.
    Result<QList<PeerMentor>> peerMentors(const Caller &caller, const MentorQuery &query = {});
    // Name, email, phone and coordinator. Org admins change any of their organisation's mentors;
    // a coordinator only the name, email and phone of her own (Action::EditMentorContact). A
    // mentor whose personal data were erased keeps her anonymous name and no contact (Conflict).
    Result<PeerMentor> updatePeerMentor(const Caller &caller, const PeerMentor &changed);
    // Gives every mentor in `mentorIds` to the (active) coordinator `coordinatorId`, all or none;
    // how many changed coordinator.
    Result<int> moveMentors(const Caller &caller, const QStringList &mentorIds, const QString &coordinatorId);
    // A mentor who leaves keeps her history; she gets no new records until reactivated. One whose
    // personal data were erased is not reactivated (Conflict).
    Status setPeerMentorActive(const Caller &caller, const QString &id, bool active);

    struct NewUser
    {
        QString username;
        QString displayName;
        Role role = Role::Coordinator;
        QString orgId;
        QString coordinatorId;
        QString password;
        // Someone else chose it (an admin, a generated one): changed at the first sign-in.
        bool mustChangePassword = true;
    };
    Result<User> addUser(const Caller &caller, const NewUser &input);
    Result<QList<User>> users(const Caller &caller);
    // A password set for someone else (a reset) must be changed at their next sign-in; one's own
    // does not.
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
    // Checks a new mentor (`before` null) or the new values of one; sets what the caller does not.
    Status validateMentor(const Caller &caller, PeerMentor &mentor, const PeerMentor *before = nullptr);
    Status checkContact(const QString &name, const QString &email, const QString &phone = {}) const;
    Result<Coordinator> activeCoordinatorIn(const QString &coordinatorId, const QString &orgId);
    Status requireManager(const Caller &caller, const QString &orgId) const;
    Result<User> manageableUser(const Caller &caller, const QString &userId);

    Database &m_db;
    const Clock &m_clock;
    DirectoryRepository m_directory;
    UserRepository m_users;
    AuditLog m_audit;
};

} // namespace cc
