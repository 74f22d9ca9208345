// Facts the real bundle must reproduce (from its README and the issue), read through the core loaders.
#include <algorithm>
#include "databundle.h"
#include "indicators.h"
#include "spatialindex.h"
#include "testpaths.h"

#include <gtest/gtest.h>

using namespace renkou::core;

namespace {
const DataBundle &bundle()
{
    static const DataBundle b = [] {
        auto r = DataBundle::load(renkou::test::bundlePath());
        if (!r)
            ADD_FAILURE() << r.error().toString().toStdString();
        return std::move(r).value();
    }();
    return b;
}

double population(const char *code, int year)
{
    const auto v = bundle().population.value(QString::fromLatin1(code), year, QStringLiteral("resident_population"));
    EXPECT_TRUE(v.has_value()) << code << " " << year;
    return v ? v->value : std::nan("");
}
} // namespace

TEST(BundleFacts, ThirtyOneProvincesHaveEveryYear2005To2024)
{
    int complete = 0;
    for (const Region *r : bundle().regions.ofLevel(Level::Province)) {
        bool all = true;
        for (int y = 2005; y <= 2024; ++y)
            all = all && bundle().population.value(r->code, y, QStringLiteral("resident_population")).has_value();
        complete += all ? 1 : 0;
    }
    EXPECT_EQ(complete, 31);
}

TEST(BundleFacts, ShandongLost430000AndXinjiangGained250000In2024)
{
    EXPECT_EQ(population("370000", 2024) - population("370000", 2023), -430000);
    EXPECT_EQ(population("650000", 2024) - population("650000", 2023), 250000);
}

TEST(BundleFacts, HangzhouCensus2020AndGuangdong2000BothRows)
{
    // The census count of 1 November 2020 is kept beside any year-end estimate of the same year.
    const auto hzRows = bundle().population.observations(QStringLiteral("330100"), 2020, QStringLiteral("resident_population"));
    const auto census = std::find_if(hzRows.begin(), hzRows.end(), [](const Observation &o) { return o.flag == QStringLiteral("census"); });
    ASSERT_NE(census, hzRows.end());
    EXPECT_EQ(census->value, 11936010);
    EXPECT_EQ(census->source, QStringLiteral("census-leiii"));
    ASSERT_NE(bundle().sources.find(census->source), nullptr);
    // Where both exist, the annual series shows the year-end estimate.
    EXPECT_EQ(bundle().population.observations(QStringLiteral("440000"), 2000, QStringLiteral("resident_population")).size(), 2u);
    EXPECT_EQ(bundle().population.value(QStringLiteral("440000"), 2000, QStringLiteral("resident_population"))->flag,
              QStringLiteral("estimate"));
}

TEST(BundleFacts, TaiwanHongKongMacaoAreDrawnWithoutAnnualData)
{
    for (const char *code : {"710000", "810000", "820000"}) {
        EXPECT_GE(bundle().provinces.indexOf(QString::fromLatin1(code)), 0) << code;
        EXPECT_FALSE(bundle().population.value(QString::fromLatin1(code), 2024, QStringLiteral("resident_population")));
    }
    EXPECT_TRUE(bundle().population.series(QStringLiteral("710000"), QStringLiteral("resident_population")).empty());
    // Hong Kong has the census-year counts of the prefecture table (same code at both levels), nothing else.
    std::vector<int> years;
    for (const Observation &o : bundle().population.series(QStringLiteral("810000"), QStringLiteral("resident_population")))
        years.push_back(o.year);
    EXPECT_EQ(years, (std::vector<int>{2010, 2020}));
}

TEST(BundleFacts, EveryProvinceOfTheTableHasABoundaryAndViceVersa)
{
    const auto provinces = bundle().regions.ofLevel(Level::Province);
    EXPECT_EQ(bundle().provinces.features().size(), provinces.size());
    for (const Region *r : provinces)
        EXPECT_GE(bundle().provinces.indexOf(r->code), 0) << r->code.toStdString();
    for (const Feature &f : bundle().prefectures.features())
        EXPECT_NE(bundle().regions.find(f.code, Level::Prefecture), nullptr) << f.code.toStdString();
}

