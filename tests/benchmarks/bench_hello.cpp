// A bare QtHttpServer "hello": the floor under the API's health GET. Run by
// tests/benchmarks/api-load.sh, which sends it the same wrk load as the project's health GET. It
// has one route, GET /hello, answering "hello" as text/plain, nothing else: no dispatcher, no
// connection guard, no logging, no database.
//
//   bench_hello [--port N]      listens on 127.0.0.1:N (default 0: any free port), prints
//                               "listening on 127.0.0.1:PORT" and serves until killed

#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QTcpServer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    quint16 port = 0;
    if (const qsizetype at = args.indexOf(QStringLiteral("--port")); at >= 0 && at + 1 < args.size())
        port = static_cast<quint16>(args.at(at + 1).toUInt());

    QHttpServer server;
    server.route(QStringLiteral("/hello"), [] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("hello"));
    });

    // Listening first and then handing the socket over works alike on QtHttpServer 6.4 and 6.8
    // (6.8 deprecates QHttpServer::listen()).
    auto *tcp = new QTcpServer;
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        QTextStream(stderr) << "bench_hello: cannot listen: " << tcp->errorString() << Qt::endl;
        return 1;
    }
    server.bind(tcp); // takes it over
    QTextStream(stdout) << "listening on 127.0.0.1:" << tcp->serverPort() << Qt::endl;
    return QCoreApplication::exec();
}
