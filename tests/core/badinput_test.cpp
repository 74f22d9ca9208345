// The bad-input corpus (tests/data/bad): every file is refused with a message that names the file, the line
// or feature, and the problem, or accepted with the warning a user needs; nothing already loaded is lost.
#include "databundle.h"
#include "view.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace renkou::core;
using renkou::test::dataPath;

namespace {

enum class Loader { Table, Boundaries, Regions, Sources, Notes, View };

/// Opens a table as the app does: the layout from the header; a wide table holds resident population.
Result<TableImport> importTable(DataBundle &bundle, const QString &path)
{
    auto layout = PopulationStore::detectLayout(path);
    if (!layout)
        return layout.error();
    if (layout.value() == TableLayout::Wide)
        return bundle.addTable(path, WideTableSpec{QStringLiteral("resident_population"), QStringLiteral("persons"), {}});
    return bundle.addTable(path);
}

/// The error of loading `file` with `loader` into `bundle`, or nullopt if it loaded.
std::optional<Error> load(DataBundle &bundle, Loader loader, const QString &path)
{
    auto errorOf = [](const auto &result) { return result ? std::nullopt : std::optional<Error>(result.error()); };
    switch (loader) {
    case Loader::Table: return errorOf(importTable(bundle, path));
    case Loader::Boundaries: return errorOf(bundle.replaceBoundaries(path, {}));
    case Loader::Regions: return errorOf(RegionTable::load(path));
    case Loader::Sources: return errorOf(SourceTable::load(path));
    case Loader::Notes: return errorOf(NoteTable::load(path));
    case Loader::View: return errorOf(View::load(path));
    }
    return std::nullopt;
}

DataBundle fixtureBundle()
{
    auto b = DataBundle::load(dataPath(QStringLiteral("bundle")));
    EXPECT_TRUE(b.ok()) << b.error().toString().toStdString();
    return std::move(b).value();
}

struct Refused {
    const char *file;
    Loader loader;
    const char *where; ///< "" for the whole file
    const char *problem;
};

const Refused kRefused[] = {
    {"population_text_value.csv", Loader::Table, "line 3", "'many' is not a finite number"},
    {"population_negative.csv", Loader::Table, "line 2", "cannot be negative"},
    {"population_bad_year.csv", Loader::Table, "line 2", "'20x0' is not a year"},
    {"population_infinite.csv", Loader::Table, "line 2", "'inf' is not a finite number"},
    {"population_nan.csv", Loader::Table, "line 2", "'NaN' is not a finite number"},
    {"population_overflow.csv", Loader::Table, "line 2", "'1e400' is not a finite number"},
    {"population_huge.csv", Loader::Table, "line 2", "more than 10 billion"},
    {"population_bad_flag.csv", Loader::Table, "line 2", "flag 'guess' is not census or estimate"},
    {"population_bad_code.csv", Loader::Table, "line 2", "no row names a unit of regions.csv (keys such as '11000'"},
    {"population_empty_value.csv", Loader::Table, "line 2", "the value is empty"},
    {"population_unit_conflict.csv", Loader::Table, "line 2", "unit '%' here but 'persons' elsewhere"},
    {"population_no_source.csv", Loader::Table, "line 2", "the source is empty"},
    {"population_duplicate_row.csv", Loader::Table, "line 4", "repeats line 2"},
    {"population_short_row.csv", Loader::Table, "line 3", "has 6 fields"},
    {"population_missing_flag.csv", Loader::Table, "line 1", "missing: flag"},
    {"population_wrong_header.csv", Loader::Table, "line 1", "missing: year, value"},
    {"population_header_only.csv", Loader::Table, "", "has no rows with a value"},
    {"wide_text_cell.csv", Loader::Table, "line 3, column 2021", "'abc' is not a finite number"},
    {"wide_duplicate_year.csv", Loader::Table, "line 1", "year 2020 has two columns"},
    {"wide_duplicate_code.csv", Loader::Table, "line 3", "repeats line 2"},
    {"wide_bad_code.csv", Loader::Table, "line 2", "no row names a unit of regions.csv (keys such as '11000'"},
    {"wide_negative.csv", Loader::Table, "line 2", "cannot be negative"},
    {"gbk.csv", Loader::Table, "line 1", "neither the long layout"}, // read as GB18030, but no table of ours
    {"binary.csv", Loader::Table, "", "not a text file"},
    {"empty.csv", Loader::Table, "", "is empty"},
    {"unclosed_quote.csv", Loader::Table, "", "quote"},
    {"directory.geojson", Loader::Table, "", "is a directory"},
    {"truncated.geojson", Loader::Boundaries, "", "is not a vector file GDAL can read"},
    {"truncated.xlsx", Loader::Table, "", "is not a workbook GDAL can read"},
    {"echarts_bad_offsets.json", Loader::Boundaries, "feature 1", "ECharts map with encoded coordinates (UTF8Encoding): a ring cannot be decoded"},
    {"broken_json.geojson", Loader::Boundaries, "", "is not a vector file GDAL can read"},
    {"empty.geojson", Loader::Boundaries, "", "is not a vector file GDAL can read"},
    {"directory.geojson", Loader::Boundaries, "", "is a directory with no readable vector layer"},
    {"no_features.geojson", Loader::Boundaries, "", "has no features"},
    {"no_code_field.geojson", Loader::Boundaries, "", "has none of the code fields"},
    {"running_number.geojson", Loader::Boundaries, "", "1 of the 6 values of ID read as codes of a province only as 2- or 4-digit numbers"},
    {"not_polygon.geojson", Loader::Boundaries, "feature 2 (code 370000)", "is a Line String, not a polygon"},
    {"point_geometry.geojson", Loader::Boundaries, "feature 2 (code 370000)", "is a Point, not a polygon"},
    {"null_geometry.geojson", Loader::Boundaries, "feature 1 (code 110000)", "has no geometry"},
    {"empty_code.geojson", Loader::Boundaries, "feature 2", "has an empty code"},
    {"projected_no_crs.geojson", Loader::Boundaries, "", "has no coordinate reference system"},
    {"topojson_bad_arc.json", Loader::Boundaries, "feature 1 (code 110000)", "has no geometry"},
    {"regions_bad_level.csv", Loader::Regions, "line 2", "level 'county'"},
    {"regions_duplicate.csv", Loader::Regions, "line 3", "code 110000 appears twice"},
    {"regions_missing_column.csv", Loader::Regions, "line 1", "provincial_capital"},
    {"regions_no_name.csv", Loader::Regions, "line 2", "has no name"},
    {"sources_duplicate.csv", Loader::Sources, "line 3", "'x'"},
    {"notes_missing_column.csv", Loader::Notes, "line 1", "text_zh"},
    {"view_newer.renkou", Loader::View, "", "is a view of a later Renkou (view version 99"},
    {"view_not_json.renkou", Loader::View, "byte 3", "is not JSON"},
    {"view_not_a_view.renkou", Loader::View, "", "is not a Renkou view"},
    {"view_bad_level.renkou", Loader::View, "field \"level\"", "must be \"province\", \"prefecture\" or \"region\""},
    {"view_bad_year.renkou", Loader::View, "field \"year\"", "is not a year between 1900 and 2100"},
};

/// Files of the corpus that are right and must be accepted (with the warning a user needs).
const char *const kAccepted[] = {"population_bom.csv", "population_unknown_code.csv", "self_intersecting.geojson"};

/// What a user has loaded, to see that a refused file took nothing away.
struct Snapshot {
    int rows;
    QStringList files;
    std::vector<QString> provinceCodes;
    int sources;
    explicit Snapshot(const DataBundle &b) : rows(b.population.size()), files(b.population.files()), sources(b.sources.size())
    {
        for (const Feature &f : b.provinces.features())
            provinceCodes.push_back(f.code);
    }
    bool operator==(const Snapshot &o) const
    {
        return rows == o.rows && files == o.files && provinceCodes == o.provinceCodes && sources == o.sources;
    }
};

} // namespace

