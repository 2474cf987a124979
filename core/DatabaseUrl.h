#pragma once

#include "core/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <utility>

namespace cc {

// Where the data lives: "sqlite:PATH" or "postgresql://user:pass@host:port/db?param=value&…".
struct DatabaseUrl
{
    enum class Kind
    {
        Sqlite,
        Postgresql
    };
    Kind kind = Kind::Sqlite;
    QString path; // SQLite file
    QString host; // empty when a parameter names it (host=/run/postgresql: a Unix socket)
    int port = 5432;
    QString user;
    QString password;
    QString database;
    // SQLite: a file written once and thrown away if anything fails (a backup being made): no
    // journal and no write-ahead log, so no file but this one ever exists; synced by its writer.
    bool scratch = false;
    // PostgreSQL: the libpq connection parameters of the URL's query (sslmode, sslrootcert,
    // application_name, connect_timeout, host, …), percent-decoded, in their order. As with libpq,
    // a host or port given here wins over the one before the path.
    QList<std::pair<QString, QString>> parameters;

    static Result<DatabaseUrl> parse(const QString &text);
    // The parameters a PostgreSQL URL may carry: the libpq keywords that make sense here.
    static const QStringList &knownParameters();
    QString driverName() const;
    QString kindName() const; // "sqlite" or "postgresql"
    QString display() const;  // with the parameters, without the password
    // Gives `db` (of driverName()) what it needs to connect: file, or host, port, user, password,
    // database and the parameters as connect options (connect_timeout 10 unless one is given).
    void applyTo(QSqlDatabase &db) const;
};

} // namespace cc
