#include "ui/records/RecordsPage.h"

#include "core/Permissions.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/Icons.h"
#include "ui/common/LongTask.h"
#include "ui/common/ReportWriter.h"
#include "ui/common/Settings.h"
#include "ui/records/RecordEditDialog.h"
#include "ui/records/RecordFilterBar.h"
#include "ui/records/RecordsModel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace cc {

namespace {

// Records read per query while exporting: few queries, little memory.
constexpr int kExportPage = 2000;

QStringList exportHeaders()
{
    return {
        RecordsPage::tr("Sent at"),     RecordsPage::tr("Peer mentor"),    RecordsPage::tr("Peer mentor id"),
        RecordsPage::tr("Event"),       RecordsPage::tr("Effective date"), RecordsPage::tr("Reason"),
        RecordsPage::tr("Coordinator"), RecordsPage::tr("Channels"),       RecordsPage::tr("Notes"),
        RecordsPage::tr("Recorded by"), RecordsPage::tr("Record id")};
}

// One CSV row: times in the local time zone as a spreadsheet reads them, words as the table shows them.
QStringList exportRow(const NotificationRecord &r)
{
    return {r.sentAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
            r.peerMentorName,
            r.peerMentorId,
            DisplayText::event(r.eventType),
            r.effectiveDate.toUTC().date().toString(Qt::ISODate),
            r.reason.value_or(QString()),
            r.coordinatorName,
            DisplayText::channels(r.channels),
            r.notes.value_or(QString()),
            r.createdBy,
            r.id};
}

} // namespace

RecordsPage::RecordsPage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : ConsolePage(services, caller, parent)
{
    setObjectName(QStringLiteral("RecordsPage"));

    m_filterBar = new RecordFilterBar(services, caller, this);
    // The filter as it was left, from the first page on.
    m_model = new RecordsModel(services.records, caller, this, m_filterBar->filter());

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("recordsMessage"));
    m_message->setAccessibleName(tr("Why no records are shown"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setFrameShape(QFrame::StyledPanel);
    m_message->setVisible(false);

    m_view = new QTableView(this);
    setUpView();

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("recordsCount"));
    m_count->setAccessibleName(tr("Number of records"));

    m_sort = new QComboBox(this);
    m_sort->setObjectName(QStringLiteral("sortOrder"));
    m_sort->setAccessibleName(tr("Order of the records"));
    m_sort->addItem(tr("Newest first"), int(Qt::DescendingOrder));
    m_sort->addItem(tr("Oldest first"), int(Qt::AscendingOrder));
    auto *sortLabel = new QLabel(tr("O&rder:"), this);
    sortLabel->setBuddy(m_sort);
    connect(m_sort, &QComboBox::currentIndexChanged, this,
            [this] { setSortOrder(Qt::SortOrder(m_sort->currentData().toInt())); });

    auto *countRow = new QHBoxLayout;
    countRow->addWidget(m_count, 1);
    countRow->addWidget(sortLabel);
    countRow->addWidget(m_sort);
    QHBoxLayout *buttonRow = buildActions();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_message);
    layout->addLayout(countRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttonRow);

    // The count follows records that arrive or go (from any thread), a moment after the last one.
    m_countTimer = new QTimer(this);
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(250);
    connect(m_countTimer, &QTimer::timeout, this, &RecordsPage::updateCount);
    connect(&services.records, &NotificationRecordService::recordAdded, m_countTimer,
            qOverload<>(&QTimer::start));
    connect(&services.records, &NotificationRecordService::recordDeleted, m_countTimer,
            qOverload<>(&QTimer::start));

    connect(m_filterBar, &RecordFilterBar::filterChanged, this, &RecordsPage::applyFilter);
    connect(m_model, &RecordsModel::errorOccurred, this, &RecordsPage::showModelError);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RecordsPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RecordsPage::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RecordsPage::updateActions);
    connect(m_view, &QAbstractItemView::activated, this, [this] {
        if (canEdit())
            editCurrent();
    });

    showModelError();
    updateCount();
    updateActions();
}

