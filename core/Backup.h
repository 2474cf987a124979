#pragma once

#include "core/Database.h"

#include <functional>

namespace cc {

// Copies every table of a database, SQLite or PostgreSQL, into a new SQLite file that the
// program opens as it is (--database sqlite:FILE). Refuses to overwrite a file.
class Backup
{
public:
    using Progress = std::function<bool(qint64 done, qint64 total)>; // false: stop
    static const QStringList &tables();                              // in the order foreign keys allow
    static Result<qint64> run(Database &source, const QString &file, const Progress &progress = {});
};

} // namespace cc
