#include "core/DatabaseUrl.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QUrl>

namespace cc {

namespace {

const QString kPostgresqlForm = QStringLiteral("postgresql://user:password@host:port/database");

// A parameter's value as libpq's "keyword = 'value'" syntax wants it (QPSQL does not quote the
// connect options it is given).
QString conninfoQuoted(QString value)
{
    value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    value.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

bool isCount(const QString &value)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    return ok && n >= 0 && !value.startsWith(QLatin1Char('+'));
}

bool isPortList(const QString &value)
{
    const QStringList ports = value.split(QLatin1Char(','));
    return std::all_of(ports.begin(), ports.end(), [](const QString &port) {
        bool ok = false;
        const int n = port.toInt(&ok);
        return ok && n >= 1 && n <= 65535 && !port.startsWith(QLatin1Char('+'));
    });
}

// What is wrong with `value` for the parameter `key` (empty: nothing); never quotes the value.
QString parameterProblem(const QString &key, const QString &value)
{
    // QPSQL turns every ';' of the connect options into a space, so no value may hold one.
    const bool unsendable = std::any_of(value.begin(), value.end(), [](QChar c) {
        return c == QLatin1Char(';') || c.category() == QChar::Other_Control;
    });
    if (unsendable)
        return QStringLiteral("The database URL's parameter “%1” holds a “;” or a control character, "
                              "which cannot be passed on to PostgreSQL.")
            .arg(key);
    const QStringList tls{QStringLiteral("TLSv1"), QStringLiteral("TLSv1.1"), QStringLiteral("TLSv1.2"),
                          QStringLiteral("TLSv1.3")};
    const QStringList modes{QStringLiteral("disable"), QStringLiteral("prefer"), QStringLiteral("require")};
    const QStringList flag{QStringLiteral("0"), QStringLiteral("1")};
    const QHash<QString, QStringList> choices{
        {QStringLiteral("sslmode"),
         {QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
          QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")}},
        {QStringLiteral("gssencmode"), modes},
        {QStringLiteral("channel_binding"), modes},
        {QStringLiteral("target_session_attrs"),
         {QStringLiteral("any"), QStringLiteral("read-write"), QStringLiteral("read-only"),
          QStringLiteral("primary"), QStringLiteral("standby"), QStringLiteral("prefer-standby")}},
        {QStringLiteral("ssl_min_protocol_version"), tls},
        {QStringLiteral("ssl_max_protocol_version"), tls},
        {QStringLiteral("keepalives"), flag},
        {QStringLiteral("sslsni"), flag}};
    if (const auto it = choices.constFind(key); it != choices.constEnd() && !it->contains(value))
        return QStringLiteral("The database URL's parameter “%1” must be one of %2.")
            .arg(key, it->join(QStringLiteral(", ")));
    const QStringList counts{QStringLiteral("connect_timeout"), QStringLiteral("keepalives_idle"),
                             QStringLiteral("keepalives_interval"), QStringLiteral("keepalives_count"),
                             QStringLiteral("tcp_user_timeout")};
    if (counts.contains(key) && !isCount(value))
        return QStringLiteral("The database URL's parameter “%1” must be a whole number, 0 or more.")
            .arg(key);
    if (key == QLatin1String("port") && !isPortList(value))
        return QStringLiteral("The database URL's parameter “port” must be a port number (1 to 65535).");
    return {};
}

// The query of a PostgreSQL URL ("sslmode=require&application_name=cc"), percent-encoded as
// given: its parameters, decoded, each known and given once, with a value fit for it.
Result<QList<std::pair<QString, QString>>> parseParameters(const QString &query)
{
    QList<std::pair<QString, QString>> parameters;
    const QStringList pieces = query.split(QLatin1Char('&'), Qt::SkipEmptyParts);
    for (const QString &piece : pieces) {
        const qsizetype equals = piece.indexOf(QLatin1Char('='));
        const QString key = QUrl::fromPercentEncoding(piece.left(equals).toUtf8());
        if (equals < 0)
            return Error::invalid(
                QStringLiteral("The database URL's parameter “%1” has no value: write %1=value.").arg(key));
        const QString value = QUrl::fromPercentEncoding(piece.mid(equals + 1).toUtf8());
        if (key == QLatin1String("user") || key == QLatin1String("password")
            || key == QLatin1String("dbname"))
            return Error::invalid(
                QStringLiteral("The database URL gives “%1” as a parameter; write it in the "
                               "URL itself: %2.")
                    .arg(key, kPostgresqlForm));
        if (!DatabaseUrl::knownParameters().contains(key))
            return Error::invalid(
                QStringLiteral("The database URL has an unknown parameter “%1”; known are: %2.")
                    .arg(key, DatabaseUrl::knownParameters().join(QStringLiteral(", "))));
        const bool twice = std::any_of(parameters.cbegin(), parameters.cend(),
                                       [&](const auto &given) { return given.first == key; });
        if (twice)
            return Error::invalid(
                QStringLiteral("The database URL gives the parameter “%1” twice.").arg(key));
        if (const QString problem = parameterProblem(key, value); !problem.isEmpty())
            return Error::invalid(problem);
        parameters.append({key, value});
    }
    return parameters;
}

Result<DatabaseUrl> parsePostgresql(const QString &text)
{
    const QUrl parsed(text, QUrl::StrictMode);
    if (!parsed.isValid())
        return Error::invalid(
            QStringLiteral("The database URL is not valid: write %1.").arg(kPostgresqlForm));
    DatabaseUrl url;
    url.kind = DatabaseUrl::Kind::Postgresql;
    url.host = parsed.host();
    url.port = parsed.port(5432);
    url.user = parsed.userName(QUrl::FullyDecoded);
    url.password = parsed.password(QUrl::FullyDecoded);
    url.database = parsed.path().mid(1);
    auto parameters = parseParameters(parsed.query(QUrl::FullyEncoded));
    if (!parameters)
        return parameters.error();
    url.parameters = std::move(*parameters);
    const bool hostParameter = std::any_of(url.parameters.cbegin(), url.parameters.cend(), [](const auto &p) {
        return (p.first == QLatin1String("host") || p.first == QLatin1String("hostaddr"))
            && !p.second.isEmpty();
    });
    if (url.host.isEmpty() && !hostParameter)
        return Error::invalid(
            QStringLiteral("The database URL names no host: write %1, or "
                           "postgresql://user@/database?host=/run/postgresql for a Unix socket.")
                .arg(kPostgresqlForm));
    if (url.database.isEmpty())
        return Error::invalid(
            QStringLiteral("The database URL names no database: write %1.").arg(kPostgresqlForm));
    return url;
}

} // namespace

const QStringList &DatabaseUrl::knownParameters()
{
    // libpq's connection keywords (PostgreSQL 15) that make sense for this program. Not here: user,
    // password and dbname (the URL has their places), client_encoding (Qt's driver sets UTF-8),
    // replication and service (they would change what the URL means), sslpassword (a secret
    // that would be shown), requiressl and sslcompression (outdated), and newer ones that the
    // libpq of Debian 12 would refuse.
    static const QStringList names{
        QStringLiteral("host"),
        QStringLiteral("hostaddr"),
        QStringLiteral("port"),
        QStringLiteral("passfile"),
        QStringLiteral("connect_timeout"),
        QStringLiteral("application_name"),
        QStringLiteral("fallback_application_name"),
        QStringLiteral("options"),
        QStringLiteral("target_session_attrs"),
        QStringLiteral("keepalives"),
        QStringLiteral("keepalives_idle"),
        QStringLiteral("keepalives_interval"),
        QStringLiteral("keepalives_count"),
        QStringLiteral("tcp_user_timeout"),
        QStringLiteral("sslmode"),
        QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"),
        QStringLiteral("sslkey"),
        QStringLiteral("sslcrl"),
        QStringLiteral("sslcrldir"),
        QStringLiteral("sslsni"),
        QStringLiteral("ssl_min_protocol_version"),
        QStringLiteral("ssl_max_protocol_version"),
        QStringLiteral("requirepeer"),
        QStringLiteral("channel_binding"),
        QStringLiteral("gssencmode"),
        QStringLiteral("krbsrvname"),
        QStringLiteral("gsslib"),
    };
    return names;
}

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    if (text.startsWith(QLatin1String("sqlite:"))) {
        DatabaseUrl url;
        url.kind = Kind::Sqlite;
        url.path = text.mid(7);
        if (url.path.startsWith(QLatin1String("//")))
            url.path = url.path.mid(2);
        if (url.path.isEmpty())
            return Error::invalid(
                QStringLiteral("The database URL “%1” names no file: write sqlite:/path/to/file.db.")
                    .arg(text));
        return url;
    }
    if (text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://")))
        return parsePostgresql(text);
    return Error::invalid(
        QStringLiteral(
            "Unknown database URL “%1”: use sqlite:PATH or postgresql://user:password@host:port/database.")
            .arg(text.section(QLatin1Char('@'), -1)));
}

QString DatabaseUrl::driverName() const
{
    return kind == Kind::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

QString DatabaseUrl::kindName() const
{
    return kind == Kind::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

QString DatabaseUrl::display() const
{
    if (kind == Kind::Sqlite)
        return QStringLiteral("sqlite:") + path;
    QString text = QStringLiteral("postgresql://%1@%2").arg(user, host);
    if (!host.isEmpty())
        text += QLatin1Char(':') + QString::number(port);
    text += QLatin1Char('/') + database;
    QStringList query;
    for (const auto &[key, value] : parameters)
        query << key + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value, "/:,@"));
    if (!query.isEmpty())
        text += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return text;
}

void DatabaseUrl::applyTo(QSqlDatabase &db) const
{
    if (kind == Kind::Sqlite) {
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        return;
    }
    // An empty host is left out (a parameter names it); a host or port parameter comes after
    // the driver's own and wins, as in a libpq URL.
    db.setHostName(host);
    db.setPort(port);
    db.setUserName(user);
    db.setPassword(password);
    db.setDatabaseName(database);
    QStringList options;
    bool timeout = false;
    for (const auto &[key, value] : parameters) {
        options << key + QLatin1Char('=') + conninfoQuoted(value);
        timeout = timeout || key == QLatin1String("connect_timeout");
    }
    if (!timeout)
        options.prepend(QStringLiteral("connect_timeout=10"));
    db.setConnectOptions(options.join(QLatin1Char(';')));
}

} // namespace cc
