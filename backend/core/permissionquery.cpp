#include "core/permissionquery.h"

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

struct PermissionQuery::Node {
    enum class Kind { Permission, And, Or };
    Kind kind = Kind::Permission;
    QString permission; ///< Kind::Permission only
    std::vector<std::shared_ptr<const Node>> children; ///< And / Or: two or more operands
};

namespace {

using Node = PermissionQuery::Node;
using NodePtr = std::shared_ptr<const Node>;

// Unkey has no nesting limit (its schema caps queries at 1000 characters); callers of parse()
// may pass longer text, and recursive descent must not be able to exhaust the stack.
constexpr int MaxNestingDepth = 256;

enum class TokenType { Permission, And, Or, LeftParen, RightParen, End, Invalid };

struct Token {
    TokenType type = TokenType::End;
    qsizetype pos = 0;
    QStringView text;
};

char32_t codePointAt(QStringView text, qsizetype pos, qsizetype *units)
{
    const QChar c = text[pos];
    if (c.isHighSurrogate() && pos + 1 < text.size() && text[pos + 1].isLowSurrogate()) {
        *units = 2;
        return QChar::surrogateToUcs4(c, text[pos + 1]);
    }
    *units = 1;
    return c.unicode();
}

bool isPermissionChar(char32_t c)
{
    switch (c) {
    case u'.':
    case u'_':
    case u'-':
    case u'*':
    case u':':
    case u'/':
        return true;
    default:
        return QChar::isLetter(c) || QChar::isDigit(c);
    }
}

bool isWhitespace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

// Splits the query into tokens on demand, like Unkey's lexer: errors surface only when the
// parser reaches them, so an earlier syntax error is reported first.
class Lexer
{
public:
    explicit Lexer(QStringView input)
        : m_input(input)
    { }

    Token next()
    {
        while (m_pos < m_input.size() && isWhitespace(m_input[m_pos]))
            ++m_pos;
        const qsizetype start = m_pos;
        if (m_pos == m_input.size())
            return {TokenType::End, start, {}};
        if (m_input[m_pos] == u'(' || m_input[m_pos] == u')') {
            ++m_pos;
            const auto type = m_input[start] == u'(' ? TokenType::LeftParen : TokenType::RightParen;
            return {type, start, m_input.sliced(start, 1)};
        }
        qsizetype units = 0;
        if (!isPermissionChar(codePointAt(m_input, m_pos, &units))) {
            m_pos += units;
            return {TokenType::Invalid, start, m_input.sliced(start, units)};
        }
        while (m_pos < m_input.size() && isPermissionChar(codePointAt(m_input, m_pos, &units)))
            m_pos += units;
        return classify(m_input.sliced(start, m_pos - start), start);
    }

private:
    static Token classify(QStringView word, qsizetype start)
    {
        if (word.compare(u"and", Qt::CaseInsensitive) == 0)
            return {TokenType::And, start, word};
        if (word.compare(u"or", Qt::CaseInsensitive) == 0)
            return {TokenType::Or, start, word};
        return {TokenType::Permission, start, word};
    }

    QStringView m_input;
    qsizetype m_pos = 0;
};

Error syntaxError(const QString &message)
{
    return makeError(ErrorCode::PermissionsQuerySyntax, message);
}

Error invalidCharacter(const Token &token)
{
    return syntaxError(u"Invalid character '%1' found in query at position %2. Only letters, "
                       "numbers, dots, underscores, hyphens, slashes, colons, asterisks, and "
                       "parentheses are allowed."_s.arg(token.text.toString())
                           .arg(token.pos));
}

NodePtr combine(Node::Kind kind, NodePtr left, NodePtr right)
{
    auto node = std::make_shared<Node>();
    node->kind = kind;
    // Flattening keeps evaluation depth bounded by the nesting depth of parentheses.
    for (NodePtr *operand : {&left, &right}) {
        if ((*operand)->kind == kind)
            node->children.insert(node->children.end(), (*operand)->children.begin(), (*operand)->children.end());
        else
            node->children.push_back(std::move(*operand));
    }
    return node;
}

// Recursive descent over: expression -> and (OR and)* ; and -> primary (AND primary)* ;
// primary -> PERMISSION | "(" expression ")".
class Parser
{
public:
    explicit Parser(QStringView input)
        : m_lexer(input)
    {
        advance();
    }

    Result<NodePtr> parseQuery()
    {
        if (m_token.type == TokenType::End)
            return syntaxError(u"Unexpected end of input. Please provide a valid permission query."_s);
        Result<NodePtr> expression = parseExpression();
        if (!expression.ok())
            return expression;
        if (m_token.type == TokenType::Invalid)
            return invalidCharacter(m_token);
        if (m_token.type != TokenType::End)
            return syntaxError(u"Unexpected token '%1' at position %2. The query appears to have "
                               "extra content after a valid expression."_s.arg(m_token.text.toString())
                                   .arg(m_token.pos));
        return expression;
    }

private:
    void advance() { m_token = m_lexer.next(); }

    Result<NodePtr> parseBinary(TokenType op, Node::Kind kind, Result<NodePtr> (Parser::*operand)())
    {
        Result<NodePtr> left = (this->*operand)();
        while (left.ok() && m_token.type == op) {
            advance();
            Result<NodePtr> right = (this->*operand)();
            if (!right.ok())
                return right;
            left = combine(kind, std::move(left.value()), std::move(right.value()));
        }
        return left;
    }

    Result<NodePtr> parseExpression()
    {
        return parseBinary(TokenType::Or, Node::Kind::Or, &Parser::parseAndExpression);
    }

