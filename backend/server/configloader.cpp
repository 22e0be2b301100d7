#include "server/configloader.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QHash>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

using Core::ErrorCode;
using Core::makeError;

namespace {

// Every setting, once: flag name == config-file key; the environment variable is
// LATCHKEY_ + upper-cased name with '-' -> '_'.
struct Setting {
    QString name;
    QString valueName;
    QString description;
};

const QList<Setting> &settings()
{
    static const QList<Setting> all{
        {u"listen"_s, u"HOST:PORT"_s, u"Address to serve on (default 127.0.0.1:7070)."_s},
        {u"data-dir"_s, u"DIR"_s, u"Folder for the SQLite store and the key-encryption key."_s},
        {u"bootstrap-root-key-file"_s, u"FILE"_s, u"Where the first root key is written on first start (mode 0600)."_s},
        {u"log-format"_s, u"text|json"_s, u"Log line format (default text)."_s},
        {u"tls-cert"_s, u"FILE"_s, u"PEM certificate chain; with --tls-key, serve HTTPS only."_s},
        {u"tls-key"_s, u"FILE"_s, u"PEM private key for --tls-cert."_s},
        {u"node-name"_s, u"NAME"_s, u"Name recorded with every verification (default: host name)."_s},
        {u"workers"_s, u"N"_s, u"HTTP worker threads (default: one per core)."_s},
        {u"analytics-durability"_s, u"best-effort|strict"_s,
         u"strict: store every analytics event before answering (default best-effort: batched)."_s},
        {u"analytics-retention-days"_s, u"DAYS"_s, u"Days raw analytics events are kept (default 30)."_s},
        {u"analytics-enabled"_s, u"true|false"_s,
         u"false: discard every analytics event, for benchmarks only (default true)."_s},
        {u"metrics-listen"_s, u"HOST:PORT"_s,
         u"Serve Prometheus GET /metrics on this second address, without authentication (default: off)."_s},
        {u"metrics-on-main"_s, {}, u"Serve GET /metrics on the API listener too (value: 1/0, true/false)."_s},
    };
    return all;
}

QString envName(const QString &setting)
{
    return u"LATCHKEY_"_s + setting.toUpper().replace(u'-', u'_');
}

Core::Error invalid(const QString &detail)
{
    return makeError(ErrorCode::InvalidInput, detail);
}

Core::Status parseListen(const QString &value, const QString &flag, QString &host, quint16 &port)
{
    const qsizetype colon = value.lastIndexOf(u':');
    bool ok = false;
    const uint number = colon > 0 ? value.mid(colon + 1).toUInt(&ok) : 0;
    if (colon <= 0 || !ok || number > 65535)
        return invalid(u"invalid --%1 '%2': expected HOST:PORT, e.g. 127.0.0.1:7070"_s.arg(flag, value));
    host = value.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    port = quint16(number);
    return {};
}

// A switch given as a bare flag (empty value), in the environment or in the config file.
Core::Status parseBool(const QString &name, const QString &value, bool &target)
{
    const QString lower = value.trimmed().toLower();
    if (lower.isEmpty() || lower == u"1" || lower == u"true" || lower == u"yes" || lower == u"on")
        target = true;
    else if (lower == u"0" || lower == u"false" || lower == u"no" || lower == u"off")
        target = false;
    else
        return invalid(u"invalid --%1 '%2': expected 1 or 0"_s.arg(name, value));
    return {};
}

Core::Status apply(const QString &name, const QString &value, ServerConfig &config)
{
    if (name == u"listen")
        return parseListen(value, name, config.listenHost, config.listenPort);
    if (name == u"metrics-listen")
        return parseListen(value, name, config.metricsListenHost, config.metricsListenPort);
    if (name == u"metrics-on-main")
        return parseBool(name, value, config.metricsOnMain);
    if (name == u"analytics-enabled")
        return parseBool(name, value, config.analyticsEnabled);
    if (name == u"data-dir")
        config.dataDir = value;
    else if (name == u"bootstrap-root-key-file")
        config.bootstrapRootKeyFile = value;
    else if (name == u"log-format") {
        if (value != u"text" && value != u"json")
            return invalid(u"invalid --log-format '%1': expected text or json"_s.arg(value));
        config.logFormat = value;
    } else if (name == u"tls-cert")
        config.tlsCertFile = value;
    else if (name == u"tls-key")
        config.tlsKeyFile = value;
    else if (name == u"node-name")
        config.nodeName = value;
    else if (name == u"workers") {
        bool ok = false;
        const int workers = value.toInt(&ok);
        if (!ok || workers < 1 || workers > 256)
            return invalid(u"invalid --workers '%1': expected a number from 1 to 256"_s.arg(value));
        config.workerThreads = workers;
    } else if (name == u"analytics-durability") {
        if (value != u"best-effort" && value != u"strict")
            return invalid(u"invalid --analytics-durability '%1': expected best-effort or strict"_s.arg(value));
        config.analyticsDurability = value;
    } else if (name == u"analytics-retention-days") {
        bool ok = false;
        const int days = value.toInt(&ok);
        if (!ok || days < 1 || days > 3650)
            return invalid(u"invalid --analytics-retention-days '%1': expected a number from 1 to 3650"_s.arg(value));
        config.analyticsRetentionDays = days;
    }
    return {};
}

// The config file may also spell the analytics settings `analytics.durability = strict` or, in an
// [analytics] section, `durability = strict` (which QSettings reads as "analytics/durability").
QString settingOfFileKey(const QString &key)
{
    for (const QString &prefix : {u"analytics."_s, u"analytics/"_s}) {
        if (key.startsWith(prefix))
            return u"analytics-"_s + key.mid(prefix.size());
    }
    return key;
}

Core::Status applyConfigFile(const QString &path, ServerConfig &config)
{
    if (!QFileInfo(path).isReadable())
        return invalid(u"cannot read config file %1"_s.arg(path));
    QSettings file(path, QSettings::IniFormat);
    if (file.status() != QSettings::NoError)
        return invalid(u"config file %1 is not valid INI"_s.arg(path));
    for (const QString &key : file.allKeys()) {
        const QString name = settingOfFileKey(key);
        const bool known = std::any_of(settings().cbegin(), settings().cend(),
                                       [&](const Setting &setting) { return setting.name == name; });
        if (!known)
            return invalid(u"unknown setting '%1' in config file %2"_s.arg(key, path));
        if (Core::Status status = apply(name, file.value(key).toString(), config); !status)
            return status;
    }
    return {};
}

} // namespace

