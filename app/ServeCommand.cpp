#include "app/ServeCommand.h"

#include "app/AppContext.h"
#include "core/Defaults.h"
#include "server/ApiServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>

#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <optional>

namespace cc::app {

namespace {

int s_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    (void)!::write(s_signalPipe[1], &byte, 1);
}

void printErr(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

// What `serve` was asked for.
struct ServeOptions
{
    QString databaseUrl;
    api::ServerOptions server;
    bool plain = false; // --no-tls
};

// Reads the command line of `serve` into `options`. Returns an exit code when serve must not go
// on: 0 after the help, 2 after telling what is wrong.
std::optional<int> parseArguments(const QStringList &arguments, ServeOptions &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serve the REST API for the organisation's mobile app, without a window."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QString defaultListen = QStringLiteral("0.0.0.0:%1").arg(kDefaultPort);
    parser.addOption({QStringLiteral("listen"),
                      QStringLiteral("Address and port to listen on (default %1).").arg(defaultListen),
                      QStringLiteral("HOST:PORT"), defaultListen});
    parser.addOption({QStringLiteral("database"), AppContext::databaseOptionHelp(), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("tls-cert"),
                      QStringLiteral("PEM certificate for HTTPS (default: the server's own, made on the "
                                     "first start in %1).")
                          .arg(AppContext::dataFolder()),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("tls-key"), QStringLiteral("PEM private key for HTTPS."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("no-tls"),
                      QStringLiteral("Serve plain HTTP: the traffic, with personal data, is unencrypted.")});
    const api::RateLimits defaults;
    parser.addOption({QStringLiteral("max-requests-per-second"),
                      QStringLiteral("Requests one API token may send per second (default %1); beyond: 429.")
                          .arg(defaults.requestsPerSecond),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("max-records-per-minute"),
                      QStringLiteral("Notification records one API token may create per minute (default %1).")
                          .arg(defaults.recordsPerMinute),
                      QStringLiteral("N")});
    const api::StreamLimits streamDefaults;
    parser.addOption(
        {QStringLiteral("max-event-streams"),
         QStringLiteral("Event streams (GET /api/v1/events) open at once (default %1); beyond: 503.")
             .arg(streamDefaults.maxStreams),
         QStringLiteral("N")});
    parser.addOption({QStringLiteral("max-event-streams-per-user"),
                      QStringLiteral("Event streams one user may have open at once (default %1).")
                          .arg(streamDefaults.maxPerUser),
                      QStringLiteral("N")});
    const api::ServerOptions serverDefaults;
    parser.addOption({QStringLiteral("workers"),
                      QStringLiteral("Threads that answer requests, each with its own database connection, "
                                     "1 to 256 (default: one per core, here %1).")
                          .arg(QThread::idealThreadCount()),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("max-queued-requests"),
                      QStringLiteral("Requests that may wait for a worker (default %1); beyond: 503.")
                          .arg(serverDefaults.maxQueuedRequests),
                      QStringLiteral("N")});
    if (!parser.parse(arguments)) {
        printErr(parser.errorText() + QStringLiteral("; see coordinator-console serve --help"));
        return 2;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("coordinator-console %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return 0;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QString help = parser.helpText();
        help.replace(0, help.indexOf(QLatin1Char('\n')),
                     QStringLiteral("Usage: coordinator-console serve [options]"));
        std::printf("%s", qPrintable(help));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printErr(QStringLiteral("serve takes no arguments (got “%1”); see coordinator-console serve --help")
                     .arg(parser.positionalArguments().first()));
        return 2;
    }
    const QString listen = parser.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    QHostAddress address(colon > 0 ? listen.left(colon).remove(QLatin1Char('[')).remove(QLatin1Char(']'))
                                   : QString());
    if (colon <= 0 || !portOk || port > 65535 || address.isNull()) {
        printErr(QStringLiteral(
                     "--listen must be HOST:PORT with an IP address, for example 0.0.0.0:%1 (got “%2”).")
                     .arg(kDefaultPort)
                     .arg(listen));
        return 2;
    }
    if (parser.isSet(QStringLiteral("tls-cert")) != parser.isSet(QStringLiteral("tls-key"))) {
        printErr(QStringLiteral("HTTPS needs both --tls-cert and --tls-key."));
        return 2;
    }
    options.plain = parser.isSet(QStringLiteral("no-tls"));
    if (options.plain && parser.isSet(QStringLiteral("tls-cert"))) {
        printErr(QStringLiteral("--no-tls and --tls-cert/--tls-key contradict each other: choose one."));
        return 2;
    }

    options.databaseUrl = parser.isSet(QStringLiteral("database")) ? parser.value(QStringLiteral("database"))
                                                                   : AppContext::defaultDatabaseUrl();
    if (const QString warning = AppContext::passwordWarning(parser.value(QStringLiteral("database")));
        !warning.isEmpty())
        printErr(warning);
    options.server.address = address;
    options.server.port = static_cast<quint16>(port);
    options.server.tlsCertificateFile = parser.value(QStringLiteral("tls-cert"));
    options.server.tlsKeyFile = parser.value(QStringLiteral("tls-key"));
    for (const auto &[name, value] :
         {std::pair{QStringLiteral("max-requests-per-second"), &options.server.rateLimits.requestsPerSecond},
          std::pair{QStringLiteral("max-records-per-minute"), &options.server.rateLimits.recordsPerMinute},
          std::pair{QStringLiteral("max-event-streams"), &options.server.streamLimits.maxStreams},
          std::pair{QStringLiteral("max-event-streams-per-user"), &options.server.streamLimits.maxPerUser},
          std::pair{QStringLiteral("max-queued-requests"), &options.server.maxQueuedRequests}}) {
        if (!parser.isSet(name))
            continue;
        bool ok = false;
        const int n = parser.value(name).toInt(&ok);
        if (!ok || n < 1 || n > 1'000'000) {
            printErr(QStringLiteral("--%1 must be a whole number from 1 to 1000000 (got “%2”).")
                         .arg(name, parser.value(name)));
            return 2;
        }
        *value = n;
    }
    if (parser.isSet(QStringLiteral("workers"))) {
        bool ok = false;
        const int n = parser.value(QStringLiteral("workers")).toInt(&ok);
        if (!ok || n < 1 || n > 256) {
            printErr(QStringLiteral("--workers must be a whole number from 1 to 256 (got “%1”).")
                         .arg(parser.value(QStringLiteral("workers"))));
            return 2;
        }
        options.server.workers = n;
    }
    return std::nullopt;
}

// Runs the event loop until SIGTERM or SIGINT, then lets `server` finish and stop.
int runUntilSignalled(api::ApiServer &server)
{
    // SIGTERM / SIGINT → the event loop, through a pipe (nothing else is safe in a handler).
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalPipe) != 0) {
        printErr(QStringLiteral("Cannot set up signal handling."));
        return 1;
    }
    QSocketNotifier notifier(s_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, qApp, [&] {
        char byte;
        (void)!::read(s_signalPipe[0], &byte, 1);
        notifier.setEnabled(false);
        std::fprintf(stderr, "Stopping: finishing requests in flight…\n");
        server.stop();
        QCoreApplication::quit();
    });
    struct sigaction action
    {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    const int code = QCoreApplication::exec();
    std::fprintf(stderr, "Stopped.\n");
    return code;
}

} // namespace

int runServe(const QStringList &arguments)
{
    ServeOptions options;
    if (const auto stop = parseArguments(arguments, options))
        return *stop;
    auto context = AppContext::open(options.databaseUrl);
    if (!context) {
        printErr(context.error().message);
        return 1;
    }
    AppContext &ctx = **context;
    if (!options.plain && options.server.tlsCertificateFile.isEmpty()) {
        auto own = AppContext::ownCertificate();
        if (!own) {
            printErr(own.error().message);
            return 1;
        }
        if (own->made)
            std::printf("Made the server's own certificate: %s\n", qPrintable(own->certificateFile));
        options.server.tlsCertificateFile = own->certificateFile;
        options.server.tlsKeyFile = own->keyFile;
    }
    cc::api::ApiServer server(cc::api::Services{ctx.database(), ctx.clock(), ctx.auth(), ctx.directory(),
                                                ctx.records(), ctx.templates(), ctx.payloads()});
    auto started = server.start(options.server);
    if (!started) {
        printErr(started.error().message);
        return 1;
    }
    const QString scheme = server.isTls() ? QStringLiteral("https") : QStringLiteral("http");
    std::printf("Serving on %s://%s:%u (database: %s)\n", qPrintable(scheme),
                qPrintable(options.server.address.toString()), unsigned(*started),
                qPrintable(ctx.database().url().display()));
    if (server.isTls())
        std::printf("Certificate SHA-256 fingerprint: %s\n", qPrintable(server.certificateFingerprint()));
    else
        std::printf("Warning: plain HTTP (--no-tls): the traffic, with names, phone numbers and reasons, "
                    "is unencrypted.\n");
    std::fflush(stdout);
    return runUntilSignalled(server);
}

} // namespace cc::app
