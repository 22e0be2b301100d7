#include "api/flatjsonobject.h"

namespace Latchkey::Api {

namespace {

constexpr bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

class Scanner
{
public:
    explicit Scanner(QByteArrayView body) : m_body(body) { }

    void skipSpace()
    {
        while (m_at < m_body.size() && isJsonSpace(m_body[m_at]))
            ++m_at;
    }
    bool take(char c)
    {
        skipSpace();
        if (m_at == m_body.size() || m_body[m_at] != c)
            return false;
        ++m_at;
        return true;
    }
    [[nodiscard]] bool atEnd() const { return m_at == m_body.size(); }
    [[nodiscard]] char peek() const { return m_at < m_body.size() ? m_body[m_at] : '\0'; }

    // After the opening quote: printable ASCII up to the closing quote.
    std::optional<QByteArrayView> plainString()
    {
        const qsizetype start = m_at;
        while (m_at < m_body.size() && m_body[m_at] != '"') {
            const auto c = uchar(m_body[m_at]);
            if (c < 0x20 || c >= 0x7f || c == '\\')
                return std::nullopt;
            ++m_at;
        }
        if (m_at == m_body.size())
            return std::nullopt;
        return m_body.sliced(start, m_at++ - start);
    }

    std::optional<FlatJsonMember> integer()
    {
        const qsizetype start = m_at;
        qint64 value = 0;
        while (m_at < m_body.size() && m_body[m_at] >= '0' && m_body[m_at] <= '9') {
            if (m_at - start == 15)
                return std::nullopt; // beyond what a double holds exactly
            value = value * 10 + (m_body[m_at++] - '0');
        }
        const qsizetype digits = m_at - start;
        if (digits == 0 || (digits > 1 && m_body[start] == '0'))
            return std::nullopt;
        const char next = peek();
        if (next == '.' || next == 'e' || next == 'E')
            return std::nullopt;
        FlatJsonMember member;
        member.text = m_body.sliced(start, digits);
        member.integer = value;
        return member;
    }

private:
    QByteArrayView m_body;
    qsizetype m_at = 0;
};

std::optional<FlatJsonMember> readMember(Scanner &in)
{
    if (!in.take('"'))
        return std::nullopt;
    const std::optional<QByteArrayView> name = in.plainString();
    if (!name || !in.take(':'))
        return std::nullopt;
    in.skipSpace();
    std::optional<FlatJsonMember> member;
    if (in.take('"')) {
        const std::optional<QByteArrayView> text = in.plainString();
        if (!text)
            return std::nullopt;
        member = FlatJsonMember {*name, *text, true, 0};
    } else {
        member = in.integer();
        if (member)
            member->name = *name;
    }
    return member;
}

} // namespace

std::optional<QList<FlatJsonMember>> readFlatJsonObject(QByteArrayView body, int maxMembers)
{
    Scanner in(body);
    if (!in.take('{'))
        return std::nullopt;
    QList<FlatJsonMember> members;
    if (!in.take('}')) {
        do {
            std::optional<FlatJsonMember> member = readMember(in);
            if (!member || members.size() == maxMembers)
                return std::nullopt;
            for (const FlatJsonMember &seen : std::as_const(members)) {
                if (seen.name == member->name)
                    return std::nullopt; // duplicates: leave Qt's rule (the last wins) to Qt
            }
            members.append(*member);
        } while (in.take(','));
        if (!in.take('}'))
            return std::nullopt;
    }
    in.skipSpace();
    if (!in.atEnd())
        return std::nullopt;
    return members;
}

} // namespace Latchkey::Api
