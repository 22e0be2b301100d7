#include "capabilities.h"

#include "apiclient.h"
#include "permissionwords.h"

#include <QCoreApplication>
#include <QEvent>
#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCapabilities, "latchkey.dashboard.capabilities")

namespace Latchkey::Dashboard {

Capabilities::Capabilities(QObject *parent)
    : QObject(parent)
{
    // QQmlEngine::retranslate() re-evaluates qsTr() only: missing()'s bindings follow `revision`.
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

bool Capabilities::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        bump(false);
    return QObject::eventFilter(watched, event);
}

void Capabilities::bump(bool answered)
{
    ++m_revision;
    // `revision` first: the values bindings derive from it (a GatedButton's `missing`) are new
    // before anything that reads them together with `pending` runs again. In the other order
    // `!pending && missing === ""` saw pending go false beside the old "" of an unknown key and
    // the key page asked keys.getKey with decrypt, a 403 (tst_capabilitygates, 1 run in 5).
    Q_EMIT revisionChanged();
    if (answered)
        Q_EMIT changed();
}

QStringList Capabilities::permissions() const
{
    QStringList list(m_permissions.cbegin(), m_permissions.cend());
    list.sort();
    return list;
}

bool Capabilities::may(const QString &permission, int /*revision*/) const
{
    if (!m_known || m_permissions.contains(permission))
        return true;
    // "api.<id>.read_key" is also granted by "api.*.read_key" (the server's wildcard-or-id rule).
    const QStringList parts = permission.split(u'.');
    if (parts.size() == 3 && parts.at(1) != u"*")
        return m_permissions.contains(parts.at(0) + u".*."_s + parts.at(2));
    return false;
}

bool Capabilities::mayAny(const QStringList &alternatives, int /*revision*/) const
{
    return std::any_of(alternatives.cbegin(), alternatives.cend(), [this](const QString &p) { return may(p); });
}

QString Capabilities::missing(const QString &permission, int /*revision*/) const
{
    return may(permission) ? QString() : PermissionWords::lacking(permission);
}

QString Capabilities::missingEverywhere(const QString &permission, int /*revision*/) const
{
    if (may(permission))
        return {};
    const QStringList parts = permission.split(u'.');
    const bool onSome = parts.size() == 3 && std::any_of(m_permissions.cbegin(), m_permissions.cend(), [&parts](const QString &held) {
        const QStringList heldParts = held.split(u'.');
        return heldParts.size() == 3 && heldParts.at(0) == parts.at(0) && heldParts.at(2) == parts.at(2);
    });
    return onSome ? QString() : missing(permission);
}

void Capabilities::setPermissions(const QStringList &permissions)
{
    m_permissions = QSet<QString>(permissions.cbegin(), permissions.cend());
    m_known = true;
    m_answered = true;
    bump();
}

void Capabilities::clear()
{
    // An answer still on its way is for the connection that ends here.
    if (m_pendingCall && m_pendingClient)
        m_pendingClient->cancel(m_pendingCall);
    m_pendingCall = 0;
    m_answered = false;
    m_known = false;
    m_permissions.clear();
    m_rootKeyId.clear();
    m_rootKeyName.clear();
    m_workspaceId.clear();
    bump();
}

void Capabilities::refresh(ApiClient *client)
{
    if (m_pendingCall && m_pendingClient)
        m_pendingClient->cancel(m_pendingCall);
    m_pendingClient = client;
    m_answered = false;
    m_pendingCall = client->post(u"rootKeys.whoami"_s, {}, this, [this](const ApiResult &result) {
        m_pendingCall = 0;
        if (!result.ok()) {
            m_answered = true;
            // 404: a server without rootKeys.whoami. Stay "unknown" and grey nothing out; what
            // waited for the answer goes ahead.
            qCInfo(lcCapabilities) << "permissions unknown: HTTP" << result.httpStatus;
            bump();
            return;
        }
        const QJsonObject data = result.data.toObject();
        m_rootKeyId = data.value(u"rootKeyId").toString();
        m_rootKeyName = data.value(u"name").toString();
        m_workspaceId = data.value(u"workspaceId").toString();
        QStringList list;
        for (const QJsonValue &value : data.value(u"permissions").toArray())
            list.append(value.toString());
        setPermissions(list);
    });
    bump(); // pending
}

} // namespace Latchkey::Dashboard
