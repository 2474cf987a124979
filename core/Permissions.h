#pragma once

#include "core/Caller.h"
#include "core/Result.h"

#include <QList>

namespace cc {

// Everything a caller may be allowed or refused, the one place roles are compared. Services call
// require() before they act (it carries the refusal text); pages call may() to enable what a
// person may use. The organisation a caller may act in is Caller::scopeOrg(). An action is added
// here together with the service that requires it (and its row in tst_permissions' matrix).
enum class Action
{
    RecordNotification,  // record a pause or a resume (a notification record)
    EditRecord,          // change a record's channels or notes
    DeleteRecord,        // delete a record
    BuildPayloads,       // build the messages of an event (stored payloads)
    EditTemplates,       // change, override, reset or restore templates
    DeleteTemplates,     // delete a template for good
    ManageUsers,         // list, add, disable users; set passwords and roles
    ManageOthersDevices, // pairing codes and tokens of other users (everyone manages their own)
    ManageDirectory,     // add, change, move, deactivate peer mentors and coordinators; import
    EditMentorContact,   // a mentor's name, email and phone (a coordinator: only of her own mentors)
    ExportPersonalData,  // everything stored about a peer mentor, for her (GDPR Art. 15)
    ErasePersonalData,   // overwrite a peer mentor's personal data for good (GDPR Art. 17)
    ManageRetention,     // an organisation's rules for erasing and deleting old personal data
    ManageOrganisations, // add organisations
    BackUp,              // a global admin: the whole database; an org admin: their organisation
    Restore,             // a backup into an empty database (before anyone is signed in, only
                         // while the database has no user: Backup::restore)
    ManageGlobalAdmins,  // create global admins; change, disable or see the accounts of one
    ReadAudit,           // the audit log: an org admin their organisation's, a global admin all
    RunSetup,            // a new organisation with its first admin (signed in; before anyone is,
                         // DirectoryService::setUp allows it only while the database has no user)
};

struct Permission
{
    Action action;
    const char *name; // snake_case, for tests and the documentation
    bool coordinator;
    bool orgAdmin;
    bool globalAdmin;
    const char *refusal; // the Forbidden message when the role may not
};

// The table, one row per action, in the order of the enum.
const QList<Permission> &permissionTable();
const Permission &permission(Action action);

bool may(const Caller &caller, Action action);
// Forbidden with the action's refusal text, or nothing.
Status require(const Caller &caller, Action action);

} // namespace cc
