#include "classification.h"
#include "language.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

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

// Chart ticks of persons read as the legends do, every tick of an axis in one unit, with the decimals its
// spacing needs; in Chinese in 万 and 亿.
TEST(FormatPersonsTick, OneUnitPerAxis)
{
    EXPECT_EQ(formatPersonsTick(4e6, 4e6, 2e6), QStringLiteral("4 M"));
    EXPECT_EQ(formatPersonsTick(-2e6, 4e6, 2e6), QStringLiteral("-2 M"));
    EXPECT_EQ(formatPersonsTick(5e5, 1.5e6, 5e5), QStringLiteral("0.5 M")); // not "500 k" beside "1.5 M"
    EXPECT_EQ(formatPersonsTick(0, 4e6, 2e6), QStringLiteral("0"));
    EXPECT_EQ(formatPersonsTick(-250e3, 750e3, 250e3), QStringLiteral("-250 k"));
    EXPECT_EQ(formatPersonsTick(38e6, 40e6, 2e6), QStringLiteral("38 M"));
    setLanguage(Language::Chinese);
    EXPECT_EQ(formatPersonsTick(2e6, 4e6, 2e6), QStringLiteral("200万"));
    EXPECT_EQ(formatPersonsTick(1.2e8, 1.4e8, 2e7), QStringLiteral("1.2亿"));
    setLanguage(Language::English);
}

TEST(JenksClassification, MatchesThePublishedExample)
{
    // The example of the jenkspy documentation: breaks 1.2, 2.3, 5.0, 7.8.
    const auto classes = JenksClassification().classes({1.3, 7.1, 7.3, 2.3, 3.9, 4.1, 7.8, 1.2, 4.3, 7.3, 5.0, 4.3}, 3,
                                                       QStringLiteral("%"));
    ASSERT_EQ(classes.size(), 3u);
    EXPECT_EQ(classes[0].lower, 1.2);
    EXPECT_EQ(classes[0].upper, 2.3);
    EXPECT_EQ(classes[1].upper, 5.0);
    EXPECT_EQ(classes[2].upper, 7.8);
    EXPECT_EQ(classes[0].count + classes[1].count + classes[2].count, 12);
    EXPECT_EQ(classes[0].count, 3);
}

TEST(JenksClassification, IsOptimalAgainstBruteForce)
{
    // The sum of squared deviations from the class means is no larger than that of any other 3-class split.
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> dist(0, 100);
    auto ssd = [](const std::vector<double> &v, size_t a, size_t b) {
        double m = 0;
        for (size_t i = a; i < b; ++i)
            m += v[i];
        m /= double(b - a);
        double s = 0;
        for (size_t i = a; i < b; ++i)
            s += (v[i] - m) * (v[i] - m);
        return s;
    };
    for (int round = 0; round < 20; ++round) {
        std::vector<double> v(10);
        for (double &x : v)
            x = dist(rng);
        std::sort(v.begin(), v.end());
        double best = 1e300;
        for (size_t i = 1; i < v.size(); ++i)
            for (size_t j = i + 1; j < v.size(); ++j)
                best = std::min(best, ssd(v, 0, i) + ssd(v, i, j) + ssd(v, j, v.size()));
        const auto classes = JenksClassification().classes(v, 3, QString());
        ASSERT_EQ(classes.size(), 3u);
        const size_t i = size_t(classes[0].count);
        const size_t j = i + size_t(classes[1].count);
        EXPECT_NEAR(ssd(v, 0, i) + ssd(v, i, j) + ssd(v, j, v.size()), best, 1e-9);
    }
}

TEST(EqualIntervalAndManual, BoundsAndCounts)
{
    const std::vector<double> v = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const auto equal = EqualIntervalClassification().classes(v, 5, QStringLiteral("persons"));
    ASSERT_EQ(equal.size(), 5u);
    EXPECT_EQ(equal[0].upper, 2);
    EXPECT_EQ(equal[4].upper, 10);
    EXPECT_EQ(equal[0].count, 3); // 0, 1, 2
    EXPECT_EQ(equal[1].count, 2); // 3, 4
    const auto manual = ManualClassification({3, 7}).classes(v, 3, QStringLiteral("persons"));
    ASSERT_EQ(manual.size(), 3u);
    EXPECT_EQ(manual[0].count, 4);
    EXPECT_EQ(manual[1].count, 4);
    EXPECT_EQ(manual[2].count, 3);
    EXPECT_EQ(manual[1].label, QStringLiteral("3 – 7"));
}

