#pragma once

// The ETags of records, templates and read-only views, and the If-Match rule, in one place.

#include <QByteArray>
#include <QString>

namespace cc {

// A strong ETag: the first 16 hex digits of the SHA-256 of `basis`, in double quotes.
QString makeEtag(const QByteArray &basis);

// True when a change sent with the If-Match value `ifMatch` may go ahead on something whose ETag
// is `current`: when no If-Match was sent (empty), when it is "*", or when its list of entity tags
// holds `current` as a strong tag.
bool etagMatches(const QString &ifMatch, const QString &current);

// True when a GET sent with the If-None-Match value `ifNoneMatch` may be answered 304 Not
// Modified for something whose ETag is `current`: when it is "*" or its list holds `current`,
// compared weakly (W/"x" and "x" are the same tag). Empty, or a list that does not parse: false.
bool etagNoneMatchFails(const QString &ifNoneMatch, const QString &current);

} // namespace cc
