#include "ui/coordinators/CoordinatorsPage.h"

#include "core/Permissions.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/ErrorMessages.h"
#include "ui/coordinators/CoordinatorDialog.h"
#include "ui/coordinators/CoordinatorsModel.h"

#include <QAction>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace cc {

namespace {

// A person with a list beside her, in the manner of ui/common/Icons (a 24×24 drawing in the
// palette's text colours).
QPixmap coordinatorsPixmap(int size, const QColor &color)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 24.0, size / 24.0);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QPointF(8, 7.5), 3.6, 3.6);
    QPainterPath body;
    body.moveTo(1.5, 21);
    body.cubicTo(1.5, 15, 4.5, 12.5, 8, 12.5);
    body.cubicTo(11.5, 12.5, 14.5, 15, 14.5, 21);
    body.closeSubpath();
    p.drawPath(body);
    p.setPen(QPen(color, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(QRectF(15.5, 4, 7, 10), 1.5, 1.5);
    p.drawLine(QPointF(17.5, 7.5), QPointF(20.5, 7.5));
    p.drawLine(QPointF(17.5, 10.5), QPointF(20.5, 10.5));
    return pixmap;
}

QIcon coordinatorsIcon()
{
    const QPalette palette = QGuiApplication::palette();
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48}) {
        icon.addPixmap(coordinatorsPixmap(size, palette.color(QPalette::Active, QPalette::WindowText)),
                       QIcon::Normal);
        icon.addPixmap(coordinatorsPixmap(size, palette.color(QPalette::Active, QPalette::HighlightedText)),
                       QIcon::Selected);
        icon.addPixmap(coordinatorsPixmap(size, palette.color(QPalette::Disabled, QPalette::WindowText)),
                       QIcon::Disabled);
    }
    return icon;
}

} // namespace

CoordinatorsPage::CoordinatorsPage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : ConsolePage(services, caller, parent)
{
    setObjectName(QStringLiteral("CoordinatorsPage"));

    m_model = new CoordinatorsModel(services.directory, caller, this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(CoordinatorsModel::SortRole);
    m_sorted->setSortLocaleAware(true);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_sorted->setDynamicSortFilter(true);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("coordinatorsSearch"));
    m_search->setAccessibleName(tr("Search coordinators"));
    m_search->setAccessibleDescription(tr("Matches the name, email or id. Ctrl+F comes back here."));
    m_search->setPlaceholderText(tr("Name, email or id"));
    m_search->setClearButtonEnabled(true);
    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("coordinatorsStatus"));
    m_status->setAccessibleName(tr("Show coordinators by status"));
    m_status->addItem(tr("Active"), int(Activity::Active));
    m_status->addItem(tr("Inactive"), int(Activity::Inactive));
    m_status->addItem(tr("All"), int(Activity::Any));
    auto *statusLabel = new QLabel(tr("S&how:"), this);
    statusLabel->setBuddy(m_status);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("coordinatorsView"));
    m_table->setAccessibleName(tr("Coordinators"));
    m_table->setModel(m_sorted);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CoordinatorsModel::NameColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->setVisible(false);
    QHeaderView *header = m_table->horizontalHeader();
    header->setAccessibleName(tr("Columns of the coordinators"));
    header->setStretchLastSection(false);
    header->setSectionResizeMode(CoordinatorsModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(CoordinatorsModel::EmailColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(CoordinatorsModel::MentorsColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CoordinatorsModel::StatusColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CoordinatorsModel::OrganisationColumn, QHeaderView::ResizeToContents);
    // Only a global admin sees more than one organisation.
    m_table->setColumnHidden(CoordinatorsModel::OrganisationColumn, !caller.isGlobalAdmin());

    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("coordinatorsPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(fontMetrics().height() * 2);
    m_views = new QStackedWidget(this);
    m_views->addWidget(m_table);
    m_views->addWidget(m_placeholder);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("coordinatorsCount"));

    const auto button = [this](const QString &text, const QString &objectName,
                               const QString &accessibleName) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(objectName);
        b->setAccessibleName(accessibleName);
        return b;
    };
    m_add = button(tr("&Add coordinator…"), QStringLiteral("addCoordinator"), tr("Add coordinator"));
    m_edit = button(tr("&Edit…"), QStringLiteral("editCoordinator"), tr("Edit the selected coordinator"));
    m_toggle = button(tr("&Deactivate"), QStringLiteral("toggleCoordinatorActive"),
                      tr("Deactivate the selected coordinator"));

    auto *top = new QHBoxLayout;
    top->addWidget(searchLabel);
    top->addWidget(m_search, 1);
    top->addSpacing(fontMetrics().averageCharWidth() * 2);
    top->addWidget(statusLabel);
    top->addWidget(m_status);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_toggle);
    buttons->addStretch(1);
    buttons->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_views, 1);
    layout->addLayout(buttons);
    if (!canManage()) {
        auto *readOnly = new QLabel(tr("Only an organisation admin adds and changes coordinators."), this);
        readOnly->setObjectName(QStringLiteral("coordinatorsReadOnly"));
        readOnly->setWordWrap(true);
        layout->addWidget(readOnly);
    }

    // Ctrl+F: to the search field, wherever the focus is on the page.
    auto *find = new QAction(tr("Search coordinators"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(find);

    connect(m_search, &QLineEdit::textChanged, m_model, &CoordinatorsModel::setSearch);
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setActivity(Activity(m_status->currentData().toInt())); });
    // A reload (a change of the directory, the search, the filter) keeps the selected coordinator
    // selected while she is listed.
    connect(m_sorted, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_selectedId.isEmpty())
            selectCoordinator(m_selectedId);
        updatePlaceholder();
        updateButtons();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            m_selectedId = rows.constFirst().data(CoordinatorsModel::IdRole).toString();
        updateButtons();
    });
    connect(m_table, &QTableView::activated, this, [this] {
        if (m_edit->isEnabled())
            editCoordinator();
    });
    connect(m_add, &QPushButton::clicked, this, &CoordinatorsPage::addCoordinator);
    connect(m_edit, &QPushButton::clicked, this, &CoordinatorsPage::editCoordinator);
    connect(m_toggle, &QPushButton::clicked, this, &CoordinatorsPage::toggleActive);
    connect(m_model, &CoordinatorsModel::errorOccurred, this, [this](const Error &error) {
        emit statusMessage(tr("The coordinators could not be read: %1").arg(ErrorMessages::heading(error)));
    });

    updatePlaceholder();
    updateButtons();
}

