#include "ui/common/ConsolePage.h"

#include "ui/common/ConsoleServices.h"

namespace cc {

ConsolePage::ConsolePage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_caller(caller)
{}

QIcon ConsolePage::icon() const
{
    return {};
}

} // namespace cc
