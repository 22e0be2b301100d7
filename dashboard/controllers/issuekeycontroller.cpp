#include "issuekeycontroller.h"

#include "keyvalidation.h"

#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace KV = KeyValidation;

IssueKeyController::IssueKeyController(QObject *parent)
    : QObject(parent)
{
    // Once messages show, they follow the form: a field put right loses its message as it is
    // edited, not at the next Issue (walkthrough 21: a fixed rate-limit name kept "has 3 to 128
    // characters"). Before the first Issue nothing is said while the user is still typing.
    connect(this, &IssueKeyController::formChanged, this, [this] {
        if (!m_errors.isEmpty())
            validate();
    });
}

IssueKeyController::~IssueKeyController()
{
    if (m_client && m_request != 0)
        m_client->cancel(m_request);
    wipeKey();
}

ApiClient *IssueKeyController::client() const
{
    return m_client;
}

void IssueKeyController::setClient(ApiClient *client)
{
    if (m_client == client)
        return;
    if (m_client && m_request != 0) {
        m_client->cancel(std::exchange(m_request, 0));
        Q_EMIT busyChanged();
    }
    m_client = client;
    Q_EMIT clientChanged();
}

bool IssueKeyController::validate()
{
    QVariantMap errors;
    const auto check = [&errors](const QString &field, const QString &error) {
        if (!error.isEmpty())
            errors.insert(field, error);
    };
    check(u"apiId"_s, KV::checkApiId(m_apiId));
    check(u"prefix"_s, KV::checkPrefix(m_prefix.trimmed()));
    check(u"name"_s, KV::checkName(m_name.trimmed()));
    check(u"externalId"_s, KV::checkExternalId(m_externalId.trimmed()));
    check(u"meta"_s, KV::parseMeta(m_metaText).error);
    check(u"expires"_s, KV::checkExpires(qint64(m_expires), QDateTime::currentMSecsSinceEpoch()));
    check(u"credits"_s,
        KV::checkCredits({m_creditsUnlimited, qint64(m_creditsRemaining), m_refillInterval, qint64(m_refillAmount),
            m_refillDay}));
    check(u"ratelimits"_s, KV::checkRatelimits(m_ratelimits));
    check(u"permissions"_s, KV::checkPermissions(m_permissions));
    check(u"roles"_s, KV::checkRoles(m_roles));
    if (errors != m_errors) {
        m_errors = errors;
        Q_EMIT errorsChanged();
    }
    return errors.isEmpty();
}

QJsonObject IssueKeyController::requestBody() const
{
    QJsonObject body {{u"apiId"_s, m_apiId}};
    const auto insertText = [&body](const QString &field, const QString &value) {
        if (!value.trimmed().isEmpty())
            body.insert(field, value.trimmed());
    };
    insertText(u"prefix"_s, m_prefix);
    insertText(u"name"_s, m_name);
    insertText(u"externalId"_s, m_externalId);
    if (const QJsonValue meta = KV::parseMeta(m_metaText).value; meta.isObject())
        body.insert(u"meta"_s, meta);
    if (m_expires > 0)
        body.insert(u"expires"_s, qint64(m_expires));
    const QJsonValue credits = KV::creditsJson(
        {m_creditsUnlimited, qint64(m_creditsRemaining), m_refillInterval, qint64(m_refillAmount), m_refillDay});
    if (credits.isObject())
        body.insert(u"credits"_s, credits);
    if (!m_ratelimits.isEmpty())
        body.insert(u"ratelimits"_s, KV::ratelimitsJson(m_ratelimits));
    if (!m_permissions.isEmpty())
        body.insert(u"permissions"_s, QJsonArray::fromStringList(m_permissions));
    if (!m_roles.isEmpty())
        body.insert(u"roles"_s, QJsonArray::fromStringList(m_roles));
    if (m_recoverable)
        body.insert(u"recoverable"_s, true);
    if (!m_enabled)
        body.insert(u"enabled"_s, false);
    return body;
}

bool IssueKeyController::issue()
{
    if (!m_client || m_request != 0)
        return false;
    if (!m_serverError.isEmpty()) {
        m_serverError.clear();
        m_serverDetail.clear();
        Q_EMIT errorsChanged();
    }
    if (!validate())
        return false;
    wipeKey();
    createRolesThenKey();
    Q_EMIT busyChanged();
    return true;
}

void IssueKeyController::createRolesThenKey()
{
    // A role removed from the form after it was typed is not created.
    const auto next = std::find_if(m_newRoles.cbegin(), m_newRoles.cend(),
        [this](const QString &role) { return m_roles.contains(role); });
    if (next == m_newRoles.cend()) {
        m_request = m_client->post(u"keys.createKey"_s, requestBody(), this,
            [this](const ApiResult &result) { finishIssue(result); }, ApiClient::Failures::ToTheDialog);
        return;
    }
    const QString role = *next;
    m_request = m_client->post(u"permissions.createRole"_s, QJsonObject {{u"name"_s, role}}, this,
        [this, role](const ApiResult &result) { finishRole(role, result); }, ApiClient::Failures::ToTheDialog);
}

