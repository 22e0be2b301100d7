// KeyDetailController's permission and role edits: keys.set/add/remove Permissions|Roles, and
// "create on the fly" for roles (permissions are created by the server itself).
#include "keydetailcontroller.h"

#include "keyvalidation.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace KV = KeyValidation;

// ---- permissions and roles ------------------------------------------------------------------

namespace {

/// The set*/add*/remove* answers: [{id, name, slug?}] -> slugs (permissions) or names (roles).
QJsonArray namesOf(const QJsonValue &data, const QString &field)
{
    QJsonArray names;
    for (const QJsonValue &entry : data.toArray())
        names.append(entry.toObject().value(field));
    return names;
}

} // namespace

bool KeyDetailController::setPermissions(const QStringList &slugs)
{
    if (const QString error = KV::checkPermissions(slugs); !error.isEmpty())
        return refuse(u"permissions"_s, error);
    return submit(u"permissions"_s, u"keys.setPermissions"_s, {{u"permissions"_s, QJsonArray::fromStringList(slugs)}},
        [this](const ApiResult &result) {
            m_key.insert(u"permissions"_s, namesOf(result.data, u"slug"_s));
            Q_EMIT keyChanged();
        });
}

bool KeyDetailController::addPermission(const QString &slug)
{
    const QString trimmed = slug.trimmed();
    if (const QString error = KV::checkPermission(trimmed); !error.isEmpty())
        return refuse(u"permissions"_s, error);
    return submit(u"permissions"_s, u"keys.addPermissions"_s, {{u"permissions"_s, QJsonArray {trimmed}}},
        [this](const ApiResult &result) {
            m_key.insert(u"permissions"_s, namesOf(result.data, u"slug"_s));
            Q_EMIT keyChanged();
        });
}

bool KeyDetailController::removePermission(const QString &slug)
{
    return submit(u"permissions"_s, u"keys.removePermissions"_s, {{u"permissions"_s, QJsonArray {slug}}},
        [this](const ApiResult &result) {
            m_key.insert(u"permissions"_s, namesOf(result.data, u"slug"_s));
            Q_EMIT keyChanged();
        });
}

bool KeyDetailController::setRoles(const QStringList &names)
{
    if (const QString error = KV::checkRoles(names); !error.isEmpty())
        return refuse(u"roles"_s, error);
    return submit(u"roles"_s, u"keys.setRoles"_s, {{u"roles"_s, QJsonArray::fromStringList(names)}},
        [this](const ApiResult &result) {
            m_key.insert(u"roles"_s, namesOf(result.data, u"name"_s));
            Q_EMIT keyChanged();
        });
}

bool KeyDetailController::addRole(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (const QString error = KV::checkRole(trimmed); !error.isEmpty())
        return refuse(u"roles"_s, error);
    return submit(u"roles"_s, u"keys.addRoles"_s, {{u"roles"_s, QJsonArray {trimmed}}},
        [this](const ApiResult &result) {
            m_key.insert(u"roles"_s, namesOf(result.data, u"name"_s));
            Q_EMIT keyChanged();
        });
}

bool KeyDetailController::removeRole(const QString &name)
{
    return submit(u"roles"_s, u"keys.removeRoles"_s, {{u"roles"_s, QJsonArray {name}}},
        [this](const ApiResult &result) {
            m_key.insert(u"roles"_s, namesOf(result.data, u"name"_s));
            Q_EMIT keyChanged();
        });
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