TEST(DivergingClasses, SymmetricAroundZeroWithANeutralBand)
{
    const std::vector<double> change = {-430000, -100, 0, 50000, 250000};
    const auto classes = divergingClasses(change, 3, 0, QStringLiteral("persons"));
    ASSERT_EQ(classes.size(), 7u);
    for (size_t i = 0; i < 7; ++i) {
        EXPECT_DOUBLE_EQ(classes[i].lower, -classes[6 - i].upper) << i;
        EXPECT_DOUBLE_EQ(classes[i].upper, -classes[6 - i].lower) << i;
    }
    EXPECT_EQ(classes[0].lower, -430000);
    EXPECT_EQ(classIndex(classes, 0), 3);       // exact zero is the neutral class
    EXPECT_EQ(classIndex(classes, -100), 2);    // the smallest loss is a loss
    EXPECT_EQ(classIndex(classes, 250000), 5);
    EXPECT_EQ(classIndex(classes, -430000), 0);
    EXPECT_EQ(classes[3].label, QStringLiteral("no change"));
    EXPECT_EQ(classes[0].label, QStringLiteral("−430 k – −287 k")); // true minus signs and an en dash

    const auto pct = divergingClasses({-1.2, -0.06, -0.05, 0.03, 0.8}, 2, 0.05, QStringLiteral("%"));
    ASSERT_EQ(pct.size(), 5u);
    EXPECT_EQ(pct[2].count, 2); // −0.05 and 0.03 are flat
    EXPECT_EQ(classIndex(pct, -0.06), 1);
    EXPECT_EQ(pct[2].label, QStringLiteral("flat (±0.05 %)"));
    EXPECT_EQ(pct[0].count + pct[1].count + pct[2].count + pct[3].count + pct[4].count, 5);
}

// Any finite double goes in: extremes (±1e308, denormals, −0), all equal, one value. Every method gives
// finite, ordered classes that hold every value exactly once, with labels of sensible length.
TEST(Classification, ExtremeValuesGiveFiniteClassesForEveryMethod)
{
    const double big = 1e308;
    const double denormal = std::numeric_limits<double>::denorm_min();
    const std::vector<std::vector<double>> inputs = {
        {1e200, 2e200, 3e200},
        {-big, big, 0, 1, -1},
        {-big, -big / 2, big / 2, big},
        {denormal, 2 * denormal, 3 * denormal, 0.0},
        {-0.0, 0.0, -0.0},
        {42, 42, 42, 42},
        {7},
        {1e-300, 1e300, -1e-300, 5},
    };
    const QuantileClassification quantile;
    const EqualIntervalClassification equal;
    const JenksClassification jenks;
    const ManualClassification manual({0, 1e100});
    const ClassificationMethod *methods[] = {&quantile, &equal, &jenks, &manual};
    for (const auto &values : inputs) {
        for (const ClassificationMethod *method : methods) {
            for (int k : {1, 2, 5}) {
                const auto classes = method->classes(values, k, QStringLiteral("persons"));
                ASSERT_FALSE(classes.empty());
                int total = 0;
                for (const ClassRange &c : classes) {
                    EXPECT_TRUE(std::isfinite(c.lower) && std::isfinite(c.upper));
                    EXPECT_LE(c.lower, c.upper);
                    EXPECT_LT(c.label.size(), 40) << c.label.toStdString();
                    EXPECT_FALSE(c.label.contains(QStringLiteral("inf")));
                    total += c.count;
                }
                EXPECT_EQ(total, int(values.size())) << "k=" << k;
                for (double v : values)
                    EXPECT_GE(classIndex(classes, v), 0) << v;
            }
        }
        const auto diverging = divergingClasses(values, 3, 0, QStringLiteral("%"));
        int total = 0;
        for (const ClassRange &c : diverging) {
            EXPECT_TRUE(std::isfinite(c.lower) && std::isfinite(c.upper));
            EXPECT_LT(c.label.size(), 40) << c.label.toStdString();
            total += c.count;
        }
        EXPECT_EQ(total, int(values.size()));
    }
    // Jenks on huge values still splits where the gap is.
    const auto two = JenksClassification().classes({1e200, 1.1e200, 9e200, 9.1e200}, 2, QStringLiteral("ratio"));
    ASSERT_EQ(two.size(), 2u);
    EXPECT_EQ(two[0].upper, 1.1e200);
    EXPECT_EQ(two[0].count, 2);
    EXPECT_EQ(formatValue(1e308, QStringLiteral("persons")), QStringLiteral("1e+308"));
    EXPECT_EQ(formatFull(2.5e200, QStringLiteral("persons")), QStringLiteral("2.5e+200"));
}

