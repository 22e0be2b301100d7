#include "models/usageexport.h"

#include "client/apiclient.h"
#include "models/modelslogging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QQmlEngine>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

// Without an explicit start, the total is counted over this long a window (the day rollups allow
// 1500 buckets); raw events are kept for a shorter time anyway (30 days by default).
constexpr qint64 kDefaultTotalWindowMs = 400LL * 24 * 3600 * 1000;

} // namespace

UsageExport::UsageExport(QObject *parent)
    : QObject(parent)
{
}

UsageExport::~UsageExport()
{
    if (m_requestId != 0 && m_client)
        m_client->cancel(m_requestId);
}

void UsageExport::setClient(ApiClient *client)
{
    if (m_client == client)
        return;
    m_client = client;
    Q_EMIT clientChanged();
}

void UsageExport::setIdentityId(const QString &identityId)
{
    if (m_identityId == identityId)
        return;
    m_identityId = identityId;
    Q_EMIT identityIdChanged();
}

void UsageExport::setStart(const QDateTime &start)
{
    if (m_start == start)
        return;
    m_start = start;
    Q_EMIT rangeChanged();
}

void UsageExport::setEnd(const QDateTime &end)
{
    if (m_end == end)
        return;
    m_end = end;
    Q_EMIT rangeChanged();
}

QString UsageExport::csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QUrl UsageExport::documentsFolder()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QDir::homePath();
    return QUrl::fromLocalFile(folder);
}

QUrl UsageExport::suggestedFile(const QString &owner, const QDate &today)
{
    static const QRegularExpression unsafe(u"[^A-Za-z0-9._-]+"_s);
    QString stem = QString(owner).replace(unsafe, u"-"_s);
    while (stem.startsWith(u'.') || stem.startsWith(u'-'))
        stem.remove(0, 1); // no hidden file, no option-like name
    if (stem.isEmpty())
        stem = u"owner"_s;
    const QString name = stem + u"-usage-"_s + today.toString(Qt::ISODate) + u".csv"_s;
    return QUrl::fromLocalFile(QDir(documentsFolder().toLocalFile()).filePath(name));
}

bool UsageExport::fileExists(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    return !path.isEmpty() && QFileInfo::exists(path);
}

QObject *UsageExport::openFileDialogPopup(QObject *window)
{
    if (!window)
        return nullptr;
    const QObjectList children = window->children();
    for (QObject *child : children) {
        if (child->inherits("QQuickFileDialogImpl") && child->property("visible").toBool()) {
            QQmlEngine::setObjectOwnership(child, QQmlEngine::CppOwnership); // the window's, not QML's
            return child;
        }
    }
    return nullptr;
}

QString UsageExport::csvHeader()
{
    return u"time,requestId,keyId,apiId,identityId,externalId,outcome,tags,spentCredits,latencyUs,region\r\n"_s;
}

QString UsageExport::csvLine(const QJsonObject &entry)
{
    QStringList tags;
    const QJsonArray tagArray = entry.value(u"tags"_s).toArray();
    for (const QJsonValue &tag : tagArray)
        tags.append(tag.toString());
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(entry.value(u"time"_s).toInteger(), Qt::UTC);
    const QStringList fields{time.toString(Qt::ISODateWithMs),
                             entry.value(u"requestId"_s).toString(),
                             entry.value(u"keyId"_s).toString(),
                             entry.value(u"apiId"_s).toString(),
                             entry.value(u"identityId"_s).toString(),
                             entry.value(u"externalId"_s).toString(),
                             entry.value(u"outcome"_s).toString(),
                             tags.join(u';'),
                             QString::number(entry.value(u"spentCredits"_s).toInteger()),
                             QString::number(entry.value(u"latencyUs"_s).toInteger()),
                             entry.value(u"region"_s).toString()};
    QStringList escaped;
    for (const QString &field : fields)
        escaped.append(csvField(field));
    return escaped.join(u',') + u"\r\n"_s;
}

QString UsageExport::refusal(const QUrl &file) const
{
    if (m_running)
        return tr("an export is already running");
    if (!m_client)
        return tr("not connected to a server");
    if (m_identityId.isEmpty())
        return tr("no owner is selected");
    if (!file.isLocalFile())
        return tr("not a file on this computer");
    return {};
}

