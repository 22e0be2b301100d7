// The read side of KeyDetailController: the properties, read from the keys.getKey data
// (KeyResponseData) the controller holds.
#include "keydetailcontroller.h"

#include "keyvalidation.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

QJsonObject refillOf(const QJsonObject &key)
{
    return key.value(u"credits"_s).toObject().value(u"refill"_s).toObject();
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList strings;
    for (const QJsonValue &entry : value.toArray())
        strings.append(entry.toString());
    return strings;
}

} // namespace

QString KeyDetailController::start() const
{
    return m_key.value(u"start"_s).toString();
}

QString KeyDetailController::name() const
{
    return m_key.value(u"name"_s).toString();
}

QString KeyDetailController::externalId() const
{
    return m_key.value(u"identity"_s).toObject().value(u"externalId"_s).toString();
}

QString KeyDetailController::identityId() const
{
    return m_key.value(u"identity"_s).toObject().value(u"id"_s).toString();
}

QString KeyDetailController::metaText() const
{
    const QJsonObject meta = m_key.value(u"meta"_s).toObject();
    if (meta.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Indented)).trimmed();
}

double KeyDetailController::expires() const
{
    return double(m_key.value(u"expires"_s).toInteger());
}

bool KeyDetailController::enabled() const
{
    return m_key.value(u"enabled"_s).toBool();
}

double KeyDetailController::createdAt() const
{
    return double(m_key.value(u"createdAt"_s).toInteger());
}

double KeyDetailController::updatedAt() const
{
    return double(m_key.value(u"updatedAt"_s).toInteger());
}

double KeyDetailController::lastUsedAt() const
{
    return double(m_key.value(u"lastUsedAt"_s).toInteger());
}

bool KeyDetailController::creditsUnlimited() const
{
    const QJsonValue remaining = m_key.value(u"credits"_s).toObject().value(u"remaining"_s);
    return remaining.isNull() || remaining.isUndefined();
}

double KeyDetailController::creditsRemaining() const
{
    return double(m_key.value(u"credits"_s).toObject().value(u"remaining"_s).toInteger());
}

QString KeyDetailController::refillInterval() const
{
    return refillOf(m_key).value(u"interval"_s).toString();
}

double KeyDetailController::refillAmount() const
{
    return double(refillOf(m_key).value(u"amount"_s).toInteger());
}

int KeyDetailController::refillDay() const
{
    return refillOf(m_key).value(u"refillDay"_s).toInt();
}

QVariantList KeyDetailController::ratelimits() const
{
    return KeyValidation::ratelimitsFromJson(m_key.value(u"ratelimits"_s).toArray());
}

QStringList KeyDetailController::permissions() const
{
    return stringsOf(m_key.value(u"permissions"_s));
}

QStringList KeyDetailController::roles() const
{
    return stringsOf(m_key.value(u"roles"_s));
}

} // namespace Latchkey::Dashboard
