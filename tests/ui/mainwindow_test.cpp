// Drives the real main window on the real bundle: click, hover, toggle and drill where the map draws things,
// then look at the side panel and at the pixels.
#include "chartpanel.h"
#include "componentsscatter.h"
#include "columnmodel.h"
#include "databundle.h"
#include "exporter.h"
#include "mainwindow.h"
#include "owndatadialogs.h"
#include "mapview.h"
#include "palette.h"
#include "rankingview.h"
#include "sidepanel.h"
#include "trendchart.h"
#include "maprenderer.h"
#include "mapscene.h"
#include "timeline.h"

#include <QAction>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFrame>
#include <QPushButton>
#include <QSet>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QTableView>
#include <QTableWidget>
#include <QClipboard>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>
#include <QApplication>
#include <QDragEnterEvent>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QProcess>
#include <QProgressDialog>
#include <QTimer>
#include <QSettings>
#include <QRegularExpression>
#include <QUndoStack>
#include <QImage>
#include <gtest/gtest.h>

using namespace renkou;

namespace {

/// Answers each modal dialog as it opens with `answer`, while it lives: interactive flows run unattended.
class DialogDriver {
public:
    explicit DialogDriver(std::function<void(QDialog *)> answer)
    {
        m_timer.setInterval(30);
        QObject::connect(&m_timer, &QTimer::timeout, [answer = std::move(answer)] {
            if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
                answer(dialog);
        });
        m_timer.start();
    }

private:
    QTimer m_timer;
};

/// The bundle with `parts` (each caller below keeps its own, loaded once).
core::DataBundle loadBundle(core::DataBundle::Parts parts)
{
    auto r = core::DataBundle::load(QStringLiteral(RENKOU_BUNDLE_DIR), parts);
    if (!r)
        ADD_FAILURE() << r.error().toString().toStdString();
    return std::move(r).value();
}

/// The bundle with every layer.
const core::DataBundle &everything()
{
    static const core::DataBundle b = loadBundle(core::DataBundle::Parts::Everything);
    return b;
}

/// The bundle's tables only.
const core::DataBundle &tables()
{
    static const core::DataBundle b = loadBundle(core::DataBundle::Parts::Tables);
    return b;
}

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QSettings().clear(); // each test starts as a first start: no last view, no window geometry
        m_window = std::make_unique<app::MainWindow>(QStringLiteral(RENKOU_BUNDLE_DIR));
        m_window->resize(1400, 900);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isFullyLoaded(), 20000);
        m_map = m_window->findChild<ui::MapView *>(QStringLiteral("mapView"));
        ASSERT_NE(m_map, nullptr);
        // QTest keeps the mouse buttons it pressed from one window to the next; a double-click that drills
        // (and redraws every year's classes) can leave the left button down for the next test's moves.
        if (QGuiApplication::mouseButtons() != Qt::NoButton)
            QTest::mouseRelease(m_map, Qt::LeftButton, {}, QPoint(1, 1));
        QTest::qWait(50);
    }

    QPoint pointOf(const QString &code) const
    {
        const auto point = m_map->pointOf(code);
        EXPECT_TRUE(point.has_value()) << code.toStdString();
        return point ? point->toPoint() : QPoint();
    }

    void clickUnit(const QString &code, Qt::KeyboardModifiers modifiers = {})
    {
        QTest::mouseClick(m_map, Qt::LeftButton, modifiers, pointOf(code));
    }

    QString label(const char *name) const
    {
        const auto *l = m_window->findChild<QLabel *>(QString::fromLatin1(name));
        return l ? l->text() : QString();
    }

    /// The fill colour at a unit's interior point (labels, drawn at that point, are turned off for it).
    QColor pixel(const QString &code) const
    {
        m_map->renderer().setLabelLanguage(ui::LabelLanguage::None);
        const QImage image = m_map->grab().toImage();
        m_map->renderer().setLabelLanguage(ui::LabelLanguage::Chinese);
        return image.pixelColor(pointOf(code) * image.devicePixelRatio());
    }

    static std::vector<int> years(const QString &code)
    {
        std::vector<int> out;
        for (const core::Observation &o : tables().population.series(code, QStringLiteral("resident_population")))
            out.push_back(o.year);
        return out;
    }

    std::unique_ptr<app::MainWindow> m_window;
    ui::MapView *m_map = nullptr;
};

/// The census count (1 November) of a unit's resident population in `year`, whatever else the year has.
std::optional<double> censusCount(const QString &code, int year)
{
    for (const core::Observation &o : tables().population.observations(code, year, QStringLiteral("resident_population")))
        if (o.flag == u"census")
            return o.value;
    return std::nullopt;
}

bool contains(const std::vector<QColor> &colors, const QColor &c)
{
    return std::any_of(colors.begin(), colors.end(), [&](const QColor &x) { return x.rgb() == c.rgb(); });
}

} // namespace

TEST_F(MainWindowTest, ClickingShandongShowsItsSeries)
{
    clickUnit(QStringLiteral("370000"));
    EXPECT_TRUE(label("regionName").contains(QStringLiteral("山东省")));
    EXPECT_TRUE(label("regionName").contains(QStringLiteral("Shandong")));
    EXPECT_TRUE(label("regionDetails").contains(QStringLiteral("100,800,000"))) << label("regionDetails").toStdString();
    const auto *chart = m_window->findChild<ui::ChartPanel *>(QStringLiteral("chartPanel"));
    ASSERT_NE(chart, nullptr);
    const std::vector<int> expected = years(QStringLiteral("370000"));
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(chart->plottedYears(), expected);
    EXPECT_EQ(chart->plottedYears().back(), 2024);
    EXPECT_TRUE(label("chartCaption").contains(QStringLiteral("persons")));
    EXPECT_TRUE(label("chartCaption").contains(QStringLiteral("National Bureau of Statistics (2000–2024)"))) << label("chartCaption").toStdString();
}

TEST_F(MainWindowTest, CtrlClickAddsToTheSelection)
{
    clickUnit(QStringLiteral("370000"));
    clickUnit(QStringLiteral("440000"), Qt::ControlModifier);
    const auto *chart = m_window->findChild<ui::ChartPanel *>(QStringLiteral("chartPanel"));
    ASSERT_EQ(chart->seriesCount(), 2);
    EXPECT_EQ(chart->plottedYears(0), years(QStringLiteral("370000")));
    EXPECT_EQ(chart->plottedYears(1), years(QStringLiteral("440000")));
    EXPECT_EQ(chart->plottedYears(1).front(), 2000); // Guangdong's back-revised series starts in 2000
    EXPECT_TRUE(label("regionName").contains(QStringLiteral("山东省")));
    EXPECT_TRUE(label("regionName").contains(QStringLiteral("广东省")));
    // A plain click replaces the selection.
    clickUnit(QStringLiteral("430000"));
    EXPECT_EQ(chart->seriesCount(), 1);
}

TEST_F(MainWindowTest, PixelAtAProvinceHasItsClassColour)
{
    const auto palette = core::sequentialPalette(5);
    // Guangdong has the largest resident population, Tibet the smallest.
    EXPECT_EQ(pixel(QStringLiteral("440000")).rgb(), palette.back().rgb());
    EXPECT_EQ(pixel(QStringLiteral("540000")).rgb(), palette.front().rgb());
    const auto &classes = m_window->classes();
    const double hunan = *m_window->column().find(QStringLiteral("430000"))->value;
    EXPECT_EQ(pixel(QStringLiteral("430000")).rgb(), palette[size_t(core::classIndex(classes, hunan))].rgb());
}

TEST_F(MainWindowTest, NoDataIsHatchedNeverAClassColour)
{
    m_map->renderer().setLabelLanguage(ui::LabelLanguage::None);
    const QImage image = m_map->grab().toImage();
    const QPoint p = pointOf(QStringLiteral("710000"));
    const int taiwan = m_map->renderer().layer()->indexOf(QStringLiteral("710000"));
    const auto palette = core::sequentialPalette(5);
    QSet<QRgb> seen;
    int inside = 0;
    for (int dx = -4; dx <= 4; ++dx) {
        for (int dy = -4; dy <= 4; ++dy) {
            const QPoint q = p + QPoint(dx, dy);
            if (m_map->renderer().featureAt(q, m_map->rect()) != taiwan)
                continue; // only pixels inside Taiwan (it is small on screen)
            ++inside;
            const QColor c = image.pixelColor(q * image.devicePixelRatio());
            EXPECT_FALSE(contains(palette, c));
            seen.insert(c.rgb());
        }
    }
    ASSERT_GE(inside, 9);
    // A hatch: the light ground and the darker lines both appear.
    EXPECT_GE(seen.size(), 2);
    clickUnit(QStringLiteral("710000"));
    EXPECT_TRUE(label("regionDetails").contains(QStringLiteral("no data")));
}

TEST_F(MainWindowTest, GrowthDeclineToggleGivesShandongAndGuangdongOppositeHues)
{
    auto *toggle = m_window->findChild<QAction *>(QStringLiteral("growthAction"));
    ASSERT_NE(toggle, nullptr);
    m_window->findChild<QAction *>(QStringLiteral("classes_same_true"))->trigger(); // unchecked: this year's own classes
    ASSERT_FALSE(m_window->view().classes.sameEveryYear);
    QTest::keyClick(m_map, Qt::Key_G);
    ASSERT_TRUE(toggle->isChecked());
    EXPECT_EQ(m_window->column().indicator.name, QStringLiteral("change"));
    const auto diverging = core::divergingPalette(3);
    const std::vector<QColor> decline(diverging.begin(), diverging.begin() + 3);
    const std::vector<QColor> growth(diverging.end() - 3, diverging.end());
    EXPECT_TRUE(contains(decline, pixel(QStringLiteral("370000")))) << pixel(QStringLiteral("370000")).name().toStdString();
    EXPECT_TRUE(contains(growth, pixel(QStringLiteral("440000")))) << pixel(QStringLiteral("440000")).name().toStdString();
    // The legend follows: seven classes around 0, each side's breaks from its own values, so that the
    // largest loss (Shandong's −430,000) and the largest gain (Guangdong's +740,000) bound their sides.
    const auto &classes = m_window->classes();
    ASSERT_EQ(classes.size(), 7u);
    EXPECT_DOUBLE_EQ(classes.front().lower, -430000);
    EXPECT_DOUBLE_EQ(classes.back().upper, 740000);
    QTest::keyClick(m_map, Qt::Key_G);
    EXPECT_EQ(m_window->column().indicator.name, QStringLiteral("population"));
}

