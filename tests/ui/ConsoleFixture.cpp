#include "tests/ui/ConsoleFixture.h"

#include "core/CsvImport.h"

#include <QFile>

namespace cc::test::ui {

QList<QStringList> csvRows(const QByteArray &bytes)
{
    auto parsed = parseCsv(bytes);
    if (!parsed) {
        qWarning("CSV does not parse: %s", qPrintable(parsed.error().message));
        return {};
    }
    QList<QStringList> rows;
    for (const CsvRow &row : std::as_const(*parsed))
        rows << row.fields;
    return rows;
}

QList<QStringList> csvRowsOfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return csvRows(file.readAll());
}

Status FakeServerControl::start(const Options &options)
{
    starts << options;
    if (!failWith.isEmpty()) {
        m_state.running = false;
        m_state.lastError = failWith;
        emit stateChanged();
        return Error{ErrorCode::Conflict, failWith, {}, 0};
    }
    m_state.running = true;
    m_state.port = options.port == 0 ? 18080 : options.port;
    m_state.tls = options.tls;
    m_state.fingerprint = options.tls
        ? QStringLiteral(
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89")
        : QString();
    m_state.lanAddresses = {QStringLiteral("192.168.1.20")};
    m_state.lastError.clear();
    emit stateChanged();
    return {};
}

void FakeServerControl::stop()
{
    m_state.running = false;
    m_state.port = 0;
    emit stateChanged();
}

ConsoleFixture::ConsoleFixture()
    : m_database(std::make_unique<TestDatabase>())
{
    if (!m_database->ok()) {
        m_error = m_database->error();
        return;
    }
    Database &database = m_database->db();
    directory = std::make_unique<DirectoryService>(database, clock);
    auth = std::make_unique<AuthService>(database, clock);
    records = std::make_unique<NotificationRecordService>(database, clock);
    templates = std::make_unique<TemplateService>(database, clock);
    payloads = std::make_unique<PayloadService>(database, clock, *templates);
    settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_services.reset(new ConsoleServices{database, clock, *directory, *auth, *records, *templates, *payloads,
                                         *settings, &server});
    if (auto s = World().create(database, clock); !s) {
        m_error = s.error().message;
        return;
    }
    m_ok = true;
}

ConsoleFixture::~ConsoleFixture() = default;

Caller ConsoleFixture::addUser(const QString &username, Role role, const QString &orgId,
                               const QString &coordinatorId, const QString &password)
{
    DirectoryService::NewUser input;
    input.username = username;
    input.displayName = username;
    input.role = role;
    input.orgId = orgId;
    input.coordinatorId = coordinatorId;
    input.password = password;
    input.mustChangePassword = false; // as if chosen by the user: signing in opens the console
    auto user = directory->addUser(Caller::system(), input);
    if (!user) {
        qWarning("addUser(%s): %s", qPrintable(username), qPrintable(user.error().message));
        return {};
    }
    return AuthService::callerOf(*user);
}

} // namespace cc::test::ui
