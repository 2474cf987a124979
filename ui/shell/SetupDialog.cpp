#include "ui/shell/SetupDialog.h"

#include "core/DemoData.h"
#include "core/Ids.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/NewPassword.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
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
                                "<p>Create your organisation and its first administrator, or try the console "
                                "with a demo organisation.</p>"),
                             this);
    intro->setWordWrap(true);

    m_createChoice = new QRadioButton(tr("&Create my organisation"), this);
    m_demoChoice =
        new QRadioButton(tr("Open &demo data (a made-up organisation with a year of pauses)"), this);
    m_createChoice->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_createChoice, 0);
    group->addButton(m_demoChoice, 1);

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

void SetupDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void SetupDialog::accept()
{
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