TEST_F(MainWindowTest, DoubleClickOnHunanDrillsIntoItsFourteenPrefectures)
{
    // A year in which every prefecture-level unit of Hunan has a value (the latest census at least).
    const core::Region &hunanProvince = *tables().regions.find(QStringLiteral("430000"), core::Level::Province);
    std::optional<int> year;
    for (int y = 2024; y >= 2000 && !year; --y) {
        const auto units = tables().regions.members(hunanProvince);
        if (std::all_of(units.begin(), units.end(), [&](const core::Region *r) {
                return tables().population.value(r->code, y, QStringLiteral("resident_population")).has_value();
            }))
            year = y;
    }
    ASSERT_TRUE(year.has_value());
    auto *timeline = m_window->findChild<ui::Timeline *>(QStringLiteral("timeline"));
    QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->cellCenter(*year));
    const core::BoxD full = m_map->renderer().viewBox();
    QTest::mouseDClick(m_map, Qt::LeftButton, {}, pointOf(QStringLiteral("430000")));
    ASSERT_EQ(m_map->renderer().focus().size(), 14u);
    // The release that ends the double-click selects nothing on the zoomed map.
    EXPECT_TRUE(m_window->view().selection.isEmpty()) << m_window->view().selection.join(u',').toStdString();
    // The table lists the units the map shows: Hunan's 14, not all 372.
    EXPECT_EQ(m_window->findChild<QTableView *>(QStringLiteral("numbersTable"))->model()->rowCount(), 14);
    QTRY_VERIFY_WITH_TIMEOUT(m_map->renderer().viewBox().width() < full.width() / 4, 3000);
    QTest::qWait(400);
    const auto palette = core::sequentialPalette(5);
    const core::Region &hunan = *tables().regions.find(QStringLiteral("430000"), core::Level::Province);
    const auto members = tables().regions.members(hunan);
    ASSERT_EQ(members.size(), 14u);
    for (const core::Region *r : members)
        EXPECT_TRUE(contains(palette, pixel(r->code))) << r->code.toStdString();
    EXPECT_TRUE(label("breadcrumb").contains(QStringLiteral("湖南省")));
    // Backspace goes back to the provinces.
    QTest::keyClick(m_map, Qt::Key_Backspace);
    EXPECT_TRUE(m_map->renderer().focus().empty());
    EXPECT_EQ(m_window->column().level, core::Level::Province);
}

TEST_F(MainWindowTest, HoverNamesTheRegionUnderTheMouse)
{
    const QString text = m_map->tooltipAt(pointOf(QStringLiteral("370000")));
    EXPECT_TRUE(text.contains(QStringLiteral("山东省"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Shandong")));
    EXPECT_TRUE(text.contains(QStringLiteral("100,800,000")));
    EXPECT_TRUE(text.contains(QStringLiteral("-430,000")));
    EXPECT_TRUE(text.contains(QStringLiteral("Rank")));
    QTest::mouseMove(m_map, pointOf(QStringLiteral("650000")));
    ASSERT_GE(m_map->renderer().hovered(), 0);
    EXPECT_EQ(m_map->renderer().layer()->features()[size_t(m_map->renderer().hovered())].code, QStringLiteral("650000"));
}

TEST_F(MainWindowTest, TimelineChangesTheYearAndMarksDataYears)
{
    auto *timeline = m_window->findChild<ui::Timeline *>(QStringLiteral("timeline"));
    ASSERT_NE(timeline, nullptr);
    EXPECT_EQ(timeline->dataYears().back(), 2024);
    QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->cellCenter(2010));
    EXPECT_EQ(m_window->column().year, 2010);
    EXPECT_EQ(*m_window->column().find(QStringLiteral("370000"))->value,
              tables().population.value(QStringLiteral("370000"), 2010, QStringLiteral("resident_population"))->value);
    QTest::keyClick(timeline, Qt::Key_Right);
    EXPECT_EQ(m_window->column().year, 2011);
    // A value of one year has no from–to: a Shift-click is refused, and the status bar says why.
    QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->cellCenter(2024));
    QTest::mouseClick(timeline, Qt::LeftButton, Qt::ShiftModifier, timeline->cellCenter(2011));
    EXPECT_FALSE(m_window->view().from.has_value());
    EXPECT_TRUE(m_window->statusBar()->currentMessage().contains(QStringLiteral("one year")));
    auto *range = timeline->findChild<QToolButton *>(QStringLiteral("timelineRange"));
    ASSERT_NE(range, nullptr);
    EXPECT_FALSE(range->isEnabled());
    // In growth/decline, from–to starts as the span the map showed (2023–2024), never a start left from before.
    QTest::keyClick(m_map, Qt::Key_G);
    EXPECT_TRUE(range->isEnabled());
    range->click();
    EXPECT_EQ(m_window->column().from, 2023);
    EXPECT_EQ(m_window->column().year, 2024);
    range->click();
    // Shift-click chooses the start of a change: 2011 → 2024 at the end.
    QTest::mouseClick(timeline, Qt::LeftButton, Qt::ShiftModifier, timeline->cellCenter(2011));
    EXPECT_EQ(m_window->column().from, 2011);
    EXPECT_EQ(m_window->column().year, 2024);
    // A click before the start moves the start there and keeps the end, saying so: 2005–2024.
    QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->cellCenter(2005));
    EXPECT_EQ(m_window->column().from, 2005);
    EXPECT_EQ(m_window->column().year, 2024);
    EXPECT_TRUE(m_window->statusBar()->currentMessage().contains(QStringLiteral("2005–2024")));
    QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->cellCenter(2011));
    EXPECT_EQ(m_window->column().year, 2011);
    // 2000, the first year with data, can start a change in growth mode.
    QTest::mouseClick(timeline, Qt::LeftButton, Qt::ShiftModifier, timeline->cellCenter(2000));
    EXPECT_EQ(m_window->column().from, 2000);
    EXPECT_EQ(m_window->column().year, 2011);
    EXPECT_TRUE(m_window->column().find(QStringLiteral("370000"))->value.has_value());
}

TEST_F(MainWindowTest, SearchFindsAPrefectureByPinyinAndGoesThere)
{
    EXPECT_TRUE(m_window->goTo(QStringLiteral("430100")));
    EXPECT_TRUE(label("breadcrumb").contains(QStringLiteral("湖南省")));
    EXPECT_TRUE(label("regionName").contains(QStringLiteral("长沙市")));
    EXPECT_FALSE(m_window->goTo(QStringLiteral("999999")));
}

TEST_F(MainWindowTest, WheelZoomsAndTheViewResets)
{
    const core::BoxD full = m_map->renderer().viewBox();
    QWheelEvent wheel(QPointF(m_map->rect().center()), m_map->mapToGlobal(QPointF(m_map->rect().center())), QPoint(),
                      QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_map, &wheel);
    EXPECT_LT(m_map->renderer().viewBox().width(), full.width() * 0.7);
    EXPECT_FALSE(m_map->renderer().showsInset());
    QTest::keyClick(m_map, Qt::Key_0);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(m_map->renderer().viewBox().width() - full.width()) < 1, 2000);
}

TEST_F(MainWindowTest, ExportedPngHasTheSizeAndTheColourAtAProvince)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("map.png"));
    ui::MapRenderer &r = m_map->renderer();
    r.setLabelLanguage(ui::LabelLanguage::None); // labels sit on the interior points
    ASSERT_TRUE(ui::exportMap(r, path, {ui::ExportSize::atScale(2), false}).ok());
    const QImage image(path);
    ASSERT_EQ(image.size(), QSize(1700, 1200));
    const QRectF layout(0, 0, 850, 600);
    const QPoint guangdong = (*r.devicePointOf(QStringLiteral("440000"), layout) * 2).toPoint();
    EXPECT_EQ(image.pixelColor(guangdong).rgb(), core::sequentialPalette(5).back().rgb());
    // 85 mm at 300 dpi: 85 / 25.4 × 300 = 1004 pixels wide, and the file says 300 dpi.
    const QString print = dir.filePath(QStringLiteral("print.png"));
    ASSERT_TRUE(ui::exportMap(r, print, {ui::ExportSize::forPrint(85, 300), false}).ok());
    const QImage printed(print);
    EXPECT_EQ(printed.width(), 1004);
    EXPECT_NEAR(printed.dotsPerMeterX() * 0.0254, 300, 0.5);
}

TEST_F(MainWindowTest, ARefusedExportLeavesTheEarlierFileIntact)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("map.pdf"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("the user's earlier file");
    }
    const core::Status refused = ui::exportMap(m_map->renderer(), path, {ui::ExportSize::atScale(1), false});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, core::Error::Code::Exists);
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), QByteArray("the user's earlier file"));
    // A directory where the file should go: an error, nothing written.
    const core::Status intoDir = ui::exportMap(m_map->renderer(), dir.path() + QStringLiteral("/sub.png"), {});
    EXPECT_TRUE(intoDir.ok());
    QDir(dir.path()).mkdir(QStringLiteral("taken.png"));
    EXPECT_FALSE(ui::exportMap(m_map->renderer(), dir.filePath(QStringLiteral("taken.png")), {ui::ExportSize::atScale(1), true}).ok());
}

