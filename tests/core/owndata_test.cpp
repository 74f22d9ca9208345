// The user's own tables and boundaries: wide and long tables, any OGR format and CRS, the join report.
#include "databundle.h"
#include "testpaths.h"
#include "../writefile.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QFile>
#include <gtest/gtest.h>

using namespace renkou::core;
using renkou::test::dataPath;

namespace {
DataBundle fixtureBundle()
{
    auto b = DataBundle::load(dataPath(QStringLiteral("bundle")));
    EXPECT_TRUE(b.ok()) << b.error().toString().toStdString();
    return std::move(b).value();
}

const WideTableSpec kPopulation{QStringLiteral("resident_population"), QStringLiteral("persons"), {}};
} // namespace

TEST(OwnData, LayoutIsToldFromTheHeader)
{
    EXPECT_EQ(PopulationStore::detectLayout(dataPath(QStringLiteral("own/wide_population.csv"))).value(), TableLayout::Wide);
    EXPECT_EQ(PopulationStore::detectLayout(dataPath(QStringLiteral("bundle/population/annual.csv"))).value(), TableLayout::Long);
}

TEST(OwnData, WideTableAddsOneValuePerFilledCellAndNamesItsSource)
{
    DataBundle bundle = fixtureBundle();
    const int before = bundle.population.size();
    const auto result = bundle.addTable(dataPath(QStringLiteral("own/wide_population.csv")), kPopulation);
    ASSERT_TRUE(result.ok()) << result.error().toString().toStdString();
    // 3 rows × 3 years, less one empty and one NA cell.
    EXPECT_EQ(result->table.rows, 7);
    EXPECT_EQ(result->table.noDataCells, 2);
    EXPECT_EQ(bundle.population.size(), before + 7);
    EXPECT_EQ(bundle.population.value(QStringLiteral("370000"), 2014, QStringLiteral("resident_population"))->value, 4650);
    // Missing stays missing.
    EXPECT_FALSE(bundle.population.value(QStringLiteral("110000"), 2014, QStringLiteral("resident_population")).has_value());
    EXPECT_FALSE(bundle.population.value(QStringLiteral("370000"), 2015, QStringLiteral("resident_population")).has_value());
    // The value names the file as its source, with the file's date as its vintage.
    const auto v = bundle.population.value(QStringLiteral("110000"), 2013, QStringLiteral("resident_population"));
    EXPECT_EQ(v->source, QStringLiteral("wide_population.csv"));
    const Source *s = bundle.sources.find(QStringLiteral("wide_population.csv"));
    ASSERT_NE(s, nullptr);
    EXPECT_TRUE(s->title.contains(QStringLiteral("Own table"))) << s->title.toStdString();
    EXPECT_TRUE(s->version.startsWith(QStringLiteral("file of "))) << s->version.toStdString();
    // Joined with both maps: the province units and Beijing's prefecture-level unit.
    ASSERT_EQ(result->joins.size(), 2u);
    EXPECT_EQ(result->joins[0].level, Level::Province);
    EXPECT_EQ(result->joins[0].matched, (QStringList{QStringLiteral("110000"), QStringLiteral("370000")}));
    EXPECT_EQ(result->joins[0].unmatchedOnMap, QStringList{QStringLiteral("710000")});
    EXPECT_EQ(result->joins[1].level, Level::Prefecture);
    EXPECT_EQ(result->joins[1].matched, QStringList{QStringLiteral("110100")});
    EXPECT_TRUE(result->text(bundle.regions).contains(QStringLiteral("wide layout; 2 empty cells left as no data")));
}

TEST(OwnData, TheSameTableTwiceIsRefused)
{
    DataBundle bundle = fixtureBundle();
    ASSERT_TRUE(bundle.addTable(dataPath(QStringLiteral("own/wide_population.csv")), kPopulation).ok());
    const auto again = bundle.addTable(dataPath(QStringLiteral("own/wide_population.csv")), kPopulation);
    ASSERT_FALSE(again.ok());
    EXPECT_TRUE(again.error().message.contains(QStringLiteral("already loaded")));
}

