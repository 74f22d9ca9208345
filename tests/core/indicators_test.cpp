// Indicators on the hand-made fixture bundle, with values worked out by hand in the comments.
#include "databundle.h"
#include "indicators.h"
#include "testpaths.h"

#include <gtest/gtest.h>

using namespace renkou::core;

namespace {

const DataBundle &fixture()
{
    static const DataBundle b = [] {
        auto r = DataBundle::load(renkou::test::dataPath(QStringLiteral("bundle")));
        if (!r)
            ADD_FAILURE() << r.error().toString().toStdString();
        return std::move(r).value();
    }();
    return b;
}

ColumnEntry entry(const char *indicator, Level level, const char *code, int year, std::optional<int> from = {})
{
    return renkou::test::entryOf(fixture(), indicator, level, code, year, from);
}

} // namespace

TEST(Indicators, ChangeGrowthRateAndCagr)
{
    // Shandong 5000 (2010) → 4800 (2012): −200, −4 %, CAGR √0.96 − 1 = −2.0204 %.
    EXPECT_EQ(*entry("change", Level::Province, "370000", 2012, 2010).value, -200);
    EXPECT_DOUBLE_EQ(*entry("change_pct", Level::Province, "370000", 2012, 2010).value, -4.0);
    EXPECT_NEAR(*entry("cagr_pct", Level::Province, "370000", 2012, 2010).value, (std::sqrt(0.96) - 1) * 100, 1e-12);
    // Default span: the year before. Shandong 2011 → 2012: −100.
    EXPECT_EQ(*entry("change", Level::Province, "370000", 2012).value, -100);
    // Beijing has no 2011: the one-year change to 2012 is no data, not 0.
    const ColumnEntry beijing = entry("change", Level::Province, "110000", 2012);
    EXPECT_FALSE(beijing.value.has_value());
    EXPECT_TRUE(beijing.note.contains(QStringLiteral("2011"))) << beijing.note.toStdString();
}

TEST(Indicators, NaturalIncreaseAndNetMigrationAsResidual)
{
    // 2011: 2.0 ‰ × (5000 + 4900) / 2 = 9.9; 2012: (7.5 − 5.5) ‰ × (4900 + 4800) / 2 = 9.7. Sum 19.6.
    const ColumnEntry ni = entry("natural_increase", Level::Province, "370000", 2012, 2010);
    EXPECT_NEAR(*ni.value, 19.6, 1e-9);
    EXPECT_TRUE(ni.source.contains(QStringLiteral("fixture-vital")));
    // Net migration = change − natural increase = −200 − 19.6.
    EXPECT_NEAR(*entry("net_migration", Level::Province, "370000", 2012, 2010).value, -219.6, 1e-9);
    // Per year in ‰ of the mean population: −219.6 / 2 / 4900 × 1000.
    EXPECT_NEAR(*entry("net_migration_rate", Level::Province, "370000", 2012, 2010).value, -219.6 / 2 / 4900 * 1000, 1e-9);
    // Natural increase on the same scale: 19.6 / 2 / 4900 × 1000.
    EXPECT_NEAR(*entry("natural_increase_rate", Level::Province, "370000", 2012, 2010).value, 19.6 / 2 / 4900 * 1000, 1e-9);
    // Beijing has no vital rates: no data, with the reason.
    const ColumnEntry beijing = entry("net_migration", Level::Province, "110000", 2010, 2009);
    EXPECT_FALSE(beijing.value.has_value());
    EXPECT_TRUE(beijing.note.contains(QStringLiteral("natural growth rate"))) << beijing.note.toStdString();
    // Prefectures have no vital rates at all.
    EXPECT_FALSE(entry("natural_increase", Level::Prefecture, "370100", 2012, 2010).value.has_value());
}