QString defaultDataDir()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return base + u"/latchkey"_s;
}

Core::Result<LoadedConfig> loadConfig(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"latchkeyd: the Latchkey API-key verification server (Unkey v2 API)."_s);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    const QCommandLineOption version({u"v"_s, u"version"_s}, u"Show the version."_s);
    const QCommandLineOption configFile(u"config"_s, u"INI file with any of the settings below."_s, u"FILE"_s);
    parser.addOption(help);
    parser.addOption(version);
    parser.addOption(configFile);
    for (const Setting &setting : settings())
        parser.addOption(QCommandLineOption(setting.name,
                                            setting.description + u" Env: "_s + envName(setting.name) + u'.',
                                            setting.valueName));
    if (!parser.parse(arguments))
        return invalid(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return invalid(u"unexpected argument '%1'"_s.arg(parser.positionalArguments().constFirst()));

    LoadedConfig loaded;
    if (parser.isSet(help)) {
        loaded.action = LoadedConfig::Action::ShowHelp;
        loaded.text = parser.helpText();
        return loaded;
    }
    if (parser.isSet(version)) {
        loaded.action = LoadedConfig::Action::ShowVersion;
        loaded.text = u"latchkeyd "_s + QString::fromLatin1(LATCHKEY_VERSION);
        return loaded;
    }
    ServerConfig &config = loaded.config;
    const QString file = parser.isSet(configFile) ? parser.value(configFile) : environment.value(u"LATCHKEY_CONFIG"_s);
    if (!file.isEmpty()) {
        if (Core::Status status = applyConfigFile(file, config); !status)
            return status.error();
    }
    for (const Setting &setting : settings()) {
        if (environment.contains(envName(setting.name))) {
            if (Core::Status status = apply(setting.name, environment.value(envName(setting.name)), config); !status)
                return status.error();
        }
        if (parser.isSet(setting.name)) {
            if (Core::Status status = apply(setting.name, parser.value(setting.name), config); !status)
                return status.error();
        }
    }
    config.bootstrapRootKey = environment.value(u"LATCHKEY_BOOTSTRAP_ROOT_KEY"_s);
    if (config.tlsCertFile.isEmpty() != config.tlsKeyFile.isEmpty())
        return invalid(u"--tls-cert and --tls-key must be given together"_s);
    if (config.dataDir.isEmpty())
        config.dataDir = defaultDataDir();
    return loaded;
}

} // namespace Latchkey::Server
