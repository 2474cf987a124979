#include "ui/activity/ActivityPage.h"

#include "core/Permissions.h"
#include "ui/activity/ActivityModel.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/LongTask.h"
#include "ui/common/ReportWriter.h"
#include "ui/common/Settings.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPalette>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace cc {

namespace {

// Entries read per query while exporting: few queries, little memory (AuditLog::list's most).
constexpr int kExportPage = 1000;

// A clock beside the lines of a list, in the manner of ui/common/Icons (a 24×24 drawing in the
// palette's text colours).
QPixmap activityPixmap(int size, const QColor &color)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 24.0, size / 24.0);
    p.setPen(QPen(color, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(QPointF(8.5, 12), 6.5, 6.5);
    p.drawLine(QPointF(8.5, 12), QPointF(8.5, 8));
    p.drawLine(QPointF(8.5, 12), QPointF(11, 13.5));
    for (int i = 0; i < 3; ++i)
        p.drawLine(QPointF(18, 7 + i * 5), QPointF(22, 7 + i * 5));
    return pixmap;
}

QIcon activityIcon()
{
    const QPalette palette = QGuiApplication::palette();
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48}) {
        icon.addPixmap(activityPixmap(size, palette.color(QPalette::Active, QPalette::WindowText)),
                       QIcon::Normal);
        icon.addPixmap(activityPixmap(size, palette.color(QPalette::Active, QPalette::HighlightedText)),
                       QIcon::Selected);
        icon.addPixmap(activityPixmap(size, palette.color(QPalette::Disabled, QPalette::WindowText)),
                       QIcon::Disabled);
    }
    return icon;
}

QComboBox *makeCombo(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setAccessibleName(accessibleName);
    // Long names do not widen the bar past the window; the list shows them whole.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(16);
    combo->setMaxVisibleItems(20);
    return combo;
}

QDateEdit *makeDateEdit(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    return edit;
}

QStringList exportHeaders(bool withOrganisation)
{
    QStringList headers{ActivityPage::tr("When"),   ActivityPage::tr("Who"),     ActivityPage::tr("What"),
                        ActivityPage::tr("Action"), ActivityPage::tr("On what"), ActivityPage::tr("Id"),
                        ActivityPage::tr("Detail")};
    if (withOrganisation)
        headers << ActivityPage::tr("Organisation");
    return headers;
}

// One CSV row: the time in the local time zone as a spreadsheet reads it, the action both as the
// table words it and as stored.
QStringList exportRow(const AuditEntry &e, const QHash<QString, QString> *organisationNames)
{
    QStringList row{e.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                    e.username,
                    ActivityText::action(e.action),
                    e.action,
                    ActivityText::entity(e.entity),
                    e.entityId,
                    ActivityText::detail(e)};
    if (organisationNames)
        row << (e.orgId.isEmpty() ? QString() : organisationNames->value(e.orgId, e.orgId));
    return row;
}

} // namespace

