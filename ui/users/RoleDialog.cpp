#include "ui/users/RoleDialog.h"

#include "ui/common/ConsoleServices.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"
#include "ui/users/UserDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace cc {

RoleDialog::RoleDialog(ConsoleServices &services, const Caller &caller, const User &user, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_caller(caller)
    , m_user(user)
{
    setObjectName(QStringLiteral("RoleDialog"));
    setWindowTitle(tr("Change role"));

    auto *intro = new QLabel(tr("Change the role of %1 (%2).").arg(user.displayName, user.username), this);
    intro->setWordWrap(true);

    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("roleChoice"));
    m_role->setAccessibleName(tr("Role"));
    m_role->addItem(DisplayText::role(Role::Coordinator), int(Role::Coordinator));
    m_role->addItem(DisplayText::role(Role::OrgAdmin), int(Role::OrgAdmin));
    if (user.coordinatorId.isEmpty()) {
        // Only a user linked to a coordinator can be one.
        if (auto *model = qobject_cast<QStandardItemModel *>(m_role->model()))
            model->item(0)->setEnabled(false);
    }
    m_role->setCurrentIndex(m_role->findData(int(user.role)) >= 0 ? m_role->findData(int(user.role)) : 1);

    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("&Role:"), this);
    label->setBuddy(m_role);
    form->addRow(label, m_role);

    auto *hint = new QLabel(
        user.coordinatorId.isEmpty()
            ? tr("A coordinator follows their own peer mentors; an org admin manages the organisation. "
                 "This user is not linked to a coordinator, so cannot become one.")
            : tr("A coordinator follows their own peer mentors; an org admin manages the organisation."),
        this);
    hint->setWordWrap(true);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("roleDialogError"));
    m_error->setAccessibleName(tr("Message"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *change = buttons->addButton(tr("&Change role"), QDialogButtonBox::AcceptRole);
    change->setObjectName(QStringLiteral("changeRoleButton"));
    change->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void RoleDialog::accept()
{
    const auto role = Role(m_role->currentData().toInt());
    if (role == m_user.role) {
        QDialog::accept();
        return;
    }
    if (auto changed = m_services.directory.setRole(m_caller, m_user.id, role); !changed) {
        m_error->setText(ErrorMessages::text(changed.error()));
        m_error->setVisible(true);
        return;
    }
    QDialog::accept();
}

} // namespace cc
