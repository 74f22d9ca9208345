// Chinese: every text of the app has a translation (lupdate over the sources finds none unfinished), and
// with 中文 chosen the window shows no English word; English comes back at once.
#include "classification.h"
#include "databundle.h"
#include "language.h"
#include "mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <gtest/gtest.h>

using namespace renkou;

// lupdate (Qt Linguist) reads core/, ui/ and app/ into a copy of the catalogue: a text added to the code
// without a translation is then "unfinished", and named here.
TEST(Translations, EveryTextOfTheAppHasAChineseTranslation)
{
    QTemporaryDir dir;
    const QString ts = dir.filePath(QStringLiteral("renkou_zh_CN.ts"));
    ASSERT_TRUE(QFile::copy(QStringLiteral(RENKOU_SOURCE_DIR "/resources/translations/renkou_zh_CN.ts"), ts));
    QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(RENKOU_SOURCE_DIR));
    lupdate.start(QStringLiteral(RENKOU_LUPDATE), {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                                                   QStringLiteral("none"), QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app"),
                                                   QStringLiteral("-ts"), ts});
    ASSERT_TRUE(lupdate.waitForFinished(120000));
    ASSERT_EQ(lupdate.exitCode(), 0) << lupdate.readAllStandardError().toStdString();
    QFile file(ts);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList untranslated;
    int messages = 0;
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            ++messages;
            const bool unfinished = xml.attributes().value(QStringLiteral("type")) == u"unfinished";
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (unfinished || text.trimmed().isEmpty())
                untranslated << source;
        }
    }
    EXPECT_GT(messages, 250);
    EXPECT_TRUE(untranslated.isEmpty()) << "no Chinese for:\n" << untranslated.join(u'\n').toStdString();
}

namespace {

/// Words of Latin letters in `text` that a Chinese reader would meet as English: all but the names of file
/// formats and keys, units and the example of typing pinyin.
QStringList englishWords(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    static const QStringList allowed = {QStringLiteral("CSV"), QStringLiteral("PNG"), QStringLiteral("SVG"), QStringLiteral("PDF"), QStringLiteral("GIF"),
                                        QStringLiteral("MP"), QStringLiteral("WebM"), // file formats: MP4, WebM
                                        QStringLiteral("UTF"), QStringLiteral("BOM"), QStringLiteral("Excel"), QStringLiteral("Ctrl"),
                                        QStringLiteral("Shift"), QStringLiteral("dpi"), QStringLiteral("Changsha"),
                                        QStringLiteral("English")}; // the language's own name, in its menu
    QStringList out;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured();
        if (!allowed.contains(w))
            out << w;
    }
    return out;
}

/// Every text the window shows now: its title, menus and their actions (with tooltips), and each widget's
/// text, placeholder, items, tabs and tooltip.
QStringList windowTexts(QMainWindow &window)
{
    QStringList texts = {window.windowTitle()};
    std::function<void(QMenu *)> walkMenu = [&](QMenu *menu) {
        texts << menu->title();
        for (QAction *a : menu->actions()) {
            texts << a->text() << a->toolTip();
            if (a->menu())
                walkMenu(a->menu());
        }
    };
    for (QAction *a : window.menuBar()->actions())
        if (a->menu())
            walkMenu(a->menu());
    for (QWidget *w : window.findChildren<QWidget *>()) {
        if (!w->isVisibleTo(&window))
            continue;
        texts << w->toolTip();
        if (auto *l = qobject_cast<QLabel *>(w))
            texts << l->text();
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            texts << b->text();
        else if (auto *e = qobject_cast<QLineEdit *>(w))
            texts << e->placeholderText();
        else if (auto *c = qobject_cast<QComboBox *>(w))
            for (int i = 0; i < c->count(); ++i)
                texts << c->itemText(i);
        else if (auto *t = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < t->count(); ++i)
                texts << t->tabText(i);
    }
    for (QAction *a : window.findChildren<QAction *>())
        texts << a->text() << a->toolTip();
    return texts;
}

/// The main window in `language` with fresh settings, shown, loaded and with Shandong selected (so that the
/// side panel's name, details, census comparison and chart caption are there too).
std::unique_ptr<app::MainWindow> loadedWindow(core::Language language)
{
    QSettings().clear();
    core::setLanguage(language);
    auto window = std::make_unique<app::MainWindow>(QStringLiteral(RENKOU_BUNDLE_DIR));
    window->resize(1400, 900);
    window->show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    EXPECT_TRUE(QTest::qWaitFor([&] { return window->isFullyLoaded(); }, 20000));
    window->selectRegion(QStringLiteral("370000"));
    return window;
}

} // namespace

TEST(Translations, WithChineseTheWindowShowsNoEnglishWordAndSwitchesBack)
{
    auto window = loadedWindow(core::Language::Chinese);
    QStringList english;
    for (const QString &text : windowTexts(*window))
        if (!englishWords(text).isEmpty())
            english << text;
    english.removeDuplicates();
    EXPECT_TRUE(english.isEmpty()) << "English in the Chinese window:\n" << english.join(u'\n').toStdString();
    EXPECT_TRUE(window->menuBar()->actions().front()->text().contains(QStringLiteral("文件")));

    // View → Language → English: the same window, in English at once, the view and the side panel's tab kept.
    auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("sideTabs"));
    ASSERT_NE(tabs, nullptr);
    tabs->setCurrentIndex(2);
    const core::View before = window->view();
    auto *english_ = window->findChild<QAction *>(QStringLiteral("language_en"));
    ASSERT_NE(english_, nullptr);
    english_->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window->menuBar()->actions().size() > 0 && window->menuBar()->actions().front()->text() == u"&File", 5000);
    EXPECT_TRUE(window->view().sameContent(before));
    EXPECT_EQ(window->centralWidget()->findChild<QTabWidget *>(QStringLiteral("sideTabs"))->currentIndex(), 2);
    EXPECT_EQ(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("en"));
    core::setLanguage(core::Language::English);
}

