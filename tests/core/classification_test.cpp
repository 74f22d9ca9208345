#include "classification.h"

#include <gtest/gtest.h>

using namespace renkou::core;

TEST(QuantileClassification, SplitsTenValuesIntoFiveEqualClasses)
{
    const auto classes = QuantileClassification().classes({10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 5, QStringLiteral("%"));
    ASSERT_EQ(classes.size(), 5u);
    const double uppers[] = {2, 4, 6, 8, 10};
    for (size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(classes[i].upper, uppers[i]);
        EXPECT_EQ(classes[i].count, 2);
    }
    EXPECT_EQ(classes[0].lower, 1);
    EXPECT_EQ(classes[0].label, QStringLiteral("1.00 % – 2.00 %"));
    EXPECT_EQ(classIndex(classes, 2), 0);
    EXPECT_EQ(classIndex(classes, 2.5), 1);
    EXPECT_EQ(classIndex(classes, 11), -1);
    EXPECT_EQ(classIndex(classes, std::nan("")), -1);
}

TEST(QuantileClassification, FewDistinctValuesGiveFewerClasses)
{
    const auto classes = QuantileClassification().classes({5, 5, 5, 5}, 4, QStringLiteral("persons"));
    ASSERT_EQ(classes.size(), 1u);
    EXPECT_EQ(classes[0].count, 4);
    EXPECT_TRUE(QuantileClassification().classes({}, 5, QStringLiteral("persons")).empty());
}

TEST(FormatValue, ReadsLikeAPublishedLegend)
{
    EXPECT_EQ(formatValue(1234567, QStringLiteral("persons")), QStringLiteral("1.2 M"));
    EXPECT_EQ(formatValue(-430000, QStringLiteral("persons")), QStringLiteral("-430 k"));
    EXPECT_EQ(formatValue(1412600000, QStringLiteral("persons")), QStringLiteral("1.41 bn"));
    EXPECT_EQ(formatValue(950, QStringLiteral("persons")), QStringLiteral("950"));
    EXPECT_EQ(formatValue(0.5, QStringLiteral("%")), QStringLiteral("0.50 %"));
    EXPECT_EQ(formatValue(-6.92, QStringLiteral("‰")), QStringLiteral("-6.92 ‰"));
    EXPECT_EQ(formatFull(100800000, QStringLiteral("persons")), QStringLiteral("100,800,000"));
}
