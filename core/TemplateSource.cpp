#include "core/TemplateSource.h"

#include "core/TemplateCompiler.h"

#include <algorithm>

namespace cc {

PositionMap::PositionMap(QStringView text)
{
    m_lineStarts.push_back(0);
    bool surrogates = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\n' || (c == u'\r' && (i + 1 >= text.size() || text[i + 1] != u'\n')))
            m_lineStarts.push_back(i + 1);
        else if (c.isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate())
            surrogates = true;
    }
    if (!surrogates)
        return;
    // m_trailing[k]: how many second halves of surrogate pairs lie before index k.
    m_trailing.resize(size_t(text.size()) + 1, 0);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool trailing = text[i].isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate();
        m_trailing[size_t(i) + 1] = m_trailing[size_t(i)] + (trailing ? 1 : 0);
    }
}

std::pair<int, int> PositionMap::at(qsizetype index) const
{
    const auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), index);
    const auto line = next - m_lineStarts.begin();
    const qsizetype lineStart = m_lineStarts[size_t(line) - 1];
    qsizetype column = index - lineStart + 1;
    if (!m_trailing.empty())
        column -= m_trailing[size_t(index)] - m_trailing[size_t(lineStart)];
    return {int(line), int(column)};
}

namespace {

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(size_t(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[size_t(j)];
            const int substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[size_t(j)] = std::min({above + 1, row[size_t(j) - 1] + 1, substitution});
            diagonal = above;
        }
    }
    return row.back();
}

// "peerMentorName", "Peer mentor name" and "peer-mentor-name" all become "peermentorname".
QString folded(QStringView name)
{
    QString result;
    result.reserve(name.size());
    for (const QChar c : name) {
        if (c != u'_' && c != u'-' && !c.isSpace())
            result.append(c.toLower());
    }
    return result;
}

} // namespace

// Names are shown in messages; a runaway "name" (a tag that swallowed a paragraph) is cut short.
QString shown(QStringView name)
{
    constexpr qsizetype limit = 40;
    if (name.size() <= limit)
        return name.toString();
    return name.left(limit).toString() + QChar(0x2026);
}

// The variable a person probably meant by an unknown `name`, or an empty string.
QString suggestionFor(QStringView name)
{
    const QString wanted = folded(name);
    if (wanted.isEmpty() || wanted.size() > 64)
        return {};
    QString bySuffix;
    int suffixMatches = 0;
    QString closest;
    int closestDistance = std::max<int>(1, int(wanted.size()) / 4) + 1;
    for (const QString &variable : TemplateCompiler::variables()) {
        const QString candidate = folded(variable);
        if (candidate == wanted)
            return variable;
        if (variable.endsWith(QLatin1Char('_') + name.toString())) {
            bySuffix = variable;
            ++suffixMatches;
        }
        const int distance = editDistance(wanted, candidate);
        if (distance < closestDistance) {
            closestDistance = distance;
            closest = variable;
        }
    }
    if (suffixMatches == 1)
        return bySuffix;
    return closest;
}

} // namespace cc
