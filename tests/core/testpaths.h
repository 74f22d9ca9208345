#pragma once
#include <QDir>
#include <QString>

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
} // namespace renkou::test