TEST(Indicators, SeriesBreakIsFlaggedWithItsNote)
{
    const ColumnEntry across = entry("change", Level::Province, "110000", 2010, 2009);
    EXPECT_EQ(*across.value, 100);
    EXPECT_TRUE(across.flag.split(u';').contains(QStringLiteral("series_break"))) << across.flag.toStdString();
    EXPECT_TRUE(across.note.contains(QStringLiteral("Fixture break in 2010")));
    const ColumnEntry after = entry("change", Level::Province, "110000", 2012, 2010);
    EXPECT_FALSE(after.flag.contains(QStringLiteral("series_break")));
}

TEST(Indicators, RollupsToRegionsAndNationNeedEveryMember)
{
    // East = Beijing + Shandong; Taiwan belongs to no NBS region and to no rollup.
    const ColumnEntry east = entry("population", Level::Region, "East", 2012);
    EXPECT_EQ(*east.value, 6100);
    EXPECT_TRUE(east.flag.split(u';').contains(QStringLiteral("rollup")));
    EXPECT_EQ(*entry("population", Level::Country, "100000", 2012).value, 6100);
    // 2011: Beijing has no value. The rollup is marked incomplete, not summed.
    const ColumnEntry incomplete = entry("population", Level::Region, "East", 2011);
    EXPECT_FALSE(incomplete.value.has_value());
    EXPECT_EQ(incomplete.flag, QStringLiteral("incomplete"));
    EXPECT_TRUE(incomplete.note.contains(QStringLiteral("Beijing"))) << incomplete.note.toStdString();
    // A province without a row of its own is the sum of its prefectures (census urban population).
    EXPECT_DOUBLE_EQ(*entry("urban_share_pct", Level::Province, "370000", 2010).value, 50.0);
    EXPECT_NEAR(*entry("urban_share_pct", Level::Prefecture, "370100", 2010).value, 1500.0 / 2100 * 100, 1e-12);
    // A rate is never summed.
    EXPECT_FALSE(entry("birth_rate", Level::Region, "East", 2012).value.has_value());
}

TEST(Indicators, StructureSharesAndDensity)
{
    // Jinan 2100 of Shandong's 2100 + 2900 prefecture total.
    EXPECT_DOUBLE_EQ(*entry("capital_share_pct", Level::Province, "370000", 2010).value, 42.0);
    const ColumnEntry taiwan = entry("capital_share_pct", Level::Province, "710000", 2010);
    EXPECT_FALSE(taiwan.value.has_value());
    // Share of the national total: 4800 of 10000 in 2012; no national total in 2010.
    EXPECT_DOUBLE_EQ(*entry("share_pct", Level::Province, "370000", 2012).value, 48.0);
    EXPECT_TRUE(entry("share_pct", Level::Province, "370000", 2010).note.contains(QStringLiteral("national total")));
    // Beijing's square covers about 9,939 km² (see the boundary tests): 1300 / 9939 persons per km².
    EXPECT_NEAR(*entry("density", Level::Province, "110000", 2012).value, 1300.0 / 9939, 1300.0 / 9939 * 0.002);
}

TEST(Indicators, RankAndRawIndicators)
{
    // 2010 → 2012: Beijing +200 is first, Shandong −200 second, Taiwan has no rank.
    EXPECT_EQ(entry("change", Level::Province, "110000", 2012, 2010).rank, 1);
    EXPECT_EQ(entry("change", Level::Province, "370000", 2012, 2010).rank, 2);
    EXPECT_EQ(entry("change", Level::Province, "710000", 2012, 2010).rank, 0);
    const ColumnEntry birth = entry("birth_rate", Level::Province, "370000", 2012);
    EXPECT_EQ(*birth.value, 7.5);
    EXPECT_EQ(birth.source, QStringLiteral("fixture-annual"));
    const auto info = findIndicator(fixture().population, QStringLiteral("change_pct"));
    EXPECT_EQ(info->unit, QStringLiteral("%"));
    EXPECT_TRUE(info->spansYears);
    EXPECT_FALSE(findIndicator(fixture().population, QStringLiteral("happiness")).ok());
}