TEST_F(MainWindowTest, ReportPackWritesEveryFile)
{
    clickUnit(QStringLiteral("370000"));
    QTemporaryDir dir;
    ASSERT_TRUE(m_window->writeReportPack(dir.path(), false).ok());
    for (const char *name : {"map.png", "map.pdf", "chart.png", "chart.svg", "data.csv", "sources.txt"})
        EXPECT_GT(QFileInfo(dir.filePath(QString::fromLatin1(name))).size(), 100) << name;
    QFile csv(dir.filePath(QStringLiteral("data.csv")));
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QByteArray data = csv.readAll();
    EXPECT_TRUE(data.startsWith("\xEF\xBB\xBF" "code,name_zh,name_en,year,value,unit,source,flag,note,rank,from_year\n"));
    EXPECT_TRUE(data.contains(QStringLiteral("370000,山东省,Shandong,2024,100800000,persons,nbs-annual-pypsa,estimate").toUtf8()));
    QFile sources(dir.filePath(QStringLiteral("sources.txt")));
    ASSERT_TRUE(sources.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(sources.readAll());
    EXPECT_TRUE(text.contains(QStringLiteral("[nbs-annual-pypsa]")));
    EXPECT_TRUE(text.contains(QStringLiteral("[cn-atlas]")));
    // A second pack into the same folder is refused without permission to replace.
    EXPECT_FALSE(m_window->writeReportPack(dir.path(), false).ok());
}

// View → Classes: the method, the number, the palette and the same classes for every year are part of the
// view (saved, undone) and decide the map's classes.
TEST_F(MainWindowTest, ClassesMenuChoosesMethodNumberPaletteAndSameClassesEveryYear)
{
    const auto trigger = [&](const QString &name) {
        auto *a = m_window->findChild<QAction *>(name);
        ASSERT_NE(a, nullptr) << name.toStdString();
        a->trigger();
    };
    // The timeline and play keep one set of classes by default; first this year's own.
    EXPECT_TRUE(m_window->view().classes.sameEveryYear);
    trigger(QStringLiteral("classes_same_true")); // unchecks it
    ASSERT_FALSE(m_window->view().classes.sameEveryYear);
    trigger(QStringLiteral("classes_method_jenks"));
    trigger(QStringLiteral("classes_count_4"));
    trigger(QStringLiteral("classes_palette_Blues"));
    EXPECT_EQ(m_window->view().classes.method, QStringLiteral("jenks"));
    const auto jenks = core::JenksClassification().classes(m_window->column().values(), 4, QStringLiteral("persons"));
    ASSERT_EQ(m_window->classes().size(), jenks.size());
    for (size_t i = 0; i < jenks.size(); ++i)
        EXPECT_DOUBLE_EQ(m_window->classes()[i].upper, jenks[i].upper) << i;
    EXPECT_EQ(pixel(QStringLiteral("440000")), core::findPalette(QStringLiteral("Blues"))->colorsFor(4).back());
    // A saved view keeps the choice.
    const auto reread = core::View::fromText(m_window->view().toText(), QStringLiteral("test"));
    ASSERT_TRUE(reread.ok());
    EXPECT_EQ(reread->classes, m_window->view().classes);

    // The same classes in 2020 and in 2024, each year counting its own units.
    trigger(QStringLiteral("classes_same_true"));
    ASSERT_TRUE(m_window->view().classes.sameEveryYear);
    core::View v = m_window->view();
    v.year = 2020;
    m_window->setView(v);
    const auto in2020 = m_window->classes();
    v.year = 2024;
    m_window->setView(v);
    const auto in2024 = m_window->classes();
    ASSERT_EQ(in2020.size(), in2024.size());
    for (size_t i = 0; i < in2020.size(); ++i) {
        EXPECT_DOUBLE_EQ(in2020[i].lower, in2024[i].lower) << i;
        EXPECT_DOUBLE_EQ(in2020[i].upper, in2024[i].upper) << i;
    }
    // Undo steps back through the choices.
    auto *undo = m_window->findChild<QUndoStack *>();
    ASSERT_NE(undo, nullptr);
    while (m_window->view().classes.sameEveryYear && undo->canUndo())
        undo->undo();
    EXPECT_FALSE(m_window->view().classes.sameEveryYear);
}

TEST_F(MainWindowTest, EditCopiesTheMapAndTheChartAsImages)
{
    QGuiApplication::clipboard()->clear();
    m_window->findChild<QAction *>(QStringLiteral("copyMapImage"))->trigger();
    EXPECT_EQ(QGuiApplication::clipboard()->image().size(), QSize(1700, 1200));
    QGuiApplication::clipboard()->clear();
    m_window->findChild<QAction *>(QStringLiteral("copyChartImage"))->trigger(); // nothing selected: no chart
    EXPECT_TRUE(QGuiApplication::clipboard()->image().isNull());
    clickUnit(QStringLiteral("370000"));
    m_window->findChild<QAction *>(QStringLiteral("copyChartImage"))->trigger();
    const QImage chart = QGuiApplication::clipboard()->image();
    EXPECT_EQ(chart.size(), QSize(1700, 1200));
    int drawn = 0; // drawn, not blank
    for (int y = 0; y < chart.height(); y += 8)
        for (int x = 0; x < chart.width(); x += 8)
            drawn += chart.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
    EXPECT_GT(drawn, 500);
}

TEST_F(MainWindowTest, ReportPackWithoutASelectionHasNoBlankChart)
{
    ASSERT_TRUE(m_window->view().selection.isEmpty());
    QTemporaryDir dir;
    ASSERT_TRUE(m_window->writeReportPack(dir.path(), false).ok());
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("chart.png"))));
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("chart.svg"))));
    EXPECT_TRUE(QFileInfo::exists(dir.filePath(QStringLiteral("map.pdf"))));
    QFile sources(dir.filePath(QStringLiteral("sources.txt")));
    ASSERT_TRUE(sources.open(QIODevice::ReadOnly));
    EXPECT_TRUE(QString::fromUtf8(sources.readAll()).contains(QStringLiteral("the pack has no chart")));
}

TEST_F(MainWindowTest, ChartMarksSeriesBreaksAndIndexesToACommonYear)
{
    clickUnit(QStringLiteral("370000"));
    const auto *chart = m_window->findChild<ui::ChartPanel *>(QStringLiteral("chartPanel"));
    std::vector<int> breakYears;
    for (const ui::ChartBreak &b : chart->drawnBreaks())
        breakYears.push_back(b.year);
    // Every series break notes.csv gives Shandong within its plotted years is drawn, and nothing else.
    std::vector<int> expected;
    const std::vector<int> plotted = chart->plottedYears();
    for (const core::Note *n : tables().notes.forUnit(QStringLiteral("370000"), core::Level::Province))
        if (n->kind == u"series_break" && n->year && *n->year > plotted.front() && *n->year <= plotted.back())
            expected.push_back(*n->year);
    std::sort(expected.begin(), expected.end());
    std::sort(breakYears.begin(), breakYears.end());
    ASSERT_GE(expected.size(), 2u); // the 2010 and 2020 census revisions at least
    EXPECT_EQ(breakYears, expected);
    const auto revision2010 = std::find_if(chart->drawnBreaks().begin(), chart->drawnBreaks().end(),
                                           [](const ui::ChartBreak &b) { return b.year == 2010; });
    ASSERT_NE(revision2010, chart->drawnBreaks().end());
    EXPECT_TRUE(revision2010->text.contains(QStringLiteral("revision, not migration")));
    auto *mode = m_window->findChild<QComboBox *>(QStringLiteral("chartMode"));
    ASSERT_NE(mode, nullptr);
    mode->setCurrentIndex(1);
    clickUnit(QStringLiteral("440000"), Qt::ControlModifier);
    ASSERT_EQ(chart->seriesCount(), 2);
    EXPECT_TRUE(chart->leftOut().isEmpty());
    EXPECT_EQ(chart->plottedYears(0).front(), 2000);
}

// "Births or migration?": the components of Heilongjiang's change in one chart, the years without vital rates as
// the change alone (said in the caption); two units as small multiples.
TEST_F(MainWindowTest, ComponentsOfChangeOfOneUnitAndSmallMultiplesOfSeveral)
{
    auto *mode = m_window->findChild<QComboBox *>(QStringLiteral("chartMode"));
    const auto *chart = m_window->findChild<ui::ChartPanel *>(QStringLiteral("chartPanel"));
    clickUnit(QStringLiteral("230000"));
    mode->setCurrentIndex(int(core::ChartMode::Components));
    std::vector<int> expected;
    for (const core::ChangeComponents &c : core::componentsOfChange(tables().context(), *tables().regions.find(QStringLiteral("230000"), core::Level::Province)))
        expected.push_back(c.year);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(chart->plottedYears(), expected);
    EXPECT_EQ(chart->chartCount(), 1);
    EXPECT_TRUE(chart->title().contains(QStringLiteral("natural increase and net migration"))) << chart->title().toStdString();
    EXPECT_TRUE(label("chartCaption").contains(QStringLiteral("Net migration is a residual")));
    clickUnit(QStringLiteral("220000"), Qt::ControlModifier);
    EXPECT_EQ(chart->chartCount(), 2);
    EXPECT_EQ(chart->seriesCount(), 2);
    EXPECT_EQ(m_window->view().chartMode, core::ChartMode::Components);
}

