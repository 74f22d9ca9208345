#include "populationstore.h"
#include "testpaths.h"

#include <gtest/gtest.h>

using namespace renkou::core;
using renkou::test::dataPath;

namespace {
PopulationStore fixtureStore()
{
    PopulationStore store;
    EXPECT_TRUE(store.addFile(dataPath(QStringLiteral("bundle/population/annual.csv"))).ok());
    EXPECT_TRUE(store.addFile(dataPath(QStringLiteral("bundle/population/census.csv"))).ok());
    return store;
}
} // namespace

TEST(PopulationStore, ValuePrefersTheEstimateAndKeepsTheCensusRow)
{
    const PopulationStore store = fixtureStore();
    const auto v = store.value(QStringLiteral("110000"), 2010, QStringLiteral("resident_population"));
    ASSERT_TRUE(v.has_value());
    EXPECT_EQ(v->value, 1100);
    EXPECT_EQ(v->flag, QStringLiteral("estimate"));
    EXPECT_EQ(v->source, QStringLiteral("fixture-annual"));
    const auto all = store.observations(QStringLiteral("110000"), 2010, QStringLiteral("resident_population"));
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[1].flag, QStringLiteral("census"));
    EXPECT_EQ(all[1].value, 1090);
}

TEST(PopulationStore, MissingIsMissingNotZero)
{
    const PopulationStore store = fixtureStore();
    EXPECT_FALSE(store.value(QStringLiteral("110000"), 2011, QStringLiteral("resident_population")).has_value());
    EXPECT_FALSE(store.value(QStringLiteral("710000"), 2010, QStringLiteral("resident_population")).has_value());
    EXPECT_FALSE(store.value(QStringLiteral("370000"), 2010, QStringLiteral("birth_rate")).has_value());
}

TEST(PopulationStore, SeriesHasOneRowPerYearWithData)
{
    const PopulationStore store = fixtureStore();
    const auto s = store.series(QStringLiteral("110000"), QStringLiteral("resident_population"));
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[0].year, 2009);
    EXPECT_EQ(s[1].year, 2010);
    EXPECT_EQ(s[1].flag, QStringLiteral("estimate"));
    EXPECT_EQ(s[2].year, 2012);
    EXPECT_EQ(store.unitOf(QStringLiteral("birth_rate")), QStringLiteral("‰"));
    EXPECT_EQ(store.years(QStringLiteral("resident_population")), (std::vector<int>{2009, 2010, 2012}));
}

