#include "core/DirectoryService.h"

#include "core/Defaults.h"
#include "core/Fields.h"
#include "core/Ids.h"
#include "core/Passwords.h"
#include "core/Permissions.h"
#include "core/Templates.h"
#include "core/TimeText.h"

#include <QRegularExpression>

namespace cc {

namespace {

constexpr int kMaxName = 200;

bool looksLikeEmail(const QString &email)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return email.isEmpty() || (email.size() <= 254 && re.match(email).hasMatch());
}

bool looksLikePhone(const QString &phone)
{
    static const QRegularExpression re(QStringLiteral("^\\+?[0-9 ()-]{3,32}$"));
    return phone.isEmpty() || re.match(phone).hasMatch();
}

Status checkId(const QString &id, const QString &field)
{
    if (!isValidEntityId(id))
        return Error::field(
            ErrorCode::Invalid, field,
            QStringLiteral("%1 “%2” is not valid: use 1 to 64 letters, digits, “_”, “.” or “-”.")
                .arg(field, id));
    return {};
}

Status checkName(const QString &name, const QString &field)
{
    if (name.trimmed().isEmpty())
        return Error::field(ErrorCode::Invalid, field, QStringLiteral("%1 must not be empty.").arg(field));
    if (name.size() > kMaxName)
        return Error::field(ErrorCode::Invalid, field,
                            QStringLiteral("%1 must be at most %2 characters.").arg(field).arg(kMaxName));
    return {};
}

// `what` with its article: "an organisation", "a coordinator".
Error exists(const QString &what, const QString &id)
{
    return Error{ErrorCode::Conflict, QStringLiteral("%1 with id “%2” exists already.").arg(what, id), {}, 0};
}

} // namespace

