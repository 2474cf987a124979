#pragma once

#include "core/Caller.h"
#include "core/Clock.h"
#include "core/Database.h"

#include <functional>
#include <optional>

namespace cc {

// A copy of the database, SQLite or PostgreSQL, in a new SQLite file that the program opens as it
// is (--database sqlite:FILE). Refuses to overwrite a file. What goes in depends on who asks
// (Action::BackUp): a global admin (and the `admin` command line) gets every table; an org
// admin an export of their own organisation only (its organisation, coordinators, peer mentors,
// records and counts, its own templates and their versions, built payloads and audit entries:
// no users, password or token hashes, login failures or other organisations); a coordinator
// nothing. A whole SQLite database is copied by SQLite itself (VACUUM INTO: one consistent
// moment, an order of magnitude faster than row by row); PostgreSQL and an organisation's export
// are copied row by row, which works across both.
class Backup
{
public:
    using Progress = std::function<bool(qint64 done, qint64 total)>; // false: stop
    static const QStringList &tables();                              // in the order foreign keys allow
    enum class Method
    {
        Best,    // SQLite's own copy where it can, rows otherwise
        RowCopy, // always row by row (what a PostgreSQL source and an export use; for benchmarks)
    };
    static Result<qint64> run(const Caller &caller, Database &source, const QString &file,
                              const Progress &progress = {}, Method method = Method::Best);

    // Restores `file`, written by run() with any schema version up to this program's (an older
    // one is brought up to date on a copy, never in the file itself), into `target`, SQLite or
    // PostgreSQL, which must hold no rows: every table in one transaction, with an audit entry
    // "database.restore". Refuses a database that has rows, a file that is no backup and one
    // from a newer schema. Signed in, this is Action::Restore; with nobody signed in (the
    // console's first start) the empty target is what allows it. Returns the rows restored.
    static Result<qint64> restore(const std::optional<Caller> &caller, const QString &file, Database &target,
                                  const Clock &clock, const Progress &progress = {});
    // The first table of `db` that has a row, or nothing when every table is empty.
    static Result<std::optional<QString>> firstTableWithRows(Database &db);
    // True when run() copies the whole database for `caller`; false: their organisation's export.
    static bool copiesWholeDatabase(const Caller &caller) { return caller.isGlobalAdmin(); }
};

} // namespace cc