bool UsageExport::start(const QUrl &file)
{
    // Each refusal says why: the bar shows "Cannot write there: <error>".
    if (const QString why = refusal(file); !why.isEmpty()) {
        m_error = why;
        Q_EMIT runningChanged();
        return false;
    }
    auto saveFile = std::make_unique<QSaveFile>(file.toLocalFile());
    if (!saveFile->open(QIODevice::WriteOnly)) {
        m_error = saveFile->errorString();
        Q_EMIT runningChanged();
        return false;
    }
    m_file = std::move(saveFile);
    m_fileName = file.toLocalFile();
    m_error.clear();
    m_exported = 0;
    m_total = -1;
    m_running = true;
    m_file->write(csvHeader().toUtf8());
    Q_EMIT runningChanged();
    Q_EMIT progressChanged();
    fetchTotal();
    requestPage({});
    return true;
}

void UsageExport::cancel()
{
    if (!m_running)
        return;
    if (m_requestId != 0 && m_client)
        m_client->cancel(m_requestId);
    m_requestId = 0;
    m_file->cancelWriting();
    m_file->commit();
    m_file.reset();
    m_running = false;
    m_error.clear();
    Q_EMIT runningChanged();
    Q_EMIT finished(false, true);
}

void UsageExport::fetchTotal()
{
    const qint64 end = m_end.isValid() ? m_end.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch() + 1;
    const qint64 start = m_start.isValid() ? m_start.toMSecsSinceEpoch() : std::max<qint64>(0, end - kDefaultTotalWindowMs);
    const QJsonObject body{{u"scope"_s, u"identity"_s},
                           {u"identityId"_s, m_identityId},
                           {u"start"_s, start},
                           {u"end"_s, end},
                           {u"bucket"_s, u"day"_s}};
    m_client->post(u"analytics.getTimeseries"_s, body, this, [this](const ApiResult &result) {
        if (!m_running || !result.ok())
            return;
        qint64 total = 0;
        const QJsonArray buckets = result.data.toObject().value(u"buckets"_s).toArray();
        for (const QJsonValue &bucket : buckets)
            total += bucket.toObject().value(u"total"_s).toInteger();
        m_total = int(std::min<qint64>(total, std::numeric_limits<int>::max()));
        Q_EMIT progressChanged();
    });
}

void UsageExport::requestPage(const QString &cursor)
{
    QJsonObject body{{u"identityId"_s, m_identityId}, {u"limit"_s, kPageSize}};
    if (m_start.isValid())
        body.insert(u"start"_s, m_start.toMSecsSinceEpoch());
    if (m_end.isValid())
        body.insert(u"end"_s, m_end.toMSecsSinceEpoch());
    if (!cursor.isEmpty())
        body.insert(u"cursor"_s, cursor);
    m_requestId = m_client->post(u"analytics.getVerificationLog"_s, body, this,
                                 [this](const ApiResult &result) { handlePage(result); });
}

void UsageExport::handlePage(const ApiResult &result)
{
    m_requestId = 0;
    if (!m_running)
        return;
    if (!result.ok()) {
        finish(false, result.message());
        return;
    }
    const QJsonArray entries = result.data.toArray();
    QByteArray chunk;
    for (const QJsonValue &entry : entries)
        chunk += csvLine(entry.toObject()).toUtf8();
    if (m_file->write(chunk) != chunk.size()) {
        finish(false, m_file->errorString());
        return;
    }
    m_exported += int(entries.size());
    Q_EMIT progressChanged();
    const QString cursor = result.pagination.value(u"cursor"_s).toString();
    if (result.pagination.value(u"hasMore"_s).toBool() && !cursor.isEmpty())
        requestPage(cursor);
    else
        finish(true, {});
}

void UsageExport::finish(bool ok, const QString &error)
{
    if (ok && !m_file->commit()) {
        ok = false;
        m_error = m_file->errorString();
    } else if (!ok) {
        m_file->cancelWriting();
        m_file->commit();
        m_error = error;
    } else {
        m_error.clear(); // a refused second start while running must not outlive the success
    }
    qCInfo(lcModels) << "usage export of" << m_identityId << (ok ? "written:" : "failed:") << m_exported << "rows"
                     << m_error;
    m_file.reset();
    m_running = false;
    Q_EMIT runningChanged();
    Q_EMIT finished(ok, false);
}

} // namespace Latchkey::Dashboard