DirectoryService::DirectoryService(Database &db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_directory(db)
    , m_users(db)
    , m_audit(db, clock)
{}

Status DirectoryService::requireManager(const Caller &caller, const QString &orgId) const
{
    if (auto s = require(caller, Action::ManageDirectory); !s)
        return s;
    if (caller.canSee(orgId))
        return {};
    return Error::forbidden(QString::fromUtf8(permission(Action::ManageDirectory).refusal));
}

Status DirectoryService::validatePassword(const QString &password)
{
    if (password.size() < kMinPasswordLength)
        return Error::field(
            ErrorCode::Invalid, field::Password,
            QStringLiteral("The password must be at least %1 characters.").arg(kMinPasswordLength));
    if (password.size() > 1024)
        return Error::field(ErrorCode::Invalid, field::Password, QStringLiteral("The password is too long."));
    return {};
}

Status DirectoryService::setUp(const std::optional<Caller> &caller,
                               const std::function<Status(const Caller &)> &create)
{
    if (caller)
        if (auto s = require(*caller, Action::RunSetup); !s)
            return s;
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    if (!caller) {
        auto any = m_users.anyUser();
        if (!any)
            return any.error();
        if (*any)
            return Error::forbidden(QString::fromUtf8(permission(Action::RunSetup).refusal));
    }
    if (auto s = create(Caller::system()); !s)
        return s;
    return tx.commit();
}

Result<User> DirectoryService::setUp(const std::optional<Caller> &caller, const FirstOrganisation &input)
{
    User admin;
    const Status done = setUp(caller, [&](const Caller &system) -> Status {
        auto org = addOrganisation(system, input.organisation);
        if (!org)
            return org.error();
        NewUser user{input.adminUsername, input.adminName, Role::OrgAdmin, org->id, {}, input.password};
        auto added = addUser(system, user);
        if (!added)
            return added.error();
        admin = *added;
        return {};
    });
    if (!done)
        return done.error();
    return admin;
}

Result<Organisation> DirectoryService::addOrganisation(const Caller &caller, Organisation org)
{
    if (auto s = require(caller, Action::ManageOrganisations); !s)
        return s.error();
    if (auto s = checkId(org.id, field::Id); !s)
        return s.error();
    if (auto s = checkName(org.name, field::Name); !s)
        return s.error();
    if (!templates::isLocale(org.locale))
        return Error::field(ErrorCode::Invalid, field::Locale,
                            QStringLiteral("locale must be “en” or “nb”."));
    if (!isKnownTimeZone(org.timeZone))
        return Error::field(ErrorCode::Invalid, field::TimeZone,
                            QStringLiteral("time_zone “%1” is not a known time zone (try %2).")
                                .arg(org.timeZone, kDefaultTimeZone));
    org.name = org.name.trimmed();
    org.createdAt = m_clock.now();
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    if (auto s = m_directory.insertOrganisation(org); !s)
        return s.error().code == ErrorCode::Conflict ? exists(QStringLiteral("An organisation"), org.id)
                                                     : s.error();
    if (auto s = m_audit.write(caller, org.id, QStringLiteral("organisation.create"),
                               QStringLiteral("organisation"), org.id);
        !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    emit directoryChanged();
    return org;
}

Result<Organisation> DirectoryService::organisation(const Caller &caller, const QString &id)
{
    auto org = m_directory.organisation(id);
    if (!org)
        return org.error();
    if (!org->has_value() || !caller.canSee(id))
        return Error::notFound(QStringLiteral("No organisation with id “%1”.").arg(id));
    return **org;
}

Result<QList<Organisation>> DirectoryService::organisations(const Caller &caller)
{
    auto all = m_directory.organisations();
    if (!all)
        return all.error();
    QList<Organisation> out;
    for (const Organisation &o : std::as_const(*all))
        if (caller.canSee(o.id))
            out.append(o);
    return out;
}

Result<Coordinator> DirectoryService::addCoordinator(const Caller &caller, Coordinator c)
{
    if (auto s = checkId(c.id, field::Id); !s)
        return s.error();
    if (auto s = checkName(c.name, field::Name); !s)
        return s.error();
    if (!looksLikeEmail(c.email))
        return Error::field(ErrorCode::Invalid, field::Email,
                            QStringLiteral("“%1” is not an email address.").arg(c.email));
    if (auto org = organisation(caller, c.orgId); !org)
        return Error::field(ErrorCode::NotFound, QStringLiteral("org"),
                            QStringLiteral("No organisation with id “%1”.").arg(c.orgId));
    if (auto s = requireManager(caller, c.orgId); !s)
        return s.error();
    c.name = c.name.trimmed();
    c.createdAt = m_clock.now();
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    if (auto s = m_directory.insertCoordinator(c); !s)
        return s.error().code == ErrorCode::Conflict ? exists(QStringLiteral("A coordinator"), c.id)
                                                     : s.error();
    if (auto s = m_audit.write(caller, c.orgId, QStringLiteral("coordinator.create"),
                               QStringLiteral("coordinator"), c.id);
        !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    emit directoryChanged();
    return c;
}

Result<QList<Coordinator>> DirectoryService::coordinators(const Caller &caller, const QString &orgId)
{
    // Only a global admin may see every organisation's (an empty scope); anyone else without an
    // organisation sees nothing.
    if (!caller.isGlobalAdmin() && caller.orgId.isEmpty())
        return QList<Coordinator>();
    return m_directory.coordinators(caller.isGlobalAdmin() ? orgId : caller.orgId);
}

Result<Coordinator> DirectoryService::coordinator(const Caller &caller, const QString &id)
{
    auto c = m_directory.coordinator(id);
    if (!c)
        return c.error();
    if (!c->has_value() || !caller.canSee((*c)->orgId))
        return Error::notFound(QStringLiteral("No coordinator with id “%1”.").arg(id));
    return **c;
}

Status DirectoryService::validateMentor(const Caller &caller, PeerMentor &m)
{
    if (auto s = checkId(m.id, field::Id); !s)
        return s;
    if (auto s = checkName(m.name, field::Name); !s)
        return s;
    if (!looksLikeEmail(m.email))
        return Error::field(ErrorCode::Invalid, field::Email,
                            QStringLiteral("“%1” is not an email address.").arg(m.email));
    if (!looksLikePhone(m.phone))
        return Error::field(ErrorCode::Invalid, field::Phone,
                            QStringLiteral("“%1” is not a phone number.").arg(m.phone));
    if (auto org = organisation(caller, m.orgId); !org)
        return Error::field(ErrorCode::NotFound, QStringLiteral("org"),
                            QStringLiteral("No organisation with id “%1”.").arg(m.orgId));
    if (auto s = requireManager(caller, m.orgId); !s)
        return s;
    if (!m.coordinatorId.isEmpty()) {
        auto c = m_directory.coordinator(m.coordinatorId);
        if (!c)
            return c.error();
        if (!c->has_value() || (*c)->orgId != m.orgId)
            return Error::field(ErrorCode::Unprocessable, QStringLiteral("coordinator"),
                                QStringLiteral("No coordinator with id “%1” in organisation “%2”.")
                                    .arg(m.coordinatorId, m.orgId));
    }
    m.name = m.name.trimmed();
    m.createdAt = m_clock.now();
    return {};
}

Result<PeerMentor> DirectoryService::addPeerMentor(const Caller &caller, PeerMentor m)
{
    if (auto s = validateMentor(caller, m); !s)
        return s.error();
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    if (auto s = m_directory.insertPeerMentor(m); !s)
        return s.error().code == ErrorCode::Conflict ? exists(QStringLiteral("A peer mentor"), m.id)
                                                     : s.error();
    if (auto s = m_audit.write(caller, m.orgId, QStringLiteral("peer_mentor.create"),
                               QStringLiteral("peer_mentor"), m.id);
        !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    emit directoryChanged();
    return m;
}

Result<int> DirectoryService::importPeerMentors(const Caller &caller, const QList<ImportedMentor> &mentors)
{
    QList<FieldError> problems;
    QList<PeerMentor> valid;
    QHash<QString, int> seen;
    for (const ImportedMentor &row : mentors) {
        PeerMentor m = row.mentor;
        const QString where = QStringLiteral("Line %1: ").arg(row.line);
        if (auto s = validateMentor(caller, m); !s) {
            problems << FieldError{s.error().fields.value(0).field, where + s.error().message, row.line, 0};
            continue;
        }
        if (seen.contains(m.id)) {
            problems << FieldError{
                QStringLiteral("id"),
                where + QStringLiteral("the id “%1” is on line %2 already.").arg(m.id).arg(seen.value(m.id)),
                row.line, 0};
            continue;
        }
        if (auto existing = m_directory.peerMentor(m.id); existing && existing->has_value()) {
            problems << FieldError{
                QStringLiteral("id"),
                where + QStringLiteral("a peer mentor with id “%1” exists already.").arg(m.id), row.line, 0};
            continue;
        }
        seen.insert(m.id, row.line);
        valid.append(m);
    }
    if (!problems.isEmpty())
        return Error::invalid(QStringLiteral("Nothing was imported: %1 problem(s). %2")
                                  .arg(problems.size())
                                  .arg(problems.first().message),
                              problems);
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    for (const PeerMentor &m : std::as_const(valid)) {
        if (auto s = m_directory.insertPeerMentor(m); !s)
            return s.error().code == ErrorCode::Conflict ? exists(QStringLiteral("A peer mentor"), m.id)
                                                         : s.error();
        if (auto s = m_audit.write(caller, m.orgId, QStringLiteral("peer_mentor.import"),
                                   QStringLiteral("peer_mentor"), m.id);
            !s)
            return s.error();
    }
    if (auto s = tx.commit(); !s)
        return s.error();
    emit directoryChanged();
    return static_cast<int>(valid.size());
}

Result<PeerMentor> DirectoryService::peerMentor(const Caller &caller, const QString &id)
{
    auto m = m_directory.peerMentor(id);
    if (!m)
        return m.error();
    if (!m->has_value() || !caller.canSee((*m)->orgId))
        return Error::notFound(QStringLiteral("No peer mentor with this id."));
    return **m;
}

Result<QList<PeerMentor>> DirectoryService::peerMentors(const Caller &caller, const QString &search)
{
    if (!caller.isGlobalAdmin() && caller.orgId.isEmpty())
        return QList<PeerMentor>();
    return m_directory.peerMentors(caller.isGlobalAdmin() ? QString() : caller.orgId, search.trimmed());
}

Result<User> DirectoryService::addUser(const Caller &caller, const NewUser &input)
{
    static const QRegularExpression usernameRe(QStringLiteral("^[a-z0-9][a-z0-9._-]{1,63}$"));
    if (!usernameRe.match(input.username).hasMatch())
        return Error::field(
            ErrorCode::Invalid, field::Username,
            QStringLiteral("A username is 2 to 64 lowercase letters, digits, “.”, “_” or “-”."));
    if (auto s = validatePassword(input.password); !s)
        return s.error();
    User u;
    u.id = randomId(QStringLiteral("user_"));
    u.username = input.username;
    u.displayName = input.displayName.trimmed().isEmpty() ? input.username : input.displayName.trimmed();
    u.role = input.role;
    if (input.role == Role::GlobalAdmin) {
        if (auto s = require(caller, Action::ManageGlobalAdmins); !s)
            return s.error();
        if (!input.orgId.isEmpty())
            return Error::field(ErrorCode::Invalid, QStringLiteral("org"),
                                QStringLiteral("A global admin belongs to no organisation."));
    } else {
        if (input.orgId.isEmpty())
            return Error::field(
                ErrorCode::Invalid, QStringLiteral("org"),
                QStringLiteral("A %1 must belong to an organisation (--org).").arg(roleName(input.role)));
        if (auto org = organisation(caller, input.orgId); !org)
            return Error::field(ErrorCode::NotFound, QStringLiteral("org"),
                                QStringLiteral("No organisation with id “%1”.").arg(input.orgId));
        if (auto s = requireManager(caller, input.orgId); !s)
            return s.error();
        u.orgId = input.orgId;
    }
    if (input.role == Role::Coordinator) {
        if (input.coordinatorId.isEmpty())
            return Error::field(
                ErrorCode::Invalid, QStringLiteral("coordinator"),
                QStringLiteral("A coordinator user must be linked to a coordinator (--coordinator)."));
    }
    if (!input.coordinatorId.isEmpty()) {
        auto c = m_directory.coordinator(input.coordinatorId);
        if (!c)
            return c.error();
        if (!c->has_value() || (*c)->orgId != u.orgId)
            return Error::field(ErrorCode::Unprocessable, QStringLiteral("coordinator"),
                                QStringLiteral("No coordinator with id “%1” in organisation “%2”.")
                                    .arg(input.coordinatorId, u.orgId));
        u.coordinatorId = input.coordinatorId;
    }
    auto hash = hashPassword(input.password);
    if (!hash)
        return hash.error();
    u.passwordHash = *hash;
    u.createdAt = m_clock.now();
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    if (auto s = m_users.insertUser(u); !s) {
        if (s.error().code == ErrorCode::Conflict)
            return Error{
                ErrorCode::Conflict, QStringLiteral("The username “%1” is taken.").arg(u.username), {}, 0};
        return s.error();
    }
    if (auto s = m_audit.write(caller, u.orgId, QStringLiteral("user.create"), QStringLiteral("user"), u.id,
                               roleName(u.role));
        !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    emit usersChanged();
    return u;
}

Result<QList<User>> DirectoryService::users(const Caller &caller)
{
    if (auto s = require(caller, Action::ManageUsers); !s)
        return s.error();
    return m_users.users(caller.isGlobalAdmin() ? QString() : caller.orgId);
}

Result<User> DirectoryService::manageableUser(const Caller &caller, const QString &userId)
{
    auto u = m_users.user(userId);
    if (!u)
        return u.error();
    if (!u->has_value() || !caller.canSee((*u)->orgId.isEmpty() ? QStringLiteral("\x01") : (*u)->orgId))
        return Error::notFound(QStringLiteral("No user with this id."));
    if (auto s = requireManager(caller, (*u)->orgId); !s)
        return s.error();
    if ((*u)->role == Role::GlobalAdmin)
        if (auto s = require(caller, Action::ManageGlobalAdmins); !s)
            return s.error();
    return **u;
}

Status DirectoryService::setPassword(const Caller &caller, const QString &userId, const QString &password)
{
    if (auto s = validatePassword(password); !s)
        return s;
    User u;
    if (caller.userId == userId) {
        // Everyone may change their own password.
        auto self = m_users.user(userId);
        if (!self)
            return self.error();
        if (!self->has_value())
            return Error::notFound(QStringLiteral("No user with this id."));
        u = **self;
    } else {
        auto managed = manageableUser(caller, userId);
        if (!managed)
            return managed.error();
        u = *managed;
    }
    auto hash = hashPassword(password);
    if (!hash)
        return hash.error();
    u.passwordHash = *hash;
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    if (auto s = m_users.updateUser(u); !s)
        return s;
    // A new password ends every session of the old one.
    if (auto s = m_users.revokeTokensOfUser(u.id, m_clock.now()); !s)
        return s;
    if (auto s =
            m_audit.write(caller, u.orgId, QStringLiteral("user.password"), QStringLiteral("user"), u.id);
        !s)
        return s;
    if (auto s = tx.commit(); !s)
        return s;
    emit usersChanged();
    return {};
}

Status DirectoryService::setRole(const Caller &caller, const QString &userId, Role role)
{
    auto u = manageableUser(caller, userId);
    if (!u)
        return u.error();
    if (role == Role::GlobalAdmin)
        return Error::invalid(
            QStringLiteral("Create a global admin as a new user; an organisation's user cannot become one."));
    if (u->role == Role::GlobalAdmin)
        return Error::invalid(QStringLiteral("A global admin's role cannot be changed."));
    if (role == Role::Coordinator && u->coordinatorId.isEmpty())
        return Error::field(ErrorCode::Invalid, field::Role,
                            QStringLiteral("A coordinator user must be linked to a coordinator first."));
    u->role = role;
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    if (auto s = m_users.updateUser(*u); !s)
        return s;
    if (auto s = m_audit.write(caller, u->orgId, QStringLiteral("user.role"), QStringLiteral("user"), u->id,
                               roleName(role));
        !s)
        return s;
    if (auto s = tx.commit(); !s)
        return s;
    emit usersChanged();
    return {};
}

Status DirectoryService::setDisabled(const Caller &caller, const QString &userId, bool disabled)
{
    if (caller.userId == userId)
        return Error::invalid(QStringLiteral("You cannot disable yourself."));
    auto u = manageableUser(caller, userId);
    if (!u)
        return u.error();
    u->disabled = disabled;
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    if (auto s = m_users.updateUser(*u); !s)
        return s;
    if (disabled) {
        if (auto s = m_users.revokeTokensOfUser(u->id, m_clock.now()); !s)
            return s;
    }
    if (auto s = m_audit.write(caller, u->orgId,
                               disabled ? QStringLiteral("user.disable") : QStringLiteral("user.enable"),
                               QStringLiteral("user"), u->id);
        !s)
        return s;
    if (auto s = tx.commit(); !s)
        return s;
    emit usersChanged();
    return {};
}

} // namespace cc
