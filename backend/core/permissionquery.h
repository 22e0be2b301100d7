#pragma once

#include "core/error.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>

namespace Latchkey::Core {

/// A parsed `keys.verifyKey` permission query such as `api.read AND (a OR b:c)`.
///
/// Grammar (Unkey `pkg/rbac`, reference §2.7): AND binds tighter than OR, both left-associative
/// and matched case-insensitively as whole words; parentheses group; a permission is a run of
/// letters, digits and `. _ - * : /`. Whitespace is space, tab, CR and LF.
///
/// In the query `*` is a literal character. In the HELD permissions, as a deliberate improvement
/// over Unkey (DESIGN.md), a permission ending in `*` grants every permission that starts with the
/// text before the `*`: holding `documents.*` grants `documents.read`, holding `*` grants all.
///
/// A cheap-to-copy immutable value: copies share one syntax tree; safe to use from any thread.
class PermissionQuery
{
public:
    /// Parses @p query. Syntax errors have code ErrorCode::PermissionsQuerySyntax and Unkey's
    /// public message (with the 0-based position of the offending token) as detail.
    [[nodiscard]] static Result<PermissionQuery> parse(QStringView query);

    /// True when @p held satisfies the query.
    [[nodiscard]] bool evaluate(const QSet<QString> &held) const;

    /// Why @p held does not satisfy the query, in Unkey's words: `Missing permission: 'x'` for a
    /// single permission (the first failing operand of an AND), `Missing one of these permissions:
    /// ['a', 'b AND c'], have: ['x', 'y']` for an OR. Empty when the query is satisfied.
    [[nodiscard]] QString missingDescription(const QSet<QString> &held) const;

    /// True when @p held grants @p permission: literally, or through a held wildcard `prefix*`
    /// with @p permission starting with `prefix`.
    [[nodiscard]] static bool grants(const QSet<QString> &held, QStringView permission);

    /// A canonical rendering, e.g. `a OR (b AND c)`; parentheses only where needed.
    [[nodiscard]] QString toString() const;

    /// Every permission named in the query, in order of appearance (duplicates kept).
    [[nodiscard]] QStringList permissions() const;

    struct Node;

private:
    explicit PermissionQuery(std::shared_ptr<const Node> root);

    std::shared_ptr<const Node> m_root;
};

} // namespace Latchkey::Core
