#include "ui/peermentors/MoveMentorsDialog.h"

#include "core/DirectoryService.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/ErrorMessages.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cc {

MoveMentorsDialog::MoveMentorsDialog(ConsoleServices &services, const Caller &caller,
                                     const QStringList &mentorIds, const QString &orgId, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_caller(caller)
    , m_mentorIds(mentorIds)
{
    setObjectName(QStringLiteral("MoveMentorsDialog"));
    setWindowTitle(tr("Move to coordinator"));
    auto *intro =
        new QLabel(tr("Give %n peer mentor(s) to another coordinator. Their history stays as it is.", nullptr,
                      int(mentorIds.size())),
                   this);
    intro->setWordWrap(true);
    m_coordinator = new QComboBox(this);
    m_coordinator->setObjectName(QStringLiteral("moveCoordinator"));
    m_coordinator->setAccessibleName(tr("New coordinator"));
    if (auto coordinators = services.directory.coordinators(caller, orgId, Activity::Active)) {
        for (const Coordinator &c : std::as_const(*coordinators))
            if (c.orgId == orgId)
                m_coordinator->addItem(c.name, c.id);
    }
    auto *label = new QLabel(tr("&Coordinator:"), this);
    label->setBuddy(m_coordinator);
    auto *form = new QFormLayout;
    form->addRow(label, m_coordinator);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("moveMentorsError"));
    m_error->setAccessibleName(tr("Message"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *move = buttons->addButton(tr("&Move"), QDialogButtonBox::AcceptRole);
    move->setObjectName(QStringLiteral("moveMentorsButton"));
    move->setDefault(true);
    move->setEnabled(m_coordinator->count() > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(400);
}

void MoveMentorsDialog::accept()
{
    auto moved =
        m_services.directory.moveMentors(m_caller, m_mentorIds, m_coordinator->currentData().toString());
    if (!moved) {
        m_error->setText(ErrorMessages::text(moved.error()));
        m_error->setVisible(true);
        return;
    }
    m_moved = *moved;
    QDialog::accept();
}

} // namespace cc
