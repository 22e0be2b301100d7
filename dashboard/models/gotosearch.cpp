#include "models/gotosearch.h"

#include "client/apiclient.h"
#include "models/keysearchlimits.h"
#include "models/modelslogging.h"

#include <QCollator>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

using namespace KeySearchLimits;

enum Rank {
    ExactOwner,
    ExactApi,
    ExactKey, ///< the key's id, name or start is the text
    PartialOwner, ///< the external id or identity id contains the text
    PartialApi,
    PartialKey, ///< the name contains the text, or the start begins with it
};

} // namespace

GoToSearch::GoToSearch(QObject *parent)
    : QObject(parent)
{
}

void GoToSearch::setClient(ApiClient *client)
{
    if (m_client == client)
        return;
    m_client = client;
    clear();
    Q_EMIT clientChanged();
}

void GoToSearch::clear()
{
    ++m_generation;
    const bool wasSearching = searching();
    m_pending = 0;
    m_found.clear();
    m_foundAt.clear();
    m_keyFoundById.reset();
    m_apiNames.clear();
    m_matches.clear();
    m_moreMatches = 0;
    m_searched.clear();
    m_text.clear();
    m_queued.reset();
    m_keyIdSearched = m_ownersSearched = m_ownersByExactId = m_apisSearched = false;
    if (wasSearching)
        Q_EMIT searchingChanged();
    Q_EMIT finished();
}

void GoToSearch::search(const QString &text)
{
    // Typing searches as it goes: while one search is out, the newest text waits for it (a
    // text typed in between is never asked for) instead of a new set of requests per keystroke.
    if (searching()) {
        m_queued = text;
        return;
    }
    start(text);
}

void GoToSearch::start(const QString &text)
{
    clear();
    m_text = text.trimmed();
    if (m_text.isEmpty() || !m_client)
        return done();
    m_keyIdSearched = m_text.startsWith(u"key_"_s);
    m_ownersSearched = m_findsOwners;
    m_ownersByExactId = m_findsOwners && !m_listsOwners;
    m_apisSearched = m_findsApis;
    lookUpKeyId();
    if (m_ownersSearched)
        lookUpOwner();
    if (m_apisSearched)
        lookUpApis();
    if (m_pending == 0) // nothing the key may look up for this text
        done();
}

void GoToSearch::post(const QString &action, const QJsonObject &body, std::function<void(const ApiResult &)> handle)
{
    const quint64 generation = m_generation;
    if (++m_pending == 1)
        Q_EMIT searchingChanged();
    m_client->post(action, body, this,
                   [this, generation, handle = std::move(handle)](const ApiResult &result) {
                       if (generation != m_generation)
                           return;
                       if (!m_queued) // stale: no more pages of it
                           handle(result);
                       if (--m_pending > 0)
                           return;
                       if (m_queued) // this answer is stale: the text changed meanwhile
                           return startQueued();
                       Q_EMIT searchingChanged();
                       done();
                   },
                   ApiClient::Failures::Quiet);
}

void GoToSearch::startQueued()
{
    const QString text = *std::exchange(m_queued, std::nullopt);
    start(text);
    if (!searching()) // nothing to ask for this text: finished at once
        Q_EMIT searchingChanged();
}

void GoToSearch::lookUpKeyId()
{
    if (!m_keyIdSearched)
        return;
    post(u"keys.getKey"_s, {{u"keyId"_s, m_text}}, [this](const ApiResult &result) {
        if (result.ok())
            m_keyFoundById = result.data.toObject();
    });
}

void GoToSearch::addKeyFoundById()
{
    // keys.getKey names the key's API by its id only. Its name, as a key found in its API's list
    // shows it (that one's second line was empty here: no API, and no owner for most keys), is
    // in the APIs' list when the root key may list them; otherwise the id is what there is.
    if (!m_keyFoundById)
        return;
    const QJsonObject key = *std::exchange(m_keyFoundById, std::nullopt);
    const QString apiId = key.value(u"apiId"_s).toString();
    addKey(key, apiId, m_apiNames.value(apiId, apiId));
}

void GoToSearch::lookUpOwner()
{
    // External ids have a pattern (and at most 255 characters); anything else (a name with
    // spaces, a whole key pasted in) cannot be one or a part of one.
    static const QRegularExpression externalId(u"^[a-zA-Z0-9_.-]{1,255}$"_s);
    if (!externalId.match(m_text).hasMatch())
        return;
    if (m_listsOwners) {
        // The server's search: the id or the external id contains the text, in any case (as on
        // the Owners page).
        return walkPages(u"identities.listIdentities"_s, {{u"search"_s, m_text}, {u"limit"_s, OwnersPerPage}},
                         MaxOwnerPages, [this](const QJsonObject &identity) { addOwner(identity); });
    }
    post(u"identities.getIdentity"_s, {{u"identity"_s, m_text}}, [this](const ApiResult &result) {
        if (result.ok())
            addOwner(result.data.toObject());
    });
}

