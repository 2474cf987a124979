#include "ui/users/UserDialog.h"

#include "core/Fields.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/FormFields.h"
#include "ui/common/NewPassword.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cc {

UserDialog::UserDialog(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_caller(caller)
{
    setObjectName(QStringLiteral("UserDialog"));
    setWindowTitle(tr("Add user"));

    m_username = form::lineEdit(this, QStringLiteral("userName"), tr("User name"));
    m_username->setPlaceholderText(tr("e.g. kari.nordmann"));
    m_displayName = form::lineEdit(this, QStringLiteral("displayName"), tr("Display name"));
    m_role = form::comboBox(this, QStringLiteral("userRole"), tr("Role"));
    m_role->addItem(DisplayText::role(Role::Coordinator), int(Role::Coordinator));
    m_role->addItem(DisplayText::role(Role::OrgAdmin), int(Role::OrgAdmin));
    if (caller.isGlobalAdmin())
        m_role->addItem(DisplayText::role(Role::GlobalAdmin), int(Role::GlobalAdmin));
    m_organisation = form::comboBox(this, QStringLiteral("userOrganisation"), tr("Organisation"));
    if (auto orgs = services.directory.organisations(caller)) {
        for (const Organisation &org : std::as_const(*orgs))
            m_organisation->addItem(org.name, org.id);
    }
    if (const int own = m_organisation->findData(caller.orgId); own >= 0)
        m_organisation->setCurrentIndex(own);
    m_coordinator = form::comboBox(this, QStringLiteral("userCoordinator"), tr("Coordinator"));
    m_password = form::lineEdit(this, QStringLiteral("userPassword"), tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = form::lineEdit(this, QStringLiteral("userPasswordRepeat"), tr("Repeat the password"));
    m_repeat->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    const auto addRow = [&](const QString &label, QWidget *widget) {
        auto *l = new QLabel(label, this);
        l->setBuddy(widget);
        form->addRow(l, widget);
    };
    addRow(tr("&User name:"), m_username);
    addRow(tr("&Display name:"), m_displayName);
    addRow(tr("&Role:"), m_role);
    addRow(tr("&Organisation:"), m_organisation);
    addRow(tr("&Coordinator:"), m_coordinator);
    addRow(tr("&Password:"), m_password);
    addRow(tr("R&epeat password:"), m_repeat);
    auto *hint = new QLabel(
        tr("A user name is 2 to 64 lowercase letters, digits, “.”, “_” or “-”. The password has at "
           "least %n characters; the user chooses a new one at the first sign-in.",
           nullptr, DirectoryService::kMinPasswordLength),
        this);
    hint->setWordWrap(true);
    form->addRow(QString(), hint);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("userDialogError"));
    m_error->setAccessibleName(tr("Message"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *add = buttons->addButton(tr("&Add user"), QDialogButtonBox::AcceptRole);
    add->setObjectName(QStringLiteral("addUserButton"));
    add->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(480);

    connect(m_role, &QComboBox::currentIndexChanged, this, &UserDialog::updateFields);
    connect(m_organisation, &QComboBox::currentIndexChanged, this, &UserDialog::updateCoordinators);
    updateCoordinators();
    updateFields();
}

void UserDialog::updateFields()
{
    const auto role = Role(m_role->currentData().toInt());
    // A global admin belongs to no organisation; an org admin adds to their own only.
    m_organisation->setEnabled(role != Role::GlobalAdmin && m_caller.isGlobalAdmin()
                               && m_organisation->count() > 1);
    m_coordinator->setEnabled(role == Role::Coordinator);
}

void UserDialog::updateCoordinators()
{
    m_coordinator->clear();
    const QString orgId = m_organisation->currentData().toString();
    if (orgId.isEmpty())
        return;
    if (auto coordinators = m_services.directory.coordinators(m_caller, orgId, Activity::Active)) {
        for (const Coordinator &c : std::as_const(*coordinators))
            m_coordinator->addItem(c.name, c.id);
    }
}

void UserDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void UserDialog::accept()
{
    if (!NewPassword::check(m_password, m_repeat, [this](const QString &text) { showError(text); }))
        return;
    DirectoryService::NewUser input;
    input.username = m_username->text().trimmed();
    input.displayName = m_displayName->text().trimmed();
    input.role = Role(m_role->currentData().toInt());
    if (input.role != Role::GlobalAdmin)
        input.orgId = m_organisation->currentData().toString();
    if (input.role == Role::Coordinator)
        input.coordinatorId = m_coordinator->currentData().toString();
    input.password = m_password->text();
    auto added = m_services.directory.addUser(m_caller, input);
    if (!added) {
        showError(ErrorMessages::text(added.error()));
        const QString field =
            added.error().fields.isEmpty() ? QString() : added.error().fields.constFirst().field;
        if (field == cc::field::Password)
            m_password->setFocus();
        else if (field == QLatin1String("coordinator"))
            m_coordinator->setFocus();
        else if (field == QLatin1String("org"))
            m_organisation->setFocus();
        else
            m_username->setFocus();
        return;
    }
    m_user = *added;
    QDialog::accept();
}

} // namespace cc
