// Drives the real main window on the real bundle: click a province where it is drawn, look at the side panel.
#include "chartpanel.h"
#include "databundle.h"
#include "mainwindow.h"
#include "mapview.h"
#include "palette.h"

#include <QLabel>
#include <QTest>
#include <gtest/gtest.h>

using namespace renkou;

namespace {

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto bundle = core::DataBundle::load(QStringLiteral(RENKOU_BUNDLE_DIR));
        ASSERT_TRUE(bundle.ok()) << bundle.error().toString().toStdString();
        m_store = bundle->population; // kept to compute expectations independently of the window
        m_window = std::make_unique<app::MainWindow>(std::move(bundle).value());
        m_window->resize(1400, 900);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        m_map = m_window->findChild<ui::MapView *>(QStringLiteral("mapView"));
        ASSERT_NE(m_map, nullptr);
    }

    void clickProvince(const QString &code)
    {
        const auto point = m_map->pointOf(code);
        ASSERT_TRUE(point.has_value()) << code.toStdString();
        QTest::mouseClick(m_map, Qt::LeftButton, {}, point->toPoint());
    }

    QString label(const char *name) const
    {
        const auto *l = m_window->findChild<QLabel *>(QString::fromLatin1(name));
        return l ? l->text() : QString();
    }

    std::vector<int> years(const QString &code) const
    {
        std::vector<int> out;
        for (const core::Observation &o : m_store.series(code, QStringLiteral("resident_population")))
            out.push_back(o.year);
        return out;
    }

    core::PopulationStore m_store;
    std::unique_ptr<app::MainWindow> m_window;
    ui::MapView *m_map = nullptr;
};

} // namespace

TEST_F(MainWindowTest, ClickingShandongShowsItsSeries)
{
    clickProvince(QStringLiteral("370000"));
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
    EXPECT_TRUE(label("chartCaption").contains(QStringLiteral("NBS annual data table E0103"))) << label("chartCaption").toStdString();
}

TEST_F(MainWindowTest, ClickingAnotherProvinceReplacesTheSeries)
{
    clickProvince(QStringLiteral("370000"));
    clickProvince(QStringLiteral("440000"));
    EXPECT_TRUE(label("regionName").contains(QStringLiteral("广东省")));
    const auto *chart = m_window->findChild<ui::ChartPanel *>(QStringLiteral("chartPanel"));
    EXPECT_EQ(chart->plottedYears(), years(QStringLiteral("440000")));
    EXPECT_EQ(chart->plottedYears().front(), 2000); // Guangdong's back-revised series starts in 2000
}

TEST_F(MainWindowTest, TaiwanShowsNoDataAndIsHatchedNotColoured)
{
    clickProvince(QStringLiteral("710000"));
    EXPECT_TRUE(label("regionName").contains(QStringLiteral("台湾省")));
    EXPECT_TRUE(label("regionDetails").contains(QStringLiteral("no data")));
    const QImage image = m_map->grab().toImage();
    const QPoint p = m_map->pointOf(QStringLiteral("710000"))->toPoint();
    // No pixel in a small square of Taiwan has a class colour.
    const auto palette = core::sequentialPalette(5);
    for (int dx = -3; dx <= 3; ++dx) {
        for (int dy = -3; dy <= 3; ++dy) {
            const QColor c = image.pixelColor(p + QPoint(dx, dy) * image.devicePixelRatio());
            for (const QColor &classColor : palette)
                EXPECT_NE(c.rgb(), classColor.rgb());
        }
    }
}

TEST_F(MainWindowTest, LargestProvinceHasTheDarkestClassColour)
{
    // Guangdong has the largest resident population: its interior pixel is the top class colour.
    const QImage image = m_map->grab().toImage();
    const QPoint p = m_map->pointOf(QStringLiteral("440000"))->toPoint();
    EXPECT_EQ(image.pixelColor(p).rgb(), core::sequentialPalette(5).back().rgb());
    const QPoint tibet = m_map->pointOf(QStringLiteral("540000"))->toPoint();
    EXPECT_EQ(image.pixelColor(tibet).rgb(), core::sequentialPalette(5).front().rgb());
}
