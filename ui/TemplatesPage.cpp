#include "TemplatesPage.h"

#include "ConsoleServices.h"
#include "Icons.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cc {

TemplatesPage::TemplatesPage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : ConsolePage(services, caller, parent)
{
    setObjectName(QStringLiteral("TemplatesPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(title(), this));
}

QString TemplatesPage::title() const
{
    return tr("Templates");
}

QIcon TemplatesPage::icon() const
{
    return Icons::glyph(Icons::Glyph::Templates);
}

} // namespace cc
