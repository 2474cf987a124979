#include "ServerPage.h"

#include "ConsoleServices.h"
#include "Icons.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cc {

ServerPage::ServerPage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : ConsolePage(services, caller, parent)
{
    setObjectName(QStringLiteral("ServerPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(title(), this));
}

QString ServerPage::title() const
{
    return tr("Server & devices");
}

QIcon ServerPage::icon() const
{
    return Icons::glyph(Icons::Glyph::Server);
}

} // namespace cc