TEST(BundleFacts, CitiesFallInTheirProvinceAndBeijingHasItsArea)
{
    SpatialIndex index(bundle().provinces);
    struct City {
        double lon, lat;
        const char *province;
    };
    for (const City &c : {City{116.40, 39.90, "110000"}, City{117.00, 36.65, "370000"}, City{113.26, 23.13, "440000"},
                          City{87.62, 43.83, "650000"}, City{91.11, 29.65, "540000"}, City{121.47, 31.23, "310000"}}) {
        const auto p = projectPoint(Projection::chinaAlbers(), c.lon, c.lat);
        ASSERT_TRUE(p.ok());
        const int f = index.featureAt(p.value());
        ASSERT_GE(f, 0) << c.province;
        EXPECT_EQ(bundle().provinces.features()[size_t(f)].code, QString::fromLatin1(c.province));
    }
    // Beijing's published area is 16,410 km²; the bundled boundary, on the equal-area projection, within 2 %.
    const double km2 = area(bundle().provinces.features()[size_t(bundle().provinces.indexOf(QStringLiteral("110000")))].polygons) / 1e6;
    EXPECT_NEAR(km2, 16410, 16410 * 0.02);
}

TEST(BundleFacts, ProvinceColumnOfTheLatestYear)
{
    const auto indicator = findIndicator(bundle().population, QStringLiteral("population"));
    ASSERT_TRUE(indicator.ok());
    const auto years = yearsWithData(bundle().context(), Level::Province, indicator.value());
    ASSERT_FALSE(years.empty());
    EXPECT_GE(years.back(), 2024);
    const Column c = computeColumn(bundle().context(), Level::Province, indicator.value(), 2024);
    EXPECT_EQ(c.entries.size(), 34u);
    EXPECT_EQ(c.values().size(), 31u);
    EXPECT_FALSE(c.find(QStringLiteral("710000"))->value.has_value());
    EXPECT_EQ(*c.find(QStringLiteral("370000"))->value, 100800000);
}

namespace {
ColumnEntry bundleEntry(const char *indicator, Level level, const char *code, int year, std::optional<int> from = {})
{
    return renkou::test::entryOf(bundle(), indicator, level, code, year, from);
}
} // namespace

TEST(BundleFacts, ChangeIn2024ForShandongTibetAndXinjiang)
{
    EXPECT_EQ(*bundleEntry("change", Level::Province, "370000", 2024).value, -430000);
    EXPECT_EQ(*bundleEntry("change", Level::Province, "540000", 2024).value, 50000);
    EXPECT_EQ(*bundleEntry("change", Level::Province, "650000", 2024).value, 250000);
    EXPECT_EQ(bundleEntry("change", Level::Province, "370000", 2024).rank, 31); // the largest loss
}

TEST(BundleFacts, The2010RevisionIsFlaggedNotMigration)
{
    const ColumnEntry anhui = bundleEntry("change", Level::Province, "340000", 2010, 2009);
    EXPECT_EQ(*anhui.value, -1740000);
    EXPECT_TRUE(anhui.flag.contains(QStringLiteral("series_break")));
    EXPECT_TRUE(anhui.note.contains(QStringLiteral("revision, not migration")));
}

TEST(BundleFacts, NationAndRegionsAreSumsOfTheProvinces)
{
    double sum = 0;
    for (const Region *r : bundle().regions.ofLevel(Level::Province)) {
        if (const auto v = bundle().population.value(r->code, 2024, QStringLiteral("resident_population")))
            sum += v->value;
    }
    EXPECT_EQ(*bundleEntry("population", Level::Country, "100000", 2024).value, sum);
    const auto population = findIndicator(bundle().population, QStringLiteral("population")).value();
    const Column regions = computeColumn(bundle().context(), Level::Region, population, 2024);
    ASSERT_EQ(regions.entries.size(), 4u);
    double regionSum = 0;
    for (double v : regions.values())
        regionSum += v;
    EXPECT_EQ(regionSum, sum);
}

