#include "inputfile.h"

#include <QFile>

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
    return QStringLiteral("%1 MB").arg(double(bytes) / 1e6, 0, 'f', bytes < 10'000'000 ? 1 : 0);
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

Result<QByteArray> readInputFile(const QString &path, qint64 maxBytes)
{
    if (Status ok = checkInputFile(path, maxBytes); !ok)
        return ok.error();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Code::Unreadable, path, {}, QStringLiteral("cannot be read: %1").arg(file.errorString())};
    QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes)
        return Error{Error::Code::Value, path, {},
                     QStringLiteral("grew beyond the %1 Renkou reads while it was read").arg(formatBytes(maxBytes))};
    if (file.error() != QFileDevice::NoError)
        return Error{Error::Code::Unreadable, path, {}, QStringLiteral("cannot be read: %1").arg(file.errorString())};
    return bytes;
}

} // namespace renkou::core