    Result<NodePtr> parseAndExpression() { return parseBinary(TokenType::And, Node::Kind::And, &Parser::parsePrimary); }

    Result<NodePtr> parsePrimary()
    {
        switch (m_token.type) {
        case TokenType::Permission: {
            auto leaf = std::make_shared<Node>();
            leaf->permission = m_token.text.toString();
            advance();
            return NodePtr(std::move(leaf));
        }
        case TokenType::LeftParen:
            return parseParenthesized();
        case TokenType::End:
            return syntaxError(u"Unexpected end of query. Expected a permission identifier or "
                               "opening parenthesis."_s);
        case TokenType::Invalid:
            return invalidCharacter(m_token);
        default:
            return syntaxError(u"Unexpected token '%1' at position %2. Expected a permission "
                               "identifier or opening parenthesis."_s.arg(m_token.text.toString())
                                   .arg(m_token.pos));
        }
    }

    Result<NodePtr> parseParenthesized()
    {
        if (m_depth == MaxNestingDepth)
            return syntaxError(u"Parentheses nested too deeply at position %1. At most %2 levels "
                               "are allowed."_s.arg(m_token.pos)
                                   .arg(MaxNestingDepth));
        advance(); // (
        if (m_token.type == TokenType::RightParen)
            return syntaxError(u"Empty parentheses found at position %1. Parentheses must contain "
                               "at least one permission or expression."_s.arg(m_token.pos));
        ++m_depth;
        Result<NodePtr> inner = parseExpression();
        --m_depth;
        if (!inner.ok())
            return inner;
        if (m_token.type == TokenType::Invalid)
            return invalidCharacter(m_token);
        if (m_token.type != TokenType::RightParen)
            return syntaxError(u"Missing closing parenthesis ')' at position %1. Every opening "
                               "parenthesis must have a matching closing parenthesis."_s.arg(m_token.pos));
        advance(); // )
        return inner;
    }

    Lexer m_lexer;
    Token m_token;
    int m_depth = 0;
};

bool evaluateNode(const Node &node, const QSet<QString> &held)
{
    switch (node.kind) {
    case Node::Kind::Permission:
        return PermissionQuery::grants(held, node.permission);
    case Node::Kind::And:
        return std::all_of(node.children.begin(), node.children.end(),
            [&](const NodePtr &child) { return evaluateNode(*child, held); });
    case Node::Kind::Or:
        return std::any_of(node.children.begin(), node.children.end(),
            [&](const NodePtr &child) { return evaluateNode(*child, held); });
    }
    return false;
}

QString render(const Node &node)
{
    if (node.kind == Node::Kind::Permission)
        return node.permission;
    const bool isAnd = node.kind == Node::Kind::And;
    QStringList parts;
    for (const NodePtr &child : node.children) {
        // Only an OR inside an AND needs parentheses; flattening rules out same-kind nesting.
        const bool wrap = isAnd && child->kind == Node::Kind::Or;
        parts.append(wrap ? u'(' + render(*child) + u')' : render(*child));
    }
    return parts.join(isAnd ? u" AND "_s : u" OR "_s);
}

QString quotedList(QStringList items)
{
    for (QString &item : items)
        item = u'\'' + item + u'\'';
    return u'[' + items.join(u", "_s) + u']';
}

// Mirrors Unkey's evaluateQueryV1 messages: an AND reports its first failing operand, an OR
// lists all of its operands and the permissions held (sorted here, for a stable message).
QString describeMissing(const Node &node, const QSet<QString> &held)
{
    switch (node.kind) {
    case Node::Kind::Permission:
        return PermissionQuery::grants(held, node.permission) ? QString()
                                                              : u"Missing permission: '%1'"_s.arg(node.permission);
    case Node::Kind::And:
        for (const NodePtr &child : node.children) {
            QString missing = describeMissing(*child, held);
            if (!missing.isEmpty())
                return missing;
        }
        return {};
    case Node::Kind::Or:
        break;
    }
    if (evaluateNode(node, held))
        return {};
    QStringList operands;
    for (const NodePtr &child : node.children)
        operands.append(render(*child));
    QStringList have(held.begin(), held.end());
    have.sort();
    return u"Missing one of these permissions: %1, have: %2"_s.arg(quotedList(operands), quotedList(have));
}

void collectPermissions(const Node &node, QStringList &out)
{
    if (node.kind == Node::Kind::Permission)
        out.append(node.permission);
    for (const NodePtr &child : node.children)
        collectPermissions(*child, out);
}

} // namespace

PermissionQuery::PermissionQuery(std::shared_ptr<const Node> root)
    : m_root(std::move(root))
{ }

Result<PermissionQuery> PermissionQuery::parse(QStringView query)
{
    Result<NodePtr> root = Parser(query).parseQuery();
    if (!root.ok())
        return root.error();
    return PermissionQuery(std::move(root.value()));
}

bool PermissionQuery::evaluate(const QSet<QString> &held) const
{
    return evaluateNode(*m_root, held);
}

QString PermissionQuery::missingDescription(const QSet<QString> &held) const
{
    return describeMissing(*m_root, held);
}

bool PermissionQuery::grants(const QSet<QString> &held, QStringView permission)
{
    if (held.contains(permission.toString()))
        return true;
    for (const QString &granted : held) {
        if (granted.endsWith(u'*') && permission.startsWith(QStringView(granted).chopped(1)))
            return true;
    }
    return false;
}

QString PermissionQuery::toString() const
{
    return render(*m_root);
}

QStringList PermissionQuery::permissions() const
{
    QStringList out;
    collectPermissions(*m_root, out);
    return out;
}

} // namespace Latchkey::Core
