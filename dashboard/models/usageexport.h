#pragma once

#include "client/apiclient.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QSaveFile;

namespace Latchkey::Dashboard {

/// Exports an owner's verifications (`analytics.getVerificationLog` filtered by identity, newest
/// first, page by page) as a CSV file, with progress and cancel.
///
/// The file is written through QSaveFile: it appears complete or not at all — a cancelled or failed
/// export leaves no partial file behind (and an existing file untouched). `total` is the number of
/// verifications the rollups count in the range (one `analytics.getTimeseries` call), so progress
/// can be shown; `exported` counts the rows written. Columns: time (ISO 8601 UTC), requestId, keyId,
/// apiId, identityId, externalId, outcome, tags (`;`-separated), spentCredits, latencyUs, region.
class UsageExport : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Latchkey::Dashboard::ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(QString identityId READ identityId WRITE setIdentityId NOTIFY identityIdChanged)
    Q_PROPERTY(QDateTime start READ start WRITE setStart NOTIFY rangeChanged)
    Q_PROPERTY(QDateTime end READ end WRITE setEnd NOTIFY rangeChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(int exported READ exported NOTIFY progressChanged)
    Q_PROPERTY(int total READ total NOTIFY progressChanged)
    Q_PROPERTY(QString fileName READ fileName NOTIFY runningChanged)
    Q_PROPERTY(QString error READ error NOTIFY runningChanged)

public:
    static constexpr int kPageSize = 100;

    explicit UsageExport(QObject *parent = nullptr);
    ~UsageExport() override;

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    QString identityId() const { return m_identityId; }
    void setIdentityId(const QString &identityId);
    /// Range of the export; invalid = unbounded (default: everything kept).
    QDateTime start() const { return m_start; }
    void setStart(const QDateTime &start);
    QDateTime end() const { return m_end; }
    void setEnd(const QDateTime &end);
    bool running() const { return m_running; }
    int exported() const { return m_exported; }
    /// Verifications in range according to the rollups, or -1 before known.
    int total() const { return m_total; }
    QString fileName() const { return m_fileName; }
    /// Why the last export failed (empty after success or cancel).
    QString error() const { return m_error; }

    /// Starts writing to @p file (a local file URL from a FileDialog). False if running or unusable.
    bool start(const QUrl &file);
    /// start() for QML, where the `start` property (the range) hides a method of the same name.
    Q_INVOKABLE bool exportTo(const QUrl &file) { return start(file); }
    /// Stops after the page in flight; nothing is written.
    Q_INVOKABLE void cancel();

    /// Where the save dialog starts: the user's Documents folder (home without one), never the
    /// process's working folder.
    Q_INVOKABLE static QUrl documentsFolder();
    /// The dialog's proposed file: `<owner>-usage-YYYY-MM-DD.csv` in documentsFolder(), the
    /// owner's id reduced to characters safe in a file name, @p today in local time.
    Q_INVOKABLE static QUrl suggestedFile(const QString &owner, const QDate &today = QDate::currentDate());
    /// Whether @p file (a local file URL or path) already exists: the bar asks before replacing it.
    Q_INVOKABLE static bool fileExists(const QUrl &file);
    /// The popup of the file dialog open on @p window, or null. Qt 6.4's non-native FileDialog
    /// shows a Dialog (QQuickFileDialogImpl, object child of the window it opens on) that
    /// QtQuick.Dialogs does not hand out; the bar makes it modal (the page dims and takes no
    /// clicks, like behind every other dialog) and wide enough for the file name.
    Q_INVOKABLE static QObject *openFileDialogPopup(QObject *window);

    /// One CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
    static QString csvField(const QString &value);
    /// The CSV line (with CRLF) of one VerificationLogEntry.
    static QString csvLine(const QJsonObject &entry);
    static QString csvHeader();

Q_SIGNALS:
    void clientChanged();
    void identityIdChanged();
    void rangeChanged();
    void runningChanged();
    void progressChanged();
    /// Over: @p ok when the file was committed; @p cancelled when the user stopped it.
    void finished(bool ok, bool cancelled);

private:
    /// Why start(@p file) cannot begin (translated), or empty when it can.
    QString refusal(const QUrl &file) const;
    void fetchTotal();
    void requestPage(const QString &cursor);
    void handlePage(const ApiResult &result);
    void finish(bool ok, const QString &error);

    QPointer<ApiClient> m_client;
    QString m_identityId;
    QDateTime m_start;
    QDateTime m_end;
    std::unique_ptr<QSaveFile> m_file;
    QString m_fileName;
    QString m_error;
    quint64 m_requestId = 0;
    int m_exported = 0;
    int m_total = -1;
    bool m_running = false;
};

} // namespace Latchkey::Dashboard
