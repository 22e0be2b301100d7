#pragma once

#include "core/error.h"

#include <QString>
#include <QStringList>

namespace Latchkey::Core {

/// One keys.verifyKey outcome, as recorded for analytics (reference §2.8).
struct VerificationEvent {
    QString requestId;
    qint64 timeMs = 0;
    QString workspaceId;
    QString apiId;
    QString keyspaceId;
    QString keyId;
    QString identityId;
    QString externalId;
    QString outcome; ///< "VALID", "RATE_LIMITED", ...
    QStringList tags;
    qint64 spentCredits = 0;
    qint64 latencyUs = 0;
    QString node;
};

/// One ratelimit.limit / multiLimit decision.
struct RatelimitEvent {
    QString requestId;
    qint64 timeMs = 0;
    QString workspaceId;
    QString namespaceId;
    QString identifier;
    bool passed = false;
    qint64 limit = 0;
    qint64 remaining = 0;
    qint64 resetMs = 0;
    qint64 cost = 0;
    QString overrideId;
    qint64 latencyUs = 0;
    QString node;
};

/// Where the hot path hands its events. publish() must never block: a full sink drops and counts.
class EventSink
{
public:
    virtual ~EventSink() = default;
    virtual void publish(VerificationEvent &&event) = 0;
    virtual void publish(RatelimitEvent &&event) = 0;

    /// True when every event must be stored before its request answers (analytics.durability=strict).
    /// Then publish() stores synchronously, and a handler that has a write transaction open for the
    /// request (a credit spend) hands its event to publishInTransaction() inside it instead, so the
    /// event commits, or rolls back, with the request's own change.
    [[nodiscard]] virtual bool durable() const { return false; }

    /// False when every event is thrown away (analytics disabled): nothing records when a key was
    /// last used then, so no one should show it.
    [[nodiscard]] virtual bool storesEvents() const { return true; }

    /// Stores @p event in the write transaction open on this thread (only when durable()); a
    /// failure rolls that transaction back.
    [[nodiscard]] virtual Status publishInTransaction(const VerificationEvent &event)
    {
        publish(VerificationEvent(event));
        return {};
    }
};

} // namespace Latchkey::Core
