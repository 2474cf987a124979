#pragma once

#include "ConsolePage.h"

namespace cc {

// The page of every notification record the caller may see, with the API's filters.
class RecordsPage : public ConsolePage
{
    Q_OBJECT
public:
    RecordsPage(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
};

} // namespace cc
