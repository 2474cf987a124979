#include "ui/peermentors/MentorDialog.h"

#include "core/DirectoryService.h"
#include "core/Fields.h"
#include "core/Permissions.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/FormFields.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cc {

MentorDialog::MentorDialog(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_caller(caller)
{
    m_mentor.orgId = caller.orgId;
    build();
}

MentorDialog::MentorDialog(ConsoleServices &services, const Caller &caller, const PeerMentor &mentor,
                           QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_caller(caller)
    , m_editing(true)
    , m_mentor(mentor)
{
    build();
}

void MentorDialog::build()
{
    setObjectName(QStringLiteral("MentorDialog"));
    setWindowTitle(m_editing ? tr("Edit peer mentor") : tr("Add peer mentor"));

    m_id = form::lineEdit(this, QStringLiteral("mentorId"), tr("Id"), m_mentor.id);
    m_id->setPlaceholderText(tr("e.g. pm_551e8400"));
    if (m_editing)
        form::showReadOnly(m_id, tr("The id cannot be changed."));
    m_organisation = form::comboBox(this, QStringLiteral("mentorOrganisation"), tr("Organisation"));
    if (auto orgs = m_services.directory.organisations(m_caller)) {
        for (const Organisation &org : std::as_const(*orgs))
            m_organisation->addItem(org.name, org.id);
    }
    if (const int own = m_organisation->findData(m_mentor.orgId); own >= 0)
        m_organisation->setCurrentIndex(own);
    // Only a global admin adding a mentor chooses the organisation; a mentor never changes it.
    m_organisation->setEnabled(!m_editing && m_caller.isGlobalAdmin() && m_organisation->count() > 1);
    m_name = form::lineEdit(this, QStringLiteral("mentorName"), tr("Full name"), m_mentor.name);
    m_email = form::lineEdit(this, QStringLiteral("mentorEmail"), tr("Email"), m_mentor.email);
    m_email->setPlaceholderText(tr("optional"));
    m_phone = form::lineEdit(this, QStringLiteral("mentorPhone"), tr("Phone"), m_mentor.phone);
    m_phone->setPlaceholderText(tr("optional, e.g. +47 900 12 345"));
    m_coordinator = form::comboBox(this, QStringLiteral("mentorCoordinator"), tr("Coordinator"));
    // A coordinator changes only contact details; who follows a mentor up is an admin's choice.
    m_coordinator->setEnabled(may(m_caller, Action::ManageDirectory));

    auto *form = new QFormLayout;
    const auto addRow = [&](const QString &label, QWidget *widget) {
        auto *l = new QLabel(label, this);
        l->setBuddy(widget);
        form->addRow(l, widget);
    };
    addRow(tr("&Id:"), m_id);
    addRow(tr("&Organisation:"), m_organisation);
    addRow(tr("&Name:"), m_name);
    addRow(tr("&Email:"), m_email);
    addRow(tr("&Phone:"), m_phone);
    addRow(tr("&Coordinator:"), m_coordinator);
    if (!m_editing) {
        auto *hint =
            new QLabel(tr("An id is 1 to 64 letters, digits, “_”, “.” or “-”, and never changes."), this);
        hint->setWordWrap(true);
        form->addRow(QString(), hint);
    }

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("mentorDialogError"));
    m_error->setAccessibleName(tr("Message"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *save =
        buttons->addButton(m_editing ? tr("&Save") : tr("&Add peer mentor"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("saveMentorButton"));
    save->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(460);

    connect(m_organisation, &QComboBox::currentIndexChanged, this, &MentorDialog::updateCoordinators);
    updateCoordinators();
    (m_editing ? m_name : m_id)->setFocus();
}

void MentorDialog::updateCoordinators()
{
    m_coordinator->clear();
    m_coordinator->addItem(tr("(none)"), QString());
    const QString orgId = m_organisation->currentData().toString();
    if (orgId.isEmpty())
        return;
    if (auto coordinators = m_services.directory.coordinators(m_caller, orgId, Activity::Any)) {
        for (const Coordinator &c : std::as_const(*coordinators)) {
            // One who left is listed only as the mentor's present coordinator.
            if (c.active() || c.id == m_mentor.coordinatorId)
                m_coordinator->addItem(c.active() ? c.name : tr("%1 (inactive)").arg(c.name), c.id);
        }
    }
    const int present = m_coordinator->findData(m_mentor.coordinatorId);
    m_coordinator->setCurrentIndex(present >= 0 ? present : 0);
}

void MentorDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void MentorDialog::accept()
{
    PeerMentor m = m_mentor;
    m.id = m_id->text().trimmed();
    m.orgId = m_organisation->currentData().toString();
    m.name = m_name->text();
    m.email = m_email->text().trimmed();
    m.phone = m_phone->text().trimmed();
    m.coordinatorId = m_coordinator->currentData().toString();
    auto saved = m_editing ? m_services.directory.updatePeerMentor(m_caller, m)
                           : m_services.directory.addPeerMentor(m_caller, m);
    if (!saved) {
        showError(ErrorMessages::text(saved.error()));
        const QString field =
            saved.error().fields.isEmpty() ? QString() : saved.error().fields.constFirst().field;
        if (field == cc::field::Name)
            m_name->setFocus();
        else if (field == cc::field::Email)
            m_email->setFocus();
        else if (field == cc::field::Phone)
            m_phone->setFocus();
        else if (field == cc::field::CoordinatorId)
            m_coordinator->setFocus();
        else if (field == QLatin1String("org"))
            m_organisation->setFocus();
        else if (!m_editing)
            m_id->setFocus();
        return;
    }
    m_mentor = *saved;
    QDialog::accept();
}

} // namespace cc