ActivityPage::ActivityPage(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : ConsolePage(services, caller, parent)
    , m_log(services.database, services.clock)
{
    setObjectName(QStringLiteral("ActivityPage"));

    // Every filter starts open: all activity the caller may read.
    m_model = new ActivityModel(m_log, caller, this);
    QWidget *filters = buildFilters();

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("activityView"));
    m_view->setAccessibleName(tr("Activity"));
    m_view->setAccessibleDescription(
        tr("Who did what and when, the newest first; more entries are read as you scroll."));
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
    QHeaderView *rows = m_view->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(std::max(rows->minimumSectionSize(), m_view->fontMetrics().height() * 3 / 2));

    // Widths from the font and the words a column holds, not from the rows (read in pages).
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setAccessibleName(tr("Columns of the activity"));
    const QFontMetrics cell = m_view->fontMetrics();
    const QFontMetrics head = columns->fontMetrics();
    const int padding = cell.averageCharWidth() * 3;
    const auto widthOf = [&](int column, const QStringList &samples, int minimumChars) {
        int width = head.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString());
        for (const QString &sample : samples)
            width = std::max(width, cell.horizontalAdvance(sample));
        return std::max(width, cell.averageCharWidth() * minimumChars) + padding;
    };
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(false);
    columns->resizeSection(ActivityModel::WhenColumn,
                           widthOf(ActivityModel::WhenColumn,
                                   {DisplayText::dateTime(QDateTime(QDate(2026, 12, 28), QTime(23, 58, 59)))},
                                   0));
    columns->resizeSection(ActivityModel::WhoColumn, widthOf(ActivityModel::WhoColumn, {}, 14));
    columns->resizeSection(ActivityModel::WhatColumn,
                           widthOf(ActivityModel::WhatColumn,
                                   {ActivityText::action(QStringLiteral("record.update")),
                                    ActivityText::action(QStringLiteral("peer_mentor.reactivate"))},
                                   0));
    const auto onWhat = [](const char *entity, const char *id) {
        AuditEntry e;
        e.entity = QLatin1String(entity);
        e.entityId = QLatin1String(id);
        return ActivityText::onWhat(e);
    };
    columns->resizeSection(ActivityModel::OnWhatColumn,
                           widthOf(ActivityModel::OnWhatColumn,
                                   {onWhat("notification_record", "nr_0123456789ab"),
                                    onWhat("pairing_code", "pc_0123456789abcdef")},
                                   0));
    // The detail takes what is left; the organisation (global admins only) comes last.
    columns->setSectionResizeMode(ActivityModel::DetailColumn, QHeaderView::Stretch);
    m_view->setColumnHidden(ActivityModel::OrganisationColumn, !caller.isGlobalAdmin());
    fitOrganisationColumn();

    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("activityPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setMargin(fontMetrics().height() * 2);
    m_views = new QStackedWidget(this);
    m_views->addWidget(m_view);
    m_views->addWidget(m_placeholder);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("activityCount"));
    m_count->setAccessibleName(tr("Number of entries"));

    auto *exportButton = new QPushButton(this);
    auto *refreshButton = new QPushButton(this);
    m_export = addPageAction(tr("Export as &CSV…"), QKeySequence(Qt::CTRL | Qt::Key_E), exportButton,
                             QStringLiteral("exportCsv"));
    m_refresh =
        addPageAction(tr("&Refresh"), QKeySequence::Refresh, refreshButton, QStringLiteral("refresh"));
    exportButton->setToolTip(tr("Save every entry the filters match as a CSV file (%1).")
                                 .arg(m_export->shortcut().toString(QKeySequence::NativeText)));
    refreshButton->setToolTip(
        tr("Read the activity again (%1).").arg(m_refresh->shortcut().toString(QKeySequence::NativeText)));
    connect(m_export, &QAction::triggered, this, &ActivityPage::chooseExportFile);
    connect(m_refresh, &QAction::triggered, this, [this] {
        reloadChoices();
        m_model->refresh();
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_count, 1);
    buttons->addWidget(exportButton);
    buttons->addWidget(refreshButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(filters);
    layout->addWidget(m_views, 1);
    layout->addLayout(buttons);
    setTabOrder(m_clear, m_view);
    setTabOrder(m_view, exportButton);
    setTabOrder(exportButton, refreshButton);

    // What the services write is audited in the same transaction: when they announce a change
    // (from any thread), the new entries are read a moment later, once for a whole burst. A page
    // out of sight reads nothing until it is shown again (activated()).
    m_followTimer = new QTimer(this);
    m_followTimer->setSingleShot(true);
    m_followTimer->setInterval(250);
    connect(m_followTimer, &QTimer::timeout, m_model, &ActivityModel::followNew);
    const auto follow = [this] {
        if (isVisible() && !m_followTimer->isActive())
            m_followTimer->start();
    };
    connect(&services.directory, &DirectoryService::directoryChanged, this, follow);
    connect(&services.directory, &DirectoryService::usersChanged, this, follow);
    // New users and organisations show up among the choices (once for a whole import).
    auto *choices = new QTimer(this);
    choices->setSingleShot(true);
    choices->setInterval(0);
    connect(choices, &QTimer::timeout, this, &ActivityPage::reloadChoices);
    connect(&services.directory, &DirectoryService::usersChanged, choices, qOverload<>(&QTimer::start));
    connect(&services.directory, &DirectoryService::directoryChanged, choices, qOverload<>(&QTimer::start));
    connect(&services.records, &NotificationRecordService::recordAdded, this, follow);
    connect(&services.records, &NotificationRecordService::recordChanged, this, follow);
    connect(&services.records, &NotificationRecordService::recordDeleted, this, follow);
    connect(&services.templates, &TemplateService::templateChanged, this, follow);
    connect(&services.auth, &AuthService::tokensChanged, this, follow);

    connect(m_model, &QAbstractItemModel::modelReset, this, &ActivityPage::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ActivityPage::updateCount);
    connect(m_model, &ActivityModel::errorOccurred, this, [this](const Error &error) {
        emit statusMessage(tr("The activity could not be read: %1").arg(ErrorMessages::heading(error)));
        updateCount();
    });

    updateCount();
}

QWidget *ActivityPage::buildFilters()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("activityFilters"));

    // Anyone's name may be typed (a failed sign-in names whoever was tried); the list offers the
    // users the caller sees.
    m_person = makeCombo(bar, QStringLiteral("personFilter"), tr("Person filter"));
    m_person->setEditable(true);
    m_person->setInsertPolicy(QComboBox::NoInsert);
    m_person->lineEdit()->setPlaceholderText(tr("Everyone"));
    m_person->setAccessibleDescription(tr("The username of whoever did it; empty for everyone."));
    m_person->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_person->completer()->setCompletionMode(QCompleter::PopupCompletion);
    auto *personLabel = new QLabel(tr("&Person:"), bar);
    personLabel->setBuddy(m_person);

    m_kind = makeCombo(bar, QStringLiteral("kindFilter"), tr("Kind of activity filter"));
    for (const ActivityText::Kind &kind : ActivityText::kinds())
        m_kind->addItem(kind.text, kind.value);
    auto *kindLabel = new QLabel(tr("&Kind:"), bar);
    kindLabel->setBuddy(m_kind);

    QLabel *organisationLabel = nullptr;
    if (caller().isGlobalAdmin()) {
        m_organisation = makeCombo(bar, QStringLiteral("organisationFilter"), tr("Organisation filter"));
        organisationLabel = new QLabel(tr("&Organisation:"), bar);
        organisationLabel->setBuddy(m_organisation);
    }

    // A range end is "any" until its box is ticked; the days are whole local days.
    m_fromOn = new QCheckBox(tr("Fro&m:"), bar);
    m_fromOn->setObjectName(QStringLiteral("fromFilterEnabled"));
    m_fromOn->setAccessibleName(tr("Only activity from a date"));
    m_from = makeDateEdit(bar, QStringLiteral("fromFilter"), tr("From date"));
    m_toOn = new QCheckBox(tr("&To:"), bar);
    m_toOn->setObjectName(QStringLiteral("toFilterEnabled"));
    m_toOn->setAccessibleName(tr("Only activity up to a date"));
    m_to = makeDateEdit(bar, QStringLiteral("toFilter"), tr("To date"));
    const QDate today = services().clock.now().toLocalTime().date();
    m_from->setDate(today.addMonths(-1));
    m_to->setDate(today);
    // Tab leaves a date edit instead of walking its day, month and year (typing a part moves on).
    m_from->installEventFilter(this);
    m_to->installEventFilter(this);

    m_clear = new QPushButton(tr("C&lear filters"), bar);
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_clear->setAccessibleName(tr("Clear filters"));
    m_clear->setToolTip(tr("Show all activity again: everyone, every kind, any date."));

    // Who and what above, when below; the choices share the width, the dates take what they need.
    const int gap = fontMetrics().averageCharWidth() * 2;
    auto *what = new QHBoxLayout;
    what->addWidget(personLabel);
    what->addWidget(m_person, 1);
    what->addSpacing(gap);
    what->addWidget(kindLabel);
    what->addWidget(m_kind, 1);
    if (m_organisation) {
        what->addSpacing(gap);
        what->addWidget(organisationLabel);
        what->addWidget(m_organisation, 1);
    }
    auto *when = new QHBoxLayout;
    when->addWidget(m_fromOn);
    when->addWidget(m_from);
    when->addSpacing(gap);
    when->addWidget(m_toOn);
    when->addWidget(m_to);
    when->addStretch(1);
    when->addWidget(m_clear);
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->addLayout(what);
    rows->addLayout(when);

    reloadChoices();
    updateDateEdits();

    // Every choice applies at once; a typed name a moment after the last key.
    m_personTimer = new QTimer(this);
    m_personTimer->setSingleShot(true);
    m_personTimer->setInterval(300);
    connect(m_personTimer, &QTimer::timeout, this, &ActivityPage::applyFilters);
    connect(m_person, &QComboBox::editTextChanged, m_personTimer, qOverload<>(&QTimer::start));
    connect(m_person, &QComboBox::activated, this, &ActivityPage::applyFilters);
    connect(m_person->lineEdit(), &QLineEdit::returnPressed, this, &ActivityPage::applyFilters);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ActivityPage::applyFilters);
    if (m_organisation)
        connect(m_organisation, &QComboBox::currentIndexChanged, this, &ActivityPage::applyFilters);
    for (QCheckBox *box : {m_fromOn, m_toOn})
        connect(box, &QCheckBox::toggled, this, &ActivityPage::applyFilters);
    // The range never runs backwards: moving one end past the other moves the other along.
    connect(m_from, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (m_to->date() < date) {
            const QSignalBlocker block(m_to);
            m_to->setDate(date);
        }
        applyFilters();
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (m_from->date() > date) {
            const QSignalBlocker block(m_from);
            m_from->setDate(date);
        }
        applyFilters();
    });
    connect(m_clear, &QPushButton::clicked, this, &ActivityPage::clearFilters);
    return bar;
}