// Chinese number and year style, units and sources, in one formatting module for both languages.
TEST(Translations, ChineseFiguresWriteWanYiYearsAndPublishers)
{
    const auto bundle = core::DataBundle::load(QStringLiteral(RENKOU_BUNDLE_DIR), core::DataBundle::Parts::Tables);
    ASSERT_TRUE(bundle.ok());
    ASSERT_TRUE(core::setLanguage(core::Language::Chinese));
    EXPECT_EQ(core::formatValue(-430000, QStringLiteral("persons")), QStringLiteral("−43万"));
    EXPECT_EQ(core::formatValue(100800000, QStringLiteral("persons")), QStringLiteral("1.01亿"));
    EXPECT_EQ(core::formatValue(13900000, QStringLiteral("persons")), QStringLiteral("1390万"));
    EXPECT_EQ(core::formatShown(100800000, QStringLiteral("persons")), QStringLiteral("10080万"));
    EXPECT_EQ(core::formatShown(659000, QStringLiteral("persons")), QStringLiteral("65.9万"));
    EXPECT_EQ(core::yearsLabel(2023, 2024), QStringLiteral("2023—2024年"));
    EXPECT_EQ(core::unitLabel(QStringLiteral("persons")), QStringLiteral("人"));
    EXPECT_EQ(core::formatValue(83.84, QStringLiteral("%")), QStringLiteral("83.8%")); // no space before % in Chinese
    EXPECT_EQ(core::citeSources(bundle->sources, {{QStringLiteral("nbs-annual-pypsa"), 2023}, {QStringLiteral("nbs-annual-pypsa"), 2024},
                                                  {QStringLiteral("guangdong-yearbook-2024"), 2004}},
                                &bundle->regions),
              QStringLiteral("国家统计局（2023—2024年）；广东省统计局（2004年）"));
    // English keeps k/M, en dashes and the full citations.
    ASSERT_TRUE(core::setLanguage(core::Language::English));
    EXPECT_EQ(core::formatValue(-430000, QStringLiteral("persons")), QStringLiteral("-430 k"));
    EXPECT_EQ(core::yearsLabel(2023, 2024), QStringLiteral("2023–2024"));
    EXPECT_EQ(core::formatValue(83.84, QStringLiteral("%")), QStringLiteral("83.8 %"));
    EXPECT_TRUE(core::citeSources(bundle->sources, {{QStringLiteral("nbs-annual-pypsa"), 2024}}, &bundle->regions)
                    .contains(QStringLiteral("National Bureau of Statistics")));
}

// The figure language is the export's, not the window's: an English window writes a Chinese report pack
// (map title, chart, sources.txt) and stays English; the pack in English has no Chinese outside unit names.
TEST(Translations, ReportPackInTheOtherLanguageLeavesTheWindowAsItIs)
{
    auto window = loadedWindow(core::Language::English);
    QTemporaryDir zh;
    ASSERT_TRUE(window->writeReportPack(zh.path(), false, {}, core::Language::Chinese).ok());
    auto read = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    };
    const QString sources = read(zh.filePath(QStringLiteral("sources.txt")));
    EXPECT_TRUE(sources.contains(QStringLiteral("国家统计局"))) << sources.toStdString();
    EXPECT_TRUE(sources.contains(QStringLiteral("许可："))) << sources.toStdString();
    EXPECT_TRUE(sources.section(u'\n', 0, 0).contains(QStringLiteral("各省份常住人口"))) << sources.toStdString();
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {zh.filePath(QStringLiteral("map.pdf")), QStringLiteral("-")});
    ASSERT_TRUE(pdftotext.waitForFinished(30000));
    const QString map = QString::fromUtf8(pdftotext.readAllStandardOutput());
    EXPECT_TRUE(map.contains(QStringLiteral("常住人口"))) << map.toStdString();
    EXPECT_TRUE(map.contains(QStringLiteral("来源"))) << map.toStdString();
    EXPECT_GT(QFileInfo(zh.filePath(QStringLiteral("chart.svg"))).size(), 100);
    EXPECT_TRUE(read(zh.filePath(QStringLiteral("chart.svg"))).contains(QStringLiteral("山东省")));

    // The window is still English, after the events of the switch have been delivered.
    QTest::qWait(100);
    QCoreApplication::processEvents();
    EXPECT_EQ(core::currentLanguage(), core::Language::English);
    EXPECT_EQ(window->menuBar()->actions().front()->text(), QStringLiteral("&File"));

    QTemporaryDir en;
    ASSERT_TRUE(window->writeReportPack(en.path(), false).ok());
    const QString english = read(en.filePath(QStringLiteral("sources.txt")));
    EXPECT_TRUE(english.contains(QStringLiteral("licence:")));
    EXPECT_FALSE(english.contains(QStringLiteral("许可")));
}
