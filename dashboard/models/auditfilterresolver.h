#pragma once

#include "client/apiclient.h"

#include <QObject>
#include <QPointer>
#include <QtQmlIntegration>

namespace Latchkey::Dashboard {

/// What the Audit log page's filter resolvers share (AuditTargetResolver, AuditActorResolver):
/// the text a user typed into a filter (trimmed), turned through API lookups into the id that
/// `audit.listLogs` filters by, with the `label` of what was taken and how many `otherMatches`
/// were not. `resolving` is true while lookups run. A newer text or client starts over: the
/// answers of the older lookups are dropped, so they never overwrite a newer result.
///
/// Contract for subclasses: resolve() looks at text() and client() and either calls finish() at
/// once or sets `resolving` with startResolving() and posts its lookups through lookUp(), which
/// end in finish(). Each subclass has a `Match` enum (`match`) and names the resolved id.
class AuditFilterResolver : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(Latchkey::Dashboard::ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(QString label READ label NOTIFY resolved)
    Q_PROPERTY(int otherMatches READ otherMatches NOTIFY resolved)
    Q_PROPERTY(bool resolving READ resolving NOTIFY resolvingChanged)

public:
    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    QString text() const { return m_text; }
    /// Starts resolving @p text (trimmed); resolved() follows, at once for an empty text or an id.
    void setText(const QString &text);
    QString label() const { return m_label; }
    int otherMatches() const { return m_otherMatches; }
    bool resolving() const { return m_resolving; }

Q_SIGNALS:
    void clientChanged();
    void textChanged();
    void resolved();
    void resolvingChanged();

protected:
    /// @p logName names the filter in the debug log ("audit actor").
    AuditFilterResolver(const char *logName, QObject *parent);

    /// Starts resolving text() with client() (either may be empty); called on every change of them.
    virtual void resolve() = 0;
    /// Marks the lookups of the current text as running (`resolving`) until finish().
    void startResolving() { setResolving(true); }
    /// Posts @p action with @p body (client() is set); @p done runs with the answer unless a newer text or client
    /// started over meanwhile. A failure is not an error the user sees (ApiClient::Failures::Quiet):
    /// a lookup that misses is an answer.
    void lookUp(const QString &action, const QJsonObject &body, std::function<void(const ApiResult &)> done);
    /// The text resolved: @p match (a value of the subclass's Match), the @p id to filter by, the
    /// @p label of what was taken and how many @p otherMatches were not; emits resolved().
    void finish(int match, const QString &id, const QString &label, int otherMatches = 0);
    int matchValue() const { return m_match; }
    QString resolvedId() const { return m_id; }
    /// Sets @p flag (a subclass's "may look this up" property, from Capabilities) to @p value and,
    /// when that changed it, resolves the text again; true then (the caller emits its signal).
    bool setLookup(bool &flag, bool value);

private:
    void restart();
    void setResolving(bool resolving);

    const char *m_logName;
    QPointer<ApiClient> m_client;
    QString m_text;
    int m_match = 0;
    QString m_id;
    QString m_label;
    int m_otherMatches = 0;
    bool m_resolving = false;
    quint64 m_generation = 0; ///< bumped per text or client: answers for an older one are dropped
};

} // namespace Latchkey::Dashboard