TEST(Indicators, ShareOfWholeNeedsEveryUnitOfTheWhole)
{
    auto bundle = DataBundle::load(renkou::test::dataPath(QStringLiteral("bundle")), DataBundle::Parts::Tables);
    ASSERT_TRUE(bundle.ok());
    const Region *jinan = bundle->regions.find(QStringLiteral("370100"), Level::Prefecture);
    ASSERT_NE(jinan, nullptr);
    const auto share = shareOfWhole(bundle->context(), *jinan,
                                    bundle->population.series(QStringLiteral("370100"), QStringLiteral("resident_population")));
    // 2010: Jinan 2100 of Jinan 2100 + Qingdao 2900.
    ASSERT_EQ(share.size(), 1u);
    EXPECT_EQ(share[0].year, 2010);
    EXPECT_DOUBLE_EQ(share[0].value, 42.0);
    EXPECT_EQ(share[0].unit, QStringLiteral("%"));
    // A province's share of the provinces: 2011 has no Beijing value, so no share (not a guess).
    const Region *shandong = bundle->regions.find(QStringLiteral("370000"), Level::Province);
    const auto provinces = shareOfWhole(bundle->context(), *shandong,
                                        bundle->population.series(QStringLiteral("370000"), QStringLiteral("resident_population")));
    EXPECT_FALSE(provinces.empty());
    for (const Observation &o : provinces)
        EXPECT_NE(o.year, 2011);
}

namespace {
Period period(const char *indicator, Level level, std::optional<int> year, std::optional<int> from = {})
{
    const IndicatorContext c = fixture().context();
    return resolvePeriod(c, level, findIndicator(fixture().population, QString::fromLatin1(indicator)).value(), year, from,
                         [&c](Level l, const IndicatorInfo &i) { return yearsWithData(c, l, i); });
}
} // namespace

// The one rule for time: the years asked are shown, or said to have no data with the nearest years offered.
TEST(Period, TheYearsAskedAreKeptAndMissingOnesAreSaid)
{
    // Provinces have population in 2009–2012; without a year, the latest with data of the level and indicator.
    const Period latest = period("population", Level::Province, {});
    EXPECT_EQ(latest.year, 2012);
    EXPECT_TRUE(latest.hasData);
    EXPECT_TRUE(latest.notes.isEmpty());
    EXPECT_EQ(period("population", Level::Prefecture, {}).year, 2010);
    EXPECT_EQ(period("urban_share_pct", Level::Province, {}).year, 2010);
    // Prefecture-level units only in 2010: 2012 stays 2012, with no data, and 2010 is offered.
    const Period prefecture = period("population", Level::Prefecture, 2012);
    EXPECT_EQ(prefecture.year, 2012);
    EXPECT_FALSE(prefecture.hasData);
    EXPECT_EQ(prefecture.nearestYear, 2010);
    EXPECT_FALSE(prefecture.nearestFrom.has_value());
    ASSERT_EQ(prefecture.notes.size(), 1);
    EXPECT_EQ(prefecture.notes.front(), QStringLiteral("No prefecture-level units have data for 2012. Nearest year with data: 2010."));
    // A one-year indicator has no start, whatever was asked.
    EXPECT_FALSE(period("population", Level::Province, 2012, 2010).from.has_value());
}

TEST(Period, AChangeStartsAtThePreviousYearWithDataAndSwapsAnEndBeforeItsStart)
{
    const Period change = period("change", Level::Province, 2012);
    EXPECT_EQ(change.from, 2011);
    EXPECT_EQ(change.label(), QStringLiteral("2011–2012"));
    const Period swapped = period("change", Level::Province, 2010, 2012);
    EXPECT_EQ(swapped.from, 2010);
    EXPECT_EQ(swapped.year, 2012);
    EXPECT_TRUE(swapped.hasData);
    ASSERT_FALSE(swapped.notes.isEmpty());
    EXPECT_TRUE(swapped.notes.front().contains(QStringLiteral("swapped")));
    // 2009 is the first year: a change to it has no start; 2009–2010 (Beijing) is offered.
    const Period first = period("change", Level::Province, 2009);
    EXPECT_FALSE(first.hasData);
    EXPECT_EQ(first.nearestYear, 2010);
    EXPECT_EQ(first.nearestFrom, 2009);
    EXPECT_TRUE(first.notes.join(u' ').contains(QStringLiteral("a change to 2009 has no start"))) << first.notes.join(u' ').toStdString();
    // Natural increase at prefecture level has no data in any year: nothing to offer.
    const Period none = period("natural_increase", Level::Prefecture, 2012, 2010);
    EXPECT_FALSE(none.hasData);
    EXPECT_FALSE(none.nearestYear.has_value());
}

