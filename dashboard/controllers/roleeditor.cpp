#include "roleeditor.h"

#include "client/apiclient.h"
#include "keyvalidation.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

/// The slugs of [{id, name, slug, …}], sorted.
QStringList slugsOf(const QJsonArray &permissions)
{
    QStringList slugs;
    for (const QJsonValue &permission : permissions)
        slugs.append(permission.toObject().value(u"slug"_s).toString());
    slugs.sort();
    return slugs;
}

} // namespace

RoleEditor::RoleEditor(QObject *parent)
    : QObject(parent)
{
}

void RoleEditor::setClient(ApiClient *client)
{
    if (m_client == client)
        return;
    m_client = client;
    Q_EMIT clientChanged();
    reload();
}

void RoleEditor::setRoleId(const QString &roleId)
{
    if (m_roleId == roleId)
        return;
    m_roleId = roleId;
    Q_EMIT roleIdChanged();
    reload();
}

void RoleEditor::reload()
{
    ++m_generation;
    m_name.clear();
    m_description.clear();
    m_permissions.clear();
    m_loaded = false;
    Q_EMIT roleChanged();
    setError({});
    setBusy(false);
    if (!m_client || m_roleId.isEmpty())
        return;
    send(u"permissions.getRole"_s, {{u"role"_s, m_roleId}}, [this](const QJsonValue &data) {
        const QJsonObject role = data.toObject();
        m_name = role.value(u"name"_s).toString();
        m_description = role.value(u"description"_s).toString();
        m_permissions = slugsOf(role.value(u"permissions"_s).toArray());
        m_loaded = true;
        Q_EMIT roleChanged();
    });
}

bool RoleEditor::addPermission(const QString &slug)
{
    const QString trimmed = slug.trimmed();
    if (const QString refusal = KeyValidation::checkPermission(trimmed); !refusal.isEmpty()) {
        setError(refusal);
        return false;
    }
    if (m_permissions.contains(trimmed))
        return false;
    return setPermissions(m_permissions + QStringList{trimmed});
}

bool RoleEditor::removePermission(const QString &slug)
{
    if (!m_permissions.contains(slug))
        return false;
    QStringList remaining = m_permissions;
    remaining.removeAll(slug);
    return setPermissions(remaining);
}

bool RoleEditor::setPermissions(const QStringList &slugs)
{
    if (!m_client || !m_loaded || m_busy)
        return false;
    send(u"permissions.setRolePermissions"_s,
        {{u"roleId"_s, m_roleId}, {u"permissions"_s, QJsonArray::fromStringList(slugs)}},
        [this](const QJsonValue &data) {
            m_permissions = slugsOf(data.toArray());
            Q_EMIT roleChanged();
            Q_EMIT saved();
        });
    return true;
}

void RoleEditor::send(const QString &action, const QJsonObject &body, const std::function<void(const QJsonValue &)> &apply)
{
    const quint64 generation = m_generation;
    setError({});
    setBusy(true);
    m_client->post(action, body, this, [this, generation, apply](const ApiResult &result) {
        if (generation != m_generation)
            return;
        setBusy(false);
        if (!result.ok())
            return setError(result.message());
        apply(result.data);
    }, ApiClient::Failures::ToTheDialog);
}

void RoleEditor::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void RoleEditor::setError(const QString &error)
{
    if (m_error == error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

} // namespace Latchkey::Dashboard
