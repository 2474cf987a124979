#pragma once

#include "core/AuditLog.h"
#include "ui/common/ConsolePage.h"

class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace cc {

class ActivityModel;

// The audit log for org admins (their organisation's) and global admins (everyone's, or one
// organisation's): who created, changed, deleted or signed in (or failed to), when, and on what,
// newest first. Filters by person, kind of activity, a range of days and (global admins) the
// organisation, each applying at once and none required; what the filters match can be saved as
// CSV, off the UI thread. New entries come on top as the services announce changes while the page
// is in sight, and when it is shown again (sign-ins announce nothing); F5 reads everything again.
class ActivityPage : public ConsolePage
{
    Q_OBJECT
public:
    ActivityPage(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void activated() override;
    // Those who may read the audit log (Action::ReadAudit).
    static bool isAvailableTo(const Caller &caller);

    ActivityModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The query of the filters as they are set now.
    AuditQuery query() const;
    // Reads the people and organisations the filters offer again, keeping the choices.
    void reloadChoices();
    // Writes every entry the filters match (all of them, not only those loaded) to `file` as CSV
    // on a LongTask; shows a failure; true when written. The status message tells how many.
    bool exportCsv(const QString &file);
    // The number of entries the last export wrote.
    qint64 lastExportCount() const { return m_lastExportCount; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildFilters();
    QAction *addPageAction(const QString &text, const QKeySequence &shortcut, QPushButton *button,
                           const QString &objectName);
    void applyFilters();
    void clearFilters();
    void updateDateEdits();
    void updateCount();
    // The organisation column (global admins) as wide as the longest name, within reason.
    void fitOrganisationColumn();
    void chooseExportFile();

    AuditLog m_log;
    ActivityModel *m_model = nullptr;
    QComboBox *m_person = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_organisation = nullptr; // global admins only
    QCheckBox *m_fromOn = nullptr;
    QDateEdit *m_from = nullptr;
    QCheckBox *m_toOn = nullptr;
    QDateEdit *m_to = nullptr;
    QPushButton *m_clear = nullptr;
    QStackedWidget *m_views = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_count = nullptr;
    QAction *m_export = nullptr;
    QAction *m_refresh = nullptr;
    QTimer *m_personTimer = nullptr; // applies a typed name a moment after the last key
    QTimer *m_followTimer = nullptr; // gathers a burst of changes into one look for new entries
    bool m_applying = false;         // while the filters are set from code
    qint64 m_lastExportCount = 0;
};

} // namespace cc