// The scatter of components under the chart: every province with both rates, Heilongjiang losing by births and
// by departures; linked to the map both ways (hover rings, a click selects).
TEST_F(MainWindowTest, ScatterOfComponentsIsLinkedToTheMap)
{
    auto *mode = m_window->findChild<QComboBox *>(QStringLiteral("chartMode"));
    auto *scatter = m_window->findChild<ui::ComponentsScatter *>(QStringLiteral("componentsScatter"));
    ASSERT_NE(scatter, nullptr);
    EXPECT_FALSE(scatter->isVisible());
    clickUnit(QStringLiteral("230000"));
    mode->setCurrentIndex(int(core::ChartMode::Components));
    ASSERT_TRUE(scatter->isVisible());
    ASSERT_TRUE(scatter->span().has_value());
    EXPECT_EQ(scatter->span()->second, scatter->span()->first + 1);
    EXPECT_TRUE(scatter->title().contains(core::yearsLabel(scatter->span()->first, scatter->span()->second))) << scatter->title().toStdString();
    EXPECT_GE(scatter->pointCount(), 16) << "at least half the provinces";
    {
        // On screen its title is whole (Qt cuts a chart title wider than the chart: "…2022–2…").
        QCoreApplication::processEvents();
        const QChart *c = scatter->findChild<QChartView *>()->chart();
        EXPECT_LE(QFontMetricsF(c->titleFont()).horizontalAdvance(c->title()), c->size().width() - 40) << c->title().toStdString();
        EXPECT_TRUE(c->title().contains(core::yearsLabel(scatter->span()->first, scatter->span()->second)));
    }
    const auto hlj = scatter->pointOf(QStringLiteral("230000"));
    ASSERT_TRUE(hlj.has_value());
    EXPECT_LT(hlj->x(), 0) << "more deaths than births";
    EXPECT_LT(hlj->y(), 0) << "more leave than arrive";
    // The numbers behind it, and a picture of it for an export.
    EXPECT_TRUE(scatter->numbersTsv().startsWith(QStringLiteral("code\tname_zh\tname_en\tfrom_year\tyear\tnatural_increase_rate")));
    EXPECT_TRUE(scatter->numbersTsv().contains(QStringLiteral("230000\t黑龙江省\tHeilongjiang\t%1\t%2\t-")
                                                   .arg(scatter->span()->first).arg(scatter->span()->second)));
    QCoreApplication::processEvents(); // the chart's layout
    const auto before = scatter->positionOf(QStringLiteral("440000"));
    QImage picture(850, 600, QImage::Format_RGB32);
    {
        QPainter painter(&picture);
        scatter->render(painter, QRectF(0, 0, 850, 600), scatter->texts());
    }
    int dark = 0;
    for (int y = 0; y < picture.height(); y += 2)
        for (int x = 0; x < picture.width(); x += 2)
            dark += qGray(picture.pixel(x, y)) < 128 ? 1 : 0;
    EXPECT_GT(dark, 500) << "axes, points and text drawn";
    QCoreApplication::processEvents();
    EXPECT_EQ(scatter->positionOf(QStringLiteral("440000")), before) << "the screen's scatter as it was";
    // Map → scatter.
    emit m_map->regionHovered(QStringLiteral("440000"));
    EXPECT_EQ(scatter->highlighted(), QStringLiteral("440000"));
    // Scatter → map.
    auto *side = m_window->findChild<ui::SidePanel *>(QStringLiteral("sidePanel"));
    emit side->unitHovered(QStringLiteral("370000"));
    ASSERT_GE(m_map->renderer().hovered(), 0);
    EXPECT_EQ(m_map->renderer().layer()->features()[size_t(m_map->renderer().hovered())].code, QStringLiteral("370000"));
    // A click on Guangdong's point selects Guangdong.
    const auto at = scatter->positionOf(QStringLiteral("440000"));
    ASSERT_TRUE(at.has_value());
    auto *viewport = scatter->findChild<QChartView *>()->viewport();
    const QPoint p = viewport->mapFrom(scatter, *at);
    QTest::mouseMove(viewport, p);
    QTest::mousePress(viewport, Qt::LeftButton, {}, p);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, p);
    EXPECT_EQ(m_window->view().selection, QStringList{QStringLiteral("440000")});
}

// The chart's export asks for the same texts as the map's: title, subtitle, note and source line, each
// shown greyed as made from the data, in the figure language chosen.
TEST_F(MainWindowTest, ChartExportOffersEveryTextInTheFigureLanguage)
{
    clickUnit(QStringLiteral("370000"));
    QStringList english, chinese;
    const DialogDriver driver([&](QDialog *dialog) {
        auto *language = dialog->findChild<QComboBox *>(QStringLiteral("exportLanguage"));
        const auto placeholders = [dialog] {
            QStringList out;
            for (int i = 0; i < 4; ++i) {
                auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("exportText%1").arg(i));
                out << (edit ? edit->placeholderText() : QStringLiteral("(none)"));
            }
            return out;
        };
        if (language) {
            language->setCurrentIndex(language->findData(int(core::Language::English)));
            english = placeholders();
            language->setCurrentIndex(language->findData(int(core::Language::Chinese)));
            chinese = placeholders();
        }
        dialog->reject();
    });
    m_window->findChild<QAction *>(QStringLiteral("exportChart"))->trigger();
    ASSERT_EQ(english.size(), 4);
    EXPECT_EQ(english[0], QStringLiteral("Shandong: resident population, 2000–2024"));
    EXPECT_EQ(english[1], QStringLiteral("Unit: persons."));
    EXPECT_TRUE(english[3].startsWith(QStringLiteral("Source: National Bureau of Statistics"))) << english[3].toStdString();
    ASSERT_EQ(chinese.size(), 4);
    EXPECT_TRUE(chinese[0].startsWith(QStringLiteral("山东省"))) << chinese[0].toStdString();
    EXPECT_TRUE(chinese[3].contains(QStringLiteral("国家统计局"))) << chinese[3].toStdString();
    EXPECT_EQ(core::currentLanguage(), core::Language::English) << "the window's language is switched back";
}

// What the author typed for a figure is offered again at its next export (a print and a web version).
TEST_F(MainWindowTest, AnExportOffersTheAuthorsTextsAgain)
{
    clickUnit(QStringLiteral("370000"));
    int asked = 0;
    QString offered;
    const DialogDriver driver([&](QDialog *dialog) {
        if (auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("exportText0"))) {
            ++asked;
            offered = title->text();
            title->setText(QStringLiteral("Shandong's people"));
            dialog->accept();
        } else {
            dialog->reject(); // the file dialog: no file this time
        }
    });
    auto *exportChart = m_window->findChild<QAction *>(QStringLiteral("exportChart"));
    exportChart->trigger();
    EXPECT_EQ(asked, 1);
    EXPECT_TRUE(offered.isEmpty());
    exportChart->trigger();
    EXPECT_EQ(asked, 2);
    EXPECT_EQ(offered, QStringLiteral("Shandong's people"));
}

TEST_F(MainWindowTest, ChangeFromTheYearBeforeAndShareOfTheProvince)
{
    auto *mode = m_window->findChild<QComboBox *>(QStringLiteral("chartMode"));
    const auto *chart = m_window->findChild<ui::ChartPanel *>(QStringLiteral("chartPanel"));
    clickUnit(QStringLiteral("370000"));
    mode->setCurrentIndex(2);
    // A change needs the year before: a bar for every year whose predecessor has a value, and no other.
    const std::vector<int> have = years(QStringLiteral("370000"));
    std::vector<int> expected;
    for (int y : have)
        if (std::find(have.begin(), have.end(), y - 1) != have.end())
            expected.push_back(y);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(chart->plottedYears(), expected);
    EXPECT_EQ(chart->plottedYears().back(), 2024);

    // Changsha's share of Hunan in 2020, summed here from the tables, matches capital_share_pct.
    ASSERT_TRUE(m_window->goTo(QStringLiteral("430100")));
    mode->setCurrentIndex(3);
    const auto &store = tables().population;
    double hunan = 0;
    for (const core::Region *r : tables().regions.members(*tables().regions.find(QStringLiteral("430000"), core::Level::Province)))
        hunan += store.value(r->code, 2020, QStringLiteral("resident_population"))->value;
    const double share = store.value(QStringLiteral("430100"), 2020, QStringLiteral("resident_population"))->value / hunan * 100;
    const auto capital = core::computeColumn(tables().context(), core::Level::Province,
                                             core::findIndicator(store, QStringLiteral("capital_share_pct")).value(), 2020);
    EXPECT_NEAR(*capital.find(QStringLiteral("430000"))->value, share, 1e-9);
    EXPECT_EQ(chart->plottedYears(), (std::vector<int>{2000, 2010, 2020}));
}

TEST_F(MainWindowTest, APrefectureShowsItsCensus2010Against2020)
{
    ASSERT_TRUE(m_window->goTo(QStringLiteral("430100")));
    const auto *census = m_window->findChild<QLabel *>(QStringLiteral("censusComparison"));
    ASSERT_NE(census, nullptr);
    EXPECT_TRUE(census->isVisible());
    const QString text = census->text();
    const auto &store = tables().population;
    const double p2010 = censusCount(QStringLiteral("430100"), 2010).value();
    const double p2020 = censusCount(QStringLiteral("430100"), 2020).value();
    const double urban2020 = store.value(QStringLiteral("430100"), 2020, QStringLiteral("urban_population"))->value / p2020 * 100;
    EXPECT_TRUE(text.contains(core::formatFull(p2010, QStringLiteral("persons")))) << text.toStdString();
    EXPECT_TRUE(text.contains(core::formatFull(p2020, QStringLiteral("persons"))));
    EXPECT_TRUE(text.contains(QStringLiteral("+") + core::formatFull(p2020 - p2010, QStringLiteral("persons"))));
    EXPECT_TRUE(text.contains(QString::number(urban2020, 'f', 1) + QStringLiteral(" %")));
    EXPECT_TRUE(text.contains(QStringLiteral("Census (1 November)")));
    // Hangzhou has a year-end estimate for 2020 beside its census count: the comparison gives the count.
    ASSERT_TRUE(m_window->goTo(QStringLiteral("330100")));
    const double hz2020 = censusCount(QStringLiteral("330100"), 2020).value();
    EXPECT_TRUE(census->text().contains(core::formatFull(hz2020, QStringLiteral("persons")))) << census->text().toStdString();
    for (const core::Observation &o : store.observations(QStringLiteral("330100"), 2020, QStringLiteral("resident_population"))) {
        if (o.flag != u"census" && o.value != hz2020) {
            EXPECT_FALSE(census->text().contains(core::formatFull(o.value, QStringLiteral("persons"))));
        }
    }
    // A province shows no census comparison.
    QTest::keyClick(m_map, Qt::Key_Backspace);
    clickUnit(QStringLiteral("370000"));
    EXPECT_FALSE(census->isVisible());
}

TEST_F(MainWindowTest, AfterTwoFlightsTheMapIsDrawnAtFullDetailAgain)
{
    // goTo drills into Hunan (one flight) and flies on to Changsha (a second one, stopping the first).
    ASSERT_TRUE(m_window->goTo(QStringLiteral("430100")));
    QTRY_VERIFY_WITH_TIMEOUT(!m_map->isFlying(), 3000);
    EXPECT_FALSE(m_map->renderer().isInteractive());
    QTest::mouseDClick(m_map, Qt::LeftButton, {}, pointOf(QStringLiteral("430100")));
    QTest::keyClick(m_map, Qt::Key_Backspace);
    QTRY_VERIFY_WITH_TIMEOUT(!m_map->isFlying(), 3000);
    EXPECT_FALSE(m_map->renderer().isInteractive());
}

