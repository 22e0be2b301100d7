#include "core/permissionquery.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Core;

namespace {

QSet<QString> setOf(const QStringList &list)
{
    return QSet<QString>(list.begin(), list.end());
}

PermissionQuery parsed(QStringView text)
{
    Result<PermissionQuery> query = PermissionQuery::parse(text);
    if (!query.ok())
        qFatal("unexpected parse failure: %s", qPrintable(query.error().detail));
    return query.value();
}

const QString AllowedCharacters = u" Only letters, numbers, dots, underscores, hyphens, slashes, "
                                  "colons, asterisks, and parentheses are allowed."_s;
const QString ExpectedOperand = u" Expected a permission identifier or opening parenthesis."_s;
const QString ExtraContent = u" The query appears to have extra content after a valid "
                             "expression."_s;

} // namespace

class TestPermissionQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluate_data();
    void evaluate();
    void syntaxErrors_data();
    void syntaxErrors();
    void deepNestingIsRejected();
    void grants_data();
    void grants();
    void missingDescription_data();
    void missingDescription();
    void toStringIsCanonical_data();
    void toStringIsCanonical();
    void permissionsLists();
    void copiesShareTheParsedQuery();
};

void TestPermissionQuery::evaluate_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("held");
    QTest::addColumn<bool>("expected");

    const QString aOrBc = u"a OR b AND c"_s;
    QTest::newRow("single held") << u"a"_s << QStringList {u"a"_s} << true;
    QTest::newRow("single not held") << u"a"_s << QStringList {u"b"_s} << false;
    QTest::newRow("nothing held") << u"a"_s << QStringList {} << false;
    QTest::newRow("case-sensitive permission") << u"a"_s << QStringList {u"A"_s} << false;
    QTest::newRow("and, one missing") << u"a AND b"_s << QStringList {u"a"_s} << false;
    QTest::newRow("and, both held") << u"a AND b"_s << QStringList {u"a"_s, u"b"_s} << true;
    QTest::newRow("or, second held") << u"a OR b"_s << QStringList {u"b"_s} << true;
    QTest::newRow("or, none held") << u"a OR b"_s << QStringList {u"c"_s} << false;
    QTest::newRow("precedence: a alone") << aOrBc << QStringList {u"a"_s} << true;
    QTest::newRow("precedence: b alone") << aOrBc << QStringList {u"b"_s} << false;
    QTest::newRow("precedence: b and c") << aOrBc << QStringList {u"b"_s, u"c"_s} << true;
    QTest::newRow("precedence: c alone") << u"a AND b OR c"_s << QStringList {u"c"_s} << true;
    QTest::newRow("parens: a alone") << u"(a OR b) AND c"_s << QStringList {u"a"_s} << false;
    QTest::newRow("parens: a and c") << u"(a OR b) AND c"_s << QStringList {u"a"_s, u"c"_s} << true;
    QTest::newRow("nested parens") << u"((a))"_s << QStringList {u"a"_s} << true;
    QTest::newRow("deep mix") << u"(a AND (b OR (c AND d))) OR e"_s << QStringList {u"a"_s, u"c"_s, u"d"_s} << true;
    QTest::newRow("deep mix fails") << u"(a AND (b OR (c AND d))) OR e"_s << QStringList {u"a"_s, u"c"_s} << false;
    QTest::newRow("lowercase and") << u"a and b"_s << QStringList {u"a"_s, u"b"_s} << true;
    QTest::newRow("mixed-case Or") << u"a Or b"_s << QStringList {u"b"_s} << true;
    QTest::newRow("mixed-case aNd") << u"a aNd b"_s << QStringList {u"a"_s} << false;
    QTest::newRow("operator words inside names") << u"ANDROID OR ORACLE"_s << QStringList {u"ORACLE"_s} << true;
    QTest::newRow("name starting with and") << u"android"_s << QStringList {u"android"_s} << true;
    QTest::newRow("no space around parens") << u"(a)AND(b)"_s << QStringList {u"a"_s, u"b"_s} << true;
    QTest::newRow("tabs and newlines") << u"\ta\nAND\r\nb "_s << QStringList {u"a"_s, u"b"_s} << true;
    QTest::newRow("colons") << u"system:admin AND api:read"_s << QStringList {u"system:admin"_s, u"api:read"_s} << true;
    QTest::newRow("slashes") << u"/api/v1/xxx"_s << QStringList {u"/api/v1/xxx"_s} << true;
    QTest::newRow("mixed characters") << u"api.*:read-key_2/x"_s << QStringList {u"api.*:read-key_2/x"_s} << true;
    QTest::newRow("unicode letters") << u"dokumente.lesen_ä"_s << QStringList {u"dokumente.lesen_ä"_s} << true;
    QTest::newRow("literal star held literally") << u"api.*"_s << QStringList {u"api.*"_s} << true;
    QTest::newRow("star in query is no wildcard") << u"api.*"_s << QStringList {u"api.read"_s} << false;
    QTest::newRow("held wildcard grants") << u"documents.read"_s << QStringList {u"documents.*"_s} << true;
    QTest::newRow("held star grants all") << u"documents.read AND api.x"_s << QStringList {u"*"_s} << true;
    QTest::newRow("held wildcard is a plain prefix") << u"documents.read"_s << QStringList {u"documents*"_s} << true;
    QTest::newRow("held wildcard of another resource") << u"documents.read"_s << QStringList {u"doc.*"_s} << false;
    QTest::newRow("held wildcard needs the dot") << u"documents.read"_s << QStringList {u"documents.read.*"_s} << false;
    QTest::newRow("held wildcard grants deeper names") << u"api.*.read_key"_s << QStringList {u"api.*"_s} << true;
    QTest::newRow("held wildcard in an AND")
        << u"documents.read AND billing.write"_s << QStringList {u"documents.*"_s} << false;

    QStringList many;
    QString manyQuery;
    for (int i = 0; i < 25; ++i) {
        many.append(u"perm.%1"_s.arg(i));
        manyQuery += (i ? u" AND "_s : QString()) + many.last();
    }
    QTest::newRow("25 permissions, all held") << manyQuery << many << true;
    QTest::newRow("25 permissions, one missing") << manyQuery << many.mid(1) << false;
}