TEST(BundleFacts, CapitalShareAndDensity)
{
    // Changsha's 2020 census count over the sum of Hunan's prefecture-level units, summed here by hand.
    double hunan = 0;
    for (const Region *r : bundle().regions.members(*bundle().regions.find(QStringLiteral("430000"), Level::Province)))
        hunan += bundle().population.value(r->code, 2020, QStringLiteral("resident_population"))->value;
    const double changsha = bundle().population.value(QStringLiteral("430100"), 2020, QStringLiteral("resident_population"))->value;
    EXPECT_DOUBLE_EQ(*bundleEntry("capital_share_pct", Level::Province, "430000", 2020).value, changsha / hunan * 100);
    // Beijing: 21.83 M on about 16,410 km².
    EXPECT_NEAR(*bundleEntry("density", Level::Province, "110000", 2024).value, 21830000.0 / 16410, 21830000.0 / 16410 * 0.02);
}

// 2000 (census counts where no first-published year-end estimate exists) against 2010 (year-end estimates).
TEST(BundleFacts, A2000To2010ChangeSaysWhichKindOfValueEachEndIs)
{
    const IndicatorContext c = bundle().context();
    const auto change = findIndicator(bundle().population, QStringLiteral("change")).value();
    const QStringList notes = caveats(c, computeColumn(c, Level::Province, change, 2010, 2000));
    EXPECT_TRUE(notes.contains(QStringLiteral("2000: year-end estimates; census counts of 1 November for Qinghai, Ningxia, Xinjiang. "
                                              "2010: year-end estimates.")))
        << notes.join(u'\n').toStdString();
    // Xinjiang has no first-published 2000 estimate: its 2000 value is the census count.
    const ColumnEntry xinjiang = bundleEntry("change", Level::Province, "650000", 2010, 2000);
    EXPECT_EQ(xinjiang.startKind, QStringLiteral("census"));
    EXPECT_EQ(xinjiang.endKind, QStringLiteral("estimate"));
}

// The capital's share of one kind: Wuhan's 2020 year-end estimate over Hubei's year-end total (the prefecture
// estimates are partial), 12.45 M of 57.45 M; its change to 2024 in percentage points.
TEST(BundleFacts, CapitalShareOfYearEndValuesAndItsChangeInPoints)
{
    const ColumnEntry wuhan2020 = bundleEntry("capital_share_pct", Level::Province, "420000", 2020);
    ASSERT_TRUE(wuhan2020.value.has_value());
    EXPECT_DOUBLE_EQ(*wuhan2020.value, 12447700.0 / 57450000.0 * 100);
    EXPECT_TRUE(wuhan2020.note.contains(QStringLiteral("own year-end total"))) << wuhan2020.note.toStdString();
    const ColumnEntry wuhan2024 = bundleEntry("capital_share_pct", Level::Province, "420000", 2024);
    ASSERT_TRUE(wuhan2024.value.has_value());
    EXPECT_DOUBLE_EQ(*wuhan2024.value, population("420100", 2024) / population("420000", 2024) * 100);
    const ColumnEntry points = bundleEntry("capital_share_pct_change_pp", Level::Province, "420000", 2024, 2020);
    ASSERT_TRUE(points.value.has_value());
    EXPECT_NEAR(*points.value, *wuhan2024.value - *wuhan2020.value, 1e-9);
    EXPECT_EQ(findIndicator(bundle().population, QStringLiteral("capital_share_pct_change_pp"))->unit, QStringLiteral("percentage points"));
    // Growth/decline of a percentage is its change in points; of a count, the change of population.
    EXPECT_EQ(growthIndicator(bundle().population, findIndicator(bundle().population, QStringLiteral("share_pct")).value()).name,
              QStringLiteral("share_pct_change_pp"));
    EXPECT_EQ(growthIndicator(bundle().population, findIndicator(bundle().population, QStringLiteral("density")).value()).name,
              QStringLiteral("change"));
}