namespace {
/// Closes every modal dialog as it opens and keeps its text, so that interactive flows run unattended.
class DialogCloser {
public:
    DialogCloser()
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            QWidget *w = QApplication::activeModalWidget();
            if (!w)
                return;
            if (auto *box = qobject_cast<QMessageBox *>(w))
                texts << box->text() + u'\n' + box->informativeText();
            w->close();
        });
        m_timer.start();
    }
    QStringList texts;

private:
    QTimer m_timer;
};

QString writeFile(const QTemporaryDir &dir, const char *name, const char *text)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(text);
    return path;
}
} // namespace

TEST_F(MainWindowTest, AnOwnWideTableAddsAYearToTheMapWithItsSource)
{
    QTemporaryDir dir;
    // Hand-made numbers for a year the bundle does not have.
    const QString path = writeFile(dir, "bulletin.csv", "code,name,2099\n370000,山东省,100000000\n440000,广东省,128000000\n");
    const auto result = m_window->addTable(path, core::WideTableSpec{QStringLiteral("resident_population"),
                                                                     QStringLiteral("persons"), {}});
    ASSERT_TRUE(result.ok()) << result.error().toString().toStdString();
    auto *timeline = m_window->findChild<ui::Timeline *>();
    ASSERT_NE(timeline, nullptr);
    EXPECT_EQ(timeline->dataYears().back(), 2099);
    timeline->stepForward(); // from the latest year of the bundle to the next with data: 2099
    QTest::qWait(20);
    const core::ColumnEntry *shandong = m_window->column().find(QStringLiteral("370000"));
    ASSERT_NE(shandong, nullptr);
    ASSERT_TRUE(shandong->value.has_value());
    EXPECT_EQ(*shandong->value, 1e8);
    EXPECT_EQ(shandong->source, QStringLiteral("bulletin.csv"));
    // A province the table leaves out has no data in 2099, not 0.
    EXPECT_FALSE(m_window->column().find(QStringLiteral("110000"))->value.has_value());
}

TEST_F(MainWindowTest, DroppingATableAddsItAndShowsTheReport)
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, "mine.csv",
                                   "code,year,indicator,value,unit,source,flag\n370000,2099,resident_population,99000000,persons,mine,estimate\n");
    DialogCloser closer;
    auto *mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QTRY_VERIFY_WITH_TIMEOUT(!closer.texts.isEmpty(), 5000);
    EXPECT_TRUE(closer.texts.front().contains(QStringLiteral("Added 1 value of resident_population (2099) from mine.csv")))
        << closer.texts.front().toStdString();
    delete mime;
    // A broken file dropped next is refused with a message naming it, and the first table stays.
    const QString bad = QStringLiteral(RENKOU_TEST_DATA) + QStringLiteral("/bad/population_negative.csv");
    m_window->openFiles({bad});
    QTRY_VERIFY_WITH_TIMEOUT(closer.texts.size() == 2, 5000);
    EXPECT_TRUE(closer.texts[1].contains(QStringLiteral("population_negative.csv: line 2"))) << closer.texts[1].toStdString();
    EXPECT_EQ(m_window->findChild<ui::Timeline *>()->dataYears().back(), 2099);
}

TEST_F(MainWindowTest, OwnBoundariesReplaceThePrefectureLayer)
{
    core::BoundaryImportOptions options;
    options.level = core::Level::Prefecture;
    const auto join = m_window->replaceBoundaries(QStringLiteral(RENKOU_TEST_DATA) + QStringLiteral("/own/duplicate_codes.geojson"), options);
    ASSERT_TRUE(join.ok()) << join.error().toString().toStdString();
    EXPECT_EQ(join->dissolved, QStringList{QStringLiteral("370100 (2 features)")});
    EXPECT_EQ(m_window->findChild<QComboBox *>(QStringLiteral("levelBox"))->currentData().toInt(), int(core::Level::Prefecture));
    ASSERT_NE(m_map->renderer().layer(), nullptr);
    EXPECT_EQ(m_map->renderer().layer()->features().size(), 2u); // Jinan's two features are one unit
    // The map still answers a click on the new layer.
    clickUnit(QStringLiteral("110100"));
    EXPECT_TRUE(label("regionName").contains(QStringLiteral("北京"))) << label("regionName").toStdString();
}

TEST_F(MainWindowTest, RankingOrdersUnitsByValueInTheMapColoursAndHighlightsTheSelection)
{
    auto *ranking = m_window->findChild<ui::RankingView *>(QStringLiteral("rankingView"));
    ASSERT_NE(ranking, nullptr);
    const QStringList order = ranking->order();
    ASSERT_EQ(order.size(), 34);
    // Guangdong has the most residents; Taiwan, Hong Kong and Macao have no annual data and come last.
    EXPECT_EQ(order.front(), QStringLiteral("440000"));
    for (const char *last : {"710000", "810000", "820000"})
        EXPECT_GE(order.indexOf(QString::fromLatin1(last)), 31) << last;
    for (int i = 1; i < 31; ++i)
        EXPECT_GE(*m_window->column().find(order[i - 1])->value, *m_window->column().find(order[i])->value);
    // The bar has the colour the map gives the unit.
    EXPECT_EQ(ranking->barColor(QStringLiteral("370000")), pixel(QStringLiteral("370000")));
    // Clicking Shandong on the map highlights its row; clicking a row selects its unit.
    clickUnit(QStringLiteral("370000"));
    EXPECT_TRUE(ranking->isHighlighted(QStringLiteral("370000")));
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("sideTabs"));
    tabs->setCurrentIndex(tabs->count() - 1);
    QTest::qWait(20);
    QTest::mouseClick(ranking, Qt::LeftButton, {}, ranking->rowRect(QStringLiteral("410000")).center());
    EXPECT_TRUE(label("regionName").contains(QStringLiteral("河南"))) << label("regionName").toStdString();
    EXPECT_TRUE(ranking->isHighlighted(QStringLiteral("410000")));
    EXPECT_FALSE(ranking->isHighlighted(QStringLiteral("370000")));
}

TEST(BoundaryImportDialogTest, ChoosingAnotherLayerListsItsFieldsAndTheLevelTheyMatch)
{
    const QString path = QStringLiteral(RENKOU_TEST_DATA) + QStringLiteral("/own/two_layers.topojson");
    auto attributes = core::BoundaryLayer::attributes(path, QStringLiteral("provinces"));
    ASSERT_TRUE(attributes.ok());
    app::BoundaryImportDialog dialog(path, std::move(attributes).value(), tables().keys());
    auto *layer = dialog.findChild<QComboBox *>(QStringLiteral("boundaryLayer"));
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(dialog.options().level, core::Level::Province);
    EXPECT_EQ(dialog.options().codeField, QStringLiteral("code"));
    layer->setCurrentText(QStringLiteral("cities"));
    const core::BoundaryImportOptions options = dialog.options();
    EXPECT_EQ(options.layerName, QStringLiteral("cities"));
    EXPECT_EQ(options.codeField, QStringLiteral("adcode"));
    EXPECT_EQ(options.level, core::Level::Prefecture);
    EXPECT_TRUE(dialog.findChild<QLabel *>(QStringLiteral("joinPreview"))->text().startsWith(QStringLiteral("2 of 2 features")));
}

// hostile/09: a level switch, a drill-down and back each clear the selection, and the side panel with it;
// it never goes on describing a unit and year the map no longer shows.
TEST_F(MainWindowTest, TheSidePanelFollowsTheSelectionThroughLevelSwitchesAndDrillDowns)
{
    const QString prompt = label("regionName");
    clickUnit(QStringLiteral("440000"));
    ASSERT_TRUE(label("regionName").contains(QStringLiteral("广东省")));
    ASSERT_FALSE(label("regionDetails").isEmpty());
    auto *levelBox = m_window->findChild<QComboBox *>(QStringLiteral("levelBox"));
    levelBox->setCurrentIndex(levelBox->findData(int(core::Level::Prefecture)));
    EXPECT_EQ(label("regionName"), prompt);
    EXPECT_TRUE(label("regionDetails").isEmpty());
    EXPECT_FALSE(label("chartCaption").contains(QStringLiteral("Unit:")));
    const auto *chart = m_window->findChild<ui::ChartPanel *>(QStringLiteral("chartPanel"));
    EXPECT_EQ(chart->seriesCount(), 0);
    levelBox->setCurrentIndex(levelBox->findData(int(core::Level::Province)));
    // Drill into Guangdong with it selected, then back out: cleared each time.
    clickUnit(QStringLiteral("440000"));
    ASSERT_TRUE(label("regionName").contains(QStringLiteral("广东省")));
    QTest::mouseDClick(m_map, Qt::LeftButton, {}, pointOf(QStringLiteral("440000")));
    EXPECT_EQ(label("regionName"), prompt);
    ASSERT_TRUE(m_window->goTo(QStringLiteral("440100")));
    ASSERT_TRUE(label("regionName").contains(QStringLiteral("广州市")));
    QTest::keyClick(m_map, Qt::Key_Backspace);
    EXPECT_EQ(label("regionName"), prompt);
    EXPECT_TRUE(label("regionDetails").isEmpty());
}

// hostile/04: a named pipe opened as a table (or as boundaries) is refused with a message naming it, and
// the window keeps answering meanwhile.
TEST_F(MainWindowTest, OpeningANamedPipeNeitherFreezesTheWindowNorHangs)
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo.csv"));
    ASSERT_EQ(QProcess::execute(QStringLiteral("mkfifo"), {fifo}), 0);
    const QString fifoMap = dir.filePath(QStringLiteral("fifo.geojson"));
    ASSERT_EQ(QProcess::execute(QStringLiteral("mkfifo"), {fifoMap}), 0);
    DialogCloser closer;
    m_window->openFiles({fifo});
    QTRY_VERIFY_WITH_TIMEOUT(closer.texts.size() == 1, 5000);
    EXPECT_TRUE(closer.texts[0].contains(fifo));
    EXPECT_TRUE(closer.texts[0].contains(QStringLiteral("is not a regular file"))) << closer.texts[0].toStdString();
    m_window->openFiles({fifoMap});
    QTRY_VERIFY_WITH_TIMEOUT(closer.texts.size() == 2, 5000);
    EXPECT_TRUE(closer.texts[1].contains(QStringLiteral("is not a regular file"))) << closer.texts[1].toStdString();
    // Still answering: a click selects.
    clickUnit(QStringLiteral("370000"));
    EXPECT_TRUE(label("regionName").contains(QStringLiteral("山东省")));
}

