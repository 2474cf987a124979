#include "ui/peermentors/PeerMentorsPage.h"

#include "core/Permissions.h"
#include "core/PersonalDataService.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/Icons.h"
#include "ui/common/LongTask.h"
#include "ui/common/Settings.h"
#include "ui/peermentors/EraseMentorDialog.h"
#include "ui/peermentors/GlyphColumnProxy.h"
#include "ui/peermentors/HistoryModel.h"
#include "ui/peermentors/MentorDialog.h"
#include "ui/peermentors/MentorProfileView.h"
#include "ui/peermentors/MoveMentorsDialog.h"
#include "ui/peermentors/PeerMentorsModel.h"
#include "ui/peermentors/PersonalDataReport.h"
#include "ui/peermentors/RecordEventDialog.h"
#include "ui/peermentors/RetentionDialog.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace cc {

PeerMentorsPage::PeerMentorsPage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : ConsolePage(services, caller, parent)
{
    setObjectName(QStringLiteral("PeerMentorsPage"));

    m_mentors = new PeerMentorsModel(services.directory, services.records, caller, this);
    if (const QString search = services.settings.string(Settings::Key::PeerMentorsSearch).trimmed();
        !search.isEmpty())
        m_mentors->setSearch(search);
    auto *glyphs = new GlyphColumnProxy(PeerMentorsModel::StatusColumn, PeerMentorsModel::RawRole,
                                        {{QStringLiteral("paused"), Icons::glyph(Icons::Glyph::Paused)},
                                         {QStringLiteral("active"), Icons::glyph(Icons::Glyph::Active)}},
                                        this);
    glyphs->setSourceModel(m_mentors);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(glyphs);
    m_sorted->setSortRole(PeerMentorsModel::SortRole);
    m_sorted->setSortLocaleAware(true);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_sorted->setDynamicSortFilter(true);

    m_history = new HistoryModel(services.records, caller, this);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("peerMentorsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildList());
    splitter->addWidget(buildDetails());
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({470, 530});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    // Ctrl+F: to the search field, wherever the focus is on the page.
    auto *find = new QAction(tr("Search peer mentors"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(find);

    connect(m_sorted, &QAbstractItemModel::modelReset, this, &PeerMentorsPage::onListReset);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PeerMentorsPage::onCurrentRowChanged);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PeerMentorsPage::updateDirectoryButtons);
    connect(m_mentors, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_mentors->rowOf(m_selectedId);
                if (row >= topLeft.row() && row <= bottomRight.row())
                    updateProfile();
            });
    connect(m_mentors, &PeerMentorsModel::errorOccurred, this, [this](const Error &error) {
        emit statusMessage(ErrorMessages::heading(error));
        updatePlaceholder();
    });

    m_list->sortByColumn(PeerMentorsModel::NameColumn, Qt::AscendingOrder);
    onListReset();
}

QString PeerMentorsPage::title() const
{
    return tr("Peer mentors");
}

QIcon PeerMentorsPage::icon() const
{
    return Icons::glyph(Icons::Glyph::PeerMentors);
}

void PeerMentorsPage::activated()
{
    // A pause with a future effective date becomes current without any record arriving.
    m_mentors->refresh();
}

