#pragma once

#include <QStringView>

namespace cc {

// True when `text` can be stored and read back as it is on both databases: no NUL (PostgreSQL
// refuses it in text; SQLite cuts the string there) and no lone UTF-16 surrogate (not a
// character; SQLite's UTF-8 swallows the one after it). Outside input is checked against it
// before it reaches a query: the API answers 400 naming the field, the CSV import names the line.
inline bool isStorableText(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isNull())
            return false;
        if (c.isHighSurrogate()) {
            if (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate())
                return false;
            ++i;
        } else if (c.isLowSurrogate()) {
            return false;
        }
    }
    return true;
}

} // namespace cc
