#include "RecordsPage.h"

#include "ConsoleServices.h"
#include "Icons.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cc {

RecordsPage::RecordsPage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : ConsolePage(services, caller, parent)
{
    setObjectName(QStringLiteral("RecordsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(title(), this));
}

QString RecordsPage::title() const
{
    return tr("Notification records");
}

QIcon RecordsPage::icon() const
{
    return Icons::glyph(Icons::Glyph::Records);
}

} // namespace cc