TEST(BadInput, EveryFileIsRefusedNamingFileWhereAndProblemAndNothingIsLost)
{
    DataBundle bundle = fixtureBundle();
    const Snapshot before(bundle);
    for (const Refused &c : kRefused) {
        SCOPED_TRACE(c.file);
        const QString path = dataPath(QStringLiteral("bad/%1").arg(QString::fromUtf8(c.file)));
        const auto error = load(bundle, c.loader, path);
        ASSERT_TRUE(error.has_value());
        EXPECT_EQ(error->path, path);
        EXPECT_EQ(error->where, QString::fromUtf8(c.where)) << error->toString().toStdString();
        EXPECT_TRUE(error->message.contains(QString::fromUtf8(c.problem))) << error->toString().toStdString();
        // The text a user sees names the file too.
        EXPECT_TRUE(error->toString().contains(QString::fromUtf8(c.file))) << error->toString().toStdString();
        EXPECT_TRUE(Snapshot(bundle) == before);
    }
    // The fixture's values are still there.
    EXPECT_EQ(bundle.population.value(QStringLiteral("110000"), 2010, QStringLiteral("resident_population"))->value, 1100);
}

TEST(BadInput, TheCorpusHasAtLeastThirtyFilesAndEachIsTested)
{
    QSet<QString> tested;
    for (const Refused &c : kRefused)
        tested.insert(QString::fromUtf8(c.file));
    for (const char *f : kAccepted)
        tested.insert(QString::fromUtf8(f));
    const QStringList files = QDir(dataPath(QStringLiteral("bad"))).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
    EXPECT_GE(files.size(), 30);
    for (const QString &f : files)
        EXPECT_TRUE(tested.contains(f)) << f.toStdString() << " has no test";
}