void GoToSearch::walkPages(const QString &action, QJsonObject body, int maxPages,
                           const std::function<void(const QJsonObject &)> &row, int page)
{
    post(action, body, [this, action, body, maxPages, row, page](const ApiResult &result) {
        for (const QJsonValue &value : result.data.toArray())
            row(value.toObject());
        if (result.ok() && result.hasMore() && page + 1 < maxPages) {
            QJsonObject next = body;
            next.insert(u"cursor"_s, result.cursor());
            walkPages(action, next, maxPages, row, page + 1);
        }
    });
}

void GoToSearch::addOwner(const QJsonObject &identity)
{
    const QString id = identity.value(u"id"_s).toString();
    if (id.isEmpty())
        return;
    const QString external = identity.value(u"externalId"_s).toString();
    const bool exact = id == m_text || external.compare(m_text, Qt::CaseInsensitive) == 0;
    add({u"owner"_s, id, external, id, u"ownerDetail"_s, {{u"identityId"_s, id}}, exact ? ExactOwner : PartialOwner});
}

void GoToSearch::lookUpApis()
{
    post(u"apis.listApis"_s, {{u"limit"_s, MaxApis}}, [this](const ApiResult &result) {
        for (const QJsonValue &value : result.data.toArray()) {
            const QJsonObject api = value.toObject();
            const QString id = api.value(u"id"_s).toString();
            const QString name = api.value(u"name"_s).toString();
            const int keyCount = api.value(u"keyCount"_s).toInt(-1);
            m_apiNames.insert(id, name);
            const bool exact = id == m_text || name.compare(m_text, Qt::CaseInsensitive) == 0;
            if (exact || name.contains(m_text, Qt::CaseInsensitive)) {
                add({u"api"_s, id, name, id, u"keys"_s,
                     {{u"apiId"_s, id}, {u"apiName"_s, name}, {u"keyCount"_s, keyCount}},
                     exact ? ExactApi : PartialApi});
            }
            walkPages(u"apis.listKeys"_s, {{u"apiId"_s, id}, {u"limit"_s, KeysPerPage}}, MaxKeyPagesPerApi,
                      [this, id, name](const QJsonObject &key) { addKey(key, id, name); });
        }
    });
}

void GoToSearch::addKey(const QJsonObject &key, const QString &apiId, const QString &apiName)
{
    const QString keyId = key.value(u"keyId"_s).toString();
    const QString name = key.value(u"name"_s).toString();
    const QString start = key.value(u"start"_s).toString();
    if (keyId.isEmpty())
        return;
    const bool exact = keyId == m_text || name.compare(m_text, Qt::CaseInsensitive) == 0 || start == m_text;
    if (!exact && !name.contains(m_text, Qt::CaseInsensitive) && !start.startsWith(m_text))
        return;
    const QString owner = key.value(u"identity"_s).toObject().value(u"externalId"_s).toString();
    // The start goes beside the name (`start`), which a rerolled key and its successor share.
    QStringList detail;
    if (start.isEmpty())
        detail.append(keyId);
    if (!apiName.isEmpty())
        detail.append(apiName);
    if (!owner.isEmpty())
        detail.append(owner);
    add({u"key"_s, keyId, name.isEmpty() ? keyId : name, detail.join(u" · "_s), u"keyDetail"_s,
         {{u"keyId"_s, keyId}, {u"apiId"_s, apiId}}, exact ? ExactKey : PartialKey,
         key.value(u"expires"_s).toInteger(), key.value(u"enabled"_s).toBool(true), start});
}

void GoToSearch::add(Match match)
{
    const QString identity = match.kind + u' ' + match.id;
    if (const auto at = m_foundAt.constFind(identity); at != m_foundAt.cend()) {
        Match &known = m_found[*at]; // a key found by id and in its list
        if (match.detail.size() > known.detail.size())
            known.detail = match.detail;
        return;
    }
    m_foundAt.insert(identity, m_found.size());
    m_found.append(std::move(match));
}

void GoToSearch::done()
{
    addKeyFoundById();
    // Numbers in names as numbers: "Key 6" before "Key 56" (walkthrough J18 listed 56, 6, 61).
    // (Qt's collator for the C locale compares plain text, without the numeric mode.)
    QCollator collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale());
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(m_found.begin(), m_found.end(), [&collator](const Match &a, const Match &b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        const int byTitle = collator.compare(a.title, b.title);
        return byTitle != 0 ? byTitle < 0 : a.id < b.id;
    });
    m_matches.clear();
    for (const Match &match : std::as_const(m_found)) {
        if (m_matches.size() == kMaxMatches)
            break;
        m_matches.append(QVariantMap{{u"kind"_s, match.kind},
                                     {u"id"_s, match.id},
                                     {u"title"_s, match.title},
                                     {u"start"_s, match.start},
                                     {u"detail"_s, match.detail},
                                     {u"page"_s, match.page},
                                     {u"properties"_s, match.properties},
                                     {u"expires"_s, double(match.expires)},
                                     {u"enabled"_s, match.enabled}});
    }
    m_moreMatches = int(m_found.size()) - int(m_matches.size());
    m_searched = m_text;
    // Not the text itself: it may be a whole key pasted in (DESIGN.md invariant 1: never logged).
    qCDebug(lcModels) << "go to: found" << m_found.size() << "for a text of" << m_text.size() << "characters";
    Q_EMIT finished();
}

} // namespace Latchkey::Dashboard
