#pragma once

#include "ConsolePage.h"

namespace cc {

// The page of the notification templates and their editor.
class TemplatesPage : public ConsolePage
{
    Q_OBJECT
public:
    TemplatesPage(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
};

} // namespace cc
