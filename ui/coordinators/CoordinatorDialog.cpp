#include "ui/coordinators/CoordinatorDialog.h"

#include "core/Fields.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/FormFields.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QVBoxLayout>

namespace cc {

CoordinatorDialog::CoordinatorDialog(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_caller(caller)
{
    build();
    if (auto orgs = services.directory.organisations(caller)) {
        for (const Organisation &org : std::as_const(*orgs))
            m_organisation->addItem(org.name, org.id);
    }
    if (const int own = m_organisation->findData(caller.orgId); own >= 0)
        m_organisation->setCurrentIndex(own);
    // An org admin adds to her own organisation; only a global admin chooses.
    m_organisation->setEnabled(caller.isGlobalAdmin() && m_organisation->count() > 1);
}

CoordinatorDialog::CoordinatorDialog(ConsoleServices &services, const Caller &caller,
                                     const Coordinator &coordinator, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_caller(caller)
    , m_edit(true)
    , m_coordinator(coordinator)
{
    build();
    m_id->setText(coordinator.id);
    form::showReadOnly(m_id, tr("The id cannot be changed."));
    QString organisationName = coordinator.orgId;
    if (auto org = services.directory.organisation(caller, coordinator.orgId))
        organisationName = org->name;
    m_organisation->addItem(organisationName, coordinator.orgId);
    m_organisation->setEnabled(false);
    m_name->setText(coordinator.name);
    m_email->setText(coordinator.email);
    m_name->setFocus();
}

void CoordinatorDialog::build()
{
    setObjectName(QStringLiteral("CoordinatorDialog"));
    setWindowTitle(m_edit ? tr("Edit coordinator") : tr("Add coordinator"));

    m_id = form::lineEdit(this, QStringLiteral("coordinatorId"), tr("Id"));
    m_id->setPlaceholderText(tr("e.g. kari.k"));
    m_organisation = form::comboBox(this, QStringLiteral("coordinatorOrganisation"), tr("Organisation"));
    m_name = form::lineEdit(this, QStringLiteral("coordinatorName"), tr("Name"));
    m_email = form::lineEdit(this, QStringLiteral("coordinatorEmail"), tr("Email"));
    m_email->setPlaceholderText(tr("name@example.org"));

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
    if (!m_edit) {
        auto *hint = new QLabel(tr("The id is 1 to 64 letters, digits, “_”, “.” or “-”; it cannot be "
                                   "changed later. The email may be left empty."),
                                this);
        hint->setWordWrap(true);
        form->addRow(QString(), hint);
    }

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("coordinatorDialogError"));
    m_error->setAccessibleName(tr("Message"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *save =
        buttons->addButton(m_edit ? tr("&Save") : tr("&Add coordinator"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("saveCoordinatorButton"));
    save->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

void CoordinatorDialog::showError(const Error &error)
{
    m_error->setText(ErrorMessages::text(error));
    m_error->setVisible(true);
    // To the field the error names, so that it can be put right at once.
    const QString field = error.fields.isEmpty() ? QString() : error.fields.constFirst().field;
    QWidget *target = m_edit ? m_name : m_id;
    if (field == cc::field::Name)
        target = m_name;
    else if (field == cc::field::Email)
        target = m_email;
    else if (field == QLatin1String("org") && m_organisation->isEnabled())
        target = m_organisation;
    target->setFocus(Qt::OtherFocusReason);
    if (auto *edit = qobject_cast<QLineEdit *>(target); edit && !edit->isReadOnly())
        edit->selectAll();
}

void CoordinatorDialog::accept()
{
    Coordinator input = m_coordinator;
    input.name = m_name->text().trimmed();
    input.email = m_email->text().trimmed();
    if (!m_edit) {
        input.id = m_id->text().trimmed();
        input.orgId = m_organisation->currentData().toString();
    }
    auto saved = m_edit ? m_services.directory.updateCoordinator(m_caller, input)
                        : m_services.directory.addCoordinator(m_caller, input);
    if (!saved) {
        showError(saved.error());
        return;
    }
    m_coordinator = *saved;
    QDialog::accept();
}

} // namespace cc