// A user's value is shown before the bundle's of the same unit, year and flag (the user loaded it to see it);
// both stay in the table view. A second user table with the same key does not hide the first.
TEST(OwnData, AUsersValueIsShownBeforeTheBundlesAndBothAreKept)
{
    DataBundle bundle = fixtureBundle();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("revision.csv"));
    renkou::test::writeFile(path, "code,year,indicator,value,unit,source,flag\n110000,2010,resident_population,1111,persons,revision,estimate\n");
    const auto result = bundle.addTable(path);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->table.replaces, 1);
    EXPECT_EQ(result->table.shadowed, 0);
    EXPECT_EQ(bundle.population.value(QStringLiteral("110000"), 2010, QStringLiteral("resident_population"))->value, 1111);
    EXPECT_EQ(bundle.population.observations(QStringLiteral("110000"), 2010, QStringLiteral("resident_population")).size(), 3u);
    EXPECT_TRUE(result->text(bundle.regions).contains(QStringLiteral("yours are shown")));
    const QString second = dir.filePath(QStringLiteral("second.csv"));
    renkou::test::writeFile(second, "code,year,indicator,value,unit,source,flag\n110000,2010,resident_population,2222,persons,other,estimate\n");
    const auto again = bundle.addTable(second);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->table.shadowed, 1);
    EXPECT_EQ(bundle.population.value(QStringLiteral("110000"), 2010, QStringLiteral("resident_population"))->value, 1111);
}

TEST(OwnData, MunicipalityCodesMatchAsTheBundleDoes)
{
    const DataBundle bundle = fixtureBundle();
    EXPECT_EQ(bundle.regions.matchCode(QStringLiteral("110000"), Level::Prefecture), QStringLiteral("110100"));
    EXPECT_EQ(bundle.regions.matchCode(QStringLiteral("110100"), Level::Province), QStringLiteral("110000"));
    EXPECT_EQ(bundle.regions.matchCode(QStringLiteral("370100"), Level::Prefecture), QStringLiteral("370100"));
    EXPECT_EQ(bundle.regions.matchCode(QStringLiteral("370100"), Level::Province), QString());
    EXPECT_EQ(bundle.regions.matchCode(QStringLiteral("370000"), Level::Prefecture), QString());
    EXPECT_EQ(bundle.regions.matchCode(QStringLiteral("710000"), Level::Prefecture), QStringLiteral("710000"));
}

TEST(OwnData, GeoPackageInWebMercatorWithAnotherCodeFieldReplacesThePrefectures)
{
    QTemporaryDir dir;
    const QString gpkg = dir.filePath(QStringLiteral("cities.gpkg"));
    // The fixture's prefectures as a GeoPackage in EPSG:3857, code field `adcode`, Beijing coded 110000.
    const int rc = QProcess::execute(QStringLiteral(RENKOU_OGR2OGR_PATH),
                                     {QStringLiteral("-f"), QStringLiteral("GPKG"), gpkg,
                                      dataPath(QStringLiteral("bundle/boundaries/prefectures.geojson")),
                                      QStringLiteral("-t_srs"), QStringLiteral("EPSG:3857"), QStringLiteral("-nln"),
                                      QStringLiteral("cities"), QStringLiteral("-dialect"), QStringLiteral("SQLite"),
                                      QStringLiteral("-sql"),
                                      QStringLiteral("SELECT CASE WHEN code = '110100' THEN '110000' ELSE code END AS adcode, "
                                                     "name_zh, geometry FROM prefectures")});
    ASSERT_EQ(rc, 0);
    const auto attributes = BoundaryLayer::attributes(gpkg);
    ASSERT_TRUE(attributes.ok()) << attributes.error().toString().toStdString();
    EXPECT_EQ(attributes->fields, (QStringList{QStringLiteral("adcode"), QStringLiteral("name_zh")}));
    ASSERT_EQ(attributes->rows.size(), 4u);
    EXPECT_EQ(attributes->rows[0].value(QStringLiteral("adcode")), QStringLiteral("110000"));

    DataBundle bundle = fixtureBundle();
    const auto original = bundle.prefectures;
    const auto join = bundle.replaceBoundaries(gpkg, {});
    ASSERT_TRUE(join.ok()) << join.error().toString().toStdString();
    EXPECT_EQ(join->level, Level::Prefecture);
    EXPECT_EQ(join->codeField, QStringLiteral("adcode"));
    EXPECT_EQ(join->recoded, QStringList{QStringLiteral("110000 → 110100")});
    EXPECT_TRUE(join->matched.contains(QStringLiteral("110100")));
    EXPECT_TRUE(join->matched.contains(QStringLiteral("370200")));
    EXPECT_TRUE(join->duplicates.isEmpty());
    // Reprojected onto the same map: Qingdao has the same area as from the GeoJSON.
    const int mine = bundle.prefectures.indexOf(QStringLiteral("370200"));
    const int theirs = original.indexOf(QStringLiteral("370200"));
    ASSERT_GE(mine, 0);
    EXPECT_NEAR(area(bundle.prefectures.features()[size_t(mine)].polygons) / area(original.features()[size_t(theirs)].polygons), 1.0, 1e-3);
    EXPECT_TRUE(bundle.areas.prefecture.contains(QStringLiteral("110100")));

    // The user picks the name field: the units are matched by their names.
    DataBundle other = fixtureBundle();
    BoundaryImportOptions byName;
    byName.codeField = QStringLiteral("name_zh");
    byName.level = Level::Prefecture;
    const auto named = other.replaceBoundaries(gpkg, byName);
    ASSERT_TRUE(named.ok()) << named.error().toString().toStdString();
    EXPECT_TRUE(named->matched.contains(QStringLiteral("370200")));
    EXPECT_TRUE(named->recoded.contains(QStringLiteral("青岛市 → 370200")));
    EXPECT_GE(other.prefectures.indexOf(QStringLiteral("370200")), 0);
}

