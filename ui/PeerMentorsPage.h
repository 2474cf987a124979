#pragma once

#include "ConsolePage.h"

namespace cc {

// The page of the peer mentors with their status, profile and history timeline.
class PeerMentorsPage : public ConsolePage
{
    Q_OBJECT
public:
    PeerMentorsPage(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
};

} // namespace cc
