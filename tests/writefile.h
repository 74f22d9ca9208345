#pragma once
// A file a test makes in its temporary folder (the shared cases are read-only in CI).
#include <QByteArray>
#include <QFile>
#include <QString>
#include <gtest/gtest.h>

namespace renkou::test {
inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly)) << path.toStdString();
    f.write(bytes);
}
} // namespace renkou::test
