#pragma once

#include "core/Caller.h"

#include <QIcon>
#include <QKeySequence>
#include <QWidget>

namespace cc {

struct ConsoleServices;

// One page of the main window's sidebar. A page is made for one signed-in caller; the role
// decides what it enables (the services refuse the rest anyway).
class ConsolePage : public QWidget
{
    Q_OBJECT
public:
    ConsolePage(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    // The sidebar's text (translated) and icon.
    virtual QString title() const = 0;
    virtual QIcon icon() const;
    // Called when the page becomes the visible one (e.g. to refresh what cannot be observed).
    virtual void activated() {}
    // Asked before the window closes (quit, sign out, a change of language). A page holding work
    // that is not saved asks the person (save, discard, cancel) and answers false on cancel.
    virtual bool mayClose() { return true; }

    const Caller &caller() const { return m_caller; }
    ConsoleServices &services() const { return m_services; }

signals:
    // A short message for the status bar.
    void statusMessage(const QString &text);

private:
    ConsoleServices &m_services;
    Caller m_caller;
};

} // namespace cc