void TestPermissionQuery::evaluate()
{
    QFETCH(QString, query);
    QFETCH(QStringList, held);
    QFETCH(bool, expected);

    const Result<PermissionQuery> parsedQuery = PermissionQuery::parse(query);
    QVERIFY2(parsedQuery.ok(), qPrintable(parsedQuery.ok() ? QString() : parsedQuery.error().detail));
    QCOMPARE(parsedQuery->evaluate(setOf(held)), expected);
    QCOMPARE(parsedQuery->missingDescription(setOf(held)).isEmpty(), expected);
}

void TestPermissionQuery::syntaxErrors_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("message");

    const QString endOfInput = u"Unexpected end of input. Please provide a valid permission query."_s;
    const QString endOfQuery = u"Unexpected end of query."_s + ExpectedOperand;
    const auto invalid = [](char16_t c, int pos) -> QString {
        return u"Invalid character '%1' found in query at position %2."_s.arg(QChar(c)).arg(pos) + AllowedCharacters;
    };
    const auto unexpected = [](const QString &token, int pos, const QString &tail) -> QString {
        return u"Unexpected token '%1' at position %2."_s.arg(token).arg(pos) + tail;
    };
    const auto missingClose = [](int pos) -> QString {
        return u"Missing closing parenthesis ')' at position %1. Every opening parenthesis must "
               "have a matching closing parenthesis."_s.arg(pos);
    };
    const auto emptyParens = [](int pos) -> QString {
        return u"Empty parentheses found at position %1. Parentheses must contain at least one "
               "permission or expression."_s.arg(pos);
    };

    QTest::newRow("empty") << QString() << endOfInput;
    QTest::newRow("whitespace only") << u" \t\r\n"_s << endOfInput;
    // The four cases of Unkey's verifyKey 400 tests, with their exact messages.
    QTest::newRow("missing operand") << u"permission_1 AND"_s << endOfQuery;
    QTest::newRow("unmatched parenthesis") << u"(permission_1 AND permission_2"_s << missingClose(30);
    QTest::newRow("empty parentheses") << u"permission_1 AND ()"_s << emptyParens(18);
    QTest::newRow("operator at start") << u"AND permission_1"_s << unexpected(u"AND"_s, 0, ExpectedOperand);
    QTest::newRow("lowercase operator at start") << u"or a"_s << unexpected(u"or"_s, 0, ExpectedOperand);
    QTest::newRow("missing operand after or") << u"a OR"_s << endOfQuery;
    QTest::newRow("double operator") << u"a OR or b"_s << unexpected(u"or"_s, 5, ExpectedOperand);
    QTest::newRow("closing paren as operand") << u"a AND )"_s << unexpected(u")"_s, 6, ExpectedOperand);
    QTest::newRow("lone opening paren") << u"("_s << endOfQuery;
    QTest::newRow("empty parens alone") << u"()"_s << emptyParens(1);
    QTest::newRow("empty parens with space") << u"(  )"_s << emptyParens(3);
    QTest::newRow("two permissions in parens") << u"(a b)"_s << missingClose(3);
    QTest::newRow("nested unclosed") << u"((a)"_s << missingClose(4);
    QTest::newRow("extra permission") << u"a b"_s << unexpected(u"b"_s, 2, ExtraContent);
    QTest::newRow("extra closing paren") << u"a )"_s << unexpected(u")"_s, 2, ExtraContent);
    QTest::newRow("extra after parens") << u"(a) (b)"_s << unexpected(u"("_s, 4, ExtraContent);
    QTest::newRow("invalid @") << u"perm@x"_s << invalid(u'@', 4);
    QTest::newRow("invalid = at 1") << u"a=b"_s << invalid(u'=', 1);
    QTest::newRow("invalid comma") << u"a, b"_s << invalid(u',', 1);
    QTest::newRow("invalid quote first") << u"'a'"_s << invalid(u'\'', 0);
    QTest::newRow("invalid after operator") << u"a AND $b"_s << invalid(u'$', 6);
    QTest::newRow("invalid at the end") << u"a AND b @"_s << invalid(u'@', 8);
    QTest::newRow("invalid inside parens") << u"(a #)"_s << invalid(u'#', 3);
    QTest::newRow("vertical tab is no whitespace") << u"a\vb"_s << invalid(u'\v', 1);
    QTest::newRow("earlier error wins") << u"AND @"_s << unexpected(u"AND"_s, 0, ExpectedOperand);
}

