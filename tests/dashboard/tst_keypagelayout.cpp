// The key page's cards in the real window (LATCHKEY_TEST_NEEDS_DISPLAY: runs under xvfb-run), in
// the spirit of tst_screens::headersNeverClip: in English, German and Spanish at 1024 and 1280 px
// every control of every card (rate-limit rows with Auto-apply and ×, the credits card's buttons,
// Save and Discard) lies inside its card and the window, and no button is narrower than its text.
// A "✓ Saved" appearing on a card moves no card. Pictures: <build>/test-artefacts/keypagelayout/.
#include "dashboardfixture.h"
#include "dashboardwindow.h"
#include "keydetailcontroller.h"
#include "quickitems.h"
#include "session.h"
#include "settingscontroller.h"

#include <QDir>
#include <QJsonArray>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

using namespace Qt::StringLiterals;
using Latchkey::Dashboard::KeyDetailController;
using Latchkey::Test::DashboardWindow;
using Latchkey::Test::collectControls;
using Latchkey::Test::describeControl;
using Latchkey::Test::sceneRect;

namespace {
constexpr int kTimeout = 30000;

/// The key page's cards: its panes named "section-…", visible.
QList<QQuickItem *> cardsOf(QQuickItem *page)
{
    return Latchkey::Test::collectItems(page, [](const QQuickItem *item) {
        return item->inherits("QQuickPane") && item->objectName().startsWith(u"section-"_s);
    });
}
} // namespace

class TestKeyPageLayout : public QObject
{
    Q_OBJECT

private:
    Latchkey::Test::DashboardFixture m_fixture;
    std::unique_ptr<DashboardWindow> m_ui;
    QQuickWindow *m_window = nullptr;
    QString m_keyId;
    QDir m_artefacts;

    /// Opens the key's page in @p language at @p size; the page, once loaded and slid in.
    QQuickItem *openKeyPage(const QString &language, QSize size);
    KeyDetailController *detail() const
    {
        QObject *current = m_ui->currentPage();
        return current ? current->property("controller").value<KeyDetailController *>() : nullptr;
    }

private Q_SLOTS:
    void initTestCase();
    void cardsHoldTheirControls_data();
    void cardsHoldTheirControls();
    void savedMovesNoCard();
    void cleanupTestCase();
};

void TestKeyPageLayout::initTestCase()
{
    m_artefacts.setPath(QStringLiteral(LATCHKEY_BINARY_DIR "/test-artefacts/keypagelayout"));
    QVERIFY(m_artefacts.mkpath(u"."_s));
    const QString apiId = m_fixture.createApi(u"Layout API"_s);
    QVERIFY(!apiId.isEmpty());
    // Everything a card can show: credits with a monthly refill, a rate limit, a permission, meta.
    const QJsonObject body {
        {u"apiId"_s, apiId}, {u"name"_s, u"Produktion"_s}, {u"externalId"_s, u"customer-4711"_s},
        {u"credits"_s, QJsonObject {{u"remaining"_s, 100},
                           {u"refill"_s, QJsonObject {{u"interval"_s, u"monthly"_s}, {u"amount"_s, 100}, {u"refillDay"_s, 1}}}}},
        {u"ratelimits"_s, QJsonArray {QJsonObject {{u"name"_s, u"requests"_s}, {u"limit"_s, 100},
                              {u"duration"_s, 60000}, {u"autoApply"_s, true}}}},
        {u"permissions"_s, QJsonArray {u"documents.read"_s}},
        {u"meta"_s, QJsonObject {{u"plan"_s, u"pro"_s}}},
    };
    const auto created = m_fixture.call(u"keys.createKey"_s, body);
    QVERIFY2(created.ok(), qPrintable(created.errorDetail));
    m_keyId = created.data.toObject().value(u"keyId"_s).toString();

    m_ui = std::make_unique<DashboardWindow>(QSize(1280, 800));
    m_window = m_ui->window();
    QVERIFY(m_window);
    QVERIFY(m_ui->connectTo(m_fixture.baseUrl(), m_fixture.rootKey()));
}

