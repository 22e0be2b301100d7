#include "server/logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

namespace {
bool g_json = false;
QMutex g_lock;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "error";
    case QtFatalMsg: return "fatal";
    }
    return "info";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QByteArray line;
    if (g_json) {
        const QJsonObject object{{u"time"_s, time},
                                 {u"level"_s, QString::fromLatin1(levelName(type))},
                                 {u"category"_s, QString::fromLatin1(context.category ? context.category : "default")},
                                 {u"message"_s, message}};
        line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    } else {
        line = time.toUtf8() + ' ' + levelName(type) + ' ' + (context.category ? context.category : "default")
            + ": " + message.toUtf8();
    }
    line += '\n';
    QMutexLocker locker(&g_lock);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}
} // namespace

void installLogHandler(const QString &format)
{
    g_json = format == u"json";
    qInstallMessageHandler(handler);
}

} // namespace Latchkey::Server