QAction *ActivityPage::addPageAction(const QString &text, const QKeySequence &shortcut, QPushButton *button,
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

QString ActivityPage::title() const
{
    return tr("Activity");
}

QIcon ActivityPage::icon() const
{
    return activityIcon();
}

bool ActivityPage::isAvailableTo(const Caller &caller)
{
    return may(caller, Action::ReadAudit);
}

void ActivityPage::activated()
{
    // Sign-ins announce nothing, and a page out of sight follows nothing: what was written
    // meanwhile is read when the page is shown.
    m_model->followNew();
}

bool ActivityPage::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_from || watched == m_to) && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier)))
            return focusNextChild();
        if (key->key() == Qt::Key_Backtab)
            return focusPreviousChild();
    }
    return ConsolePage::eventFilter(watched, event);
}

void ActivityPage::reloadChoices()
{
    {
        const QSignalBlocker block(m_person);
        const QString typed = m_person->currentText();
        QStringList names;
        if (auto users = services().directory.users(caller())) {
            for (const User &u : std::as_const(*users))
                names << u.username;
        }
        names.sort(Qt::CaseInsensitive);
        names.removeDuplicates();
        QStringList shown;
        for (int i = 0; i < m_person->count(); ++i)
            shown << m_person->itemText(i);
        if (shown != names) {
            m_person->clear();
            m_person->addItems(names);
        }
        // No name chosen is everyone (an empty field; the list has no empty line for it).
        m_person->setCurrentIndex(m_person->findText(typed));
        m_person->setEditText(typed);
    }
    QHash<QString, QString> organisationNames;
    if (auto organisations = services().directory.organisations(caller())) {
        for (const Organisation &o : std::as_const(*organisations))
            organisationNames.insert(o.id, o.name);
        if (m_organisation) {
            const QSignalBlocker block(m_organisation);
            const QString chosen = m_organisation->currentData().toString();
            QList<Organisation> sorted = *organisations;
            std::sort(sorted.begin(), sorted.end(), [](const Organisation &a, const Organisation &b) {
                return QString::localeAwareCompare(a.name, b.name) < 0;
            });
            m_organisation->clear();
            m_organisation->addItem(tr("All organisations"), QString());
            for (const Organisation &o : std::as_const(sorted))
                m_organisation->addItem(o.name, o.id);
            const int index = m_organisation->findData(chosen);
            m_organisation->setCurrentIndex(index < 0 ? 0 : index);
        }
    }
    m_model->setOrganisationNames(organisationNames);
    if (m_view)
        fitOrganisationColumn();
}

