#pragma once

#include "core/Caller.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/Paging.h"

namespace cc {

struct AuditEntry
{
    QString id;
    QDateTime at;
    QString userId;
    QString username;
    QString orgId;
    QString action; // "record.update", "template.delete", ...
    QString entity; // "notification_record", "payload_template", ...
    QString entityId;
    QString detail; // a short, non-personal description
};

// Which audit entries a list shows; empty members do not narrow it.
struct AuditQuery
{
    QString orgId;    // a global admin: only this organisation's (others always see only their own)
    QString username; // who did it (exactly)
    QString kind;     // what: an action ("peer_mentor.update") or its group ("peer_mentor")
    QDateTime from;   // at or after
    QDateTime to;     // before
    QString entityId; // about this thing (a record, a mentor, a user)
};

// Who changed or deleted what, and when. Written inside the transaction of the change it
// describes, so a change and its audit entry are saved together or not at all.
class AuditLog
{
public:
    AuditLog(Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock)
    {}

    Status write(const Caller &caller, const QString &orgId, const QString &action, const QString &entity,
                 const QString &entityId, const QString &detail = {});
    // Newest first, as `query` selects. Reading it is Action::ReadAudit: an org admin sees their
    // own organisation's entries, a global admin everyone's (or one organisation's). There is no
    // way to change or delete an entry: the log only grows.
    Result<Page<AuditEntry>> list(const Caller &caller, const AuditQuery &query, const PageRequest &page);
    Result<Page<AuditEntry>> list(const Caller &caller, const PageRequest &page,
                                  const QString &entityId = {});

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace cc
