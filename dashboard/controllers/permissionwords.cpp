#include "permissionwords.h"

#include <QCoreApplication>
#include <QEvent>

#include <array>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

struct ActionWords {
    const char16_t *action;
    const char *words;
};

struct AreaActionWords {
    const char16_t *area;
    const char16_t *action;
    const char *words;
};

// Actions whose words depend on the area: Settings lists a key's permissions in one list, where
// api.*.read_analytics and ratelimit.*.read_analytics both read "View analytics" (walkthrough 19/13).
constexpr std::array AreaActions {
    AreaActionWords {u"api", u"read_analytics", QT_TRANSLATE_NOOP("PermissionWords", "View verification analytics")},
    AreaActionWords {u"ratelimit", u"read_analytics", QT_TRANSLATE_NOOP("PermissionWords", "View rate-limit analytics")},
};

// Every action of the server's permission grammar (backend/api/rootkeypermissions.cpp).
constexpr std::array Actions {
    ActionWords {u"create_api", QT_TRANSLATE_NOOP("PermissionWords", "Create APIs")},
    ActionWords {u"read_api", QT_TRANSLATE_NOOP("PermissionWords", "View APIs")},
    ActionWords {u"update_api", QT_TRANSLATE_NOOP("PermissionWords", "Edit APIs")},
    ActionWords {u"delete_api", QT_TRANSLATE_NOOP("PermissionWords", "Delete APIs")},
    ActionWords {u"create_key", QT_TRANSLATE_NOOP("PermissionWords", "Issue keys")},
    ActionWords {u"read_key", QT_TRANSLATE_NOOP("PermissionWords", "View keys")},
    ActionWords {u"update_key", QT_TRANSLATE_NOOP("PermissionWords", "Edit keys")},
    ActionWords {u"delete_key", QT_TRANSLATE_NOOP("PermissionWords", "Delete keys")},
    ActionWords {u"verify_key", QT_TRANSLATE_NOOP("PermissionWords", "Verify keys")},
    ActionWords {u"encrypt_key", QT_TRANSLATE_NOOP("PermissionWords", "Store keys recoverably")},
    ActionWords {u"decrypt_key", QT_TRANSLATE_NOOP("PermissionWords", "Show stored keys")},
    ActionWords {u"read_analytics", QT_TRANSLATE_NOOP("PermissionWords", "View analytics")},
    ActionWords {u"limit", QT_TRANSLATE_NOOP("PermissionWords", "Check rate limits")},
    ActionWords {u"create_namespace", QT_TRANSLATE_NOOP("PermissionWords", "Create namespaces")},
    ActionWords {u"read_namespace", QT_TRANSLATE_NOOP("PermissionWords", "View namespaces")},
    ActionWords {u"update_namespace", QT_TRANSLATE_NOOP("PermissionWords", "Edit namespaces")},
    ActionWords {u"delete_namespace", QT_TRANSLATE_NOOP("PermissionWords", "Delete namespaces")},
    ActionWords {u"set_override", QT_TRANSLATE_NOOP("PermissionWords", "Set overrides")},
    ActionWords {u"read_override", QT_TRANSLATE_NOOP("PermissionWords", "View overrides")},
    ActionWords {u"delete_override", QT_TRANSLATE_NOOP("PermissionWords", "Delete overrides")},
    ActionWords {u"create_permission", QT_TRANSLATE_NOOP("PermissionWords", "Create permissions")},
    ActionWords {u"read_permission", QT_TRANSLATE_NOOP("PermissionWords", "View permissions")},
    ActionWords {u"update_permission", QT_TRANSLATE_NOOP("PermissionWords", "Edit permissions")},
    ActionWords {u"delete_permission", QT_TRANSLATE_NOOP("PermissionWords", "Delete permissions")},
    ActionWords {u"create_role", QT_TRANSLATE_NOOP("PermissionWords", "Create roles")},
    ActionWords {u"read_role", QT_TRANSLATE_NOOP("PermissionWords", "View roles")},
    ActionWords {u"update_role", QT_TRANSLATE_NOOP("PermissionWords", "Edit roles")},
    ActionWords {u"delete_role", QT_TRANSLATE_NOOP("PermissionWords", "Delete roles")},
    ActionWords {u"add_permission_to_key", QT_TRANSLATE_NOOP("PermissionWords", "Give keys permissions")},
    ActionWords {u"remove_permission_from_key", QT_TRANSLATE_NOOP("PermissionWords", "Take permissions from keys")},
    ActionWords {u"add_role_to_key", QT_TRANSLATE_NOOP("PermissionWords", "Give keys roles")},
    ActionWords {u"remove_role_from_key", QT_TRANSLATE_NOOP("PermissionWords", "Take roles from keys")},
    ActionWords {u"add_permission_to_role", QT_TRANSLATE_NOOP("PermissionWords", "Add permissions to roles")},
    ActionWords {u"remove_permission_from_role", QT_TRANSLATE_NOOP("PermissionWords", "Remove permissions from roles")},
    ActionWords {u"create_identity", QT_TRANSLATE_NOOP("PermissionWords", "Create owners")},
    ActionWords {u"read_identity", QT_TRANSLATE_NOOP("PermissionWords", "View owners")},
    ActionWords {u"update_identity", QT_TRANSLATE_NOOP("PermissionWords", "Edit owners")},
    ActionWords {u"delete_identity", QT_TRANSLATE_NOOP("PermissionWords", "Delete owners")},
    ActionWords {u"create_root_key", QT_TRANSLATE_NOOP("PermissionWords", "Create root keys")},
    ActionWords {u"read_root_key", QT_TRANSLATE_NOOP("PermissionWords", "View root keys")},
    ActionWords {u"delete_root_key", QT_TRANSLATE_NOOP("PermissionWords", "Delete root keys")},
    ActionWords {u"read_audit_log", QT_TRANSLATE_NOOP("PermissionWords", "Read the audit log")},
};

} // namespace