void ActivityPage::fitOrganisationColumn()
{
    if (!caller().isGlobalAdmin())
        return;
    QHeaderView *columns = m_view->horizontalHeader();
    const QFontMetrics cell = m_view->fontMetrics();
    int width = columns->fontMetrics().horizontalAdvance(
        m_model->headerData(ActivityModel::OrganisationColumn, Qt::Horizontal).toString());
    for (const QString &name : m_model->organisationNames())
        width = std::max(width, cell.horizontalAdvance(name));
    // A long name is cut short (its tooltip has the id) rather than squeeze the detail out.
    width = std::min(width, cell.averageCharWidth() * 28);
    columns->resizeSection(ActivityModel::OrganisationColumn, width + cell.averageCharWidth() * 3);
}

AuditQuery ActivityPage::query() const
{
    AuditQuery q;
    q.username = m_person->currentText().trimmed();
    q.kind = m_kind->currentData().toString();
    if (m_organisation)
        q.orgId = m_organisation->currentData().toString();
    // Whole local days: from the first moment of the first day to the first of the day after the last.
    if (m_fromOn->isChecked())
        q.from = QDateTime(m_from->date(), QTime(0, 0)).toUTC();
    if (m_toOn->isChecked())
        q.to = QDateTime(m_to->date().addDays(1), QTime(0, 0)).toUTC();
    return q;
}