QQuickItem *TestKeyPageLayout::openKeyPage(const QString &language, QSize size)
{
    m_ui->app()->session()->settings()->setLanguage(language);
    m_window->resize(size);
    if (!QTest::qWaitFor([&] { return qRound(m_window->contentItem()->width()) == size.width(); }, kTimeout))
        return nullptr;
    if (!m_ui->openPage(u"keyDetail"_s, {{u"keyId"_s, m_keyId}}))
        return nullptr;
    auto *page = qobject_cast<QQuickItem *>(m_ui->currentPage());
    if (!page || !QTest::qWaitFor([&] { return detail() && detail()->loaded(); }, kTimeout))
        return nullptr;
    // Pushed pages slide in: measure once the page reaches the window's right edge.
    if (!QTest::qWaitFor([&] { return qRound(sceneRect(page).right()) == size.width(); }, kTimeout))
        return nullptr;
    m_ui->settle(400);
    return page;
}

void TestKeyPageLayout::cardsHoldTheirControls_data()
{
    Latchkey::Test::addLanguageAndSizeRows();
}

/// Every control of every card is inside the card and the window; buttons are as wide as their text.
void TestKeyPageLayout::cardsHoldTheirControls()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QQuickItem *page = openKeyPage(language, size);
    QVERIFY(page);
    QVERIFY(m_ui->screenshot(m_artefacts, u"key-%1-%2"_s.arg(language).arg(size.width())));

    const QList<QQuickItem *> cards = cardsOf(page);
    QVERIFY2(cards.size() >= 8, qPrintable(QString::number(cards.size())));
    for (QQuickItem *card : std::as_const(cards)) {
        const QRectF box = sceneRect(card);
        QVERIFY2(box.left() >= -0.5 && box.right() <= size.width() + 0.5,
                 qPrintable(u"%1 at %2..%3"_s.arg(card->objectName()).arg(box.left()).arg(box.right())));
        QList<QQuickItem *> controls;
        collectControls(card, controls);
        QVERIFY(!controls.isEmpty());
        for (QQuickItem *control : std::as_const(controls)) {
            const QString misfit = Latchkey::Test::misfit(control, box.left(), box.right());
            QVERIFY2(misfit.isEmpty(), qPrintable(misfit + u" (card "_s + card->objectName() + u')'));
            QVERIFY2(sceneRect(control).bottom() <= box.bottom() + 0.5,
                     qPrintable(describeControl(control) + u" below its card"_s));
        }
    }
    // The cards that overflowed once: credits and rate limits.
    Latchkey::Test::scrollIntoView(m_ui->item(page, u"section-ratelimits"_s));
    QVERIFY(m_ui->screenshot(m_artefacts, u"key-%1-%2-limits"_s.arg(language).arg(size.width())));
}

/// "✓ Saved" has its place reserved: saving a card moves and widens no card.
void TestKeyPageLayout::savedMovesNoCard()
{
    QQuickItem *page = openKeyPage(u"de"_s, QSize(1280, 800));
    QVERIFY(page);
    const QList<QQuickItem *> cards = cardsOf(page);
    QList<QRectF> before;
    for (QQuickItem *card : std::as_const(cards))
        before.append(sceneRect(card));

    QQuickItem *saved = m_ui->item(page, u"section-name-field"_s);
    QVERIFY(m_ui->type(saved, u"Produktion 2"_s));
    QVERIFY(m_ui->click(m_ui->item(page, u"section-name-save"_s)));
    QQuickItem *confirmed = m_ui->item(page, u"section-name-saved"_s);
    QVERIFY(confirmed);
    QTRY_VERIFY_WITH_TIMEOUT(confirmed->isVisible(), kTimeout);
    QVERIFY(m_ui->screenshot(m_artefacts, u"saved-de-1280"_s));
    for (qsizetype i = 0; i < cards.size(); ++i) {
        const QRectF now = sceneRect(cards.at(i));
        QVERIFY2(qAbs(now.left() - before.at(i).left()) < 0.5 && qAbs(now.width() - before.at(i).width()) < 0.5,
                 qPrintable(u"%1 moved from %2+%3 to %4+%5"_s.arg(cards.at(i)->objectName()).arg(before.at(i).left())
                                .arg(before.at(i).width()).arg(now.left()).arg(now.width())));
    }
}

void TestKeyPageLayout::cleanupTestCase()
{
    m_ui.reset();
}

LATCHKEY_DASHBOARD_TEST_MAIN(TestKeyPageLayout)
#include "tst_keypagelayout.moc"
