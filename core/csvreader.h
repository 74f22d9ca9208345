#pragma once
#include "result.h"

#include <QStringList>
#include <vector>

namespace renkou::core {

/// One data row of a CSV file with the line it starts on (1-based, the header is line 1).
struct CsvRow {
    int line = 0;
    QStringList fields;
};

/// A CSV file read whole: RFC 4180 quoting, UTF-8 with or without a byte-order mark.
class CsvTable {
public:
    /// Reads `path`; fails if it is not UTF-8, a row has the wrong number of fields, or a column in
    /// `requiredColumns` is missing from the header.
    static Result<CsvTable> read(const QString &path, const QStringList &requiredColumns);

    const QString &path() const { return m_path; }
    const QStringList &header() const { return m_header; }
    const std::vector<CsvRow> &rows() const { return m_rows; }
    /// Index of `name` in the header, or -1.
    int column(const QString &name) const { return m_header.indexOf(name); }
    /// "line N" for error messages.
    static QString lineRef(const CsvRow &row);

private:
    QString m_path;
    QStringList m_header;
    std::vector<CsvRow> m_rows;
};

} // namespace renkou::core