// A message left open after an import is never covered by the finished import's busy dialog (which once
// showed itself after 4 s, window-modal, and locked the window).
TEST_F(MainWindowTest, NoBusyDialogReturnsOverAMessageLeftOpen)
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, "slow_reader.csv",
                                   "code,year,indicator,value,unit,source,flag\n370000,2098,resident_population,9,persons,mine,estimate\n");
    std::optional<bool> busyShown;
    QTimer watcher;
    watcher.setInterval(50);
    QObject::connect(&watcher, &QTimer::timeout, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->property("watched").toBool())
            return;
        box->setProperty("watched", true);
        QTimer::singleShot(4600, box, [&busyShown, box] {
            bool shown = false;
            for (const QProgressDialog *d : box->parentWidget()->findChildren<QProgressDialog *>())
                shown = shown || d->isVisible();
            busyShown = shown;
            box->close();
        });
    });
    watcher.start();
    m_window->openFiles({path});
    QTRY_VERIFY_WITH_TIMEOUT(busyShown.has_value(), 15000);
    EXPECT_FALSE(*busyShown);
}

// A key that names no unit is shown with the closest units; the user assigns it, and the value goes to that
// unit; the choice is offered again for the same file.
TEST_F(MainWindowTest, UnmatchedKeysAreAssignedByTheUserAndRemembered)
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, "typo.csv", "指标：年末常住人口(万人)\n地区,2097年\n北京市,2189\nShandnog,10080\n");
    int shownTimes = 0;
    QStringList texts;
    QTimer driver;
    driver.setInterval(30);
    QObject::connect(&driver, &QTimer::timeout, [&] {
        QWidget *w = QApplication::activeModalWidget();
        if (!w)
            return;
        if (auto *assign = qobject_cast<app::KeyAssignmentDialog *>(w)) {
            ++shownTimes;
            auto *table = assign->findChild<QTableWidget *>(QStringLiteral("keyAssignments"));
            if (shownTimes == 1) {
                EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("Shandnog"));
                EXPECT_EQ(table->item(0, 1)->data(Qt::UserRole).toString(), QString()); // left out unless chosen
                table->editItem(table->item(0, 1)); // as a click on the unit does
                auto *choice = table->findChild<QComboBox *>();
                ASSERT_NE(choice, nullptr);
                EXPECT_TRUE(choice->itemText(1).contains(QStringLiteral("山东省"))) << choice->itemText(1).toStdString(); // closest first
                const int shandong = choice->findData(QStringLiteral("370000"));
                choice->setCurrentIndex(shandong);
                emit choice->activated(shandong);
                EXPECT_TRUE(table->item(0, 1)->text().contains(QStringLiteral("山东省")));
            } else {
                EXPECT_EQ(table->item(0, 1)->data(Qt::UserRole).toString(), QStringLiteral("370000")); // remembered
            }
            assign->accept();
        } else if (auto *box = qobject_cast<QMessageBox *>(w)) {
            texts << box->text() + u'\n' + box->informativeText();
            box->close();
        } else if (auto *dialog = qobject_cast<QDialog *>(w)) {
            dialog->accept(); // the wide-table dialog: resident_population as prefilled
        }
    });
    driver.start();
    m_window->openFiles({path});
    QTRY_VERIFY_WITH_TIMEOUT(texts.size() == 1, 10000);
    EXPECT_TRUE(texts[0].contains(QStringLiteral("your choice"))) << texts[0].toStdString();
    auto *timeline = m_window->findChild<ui::Timeline *>();
    ASSERT_EQ(timeline->dataYears().back(), 2097);
    QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->cellCenter(2097));
    ASSERT_EQ(m_window->column().year, 2097);
    EXPECT_EQ(*m_window->column().find(QStringLiteral("370000"))->value, 100800000); // Shandnog, 万人 → persons
    EXPECT_EQ(*m_window->column().find(QStringLiteral("110000"))->value, 21890000);
    // The same file again: the dialog offers the remembered choice (the import is then refused as loaded).
    m_window->openFiles({path});
    QTRY_VERIFY_WITH_TIMEOUT(texts.size() == 2, 10000);
    EXPECT_EQ(shownTimes, 2);
}

// A table of one indicator of the user's own is on the map at once, in its latest year, under its name.
TEST_F(MainWindowTest, AnOwnIndicatorIsShownAsSoonAsItIsAdded)
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, "mine.csv",
                                   "code,year,indicator,value,unit,source,flag\n370000,2021,my_index,7.5,points,mine,estimate\n"
                                   "370000,2022,my_index,8.5,points,mine,estimate\n440000,2022,my_index,9.5,points,mine,estimate\n");
    const auto result = m_window->addTable(path);
    ASSERT_TRUE(result.ok()) << result.error().toString().toStdString();
    EXPECT_EQ(m_window->column().indicator.name, QStringLiteral("my_index"));
    EXPECT_EQ(m_window->column().year, 2022);
    EXPECT_EQ(*m_window->column().find(QStringLiteral("440000"))->value, 9.5);
    EXPECT_TRUE(m_map->renderer().title().contains(QStringLiteral("my_index"))) << m_map->renderer().title().toStdString();
}

// The view survives a restart: set by real clicks and keys, the window closed and a new one opened with the
// same settings shows the same view, and the CLI renders its saved view to the same pixels as the window's
// export.
TEST_F(MainWindowTest, AViewSurvivesARestartAndTheCliDrawsTheSamePixels)
{
    // An own table of one indicator (shown at once: a step of its own) that the restart reads again.
    QTemporaryDir own;
    const QString mine = writeFile(own, "mine.csv", "code,year,indicator,value,unit,source,flag\n370000,2015,my_index,7.5,points,mine,estimate\n");
    ASSERT_TRUE(m_window->addTable(mine).ok());
    auto *indicators = m_window->findChild<QComboBox *>(QStringLiteral("indicatorBox"));
    indicators->setCurrentIndex(indicators->findData(QStringLiteral("population")));
    clickUnit(QStringLiteral("370000"));
    clickUnit(QStringLiteral("440000"), Qt::ControlModifier);
    auto *timeline = m_window->findChild<ui::Timeline *>(QStringLiteral("timeline"));
    QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->cellCenter(2015));
    QTest::keyClick(m_map, Qt::Key_G); // growth / decline
    auto *mode = m_window->findChild<QComboBox *>(QStringLiteral("chartMode"));
    mode->setCurrentIndex(1); // indexed, as a pick in the list does
    const core::View before = m_window->view();
    EXPECT_EQ(before.selection, (QStringList{QStringLiteral("370000"), QStringLiteral("440000")}));
    EXPECT_EQ(before.year, 2015);
    EXPECT_TRUE(before.growth);
    EXPECT_EQ(before.chartMode, core::ChartMode::Indexed);
    EXPECT_EQ(m_window->column().indicator.name, QStringLiteral("change"));

    m_window->close();
    m_window = std::make_unique<app::MainWindow>(QStringLiteral(RENKOU_BUNDLE_DIR)); // QSettings kept
    m_window->resize(1400, 900);
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->view().sameContent(before), 20000);
    m_map = m_window->findChild<ui::MapView *>(QStringLiteral("mapView"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_map->isFlying(), 5000);
    EXPECT_EQ(m_window->column().indicator.name, QStringLiteral("change"));
    EXPECT_EQ(m_window->column().year, 2015);
    EXPECT_FALSE(m_window->undoStack()->canUndo()); // the restored view is the start, not a step
    EXPECT_EQ(m_window->findChild<QComboBox *>(QStringLiteral("chartMode"))->currentIndex(), 1);

    QTemporaryDir dir;
    const QString viewFile = dir.filePath(QStringLiteral("shrinking.renkou"));
    ASSERT_TRUE(m_window->view().save(viewFile).ok());
    const QString windowPng = dir.filePath(QStringLiteral("window.png"));
    ASSERT_TRUE(ui::exportMap(m_map->renderer(), windowPng, {ui::ExportSize::atScale(1), true}).ok());
    const QString cliPng = dir.filePath(QStringLiteral("cli.png"));
    QProcess cli;
    cli.start(QStringLiteral(RENKOU_CLI), {QStringLiteral("map"), QStringLiteral("--data"), QStringLiteral(RENKOU_BUNDLE_DIR),
                                           QStringLiteral("--view"), viewFile, QStringLiteral("--out"), cliPng});
    ASSERT_TRUE(cli.waitForFinished(60000));
    ASSERT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    const QImage a(windowPng), b(cliPng);
    ASSERT_EQ(a.size(), b.size());
    EXPECT_TRUE(a == b) << "the CLI's map of the view differs from the window's export";

    // The chart too: the selection in the view's chart mode (indexed), as the side panel shows it.
    const QString windowChart = dir.filePath(QStringLiteral("window-chart.png"));
    auto *side = m_window->findChild<ui::SidePanel *>();
    ASSERT_NE(side, nullptr);
    ASSERT_TRUE(ui::exportPicture(windowChart, {ui::ExportSize::atScale(1), true},
                                  [side](QPainter &p, const QRectF &r) { side->renderChart(p, r, side->chartTexts()); })
                    .ok());
    const QString cliChart = dir.filePath(QStringLiteral("cli-chart.png"));
    cli.start(QStringLiteral(RENKOU_CLI), {QStringLiteral("chart"), QStringLiteral("--data"), QStringLiteral(RENKOU_BUNDLE_DIR),
                                           QStringLiteral("--view"), viewFile, QStringLiteral("--out"), cliChart});
    ASSERT_TRUE(cli.waitForFinished(60000));
    ASSERT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    EXPECT_TRUE(QImage(windowChart) == QImage(cliChart)) << "the CLI's chart of the view differs from the window's export";
}

