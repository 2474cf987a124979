#include "ui/devices/TokensPanel.h"

#include "core/Permissions.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"

#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cc {

namespace {

enum TokenColumn
{
    LabelColumn,
    UserColumn,
    CreatedColumn,
    LastUsedColumn,
    ExpiresColumn,
    StateColumn,
    TokenColumnCount
};

constexpr int kTokenIdRole = Qt::UserRole;
constexpr int kTokenValidRole = Qt::UserRole + 1;

} // namespace

TokensPanel::TokensPanel(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : QGroupBox(tr("Paired &devices and tokens"), parent)
    , m_services(services)
    , m_caller(caller)
{
    setObjectName(QStringLiteral("tokensBox"));
    m_tokens = new QTableWidget(0, TokenColumnCount, this);
    m_tokens->setObjectName(QStringLiteral("tokensTable"));
    m_tokens->setAccessibleName(tr("Paired devices and tokens"));
    m_tokens->setHorizontalHeaderLabels(
        {tr("Device"), tr("User"), tr("Created"), tr("Last used"), tr("Expires"), tr("State")});
    m_tokens->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tokens->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tokens->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tokens->setTabKeyNavigation(false);
    m_tokens->setAlternatingRowColors(true);
    m_tokens->verticalHeader()->setVisible(false);
    // The user's name takes what is left; the dates and states are as wide as they need.
    m_tokens->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tokens->horizontalHeader()->setSectionResizeMode(UserColumn, QHeaderView::Stretch);
    m_tokens->horizontalHeader()->setStretchLastSection(false);
    m_tokens->setTextElideMode(Qt::ElideMiddle);
    m_tokens->horizontalHeader()->setAccessibleName(tr("Columns of the tokens"));

    m_revoke = new QPushButton(tr("&Revoke…"), this);
    m_revoke->setObjectName(QStringLiteral("revokeToken"));
    m_revoke->setAccessibleName(tr("Revoke the selected token"));
    m_revoke->setToolTip(tr("Signs the device out at once; it must be paired again."));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_revoke);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tokens, 1);
    layout->addLayout(buttons);

    connect(m_tokens, &QTableWidget::itemSelectionChanged, this, &TokensPanel::updateTokenButtons);
    connect(m_revoke, &QPushButton::clicked, this, &TokensPanel::revokeSelected);
}

void TokensPanel::refresh()
{
    const QString selected =
        m_tokens->currentRow() >= 0 && m_tokens->item(m_tokens->currentRow(), LabelColumn)
        ? m_tokens->item(m_tokens->currentRow(), LabelColumn)->data(kTokenIdRole).toString()
        : QString();
    auto tokens = m_services.auth.tokens(m_caller);
    m_tokens->setRowCount(0);
    if (!tokens) {
        emit statusMessage(tr("The tokens could not be read: %1").arg(ErrorMessages::text(tokens.error())));
        updateTokenButtons();
        return;
    }
    // Whose token it is: the users the caller may see (a coordinator sees only their own tokens).
    QHash<QString, QString> names;
    if (!may(m_caller, Action::ManageOthersDevices)) {
        names.insert(m_caller.userId, m_caller.username);
    } else if (auto users = m_services.directory.users(m_caller)) {
        for (const User &user : std::as_const(*users))
            names.insert(user.id, tr("%1 (%2)").arg(user.displayName, user.username));
    }
    const QDateTime now = m_services.clock.now();
    m_tokens->setRowCount(int(tokens->size()));
    int row = 0;
    int selectRow = -1;
    for (const ApiToken &token : std::as_const(*tokens)) {
        const QString state = !token.revokedAt.isNull()
            ? tr("Revoked %1").arg(DisplayText::dateTime(token.revokedAt))
            : token.isValidAt(now) ? tr("Valid")
                                   : tr("Expired");
        const QStringList cells{
            token.label.isEmpty() ? tr("(no name)") : token.label,
            names.value(token.userId, token.userId),
            DisplayText::dateTime(token.createdAt),
            token.lastUsedAt.isValid() ? DisplayText::dateTime(token.lastUsedAt) : tr("Never"),
            DisplayText::dateTime(token.expiresAt),
            state,
        };
        for (int column = 0; column < TokenColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setData(kTokenIdRole, token.id);
            item->setData(kTokenValidRole, token.isValidAt(now));
            m_tokens->setItem(row, column, item);
        }
        if (token.id == selected)
            selectRow = row;
        ++row;
    }
    if (selectRow >= 0)
        m_tokens->selectRow(selectRow);
    updateTokenButtons();
}

void TokensPanel::updateTokenButtons()
{
    const QList<QTableWidgetItem *> selected = m_tokens->selectedItems();
    m_revoke->setEnabled(!selected.isEmpty() && selected.first()->data(kTokenValidRole).toBool());
}

void TokensPanel::revokeSelected()
{
    const QList<QTableWidgetItem *> selected = m_tokens->selectedItems();
    if (selected.isEmpty())
        return;
    const int row = selected.first()->row();
    const QString tokenId = selected.first()->data(kTokenIdRole).toString();
    const QString device = m_tokens->item(row, LabelColumn)->text();
    const QString user = m_tokens->item(row, UserColumn)->text();
    const auto answer = QMessageBox::question(
        this, tr("Revoke token"),
        tr("Revoke “%1” of %2? The device is signed out at once and must be paired again.").arg(device, user),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    if (auto revoked = m_services.auth.revoke(m_caller, tokenId); !revoked) {
        ErrorMessages::show(this, tr("The token could not be revoked"), revoked.error());
        return;
    }
    emit statusMessage(tr("“%1” of %2 was revoked.").arg(device, user));
}

} // namespace cc
