#pragma once

#include "core/Records.h"
#include "ui/common/ConsolePage.h"

#include <optional>

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QMessageBox;
class QPushButton;
class QTableView;
class QTimer;

namespace cc {

class RecordEditDialog;
class RecordFilterBar;
class RecordsModel;

// The page of every notification record the caller may see: the API's filters (remembered), a
// table that pages through a million records as it scrolls and shows records arriving through the
// API at once, newest or oldest first; editing channels and notes (org admins and global admins),
// deleting after a confirmation (global admins) and an export of everything the filter matches as
// CSV, written off the UI thread.
class RecordsPage : public ConsolePage
{
    Q_OBJECT
public:
    RecordsPage(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void activated() override;

    RecordsModel *model() const { return m_model; }
    RecordFilterBar *filterBar() const { return m_filterBar; }
    QTableView *view() const { return m_view; }

    // What the caller's role allows (the service refuses the rest anyway).
    bool canEdit() const;
    bool canDelete() const;

    // The record of the current row, when there is one.
    std::optional<NotificationRecord> currentRecord() const;
    // Makes the loaded row of record `id` the current one; false when it is not loaded.
    bool selectRecord(const QString &id);

    // Opens RecordEditDialog for the current record, window-modal, and returns it (it deletes
    // itself when closed); null when nothing may be edited.
    RecordEditDialog *editCurrent();
    // Asks whether to delete the current record (a window-modal box named "deleteConfirmation",
    // deleted when closed) and deletes it when confirmed; null when nothing may be deleted.
    QMessageBox *deleteCurrent();
    // Writes every record the filter matches, in the table's order, to `file` as CSV on a
    // LongTask; shows a failure; true when written.
    bool exportCsv(const QString &file);

private:
    QAction *addPageAction(const QString &text, const QKeySequence &shortcut, QPushButton *button,
                           const QString &objectName);
    void setUpView();
    // The edit, delete, export and refresh buttons with their actions, in a row.
    QHBoxLayout *buildActions();
    void applyFilter();
    void updateCount();
    void updateActions();
    void showModelError();
    void chooseExportFile();
    void setSortOrder(Qt::SortOrder order);
    void deleteRecord(const QString &id);

    RecordsModel *m_model = nullptr;
    RecordFilterBar *m_filterBar = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_message = nullptr;
    QComboBox *m_sort = nullptr;
    QTimer *m_countTimer = nullptr;

    QAction *m_edit = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_export = nullptr;
    QAction *m_refresh = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
};

} // namespace cc
