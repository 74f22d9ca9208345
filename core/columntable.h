#pragma once
#include "indicators.h"

#include <QByteArray>
#include <QStringList>

namespace renkou::core {

/// The table form of a Column, shared by `renkou-cli table` and the CSV export:
/// code,name_zh,name_en,year,value,unit,source,flag,note,rank,from_year, and for a categorical indicator
/// (migration_type …) `category`, the class in words (the value is its code).
QStringList columnTableHeader(const Column &column);
/// Columns of columnTableHeader() that hold numbers (JSON numbers, null when empty).
QStringList columnTableNumericColumns();
/// One unit's row; an empty value is no data.
QStringList columnTableRow(const Column &column, const ColumnEntry &entry);
/// A number as written in tables: up to 12 significant digits, no exponent for counts.
QString tableNumber(double value);
/// A CSV field, quoted when it holds a comma, quote or line break.
QString csvField(const QString &text);
/// A cell a spreadsheet shows as text, never runs as a formula (OWASP, "CSV Injection"): text beginning
/// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`. Numbers stay as they are
/// ("-430000", "-430,000", "+1.5 %").
QString spreadsheetSafe(const QString &cell);
/// The whole column as UTF-8 CSV (CRLF-free), with a byte-order mark when `bom` (Excel on a Chinese
/// Windows then reads it as UTF-8); every cell spreadsheetSafe().
QByteArray columnCsv(const Column &column, bool bom);

} // namespace renkou::core
