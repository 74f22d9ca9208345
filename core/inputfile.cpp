#include "inputfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStorageInfo>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace renkou::core {

namespace {
QString kindOf(mode_t mode)
{
    if (S_ISFIFO(mode))
        return QStringLiteral("a named pipe");
    if (S_ISCHR(mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(mode))
        return QStringLiteral("a block device");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("not a file");
}
} // namespace

QString formatBytes(qint64 bytes)
{
    // Binary megabytes, as file managers on Linux and Windows count them: the limit of 64 MB reads "64 MB",
    // a file one byte over it "64.0 MB".
    const double mb = double(bytes) / double(1 << 20);
    const bool whole = bytes % (1 << 20) == 0;
    return QStringLiteral("%1 MB").arg(mb, 0, 'f', whole ? 0 : 1);
}

Status checkInputFile(const QString &path, qint64 maxBytes, bool allowDirectory)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st {};
    // stat() follows symbolic links: a link to /dev/zero is a device, a link loop is ELOOP.
    if (::stat(native.constData(), &st) != 0) {
        const int err = errno;
        if (err == ELOOP)
            return Error{Error::Code::Unreadable, path, {}, QStringLiteral("is a symbolic link loop")};
        if (err == ENOENT) {
            struct stat lst {};
            if (::lstat(native.constData(), &lst) == 0 && S_ISLNK(lst.st_mode))
                return Error{Error::Code::NotFound, path, {}, QStringLiteral("is a symbolic link to a file that does not exist")};
            return Error{Error::Code::NotFound, path, {}, QStringLiteral("no such file")};
        }
        return Error{Error::Code::Unreadable, path, {}, QStringLiteral("cannot be read: %1").arg(QString::fromLocal8Bit(std::strerror(err)))};
    }
    if (S_ISDIR(st.st_mode) && allowDirectory)
        return Done{};
    if (S_ISDIR(st.st_mode))
        return Error{Error::Code::Unreadable, path, {}, QStringLiteral("is a directory, not a file")};
    if (!S_ISREG(st.st_mode))
        return Error{Error::Code::Unreadable, path, {}, QStringLiteral("is not a regular file (%1)").arg(kindOf(st.st_mode))};
    if (qint64(st.st_size) > maxBytes)
        return Error{Error::Code::Value, path, {},
                     QStringLiteral("is %1, larger than the %2 Renkou reads").arg(formatBytes(st.st_size), formatBytes(maxBytes))};
    return Done{};
}

Status checkCompanionFiles(const QString &path)
{
    const QFileInfo info(path);
    const QDir dir = info.isDir() ? QDir(path) : info.dir();
    const QString base = info.completeBaseName();
    const QStringList entries = dir.entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : entries) {
        if (!info.isDir() && !(name.startsWith(base + u'.', Qt::CaseInsensitive) || name.startsWith(base + u'-', Qt::CaseInsensitive)))
            continue;
        const QString companion = dir.filePath(name);
        if (companion == info.absoluteFilePath())
            continue;
        struct stat st {};
        if (::stat(QFile::encodeName(companion).constData(), &st) != 0)
            continue; // a dangling link: GDAL cannot open it either
        if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
            return Error{Error::Code::Unreadable, path, {},
                         QStringLiteral("its companion file %1 is not a regular file (%2)").arg(name, kindOf(st.st_mode))};
    }
    return Done{};
}

Status checkOutputFile(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return Done{}; // not there (or a dangling link): a new file
    if (!S_ISREG(st.st_mode))
        return Error{Error::Code::Write, path, {},
                     S_ISDIR(st.st_mode) ? QStringLiteral("is a directory")
                                         : QStringLiteral("is not a regular file (%1): not replaced").arg(kindOf(st.st_mode))};
    return Done{};
}

Result<QByteArray> readInputFile(const QString &path, qint64 maxBytes, qint64 headBytes)
{
    if (Status ok = checkInputFile(path, maxBytes); !ok)
        return ok.error();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Code::Unreadable, path, {}, QStringLiteral("cannot be read: %1").arg(file.errorString())};
    // Into one buffer sized for what the file holds (grown if it grows), up to the limit: memory for what
    // the file holds, never for the limit (QIODevice::read(n) allocates n bytes at once).
    QByteArray bytes;
    bytes.resize(qsizetype(std::min(file.size(), headBytes > 0 ? headBytes : maxBytes)) + 1);
    qsizetype used = 0;
    for (;;) {
        if (headBytes > 0 && used >= headBytes)
            break;
        if (used == bytes.size())
            bytes.resize(qsizetype(std::min<qint64>(qint64(used) * 2, maxBytes + 1)));
        const qint64 n = file.read(bytes.data() + used, headBytes > 0 ? std::min<qint64>(bytes.size() - used, headBytes - used) : bytes.size() - used);
        if (n <= 0)
            break;
        used += qsizetype(n);
        if (used > maxBytes)
            return Error{Error::Code::Value, path, {},
                         QStringLiteral("grew beyond the %1 Renkou reads while it was read").arg(formatBytes(maxBytes))};
    }
    bytes.truncate(used);
    if (file.error() != QFileDevice::NoError)
        return Error{Error::Code::Unreadable, path, {}, QStringLiteral("cannot be read: %1").arg(file.errorString())};
    return bytes;
}

Status writeFileAtomically(const QString &path, const QByteArray &bytes, bool overwrite)
{
    const QFileInfo info(path);
    if (Status ok = checkOutputFile(path); !ok) // a directory, or a link to a device: never replaced
        return ok.error();
    if (info.exists() && !overwrite)
        return Error{Error::Code::Exists, path, {},
                           QStringLiteral("already exists; not replaced (use --force to replace it)")};
    QSaveFile file(path);
    // Unbuffered: a failed write reports the system's reason ("No space left on device"), where a failed
    // flush at commit() said only "Unknown error".
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return Error{Error::Code::Write, path, {}, QStringLiteral("cannot be written: %1").arg(file.errorString())};
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        QString reason = file.errorString();
        const QStorageInfo disk(info.absolutePath());
        if ((reason.isEmpty() || reason == u"Unknown error") && disk.isValid() && disk.bytesAvailable() < bytes.size())
            reason = QStringLiteral("No space left on device (%1 to write)").arg(formatBytes(bytes.size()));
        return Error{Error::Code::Write, path, {}, QStringLiteral("cannot be written: %1").arg(reason)};
    }
    return Done{};
}

} // namespace renkou::core
