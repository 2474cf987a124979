#include "PeerMentorsPage.h"

#include "ConsoleServices.h"
#include "Icons.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cc {

PeerMentorsPage::PeerMentorsPage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : ConsolePage(services, caller, parent)
{
    setObjectName(QStringLiteral("PeerMentorsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(title(), this));
}

QString PeerMentorsPage::title() const
{
    return tr("Peer mentors");
}

QIcon PeerMentorsPage::icon() const
{
    return Icons::glyph(Icons::Glyph::PeerMentors);
}

} // namespace cc
