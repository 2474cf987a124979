#include "tests/support/TestDatabase.h"

#include "core/Backup.h"
#include "core/Ids.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace cc::test {

namespace {

// Runs one statement on the maintenance database of the PostgreSQL server.
bool adminExec(const QString &adminUrl, const QString &sql, QString *error)
{
    auto url = DatabaseUrl::parse(adminUrl);
    if (!url) {
        *error = url.error().message;
        return false;
    }
    const QString name = QStringLiteral("cc_test_admin_") + randomId(QString(), 8);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        url->applyTo(db); // with the URL's parameters (sslmode, host=/socket/folder, …)
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                *error = q.lastError().text();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

QString TestDatabase::backend()
{
    const QString value = qEnvironmentVariable("CC_TEST_DATABASE", QStringLiteral("sqlite"));
    return value == QLatin1String("postgresql") ? value : QStringLiteral("sqlite");
}

bool TestDatabase::postgresMissing()
{
    return backend() == QLatin1String("postgresql") && qEnvironmentVariableIsEmpty("CC_TEST_POSTGRES_URL");
}

bool skipWithoutPostgres()
{
    if (!TestDatabase::postgresMissing())
        return false;
    qWarning("CC_TEST_POSTGRES_URL is not set: skipping the PostgreSQL run (./test.sh sets it).");
    return true;
}

bool TestDatabase::isPostgres() const
{
    return m_url.startsWith(QLatin1String("postgresql:"));
}

TestDatabase::TestDatabase(int schemaVersion)
{
    if (backend() == QLatin1String("postgresql")) {
        m_adminUrl = qEnvironmentVariable("CC_TEST_POSTGRES_URL");
        m_pgName = QStringLiteral("cc_test_") + randomId(QString(), 12);
        if (!adminExec(m_adminUrl, QStringLiteral("CREATE DATABASE ") + m_pgName, &m_error))
            return;
        // The same server and parameters (?sslmode=…&host=/socket/folder), another database.
        const qsizetype query = m_adminUrl.indexOf(QLatin1Char('?'));
        const QString base = m_adminUrl.left(query);
        m_url = base.left(base.lastIndexOf(QLatin1Char('/')) + 1) + m_pgName
            + (query < 0 ? QString() : m_adminUrl.mid(query));
    } else {
        m_url = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("test.db"));
    }
    auto url = DatabaseUrl::parse(m_url);
    if (!url) {
        m_error = url.error().message;
        return;
    }
    m_db = std::make_unique<Database>(*url);
    if (auto s = schemaVersion < 0 ? m_db->open() : m_db->openAt(schemaVersion); !s) {
        m_error = s.error().message;
        return;
    }
    m_ok = true;
}

TestDatabase::~TestDatabase()
{
    m_db.reset();
    if (!m_pgName.isEmpty()) {
        QString error;
        if (!adminExec(m_adminUrl,
                       QStringLiteral("DROP DATABASE IF EXISTS ") + m_pgName
                           + QStringLiteral(" WITH (FORCE)"),
                       &error))
            qWarning("could not drop the test database: %s", qPrintable(error));
    }
}

void TestDatabase::reset()
{
    QStringList tables = Backup::tables();
    std::reverse(tables.begin(), tables.end());
    for (const QString &table : std::as_const(tables)) {
        Query q(*m_db, QStringLiteral("DELETE FROM ") + table);
        if (auto s = q.exec(); !s)
            qFatal("reset failed on %s: %s", qPrintable(table), qPrintable(s.error().message));
    }
}

QDateTime testNow()
{
    return QDateTime(QDate(2026, 3, 19), QTime(14, 30, 5), Qt::UTC);
}

} // namespace cc::test
