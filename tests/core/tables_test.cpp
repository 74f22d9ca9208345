#include "notetable.h"
#include "regiontable.h"
#include "sourcetable.h"
#include "testpaths.h"

#include <gtest/gtest.h>

using namespace renkou::core;
using renkou::test::dataPath;

TEST(RegionTable, LoadsLevelsNamesAndCapitals)
{
    auto t = RegionTable::load(dataPath(QStringLiteral("bundle/regions.csv")));
    ASSERT_TRUE(t.ok()) << t.error().toString().toStdString();
    const auto provinces = t->ofLevel(Level::Province);
    ASSERT_EQ(provinces.size(), 3u);
    EXPECT_EQ(provinces[0]->code, QStringLiteral("110000"));
    EXPECT_EQ(provinces[2]->code, QStringLiteral("710000"));
    const Region *jinan = t->find(QStringLiteral("370100"), Level::Prefecture);
    ASSERT_NE(jinan, nullptr);
    EXPECT_TRUE(jinan->provincialCapital);
    EXPECT_EQ(jinan->parentCode, QStringLiteral("370000"));
    EXPECT_EQ(jinan->nameZh, QStringLiteral("济南市"));
    // Taiwan is at both levels with one code; find() without a level gives the province.
    EXPECT_NE(t->find(QStringLiteral("710000"), Level::Prefecture), nullptr);
    EXPECT_EQ(t->find(QStringLiteral("710000"))->level, Level::Province);
    EXPECT_EQ(t->find(QStringLiteral("999999")), nullptr);
}

TEST(RegionTable, DuplicateCodeAndUnknownLevelNameTheLine)
{
    auto dup = RegionTable::load(dataPath(QStringLiteral("bad/regions_duplicate.csv")));
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().where, QStringLiteral("line 3"));
    EXPECT_TRUE(dup.error().message.contains(QStringLiteral("110000")));
    auto level = RegionTable::load(dataPath(QStringLiteral("bad/regions_bad_level.csv")));
    ASSERT_FALSE(level.ok());
    EXPECT_TRUE(level.error().message.contains(QStringLiteral("county")));
}

TEST(SourceTable, CitesSourcesWithYearRanges)
{
    auto t = SourceTable::load(dataPath(QStringLiteral("bundle/sources.csv")));
    ASSERT_TRUE(t.ok()) << t.error().toString().toStdString();
    ASSERT_NE(t->find(QStringLiteral("fixture-annual")), nullptr);
    EXPECT_EQ(t->find(QStringLiteral("fixture-annual"))->notes, QStringLiteral("Numbers chosen for the tests, with a comma"));
    const QString cite = citeSources(t.value(), {{QStringLiteral("fixture-census"), 2000},
                                                 {QStringLiteral("fixture-annual"), 2005},
                                                 {QStringLiteral("fixture-annual"), 2006},
                                                 {QStringLiteral("fixture-annual"), 2007},
                                                 {QStringLiteral("fixture-annual"), 2010},
                                                 {QStringLiteral("unknown-id"), 2011}});
    // Both fixtures have one publisher: it is named once, with every year; the titles are for sources.txt.
    EXPECT_EQ(cite, QStringLiteral("Renkou tests (2000, 2005–2007, 2010); unknown-id (2011)"));
    EXPECT_EQ(cite.count(QStringLiteral("Renkou tests")), 1);
}

TEST(NoteTable, FindsOwnAndLevelWideNotes)
{
    auto t = NoteTable::load(dataPath(QStringLiteral("bundle/notes.csv")));
    ASSERT_TRUE(t.ok()) << t.error().toString().toStdString();
    const auto shandong = t->forUnit(QStringLiteral("370000"), Level::Province);
    ASSERT_EQ(shandong.size(), 2u);
    EXPECT_EQ(shandong[0]->kind, QStringLiteral("series_break"));
    EXPECT_EQ(shandong[0]->year, 2010);
    EXPECT_FALSE(shandong[1]->year.has_value());
    EXPECT_TRUE(t->forUnit(QStringLiteral("370100"), Level::Prefecture).empty());
}
