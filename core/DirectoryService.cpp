#include "core/DirectoryService.h"

#include "core/ChangeFeed.h"
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

// A mentor whose personal data were erased keeps her anonymous name and no contact details, and
// does not come back (PersonalDataService::eraseMentor).
Error erased(const PeerMentor &m)
{
    return Error::field(
        ErrorCode::Conflict, field::Id,
        QStringLiteral("The personal data of peer mentor %1 were erased; her details cannot be "
                       "changed and she cannot be reactivated.")
            .arg(m.id));
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
        // The first admin chose the password in the setup: nothing to change.
        NewUser user{
            input.adminUsername, input.adminName, Role::OrgAdmin, org->id, {}, input.password, false};
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
    if (auto s = checkContact(c.name, c.email); !s)
        return s.error();
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
    if (auto s = appendChange(m_db, m_clock, ChangeKind::CoordinatorChanged, c.orgId, c.id); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    emit directoryChanged();
    return c;
}

Result<QList<Coordinator>> DirectoryService::coordinators(const Caller &caller, const QString &orgId,
                                                          Activity activity)
{
    // Only a global admin may see every organisation's (an empty scope); anyone else without an
    // organisation sees nothing.
    if (!caller.isGlobalAdmin() && caller.orgId.isEmpty())
        return QList<Coordinator>();
    return m_directory.coordinators(caller.isGlobalAdmin() ? orgId : caller.orgId, activity);
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

Status DirectoryService::validateMentor(const Caller &caller, PeerMentor &m, const PeerMentor *before)
{
    if (auto s = checkId(m.id, field::Id); !s)
        return s;
    if (auto s = checkContact(m.name, m.email, m.phone); !s)
        return s;
    if (auto org = organisation(caller, m.orgId); !org)
        return Error::field(ErrorCode::NotFound, QStringLiteral("org"),
                            QStringLiteral("No organisation with id “%1”.").arg(m.orgId));
    if (auto s = requireManager(caller, m.orgId); !s)
        return s;
    if (before && before->erased()
        && (m.name.trimmed() != before->name || m.email != before->email || m.phone != before->phone))
        return erased(*before);
    // A new mentor, or one who changes coordinator, needs one who is there (active).
    if (!m.coordinatorId.isEmpty() && (!before || before->coordinatorId != m.coordinatorId))
        if (auto c = activeCoordinatorIn(m.coordinatorId, m.orgId); !c)
            return c.error();
    m.name = m.name.trimmed();
    m.createdAt = before ? before->createdAt : m_clock.now();
    if (before) {
        m.deactivatedAt = before->deactivatedAt;
        m.erasedAt = before->erasedAt;
    }
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
    if (auto s = appendChange(m_db, m_clock, ChangeKind::PeerMentorChanged, m.orgId, m.id); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    emit directoryChanged();
    return m;
}

Result<DirectoryService::ImportPlan> DirectoryService::planImport(const Caller &caller,
                                                                  const QList<ImportedMentor> &mentors)
{
    ImportPlan plan;
    QHash<QString, int> seen;
    for (const ImportedMentor &row : mentors) {
        PeerMentor m = row.mentor;
        const QString where = QStringLiteral("Line %1: ").arg(row.line);
        auto problem = [&](const QString &field, const QString &message) {
            plan.problems << FieldError{field, where + message, row.line, 0};
        };
        if (seen.contains(m.id)) {
            problem(field::Id,
                    QStringLiteral("the id “%1” is on line %2 already.").arg(m.id).arg(seen.value(m.id)));
            continue;
        }
        auto existing = m_directory.peerMentor(m.id);
        if (!existing)
            return existing.error();
        if (existing->has_value()) {
            const PeerMentor &before = **existing;
            if (before.orgId != m.orgId || !caller.canSee(before.orgId)) {
                // The same words whether or not the caller may see the other organisation's mentor.
                problem(field::Id,
                        QStringLiteral("the id “%1” is taken by a peer mentor of another "
                                       "organisation; choose another id.")
                            .arg(m.id));
                continue;
            }
            // A column the file lacks keeps what is stored.
            if (!row.hasCoordinator)
                m.coordinatorId = before.coordinatorId;
            if (!row.hasEmail)
                m.email = before.email;
            if (!row.hasPhone)
                m.phone = before.phone;
        }
        const PeerMentor *before = existing->has_value() ? &**existing : nullptr;
        if (auto s = validateMentor(caller, m, before); !s) {
            problem(s.error().fields.value(0).field, s.error().message);
            continue;
        }
        seen.insert(m.id, row.line);
        if (!before)
            plan.added << m;
        else if (m.name == before->name && m.email == before->email && m.phone == before->phone
                 && m.coordinatorId == before->coordinatorId)
            ++plan.unchanged;
        else
            plan.changed << m;
    }
    return plan;
}

Result<DirectoryService::ImportPlan> DirectoryService::importPeerMentors(const Caller &caller,
                                                                         const QList<ImportedMentor> &mentors)
{
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    // Planned inside the transaction: what it compares with is what it changes.
    auto plan = planImport(caller, mentors);
    if (!plan)
        return plan.error();
    if (!plan->problems.isEmpty())
        return Error::invalid(QStringLiteral("Nothing was imported: %1 problem(s). %2")
                                  .arg(plan->problems.size())
                                  .arg(plan->problems.first().message),
                              plan->problems);
    for (const PeerMentor &m : std::as_const(plan->added)) {
        if (auto s = m_directory.insertPeerMentor(m); !s)
            return s.error().code == ErrorCode::Conflict ? exists(QStringLiteral("A peer mentor"), m.id)
                                                         : s.error();
        if (auto s = m_audit.write(caller, m.orgId, QStringLiteral("peer_mentor.import"),
                                   QStringLiteral("peer_mentor"), m.id);
            !s)
            return s.error();
        if (auto s = appendChange(m_db, m_clock, ChangeKind::PeerMentorChanged, m.orgId, m.id); !s)
            return s.error();
    }
    for (const PeerMentor &m : std::as_const(plan->changed)) {
        if (auto s = m_directory.updatePeerMentor(m); !s)
            return s.error();
        if (auto s = m_audit.write(caller, m.orgId, QStringLiteral("peer_mentor.update"),
                                   QStringLiteral("peer_mentor"), m.id, QStringLiteral("import"));
            !s)
            return s.error();
        if (auto s = appendChange(m_db, m_clock, ChangeKind::PeerMentorChanged, m.orgId, m.id); !s)
            return s.error();
    }
    if (auto s = tx.commit(); !s)
        return s.error();
    if (!plan->added.isEmpty() || !plan->changed.isEmpty())
        emit directoryChanged();
    return *plan;
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

Result<QList<PeerMentor>> DirectoryService::peerMentors(const Caller &caller, const MentorQuery &query)
{
    if (!caller.isGlobalAdmin() && caller.orgId.isEmpty())
        return QList<PeerMentor>();
    auto scope = caller.scopeOrg(query.orgId);
    if (!scope)
        return scope.error();
    return m_directory.peerMentors(*scope, query);
}

Status DirectoryService::checkContact(const QString &name, const QString &email, const QString &phone) const
{
    if (auto s = checkName(name, field::Name); !s)
        return s;
    if (!looksLikeEmail(email))
        return Error::field(ErrorCode::Invalid, field::Email,
                            QStringLiteral("“%1” is not an email address.").arg(email));
    if (!looksLikePhone(phone))
        return Error::field(ErrorCode::Invalid, field::Phone,
                            QStringLiteral("“%1” is not a phone number.").arg(phone));
    return {};
}

Result<Coordinator> DirectoryService::activeCoordinatorIn(const QString &coordinatorId, const QString &orgId)
{
    auto c = m_directory.coordinator(coordinatorId);
    if (!c)
        return c.error();
    if (!c->has_value() || (*c)->orgId != orgId)
        return Error::field(
            ErrorCode::Unprocessable, field::CoordinatorId,
            QStringLiteral("No coordinator with id “%1” in organisation “%2”.").arg(coordinatorId, orgId));
    if (!(*c)->active())
        return Error::field(
            ErrorCode::Unprocessable, field::CoordinatorId,
            QStringLiteral("The coordinator “%1” has left (inactive); choose another one.").arg((*c)->name));
    return **c;
}

Result<PeerMentor> DirectoryService::updatePeerMentor(const Caller &caller, const PeerMentor &changed)
{
    auto found = peerMentor(caller, changed.id);
    if (!found)
        return found.error();
    const PeerMentor before = *found;
    PeerMentor m = before;
    m.name = changed.name.trimmed();
    m.email = changed.email.trimmed();
    m.phone = changed.phone.trimmed();
    m.coordinatorId = changed.coordinatorId;
    if (auto s = require(caller, Action::EditMentorContact); !s)
        return s.error();
    const bool movesHer = m.coordinatorId != before.coordinatorId;
    if (!may(caller, Action::ManageDirectory)) {
        // A coordinator: the contact details of her own mentors, nothing else.
        if (before.coordinatorId.isEmpty() || before.coordinatorId != caller.coordinatorId)
            return Error::forbidden(QString::fromUtf8(permission(Action::EditMentorContact).refusal));
        if (movesHer)
            return Error::forbidden(QString::fromUtf8(permission(Action::ManageDirectory).refusal));
    }
    if (auto s = checkContact(m.name, m.email, m.phone); !s)
        return s.error();
    if (before.erased() && (m.name != before.name || m.email != before.email || m.phone != before.phone))
        return erased(before);
    if (movesHer && !m.coordinatorId.isEmpty())
        if (auto c = activeCoordinatorIn(m.coordinatorId, m.orgId); !c)
            return c.error();
    QStringList what; // the names of the fields that changed, never their values
    if (m.name != before.name)
        what << field::Name;
    if (m.email != before.email)
        what << field::Email;
    if (m.phone != before.phone)
        what << field::Phone;
    if (movesHer)
        what << field::CoordinatorId;
    if (what.isEmpty())
        return m;
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    if (auto s = m_directory.updatePeerMentor(m); !s)
        return s.error();
    if (auto s = m_audit.write(caller, m.orgId, QStringLiteral("peer_mentor.update"),
                               QStringLiteral("peer_mentor"), m.id, what.join(QStringLiteral(", ")));
        !s)
        return s.error();
    if (auto s = appendChange(m_db, m_clock, ChangeKind::PeerMentorChanged, m.orgId, m.id); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    emit directoryChanged();
    return m;
}

Result<int> DirectoryService::moveMentors(const Caller &caller, const QStringList &mentorIds,
                                          const QString &coordinatorId)
{
    if (auto s = require(caller, Action::ManageDirectory); !s)
        return s.error();
    if (mentorIds.isEmpty())
        return Error::field(ErrorCode::Invalid, field::PeerMentorId,
                            QStringLiteral("Choose at least one peer mentor to move."));
    auto target = m_directory.coordinator(coordinatorId);
    if (!target)
        return target.error();
    if (!target->has_value() || !caller.canSee((*target)->orgId))
        return Error::field(ErrorCode::NotFound, field::CoordinatorId,
                            QStringLiteral("No coordinator with id “%1”.").arg(coordinatorId));
    const Coordinator to = **target;
    if (auto s = requireManager(caller, to.orgId); !s)
        return s.error();
    if (auto c = activeCoordinatorIn(to.id, to.orgId); !c)
        return c.error();
    QList<PeerMentor> moving;
    for (const QString &id : mentorIds) {
        auto m = peerMentor(caller, id);
        if (!m)
            return Error::field(m.error().code, field::PeerMentorId,
                                QStringLiteral("No peer mentor with id “%1”.").arg(id));
        if (m->orgId != to.orgId)
            return Error::field(ErrorCode::Unprocessable, field::PeerMentorId,
                                QStringLiteral("The peer mentor “%1” is not in the organisation of “%2”.")
                                    .arg(m->name, to.name));
        if (m->coordinatorId != to.id)
            moving << *m;
    }
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    for (PeerMentor m : std::as_const(moving)) {
        const QString from = m.coordinatorId;
        m.coordinatorId = to.id;
        if (auto s = m_directory.updatePeerMentor(m); !s)
            return s.error();
        if (auto s = m_audit.write(
                caller, m.orgId, QStringLiteral("peer_mentor.move"), QStringLiteral("peer_mentor"), m.id,
                QStringLiteral("%1 → %2").arg(from.isEmpty() ? QStringLiteral("–") : from, to.id));
            !s)
            return s.error();
        if (auto s = appendChange(m_db, m_clock, ChangeKind::PeerMentorChanged, m.orgId, m.id); !s)
            return s.error();
    }
    if (auto s = tx.commit(); !s)
        return s.error();
    if (!moving.isEmpty())
        emit directoryChanged();
    return static_cast<int>(moving.size());
}

Status DirectoryService::setPeerMentorActive(const Caller &caller, const QString &id, bool active)
{
    auto found = peerMentor(caller, id);
    if (!found)
        return found.error();
    PeerMentor m = *found;
    if (auto s = requireManager(caller, m.orgId); !s)
        return s;
    if (m.active() == active)
        return {};
    if (active && m.erased())
        return erased(m);
    m.deactivatedAt = active ? QDateTime() : m_clock.now();
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    if (auto s = m_directory.updatePeerMentor(m); !s)
        return s;
    if (auto s = m_audit.write(caller, m.orgId,
                               active ? QStringLiteral("peer_mentor.reactivate")
                                      : QStringLiteral("peer_mentor.deactivate"),
                               QStringLiteral("peer_mentor"), m.id);
        !s)
        return s;
    if (auto s = appendChange(m_db, m_clock, ChangeKind::PeerMentorChanged, m.orgId, m.id); !s)
        return s;
    if (auto s = tx.commit(); !s)
        return s;
    emit directoryChanged();
    return {};
}

Result<Coordinator> DirectoryService::updateCoordinator(const Caller &caller, const Coordinator &changed)
{
    auto found = coordinator(caller, changed.id);
    if (!found)
        return found.error();
    Coordinator c = *found;
    if (auto s = requireManager(caller, c.orgId); !s)
        return s.error();
    const Coordinator before = c;
    c.name = changed.name.trimmed();
    c.email = changed.email.trimmed();
    if (auto s = checkContact(c.name, c.email); !s)
        return s.error();
    QStringList what;
    if (c.name != before.name)
        what << field::Name;
    if (c.email != before.email)
        what << field::Email;
    if (what.isEmpty())
        return c;
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    if (auto s = m_directory.updateCoordinator(c); !s)
        return s.error();
    if (auto s = m_audit.write(caller, c.orgId, QStringLiteral("coordinator.update"),
                               QStringLiteral("coordinator"), c.id, what.join(QStringLiteral(", ")));
        !s)
        return s.error();
    if (auto s = appendChange(m_db, m_clock, ChangeKind::CoordinatorChanged, c.orgId, c.id); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    emit directoryChanged();
    return c;
}

Status DirectoryService::setCoordinatorActive(const Caller &caller, const QString &id, bool active)
{
    auto found = coordinator(caller, id);
    if (!found)
        return found.error();
    Coordinator c = *found;
    if (auto s = requireManager(caller, c.orgId); !s)
        return s;
    if (c.active() == active)
        return {};
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    if (!active) {
        // Counted inside the transaction, so a mentor given to her meanwhile is not left behind.
        auto mentors = m_directory.activeMentorsOf(c.id);
        if (!mentors)
            return mentors.error();
        if (*mentors > 0)
            return Error{ErrorCode::Conflict,
                         QStringLiteral("%1 still has %2 active peer mentor(s); move them to another "
                                        "coordinator first.")
                             .arg(c.name)
                             .arg(*mentors),
                         {FieldError{field::CoordinatorId, QString(), 0, 0}},
                         0};
    }
    c.deactivatedAt = active ? QDateTime() : m_clock.now();
    if (auto s = m_directory.updateCoordinator(c); !s)
        return s;
    if (auto s = m_audit.write(caller, c.orgId,
                               active ? QStringLiteral("coordinator.reactivate")
                                      : QStringLiteral("coordinator.deactivate"),
                               QStringLiteral("coordinator"), c.id);
        !s)
        return s;
    if (auto s = appendChange(m_db, m_clock, ChangeKind::CoordinatorChanged, c.orgId, c.id); !s)
        return s;
    if (auto s = tx.commit(); !s)
        return s;
    emit directoryChanged();
    return {};
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
    u.mustChangePassword = input.mustChangePassword;
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
    if (auto s = appendChange(m_db, m_clock, ChangeKind::UserChanged, u.orgId, u.id); !s)
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
    u.mustChangePassword = caller.userId != u.id;
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
    if (auto s = appendChange(m_db, m_clock, ChangeKind::UserChanged, u.orgId, u.id); !s)
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
    if (auto s = appendChange(m_db, m_clock, ChangeKind::UserChanged, u->orgId, u->id); !s)
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
    if (auto s = appendChange(m_db, m_clock, ChangeKind::UserChanged, u->orgId, u->id); !s)
        return s;
    if (auto s = tx.commit(); !s)
        return s;
    emit usersChanged();
    return {};
}

} // namespace cc
