#include "app/AppContext.h"

#include <QDebug>
#include <QDir>
#include <QHostInfo>
#include <QStandardPaths>

namespace cc::app {

QString AppContext::defaultDatabaseUrl()
{
    QString fromEnvironment = qEnvironmentVariable("CC_DATABASE");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStringLiteral("sqlite:") + QDir(dataFolder()).filePath(QStringLiteral("coordinator-console.db"));
}

QString AppContext::dataFolder()
{
    // systemd may list several folders, separated by colons; the first is ours.
    const QString state = qEnvironmentVariable("STATE_DIRECTORY").section(QLatin1Char(':'), 0, 0);
    if (!state.isEmpty())
        return state;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

cc::Result<cc::api::OwnCertificate> AppContext::ownCertificate()
{
    return cc::api::OwnCertificate::ensure(dataFolder(), QHostInfo::localHostName());
}

QString AppContext::passwordWarning(const QString &urlText)
{
    const auto url = cc::DatabaseUrl::parse(urlText);
    if (!url || url->kind != cc::DatabaseUrl::Kind::Postgresql || url->password.isEmpty())
        return {};
    return QStringLiteral("warning: the password in --database can be read by every user of this machine "
                          "(ps); leave it out and put it in ~/.pgpass or PGPASSWORD.");
}

QString AppContext::databaseOptionHelp()
{
    const QString text = defaultDatabaseUrl();
    const auto url = cc::DatabaseUrl::parse(text);
    const QString shown = url ? url->display() : text.section(QLatin1Char('@'), -1);
    return QStringLiteral("Where the data is: sqlite:PATH or postgresql://USER@HOST:PORT/DATABASE?PARAMETERS "
                          "(the password in ~/.pgpass or PGPASSWORD). Default: the environment variable "
                          "CC_DATABASE when set, else an SQLite file in the data folder; here that is %1.")
        .arg(shown);
}

cc::Result<std::unique_ptr<AppContext>> AppContext::open(const QString &databaseUrl)
{
    auto url = cc::DatabaseUrl::parse(databaseUrl);
    if (!url)
        return url.error();
    std::unique_ptr<AppContext> context(new AppContext);
    context->m_database = std::make_unique<cc::Database>(*url);
    if (auto s = context->m_database->open(); !s)
        return s.error();
    cc::Database &db = *context->m_database;
    context->m_directory = std::make_unique<cc::DirectoryService>(db, context->m_clock);
    context->m_auth = std::make_unique<cc::AuthService>(db, context->m_clock);
    context->m_records = std::make_unique<cc::NotificationRecordService>(db, context->m_clock);
    context->m_templates = std::make_unique<cc::TemplateService>(db, context->m_clock);
    context->m_payloads = std::make_unique<cc::PayloadService>(db, context->m_clock, *context->m_templates);
    return context;
}

void AppContext::followChanges()
{
    if (m_feed)
        return;
    m_feed = std::make_unique<cc::ChangeFeed>(*m_database);
    m_relay = std::make_unique<cc::ChangeRelay>(*m_feed, *m_database, *m_records, *m_directory, *m_templates,
                                                *m_auth);
    if (auto s = m_feed->start(); !s)
        qWarning().noquote() << "Changes made by other programs will show only after a refresh:"
                             << s.error().message;
}

} // namespace cc::app
