#include "metatext.h"

#include "keyvalidation.h"

namespace Latchkey::Dashboard {

MetaText::MetaText(QObject *parent)
    : QObject(parent)
{
}

QString MetaText::problem(const QString &text) const
{
    return KeyValidation::parseMeta(text).error;
}

} // namespace Latchkey::Dashboard
