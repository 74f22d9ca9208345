#pragma once
#include "result.h"

#include <QByteArray>

namespace renkou::core {

/// Largest table Renkou reads (64 MiB): a table of every county for 25 years and 20 indicators is a tenth
/// of it; a long table's rows take about as much memory as its file (40 bytes a row).
inline constexpr qint64 kMaxTableBytes = qint64(64) << 20;
/// Largest boundary file Renkou opens (2 GiB). GDAL's GeoJSON driver has its own, lower limit (200 MB).
inline constexpr qint64 kMaxBoundaryBytes = qint64(2) << 30;

/// Checks, before anything opens it, that `path` is a regular file (or a symbolic link to one) of at most
/// `maxBytes`; with `allowDirectory` a directory passes too (a Shapefile folder is an OGR dataset).
/// Errors: NotFound ("no such file"; a symbolic link to nothing), Unreadable (a symbolic link loop; a named
/// pipe, device or socket: "is not a regular file (a named pipe)"), Value (larger than `maxBytes`).
Status checkInputFile(const QString &path, qint64 maxBytes, bool allowDirectory = false);

/// Checks the files GDAL may open beside `path` (a Shapefile's .dbf, .shx, .prj, .cpg; MapInfo's .dat; a
/// GeoPackage's -wal and -journal: every entry of its folder whose name starts with the file's base name and
/// a dot or dash; for a folder, every entry): each must be a regular file or folder. Error (Unreadable) names
/// the first that is not, and what it is.
Status checkCompanionFiles(const QString &path);

/// Checks that `path` may be written: it does not exist, or it is a regular file (or a link to one). A
/// device, pipe or socket (or a link to one) is never replaced. Error (Write) says what it is.
Status checkOutputFile(const QString &path);

/// Reads a whole file checked by checkInputFile(): never more than `maxBytes` bytes, even if the file grows
/// while it is read; with `headBytes` > 0 only its first `headBytes` (a first look at a big file). Errors as
/// checkInputFile(), and Unreadable with the system's reason.
Result<QByteArray> readInputFile(const QString &path, qint64 maxBytes, qint64 headBytes = 0);

/// Writes `bytes` to `path` atomically; refuses to replace an existing file unless `overwrite`.
Status writeFileAtomically(const QString &path, const QByteArray &bytes, bool overwrite);

/// "12.3 MB": a size in bytes for messages (binary megabytes, 2^20 bytes; whole ones without a decimal).
QString formatBytes(qint64 bytes);

} // namespace renkou::core