// An NBS region's series is the sum of its provinces in the years all have a value.
TEST(BundleFacts, ARegionSeriesIsTheSumOfItsProvinces)
{
    const Region *northeast = bundle().regions.find(QStringLiteral("Northeast"), Level::Region);
    ASSERT_NE(northeast, nullptr);
    const auto series = unitSeries(bundle().context(), *northeast, QStringLiteral("resident_population"));
    const auto y2020 = std::find_if(series.begin(), series.end(), [](const Observation &o) { return o.year == 2020; });
    ASSERT_NE(y2020, series.end());
    EXPECT_EQ(y2020->value, population("210000", 2020) + population("220000", 2020) + population("230000", 2020));
}

// A change compares values of one kind where the unit has both: Wuhan 2010→2020 census to census (its 2020
// year-end estimate is not set against the 2010 census count).
TEST(BundleFacts, AChangeComparesCensusWithCensus)
{
    double census2020 = 0, census2010 = 0;
    for (const Observation &o : bundle().population.observations(QStringLiteral("420100"), 2020, QStringLiteral("resident_population")))
        census2020 = o.flag == u"census" ? o.value : census2020;
    for (const Observation &o : bundle().population.observations(QStringLiteral("420100"), 2010, QStringLiteral("resident_population")))
        census2010 = o.flag == u"census" ? o.value : census2010;
    ASSERT_GT(census2020, 0);
    ASSERT_GT(census2010, 0);
    const ColumnEntry wuhan = bundleEntry("change", Level::Prefecture, "420100", 2020, 2010);
    EXPECT_EQ(*wuhan.value, census2020 - census2010);
    EXPECT_EQ(wuhan.startKind, QStringLiteral("census"));
    EXPECT_EQ(wuhan.endKind, QStringLiteral("census"));
}

// Zhejiang 2020 → 2023 grew mostly by in-migration: Webb's type C.
TEST(BundleFacts, ZhejiangGrewByInMigration2020To2023)
{
    const IndicatorInfo type = findIndicator(bundle().population, QStringLiteral("migration_type")).value();
    const Column column = computeColumn(bundle().context(), Level::Province, type, 2023, 2020);
    const ColumnEntry *zhejiang = column.find(QStringLiteral("330000"));
    ASSERT_TRUE(zhejiang && zhejiang->value);
    EXPECT_EQ(*zhejiang->value, 3);
    EXPECT_TRUE(categoryLabel(type, *zhejiang->value).contains(QStringLiteral("Growth: in-migration exceeds natural increase")));
}

// Queen contiguity from the bundle's province outlines: Hainan and Taiwan are islands; Beijing's only
// neighbours are Tianjin and Hebei; every other mainland province has one.
TEST(BundleFacts, ProvinceNeighboursByQueenContiguity)
{
    std::vector<const MultiPolygon *> polygons;
    for (const Feature &f : bundle().provinces.features())
        polygons.push_back(&f.polygons);
    const auto neighbours = queenContiguity(polygons);
    const auto of = [&](const char *code) {
        QStringList out;
        const int i = bundle().provinces.indexOf(QString::fromLatin1(code));
        EXPECT_GE(i, 0) << code;
        for (int j : neighbours[size_t(i)])
            out << bundle().provinces.features()[size_t(j)].code;
        out.sort();
        return out;
    };
    EXPECT_TRUE(of("460000").isEmpty()) << of("460000").join(u',').toStdString();
    EXPECT_TRUE(of("710000").isEmpty()) << of("710000").join(u',').toStdString();
    EXPECT_EQ(of("110000"), (QStringList{QStringLiteral("120000"), QStringLiteral("130000")}));
    EXPECT_TRUE(of("440000").contains(QStringLiteral("810000"))); // Hong Kong's land border
    for (const Feature &f : bundle().provinces.features()) {
        if (f.code != u"460000" && f.code != u"710000") {
            EXPECT_FALSE(of(f.code.toLatin1().constData()).isEmpty()) << f.code.toStdString();
        }
    }
}

