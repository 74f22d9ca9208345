// The view as a value: JSON and link round trips, refusals of files it cannot read.
#include "view.h"
#include "../writefile.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace renkou::core;

namespace {
/// A view with every field away from its default.
View everyField()
{
    View v;
    v.level = Level::Prefecture;
    v.indicator = QStringLiteral("change");
    v.year = 2024;
    v.from = 2020;
    v.growth = true;
    v.drill = QStringLiteral("330000");
    v.scaleWithin = true;
    v.selection = {QStringLiteral("330100"), QStringLiteral("330200")};
    v.chartMode = ChartMode::Indexed;
    v.baseYear = 2010;
    v.englishLabels = true;
    v.clusterSignificance = 0.01;
    OwnFile table;
    table.path = QStringLiteral("/data/省人口.xlsx");
    table.wide = WideTableSpec{QStringLiteral("resident_population"), QStringLiteral("万人"), QStringLiteral("yearbook"),
                               QStringLiteral("census"), QStringLiteral("地区")};
    table.encoding = QStringLiteral("GB18030");
    table.sheet = QStringLiteral("Sheet2");
    table.assigned = {{QStringLiteral("Shandnog"), QStringLiteral("370000")}, {QStringLiteral("Atlantis"), QString()}};
    OwnFile boundaries;
    boundaries.kind = OwnFile::Kind::Boundaries;
    boundaries.path = QStringLiteral("/data/bou2_4p.shp");
    boundaries.boundaries.level = Level::Province;
    boundaries.boundaries.codeField = QStringLiteral("ADCODE99");
    boundaries.boundaries.layerName = QStringLiteral("bou2_4p");
    v.files = {table, boundaries};
    BoxD extent;
    extent.minX = -1e6;
    extent.minY = 2e6;
    extent.maxX = 5e5;
    extent.maxY = 3.5e6;
    v.extent = extent;
    return v;
}
} // namespace

TEST(View, EveryFieldSurvivesJsonAndTheLink)
{
    const View v = everyField();
    const auto back = View::fromText(v.toText(), QStringLiteral("test"));
    ASSERT_TRUE(back.ok()) << back.error().toString().toStdString();
    EXPECT_TRUE(back.value() == v);
    const auto linked = View::fromLink(QStringLiteral("  ") + v.toLink() + QStringLiteral("\n"));
    ASSERT_TRUE(linked.ok()) << linked.error().toString().toStdString();
    EXPECT_TRUE(linked.value() == v);
    EXPECT_TRUE(v.toLink().startsWith(QStringLiteral("renkou:view:")));
    EXPECT_FALSE(v.toLink().contains(u'\n'));
    // The default view is read from an almost empty file.
    const auto minimal = View::fromText(R"({"renkou_view": 1})", QStringLiteral("test"));
    ASSERT_TRUE(minimal.ok());
    EXPECT_TRUE(minimal.value() == View{});
}

TEST(View, EachFieldMakesADifferentView)
{
    const View all = everyField();
    const std::vector<std::function<void(View &)>> resets = {
        [](View &v) { v.level = Level::Province; },      [](View &v) { v.indicator = QStringLiteral("population"); },
        [](View &v) { v.year.reset(); },                 [](View &v) { v.from.reset(); },
        [](View &v) { v.growth = false; },               [](View &v) { v.drill.clear(); },
        [](View &v) { v.scaleWithin = false; },          [](View &v) { v.selection.removeLast(); },
        [](View &v) { v.chartMode = ChartMode::Share; }, [](View &v) { v.baseYear.reset(); },
        [](View &v) { v.englishLabels = false; },        [](View &v) { v.files[0].assigned.clear(); },
        [](View &v) { v.files[1].boundaries.codeField.clear(); }, [](View &v) { v.clusterSignificance = 0.05; },
        [](View &v) { v.chartMode = ChartMode::Components; }};
    for (size_t i = 0; i < resets.size(); ++i) {
        View v = all;
        resets[i](v);
        EXPECT_FALSE(v.sameContent(all)) << "field " << i;
        const auto back = View::fromText(v.toText(), QStringLiteral("test"));
        ASSERT_TRUE(back.ok());
        EXPECT_TRUE(back.value() == v) << "field " << i;
    }
    // The extent is saved, but a pan is not a change of content (nor an undo step).
    View panned = all;
    panned.extent->minX -= 1000;
    EXPECT_TRUE(panned.sameContent(all));
    EXPECT_FALSE(panned == all);
}

TEST(View, ALinkCutShortOrAStrangerIsRefusedNamingIt)
{
    const QString link = everyField().toLink();
    const auto cut = View::fromLink(link.left(link.size() / 2));
    ASSERT_FALSE(cut.ok());
    EXPECT_TRUE(cut.error().toString().contains(QStringLiteral("Pasted view"))) << cut.error().toString().toStdString();
    // A link that claims 4 GB unpacked is refused before anything is allocated.
    const QByteArray huge = QByteArray("\xff\xff\xff\xff", 4) + QByteArray(16, 'x');
    const auto bomb = View::fromLink(QStringLiteral("renkou:view:")
                                     + QString::fromLatin1(huge.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    ASSERT_FALSE(bomb.ok());
    EXPECT_TRUE(bomb.error().message.contains(QStringLiteral("does not decode")));
    const auto other = View::fromLink(QStringLiteral("https://ourworldindata.org/grapher/population"));
    ASSERT_FALSE(other.ok());
    EXPECT_TRUE(other.error().message.contains(QStringLiteral("renkou:view:")));
    // A year far beyond any int (found by the fuzzer) is refused, not converted.
    const auto farYear = View::fromText(R"({"renkou_view": 1, "year": 2024000000000000000000000000000})", QStringLiteral("v.renkou"));
    ASSERT_FALSE(farYear.ok());
    EXPECT_EQ(farYear.error().where, QStringLiteral("field \"year\""));
    const auto typed = View::fromText(R"({"renkou_view": 1, "selection": "370000"})", QStringLiteral("v.renkou"));
    ASSERT_FALSE(typed.ok());
    EXPECT_EQ(typed.error().where, QStringLiteral("field \"selection\""));
}

TEST(View, SavedAndLoadedFromAFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shrinking.renkou"));
    View v = everyField();
    ASSERT_TRUE(v.save(path).ok());
    const auto back = View::load(path);
    ASSERT_TRUE(back.ok()) << back.error().toString().toStdString();
    EXPECT_TRUE(back.value() == v);
    const auto missing = View::load(dir.filePath(QStringLiteral("nope.renkou")));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, Error::Code::NotFound);
    EXPECT_TRUE(missing.error().toString().contains(QStringLiteral("nope.renkou")));
}