QWidget *PeerMentorsPage::buildList()
{
    auto *panel = new QWidget(this);
    m_search = new QLineEdit(panel);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setAccessibleName(tr("Search peer mentors"));
    m_search->setAccessibleDescription(tr("Matches the name, email or id. Ctrl+F comes back here."));
    m_search->setPlaceholderText(tr("Name, email or id"));
    m_search->setClearButtonEnabled(true);
    m_search->setText(services().settings.string(Settings::Key::PeerMentorsSearch));
    auto *searchLabel = new QLabel(tr("&Search:"), panel);
    searchLabel->setBuddy(m_search);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(200);
    connect(m_searchTimer, &QTimer::timeout, this, &PeerMentorsPage::applySearch);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &PeerMentorsPage::applySearch);

    m_list = new QTreeView(panel);
    m_list->setObjectName(QStringLiteral("mentorsView"));
    m_list->setAccessibleName(tr("Peer mentors"));
    m_list->setAccessibleDescription(
        tr("Choose a peer mentor to see the profile and the notification history."));
    m_list->setModel(m_sorted);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setAlternatingRowColors(true);
    // Several at once for "Move to coordinator…"; the current row is the one whose profile shows.
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSortingEnabled(true);
    QHeaderView *header = m_list->header();
    header->setAccessibleName(tr("Columns of the peer mentor list"));
    header->setStretchLastSection(false);
    header->setSectionResizeMode(PeerMentorsModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(PeerMentorsModel::CoordinatorColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PeerMentorsModel::StatusColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PeerMentorsModel::PausedSinceColumn, QHeaderView::ResizeToContents);

    // The header sorts by mouse; this sorts by keyboard too (a header cannot take the focus).
    m_sortBy = new QComboBox(panel);
    m_sortBy->setObjectName(QStringLiteral("sortCombo"));
    m_sortBy->setAccessibleName(tr("Sort the peer mentors by"));
    for (int column = 0; column < PeerMentorsModel::ColumnCount; ++column)
        m_sortBy->addItem(m_mentors->headerData(column, Qt::Horizontal).toString(), column);
    auto *sortLabel = new QLabel(tr("S&ort by:"), panel);
    sortLabel->setBuddy(m_sortBy);
    connect(m_sortBy, &QComboBox::activated, this, [this](int index) {
        const int column = m_sortBy->itemData(index).toInt();
        // Most recent pauses first; everything else from A.
        m_list->sortByColumn(
            column, column == PeerMentorsModel::PausedSinceColumn ? Qt::DescendingOrder : Qt::AscendingOrder);
    });
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            [this](int section, Qt::SortOrder) { m_sortBy->setCurrentIndex(m_sortBy->findData(section)); });

    m_count = new QLabel(panel);
    m_count->setObjectName(QStringLiteral("mentorsCount"));

    m_activity = new QComboBox(panel);
    m_activity->setObjectName(QStringLiteral("activityCombo"));
    m_activity->setAccessibleName(tr("Show peer mentors"));
    m_activity->addItem(tr("Active"), int(Activity::Active));
    m_activity->addItem(tr("Inactive (left)"), int(Activity::Inactive));
    m_activity->addItem(tr("All"), int(Activity::Any));
    auto *activityLabel = new QLabel(tr("Sho&w:"), panel);
    activityLabel->setBuddy(m_activity);
    connect(m_activity, &QComboBox::activated, this,
            [this](int index) { setActivity(Activity(m_activity->itemData(index).toInt())); });

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    // Which mentors and their order on a row of their own: the search keeps its width.
    auto *viewRow = new QHBoxLayout;
    viewRow->addWidget(activityLabel);
    viewRow->addWidget(m_activity);
    viewRow->addSpacing(fontMetrics().averageCharWidth() * 2);
    viewRow->addWidget(sortLabel);
    viewRow->addWidget(m_sortBy);
    viewRow->addStretch(1);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(searchRow);
    layout->addLayout(viewRow);
    layout->addWidget(m_list, 1);
    layout->addWidget(buildDirectoryButtons(panel));
    layout->addWidget(m_count);
    return panel;
}

QAction *PeerMentorsPage::addPageAction(const QString &text, const QKeySequence &shortcut,
                                        QPushButton *button, const QString &objectName,
                                        const QString &description)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName + QStringLiteral("Action"));
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    const QString keys = shortcut.toString(QKeySequence::NativeText);
    button->setObjectName(objectName + QStringLiteral("Button"));
    button->setText(text);
    button->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    button->setAccessibleDescription(tr("%1 Shortcut: %2.").arg(description, keys));
    button->setToolTip(tr("%1 (%2)").arg(description, keys));
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    connect(action, &QAction::changed, button, [action, button] { button->setEnabled(action->isEnabled()); });
    return action;
}

