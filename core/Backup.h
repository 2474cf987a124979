#pragma once

#include "core/Caller.h"
#include "core/Database.h"

#include <functional>

namespace cc {

// A copy of the database, SQLite or PostgreSQL, in a new SQLite file that the program opens as it
// is (--database sqlite:FILE). Refuses to overwrite a file. What goes in depends on who asks
// (Action::BackUp): a global admin (and the `admin` command line) gets every table; an org
// admin an export of their own organisation only (its organisation, coordinators, peer mentors,
// records and counts, its own templates and their versions, built payloads and audit entries:
// no users, password or token hashes, login failures or other organisations); a coordinator
// nothing.
class Backup
{
public:
    using Progress = std::function<bool(qint64 done, qint64 total)>; // false: stop
    static const QStringList &tables();                              // in the order foreign keys allow
    static Result<qint64> run(const Caller &caller, Database &source, const QString &file,
                              const Progress &progress = {});
    // True when run() copies the whole database for `caller`; false: their organisation's export.
    static bool copiesWholeDatabase(const Caller &caller) { return caller.isGlobalAdmin(); }
};

} // namespace cc