// Clusters of growth 2010–2020 by province (local Moran's I): the Northeast is a low-low cluster, not one
// province alone; Hainan, an island, has no neighbour and so no cluster; the global I comes with the map.
TEST(BundleFacts, TheNortheastIsALowLowClusterOfGrowth2010To2020)
{
    const IndicatorInfo clusters = findIndicator(bundle().population, QStringLiteral("change_pct_clusters")).value();
    EXPECT_TRUE(clusters.description.contains(QStringLiteral("local Moran's I")));
    const Column column = computeColumn(bundle().context(), Level::Province, clusters, 2020, 2010);
    for (const char *code : {"210000", "220000", "230000"}) {
        const ColumnEntry *e = column.find(QString::fromLatin1(code));
        ASSERT_TRUE(e && e->value) << code;
        EXPECT_EQ(categoryLabel(clusters, *e->value), QStringLiteral("Low–low cluster")) << code;
    }
    const ColumnEntry *hainan = column.find(QStringLiteral("460000"));
    ASSERT_TRUE(hainan);
    ASSERT_TRUE(hainan->value.has_value());
    EXPECT_EQ(categoryLabel(clusters, *hainan->value), QStringLiteral("No neighbour (an island)")) << "not 'no data'";
    EXPECT_EQ(hainan->rank, 0) << "a category is not ranked";
    EXPECT_TRUE(hainan->note.contains(QStringLiteral("no neighbour"))) << hainan->note.toStdString();
    EXPECT_TRUE(column.statistic.startsWith(QStringLiteral("Global Moran's I 0."))) << column.statistic.toStdString();
}

// Census inflow: residents registered in another province as a share of the residents, from the census
// counts of the same year; its change in percentage points between the censuses.
TEST(BundleFacts, ShanghaiInMigrantShareIsTheCensusCountsRatio)
{
    // The census rows of both (the year-end estimate of 2020 is another count). Shanghai has no census row of
    // its own for its residents: the count is that of its one prefecture-level unit.
    const auto censusRow = [](const char *code, const char *indicator) -> std::optional<Observation> {
        for (const Observation &o : bundle().population.observations(QString::fromLatin1(code), 2020, QString::fromLatin1(indicator)))
            if (o.flag.contains(QStringLiteral("census")))
                return o;
        return std::nullopt;
    };
    const auto in = censusRow("310000", "interprovincial_in_migrants");
    const auto residents = censusRow("310100", "resident_population");
    ASSERT_TRUE(in && residents);
    const IndicatorInfo share = findIndicator(bundle().population, QStringLiteral("in_migrant_share_pct")).value();
    EXPECT_TRUE(share.description.contains(QStringLiteral("census")));
    const Column column = computeColumn(bundle().context(), Level::Province, share, 2020);
    ASSERT_TRUE(column.find(QStringLiteral("310000"))->value);
    EXPECT_NEAR(*column.find(QStringLiteral("310000"))->value, in->value / residents->value * 100, 1e-9);
    const IndicatorInfo change = findIndicator(bundle().population, QStringLiteral("in_migrant_share_pct_change_pp")).value();
    EXPECT_TRUE(change.spansYears);
    // Census to census: the series breaks of the annual estimates do not apply, nor their notes.
    const Column between = computeColumn(bundle().context(), Level::Province, change, 2020, 2010);
    const ColumnEntry *shanghai = between.find(QStringLiteral("310000"));
    ASSERT_TRUE(shanghai && shanghai->value);
    EXPECT_FALSE(shanghai->flag.contains(QStringLiteral("series_break"))) << shanghai->flag.toStdString();
    EXPECT_FALSE(shanghai->note.contains(QStringLiteral("2011"))) << shanghai->note.toStdString();
    EXPECT_FALSE(column.find(QStringLiteral("310000"))->note.contains(QStringLiteral("2011–2019")));
}

