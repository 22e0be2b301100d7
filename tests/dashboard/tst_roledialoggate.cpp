// RoleDialog with a root key that may not change roles: once rootKeys.whoami answers, the
// permission picker is greyed and the dialog names the missing permission (its tooltip); with a
// key that may, the picker is enabled once the role is loaded.
#include "dashboardfixture.h"

#include <QJsonArray>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>

using namespace Qt::StringLiterals;
using namespace Latchkey::Dashboard;
using Latchkey::Test::DashboardFixture;

namespace {

/// The item named @p name under @p item, through the visual children (a Popup's content is not
/// among its QObject children).
QQuickItem *named(QQuickItem *item, const QString &name)
{
    if (!item || item->objectName() == name)
        return item;
    for (QQuickItem *child : item->childItems()) {
        if (QQuickItem *found = named(child, name))
            return found;
    }
    return nullptr;
}

} // namespace

class TestRoleDialogGate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pickerFollowsTheRootKey_data();
    void pickerFollowsTheRootKey();

private:
    std::unique_ptr<DashboardFixture> m_fixture;
    QString m_roleId;
};

void TestRoleDialogGate::initTestCase()
{
    m_fixture = std::make_unique<DashboardFixture>();
    const auto created = m_fixture->call(u"permissions.createRole"_s,
        {{u"name"_s, u"gated-role"_s}, {u"permissions"_s, QJsonArray{u"gated.read"_s}}});
    QVERIFY(created.ok());
    m_roleId = created.data.toObject().value(u"roleId"_s).toString();
}

void TestRoleDialogGate::pickerFollowsTheRootKey_data()
{
    QTest::addColumn<QStringList>("permissions");
    QTest::addColumn<QString>("missing"); ///< what the dialog must name; "" = enabled
    QTest::newRow("may add, not remove")
        << QStringList{u"rbac.*.read_role"_s, u"rbac.*.read_permission"_s, u"rbac.*.add_permission_to_role"_s} << u"remove_permission_from_role"_s;
    QTest::newRow("may remove, not add")
        << QStringList{u"rbac.*.read_role"_s, u"rbac.*.read_permission"_s, u"rbac.*.remove_permission_from_role"_s} << u"add_permission_to_role"_s;
    QTest::newRow("may both") << QStringList{u"rbac.*.read_role"_s, u"rbac.*.read_permission"_s, u"rbac.*.add_permission_to_role"_s,
                                             u"rbac.*.remove_permission_from_role"_s}
                              << QString();
}

void TestRoleDialogGate::pickerFollowsTheRootKey()
{
    QFETCH(QStringList, permissions);
    QFETCH(QString, missing);
    const QString rootKey = m_fixture->createRootKey(permissions);
    QVERIFY(!rootKey.isEmpty());
    Session session;
    session.connectTo(m_fixture->baseUrl(), rootKey);

    QQmlEngine engine;
    engine.addImportPath(u"qrc:/"_s);
    QQmlComponent component(&engine);
    component.setData("import QtQuick\nimport Latchkey.Dashboard\nItem { width: 800; height: 600\n"
                      "  property alias dialog: d\n  required property Session session\n"
                      "  RoleDialog { id: d; session: parent.session } }\n", QUrl());
    std::unique_ptr<QObject> root(component.createWithInitialProperties({{u"session"_s, QVariant::fromValue(&session)}}));
    QVERIFY2(root, qPrintable(component.errorString()));
    QObject *dialog = root->property("dialog").value<QObject *>();
    QVERIFY(dialog);
    dialog->setProperty("roleId", m_roleId);
    auto *content = dialog->property("contentItem").value<QQuickItem *>();
    QVERIFY(content);
    QQuickItem *picker = named(content, u"role-permission-picker"_s);
    QVERIFY(picker);

    QTRY_VERIFY_WITH_TIMEOUT(session.capabilities()->known(), 30000);
    QObject *editor = dialog->property("editor").value<QObject *>();
    QTRY_VERIFY_WITH_TIMEOUT(editor->property("loaded").toBool(), 30000);
    const QString said = dialog->property("missing").toString();
    if (missing.isEmpty()) {
        QCOMPARE(said, QString());
        QVERIFY(picker->isEnabled());
    } else {
        QVERIFY2(said.contains(missing), qPrintable(said));
        QVERIFY(!picker->isEnabled());
    }
}

QTEST_MAIN(TestRoleDialogGate)
#include "tst_roledialoggate.moc"
