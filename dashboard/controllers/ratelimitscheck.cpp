#include "ratelimitscheck.h"

#include "keyvalidation.h"

namespace Latchkey::Dashboard {

RatelimitsCheck::RatelimitsCheck(QObject *parent)
    : QObject(parent)
{
}

QString RatelimitsCheck::problem(const QVariantList &ratelimits) const
{
    return KeyValidation::checkRatelimits(ratelimits);
}

} // namespace Latchkey::Dashboard