void IssueKeyController::finishRole(const QString &role, const ApiResult &result)
{
    m_request = 0;
    // Made by someone else since it was typed: as good as made here.
    const bool exists = result.errorType.endsWith(u"role_already_exists"_s);
    if (!result.ok() && !exists) {
        qCInfo(lcDashboardKeys) << "permissions.createRole failed:" << result.httpStatus;
        fail(tr("The role ‘%1’ could not be created: %2").arg(role, result.message()), result);
        return;
    }
    m_newRoles.removeAll(role);
    Q_EMIT formChanged();
    if (result.ok())
        Q_EMIT rbacChanged();
    createRolesThenKey();
}

void IssueKeyController::fail(const QString &text, const ApiResult &result)
{
    Q_EMIT busyChanged();
    m_serverError = text;
    m_serverDetail = result.errorDetail != result.message() ? result.errorDetail : QString();
    Q_EMIT errorsChanged();
    Q_EMIT issueFailed(m_serverError);
}

void IssueKeyController::finishIssue(const ApiResult &result)
{
    m_request = 0;
    if (!result.ok()) {
        qCInfo(lcDashboardKeys) << "keys.createKey failed:" << result.httpStatus;
        fail(result.message(), result);
        return;
    }
    Q_EMIT busyChanged();
    const QJsonObject data = result.data.toObject();
    m_newKey = data.value(u"key"_s).toString();
    m_newKeyId = data.value(u"keyId"_s).toString();
    Q_EMIT issuedChanged();
    Q_EMIT keyIssued(m_newKeyId);
    const bool createdPermissions = std::any_of(m_newPermissions.cbegin(), m_newPermissions.cend(),
        [this](const QString &slug) { return m_permissions.contains(slug); });
    if (createdPermissions) {
        m_newPermissions.clear();
        Q_EMIT formChanged();
        Q_EMIT rbacChanged();
    }
}

QString IssueKeyController::curlCommand() const
{
    if (m_newKey.isEmpty() || !m_client)
        return {};
    return verifyCommand(m_client->baseUrl(), m_newKey);
}

QString IssueKeyController::verifyCommand(const QUrl &baseUrl, const QString &key)
{
    // The same URL ApiClient posts to (a base path such as a reverse proxy's is kept).
    QUrl verifyUrl = baseUrl;
    QString path = verifyUrl.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    verifyUrl.setPath(path + u"/v2/keys.verifyKey"_s);
    const QString url = verifyUrl.toString();
    const QString body = QString::fromUtf8(QJsonDocument(QJsonObject {{u"key"_s, key}}).toJson(QJsonDocument::Compact));
    // Double quotes around the header so the shell expands $ROOT_KEY; the key itself only ever
    // contains [A-Za-z0-9_], which is safe inside single quotes.
    return u"curl -X POST '"_s + url + u"' -H \"Authorization: Bearer $ROOT_KEY\""_s
        + u" -H 'Content-Type: application/json' -d '"_s + body + u'\'';
}

void IssueKeyController::copyToClipboard(const QString &text) const
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

void IssueKeyController::wipeKey()
{
    if (m_newKey.isEmpty() && m_newKeyId.isEmpty())
        return;
    m_newKey.fill(u'\0');
    m_newKey.clear();
    m_newKeyId.clear();
    Q_EMIT issuedChanged();
}

void IssueKeyController::clear()
{
    if (m_client && m_request != 0) {
        m_client->cancel(std::exchange(m_request, 0));
        Q_EMIT busyChanged();
    }
    wipeKey();
    m_prefix.clear();
    m_name.clear();
    m_externalId.clear();
    m_metaText.clear();
    m_expires = 0;
    m_creditsUnlimited = true;
    m_creditsRemaining = 0;
    m_refillInterval.clear();
    m_refillAmount = 0;
    m_refillDay = 1;
    m_ratelimits.clear();
    m_permissions.clear();
    m_roles.clear();
    m_newRoles.clear();
    m_newPermissions.clear();
    m_recoverable = false;
    m_enabled = true;
    m_errors.clear();
    m_serverError.clear();
    m_serverDetail.clear();
    m_startState = formState();
    Q_EMIT formChanged();
    Q_EMIT errorsChanged();
}

void IssueKeyController::markUnmodified()
{
    m_startState = formState();
    Q_EMIT formChanged();
}

QVariantList IssueKeyController::formState() const
{
    // The credits' figures of an unlimited key are not sent, whatever the editor left in them.
    const bool limited = !m_creditsUnlimited;
    return {m_prefix.trimmed(), m_name.trimmed(), m_externalId.trimmed(), m_metaText.trimmed(), m_expires,
            limited, limited ? m_creditsRemaining : 0.0, limited ? m_refillInterval : QString(),
            limited ? m_refillAmount : 0.0, limited ? m_refillDay : 1, m_ratelimits, m_permissions, m_roles,
            m_recoverable, m_enabled};
}

} // namespace Latchkey::Dashboard