QHBoxLayout *RecordsPage::buildActions()
{
    m_editButton = new QPushButton(this);
    m_deleteButton = new QPushButton(this);
    auto *exportButton = new QPushButton(this);
    auto *refreshButton = new QPushButton(this);
    m_edit =
        addPageAction(tr("&Edit…"), QKeySequence(Qt::Key_F2), m_editButton, QStringLiteral("editRecord"));
    m_delete =
        addPageAction(tr("&Delete…"), QKeySequence::Delete, m_deleteButton, QStringLiteral("deleteRecord"));
    m_export = addPageAction(tr("Export as &CSV…"), QKeySequence(Qt::CTRL | Qt::Key_E), exportButton,
                             QStringLiteral("exportCsv"));
    m_refresh =
        addPageAction(tr("Re&fresh"), QKeySequence::Refresh, refreshButton, QStringLiteral("refresh"));
    exportButton->setToolTip(tr("Save every record the filters match as a CSV file (%1).")
                                 .arg(m_export->shortcut().toString(QKeySequence::NativeText)));
    refreshButton->setToolTip(
        tr("Read the records again (%1).").arg(m_refresh->shortcut().toString(QKeySequence::NativeText)));
    connect(m_edit, &QAction::triggered, this, &RecordsPage::editCurrent);
    connect(m_delete, &QAction::triggered, this, &RecordsPage::deleteCurrent);
    connect(m_export, &QAction::triggered, this, &RecordsPage::chooseExportFile);
    connect(m_refresh, &QAction::triggered, this, [this] {
        m_filterBar->reloadChoices();
        m_model->refresh();
        updateCount();
    });

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_editButton);
    buttonRow->addWidget(m_deleteButton);
    buttonRow->addStretch(1);
    buttonRow->addWidget(exportButton);
    buttonRow->addWidget(refreshButton);
    return buttonRow;
}

QString RecordsPage::title() const
{
    return tr("Notification records");
}

QIcon RecordsPage::icon() const
{
    return Icons::glyph(Icons::Glyph::Records);
}

void RecordsPage::activated()
{
    // Records follow on their own, and so do the filter's choices (RecordFilterBar); the count of
    // records changed elsewhere (another console) is taken again.
    updateCount();
}

QAction *RecordsPage::addPageAction(const QString &text, const QKeySequence &shortcut, QPushButton *button,
                                    const QString &objectName)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName + QStringLiteral("Action"));
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    button->setObjectName(objectName + QStringLiteral("Button"));
    button->setText(text);
    button->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    connect(action, &QAction::changed, button, [action, button] { button->setEnabled(action->isEnabled()); });
    return action;
}

void RecordsPage::setUpView()
{
    m_view->setObjectName(QStringLiteral("recordsView"));
    m_view->setAccessibleName(tr("Notification records"));
    m_view->setAccessibleDescription(tr("Every record the filters match; more are read as you scroll. Enter "
                                        "or F2 edits the selected record."));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    // Tab leaves the table for the next control; the arrow keys move within it.
    m_view->setTabKeyNavigation(false);
    m_view->setCornerButtonEnabled(false);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    // Every row as high as the font asks, none measured: a million rows scroll without a look at each.
    QHeaderView *rows = m_view->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(std::max(rows->minimumSectionSize(), m_view->fontMetrics().height() * 3 / 2));

    // Widths from the font and the texts they hold, not from the rows (which are read in pages).
    QHeaderView *columns = m_view->horizontalHeader();
    const QFontMetrics cell = m_view->fontMetrics();
    const QFontMetrics head = columns->fontMetrics();
    const int padding = cell.averageCharWidth() * 3 + style()->pixelMetric(QStyle::PM_HeaderMarkSize);
    const auto widthOf = [&](int column, const QStringList &samples) {
        int width = head.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString());
        for (const QString &sample : samples)
            width = std::max(width, cell.horizontalAdvance(sample));
        return width + padding;
    };
    const QDateTime sample(QDate(2026, 12, 28), QTime(23, 58, 59));
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    columns->resizeSection(RecordsModel::SentAtColumn,
                           widthOf(RecordsModel::SentAtColumn, {DisplayText::dateTime(sample)}));
    columns->resizeSection(
        RecordsModel::PeerMentorColumn,
        std::max(widthOf(RecordsModel::PeerMentorColumn, {}), cell.averageCharWidth() * 24));
    columns->resizeSection(RecordsModel::EventColumn,
                           widthOf(RecordsModel::EventColumn,
                                   {DisplayText::event(EventType::PauseActivated),
                                    DisplayText::event(EventType::PauseDeactivated)}));
    columns->resizeSection(RecordsModel::EffectiveDateColumn,
                           widthOf(RecordsModel::EffectiveDateColumn, {DisplayText::date(sample)}));
    columns->resizeSection(
        RecordsModel::CoordinatorColumn,
        std::max(widthOf(RecordsModel::CoordinatorColumn, {}), cell.averageCharWidth() * 20));

    // Only the sent time sorts (the one order the database pages through without sorting): a
    // click on it turns the order round; a click elsewhere leaves the arrow where it is.
    m_view->setSortingEnabled(false);
    columns->setSectionsClickable(true);
    columns->setSortIndicatorShown(true);
    columns->setSortIndicator(RecordsModel::SentAtColumn, Qt::DescendingOrder);
    connect(columns, &QHeaderView::sortIndicatorChanged, this,
            [this, columns](int section, Qt::SortOrder order) {
                if (RecordsModel::isSortable(section)) {
                    setSortOrder(order);
                    return;
                }
                const QSignalBlocker block(columns);
                columns->setSortIndicator(RecordsModel::SentAtColumn,
                                          m_model->order() == RecordOrder::NewestFirst ? Qt::DescendingOrder
                                                                                       : Qt::AscendingOrder);
            });
}

