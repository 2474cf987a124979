#pragma once

#include "ConsolePage.h"

namespace cc {

// The page of the embedded API server, pairing phones and their tokens.
class ServerPage : public ConsolePage
{
    Q_OBJECT
public:
    ServerPage(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
};

} // namespace cc
