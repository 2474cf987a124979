#pragma once

// The source text of a template as a person reads it: where an index is (line and column), and
// the names a person may have meant. Used by TemplateCompiler for its messages; no syntax here.

#include <QString>
#include <QStringView>

#include <utility>
#include <vector>

namespace cc {

// Where an index of the text is, as a person counts: lines end at "\n", "\r\n" or "\r"; columns
// count code points, so a surrogate pair (an emoji, say) is one column. Built once, and only
// when there is a problem to report, so a template that compiles never pays for it.
class PositionMap
{
public:
    explicit PositionMap(QStringView text);
    // 1-based line and column of `index`.
    std::pair<int, int> at(qsizetype index) const;

private:
    std::vector<qsizetype> m_lineStarts;
    std::vector<int> m_trailing;
};

// A name as a message shows it: a runaway "name" (a tag that swallowed a paragraph) is cut short.
QString shown(QStringView name);
// The variable a person probably meant by an unknown `name`, or an empty string.
QString suggestionFor(QStringView name);

} // namespace cc