void RecordsPage::setSortOrder(Qt::SortOrder order)
{
    QHeaderView *columns = m_view->horizontalHeader();
    {
        const QSignalBlocker blockHeader(columns);
        columns->setSortIndicator(RecordsModel::SentAtColumn, order);
    }
    {
        const QSignalBlocker blockCombo(m_sort);
        m_sort->setCurrentIndex(m_sort->findData(int(order)));
    }
    m_model->sort(RecordsModel::SentAtColumn, order);
    m_view->scrollToTop();
}

void RecordsPage::applyFilter()
{
    m_model->setFilter(m_filterBar->filter());
    m_view->scrollToTop();
    showModelError();
    updateCount();
}

void RecordsPage::showModelError()
{
    const std::optional<Error> &error = m_model->lastError();
    m_message->setText(error ? tr("The records could not be read.") + QLatin1Char('\n')
                               + ErrorMessages::text(*error)
                             : QString());
    m_message->setVisible(error.has_value());
}

void RecordsPage::updateCount()
{
    const auto total = m_model->totalCount();
    if (!total) {
        m_count->setText(tr("The number of records could not be counted."));
        return;
    }
    m_count->setText(
        tr("%Ln record(s)", nullptr, int(std::min<qint64>(*total, std::numeric_limits<int>::max()))));
}

bool RecordsPage::canEdit() const
{
    return may(caller(), Action::EditRecord);
}

bool RecordsPage::canDelete() const
{
    return may(caller(), Action::DeleteRecord);
}

std::optional<NotificationRecord> RecordsPage::currentRecord() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount())
        return std::nullopt;
    return m_model->recordAt(current.row());
}

bool RecordsPage::selectRecord(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, RecordsModel::SentAtColumn);
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void RecordsPage::updateActions()
{
    const bool selected = currentRecord().has_value();
    const QString editKeys = m_edit->shortcut().toString(QKeySequence::NativeText);
    const QString deleteKeys = m_delete->shortcut().toString(QKeySequence::NativeText);
    QString editWhy;
    if (!canEdit())
        editWhy = tr("Only organisation admins and global admins may edit notification records.");
    else if (!selected)
        editWhy = tr("Select a record to edit its channels and notes.");
    else
        editWhy = tr("Edit the channels and notes of the selected record (%1).").arg(editKeys);
    QString deleteWhy;
    if (!canDelete())
        deleteWhy = tr("Only global admins may delete notification records.");
    else if (!selected)
        deleteWhy = tr("Select a record to delete it.");
    else
        deleteWhy = tr("Delete the selected record after a confirmation (%1).").arg(deleteKeys);
    m_edit->setEnabled(canEdit() && selected);
    m_delete->setEnabled(canDelete() && selected);
    // A disabled button says why, to the mouse and to a screen reader.
    m_editButton->setToolTip(editWhy);
    m_editButton->setAccessibleDescription(editWhy);
    m_deleteButton->setToolTip(deleteWhy);
    m_deleteButton->setAccessibleDescription(deleteWhy);
}