PermissionWords::PermissionWords(QObject *parent)
    : QObject(parent)
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

QString PermissionWords::actionOf(const QString &permission)
{
    const QStringList parts = permission.split(u'.');
    const QString action = parts.size() > 2 ? parts.at(2) : permission;
    for (const AreaActionWords &known : AreaActions) {
        if (parts.size() > 2 && parts.at(0) == QStringView(known.area) && action == QStringView(known.action))
            return QCoreApplication::translate("PermissionWords", known.words);
    }
    for (const ActionWords &known : Actions) {
        if (action == QStringView(known.action))
            return QCoreApplication::translate("PermissionWords", known.words);
    }
    return QString(action).replace(u'_', u' ');
}

QString PermissionWords::wordsOf(const QString &permission)
{
    return wordsOf(permission, {});
}

QString PermissionWords::wordsOf(const QString &permission, const QString &scopeName)
{
    const QStringList parts = permission.split(u'.');
    if (parts.size() != 3 || parts.at(2) == u"*")
        return permission;
    const QString action = actionOf(permission);
    return parts.at(1) == u"*" ? action
                               : QCoreApplication::translate("PermissionWords", "%1 (%2)",
                                   "a permission in words and the one API or namespace it is limited to")
                                     .arg(action, scopeName.isEmpty() ? parts.at(1) : scopeName);
}

QString PermissionWords::lacking(const QString &permission)
{
    return QCoreApplication::translate("PermissionWords", "Your root key lacks the permission “%1” (%2).",
        "%1: the permission in words (“Edit keys”), %2: its name")
        .arg(actionOf(permission), permission);
}

QString PermissionWords::actionLabel(const QString &permission, int /*revision*/) const
{
    return actionOf(permission);
}

QString PermissionWords::words(const QString &permission, int /*revision*/) const
{
    return wordsOf(permission);
}

QString PermissionWords::wordsNaming(const QString &permission, const QString &scopeName, int /*revision*/) const
{
    return wordsOf(permission, scopeName);
}

bool PermissionWords::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        ++m_revision;
        Q_EMIT revisionChanged();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Latchkey::Dashboard
