// KeysModel's `replaced` badge: which listed keys a reroll replaced, from the audit log (the key
// page reads it the same way, keydetailreplacement.cpp). keys.rerollKey copies name, owner and
// settings to the new key, so nothing in the key itself says which of two look-alikes is the old one.
// The same request reads the key deletions: a replacement deleted since makes it
// `replacedByDeleted`, as the key page (there from keys.getKey's 404) says "a key deleted since".
#include "models/keysmodel.h"

#include "client/apiclient.h"

#include <algorithm>

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

QHash<QString, QString> KeysModel::rerollSuccessors(const QJsonArray &events)
{
    QHash<QString, QString> successors;
    for (const QJsonValue &event : events) {
        if (event.toObject().value(u"event"_s).toString() != u"key.reroll"_s)
            continue;
        // targets: [new key, old key, api]
        const QJsonArray targets = event.toObject().value(u"targets"_s).toArray();
        const QString oldKey = targets.at(1).toObject().value(u"id"_s).toString();
        const QString newKey = targets.at(0).toObject().value(u"id"_s).toString();
        if (!oldKey.isEmpty() && !newKey.isEmpty() && !successors.contains(oldKey))
            successors.insert(oldKey, newKey); // newest first: the latest reroll wins
    }
    return successors;
}

QSet<QString> KeysModel::deletedKeys(const QJsonArray &events)
{
    QSet<QString> deleted;
    for (const QJsonValue &event : events) {
        if (event.toObject().value(u"event"_s).toString() != u"key.delete"_s)
            continue;
        // targets: [key, api]
        const QJsonArray targets = event.toObject().value(u"targets"_s).toArray();
        for (const QJsonValue &target : targets) {
            if (target.toObject().value(u"type"_s).toString() == u"key"_s)
                deleted.insert(target.toObject().value(u"id"_s).toString());
        }
    }
    deleted.remove(QString());
    return deleted;
}

void KeysModel::fetchReplacements(const QString &cursor, int pages, const QSet<QString> &found, qint64 newestMs)
{
    // The deletions too: a replacement deleted since (always after its reroll, so on the same
    // page or a newer one).
    QJsonObject body {{u"events"_s, QJsonArray {u"key.reroll"_s, u"key.delete"_s}}, {u"limit"_s, 100}};
    if (!m_apiId.isEmpty()) {
        body.insert(u"targetId"_s, m_apiId); // a reroll's third target is its API
    } else {
        // An owner's keys: the events of every key the identity owns.
        const QString identityId = !m_identityId.isEmpty() || rows().isEmpty()
            ? m_identityId
            : rows().first().value(u"identity"_s).toObject().value(u"id"_s).toString();
        if (identityId.isEmpty())
            return;
        body.insert(u"targetId"_s, identityId);
        body.insert(u"includeOwnedKeys"_s, true);
    }
    if (!cursor.isEmpty())
        body.insert(u"cursor"_s, cursor);
    // What a finished pass read stays read: the events since then are all that can change a badge.
    // From a minute before its newest: an event's time is taken before its write commits, so one
    // committed after that read may be a little older than what it saw.
    if (m_replacementsReadToMs >= 0)
        body.insert(u"start"_s, std::max<qint64>(0, m_replacementsReadToMs - kReplacementsOverlapMs));
    const quint64 generation = m_badgesGeneration;
    client()->post(u"audit.listLogs"_s, body, this, [this, generation, cursor, pages, found, newestMs](const ApiResult &result) {
        if (generation != m_badgesGeneration)
            return;
        if (!result.ok()) {
            // The newer pages this pass read stay read: the next pass goes on with this page (a
            // keyset cursor, so still the same place). A failed first page leaves nothing read.
            if (!cursor.isEmpty())
                m_replacementsResume = ReplacementsResume{cursor, pages, found, newestMs};
            return;
        }
        const QJsonArray events = result.data.toArray();
        const qint64 newest = newestMs >= 0 || events.isEmpty()
            ? newestMs
            : events.first().toObject().value(u"time"_s).toInteger(-1); // newest first
        const QHash<QString, QString> successors = rerollSuccessors(events);
        QSet<QString> foundNow = found;
        changeBadgeInputs([&] {
            m_deletedKeys.unite(deletedKeys(events));
            for (auto it = successors.cbegin(); it != successors.cend(); ++it) {
                // Newest first: what an earlier page of this pass found is the newer reroll, and
                // this pass' answer replaces an earlier pass' (a key rerolled again since).
                if (!foundNow.contains(it.key()))
                    m_successors.insert(it.key(), it.value());
                foundNow.insert(it.key());
            }
        });
        if (result.hasMore() && pages > 1)
            fetchReplacements(result.cursor(), pages - 1, foundNow, newest);
        else if (newest >= 0)
            m_replacementsReadToMs = std::max(m_replacementsReadToMs, newest);
    }, ApiClient::Failures::Quiet); // a badge: its absence is no error to show
}

} // namespace Latchkey::Dashboard