QWidget *PeerMentorsPage::buildDetails()
{
    m_details = new QStackedWidget(this);
    m_details->setObjectName(QStringLiteral("mentorDetails"));

    // Page 0: nothing to show (no mentors, no match, or an error).
    m_placeholder = new QLabel(m_details);
    m_placeholder->setObjectName(QStringLiteral("mentorPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(fontMetrics().height() * 2);
    m_details->addWidget(m_placeholder);

    // Page 1: the profile, the actions and the timeline.
    m_profile = new MentorProfileView(*m_history, m_details);
    using Button = MentorProfileView::Button;
    m_recordPause = addPageAction(tr("Record a &pause…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                                  m_profile->button(Button::RecordPause), QStringLiteral("recordPause"),
                                  tr("Record a pause on the peer mentor's behalf and build the messages."));
    m_recordResume = addPageAction(tr("Record a &resume…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                                   m_profile->button(Button::RecordResume), QStringLiteral("recordResume"),
                                   tr("Record that the peer mentor is active again and build the messages."));
    m_exportCsv = addPageAction(tr("Export as &CSV…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                                m_profile->button(Button::ExportCsv), QStringLiteral("exportCsv"),
                                tr("Save the notification history as a CSV file."));
    m_exportPdf =
        addPageAction(tr("Export as P&DF…"), QKeySequence::Print, m_profile->button(Button::ExportPdf),
                      QStringLiteral("exportPdf"), tr("Save the notification history as a printable PDF."));
    connect(m_recordPause, &QAction::triggered, this, [this] { recordEvent(EventType::PauseActivated); });
    connect(m_recordResume, &QAction::triggered, this, [this] { recordEvent(EventType::PauseDeactivated); });
    connect(m_exportCsv, &QAction::triggered, this, [this] { chooseExportFile(HistoryExport::Format::Csv); });
    connect(m_exportPdf, &QAction::triggered, this, [this] { chooseExportFile(HistoryExport::Format::Pdf); });
    m_details->addWidget(m_profile);
    return m_details;
}

bool PeerMentorsPage::canRecord() const
{
    return may(caller(), Action::RecordNotification);
}

void PeerMentorsPage::applySearch()
{
    m_searchTimer->stop();
    const QString text = m_search->text();
    services().settings.setValue(Settings::Key::PeerMentorsSearch, text);
    if (text.trimmed() != m_mentors->search())
        m_mentors->setSearch(text.trimmed());
}

bool PeerMentorsPage::selectMentor(const QString &peerMentorId)
{
    const int sourceRow = m_mentors->rowOf(peerMentorId);
    if (sourceRow < 0)
        return false;
    const QModelIndex index =
        m_sorted->mapFromSource(static_cast<QAbstractProxyModel *>(m_sorted->sourceModel())
                                    ->mapFromSource(m_mentors->index(sourceRow, 0)));
    if (!index.isValid())
        return false;
    m_list->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_list->scrollTo(index);
    onCurrentRowChanged(); // also when the row was current already and no signal came
    return m_selectedId == peerMentorId;
}

void PeerMentorsPage::onListReset()
{
    // A new search, a directory change or a refresh: keep the mentor that was shown when it is
    // still listed, else show the first, so the right side is never an empty half.
    const int count = m_sorted->rowCount();
    m_count->setText(tr("%n peer mentor(s)", nullptr, count));
    if (!m_selectedId.isEmpty() && selectMentor(m_selectedId))
        return;
    if (count > 0) {
        m_list->selectionModel()->setCurrentIndex(
            m_sorted->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        onCurrentRowChanged();
    } else {
        showMentor({});
    }
}

void PeerMentorsPage::onCurrentRowChanged()
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    showMentor(current.isValid() ? current.data(PeerMentorsModel::IdRole).toString() : QString());
}

void PeerMentorsPage::showMentor(const QString &peerMentorId)
{
    if (peerMentorId != m_selectedId
        || (!peerMentorId.isEmpty() && m_history->peerMentorId() != peerMentorId)) {
        m_selectedId = peerMentorId;
        m_history->setPeerMentor(peerMentorId);
    }
    updateProfile();
    updatePlaceholder();
    updateActions();
    m_profile->updateTimelineNote();
}

void PeerMentorsPage::updateProfile()
{
    const int row = m_mentors->rowOf(m_selectedId);
    if (row < 0)
        return;
    m_profile->showProfile(m_mentors->profileAt(row),
                           m_mentors->index(row, PeerMentorsModel::CoordinatorColumn).data().toString());
}

void PeerMentorsPage::updateActions()
{
    const bool selected = !m_selectedId.isEmpty();
    const int row = m_mentors->rowOf(m_selectedId);
    // One who left gets no new records (core refuses them too).
    const bool active = row >= 0 && m_mentors->profileAt(row).mentor.active();
    m_recordPause->setEnabled(selected && active && canRecord());
    m_recordResume->setEnabled(selected && active && canRecord());
    m_exportCsv->setEnabled(selected);
    m_exportPdf->setEnabled(selected);
    updateDirectoryButtons();
}

QWidget *PeerMentorsPage::buildDirectoryButtons(QWidget *parent)
{
    auto *row = new QWidget(parent);
    const auto button = [row](const QString &objectName, const QString &text, const QString &description) {
        auto *b = new QPushButton(text, row);
        b->setObjectName(objectName);
        b->setAccessibleName(QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")));
        b->setAccessibleDescription(description);
        b->setToolTip(description);
        return b;
    };
    m_add = button(QStringLiteral("addMentorButton"), tr("&Add…"), tr("Add a peer mentor."));
    m_edit = button(QStringLiteral("editMentorButton"), tr("&Edit…"),
                    tr("Change the name, email, phone or coordinator of the peer mentor."));
    m_move = button(QStringLiteral("moveMentorsButton"), tr("&Move…"),
                    tr("Give the selected peer mentors to another coordinator."));
    m_deactivate = button(QStringLiteral("deactivateMentorButton"), tr("&Deactivate"),
                          tr("Mark a peer mentor who leaves: her history is kept, she gets no new records."));
    connect(m_add, &QPushButton::clicked, this, &PeerMentorsPage::addMentor);
    connect(m_edit, &QPushButton::clicked, this, &PeerMentorsPage::editMentor);
    connect(m_move, &QPushButton::clicked, this, &PeerMentorsPage::moveMentors);
    connect(m_deactivate, &QPushButton::clicked, this, &PeerMentorsPage::toggleActive);

    // Her rights to her personal data (GDPR): a copy of everything, and erasure. In a menu, as
    // they are asked for seldom and the row has no room for two more buttons.
    m_personalData =
        button(QStringLiteral("personalDataButton"), tr("Perso&nal data"),
               tr("Export everything stored about the peer mentor, or erase her personal data."));
    auto *menu = new QMenu(m_personalData);
    menu->setObjectName(QStringLiteral("personalDataMenu"));
    menu->setAccessibleName(tr("Personal data"));
    m_exportPersonalData = menu->addAction(tr("E&xport personal data…"));
    m_exportPersonalData->setObjectName(QStringLiteral("exportPersonalDataAction"));
    m_exportPersonalData->setToolTip(
        tr("Save everything stored about the peer mentor as a PDF to read and a JSON file, for her."));
    m_erasePersonalData = menu->addAction(tr("E&rase personal data…"));
    m_erasePersonalData->setObjectName(QStringLiteral("erasePersonalDataAction"));
    m_erasePersonalData->setToolTip(tr("Erase her name, contact details and texts for good; her records "
                                       "still count in the statistics."));
    menu->addSeparator();
    m_retention = menu->addAction(tr("Re&tention rules…"));
    m_retention->setObjectName(QStringLiteral("retentionAction"));
    m_retention->setToolTip(tr(
        "How long the organisation keeps personal data: erase those who left long ago, delete old records."));
    menu->setToolTipsVisible(true);
    m_personalData->setMenu(menu);
    connect(m_exportPersonalData, &QAction::triggered, this, &PeerMentorsPage::choosePersonalDataFiles);
    connect(m_erasePersonalData, &QAction::triggered, this, &PeerMentorsPage::erasePersonalData);
    connect(m_retention, &QAction::triggered, this, &PeerMentorsPage::editRetention);

    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_add);
    layout->addWidget(m_edit);
    layout->addWidget(m_move);
    layout->addWidget(m_deactivate);
    layout->addWidget(m_personalData);
    layout->addStretch(1);
    // Only org admins and global admins manage the directory; a coordinator edits her own mentors.
    const bool manages = may(caller(), Action::ManageDirectory);
    m_add->setVisible(manages);
    m_move->setVisible(manages);
    m_deactivate->setVisible(manages);
    m_edit->setVisible(may(caller(), Action::EditMentorContact));
    m_personalData->setVisible(may(caller(), Action::ExportPersonalData)
                               || may(caller(), Action::ErasePersonalData)
                               || may(caller(), Action::ManageRetention));
    m_exportPersonalData->setVisible(may(caller(), Action::ExportPersonalData));
    m_erasePersonalData->setVisible(may(caller(), Action::ErasePersonalData));
    m_retention->setVisible(may(caller(), Action::ManageRetention));
    return row;
}

QStringList PeerMentorsPage::selectedMentorIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids << index.data(PeerMentorsModel::IdRole).toString();
    return ids;
}

void PeerMentorsPage::setActivity(Activity activity)
{
    m_activity->setCurrentIndex(m_activity->findData(int(activity)));
    m_mentors->setActivity(activity);
}

void PeerMentorsPage::updateDirectoryButtons()
{
    if (!m_edit)
        return;
    const int row = m_mentors->rowOf(m_selectedId);
    const PeerMentor mentor = row >= 0 ? m_mentors->profileAt(row).mentor : PeerMentor();
    const bool manages = may(caller(), Action::ManageDirectory);
    m_edit->setEnabled(row >= 0 && (manages || mentor.coordinatorId == caller().coordinatorId));
    m_move->setEnabled(!selectedMentorIds().isEmpty());
    m_deactivate->setEnabled(row >= 0);
    const QString text = mentor.active() || row < 0 ? tr("&Deactivate") : tr("&Reactivate");
    m_deactivate->setText(text);
    m_deactivate->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    // The rules are the organisation's: they need no mentor.
    m_personalData->setEnabled(row >= 0 || may(caller(), Action::ManageRetention));
    m_exportPersonalData->setEnabled(row >= 0 && may(caller(), Action::ExportPersonalData));
    // Once erased, there is nothing left to erase.
    m_erasePersonalData->setEnabled(row >= 0 && !mentor.erased() && may(caller(), Action::ErasePersonalData));
}

void PeerMentorsPage::addMentor()
{
    MentorDialog dialog(services(), caller(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    emit statusMessage(tr("%1 was added.").arg(dialog.mentor().name));
    selectMentor(dialog.mentor().id);
}

void PeerMentorsPage::editMentor()
{
    const int row = m_mentors->rowOf(m_selectedId);
    if (row < 0)
        return;
    MentorDialog dialog(services(), caller(), m_mentors->profileAt(row).mentor, this);
    if (dialog.exec() == QDialog::Accepted)
        emit statusMessage(tr("The details of %1 were saved.").arg(dialog.mentor().name));
}

void PeerMentorsPage::moveMentors()
{
    const QStringList ids = selectedMentorIds();
    const int row = m_mentors->rowOf(m_selectedId);
    if (ids.isEmpty() || row < 0)
        return;
    MoveMentorsDialog dialog(services(), caller(), ids, m_mentors->profileAt(row).mentor.orgId, this);
    if (dialog.exec() == QDialog::Accepted)
        emit statusMessage(tr("%n peer mentor(s) moved to another coordinator.", nullptr, dialog.moved()));
}

void PeerMentorsPage::toggleActive()
{
    const int row = m_mentors->rowOf(m_selectedId);
    if (row < 0)
        return;
    const PeerMentor mentor = m_mentors->profileAt(row).mentor;
    if (mentor.active()) {
        const auto answer = QMessageBox::question(
            this, tr("Deactivate peer mentor"),
            tr("Deactivate %1? Her history is kept and still counts in the statistics, but she gets no "
               "new records and is hidden from the list until she is reactivated.")
                .arg(mentor.name));
        if (answer != QMessageBox::Yes)
            return;
    }
    if (auto s = services().directory.setPeerMentorActive(caller(), mentor.id, !mentor.active()); !s) {
        ErrorMessages::show(this, tr("The peer mentor could not be changed"), s.error());
        return;
    }
    emit statusMessage(mentor.active() ? tr("%1 was deactivated.").arg(mentor.name)
                                       : tr("%1 is active again.").arg(mentor.name));
}

void PeerMentorsPage::choosePersonalDataFiles()
{
    const int row = m_mentors->rowOf(m_selectedId);
    if (row < 0)
        return;
    QString folder = services().settings.string(Settings::Key::LastExportFolder);
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = PersonalDataReport::suggestedFileName(m_mentors->profileAt(row).mentor.name,
                                                               services().clock.now().toLocalTime().date());
    const QString pdf =
        QFileDialog::getSaveFileName(this, tr("Export personal data as PDF and JSON"),
                                     QDir(folder).filePath(name), tr("PDF documents (*.pdf)"));
    if (pdf.isEmpty())
        return;
    services().settings.setValue(Settings::Key::LastExportFolder, QFileInfo(pdf).absolutePath());
    // The JSON file beside it, with the same name.
    const QFileInfo info(pdf);
    const QString json = info.dir().filePath(
        (info.suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0 ? info.completeBaseName()
                                                                               : info.fileName())
        + QStringLiteral(".json"));
    exportPersonalData(pdf, json);
}

bool PeerMentorsPage::exportPersonalData(const QString &pdfFile, const QString &jsonFile)
{
    const int row = m_mentors->rowOf(m_selectedId);
    if (row < 0)
        return false;
    const QString mentorId = m_selectedId;
    const QString mentorName = m_mentors->profileAt(row).mentor.name;
    ConsoleServices &all = services();
    const Caller who = caller();
    const LongTask::Result result =
        LongTask::run(this, tr("Exporting the personal data of %1…").arg(mentorName),
                      [&all, who, mentorId, pdfFile, jsonFile](const LongTask::Progress &) -> Status {
                          PersonalDataService personal(all.database, all.clock, all.directory, all.records);
                          auto exported = personal.exportMentor(who, mentorId);
                          if (!exported)
                              return exported.error();
                          if (!pdfFile.isEmpty())
                              if (auto s = PersonalDataReport::writePdf(*exported, pdfFile); !s)
                                  return s;
                          if (!jsonFile.isEmpty())
                              if (auto s = PersonalDataReport::writeJson(*exported, jsonFile); !s)
                                  return s;
                          return {};
                      });
    if (!result.ok()) {
        if (result.outcome == LongTask::Outcome::Cancelled)
            emit statusMessage(tr("The export was cancelled."));
        else
            ErrorMessages::show(this, tr("The personal data could not be exported"), result.error);
        return false;
    }
    const QStringList files = QStringList{pdfFile, jsonFile}.filter(QRegularExpression(QStringLiteral(".")));
    QStringList shown;
    for (const QString &file : files)
        shown << QDir::toNativeSeparators(file);
    emit statusMessage(
        tr("The personal data of %1 were saved to %2.").arg(mentorName, shown.join(QStringLiteral(", "))));
    return true;
}

bool PeerMentorsPage::erasePersonalData()
{
    const int row = m_mentors->rowOf(m_selectedId);
    if (row < 0 || !may(caller(), Action::ErasePersonalData))
        return false;
    const PeerMentor mentor = m_mentors->profileAt(row).mentor;
    EraseMentorDialog dialog(services(), caller(), mentor, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const ErasureReport &report = dialog.report();
    QString message = tr("The personal data of %1 were erased; she is listed as “%2” among those who left.")
                          .arg(mentor.name, report.anonymousName);
    if (!report.compacted)
        message += QLatin1Char(' ')
            + tr("The database file still holds old copies until it is rewritten: %1")
                  .arg(report.compactionError);
    emit statusMessage(message);
    return true;
}

bool PeerMentorsPage::editRetention()
{
    if (!may(caller(), Action::ManageRetention))
        return false;
    const int row = m_mentors->rowOf(m_selectedId);
    const QString orgId =
        caller().orgId.isEmpty() && row >= 0 ? m_mentors->profileAt(row).mentor.orgId : caller().orgId;
    RetentionDialog dialog(services(), caller(), orgId, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    emit statusMessage(dialog.policy().isOff()
                           ? tr("The retention rules are off.")
                           : tr("The retention rules were saved; they apply every hour."));
    return true;
}

void PeerMentorsPage::updatePlaceholder()
{
    if (!m_selectedId.isEmpty() && m_mentors->rowOf(m_selectedId) >= 0) {
        m_details->setCurrentIndex(1);
        return;
    }
    if (const auto &error = m_mentors->lastError())
        m_placeholder->setText(tr("The peer mentors could not be read.") + QLatin1Char('\n')
                               + ErrorMessages::text(*error));
    else if (m_mentors->activity() == Activity::Inactive && m_mentors->search().isEmpty())
        m_placeholder->setText(tr("No peer mentor has left the organisation."));
    else if (!m_mentors->search().isEmpty())
        m_placeholder->setText(tr("No peer mentor matches “%1”. Change or clear the search to see more.")
                                   .arg(m_mentors->search()));
    else
        m_placeholder->setText(
            tr("There are no peer mentors to show yet. When an organisation admin adds them, "
               "they appear here with their status and notification history."));
    m_details->setCurrentIndex(0);
}

bool PeerMentorsPage::recordEvent(EventType event)
{
    const int row = m_mentors->rowOf(m_selectedId);
    if (row < 0 || !canRecord())
        return false;
    const PeerMentorProfile profile = m_mentors->profileAt(row);
    RecordEventDialog dialog(services(), caller(), profile, event, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const QString date = DisplayText::date(dialog.recorded().effectiveDate);
    emit statusMessage(event == EventType::PauseActivated
                           ? tr("A pause of %1 from %2 was recorded.").arg(profile.mentor.name, date)
                           : tr("The resume of %1 from %2 was recorded.").arg(profile.mentor.name, date));
    return true;
}

void PeerMentorsPage::chooseExportFile(HistoryExport::Format format)
{
    const int row = m_mentors->rowOf(m_selectedId);
    if (row < 0)
        return;
    QString folder = services().settings.string(Settings::Key::LastExportFolder);
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = HistoryExport::suggestedFileName(m_mentors->profileAt(row).mentor.name, format,
                                                          services().clock.now().toLocalTime().date());
    const bool pdf = format == HistoryExport::Format::Pdf;
    const QString file = QFileDialog::getSaveFileName(
        this, pdf ? tr("Export the history as PDF") : tr("Export the history as CSV"),
        QDir(folder).filePath(name), pdf ? tr("PDF documents (*.pdf)") : tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    services().settings.setValue(Settings::Key::LastExportFolder, QFileInfo(file).absolutePath());
    exportHistory(format, file);
}

bool PeerMentorsPage::exportHistory(HistoryExport::Format format, const QString &file)
{
    const int row = m_mentors->rowOf(m_selectedId);
    if (row < 0)
        return false;
    const QString mentorId = m_selectedId;
    const QString mentorName = m_mentors->profileAt(row).mentor.name;
    const HistoryExport exporter(services().records, services().directory, caller());
    const QDateTime madeAt = services().clock.now();
    const LongTask::Result result = LongTask::run(
        this, tr("Exporting the history of %1…").arg(mentorName),
        [exporter, mentorId, format, file, madeAt](const LongTask::Progress &progress) -> Status {
            return exporter.write(mentorId, format, file, madeAt, progress);
        });
    switch (result.outcome) {
    case LongTask::Outcome::Finished:
        emit statusMessage(
            tr("The history of %1 was saved to %2.").arg(mentorName, QDir::toNativeSeparators(file)));
        return true;
    case LongTask::Outcome::Cancelled:
        emit statusMessage(tr("The export was cancelled; no file was written."));
        return false;
    case LongTask::Outcome::Failed:
        ErrorMessages::show(this, tr("The history could not be exported"), result.error);
        return false;
    }
    return false;
}

} // namespace cc
