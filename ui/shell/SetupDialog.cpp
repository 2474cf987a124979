#include "ui/shell/SetupDialog.h"

#include "core/Backup.h"
#include "core/DemoData.h"
#include "core/Ids.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/LongTask.h"
#include "ui/common/NewPassword.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace cc {

namespace {

QLineEdit *field(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    return edit;
}

// "Norges Handikapforbund Oslo" → "org_norges_handikapforbund_oslo" (ids allow 1–64 of [A-Za-z0-9_.-]).
QString organisationId(const QString &name)
{
    QString slug = name.normalized(QString::NormalizationForm_KD).toLower();
    slug.replace(QStringLiteral("ø"), QStringLiteral("o")).replace(QStringLiteral("æ"), QStringLiteral("ae"));
    slug.remove(QRegularExpression(QStringLiteral("[^a-z0-9 _-]")));
    slug = slug.simplified().replace(QLatin1Char(' '), QLatin1Char('_'));
    if (slug.isEmpty())
        slug = randomId(QString()).right(8);
    return QString(QStringLiteral("org_") + slug).left(64);
}

} // namespace

SetupDialog::SetupDialog(ConsoleServices &services, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
{
    setObjectName(QStringLiteral("SetupDialog"));
    setWindowTitle(tr("Welcome to Coordinator Console"));

    auto *intro = new QLabel(tr("<p><b>Welcome.</b> This database has no users yet.</p>"
                                "<p>Create your organisation and its first administrator, try the console "
                                "with a demo organisation, or restore a backup.</p>"),
                             this);
    intro->setWordWrap(true);

    m_createChoice = new QRadioButton(tr("&Create my organisation"), this);
    m_demoChoice =
        new QRadioButton(tr("Open &demo data (a made-up organisation with a year of pauses)"), this);
    m_restoreChoice = new QRadioButton(tr("Res&tore a backup"), this);
    m_restoreChoice->setObjectName(QStringLiteral("restoreChoice"));
    m_createChoice->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_createChoice, 0);
    group->addButton(m_demoChoice, 1);
    group->addButton(m_restoreChoice, 2);

    QWidget *createPage = buildCreatePage();

    auto *demoPage = new QLabel(tr("The demo organisation has 2 coordinators, 25 peer mentors and a year of "
                                   "notifications. You are signed in as its org admin; the passwords of the "
                                   "demo users are shown once."),
                                this);
    demoPage->setWordWrap(true);
    demoPage->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    m_details = new QStackedWidget(this);
    m_details->addWidget(createPage);
    m_details->addWidget(demoPage);
    m_details->addWidget(buildRestorePage());
    connect(group, &QButtonGroup::idToggled, this, [this](int id, bool on) {
        if (on)
            m_details->setCurrentIndex(id);
    });

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("setupError"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_error->setAccessibleName(tr("Setup message"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("&Start"), QDialogButtonBox::AcceptRole)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_createChoice);
    layout->addWidget(m_demoChoice);
    layout->addWidget(m_restoreChoice);
    layout->addWidget(m_details);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

QWidget *SetupDialog::buildCreatePage()
{
    auto *createPage = new QWidget(this);
    auto *form = new QFormLayout(createPage);
    m_orgName = field(createPage, QStringLiteral("organisationName"), tr("Organisation name"));
    m_orgName->setPlaceholderText(tr("e.g. Norges Handikapforbund Oslo"));
    m_orgLanguage = new QComboBox(createPage);
    m_orgLanguage->setObjectName(QStringLiteral("organisationLanguage"));
    m_orgLanguage->setAccessibleName(tr("Language of the notifications"));
    m_orgLanguage->addItem(QStringLiteral("Norsk bokmål"), QStringLiteral("nb"));
    m_orgLanguage->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_adminName = field(createPage, QStringLiteral("adminName"), tr("Your name"));
    m_username = field(createPage, QStringLiteral("adminUsername"), tr("User name"));
    m_password = field(createPage, QStringLiteral("adminPassword"), tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = field(createPage, QStringLiteral("adminPasswordRepeat"), tr("Repeat the password"));
    m_repeat->setEchoMode(QLineEdit::Password);
    const auto addRow = [&](const QString &label, QWidget *widget) {
        auto *l = new QLabel(label, createPage);
        l->setBuddy(widget);
        form->addRow(l, widget);
    };
    addRow(tr("&Organisation:"), m_orgName);
    addRow(tr("&Notification language:"), m_orgLanguage);
    addRow(tr("Your &name:"), m_adminName);
    addRow(tr("&User name:"), m_username);
    addRow(tr("&Password:"), m_password);
    addRow(tr("&Repeat password:"), m_repeat);
    auto *hint = new QLabel(tr("At least %n character(s).", nullptr, DirectoryService::kMinPasswordLength),
                            createPage);
    form->addRow(QString(), hint);
    return createPage;
}

QWidget *SetupDialog::buildRestorePage()
{
    auto *page = new QWidget(this);
    auto *explain = new QLabel(tr("Choose a backup made with “Back up the database” or "
                                  "<code>coordinator-console admin backup</code>. Everything in it comes "
                                  "back into this database, which is still empty; then sign in with an "
                                  "account from the backup."),
                               page);
    explain->setWordWrap(true);
    m_backupFile = field(page, QStringLiteral("backupFile"), tr("Backup file"));
    m_backupFile->setPlaceholderText(tr("e.g. /home/kari/coordinator-console-backup.db"));
    auto *browse = new QPushButton(tr("&Browse…"), page);
    browse->setObjectName(QStringLiteral("browseBackup"));
    browse->setAccessibleName(tr("Choose the backup file"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Restore a backup"), m_backupFile->text(),
                                                          tr("SQLite databases (*.db);;All files (*)"));
        if (!file.isEmpty())
            m_backupFile->setText(file);
    });
    auto *label = new QLabel(tr("Backup &file:"), page);
    label->setBuddy(m_backupFile);
    auto *row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(m_backupFile, 1);
    row->addWidget(browse);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(explain);
    layout->addLayout(row);
    layout->addStretch(1);
    return page;
}

void SetupDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void SetupDialog::accept()
{
    if (m_restoreChoice->isChecked()) {
        if (restoreBackup())
            QDialog::accept();
        return;
    }
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const bool done = m_demoChoice->isChecked() ? createDemoData() : createOrganisation();
    QGuiApplication::restoreOverrideCursor();
    if (done)
        QDialog::accept();
}

bool SetupDialog::createOrganisation()
{
    if (m_orgName->text().trimmed().isEmpty() || m_adminName->text().trimmed().isEmpty()
        || m_username->text().trimmed().isEmpty()) {
        showError(tr("Fill in the organisation, your name and a user name."));
        return false;
    }
    if (!NewPassword::check(m_password, m_repeat, [this](const QString &text) { showError(text); }))
        return false;
    DirectoryService::FirstOrganisation first;
    first.organisation.id = organisationId(m_orgName->text());
    first.organisation.name = m_orgName->text().trimmed();
    first.organisation.locale = m_orgLanguage->currentData().toString();
    first.adminUsername = m_username->text().trimmed();
    first.adminName = m_adminName->text().trimmed();
    first.password = m_password->text();
    // Nobody is signed in: core allows this only while the database has no user.
    auto user = m_services.directory.setUp(std::nullopt, first);
    if (!user) {
        showError(ErrorMessages::text(user.error()));
        return false;
    }
    m_user = *user;
    return true;
}

bool SetupDialog::restoreBackup()
{
    const QString file = m_backupFile->text().trimmed();
    if (file.isEmpty()) {
        showError(tr("Choose the backup file to restore."));
        m_backupFile->setFocus();
        return false;
    }
    showError(QString());
    qint64 rows = 0;
    // Nobody is signed in: core restores only into a database without rows (so without users).
    const LongTask::Result outcome =
        LongTask::run(this, tr("Restoring the backup…"), [&](const LongTask::Progress &progress) -> Status {
            auto restored =
                Backup::restore(std::nullopt, file, m_services.database, m_services.clock, progress);
            if (!restored)
                return restored.error();
            rows = *restored;
            return {};
        });
    if (outcome.outcome == LongTask::Outcome::Cancelled) {
        showError(tr("The restore was cancelled; the database is still empty."));
        return false;
    }
    if (!outcome.ok()) {
        showError(ErrorMessages::text(outcome.error));
        return false;
    }
    m_restoredRows = rows;
    return true;
}

bool SetupDialog::createDemoData()
{
    DemoData demo(m_services.database, m_services.directory, m_services.clock);
    std::optional<DemoData::Summary> summary;
    const Status made = m_services.directory.setUp(std::nullopt, [&](const Caller &) -> Status {
        auto created = demo.create();
        if (!created)
            return created.error();
        summary = *created;
        return {};
    });
    if (!made) {
        showError(ErrorMessages::text(made.error()));
        return false;
    }
    QStringList lines;
    QString adminName;
    for (const DemoData::Account &account : summary->accounts) {
        lines << tr("%1 (%2): %3").arg(account.username, account.displayName, account.password);
        if (account.role == Role::OrgAdmin && adminName.isEmpty())
            adminName = account.username;
    }
    m_demoAccounts = lines.join(QLatin1Char('\n'));
    auto users = m_services.directory.users(Caller::system());
    if (users) {
        for (const User &u : *users) {
            if (u.username == adminName)
                m_user = u;
        }
    }
    if (m_user.id.isEmpty()) {
        showError(tr("The demo data was made, but its org admin was not found."));
        return false;
    }
    return true;
}

} // namespace cc