TEST(BadInput, ByteOrderMarkIsAccepted)
{
    DataBundle bundle = fixtureBundle();
    const auto result = bundle.addTable(dataPath(QStringLiteral("bad/population_bom.csv")));
    ASSERT_TRUE(result.ok()) << result.error().toString().toStdString();
    EXPECT_EQ(bundle.population.value(QStringLiteral("110000"), 2013, QStringLiteral("resident_population"))->value, 1300);
}

TEST(BadInput, UnknownCodesAreLoadedAndReported)
{
    DataBundle bundle = fixtureBundle();
    const auto result = bundle.addTable(dataPath(QStringLiteral("bad/population_unknown_code.csv")));
    ASSERT_TRUE(result.ok()) << result.error().toString().toStdString();
    EXPECT_EQ(result->unknownCodes, QStringList{QStringLiteral("990100")});
    EXPECT_TRUE(result->text(bundle.regions).contains(QStringLiteral("Codes of no unit in regions.csv (1)")));
}

TEST(BadInput, SelfIntersectingPolygonIsRepairedWithAWarningNamingIt)
{
    DataBundle bundle = fixtureBundle();
    const auto join = bundle.replaceBoundaries(dataPath(QStringLiteral("bad/self_intersecting.geojson")), {});
    ASSERT_TRUE(join.ok()) << join.error().toString().toStdString();
    ASSERT_EQ(join->warnings.size(), 1);
    EXPECT_TRUE(join->warnings[0].startsWith(QStringLiteral("feature 1 (code 110000): not a valid polygon")))
        << join->warnings[0].toStdString();
    EXPECT_TRUE(join->warnings[0].contains(QStringLiteral("Self-intersection"))) << join->warnings[0].toStdString();
    // The bow tie is two triangles of half a square degree each, together about the square's area.
    const BoundaryLayer &layer = bundle.provinces;
    const int bowTie = layer.indexOf(QStringLiteral("110000"));
    const int square = layer.indexOf(QStringLiteral("370000"));
    ASSERT_GE(bowTie, 0);
    ASSERT_GE(square, 0);
    EXPECT_NEAR(area(layer.features()[size_t(bowTie)].polygons) / area(layer.features()[size_t(square)].polygons), 0.5, 0.05);
}

TEST(BadInput, MissingAndUnreadableFilesAreNamed)
{
    DataBundle bundle = fixtureBundle();
    const QString nope = dataPath(QStringLiteral("bad/nope.csv"));
    const auto missing = load(bundle, Loader::Table, nope);
    ASSERT_TRUE(missing.has_value());
    EXPECT_EQ(missing->code, Error::Code::NotFound);
    EXPECT_EQ(missing->path, nope);
    const auto missingMap = load(bundle, Loader::Boundaries, dataPath(QStringLiteral("bad/nope.geojson")));
    ASSERT_TRUE(missingMap.has_value());
    EXPECT_EQ(missingMap->code, Error::Code::NotFound);

    if (geteuid() == 0)
        GTEST_SKIP() << "root reads files without read permission";
    QTemporaryDir dir;
    const QString locked = dir.filePath(QStringLiteral("locked.csv"));
    ASSERT_TRUE(QFile::copy(dataPath(QStringLiteral("bad/population_bom.csv")), locked));
    ASSERT_TRUE(QFile::setPermissions(locked, QFileDevice::Permissions()));
    const auto unreadable = load(bundle, Loader::Table, locked);
    ASSERT_TRUE(unreadable.has_value());
    EXPECT_EQ(unreadable->path, locked);
    EXPECT_TRUE(unreadable->message.contains(QStringLiteral("cannot be read"))) << unreadable->message.toStdString();
}
