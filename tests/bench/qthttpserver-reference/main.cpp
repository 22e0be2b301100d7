// The Qt HTTP Server module's trivial handler: a single route answering a constant JSON object.
// Used by tests/bench/run.sh as the second reference next to nginx.
// Usage: qthttpserver-reference PORT   (listens on 127.0.0.1:PORT)
#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>
#include <QJsonObject>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const quint16 port = args.size() > 1 ? args.at(1).toUShort() : 0;

    QHttpServer server;
    server.route(QStringLiteral("/"), [] {
        return QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("server"), QStringLiteral("qthttpserver")}};
    });
    const quint16 bound = server.listen(QHostAddress::LocalHost, port);
    if (bound == 0) {
        std::fprintf(stderr, "qthttpserver-reference: cannot listen on 127.0.0.1:%u\n", unsigned(port));
        return 1;
    }
    std::fprintf(stderr, "qthttpserver-reference: listening on 127.0.0.1:%u\n", unsigned(bound));
    return app.exec();
}
