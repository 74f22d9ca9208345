#pragma once
#include "result.h"

#include <QStringList>
#include <vector>

namespace renkou::core {

/// True for the spreadsheet files Renkou reads as tables: .xlsx, .xls, .ods.
bool isWorkbook(const QString &path);

/// The sheets of a workbook, in order, read through GDAL's XLSX, XLS and ODS drivers (gdalio.cpp).
/// Errors name the file.
Result<QStringList> workbookSheets(const QString &path);

/// One sheet of a workbook: rows of cells, every cell as the text the sheet shows, the header row and any
/// title rows above it included; a row's position in the list + 1 is its row number in the sheet.
struct WorkbookSheet {
    QString name;
    std::vector<QStringList> rows;
};

/// The sheet named `sheet`, or (empty) every sheet in order, from one reading of the workbook. Errors name
/// the file, and for a missing sheet the sheets there are.
Result<std::vector<WorkbookSheet>> readWorkbook(const QString &path, const QString &sheet);

} // namespace renkou::core
