#pragma once
#include "databundle.h"
#include "indicators.h"

#include <QDir>
#include <QString>
#include <gtest/gtest.h>

namespace renkou::test {
/// tests/data in the source tree.
inline QString dataPath(const QString &relative)
{
    return QDir(QStringLiteral(RENKOU_TEST_DATA)).filePath(relative);
}
/// The real data bundle the build was configured with.
inline QString bundlePath(const QString &relative = {})
{
    return relative.isEmpty() ? QStringLiteral(RENKOU_BUNDLE_DIR) : QDir(QStringLiteral(RENKOU_BUNDLE_DIR)).filePath(relative);
}
/// The entry of unit `code` in the column of `indicator` at `level` (for a change: `from` → `year`).
inline core::ColumnEntry entryOf(const core::DataBundle &bundle, const char *indicator, core::Level level,
                                 const char *code, int year, std::optional<int> from = {})
{
    const auto info = core::findIndicator(bundle.population, QString::fromLatin1(indicator));
    EXPECT_TRUE(info.ok()) << indicator;
    if (!info)
        return {};
    const core::Column c = core::computeColumn(bundle.context(), level, info.value(), year, from);
    const core::ColumnEntry *e = c.find(QString::fromLatin1(code));
    EXPECT_NE(e, nullptr) << code;
    return e ? *e : core::ColumnEntry{};
}
} // namespace renkou::test