// Ctrl+Z and Ctrl+Shift+Z undo and redo view changes; a plain click that dropped a comparison is undone.
TEST_F(MainWindowTest, UndoAndRedoThroughTheKeyboard)
{
    clickUnit(QStringLiteral("370000"));
    clickUnit(QStringLiteral("440000"), Qt::ControlModifier);
    clickUnit(QStringLiteral("410000")); // a plain click: the comparison of two is gone
    EXPECT_EQ(m_window->view().selection, QStringList{QStringLiteral("410000")});
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(m_window->view().selection, (QStringList{QStringLiteral("370000"), QStringLiteral("440000")}));
    EXPECT_TRUE(m_window->findChild<QLabel *>(QStringLiteral("regionName"))->text().contains(QStringLiteral("广东省")));
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(m_window->view().selection, QStringList{QStringLiteral("410000")});
    // The indicator too: undone, the box and the map go back.
    auto *indicators = m_window->findChild<QComboBox *>(QStringLiteral("indicatorBox"));
    const int density = indicators->findData(QStringLiteral("density"));
    ASSERT_GE(density, 0);
    indicators->setCurrentIndex(density);
    EXPECT_EQ(m_window->column().indicator.name, QStringLiteral("density"));
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(m_window->column().indicator.name, QStringLiteral("population"));
    EXPECT_EQ(indicators->currentData().toString(), QStringLiteral("population"));
}

// Boundaries of the user's that hold under half of the level's units say so on the map (field case 07 holds
// Hainan alone).
TEST_F(MainWindowTest, BoundariesOfAFewUnitsSaySoOnTheMap)
{
    const auto join = m_window->replaceBoundaries(
        QStringLiteral(RENKOU_CASES_DIR "/field/07-multipart-units/minimal_hainan_two_parts.geojson"), {});
    ASSERT_TRUE(join.ok()) << join.error().toString().toStdString();
    EXPECT_TRUE(m_map->renderer().notes().contains(QStringLiteral("hold only 1 of the 34 provinces")))
        << m_map->renderer().notes().toStdString();
}

namespace {
/// The map of `view` as renderView() draws it, small.
QImage drawn(const core::DataBundle &b, const core::View &view)
{
    ui::MapRenderer r;
    ui::renderView(r, b, view);
    QImage image(425, 300, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    r.paint(p, QRectF(image.rect()));
    return image;
}
} // namespace

// Every field of a view changes what is drawn: the map's fields the map, the chart's fields the chart.
TEST(ViewFields, EachFieldChangesWhatIsDrawn)
{
    const core::DataBundle &b = everything();
    core::View base;
    base.year = 2020;
    const QImage plain = drawn(b, base);
    const std::vector<std::pair<const char *, std::function<void(core::View &)>>> mapFields = {
        {"level", [](core::View &v) { v.level = core::Level::Prefecture; }},
        {"indicator", [](core::View &v) { v.indicator = QStringLiteral("density"); }},
        {"year", [](core::View &v) { v.year = 2010; }},
        {"growth", [](core::View &v) { v.growth = true; }},
        {"drill", [](core::View &v) { v.drill = QStringLiteral("330000"); }},
        {"selection", [](core::View &v) { v.selection = {QStringLiteral("370000")}; }},
        {"labels", [](core::View &v) { v.englishLabels = true; }},
        {"extent", [](core::View &v) { v.extent = core::BoxD{-1e6, 2e6, 1e6, 4e6}; }}};
    for (const auto &[name, change] : mapFields) {
        core::View v = base;
        change(v);
        EXPECT_FALSE(drawn(b, v) == plain) << name << " draws the same map";
    }
    // A change's start year, and the scale within a drilled province, against views that have them.
    core::View growth = base;
    growth.growth = true;
    core::View from = growth;
    from.from = 2010;
    EXPECT_FALSE(drawn(b, from) == drawn(b, growth)) << "from";
    core::View drill = base;
    drill.drill = QStringLiteral("330000");
    core::View within = drill;
    within.scaleWithin = true;
    EXPECT_FALSE(drawn(b, within) == drawn(b, drill)) << "scale within";
    // The chart's fields: mode and base year.
    const std::vector<const core::Region *> units = {b.regions.find(QStringLiteral("370000"), core::Level::Province)};
    const auto population = core::findIndicator(b.population, QStringLiteral("population")).value();
    const auto values = ui::trendChart(b, units, population, core::ChartMode::Values, std::nullopt);
    const auto indexed = ui::trendChart(b, units, population, core::ChartMode::Indexed, std::nullopt);
    const auto indexed2010 = ui::trendChart(b, units, population, core::ChartMode::Indexed, 2010);
    EXPECT_NE(values.title, indexed.title);
    EXPECT_NE(indexed.title, indexed2010.title);
    EXPECT_EQ(indexed2010.baseYear, 2010);
}

// A density's tooltip: the value rounded for reading, and no population change beside it.
TEST_F(MainWindowTest, ADensityTooltipIsRoundedAndHasNoPopulationChange)
{
    const QString population = m_map->tooltipAt(pointOf(QStringLiteral("460000")));
    EXPECT_TRUE(population.contains(QStringLiteral("Change since"))) << population.toStdString();
    auto *indicators = m_window->findChild<QComboBox *>(QStringLiteral("indicatorBox"));
    indicators->setCurrentIndex(indicators->findData(QStringLiteral("density")));
    const QString density = m_map->tooltipAt(pointOf(QStringLiteral("460000")));
    EXPECT_FALSE(density.contains(QStringLiteral("Change since"))) << density.toStdString();
    EXPECT_TRUE(QRegularExpression(QStringLiteral("<b>[\\d,]+\\.\\d persons per km²</b>")).match(density).hasMatch()) << density.toStdString();
}

// A loss reads with a true minus sign in the side panel and the tooltip ("−330,000"), as on the map.
TEST_F(MainWindowTest, ALossReadsWithATrueMinusSign)
{
    auto *indicators = m_window->findChild<QComboBox *>(QStringLiteral("indicatorBox"));
    indicators->setCurrentIndex(indicators->findData(QStringLiteral("change")));
    clickUnit(QStringLiteral("230000")); // Heilongjiang lost residents in every recent year
    const QString details = label("regionDetails");
    EXPECT_TRUE(details.contains(QChar(0x2212))) << details.toStdString();
    EXPECT_FALSE(QRegularExpression(QStringLiteral("(^|\\s)-\\d")).match(details).hasMatch()) << details.toStdString();
    const QString tip = m_map->tooltipAt(pointOf(QStringLiteral("230000")));
    EXPECT_TRUE(tip.contains(QStringLiteral("<b>\u2212"))) << tip.toStdString();
}

namespace {
/// Codes of the units of `column` that have a value.
QSet<QString> codesWithValues(const core::Column &column)
{
    QSet<QString> out;
    for (const core::ColumnEntry &e : column.entries)
        if (e.value)
            out.insert(e.region->code);
    return out;
}

/// Codes of the features of `r`'s layer that are filled (not hatched as no data).
QSet<QString> filledCodes(const ui::MapRenderer &r)
{
    QSet<QString> out;
    for (size_t i = 0; i < r.fills().size() && r.layer(); ++i)
        if (r.fills()[i])
            out.insert(r.layer()->features()[i].code);
    return out;
}

/// `renkou-cli table` of `view`'s level, indicator and years as JSON: the codes with a value, and the years
/// of its rows ("2020–2024").
std::pair<QSet<QString>, QSet<QString>> cliTable(const core::View &view, const QString &indicator)
{
    QStringList args = {QStringLiteral("table"), QStringLiteral("--data"), QStringLiteral(RENKOU_BUNDLE_DIR), QStringLiteral("--level"),
                        core::levelName(view.level), QStringLiteral("--indicator"), indicator, QStringLiteral("--format"), QStringLiteral("json")};
    if (view.from)
        args << QStringLiteral("--from") << QString::number(*view.from) << QStringLiteral("--to") << QString::number(*view.year);
    else
        args << QStringLiteral("--year") << QString::number(*view.year);
    QProcess cli;
    cli.start(QStringLiteral(RENKOU_CLI), args);
    EXPECT_TRUE(cli.waitForFinished(60000));
    EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    QSet<QString> codes, years;
    for (const QJsonValue &row : QJsonDocument::fromJson(cli.readAllStandardOutput()).array()) {
        const QJsonObject o = row.toObject();
        if (!o.value(QStringLiteral("value")).isNull())
            codes.insert(o.value(QStringLiteral("code")).toString());
        const int to = o.value(QStringLiteral("year")).toInt();
        years.insert(o.value(QStringLiteral("from_year")).isNull() ? QString::number(to)
                                                                    : QStringLiteral("%1–%2").arg(o.value(QStringLiteral("from_year")).toInt()).arg(to));
    }
    return {codes, years};
}
} // namespace

// The one rule for time, over the bundle: for every level × indicator × (year | span), the window's map, its
// table, an export of the view and `renkou-cli table` agree on which units have values and name the same years.
TEST_F(MainWindowTest, EveryViewShowsExactlyTheYearsItNames)
{
    const core::DataBundle &b = everything();
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("numbersTable"));
    ASSERT_NE(table, nullptr);
    int views = 0, cliRuns = 0;
    for (core::Level level : {core::Level::Province, core::Level::Prefecture, core::Level::Region}) {
        for (const core::IndicatorInfo &info : core::availableIndicators(b.population)) {
            const std::vector<std::pair<int, std::optional<int>>> periods =
                info.spansYears ? std::vector<std::pair<int, std::optional<int>>>{{2024, 2020}, {2004, 2003}, {2010, 2000}}
                                : std::vector<std::pair<int, std::optional<int>>>{{2024, {}}, {2003, {}}};
            for (const auto &[year, from] : periods) {
                core::View v;
                v.level = level;
                v.indicator = info.name;
                v.year = year;
                v.from = from;
                m_window->setView(v);
                ++views;
                const QString label = from ? QStringLiteral("%1–%2").arg(*from).arg(year) : QString::number(year);
                const std::string what = (core::levelName(level) + u' ' + info.name + u' ' + label).toStdString();
                const core::Column &column = m_window->column();
                // The years asked, and no others, in the column and the map's title.
                ASSERT_EQ(column.year, year) << what;
                ASSERT_EQ(column.from, from) << what;
                EXPECT_TRUE(m_map->renderer().title().contains(label)) << what;
                // The window's map colours exactly the units with values.
                const QSet<QString> values = codesWithValues(column);
                EXPECT_EQ(filledCodes(m_map->renderer()), values) << what;
                // The table lists the same values.
                QSet<QString> listed;
                for (int row = 0; row < table->model()->rowCount(); ++row) {
                    const QString value = table->model()->index(row, ui::ColumnModel::Value).data(ui::ColumnModel::FullTextRole).toString();
                    if (value != u"no data")
                        listed.insert(table->model()->index(row, ui::ColumnModel::Code).data().toString());
                }
                EXPECT_EQ(listed, values) << what;
                // An export draws the view as the window does.
                ui::MapRenderer exported;
                ui::renderView(exported, b, v);
                EXPECT_EQ(filledCodes(exported), values) << what;
                EXPECT_EQ(exported.title(), m_map->renderer().title()) << what;
                EXPECT_EQ(exported.subtitle(), m_map->renderer().subtitle()) << what;
                EXPECT_EQ(exported.notes(), m_map->renderer().notes()) << what;
                // The CLI's table, for the indicators of change and of population (a process each: not all).
                if (info.name == u"change" || info.name == u"population") {
                    const auto [cliCodes, cliYears] = cliTable(v, info.name);
                    EXPECT_EQ(cliCodes, values) << what;
                    EXPECT_EQ(cliYears, QSet<QString>{label}) << what;
                    ++cliRuns;
                }
            }
        }
    }
    EXPECT_GT(views, 150);
    EXPECT_EQ(cliRuns, 15);
}

