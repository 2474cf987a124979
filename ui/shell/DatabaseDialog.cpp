#include "ui/shell/DatabaseDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>
#include <QVBoxLayout>

namespace cc {

namespace {

// The sslmode values offered, strongest first.
const char *const kSslModes[] = {"verify-full", "require", "prefer", "disable"};

QLineEdit *field(QWidget *parent, const QString &name, const QString &accessible)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setAccessibleName(accessible);
    return edit;
}

} // namespace

DatabaseDialog::DatabaseDialog(const QString &localFile, const QString &current, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Where the data lives"));
    setObjectName(QStringLiteral("databaseDialog"));
    auto *intro =
        new QLabel(tr("Choose where Coordinator Console keeps its data. Several desks and servers of "
                      "an organisation share one PostgreSQL server."),
                   this);
    intro->setWordWrap(true);
    m_local = new QRadioButton(tr("&This computer (%1)").arg(localFile), this);
    m_local->setObjectName(QStringLiteral("databaseLocal"));
    m_local->setAccessibleName(tr("This computer"));
    m_shared = new QRadioButton(tr("A &shared PostgreSQL server"), this);
    m_shared->setObjectName(QStringLiteral("databaseShared"));
    m_shared->setAccessibleName(tr("A shared PostgreSQL server"));

    m_host = field(this, QStringLiteral("databaseHost"), tr("Server"));
    m_host->setPlaceholderText(tr("db.example.org"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("databasePort"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database = field(this, QStringLiteral("databaseName"), tr("Database"));
    m_user = field(this, QStringLiteral("databaseUser"), tr("User"));
    m_password = field(this, QStringLiteral("databasePassword"), tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_encryption = new QComboBox(this);
    m_encryption->setObjectName(QStringLiteral("databaseEncryption"));
    m_encryption->setAccessibleName(tr("Encryption"));
    m_encryption->addItem(tr("Required, server certificate verified"), QString::fromLatin1(kSslModes[0]));
    m_encryption->addItem(tr("Required"), QString::fromLatin1(kSslModes[1]));
    m_encryption->addItem(tr("When the server offers it"), QString::fromLatin1(kSslModes[2]));
    m_encryption->addItem(tr("Off (only on this machine or a trusted network)"),
                          QString::fromLatin1(kSslModes[3]));
    m_encryption->setCurrentIndex(1);
    m_remember = new QCheckBox(tr("&Remember the password in ~/.pgpass"), this);
    m_remember->setObjectName(QStringLiteral("databaseRemember"));
    m_remember->setAccessibleName(tr("Remember the password in ~/.pgpass"));
    m_remember->setChecked(true);
    m_test = new QPushButton(tr("Test the &connection"), this);
    m_test->setObjectName(QStringLiteral("databaseTest"));
    m_test->setAccessibleName(tr("Test the connection"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("databaseTestResult"));
    m_result->setAccessibleName(tr("Result of the connection test"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *form = new QFormLayout;
    const auto addRow = [&](const QString &text, QWidget *w) {
        auto *label = new QLabel(text, this);
        label->setBuddy(w);
        form->addRow(label, w);
    };
    addRow(tr("Ser&ver:"), m_host);
    addRow(tr("&Port:"), m_port);
    addRow(tr("&Database:"), m_database);
    addRow(tr("&User:"), m_user);
    addRow(tr("Pass&word:"), m_password);
    addRow(tr("&Encryption:"), m_encryption);
    form->addRow(QString(), m_remember);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addStretch(1);
    form->addRow(QString(), testRow);
    form->addRow(QString(), m_result);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &DatabaseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_local);
    layout->addWidget(m_shared);
    layout->addLayout(form);
    layout->addWidget(buttons);

    // What is in use now, as a start.
    const auto now = DatabaseUrl::parse(current);
    if (now && now->kind == DatabaseUrl::Kind::Postgresql) {
        m_shared->setChecked(true);
        m_host->setText(now->host);
        m_port->setValue(now->port);
        m_database->setText(now->database);
        m_user->setText(now->user);
        for (const auto &[name, value] : now->parameters)
            if (name == QLatin1String("sslmode") && m_encryption->findData(value) >= 0)
                m_encryption->setCurrentIndex(m_encryption->findData(value));
    } else {
        m_local->setChecked(true);
    }
    connect(m_local, &QRadioButton::toggled, this, &DatabaseDialog::updateEnabled);
    connect(m_test, &QPushButton::clicked, this, &DatabaseDialog::runTest);
    for (QLineEdit *edit : {m_host, m_database, m_user, m_password})
        connect(edit, &QLineEdit::textEdited, this, [this] { m_tested = false; });
    updateEnabled();
}

void DatabaseDialog::updateEnabled()
{
    const bool shared = m_shared->isChecked();
    for (QWidget *w : std::initializer_list<QWidget *>{m_host, m_port, m_database, m_user, m_password,
                                                       m_encryption, m_remember, m_test})
        w->setEnabled(shared);
    m_result->clear();
}

Result<DatabaseUrl> DatabaseDialog::chosenUrl() const
{
    const QString host = m_host->text().trimmed();
    const QString database = m_database->text().trimmed();
    const QString user = m_user->text().trimmed();
    if (host.isEmpty())
        return Error::invalid(tr("Enter the server's name or address."));
    if (database.isEmpty())
        return Error::invalid(tr("Enter the database's name."));
    if (user.isEmpty())
        return Error::invalid(tr("Enter the user name."));
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(m_port->value());
    url.setUserName(user);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sslmode"), m_encryption->currentData().toString());
    url.setQuery(query);
    auto parsed = DatabaseUrl::parse(url.toString(QUrl::FullyEncoded));
    if (parsed)
        parsed->password = m_password->text();
    return parsed;
}

QString DatabaseDialog::url() const
{
    if (m_local->isChecked())
        return {};
    const auto chosen = chosenUrl();
    return chosen ? chosen->display() : QString();
}

QString DatabaseDialog::password() const
{
    return m_shared->isChecked() ? m_password->text() : QString();
}

bool DatabaseDialog::rememberPassword() const
{
    return m_shared->isChecked() && m_remember->isChecked() && !m_password->text().isEmpty();
}

Result<QString> DatabaseDialog::testConnection(const DatabaseUrl &url)
{
    const QString name =
        QStringLiteral("cc-connection-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<QString> result = QString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(url.driverName(), name);
        url.applyTo(db);
        if (!db.open()) {
            result = Error::storage(tr("No connection: %1").arg(db.lastError().text().trimmed()));
        } else {
            QSqlQuery version(db);
            const QString server = version.exec(QStringLiteral("SHOW server_version")) && version.next()
                ? version.value(0).toString().section(QLatin1Char(' '), 0, 0)
                : QString();
            result = db.tables().contains(QStringLiteral("schema_version"))
                ? tr("Connected to PostgreSQL %1. The database holds Coordinator Console's data.").arg(server)
                : tr("Connected to PostgreSQL %1. The database is empty: it is set up when the console "
                     "starts.")
                      .arg(server);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

void DatabaseDialog::runTest()
{
    const auto chosen = chosenUrl();
    if (!chosen) {
        m_result->setText(chosen.error().message);
        m_tested = false;
        return;
    }
    m_result->setText(tr("Connecting…"));
    m_result->repaint();
    const auto tested = testConnection(*chosen);
    m_tested = tested.ok();
    m_result->setText(tested ? *tested : tested.error().message);
}

void DatabaseDialog::accept()
{
    // A shared server is taken only once a connection to it worked.
    if (m_shared->isChecked() && !m_tested) {
        runTest();
        if (!m_tested)
            return;
    }
    QDialog::accept();
}

} // namespace cc