// Components of change: for every province-year with both, natural increase + net migration is the change,
// and the change is the difference of the year-end estimates read straight from the store.
TEST(BundleFacts, ComponentsSumToTheChangeForEveryProvinceYear)
{
    const QString resident = QStringLiteral("resident_population");
    const auto estimate = [&](const QString &code, int year) -> std::optional<double> {
        for (const Observation &o : bundle().population.observations(code, year, resident))
            if (o.flag == u"estimate")
                return o.value;
        return std::nullopt;
    };
    int withBoth = 0, checkedChange = 0;
    for (const Region *r : bundle().regions.ofLevel(Level::Province)) {
        for (const ChangeComponents &c : componentsOfChange(bundle().context(), *r)) {
            const auto a = estimate(r->code, c.year - 1), b = estimate(r->code, c.year);
            if (a && b) {
                EXPECT_NEAR(c.change, *b - *a, 0.5) << r->code.toStdString() << " " << c.year;
                ++checkedChange;
            }
            EXPECT_EQ(c.naturalIncrease.has_value(), c.netMigration.has_value());
            EXPECT_EQ(c.why.isEmpty(), c.naturalIncrease.has_value()) << "a missing component says why";
            if (c.naturalIncrease) {
                EXPECT_NEAR(*c.naturalIncrease + *c.netMigration, c.change, 1e-6) << r->code.toStdString() << " " << c.year;
                ++withBoth;
            }
        }
    }
    EXPECT_GT(checkedChange, 31 * 15);
    EXPECT_GT(withBoth, 31 * 15);
}

// Heilongjiang 2023: natural increase is the published rate (−6.92 ‰) times the mean of the year-end
// populations; 2024 has no rate in the bundle, so no components, and says why.
TEST(BundleFacts, HeilongjiangComponentsIn2023And2024)
{
    const Region *hlj = bundle().regions.find(QStringLiteral("230000"), Level::Province);
    ASSERT_NE(hlj, nullptr);
    const auto years = componentsOfChange(bundle().context(), *hlj);
    const auto at = [&](int y) {
        return std::find_if(years.begin(), years.end(), [&](const ChangeComponents &c) { return c.year == y; });
    };
    const auto rate = bundle().population.value(QStringLiteral("230000"), 2023, QStringLiteral("natural_growth_rate"));
    ASSERT_TRUE(rate.has_value());
    ASSERT_NE(at(2023), years.end());
    ASSERT_TRUE(at(2023)->naturalIncrease.has_value());
    EXPECT_NEAR(*at(2023)->naturalIncrease, rate->value / 1000.0 * (population("230000", 2022) + population("230000", 2023)) / 2.0, 1e-6);
    EXPECT_LT(*at(2023)->netMigration, 0) << "Heilongjiang loses residents by migration";
    if (!bundle().population.value(QStringLiteral("230000"), 2024, QStringLiteral("natural_growth_rate"))
        && !bundle().population.value(QStringLiteral("230000"), 2024, QStringLiteral("birth_rate"))) {
        ASSERT_NE(at(2024), years.end());
        EXPECT_FALSE(at(2024)->naturalIncrease.has_value());
        EXPECT_TRUE(at(2024)->why.contains(QStringLiteral("2024"))) << at(2024)->why.toStdString();
    }
    // The nation's natural increase is the sum of its provinces'.
    const Region *china = bundle().regions.ofLevel(Level::Country).front();
    const auto national = componentsOfChange(bundle().context(), *china);
    const auto n2023 = std::find_if(national.begin(), national.end(), [](const ChangeComponents &c) { return c.year == 2023; });
    ASSERT_NE(n2023, national.end());
    if (n2023->naturalIncrease) {
        double sum = 0;
        for (const Region *p : bundle().regions.ofLevel(Level::Province)) {
            const auto own = componentsOfChange(bundle().context(), *p);
            const auto y = std::find_if(own.begin(), own.end(), [](const ChangeComponents &c) { return c.year == 2023; });
            ASSERT_NE(y, own.end());
            sum += y->naturalIncrease.value_or(std::nan(""));
        }
        EXPECT_NEAR(*n2023->naturalIncrease, sum, 1e-3);
    }
}