void ActivityPage::applyFilters()
{
    m_personTimer->stop();
    updateDateEdits();
    if (m_applying)
        return;
    const AuditQuery next = query();
    const AuditQuery &now = m_model->query();
    if (next.username == now.username && next.kind == now.kind && next.orgId == now.orgId
        && next.from == now.from && next.to == now.to && !m_model->lastError())
        return;
    m_model->setQuery(next);
    m_view->scrollToTop();
}

void ActivityPage::clearFilters()
{
    m_applying = true;
    m_person->setEditText(QString());
    m_kind->setCurrentIndex(0);
    if (m_organisation)
        m_organisation->setCurrentIndex(0);
    m_fromOn->setChecked(false);
    m_toOn->setChecked(false);
    m_applying = false;
    applyFilters();
}

void ActivityPage::updateDateEdits()
{
    m_from->setEnabled(m_fromOn->isChecked());
    m_to->setEnabled(m_toOn->isChecked());
}

void ActivityPage::updateCount()
{
    const qint64 total = m_model->totalCount();
    const AuditQuery &q = m_model->query();
    const bool filtered = !q.username.isEmpty() || !q.kind.isEmpty() || !q.orgId.isEmpty() || q.from.isValid()
        || q.to.isValid();
    const std::optional<Error> &error = m_model->lastError();
    m_count->setText(error ? tr("The activity could not be read.")
                           : tr("%Ln entry(s)", nullptr, int(std::min<qint64>(total, INT_MAX))));
    m_export->setEnabled(!error && total > 0);
    if (m_model->rowCount() > 0) {
        m_views->setCurrentWidget(m_view);
        return;
    }
    if (error)
        m_placeholder->setText(tr("The activity could not be read.") + QLatin1Char('\n')
                               + ErrorMessages::text(*error));
    else if (filtered)
        m_placeholder->setText(tr("No activity matches the filters. Change or clear them to see more."));
    else
        m_placeholder->setText(tr("Nothing has been recorded yet."));
    m_views->setCurrentWidget(m_placeholder);
}

