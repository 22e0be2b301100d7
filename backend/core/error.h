#pragma once

#include <QList>
#include <QString>

#include <utility>
#include <variant>

namespace Latchkey::Core {

/// Every error the API can answer with. The HTTP status, title and documentation URL of each code
/// live in one table (error.cpp), so the wire mapping is visible in one place.
enum class ErrorCode {
    InvalidInput,             ///< 400 schema validation or semantic input error
    AuthorizationMissing,     ///< 400 no Authorization header
    AuthorizationMalformed,   ///< 400 Authorization header is not "Bearer <token>"
    PermissionsQuerySyntax,   ///< 400 verifyKey permissions query does not parse
    RequestBodyUnreadable,    ///< 400 body is not valid JSON / not UTF-8
    RequestHeaderTooLarge,    ///< 431
    RequestBodyTooLarge,      ///< 413
    RequestTimeout,           ///< 408 slow client
    RootKeyNotFound,          ///< 401 unknown / invalid root key
    Forbidden,                ///< 403 generic
    InsufficientPermissions,  ///< 403 root key lacks a permission
    KeyNotFound,              ///< 404
    ApiNotFound,              ///< 404
    IdentityNotFound,         ///< 404
    PermissionNotFound,       ///< 404
    RoleNotFound,             ///< 404
    NamespaceNotFound,        ///< 404
    OverrideNotFound,         ///< 404
    MigrationNotFound,        ///< 404
    RouteNotFound,            ///< 404 unknown path
    MethodNotAllowed,         ///< 405
    IdentityAlreadyExists,    ///< 409
    PermissionAlreadyExists,  ///< 409
    RoleAlreadyExists,        ///< 409
    NamespaceAlreadyExists,   ///< 409 ratelimit.createNamespace with a taken name
    NamespaceGone,            ///< 410
    ProtectedResource,        ///< 412
    PreconditionFailed,       ///< 412
    AnalyticsNotConfigured,   ///< 412
    QueryTimeout,             ///< 422
    QueryRowsLimitExceeded,   ///< 422 analytics query returned too many rows
    QueryMemoryLimitExceeded, ///< 422 analytics query result (or a value in it) too large
    InvalidAnalyticsQuery,    ///< 400 analytics SQL: syntax, several statements, recursion, size
    InvalidAnalyticsQueryType, ///< 400 analytics SQL: not a SELECT (PRAGMA, INSERT, ATTACH, ...)
    InvalidAnalyticsTable,    ///< 400 analytics SQL: reads something other than the public views
    InvalidAnalyticsFunction, ///< 400 analytics SQL: calls a function outside the allow-list
    TooManyRequests,          ///< 429
    Internal,                 ///< 500
    ServiceUnavailable,       ///< 503
};

/// How an ErrorCode appears on the wire.
struct ErrorInfo {
    int status;
    const char *title;
    const char *type; ///< full documentation URL, Unkey-compatible
};

[[nodiscard]] const ErrorInfo &errorInfo(ErrorCode code);

/// One field-level validation problem, reported in `error.errors[]` of a 400.
struct FieldError {
    QString location; ///< e.g. "body.keyId"
    QString message;
    QString fix;      ///< optional hint, omitted when empty
};

/// An error value: what went wrong, in words a caller can act on.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString detail;
    QList<FieldError> fieldErrors; ///< only for InvalidInput

    [[nodiscard]] int status() const { return errorInfo(code).status; }
};

/// Result of an operation that can fail with an Error: either a T or an Error.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) { }
    Result(Error error) : m_value(std::move(error)) { }

    [[nodiscard]] bool ok() const { return m_value.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_value); }
    const T &value() const & { return std::get<0>(m_value); }
    T &&value() && { return std::get<0>(std::move(m_value)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }

    [[nodiscard]] const Error &error() const { return std::get<1>(m_value); }

private:
    std::variant<T, Error> m_value;
};

/// Result of an operation that returns nothing on success.
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)), m_failed(true) { }

    [[nodiscard]] bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

[[nodiscard]] inline Error makeError(ErrorCode code, QString detail)
{
    return Error{code, std::move(detail), {}};
}

} // namespace Latchkey::Core
