// Numbers in text as print sets them.
#include "numbers.h"

#include <gtest/gtest.h>

using namespace renkou::core;

// Ranges get an en dash and negative numbers a minus sign; words keep their hyphens.
TEST(Numbers, TypesetRangesAndMinusSigns)
{
    EXPECT_EQ(typesetNumbers(QStringLiteral("2011-2019 are the values revised")), QStringLiteral("2011–2019 are the values revised"));
    EXPECT_EQ(typesetNumbers(QStringLiteral("(e.g. Anhui -1.74 million, Hunan +1.64 million)")),
              QStringLiteral("(e.g. Anhui −1.74 million, Hunan +1.64 million)"));
    EXPECT_EQ(typesetNumbers(QStringLiteral("-5.13 million")), QStringLiteral("−5.13 million"));
    EXPECT_EQ(typesetNumbers(QStringLiteral("first-published, non-revised")), QStringLiteral("first-published, non-revised"));
}
