// Fuzzes the workbook reader: GDAL's XLSX driver, then the search for the sheet with a table, its title rows
// and header.
#include "csvreader.h"
#include "fuzzinput.h"

using namespace renkou::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = renkou::fuzz::writeInput(data, size, "table.xlsx");
    const auto table = CsvTable::read(path, {});
    renkou::fuzz::checkNamesFile(table, path);
    return 0;
}
