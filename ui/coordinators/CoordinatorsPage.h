#pragma once

#include "core/Directory.h"
#include "ui/common/ConsolePage.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace cc {

class CoordinatorsModel;

// The page of the coordinators (a global admin: every organisation's), with their email, how many
// active peer mentors each has and whether she is still active: search, a filter by status, add,
// edit, deactivate and reactivate, all through DirectoryService, which decides who may; what it
// refuses is shown with ErrorMessages. Coordinators see the list (their colleagues' addresses) and
// change nothing.
class CoordinatorsPage : public ConsolePage
{
    Q_OBJECT
public:
    CoordinatorsPage(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    // Everyone who belongs to an organisation, and global admins; only managers change anything.
    static bool isAvailableTo(const Caller &caller);

    CoordinatorsModel *model() const { return m_model; }
    // The coordinator of the selected row; an empty Coordinator when none is selected.
    Coordinator selectedCoordinator() const;
    // Selects the row of this coordinator; false when the list does not show her.
    bool selectCoordinator(const QString &coordinatorId);

private:
    bool canManage() const;
    void updateButtons();
    void updatePlaceholder();
    void addCoordinator();
    void editCoordinator();
    void toggleActive();

    CoordinatorsModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    QStackedWidget *m_views = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_toggle = nullptr;
    QString m_selectedId; // kept across reloads
};

} // namespace cc