QString CoordinatorsPage::title() const
{
    return tr("Coordinators");
}

QIcon CoordinatorsPage::icon() const
{
    return coordinatorsIcon();
}

bool CoordinatorsPage::isAvailableTo(const Caller &caller)
{
    // What DirectoryService::coordinators() answers with anything in it.
    return caller.isGlobalAdmin() || !caller.orgId.isEmpty();
}

bool CoordinatorsPage::canManage() const
{
    return may(caller(), Action::ManageDirectory);
}

Coordinator CoordinatorsPage::selectedCoordinator() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    const int row = m_sorted->mapToSource(rows.constFirst()).row();
    return row >= 0 ? m_model->coordinatorAt(row) : Coordinator();
}

bool CoordinatorsPage::selectCoordinator(const QString &coordinatorId)
{
    const int sourceRow = m_model->rowOf(coordinatorId);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_sorted->mapFromSource(m_model->index(sourceRow, 0));
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void CoordinatorsPage::updateButtons()
{
    const Coordinator selected = selectedCoordinator();
    const bool any = !selected.id.isEmpty();
    m_add->setEnabled(canManage());
    m_edit->setEnabled(canManage() && any);
    m_toggle->setEnabled(canManage() && any);
    if (any && !selected.active()) {
        m_toggle->setText(tr("&Reactivate"));
        m_toggle->setAccessibleName(tr("Reactivate the selected coordinator"));
    } else {
        m_toggle->setText(tr("&Deactivate"));
        m_toggle->setAccessibleName(tr("Deactivate the selected coordinator"));
    }
}

void CoordinatorsPage::updatePlaceholder()
{
    const int count = m_model->rowCount();
    m_count->setText(tr("%n coordinator(s)", nullptr, count));
    if (count > 0) {
        m_views->setCurrentWidget(m_table);
        return;
    }
    if (const auto &error = m_model->lastError())
        m_placeholder->setText(tr("The coordinators could not be read.") + QLatin1Char('\n')
                               + ErrorMessages::text(*error));
    else if (!m_model->search().isEmpty() && m_model->activity() != Activity::Any)
        m_placeholder->setText(tr("No coordinator matches “%1”. Change or clear the search, or show all "
                                  "coordinators, to see more.")
                                   .arg(m_model->search()));
    else if (!m_model->search().isEmpty())
        m_placeholder->setText(tr("No coordinator matches “%1”. Change or clear the search to see more.")
                                   .arg(m_model->search()));
    else if (m_model->activity() == Activity::Inactive)
        m_placeholder->setText(tr("No coordinator has been deactivated."));
    else if (canManage())
        m_placeholder->setText(tr("There are no coordinators yet. Add one with “Add coordinator…”."));
    else
        m_placeholder->setText(tr("There are no coordinators yet. An organisation admin adds them."));
    m_views->setCurrentWidget(m_placeholder);
}

void CoordinatorsPage::addCoordinator()
{
    CoordinatorDialog dialog(services(), caller(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // directoryChanged has reloaded the list.
    m_selectedId = dialog.coordinator().id;
    selectCoordinator(m_selectedId);
    emit statusMessage(tr("The coordinator %1 was added.").arg(dialog.coordinator().name));
}

void CoordinatorsPage::editCoordinator()
{
    const Coordinator selected = selectedCoordinator();
    if (selected.id.isEmpty())
        return;
    CoordinatorDialog dialog(services(), caller(), selected, this);
    if (dialog.exec() == QDialog::Accepted)
        emit statusMessage(tr("The coordinator %1 was saved.").arg(dialog.coordinator().name));
}

void CoordinatorsPage::toggleActive()
{
    const Coordinator selected = selectedCoordinator();
    if (selected.id.isEmpty())
        return;
    const bool activate = !selected.active();
    if (auto done = services().directory.setCoordinatorActive(caller(), selected.id, activate); !done) {
        ErrorMessages::show(this,
                            activate ? tr("The coordinator could not be reactivated")
                                     : tr("The coordinator could not be deactivated"),
                            done.error());
        return;
    }
    emit statusMessage(activate ? tr("%1 is active again.").arg(selected.name)
                                : tr("%1 was deactivated (listed under Show: Inactive).").arg(selected.name));
}

} // namespace cc
