#include "store/schema.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

namespace {

// Version 1: the key API. Times are unix milliseconds (INTEGER); every table carries workspace_id
// so one workspace can never reach another's rows. Soft deletes use deleted_at.
QList<QString> version1()
{
    return {
        u"CREATE TABLE workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL)"_s,
        u"CREATE TABLE root_keys (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces(id),"
        " hash TEXT NOT NULL UNIQUE, start TEXT NOT NULL, name TEXT, created_at INTEGER NOT NULL,"
        " expires INTEGER, deleted_at INTEGER, last_used_at INTEGER)"_s,
        u"CREATE TABLE root_key_permissions (root_key_id TEXT NOT NULL REFERENCES root_keys(id) ON DELETE CASCADE,"
        " workspace_id TEXT NOT NULL, permission TEXT NOT NULL, PRIMARY KEY (root_key_id, permission))"_s,
        u"CREATE TABLE keyspaces (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,"
        " store_encrypted_keys INTEGER NOT NULL DEFAULT 1, default_prefix TEXT, default_bytes INTEGER,"
        " created_at INTEGER NOT NULL)"_s,
        u"CREATE TABLE apis (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL,"
        " keyspace_id TEXT NOT NULL UNIQUE REFERENCES keyspaces(id), ip_whitelist TEXT,"
        " delete_protection INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, updated_at INTEGER,"
        " deleted_at INTEGER)"_s,
        u"CREATE INDEX apis_workspace ON apis (workspace_id, id)"_s,
        u"CREATE TABLE identities (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, external_id TEXT NOT NULL,"
        " meta TEXT NOT NULL DEFAULT '{}', deleted INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,"
        " updated_at INTEGER)"_s,
        u"CREATE UNIQUE INDEX identities_external ON identities (workspace_id, external_id) WHERE deleted = 0"_s,
        u"CREATE TABLE keys (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, keyspace_id TEXT NOT NULL,"
        " hash TEXT NOT NULL UNIQUE, start TEXT NOT NULL, name TEXT, identity_id TEXT, meta TEXT,"
        " expires INTEGER, enabled INTEGER NOT NULL DEFAULT 1, remaining INTEGER, refill_amount INTEGER,"
        " refill_day INTEGER, last_refill_at INTEGER, created_at INTEGER NOT NULL, updated_at INTEGER,"
        " deleted_at INTEGER, last_used_at INTEGER, pending_migration_id TEXT)"_s,
        u"CREATE INDEX keys_keyspace ON keys (keyspace_id, id)"_s,
        u"CREATE INDEX keys_identity ON keys (identity_id)"_s,
        u"CREATE TABLE encrypted_keys (key_id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,"
        " encrypted TEXT NOT NULL, created_at INTEGER NOT NULL)"_s,
        u"CREATE TABLE permissions (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL,"
        " slug TEXT NOT NULL, description TEXT, created_at INTEGER NOT NULL, updated_at INTEGER,"
        " UNIQUE (workspace_id, slug))"_s,
        u"CREATE TABLE roles (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL,"
        " description TEXT, created_at INTEGER NOT NULL, updated_at INTEGER, UNIQUE (workspace_id, name))"_s,
        u"CREATE TABLE keys_permissions (key_id TEXT NOT NULL, permission_id TEXT NOT NULL,"
        " workspace_id TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (key_id, permission_id))"_s,
        u"CREATE INDEX keys_permissions_permission ON keys_permissions (permission_id)"_s,
        u"CREATE TABLE keys_roles (key_id TEXT NOT NULL, role_id TEXT NOT NULL, workspace_id TEXT NOT NULL,"
        " created_at INTEGER NOT NULL, PRIMARY KEY (key_id, role_id))"_s,
        u"CREATE INDEX keys_roles_role ON keys_roles (role_id)"_s,
        u"CREATE TABLE roles_permissions (role_id TEXT NOT NULL, permission_id TEXT NOT NULL,"
        " workspace_id TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (role_id, permission_id))"_s,
        u"CREATE INDEX roles_permissions_permission ON roles_permissions (permission_id)"_s,
        u"CREATE TABLE ratelimits (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL,"
        " key_id TEXT, identity_id TEXT, \"limit\" INTEGER NOT NULL, duration INTEGER NOT NULL,"
        " auto_apply INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, updated_at INTEGER)"_s,
        u"CREATE UNIQUE INDEX ratelimits_key_name ON ratelimits (key_id, name) WHERE key_id IS NOT NULL"_s,
        u"CREATE UNIQUE INDEX ratelimits_identity_name ON ratelimits (identity_id, name) WHERE identity_id IS NOT NULL"_s,
        u"CREATE TABLE ratelimit_namespaces (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL,"
        " created_at INTEGER NOT NULL, updated_at INTEGER, deleted_at INTEGER, UNIQUE (workspace_id, name))"_s,
        u"CREATE TABLE ratelimit_overrides (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,"
        " namespace_id TEXT NOT NULL, identifier TEXT NOT NULL, \"limit\" INTEGER NOT NULL,"
        " duration INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER, deleted_at INTEGER)"_s,
        u"CREATE UNIQUE INDEX ratelimit_overrides_identifier ON ratelimit_overrides (namespace_id, identifier)"
        " WHERE deleted_at IS NULL"_s,
        u"CREATE TABLE key_migrations (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,"
        " algorithm TEXT NOT NULL DEFAULT 'sha256', created_at INTEGER NOT NULL)"_s,
        u"CREATE TABLE audit_logs (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, time INTEGER NOT NULL,"
        " bucket TEXT NOT NULL DEFAULT 'unkey_mutations', event TEXT NOT NULL, description TEXT NOT NULL,"
        " actor_type TEXT NOT NULL, actor_id TEXT NOT NULL, actor_name TEXT, targets TEXT NOT NULL,"
        " remote_ip TEXT, user_agent TEXT, request_id TEXT, correlation_id TEXT)"_s,
        u"CREATE INDEX audit_logs_time ON audit_logs (workspace_id, time)"_s,
    };
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> all{
        {1, version1()},
    };
    return all;
}

} // namespace Latchkey::Store