TEST(Caveats, SeriesBreaksOfAChangeAndTheResidualOfNetMigration)
{
    const IndicatorContext c = fixture().context();
    const auto change = findIndicator(fixture().population, QStringLiteral("change")).value();
    const auto population = findIndicator(fixture().population, QStringLiteral("population")).value();
    const auto migration = findIndicator(fixture().population, QStringLiteral("net_migration")).value();
    // A change across the fixture's 2010 break says so; a value of 2010 does not.
    const QStringList across = caveats(c, computeColumn(c, Level::Province, change, 2010, 2009));
    EXPECT_TRUE(across.contains(QStringLiteral("Series break in 2010: Fixture break in 2010, a revision. Part of a change across it is a "
                                               "revision, not migration.")))
        << across.join(u'\n').toStdString();
    EXPECT_TRUE(caveats(c, computeColumn(c, Level::Province, population, 2010)).join(u' ').indexOf(QStringLiteral("Series break")) < 0);
    // Net migration is a residual, said whenever it is shown.
    const QStringList residual = caveats(c, computeColumn(c, Level::Province, migration, 2012, 2010));
    EXPECT_TRUE(residual.join(u' ').contains(QStringLiteral("Net migration is a residual"))) << residual.join(u'\n').toStdString();
    // Only the units shown count: without Beijing (2009–2010), the break is not on the map.
    EXPECT_TRUE(caveats(c, computeColumn(c, Level::Province, change, 2010, 2009), {QStringLiteral("370000")}).isEmpty());
}

// Webb's eight types, one unit of each (natural increase n, net migration m), and the ties.
TEST(Indicators, WebbTypesOneOfEach)
{
    struct Case {
        double n, m;
        int type;
    };
    const Case cases[] = {
        {+30, -10, 1}, // A growth: natural increase exceeds out-migration
        {+30, +10, 2}, // B growth: natural increase exceeds in-migration
        {+10, +30, 3}, // C growth: in-migration exceeds natural increase
        {-10, +30, 4}, // D growth: in-migration exceeds natural decrease
        {-30, +10, 5}, // E decline: natural decrease exceeds in-migration
        {-30, -10, 6}, // F decline: natural decrease exceeds out-migration
        {-10, -30, 7}, // G decline: out-migration exceeds natural decrease
        {+10, -30, 8}, // H decline: out-migration exceeds natural increase
        {+10, +10, 2}, // a tie: the component named first
        {0, 0, 1},     // no change counts as growth
    };
    for (const Case &c : cases)
        EXPECT_EQ(webbType(c.n, c.m), c.type) << c.n << " " << c.m;
    // The indicator: Shandong 2010 → 2012 in the fixture, natural increase +19.6, net migration −219.6: H.
    const ColumnEntry shandong = entry("migration_type", Level::Province, "370000", 2012, 2010);
    ASSERT_TRUE(shandong.value.has_value());
    EXPECT_EQ(*shandong.value, 8);
    const IndicatorInfo type = findIndicator(fixture().population, QStringLiteral("migration_type")).value();
    EXPECT_TRUE(isCategorical(type));
    EXPECT_EQ(categoriesOf(type).size(), 8u);
    EXPECT_TRUE(categoryLabel(type, 8).contains(QStringLiteral("out-migration exceeds natural increase")));
    // No vital rates: no type, never a guess.
    EXPECT_FALSE(entry("migration_type", Level::Province, "110000", 2010, 2009).value.has_value());
}
