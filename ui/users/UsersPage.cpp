#include "ui/users/UsersPage.h"

#include "core/Permissions.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/Icons.h"
#include "ui/users/PasswordDialog.h"
#include "ui/users/RoleDialog.h"
#include "ui/users/UserDialog.h"

#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cc {

namespace {

enum UserColumn
{
    UsernameColumn,
    DisplayNameColumn,
    RoleColumn,
    OrganisationColumn,
    CoordinatorColumn,
    DisabledColumn,
    UserColumnCount
};

constexpr int kUserIdRole = Qt::UserRole;

} // namespace

UsersPage::UsersPage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : ConsolePage(services, caller, parent)
{
    setObjectName(QStringLiteral("UsersPage"));

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("usersSearch"));
    m_search->setAccessibleName(tr("Search users"));
    m_search->setPlaceholderText(tr("User name or display name"));
    m_search->setClearButtonEnabled(true);
    auto *searchLabel = new QLabel(tr("S&earch:"), this);
    searchLabel->setBuddy(m_search);

    m_table = new QTableWidget(0, UserColumnCount, this);
    m_table->setObjectName(QStringLiteral("usersTable"));
    m_table->setAccessibleName(tr("Users"));
    m_table->setHorizontalHeaderLabels({tr("User name"), tr("Display name"), tr("Role"), tr("Organisation"),
                                        tr("Coordinator"), tr("Disabled")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(UsernameColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setAccessibleName(tr("Columns of the users"));

    const auto button = [this](const QString &text, const QString &objectName,
                               const QString &accessibleName) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(objectName);
        b->setAccessibleName(accessibleName);
        return b;
    };
    m_add = button(tr("&Add user…"), QStringLiteral("addUser"), tr("Add user"));
    m_role =
        button(tr("Change &role…"), QStringLiteral("changeRole"), tr("Change the role of the selected user"));
    m_password = button(tr("Reset &password…"), QStringLiteral("resetPassword"),
                        tr("Reset the password of the selected user"));
    m_disable = button(tr("&Disable…"), QStringLiteral("disableUser"), tr("Disable the selected user"));

    auto *top = new QHBoxLayout;
    top->addWidget(searchLabel);
    top->addWidget(m_search, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_role);
    buttons->addWidget(m_password);
    buttons->addWidget(m_disable);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_search, &QLineEdit::textChanged, this, &UsersPage::applySearch);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &UsersPage::updateButtons);
    connect(m_table, &QTableWidget::activated, this, &UsersPage::changeRole);
    connect(m_add, &QPushButton::clicked, this, &UsersPage::addUser);
    connect(m_role, &QPushButton::clicked, this, &UsersPage::changeRole);
    connect(m_password, &QPushButton::clicked, this, &UsersPage::resetPassword);
    connect(m_disable, &QPushButton::clicked, this, &UsersPage::toggleDisabled);
    connect(&services.directory, &DirectoryService::usersChanged, this, &UsersPage::refresh);
    connect(&services.directory, &DirectoryService::directoryChanged, this, &UsersPage::refresh);

    m_add->setEnabled(isAvailableTo(caller));
    refresh();
}

QString UsersPage::title() const
{
    return tr("Users");
}

bool UsersPage::isAvailableTo(const Caller &caller)
{
    return may(caller, Action::ManageUsers);
}

QIcon UsersPage::icon() const
{
    return Icons::glyph(Icons::Glyph::Users);
}

User UsersPage::selectedUser() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return {};
    const QString id = selected.first()->data(kUserIdRole).toString();
    for (const User &user : m_users)
        if (user.id == id)
            return user;
    return {};
}

bool UsersPage::selectUser(const QString &userId)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, UsernameColumn)->data(kUserIdRole).toString() == userId) {
            m_table->selectRow(row);
            m_table->setCurrentCell(row, UsernameColumn);
            return true;
        }
    }
    return false;
}

