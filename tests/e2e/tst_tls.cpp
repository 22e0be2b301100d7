// HTTPS: latchkeyd with --tls-cert/--tls-key serves the API over TLS only, with the certificate
// it was given.
#include "support/latchkeydprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::HttpResponse;
using Latchkey::Test::HttpTarget;
using Latchkey::Test::LatchkeydProcess;
namespace RawHttp = Latchkey::Test::RawHttp;

class TestTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verifyKeyOverHttps();
    void plainHttpIsNotServed();
    void untrustedClientsFailTheHandshake();
    void unreadableCertificateFailsStartup();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QString m_certFile;
    QString m_keyFile;
    QSslCertificate m_certificate;
    std::unique_ptr<LatchkeydProcess> m_server;
};

void TestTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("openssl is not installed");
    m_certFile = m_dir.filePath(u"c.pem"_s);
    m_keyFile = m_dir.filePath(u"k.pem"_s);
    QProcess generate;
    generate.start(openssl,
        {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-subj"_s, u"/CN=localhost"_s, u"-addext"_s,
            u"subjectAltName=DNS:localhost"_s, u"-days"_s, u"1"_s, u"-keyout"_s, m_keyFile, u"-out"_s, m_certFile});
    QVERIFY(generate.waitForFinished(60000));
    QVERIFY2(generate.exitCode() == 0, generate.readAllStandardError().constData());
    QFile cert(m_certFile);
    QVERIFY(cert.open(QIODevice::ReadOnly));
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
    QCOMPARE(certificates.size(), 1);
    m_certificate = certificates.constFirst();

    m_server = std::make_unique<LatchkeydProcess>();
    m_server->setExtraArguments({u"--tls-cert"_s, m_certFile, u"--tls-key"_s, m_keyFile});
    m_server->setTls({m_certificate}, u"localhost"_s);
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
}

void TestTls::cleanupTestCase()
{
    if (m_server && m_server->isRunning())
        QCOMPARE(m_server->terminate(), 0);
}

void TestTls::verifyKeyOverHttps()
{
    const HttpResponse api = m_server->call(u"apis.createApi"_s, {{u"name"_s, u"over-tls"_s}});
    QVERIFY2(api.status == 200, api.describe().constData());
    const HttpResponse key = m_server->call(u"keys.createKey"_s,
        {{u"apiId"_s, api.data().value(u"apiId")}, {u"credits"_s, QJsonObject {{u"remaining"_s, 2}}}});
    QVERIFY2(key.status == 200, key.describe().constData());
    const QString plaintext = key.data().value(u"key").toString();
    for (const auto &[code, credits] : {std::pair {u"VALID"_s, 1}, std::pair {u"VALID"_s, 0}}) {
        const HttpResponse verified = m_server->call(u"keys.verifyKey"_s, {{u"key"_s, plaintext}});
        QVERIFY2(verified.status == 200, verified.describe().constData());
        QCOMPARE(verified.data().value(u"code").toString(), code);
        QCOMPARE(verified.data().value(u"credits").toInt(-1), credits);
    }
    const HttpResponse exhausted = m_server->call(u"keys.verifyKey"_s, {{u"key"_s, plaintext}});
    QCOMPARE(exhausted.data().value(u"code").toString(), u"USAGE_EXCEEDED"_s);
}

void TestTls::plainHttpIsNotServed()
{
    HttpTarget plain;
    plain.port = m_server->port();
    const HttpResponse response = RawHttp::exchange(plain, RawHttp::request("GET", "/v2/liveness"), 5000);
    QVERIFY2(response.status != 200, "a plain-HTTP request was answered on the HTTPS port");
    QVERIFY(m_server->isLive());
}

void TestTls::untrustedClientsFailTheHandshake()
{
    // Trusting nothing (not even the system CAs): the self-signed certificate must be rejected,
    // which shows the other tests really checked it.
    HttpTarget target = m_server->target();
    target.trustedCertificates.clear();
    const HttpResponse response = RawHttp::exchange(target, RawHttp::request("GET", "/v2/liveness"), 5000);
    QCOMPARE(response.status, 0);
    QVERIFY2(response.transportError.contains(u"TLS"), qPrintable(response.transportError));

    // The wrong host name is rejected too.
    target = m_server->target();
    target.tlsPeerName = u"not-localhost.example"_s;
    QCOMPARE(RawHttp::exchange(target, RawHttp::request("GET", "/v2/liveness"), 5000).status, 0);
    QVERIFY(m_server->isLive());
}

void TestTls::unreadableCertificateFailsStartup()
{
    QTemporaryDir dataDir;
    const auto finished = LatchkeydProcess::run(
        {u"--listen"_s, u"127.0.0.1:%1"_s.arg(LatchkeydProcess::freePort()), u"--data-dir"_s, dataDir.path(),
            u"--tls-cert"_s, m_dir.filePath(u"missing.pem"_s), u"--tls-key"_s, m_keyFile},
        {}, 10000);
    QVERIFY(finished.finished);
    QVERIFY2(finished.exitCode == 1, finished.standardError.constData());
    QVERIFY2(finished.standardError.contains("missing.pem"), finished.standardError.constData());
    QVERIFY2(!QFileInfo::exists(QDir(dataDir.path()).filePath(u"bootstrap-root-key.txt"_s)),
        "a root key was issued by a start that failed");
    QVERIFY2(finished.errorLines().size() == 1, finished.standardError.constData());

    // A key file that holds no key.
    const auto noKey
        = LatchkeydProcess::run({u"--listen"_s, u"127.0.0.1:%1"_s.arg(LatchkeydProcess::freePort()), u"--data-dir"_s,
                                    dataDir.path(), u"--tls-cert"_s, m_certFile, u"--tls-key"_s, m_certFile},
            {}, 10000);
    QVERIFY(noKey.finished);
    QVERIFY2(noKey.exitCode == 1, noKey.standardError.constData());
    QVERIFY2(noKey.errorLines().size() == 1, noKey.standardError.constData());
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
