#pragma once
#include "result.h"

#include <QByteArray>

namespace renkou::core {

/// Largest table Renkou reads (64 MiB): a table of every county for 25 years and 20 indicators is a tenth
/// of it, and a table's rows take about 25 times the file's size in memory.
inline constexpr qint64 kMaxTableBytes = qint64(64) << 20;
/// Largest boundary file Renkou opens (2 GiB). GDAL's GeoJSON driver has its own, lower limit (200 MB).
inline constexpr qint64 kMaxBoundaryBytes = qint64(2) << 30;

/// Checks, before anything opens it, that `path` is a regular file (or a symbolic link to one) of at most
/// `maxBytes`; with `allowDirectory` a directory passes too (a Shapefile folder is an OGR dataset).
/// Errors: NotFound ("no such file"; a symbolic link to nothing), Unreadable (a symbolic link loop; a named
/// pipe, device or socket: "is not a regular file (a named pipe)"), Value (larger than `maxBytes`).
Status checkInputFile(const QString &path, qint64 maxBytes, bool allowDirectory = false);

/// Reads a whole file checked by checkInputFile(): never more than `maxBytes` bytes, even if the file grows
/// while it is read. Errors as checkInputFile(), and Unreadable with the system's reason.
Result<QByteArray> readInputFile(const QString &path, qint64 maxBytes);

/// "12.3 MB": a size in bytes for messages (decimal megabytes).
QString formatBytes(qint64 bytes);

} // namespace renkou::core