void UsersPage::refresh()
{
    const QString selected = selectedUser().id;
    auto users = services().directory.users(caller());
    m_users = users ? *users : QList<User>();
    if (!users)
        emit statusMessage(tr("The users could not be read: %1").arg(ErrorMessages::text(users.error())));

    QHash<QString, QString> organisations;
    if (auto orgs = services().directory.organisations(caller())) {
        for (const Organisation &org : std::as_const(*orgs))
            organisations.insert(org.id, org.name);
    }
    QHash<QString, QString> coordinators;
    if (auto all = services().directory.coordinators(caller())) {
        for (const Coordinator &c : std::as_const(*all))
            coordinators.insert(c.id, c.name);
    }

    m_table->setSortingEnabled(false);
    m_table->clearContents();
    m_table->setRowCount(int(m_users.size()));
    int row = 0;
    for (const User &user : std::as_const(m_users)) {
        const QStringList cells{
            user.username,
            user.displayName,
            DisplayText::role(user.role),
            user.orgId.isEmpty() ? tr("(all organisations)") : organisations.value(user.orgId, user.orgId),
            coordinators.value(user.coordinatorId, user.coordinatorId),
            user.disabled ? tr("Yes") : tr("No"),
        };
        for (int column = 0; column < UserColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setData(kUserIdRole, user.id);
            m_table->setItem(row, column, item);
        }
        ++row;
    }
    m_table->setSortingEnabled(true);
    applySearch();
    if (!selected.isEmpty())
        selectUser(selected);
    updateButtons();
}

void UsersPage::applySearch()
{
    const QString needle = m_search->text().trimmed();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const bool match = needle.isEmpty()
            || m_table->item(row, UsernameColumn)->text().contains(needle, Qt::CaseInsensitive)
            || m_table->item(row, DisplayNameColumn)->text().contains(needle, Qt::CaseInsensitive);
        m_table->setRowHidden(row, !match);
    }
}

void UsersPage::updateButtons()
{
    const User user = selectedUser();
    const bool any = !user.id.isEmpty();
    // What DirectoryService would refuse anyway: a global admin's role, disabling oneself.
    m_role->setEnabled(any && user.role != Role::GlobalAdmin);
    m_password->setEnabled(any);
    m_disable->setEnabled(any && user.id != caller().userId);
    if (any && user.disabled) {
        m_disable->setText(tr("&Enable"));
        m_disable->setAccessibleName(tr("Enable the selected user"));
    } else {
        m_disable->setText(tr("&Disable…"));
        m_disable->setAccessibleName(tr("Disable the selected user"));
    }
}

void UsersPage::addUser()
{
    UserDialog dialog(services(), caller(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // usersChanged has refreshed the table.
    selectUser(dialog.user().id);
    emit statusMessage(tr("The user %1 was added.").arg(dialog.user().username));
}

void UsersPage::changeRole()
{
    const User user = selectedUser();
    if (user.id.isEmpty() || !m_role->isEnabled())
        return;
    RoleDialog dialog(services(), caller(), user, this);
    if (dialog.exec() == QDialog::Accepted)
        emit statusMessage(
            tr("The role of %1 is now: %2.").arg(user.username, DisplayText::role(selectedUser().role)));
}

void UsersPage::resetPassword()
{
    const User user = selectedUser();
    if (user.id.isEmpty())
        return;
    PasswordDialog dialog(services(), caller(), user, this);
    if (dialog.exec() == QDialog::Accepted)
        emit statusMessage(
            tr("The password of %1 was reset; their devices were signed out.").arg(user.username));
}

void UsersPage::toggleDisabled()
{
    const User user = selectedUser();
    if (user.id.isEmpty())
        return;
    const bool disable = !user.disabled;
    if (disable) {
        const auto answer = QMessageBox::question(
            this, tr("Disable user"),
            tr("Disable %1 (%2)? They can no longer sign in, and every device of theirs is signed out.")
                .arg(user.displayName, user.username),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    if (auto done = services().directory.setDisabled(caller(), user.id, disable); !done) {
        ErrorMessages::show(
            this, disable ? tr("The user could not be disabled") : tr("The user could not be enabled"),
            done.error());
        return;
    }
    emit statusMessage(disable ? tr("%1 was disabled.").arg(user.username)
                               : tr("%1 was enabled.").arg(user.username));
}

} // namespace cc
