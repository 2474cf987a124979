#include "app/Terminal.h"

#include <QTextStream>

#include <iostream>
#include <string>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>

#include <csignal>
#endif

namespace cc::app {

bool isTerminal(FILE *stream)
{
#ifdef Q_OS_UNIX
    return ::isatty(::fileno(stream)) == 1;
#else
    Q_UNUSED(stream);
    return false;
#endif
}

// One line of stdin without its line end; nothing at the end of the input.
std::optional<QString> readLine()
{
    std::string line;
    if (!std::getline(std::cin, line))
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

namespace {

#ifdef Q_OS_UNIX
termios g_savedTerminal;

// Puts the echo back when the operator interrupts a password prompt, then dies of the signal.
void restoreTerminalAndDie(int signalNumber)
{
    ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    std::signal(signalNumber, SIG_DFL);
    std::raise(signalNumber);
}
#endif

// Turns the terminal's echo off for as long as it lives.
class EchoOff
{
public:
    EchoOff()
    {
#ifdef Q_OS_UNIX
        if (::tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0)
            return;
        termios quiet = g_savedTerminal;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        std::signal(SIGINT, restoreTerminalAndDie);
        std::signal(SIGTERM, restoreTerminalAndDie);
        m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
#endif
    }
    ~EchoOff()
    {
#ifdef Q_OS_UNIX
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
#endif
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    bool m_active = false;
};

} // namespace

std::optional<QString> readSecret(QTextStream &err, const QString &prompt)
{
    err << prompt;
    err.flush();
    std::optional<QString> line;
    {
        EchoOff quiet;
        line = readLine();
    }
    err << Qt::endl; // the Enter the terminal did not echo
    return line;
}

ProgressLine::ProgressLine(QTextStream &err, const QString &what)
    : m_err(err)
    , m_what(what)
    , m_visible(isTerminal(stderr))
{}

ProgressLine::~ProgressLine()
{
    finish();
}

std::function<bool(qint64, qint64)> ProgressLine::callback()
{
    if (!m_visible)
        return {};
    return [this](qint64 done, qint64 total) {
        const qint64 percent = total > 0 ? done * 100 / total : 100;
        m_err << QStringLiteral("\r%1: %2 of %3 (%4 %)").arg(m_what).arg(done).arg(total).arg(percent);
        m_err.flush();
        m_drawn = true;
        return true;
    };
}

void ProgressLine::finish()
{
    if (m_drawn)
        m_err << Qt::endl;
    m_drawn = false;
}

} // namespace cc::app
