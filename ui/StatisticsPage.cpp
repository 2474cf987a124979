#include "StatisticsPage.h"

#include "ConsoleServices.h"
#include "Icons.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cc {

StatisticsPage::StatisticsPage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : ConsolePage(services, caller, parent)
{
    setObjectName(QStringLiteral("StatisticsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(title(), this));
}

QString StatisticsPage::title() const
{
    return tr("Statistics");
}

QIcon StatisticsPage::icon() const
{
    return Icons::glyph(Icons::Glyph::Statistics);
}

} // namespace cc