RecordEditDialog *RecordsPage::editCurrent()
{
    const auto record = currentRecord();
    if (!canEdit() || !record)
        return nullptr;
    auto *dialog = new RecordEditDialog(services().records, caller(), *record, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { emit statusMessage(tr("The record was saved.")); });
    dialog->open();
    return dialog;
}

QMessageBox *RecordsPage::deleteCurrent()
{
    const auto record = currentRecord();
    if (!canDelete() || !record)
        return nullptr;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete the record?"),
                                tr("Delete the record that %1 was notified of: %2, sent %3?")
                                    .arg(record->peerMentorName, DisplayText::event(record->eventType),
                                         DisplayText::dateTime(record->sentAt)),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    box->setInformativeText(tr("A deleted record cannot be brought back."));
    QPushButton *remove = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteButton"));
    remove->setAccessibleName(tr("Delete"));
    QPushButton *keep = box->addButton(QMessageBox::Cancel);
    keep->setAccessibleName(tr("Cancel"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = record->id;
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, id](QAbstractButton *clicked) {
        if (clicked == remove)
            deleteRecord(id);
    });
    box->open();
    return box;
}

void RecordsPage::deleteRecord(const QString &id)
{
    const auto deleted = services().records.remove(caller(), id);
    if (!deleted) {
        ErrorMessages::show(this, tr("The record could not be deleted"), deleted.error());
        return;
    }
    // The model drops the row when the service announces it.
    emit statusMessage(tr("The record was deleted."));
}

void RecordsPage::chooseExportFile()
{
    QString folder = services().settings.string(Settings::Key::LastExportFolder);
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = tr("notification-records-%1.csv")
                             .arg(services().clock.now().toLocalTime().date().toString(Qt::ISODate));
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the notification records as CSV"),
                                                      QDir(folder).filePath(name), tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    services().settings.setValue(Settings::Key::LastExportFolder, QFileInfo(file).absolutePath());
    exportCsv(file);
}

bool RecordsPage::exportCsv(const QString &file)
{
    // What the table shows now: its filter and order, for the records as they are when it starts.
    const RecordFilter filter = m_model->filter();
    const RecordOrder order = m_model->order();
    const Caller who = caller();
    NotificationRecordService &records = services().records;
    ReportWriter::Table table;
    table.headers = exportHeaders();
    if (const auto total = m_model->totalCount())
        table.expectedRows = *total;

    const LongTask::Result result = LongTask::run(
        this, tr("Exporting the notification records…"),
        [&records, who, filter, order, table, file](const LongTask::Progress &progress) -> Status {
            // Keyset pages: each query starts where the last ended, so the last costs what the first did.
            const ReportWriter::RowSource source = [&records, &who, &filter,
                                                    order](const ReportWriter::Sink &sink) -> Status {
                std::optional<RecordKey> after;
                for (;;) {
                    const auto page = records.windowAfter(who, filter, after, kExportPage, order);
                    if (!page)
                        return page.error();
                    for (const NotificationRecord &r : *page) {
                        if (!sink(exportRow(r)))
                            return ReportWriter::cancelled();
                    }
                    if (page->size() < kExportPage)
                        return {};
                    after = NotificationRecordService::keyOf(page->constLast());
                }
            };
            return ReportWriter::writeCsv(file, table, source, progress);
        });
    switch (result.outcome) {
    case LongTask::Outcome::Finished:
        emit statusMessage(tr("The records were saved to %1.").arg(QDir::toNativeSeparators(file)));
        return true;
    case LongTask::Outcome::Cancelled:
        emit statusMessage(tr("The export was cancelled; no file was written."));
        return false;
    case LongTask::Outcome::Failed:
        ErrorMessages::show(this, tr("The records could not be exported"), result.error);
        return false;
    }
    return false;
}

} // namespace cc
