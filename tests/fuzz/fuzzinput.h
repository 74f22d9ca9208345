#pragma once
// Fuzz inputs go to a file, as users' files do: the loaders read paths, so that errors can name them.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstdint>
#include <cstdlib>

namespace renkou::fuzz {

/// Writes the input to `name` in a directory of this process and returns the path.
inline QString writeInput(const uint8_t *data, size_t size, const char *name)
{
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/renkou-fuzz-XXXXXX"));
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        std::abort();
    f.write(reinterpret_cast<const char *>(data), qint64(size));
    return path;
}

/// A loader's error must name the file it was given: anything else is a bug the fuzzer reports.
template <typename R>
void checkNamesFile(const R &result, const QString &path)
{
    if (!result.ok() && (result.error().path != path || result.error().message.isEmpty()))
        __builtin_trap();
}

} // namespace renkou::fuzz
