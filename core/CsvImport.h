#pragma once

#include "core/Directory.h"
#include "core/Result.h"

#include <QStringList>

namespace cc {

// Reads CSV (RFC 4180: commas, double quotes, CRLF or LF, UTF-8 with or without BOM).
struct CsvRow
{
    int line = 0; // 1-based line where the row starts
    QStringList fields;
};
Result<QList<CsvRow>> parseCsv(const QByteArray &data);

struct ImportedMentor
{
    int line = 0;
    PeerMentor mentor;
};

// Peer mentors from CSV with the header
//   id,org_id,coordinator_id,name,email,phone
// (columns in any order; email, phone and coordinator_id may be empty or missing). Every problem
// names its line.
Result<QList<ImportedMentor>> peerMentorsFromCsv(const QByteArray &data);

} // namespace cc
