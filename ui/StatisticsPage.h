#pragma once

#include "ConsolePage.h"

namespace cc {

// The page of charts of pauses over time and the yearly activity report.
class StatisticsPage : public ConsolePage
{
    Q_OBJECT
public:
    StatisticsPage(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
};

} // namespace cc