void TestPermissionQuery::syntaxErrors()
{
    QFETCH(QString, query);
    QFETCH(QString, message);

    const Result<PermissionQuery> result = PermissionQuery::parse(query);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::PermissionsQuerySyntax);
    QCOMPARE(result.error().status(), 400);
    QCOMPARE(result.error().detail, message);
}

void TestPermissionQuery::deepNestingIsRejected()
{
    const QString ok = QString(256, u'(') + u'a' + QString(256, u')');
    QVERIFY(PermissionQuery::parse(ok).ok());

    const QString deep = QString(100000, u'(') + u'a' + QString(100000, u')');
    const Result<PermissionQuery> result = PermissionQuery::parse(deep);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::PermissionsQuerySyntax);
    QVERIFY(result.error().detail.startsWith(u"Parentheses nested too deeply at position 256."_s));
}

void TestPermissionQuery::grants_data()
{
    QTest::addColumn<QStringList>("held");
    QTest::addColumn<QString>("permission");
    QTest::addColumn<bool>("expected");

    QTest::newRow("literal") << QStringList {u"a.b"_s} << u"a.b"_s << true;
    QTest::newRow("literal miss") << QStringList {u"a.b"_s} << u"a.c"_s << false;
    QTest::newRow("wildcard") << QStringList {u"a.*"_s} << u"a.c"_s << true;
    QTest::newRow("wildcard grants itself") << QStringList {u"a.*"_s} << u"a.*"_s << true;
    QTest::newRow("wildcard not a parent") << QStringList {u"a.*"_s} << u"a"_s << false;
    QTest::newRow("star") << QStringList {u"*"_s} << u"anything"_s << true;
    QTest::newRow("empty held") << QStringList {} << u"a"_s << false;
    QTest::newRow("star in the middle is literal") << QStringList {u"a.*.read"_s} << u"a.x.read"_s << false;
}

