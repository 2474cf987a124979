#include "core/Permissions.h"

namespace cc {

const QList<Permission> &permissionTable()
{
    // clang-format off
    static const QList<Permission> table{
        //  action                        name                     coord  org    global
        {Action::RecordNotification,  "record_notification",   true,  true,  false,
         "Global admins cannot record notifications; sign in as a coordinator or an org admin."},
        {Action::EditRecord,          "edit_record",           false, true,  true,
         "Only org admins and global admins may change notification records."},
        {Action::DeleteRecord,        "delete_record",         false, false, true,
         "Only global admins may delete notification records."},
        {Action::BuildPayloads,       "build_payloads",        true,  true,  false,
         "Global admins cannot build payloads; sign in as a coordinator or an org admin."},
        {Action::EditTemplates,       "edit_templates",        false, true,  true,
         "Only org admins and global admins may change templates."},
        {Action::DeleteTemplates,     "delete_templates",      false, false, true,
         "Only global admins may delete templates."},
        {Action::ManageUsers,         "manage_users",          false, true,  true,
         "Only org admins and global admins may manage users."},
        {Action::ManageOthersDevices, "manage_others_devices", false, true,  true,
         "Coordinators may pair phones and revoke tokens only for themselves."},
        {Action::ManageDirectory,     "manage_directory",      false, true,  true,
         "Only an org admin of this organisation or a global admin may do this."},
        {Action::EditMentorContact,   "edit_mentor_contact",   true,  true,  true,
         "Only the peer mentor's coordinator, an org admin or a global admin may change her details."},
        {Action::ExportPersonalData,  "export_personal_data",  false, true,  true,
         "Only an org admin of the mentor's organisation or a global admin may export her personal data."},
        {Action::ErasePersonalData,   "erase_personal_data",   false, true,  true,
         "Only an org admin of the mentor's organisation or a global admin may erase her personal data."},
        {Action::ManageRetention,     "manage_retention",      false, true,  true,
         "Only an org admin of this organisation or a global admin may set how long data are kept."},
        {Action::ManageOrganisations, "manage_organisations",  false, false, true,
         "Only global admins may create organisations."},
        {Action::BackUp,              "back_up",               false, true,  true,
         "Coordinators cannot back up or export the database; ask an org admin."},
        {Action::Restore,             "restore",               false, false, true,
         "Only a global admin may restore a backup."},
        {Action::ManageGlobalAdmins,  "manage_global_admins",  false, false, true,
         "Only global admins may create or manage global admins."},
        {Action::ReadAudit,           "read_audit",            false, true,  true,
         "Only org admins and global admins may read the audit log."},
        {Action::RunSetup,            "run_setup",             false, false, true,
         "This database is set up already; sign in, and ask a global admin for a new organisation."},
    };
    // clang-format on
    return table;
}

const Permission &permission(Action action)
{
    const Permission &p = permissionTable().at(static_cast<qsizetype>(action));
    Q_ASSERT(p.action == action);
    return p;
}

bool may(const Caller &caller, Action action)
{
    const Permission &p = permission(action);
    switch (caller.role) {
    case Role::Coordinator:
        return p.coordinator;
    case Role::OrgAdmin:
        return p.orgAdmin;
    case Role::GlobalAdmin:
        return p.globalAdmin;
    }
    return false;
}

Status require(const Caller &caller, Action action)
{
    if (may(caller, action))
        return {};
    return Error::forbidden(QString::fromUtf8(permission(action).refusal));
}

} // namespace cc