// Prefecture-level units 2020→2024 (release 5's partial year-end estimates): only units with both years are
// coloured (Hangzhou +659,000 from its 2020 year-end estimate); the rest are no data, said on the map.
TEST_F(MainWindowTest, APrefectureChangeColoursOnlyUnitsWithBothYears)
{
    core::View v;
    v.level = core::Level::Prefecture;
    v.indicator = QStringLiteral("change");
    v.year = 2024;
    v.from = 2020;
    m_window->setView(v);
    const core::ColumnEntry *hangzhou = m_window->column().find(QStringLiteral("330100"));
    ASSERT_NE(hangzhou, nullptr);
    ASSERT_TRUE(hangzhou->value.has_value());
    EXPECT_DOUBLE_EQ(*hangzhou->value, 659000);
    const core::ColumnEntry *beijing = m_window->column().find(QStringLiteral("110100"));
    ASSERT_NE(beijing, nullptr);
    EXPECT_FALSE(beijing->value.has_value());
    EXPECT_FALSE(m_map->renderer().fills()[size_t(m_map->renderer().layer()->indexOf(QStringLiteral("110100")))].has_value());
    EXPECT_TRUE(m_map->renderer().title().contains(QStringLiteral("2020–2024")));
    // In Zhejiang: the province's 11 units only, ranked among themselves, counted so in the legend.
    m_window->drillInto(QStringLiteral("330000"));
    EXPECT_EQ(m_window->column().entries.size(), 11u);
    EXPECT_EQ(m_window->column().find(QStringLiteral("330100"))->rank, 1);
    int counted = 0;
    for (const core::ClassRange &c : m_window->classes())
        counted += c.count;
    EXPECT_EQ(counted, int(m_window->column().values().size()));
    m_window->drillOut();
    // 2020 is the census count for most of them, the year-end estimate for the three that have one: said so, by name.
    EXPECT_TRUE(m_map->renderer().notes().contains(
        QStringLiteral("2020: census counts of 1 November; year-end estimates for Hangzhou, Ningbo, Wuhan. 2024: year-end estimates.")))
        << m_map->renderer().notes().toStdString();
}

// Years without data: a banner offers the nearest years, the map shows the years asked as no data, and the banner
// stays through a drill-down and back; one click shows the nearest years.
TEST_F(MainWindowTest, ABannerOffersTheNearestYearsAndSurvivesDrillDown)
{
    core::View v;
    v.level = core::Level::Prefecture;
    v.year = 2003;
    m_window->setView(v);
    auto *banner = m_window->findChild<QFrame *>(QStringLiteral("yearBanner"));
    auto *button = m_window->findChild<QPushButton *>(QStringLiteral("yearBannerButton"));
    ASSERT_NE(banner, nullptr);
    ASSERT_NE(button, nullptr);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_EQ(button->text(), QStringLiteral("Show 2000 instead"));
    EXPECT_TRUE(codesWithValues(m_window->column()).isEmpty());
    EXPECT_TRUE(m_map->renderer().title().contains(QStringLiteral("2003")));
    m_window->drillInto(QStringLiteral("330000"));
    EXPECT_TRUE(banner->isVisible());
    EXPECT_EQ(m_window->column().year, 2003);
    EXPECT_TRUE(m_map->renderer().notes().contains(QStringLiteral("No prefecture-level units have data for 2003")));
    m_window->drillOut();
    EXPECT_TRUE(banner->isVisible());
    EXPECT_EQ(m_window->column().year, 2003);
    // An export carries the banner's words in its notes line.
    ui::MapRenderer exported;
    ui::renderView(exported, everything(), m_window->view());
    EXPECT_TRUE(exported.notes().contains(QStringLiteral("Nearest year with data: 2000.")));
    QTest::mouseClick(button, Qt::LeftButton);
    EXPECT_EQ(m_window->column().year, 2000);
    EXPECT_FALSE(codesWithValues(m_window->column()).isEmpty());
    EXPECT_FALSE(banner->isVisible());
}

// The NBS regions are a level of the window: the Northeast lost 11.3 million between 2010 and 2020, in one view.
TEST_F(MainWindowTest, TheNbsRegionsAreALevel)
{
    auto *levels = m_window->findChild<QComboBox *>(QStringLiteral("levelBox"));
    ASSERT_NE(levels, nullptr);
    levels->setCurrentIndex(levels->findData(int(core::Level::Region)));
    EXPECT_GE(m_map->renderer().layer()->indexOf(QStringLiteral("Northeast")), 0);
    core::View v = m_window->view();
    v.indicator = QStringLiteral("change");
    v.year = 2020;
    v.from = 2010;
    m_window->setView(v);
    const core::ColumnEntry *northeast = m_window->column().find(QStringLiteral("Northeast"));
    ASSERT_NE(northeast, nullptr);
    ASSERT_TRUE(northeast->value.has_value());
    EXPECT_DOUBLE_EQ(*northeast->value, -11300000);
    // The side panel follows: the region's values and trend (the sum of its provinces).
    m_window->selectRegion(QStringLiteral("Northeast"));
    EXPECT_TRUE(label("regionDetails").contains(QStringLiteral("2010–2020"))) << label("regionDetails").toStdString();
    EXPECT_FALSE(label("chartCaption").contains(QStringLiteral("No resident population data")));
    // A switch of level leaves no region described beside a province map.
    levels->setCurrentIndex(levels->findData(int(core::Level::Province)));
    EXPECT_TRUE(m_window->view().selection.isEmpty());
    EXPECT_FALSE(label("regionName").contains(QStringLiteral("Northeast")));
}

// Help → Data sources lists every source of the loaded data with its vintage and licence.
TEST_F(MainWindowTest, HelpListsTheDataSourcesWithTheirLicences)
{
    QAction *action = nullptr;
    for (QAction *a : m_window->findChildren<QAction *>())
        action = a->text() == u"&Data sources…" ? a : action;
    ASSERT_NE(action, nullptr);
    action->trigger();
    auto *table = m_window->findChild<QTableWidget *>(QStringLiteral("dataSourcesTable"));
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->rowCount(), tables().sources.size());
    bool found = false;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == u"nbs-annual-pypsa") {
            found = true;
            EXPECT_EQ(table->item(row, 4)->text(), tables().sources.find(QStringLiteral("nbs-annual-pypsa"))->version);
            EXPECT_EQ(table->item(row, 5)->text(), tables().sources.find(QStringLiteral("nbs-annual-pypsa"))->license);
        }
    }
    EXPECT_TRUE(found);
    table->window()->close();
}

// A map in the other language than the window's, written on a worker thread while the window keeps drawing,
// again and again: the files are the figure's, the window keeps its language, nothing breaks.
TEST_F(MainWindowTest, MapsInTheOtherLanguageAreWrittenBesideTheWindow)
{
    QTemporaryDir dir;
    ASSERT_TRUE(core::setLanguage(core::Language::Chinese));
    // The window rebuilds its widgets in the new language: the map view is found again.
    const auto title = [&] {
        const auto *map = m_window->findChild<ui::MapView *>(QStringLiteral("mapView"));
        return map ? map->renderer().title() : QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(title().contains(QStringLiteral("常住人口")), 5000);
    QTest::qWait(100);
    // The window is not rebuilt in the figure's language and back (which, started from a menu, deleted
    // the menu bar under it): the same menu bar throughout.
    const QMenuBar *menuBar = m_window->menuBar();
    for (int i = 0; i < 2; ++i) {
        for (const char *name : {"en.png", "en.pdf", "en.svg"}) {
            const QString path = dir.filePath(QString::fromLatin1(name));
            const auto written = m_window->writeMap(path, {ui::ExportSize::forPrint(180, 150), true}, core::Language::English);
            ASSERT_TRUE(written.ok()) << written.error().toString().toStdString();
            QTest::qWait(20);
        }
    }
    QFile svg(dir.filePath(QStringLiteral("en.svg")));
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    const QString xml = QString::fromUtf8(svg.readAll());
    EXPECT_TRUE(xml.contains(QStringLiteral("Resident population by province"))) << "an English title";
    EXPECT_TRUE(xml.contains(QStringLiteral(">Heilongjiang<"))) << "English labels";
    EXPECT_EQ(core::currentLanguage(), core::Language::Chinese);
    QTest::qWait(50);
    EXPECT_EQ(m_window->menuBar(), menuBar);
    EXPECT_TRUE(title().contains(QStringLiteral("常住人口"))) << title().toStdString();
    core::setLanguage(core::Language::English);
    QTest::qWait(50);
}
