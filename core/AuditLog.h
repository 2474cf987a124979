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
    // Newest first; a caller sees the entries of their own organisation, a global admin all.
    Result<Page<AuditEntry>> list(const Caller &caller, const PageRequest &page,
                                  const QString &entityId = {});

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace cc
