// KeyDetailController's permission and role edits: keys.set/add/remove Permissions|Roles, and
// "create on the fly" for roles (permissions are created by the server itself).
#include "keydetailcontroller.h"

#include "keyvalidation.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace KV = KeyValidation;

bool KeyDetailController::submitBinding(
    const QString &field, const QString &action, const QStringList &values, const QString &refusal)
{
    if (!refusal.isEmpty())
        return refuse(field, refusal);
    // Every answer is the key's whole list after the change: [{id, name, slug?}]; permissions are
    // shown by slug, roles by name.
    const QString nameField = field == u"permissions" ? u"slug"_s : u"name"_s;
    return submit(field, action, {{field, QJsonArray::fromStringList(values)}},
        [this, field, nameField](const ApiResult &result) {
            QJsonArray names;
            for (const QJsonValue &entry : result.data.toArray())
                names.append(entry.toObject().value(nameField));
            m_key.insert(field, names);
            Q_EMIT keyChanged();
        });
}

bool KeyDetailController::setPermissions(const QStringList &slugs)
{
    return submitBinding(u"permissions"_s, u"keys.setPermissions"_s, slugs, KV::checkPermissions(slugs));
}

bool KeyDetailController::addPermission(const QString &slug)
{
    const QString trimmed = slug.trimmed();
    return submitBinding(u"permissions"_s, u"keys.addPermissions"_s, {trimmed}, KV::checkPermission(trimmed));
}

bool KeyDetailController::removePermission(const QString &slug)
{
    return submitBinding(u"permissions"_s, u"keys.removePermissions"_s, {slug});
}

bool KeyDetailController::setRoles(const QStringList &names)
{
    return submitBinding(u"roles"_s, u"keys.setRoles"_s, names, KV::checkRoles(names));
}

bool KeyDetailController::addRole(const QString &name)
{
    const QString trimmed = name.trimmed();
    return submitBinding(u"roles"_s, u"keys.addRoles"_s, {trimmed}, KV::checkRole(trimmed));
}

bool KeyDetailController::removeRole(const QString &name)
{
    return submitBinding(u"roles"_s, u"keys.removeRoles"_s, {name});
}

bool KeyDetailController::createAndAddRole(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (const QString error = KV::checkRole(trimmed); !error.isEmpty())
        return refuse(u"roles"_s, error);
    if (!m_client || m_keyId.isEmpty() || m_saving.contains(u"roles"_s))
        return false;
    m_saving.insert(u"roles"_s, true);
    m_errors.remove(u"roles"_s);
    Q_EMIT fieldStateChanged();
    auto id = std::make_shared<quint64>(0);
    *id = m_client->post(u"permissions.createRole"_s, {{u"name"_s, trimmed}}, this,
        [this, trimmed, id](const ApiResult &result) {
            m_pending.removeOne(*id);
            // 409: the role exists already (e.g. created meanwhile); adding it is still what the
            // user asked for.
            if (!result.ok() && result.httpStatus != 409) {
                finish(u"roles"_s, result, {}, {});
                return;
            }
            m_saving.remove(u"roles"_s);
            addRole(trimmed);
        });
    m_pending.append(*id);
    return true;
}

} // namespace Latchkey::Dashboard
