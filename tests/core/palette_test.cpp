#include "palette.h"

#include <gtest/gtest.h>

using namespace renkou::core;

TEST(Palette, ColorBrewerDataIsCompiledIn)
{
    ASSERT_FALSE(palettes().empty());
    const Palette *rdbu = findPalette(QStringLiteral("RdBu"));
    ASSERT_NE(rdbu, nullptr);
    EXPECT_EQ(rdbu->type, Palette::Type::Diverging);
    EXPECT_TRUE(rdbu->colorblindSafe);
    const std::vector<QColor> seven = rdbu->colorsFor(7);
    ASSERT_EQ(seven.size(), 7u);
    EXPECT_EQ(seven[3].name(), QStringLiteral("#f7f7f7")); // neutral middle
    EXPECT_EQ(seven[0].name(), QStringLiteral("#b2182b")); // decline: red
    EXPECT_EQ(seven[6].name(), QStringLiteral("#2166ac")); // growth: blue
    EXPECT_FALSE(findPalette(QStringLiteral("Spectral"))->colorblindSafe);
    for (const Palette &p : palettes())
        for (const auto &[n, colors] : p.colors)
            EXPECT_EQ(int(colors.size()), n) << p.name.toStdString();
}

TEST(Palette, ColourBlindSafeComeFirstInEachType)
{
    bool seenUnsafe = false;
    for (const Palette &p : palettes()) {
        if (p.type != Palette::Type::Diverging)
            continue;
        if (!p.colorblindSafe)
            seenUnsafe = true;
        else
            EXPECT_FALSE(seenUnsafe) << p.name.toStdString();
    }
    EXPECT_EQ(divergingPalette(3).size(), 7u);
    EXPECT_EQ(sequentialPalette(5).size(), 5u);
    EXPECT_EQ(sequentialPalette(5).back().name(), QStringLiteral("#253494"));
}