// A field that names no unit is refused: never a map where every unit is hatched.
TEST(OwnData, BoundariesWhoseFieldNamesNoUnitAreRefused)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nothing.geojson"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"A1"},"geometry":{"type":"Polygon","coordinates":[[[116,39],[117,39],[117,40],[116,39]]]}}]})");
    f.close();
    DataBundle bundle = fixtureBundle();
    const auto before = bundle.provinces.features().size();
    const auto join = bundle.replaceBoundaries(path, {});
    ASSERT_FALSE(join.ok());
    EXPECT_TRUE(join.error().message.contains(QStringLiteral("no feature's code names a province"))) << join.error().toString().toStdString();
    EXPECT_EQ(bundle.provinces.features().size(), before);
}

TEST(OwnData, FeaturesOfOneUnitAreDissolvedAndUnitsMissingFromTheMapListed)
{
    DataBundle bundle = fixtureBundle();
    BoundaryImportOptions options;
    options.level = Level::Prefecture;
    const auto join = bundle.replaceBoundaries(dataPath(QStringLiteral("own/duplicate_codes.geojson")), options);
    ASSERT_TRUE(join.ok()) << join.error().toString().toStdString();
    // Two features of Jinan are one unit: one feature with both polygons.
    EXPECT_TRUE(join->duplicates.isEmpty());
    EXPECT_EQ(join->dissolved, QStringList{QStringLiteral("370100 (2 features)")});
    ASSERT_GE(bundle.prefectures.indexOf(QStringLiteral("370100")), 0);
    EXPECT_EQ(bundle.prefectures.features()[size_t(bundle.prefectures.indexOf(QStringLiteral("370100")))].polygons.size(), 2u);
    EXPECT_EQ(bundle.prefectures.features().size(), 2u);
    EXPECT_EQ(join->unmatchedInTable, (QStringList{QStringLiteral("370200")}));
    const QString text = join->text(bundle.regions);
    EXPECT_TRUE(text.contains(QStringLiteral("In the table, not on the map (1): 青岛市 370200"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Features of one unit joined into one (1): 370100 (2 features)"))) << text.toStdString();
}

TEST(OwnData, APrefectureTableCodingBeijingAsItsProvinceIsMatchedAsTheBundleDoes)
{
    DataBundle bundle = fixtureBundle();
    const auto result = bundle.addTable(dataPath(QStringLiteral("own/wide_prefectures.csv")), kPopulation);
    ASSERT_TRUE(result.ok()) << result.error().toString().toStdString();
    EXPECT_EQ(result->recoded, QStringList{QStringLiteral("110000 → 110100")});
    EXPECT_EQ(bundle.population.value(QStringLiteral("110100"), 2014, QStringLiteral("resident_population"))->value, 1319);
    EXPECT_FALSE(bundle.population.value(QStringLiteral("110000"), 2014, QStringLiteral("resident_population")).has_value());
    // A table of provinces keeps 110000.
    DataBundle other = fixtureBundle();
    const auto provinces = other.addTable(dataPath(QStringLiteral("own/wide_population.csv")), kPopulation);
    ASSERT_TRUE(provinces.ok());
    EXPECT_TRUE(provinces->recoded.isEmpty());
}

TEST(OwnData, AFileWithSeveralLayersReadsTheOneAskedFor)
{
    const QString path = dataPath(QStringLiteral("own/two_layers.topojson"));
    const auto first = BoundaryLayer::attributes(path);
    ASSERT_TRUE(first.ok()) << first.error().toString().toStdString();
    EXPECT_EQ(first->layers.size(), 2);
    EXPECT_TRUE(first->layers.contains(QStringLiteral("cities")));
    const auto cities = BoundaryLayer::attributes(path, QStringLiteral("cities"));
    ASSERT_TRUE(cities.ok());
    EXPECT_EQ(cities->layer, QStringLiteral("cities"));
    EXPECT_TRUE(cities->fields.contains(QStringLiteral("adcode")));

    DataBundle bundle = fixtureBundle();
    BoundaryImportOptions options;
    options.layerName = QStringLiteral("cities");
    const auto join = bundle.replaceBoundaries(path, options);
    ASSERT_TRUE(join.ok()) << join.error().toString().toStdString();
    EXPECT_EQ(join->level, Level::Prefecture);
    EXPECT_EQ(join->codeField, QStringLiteral("adcode"));
    EXPECT_EQ(join->matched, (QStringList{QStringLiteral("110100"), QStringLiteral("370100")}));
    options.layerName = QStringLiteral("counties");
    const auto missing = bundle.replaceBoundaries(path, options);
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("has no layer 'counties'"))) << missing.error().message.toStdString();
    // The refused file left the layer read before in place.
    EXPECT_GE(bundle.prefectures.indexOf(QStringLiteral("370100")), 0);
}

// Keys the user assigns go to the unit chosen, in every year; keys the user leaves out are named in the
// report, their rows not added.
TEST(OwnData, KeysAssignedOrLeftOutByTheUserAreReported)
{
    DataBundle bundle = fixtureBundle();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("typos.csv"));
    renkou::test::writeFile(path, "code,year,indicator,value,unit,source,flag\n"
                                  "Shandnog,2013,resident_population,1,persons,mine,estimate\n"
                                  "Shandnog,2014,resident_population,2,persons,mine,estimate\n"
                                  "Atlantis,2013,resident_population,3,persons,mine,estimate\n"
                                  "370000,2015,resident_population,4,persons,mine,estimate\n");
    auto parsed = PopulationStore::readTable(path, {});
    ASSERT_TRUE(parsed.ok()) << parsed.error().toString().toStdString();
    EXPECT_EQ(bundle.unmatchedKeys(parsed.value()).first, (QStringList{QStringLiteral("Shandnog"), QStringLiteral("Atlantis")}));
    const auto result = bundle.addTable(std::move(parsed).value(), {{QStringLiteral("Shandnog"), QStringLiteral("370000")},
                                                                    {QStringLiteral("Atlantis"), QString()}});
    ASSERT_TRUE(result.ok()) << result.error().toString().toStdString();
    EXPECT_EQ(result->table.rows, 3);
    EXPECT_EQ(bundle.population.value(QStringLiteral("370000"), 2014, QStringLiteral("resident_population"))->value, 2);
    EXPECT_EQ(result->leftOutByUser, QStringList{QStringLiteral("Atlantis")});
    EXPECT_TRUE(result->unmatched.isEmpty());
    const QString text = result->text(bundle.regions);
    EXPECT_TRUE(text.contains(QStringLiteral("Keys you left out, rows not added (1): Atlantis"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("1 by code, 1 by your choice"))) << text.toStdString();
}