void TestPermissionQuery::grants()
{
    QFETCH(QStringList, held);
    QFETCH(QString, permission);
    QFETCH(bool, expected);
    QCOMPARE(PermissionQuery::grants(setOf(held), permission), expected);
}

void TestPermissionQuery::missingDescription_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("held");
    QTest::addColumn<QString>("expected");

    QTest::newRow("satisfied") << u"a AND b"_s << QStringList {u"a"_s, u"b"_s} << QString();
    QTest::newRow("single") << u"a"_s << QStringList {} << u"Missing permission: 'a'"_s;
    QTest::newRow("first failing operand of and")
        << u"a AND b AND c"_s << QStringList {u"a"_s} << u"Missing permission: 'b'"_s;
    QTest::newRow("or lists operands and held permissions")
        << u"a OR b AND c"_s << QStringList {u"x"_s, u"b"_s}
        << u"Missing one of these permissions: ['a', 'b AND c'], have: ['b', 'x']"_s;
    QTest::newRow("or inside and") << u"a AND (b OR c)"_s << QStringList {u"a"_s}
                                   << u"Missing one of these permissions: ['b', 'c'], have: ['a']"_s;
}

void TestPermissionQuery::missingDescription()
{
    QFETCH(QString, query);
    QFETCH(QStringList, held);
    QFETCH(QString, expected);
    QCOMPARE(parsed(query).missingDescription(setOf(held)), expected);
}

void TestPermissionQuery::toStringIsCanonical_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");

    QTest::newRow("single") << u" a "_s << u"a"_s;
    QTest::newRow("redundant parens") << u"((a))"_s << u"a"_s;
    QTest::newRow("operators upper-cased") << u"a and b or c"_s << u"a AND b OR c"_s;
    QTest::newRow("precedence keeps needed parens") << u"(a OR b) AND c"_s << u"(a OR b) AND c"_s;
    QTest::newRow("precedence drops needless parens") << u"a OR (b AND c)"_s << u"a OR b AND c"_s;
    QTest::newRow("associativity flattens") << u"(a OR b) OR (c OR d)"_s << u"a OR b OR c OR d"_s;
}

void TestPermissionQuery::toStringIsCanonical()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);
    QCOMPARE(parsed(query).toString(), expected);
    QCOMPARE(parsed(expected).toString(), expected);
}

void TestPermissionQuery::permissionsLists()
{
    const QStringList expected {u"a"_s, u"b"_s, u"a:c"_s, u"d/e"_s, u"a"_s};
    QCOMPARE(parsed(u"a AND (b OR a:c) OR d/e OR a").permissions(), expected);
}

void TestPermissionQuery::copiesShareTheParsedQuery()
{
    PermissionQuery copy = parsed(u"a OR b");
    {
        const PermissionQuery original = parsed(u"x AND y");
        copy = original;
    }
    QVERIFY(copy.evaluate({u"x"_s, u"y"_s}));
    QVERIFY(!copy.evaluate({u"a"_s}));
}

QTEST_APPLESS_MAIN(TestPermissionQuery)
#include "tst_permissionquery.moc"
