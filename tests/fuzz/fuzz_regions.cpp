// Fuzzes the regions.csv reader and the lookups made on what it accepts.
#include "fuzzinput.h"
#include "regiontable.h"

using namespace renkou::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = renkou::fuzz::writeInput(data, size, "regions.csv");
    const auto table = RegionTable::load(path);
    renkou::fuzz::checkNamesFile(table, path);
    if (!table.ok())
        return 0;
    for (const Region &r : table->all()) {
        if (table->find(r.code, r.level) == nullptr)
            __builtin_trap(); // every unit can be found again
        (void)table->members(r);
        (void)table->matchCode(r.code, Level::Prefecture);
        (void)table->matchCode(r.code, Level::Province);
    }
    return 0;
}