void ActivityPage::chooseExportFile()
{
    QString folder = services().settings.string(Settings::Key::LastExportFolder);
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name =
        tr("activity-%1.csv").arg(services().clock.now().toLocalTime().date().toString(Qt::ISODate));
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the activity as CSV"),
                                                      QDir(folder).filePath(name), tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    services().settings.setValue(Settings::Key::LastExportFolder, QFileInfo(file).absolutePath());
    exportCsv(file);
}

bool ActivityPage::exportCsv(const QString &file)
{
    // What the table shows now, as the log holds it when the export starts: what is written
    // meanwhile is left out, so the pages cannot shift under it.
    AuditQuery snapshot = m_model->query();
    const QDateTime until = services().clock.now().addMSecs(1);
    if ((!snapshot.to.isValid() || until < snapshot.to)
        && (!snapshot.from.isValid() || snapshot.from < until))
        snapshot.to = until;
    const Caller who = caller();
    const bool withOrganisation = caller().isGlobalAdmin();
    QHash<QString, QString> organisationNames;
    if (withOrganisation) {
        if (auto organisations = services().directory.organisations(who)) {
            for (const Organisation &o : std::as_const(*organisations))
                organisationNames.insert(o.id, o.name);
        }
    }
    ReportWriter::Table table;
    table.headers = exportHeaders(withOrganisation);
    table.expectedRows = m_model->totalCount();
    Database &db = services().database;
    const Clock &clock = services().clock;
    qint64 written = 0;

    const LongTask::Result result = LongTask::run(
        this, tr("Exporting the activity…"),
        [&db, &clock, &written, who, snapshot, table, file, withOrganisation,
         organisationNames](const LongTask::Progress &progress) -> Status {
            AuditLog log(db, clock);
            const ReportWriter::RowSource source = [&](const ReportWriter::Sink &sink) -> Status {
                // Should a late commit shift a page all the same, what comes again is skipped.
                QSet<QString> seen;
                for (int page = 1;; ++page) {
                    const auto read = log.list(who, snapshot, PageRequest{page, kExportPage});
                    if (!read)
                        return read.error();
                    for (const AuditEntry &e : std::as_const(read->items)) {
                        if (seen.contains(e.id))
                            continue;
                        seen.insert(e.id);
                        if (!sink(exportRow(e, withOrganisation ? &organisationNames : nullptr)))
                            return ReportWriter::cancelled();
                        ++written;
                    }
                    if (read->items.size() < kExportPage)
                        return {};
                }
            };
            const Status status = ReportWriter::writeCsv(file, table, source, progress);
            db.closeThreadConnection();
            return status;
        });
    switch (result.outcome) {
    case LongTask::Outcome::Finished:
        m_lastExportCount = written;
        emit statusMessage(
            tr("Exported %Ln entry(s) to %1.", nullptr, int(std::min<qint64>(written, INT_MAX)))
                .arg(QDir::toNativeSeparators(file)));
        return true;
    case LongTask::Outcome::Cancelled:
        emit statusMessage(tr("The export was cancelled; no file was written."));
        return false;
    case LongTask::Outcome::Failed:
        ErrorMessages::show(this, tr("The activity could not be exported"), result.error);
        return false;
    }
    return false;
}

} // namespace cc
