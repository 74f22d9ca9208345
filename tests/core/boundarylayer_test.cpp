#include "boundarylayer.h"
#include "spatialindex.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace renkou::core;
using renkou::test::dataPath;

namespace {

/// Converts a fixture with GDAL's own ogr2ogr, to check that reading does not depend on the format.
QString convert(const QTemporaryDir &dir, const QString &source, const QString &driver, const QString &name)
{
    const QString out = dir.filePath(name);
    QProcess p;
    p.start(QStringLiteral(RENKOU_OGR2OGR_PATH), {QStringLiteral("-f"), driver, out, source});
    p.waitForFinished(60000);
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    return out;
}

void expectSquares(const Result<BoundaryLayer> &layer)
{
    ASSERT_TRUE(layer.ok()) << layer.error().toString().toStdString();
    ASSERT_GE(layer->features().size(), 2u);
    const int beijing = layer->indexOf(QStringLiteral("110000"));
    const int shandong = layer->indexOf(QStringLiteral("370000"));
    ASSERT_GE(beijing, 0);
    ASSERT_GE(shandong, 0);
    // A point of each square, projected the same way, is found in the right feature.
    SpatialIndex index(layer.value());
    const auto inBeijing = projectPoint(Projection::chinaAlbers(), 116.5, 36.5);
    const auto inShandong = projectPoint(Projection::chinaAlbers(), 117.5, 36.5);
    const auto outside = projectPoint(Projection::chinaAlbers(), 100, 30);
    EXPECT_EQ(index.featureAt(inBeijing.value()), beijing);
    EXPECT_EQ(index.featureAt(inShandong.value()), shandong);
    EXPECT_EQ(index.featureAt(outside.value()), -1);
    // The 1° cell 116–117°E, 36–37°N covers (π/180)·R²·(sin 37° − sin 36°) ≈ 9,939 km² on the authalic
    // sphere (R = 6,371 km): the projection keeps areas.
    const double km2 = area(layer->features()[size_t(beijing)].polygons) / 1e6;
    EXPECT_NEAR(km2, 9939, 15);
}

} // namespace

TEST(BoundaryLayer, ReadsGeoJsonAndProjectsEqualArea)
{
    const auto layer = BoundaryLayer::read(dataPath(QStringLiteral("bundle/boundaries/provinces.geojson")),
                                           Projection::chinaAlbers());
    expectSquares(layer);
    EXPECT_EQ(layer->codeField(), QStringLiteral("code"));
    EXPECT_EQ(layer->features()[1].polygons.size(), 2u); // Shandong is a MultiPolygon of two parts
    EXPECT_EQ(layer->features()[1].properties.value(QStringLiteral("name_zh")), QStringLiteral("山东省"));
}

TEST(BoundaryLayer, ReadsTopoJsonGeoPackageAndShapefile)
{
    expectSquares(BoundaryLayer::read(dataPath(QStringLiteral("squares.topojson")), Projection::chinaAlbers()));
    QTemporaryDir dir;
    const QString source = dataPath(QStringLiteral("bundle/boundaries/provinces.geojson"));
    expectSquares(BoundaryLayer::read(convert(dir, source, QStringLiteral("GPKG"), QStringLiteral("p.gpkg")),
                                      Projection::chinaAlbers()));
    expectSquares(BoundaryLayer::read(convert(dir, source, QStringLiteral("ESRI Shapefile"), QStringLiteral("p.shp")),
                                      Projection::chinaAlbers()));
}

TEST(BoundaryLayer, ReadsLineLayers)
{
    BoundaryLayer::Options options;
    options.kind = BoundaryLayer::Kind::Lines;
    const auto layer =
        BoundaryLayer::read(dataPath(QStringLiteral("bundle/boundaries/lines.geojson")), Projection::chinaAlbers(), options);
    ASSERT_TRUE(layer.ok()) << layer.error().toString().toStdString();
    ASSERT_EQ(layer->features().size(), 2u);
    EXPECT_EQ(layer->features()[0].lines.size(), 2u);
    EXPECT_EQ(layer->features()[0].properties.value(QStringLiteral("kind")), QStringLiteral("nine_dash_line"));
}


TEST(Geometry, InteriorPointLiesInsideAConcaveShape)
{
    // A U shape whose centroid falls in the notch.
    const Polygon u{{{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}, {0, 0}}, {}};
    const PointD p = interiorPoint({u});
    EXPECT_TRUE(contains(u, p)) << p.x << "," << p.y;
    EXPECT_FALSE(contains(u, PointD{1.5, 2}));
    EXPECT_DOUBLE_EQ(area({u}), 7.0);
}

TEST(BoundaryLayer, CacheGivesTheSameLayerAndSurvivesACorruptEntry)
{
    QTemporaryDir cache;
    const QString path = dataPath(QStringLiteral("bundle/boundaries/provinces.geojson"));
    const auto first = BoundaryLayer::readCached(path, Projection::chinaAlbers(), {}, cache.path());
    ASSERT_TRUE(first.ok());
    const QStringList entries = QDir(cache.path()).entryList(QDir::Files);
    ASSERT_EQ(entries.size(), 1);
    const auto second = BoundaryLayer::readCached(path, Projection::chinaAlbers(), {}, cache.path());
    ASSERT_TRUE(second.ok());
    ASSERT_EQ(second->features().size(), first->features().size());
    for (size_t i = 0; i < first->features().size(); ++i) {
        EXPECT_EQ(second->features()[i].code, first->features()[i].code);
        EXPECT_EQ(second->features()[i].properties, first->features()[i].properties);
        ASSERT_EQ(second->features()[i].polygons.size(), first->features()[i].polygons.size());
        EXPECT_EQ(second->features()[i].polygons[0].outer.size(), first->features()[i].polygons[0].outer.size());
        EXPECT_DOUBLE_EQ(second->features()[i].polygons[0].outer[1].x, first->features()[i].polygons[0].outer[1].x);
    }
    EXPECT_EQ(second->indexOf(QStringLiteral("370000")), first->indexOf(QStringLiteral("370000")));
    // A damaged entry is ignored: the file is read again.
    QFile entry(QDir(cache.path()).filePath(entries.front()));
    ASSERT_TRUE(entry.open(QIODevice::WriteOnly | QIODevice::Truncate));
    entry.write("RKLC garbage");
    entry.close();
    const auto third = BoundaryLayer::readCached(path, Projection::chinaAlbers(), {}, cache.path());
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(third->features().size(), first->features().size());
}
