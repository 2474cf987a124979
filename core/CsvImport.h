#pragma once

#include "core/Directory.h"
#include "core/Result.h"

#include <QStringList>

#include <optional>

namespace cc {

// The encodings a file to import may be in: UTF-8 (with or without BOM), or what a spreadsheet
// program on Windows saves as "CSV" (windows-1252).
enum class TextEncoding
{
    Utf8,
    Windows1252,
};
// "utf-8" or "windows-1252" (also "utf8", "cp1252"), in any case; nothing for another name.
std::optional<TextEncoding> textEncodingFromName(const QString &name);
// The text of `data`. Bytes that are not valid in `encoding` are refused, naming the first line
// that holds one (never stored as replacement characters); for UTF-8 the message suggests
// windows-1252.
Result<QString> decodeText(const QByteArray &data, TextEncoding encoding);

// Reads CSV (RFC 4180: double quotes, CRLF or LF). The separator is “,” or, when the header line
// has more of them, “;” (what a spreadsheet program in Norwegian saves).
struct CsvRow
{
    int line = 0; // 1-based line where the row starts
    QStringList fields;
};
Result<QList<CsvRow>> parseCsv(const QByteArray &data, TextEncoding encoding = TextEncoding::Utf8);

struct ImportedMentor
{
    int line = 0;
    PeerMentor mentor;
    // Which optional columns the file has: a column it lacks leaves an existing mentor's value as it
    // is (an empty cell empties it).
    bool hasCoordinator = true;
    bool hasEmail = true;
    bool hasPhone = true;
};

// Peer mentors from CSV with the header
//   id,org_id,coordinator_id,name,email,phone
// (columns in any order; email, phone and coordinator_id may be empty or missing). Every problem
// names its line.
Result<QList<ImportedMentor>> peerMentorsFromCsv(const QByteArray &data,
                                                 TextEncoding encoding = TextEncoding::Utf8);

} // namespace cc
