#pragma once

#include <QString>

#include <cstdio>
#include <functional>
#include <optional>

class QTextStream;

// The terminal the command line runs at: whether a person is watching, reading lines of stdin
// (a secret without echo) and a progress line on stderr.
namespace cc::app {

// True when `stream` is a terminal (a person is watching it).
bool isTerminal(FILE *stream);

// One line of stdin without its line end; nothing at the end of the input.
std::optional<QString> readLine();

// Shows `prompt` on `err` and reads one line of stdin with the terminal's echo off.
std::optional<QString> readSecret(QTextStream &err, const QString &prompt);

// Draws a progress line on stderr, only when a person is watching it.
class ProgressLine
{
public:
    ProgressLine(QTextStream &err, const QString &what);
    ~ProgressLine();
    ProgressLine(const ProgressLine &) = delete;
    ProgressLine &operator=(const ProgressLine &) = delete;

    std::function<bool(qint64, qint64)> callback();

    // Ends the line, so what comes next starts on a line of its own.
    void finish();

private:
    QTextStream &m_err;
    QString m_what;
    bool m_visible;
    bool m_drawn = false;
};

} // namespace cc::app
