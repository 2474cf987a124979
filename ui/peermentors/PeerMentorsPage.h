#pragma once

#include "core/Directory.h"
#include "ui/common/ConsolePage.h"
#include "ui/peermentors/HistoryExport.h"

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace cc {

class HistoryModel;
class MentorProfileView;
class PeerMentorsModel;

// The page of the peer mentors with their status, profile and history timeline: a searchable,
// sortable list on the left; the selected mentor's profile, actions (record a pause or a resume on
// their behalf, export the history as CSV or PDF) and notification timeline on the right. Both
// models observe the record service, so a record that arrives through the API shows at once.
// Under the list, for those who manage the directory: add, edit, move, deactivate, and her
// personal data (export everything about her as PDF and JSON, erase it for good).
class PeerMentorsPage : public ConsolePage
{
    Q_OBJECT
public:
    PeerMentorsPage(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void activated() override;

    // The mentor whose profile is shown; empty when none.
    QString selectedMentorId() const { return m_selectedId; }
    // Selects the mentor in the list (when it is listed); true when it is now shown.
    bool selectMentor(const QString &peerMentorId);
    // True when the caller's role may record notifications (NotificationRecordService::record and
    // TemplateService::build refuse global admins).
    bool canRecord() const;

    // Opens RecordEventDialog for the selected mentor; true when something was recorded.
    bool recordEvent(EventType event);
    // Writes the selected mentor's history to `file` on a LongTask; shows a failure; true when written.
    bool exportHistory(HistoryExport::Format format, const QString &file);

    // Exports everything stored about the selected mentor (PersonalDataService::exportMentor) to
    // `pdfFile` and `jsonFile` (either may be empty: not written) on a LongTask; shows a failure;
    // true when written.
    bool exportPersonalData(const QString &pdfFile, const QString &jsonFile);
    // Opens EraseMentorDialog for the selected mentor; true when her personal data were erased.
    bool erasePersonalData();
    // Opens RetentionDialog (the caller's organisation; a global admin's: the selected mentor's);
    // true when the rules were saved.
    bool editRetention();

    // The ids of the selected rows (several for "Move to coordinator…").
    QStringList selectedMentorIds() const;
    // Which mentors the list shows: the active ones (default), those who left, or both.
    void setActivity(Activity activity);

private:
    QWidget *buildList();
    QWidget *buildDetails();
    QAction *addPageAction(const QString &text, const QKeySequence &shortcut, QPushButton *button,
                           const QString &objectName, const QString &description);

    void applySearch();
    void onListReset();
    void onCurrentRowChanged();
    void showMentor(const QString &peerMentorId);
    void updateProfile();
    void updateActions();
    void updatePlaceholder();
    void chooseExportFile(HistoryExport::Format format);
    QWidget *buildDirectoryButtons(QWidget *parent);
    void updateDirectoryButtons();
    void addMentor();
    void editMentor();
    void moveMentors();
    void toggleActive();
    void choosePersonalDataFiles();

    PeerMentorsModel *m_mentors = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    HistoryModel *m_history = nullptr;
    QString m_selectedId;

    QLineEdit *m_search = nullptr;
    QTimer *m_searchTimer = nullptr;
    QComboBox *m_sortBy = nullptr;
    QComboBox *m_activity = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_move = nullptr;
    QPushButton *m_deactivate = nullptr;
    QPushButton *m_personalData = nullptr; // its menu: export, erase
    QAction *m_exportPersonalData = nullptr;
    QAction *m_erasePersonalData = nullptr;
    QAction *m_retention = nullptr;
    QTreeView *m_list = nullptr;
    QLabel *m_count = nullptr;
    QStackedWidget *m_details = nullptr;
    QLabel *m_placeholder = nullptr;

    MentorProfileView *m_profile = nullptr;

    QAction *m_recordPause = nullptr;
    QAction *m_recordResume = nullptr;
    QAction *m_exportCsv = nullptr;
    QAction *m_exportPdf = nullptr;
};

} // namespace cc
