#include "UsersPage.h"

#include "ConsoleServices.h"
#include "Icons.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cc {

UsersPage::UsersPage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : ConsolePage(services, caller, parent)
{
    setObjectName(QStringLiteral("UsersPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(title(), this));
}

QString UsersPage::title() const
{
    return tr("Users");
}

bool UsersPage::isAvailableTo(const Caller &caller)
{
    return caller.role != Role::Coordinator;
}

QIcon UsersPage::icon() const
{
    return Icons::glyph(Icons::Glyph::Users);
}

} // namespace cc