// On screen a value is rounded as its unit is read (issue 15: shares showed 15.53764494); copies keep every digit.
TEST(Format, ShownValuesAreRoundedForTheirUnit)
{
    EXPECT_EQ(formatShown(15.53764494, QStringLiteral("%")), QStringLiteral("15.5"));
    EXPECT_EQ(formatShown(6.3912, QStringLiteral("‰")), QStringLiteral("6.39"));
    EXPECT_EQ(formatShown(260.996045, QStringLiteral("persons per km²")), QStringLiteral("261.0"));
    EXPECT_EQ(formatShown(1234000.4, QStringLiteral("persons")), QStringLiteral("1,234,000"));
    EXPECT_EQ(formatShown(104.5321, QStringLiteral("females = 100")), QStringLiteral("104.532"));
    EXPECT_EQ(formatShown(2500000.25, QStringLiteral("points")), QStringLiteral("2,500,000"));
    EXPECT_EQ(formatFull(15.53764494, QStringLiteral("%")), QStringLiteral("15.53764494"));
}

// One large change does not crowd the others into one class: each side's breaks are its own quantiles,
// rounded, and the outer classes are open ("≤ −…", "> …").
TEST(DivergingClasses, QuantilesOfEachSideAreRobustToAnOutlier)
{
    // 2010–2020-like: one province lost 6.6 M, the other losses are under 1 M; gains up to 21.8 M.
    const std::vector<double> change = {-6'600'000, -1'100'000, -900'000, -590'000, -300'000, -100'000,
                                        50'000,     400'000,    900'000,  1'500'000, 3'000'000, 21'800'000};
    const auto equal = divergingClasses(change, 3, 0, QStringLiteral("persons"));
    EXPECT_EQ(classIndex(equal, -590'000), classIndex(equal, -100'000)); // equal widths lump the small losses
    const auto classes = divergingQuantileClasses(change, 3, 0, QStringLiteral("persons"));
    ASSERT_EQ(classes.size(), 7u);
    EXPECT_NE(classIndex(classes, -6'600'000), classIndex(classes, -590'000));
    EXPECT_EQ(classIndex(classes, -6'600'000), 0);
    EXPECT_EQ(classIndex(classes, 21'800'000), 6);
    EXPECT_EQ(classIndex(classes, 0.0), 3);
    int total = 0;
    for (const ClassRange &c : classes) {
        EXPECT_LE(c.lower, c.upper);
        total += c.count;
    }
    EXPECT_EQ(total, int(change.size()));
    // Two units a class on each side (6 values a side, 3 classes), breaks rounded to two digits.
    EXPECT_EQ(classes[0].count, 2);
    EXPECT_EQ(classes[6].count, 2);
    EXPECT_EQ(classes[0].label, QStringLiteral("< −900 k"));
    EXPECT_EQ(classes[6].label.left(2), QStringLiteral("> "));
    EXPECT_EQ(classes[6].lower, 1'500'000);
    EXPECT_EQ(classIndex(classes, -900'000), 1); // a loss of exactly a break is with the smaller losses
}
