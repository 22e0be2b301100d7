#include "api/apicontext.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

Store::AuditOrigin ApiContext::auditOrigin() const
{
    Store::AuditOrigin origin;
    origin.actor.type = u"rootkey"_s;
    origin.actor.id = principal.rootKeyId;
    origin.actor.name = principal.rootKeyName;
    origin.requestId = requestId;
    origin.remoteIp = http.remoteAddress.toString();
    origin.userAgent = QString::fromUtf8(http.header("user-agent"));
    return origin;
}

} // namespace Latchkey::Api
