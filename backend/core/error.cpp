#include "core/error.h"

#include <array>

namespace Latchkey::Core {

namespace {
#define LK_DOCS "https://unkey.com/docs/errors/"

struct Row {
    ErrorCode code;
    ErrorInfo info;
};

// The single table of error codes and their HTTP mapping (Unkey's URNs as documentation URLs).
constexpr std::array kErrors{
    Row{ErrorCode::InvalidInput, {400, "Bad Request", LK_DOCS "unkey/application/invalid_input"}},
    Row{ErrorCode::AuthorizationMissing, {400, "Bad Request", LK_DOCS "unkey/authentication/missing"}},
    Row{ErrorCode::AuthorizationMalformed, {400, "Bad Request", LK_DOCS "unkey/authentication/malformed"}},
    Row{ErrorCode::PermissionsQuerySyntax, {400, "Bad Request", LK_DOCS "user/bad_request/permissions_query_syntax_error"}},
    Row{ErrorCode::RequestBodyUnreadable, {400, "Bad Request", LK_DOCS "user/bad_request/request_body_unreadable"}},
    Row{ErrorCode::RequestHeaderTooLarge, {431, "Request Header Fields Too Large", LK_DOCS "user/bad_request/request_headers_too_large"}},
    Row{ErrorCode::RequestBodyTooLarge, {413, "Request Entity Too Large", LK_DOCS "user/bad_request/request_body_too_large"}},
    Row{ErrorCode::RequestTimeout, {408, "Request Timeout", LK_DOCS "user/bad_request/request_timeout"}},
    Row{ErrorCode::RootKeyNotFound, {401, "Unauthorized", LK_DOCS "unkey/authentication/key_not_found"}},
    Row{ErrorCode::Forbidden, {403, "Forbidden", LK_DOCS "unkey/authorization/forbidden"}},
    Row{ErrorCode::InsufficientPermissions, {403, "Insufficient Permissions", LK_DOCS "unkey/authorization/insufficient_permissions"}},
    Row{ErrorCode::KeyNotFound, {404, "Not Found", LK_DOCS "unkey/data/key_not_found"}},
    Row{ErrorCode::ApiNotFound, {404, "Not Found", LK_DOCS "unkey/data/api_not_found"}},
    Row{ErrorCode::IdentityNotFound, {404, "Not Found", LK_DOCS "unkey/data/identity_not_found"}},
    Row{ErrorCode::PermissionNotFound, {404, "Not Found", LK_DOCS "unkey/data/permission_not_found"}},
    Row{ErrorCode::RoleNotFound, {404, "Not Found", LK_DOCS "unkey/data/role_not_found"}},
    Row{ErrorCode::NamespaceNotFound, {404, "Not Found", LK_DOCS "unkey/data/ratelimit_namespace_not_found"}},
    Row{ErrorCode::OverrideNotFound, {404, "Not Found", LK_DOCS "unkey/data/ratelimit_override_not_found"}},
    Row{ErrorCode::MigrationNotFound, {404, "Not Found", LK_DOCS "unkey/data/migration_not_found"}},
    Row{ErrorCode::RouteNotFound, {404, "Not Found", LK_DOCS "unkey/application/route_not_found"}},
    Row{ErrorCode::MethodNotAllowed, {405, "Method Not Allowed", LK_DOCS "unkey/application/method_not_allowed"}},
    Row{ErrorCode::IdentityAlreadyExists, {409, "Conflicting Resource", LK_DOCS "unkey/data/identity_already_exists"}},
    Row{ErrorCode::PermissionAlreadyExists, {409, "Conflicting Resource", LK_DOCS "unkey/data/permission_already_exists"}},
    Row{ErrorCode::RoleAlreadyExists, {409, "Conflicting Resource", LK_DOCS "unkey/data/role_already_exists"}},
    Row{ErrorCode::NamespaceAlreadyExists, {409, "Conflicting Resource", LK_DOCS "unkey/data/ratelimit_namespace_already_exists"}},
    Row{ErrorCode::NamespaceGone, {410, "Resource Gone", LK_DOCS "unkey/data/ratelimit_namespace_gone"}},
    Row{ErrorCode::ProtectedResource, {412, "Resource is protected", LK_DOCS "unkey/application/protected_resource"}},
    Row{ErrorCode::PreconditionFailed, {412, "Precondition Failed", LK_DOCS "unkey/application/precondition_failed"}},
    Row{ErrorCode::AnalyticsNotConfigured, {412, "Precondition Failed", LK_DOCS "unkey/data/analytics_not_configured"}},
    Row{ErrorCode::QueryTimeout, {422, "Unprocessable Entity", LK_DOCS "user/unprocessable_entity/query_execution_timeout"}},
    Row{ErrorCode::QueryRowsLimitExceeded, {422, "Unprocessable Entity", LK_DOCS "user/unprocessable_entity/query_rows_limit_exceeded"}},
    Row{ErrorCode::QueryMemoryLimitExceeded, {422, "Unprocessable Entity", LK_DOCS "user/unprocessable_entity/query_memory_limit_exceeded"}},
    Row{ErrorCode::InvalidAnalyticsQuery, {400, "Bad Request", LK_DOCS "user/bad_request/invalid_analytics_query"}},
    Row{ErrorCode::InvalidAnalyticsQueryType, {400, "Bad Request", LK_DOCS "user/bad_request/invalid_analytics_query_type"}},
    Row{ErrorCode::InvalidAnalyticsTable, {400, "Bad Request", LK_DOCS "user/bad_request/invalid_analytics_table"}},
    Row{ErrorCode::InvalidAnalyticsFunction, {400, "Bad Request", LK_DOCS "user/bad_request/invalid_analytics_function"}},
    Row{ErrorCode::TooManyRequests, {429, "Too Many Requests", LK_DOCS "user/too_many_requests/workspace_rate_limited"}},
    Row{ErrorCode::Internal, {500, "Internal Server Error", LK_DOCS "unkey/application/unexpected_error"}},
    Row{ErrorCode::ServiceUnavailable, {503, "Service Unavailable", LK_DOCS "unkey/application/service_unavailable"}},
};
#undef LK_DOCS
} // namespace

const ErrorInfo &errorInfo(ErrorCode code)
{
    for (const Row &row : kErrors) {
        if (row.code == code)
            return row.info;
    }
    return kErrors.back().info;
}

} // namespace Latchkey::Core
