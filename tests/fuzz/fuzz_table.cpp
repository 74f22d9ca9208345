// Fuzzes the population table reader: the layout check, then the long or the wide reader.
#include "fuzzinput.h"
#include "populationstore.h"

using namespace renkou::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = renkou::fuzz::writeInput(data, size, "table.csv");
    const auto layout = PopulationStore::detectLayout(path);
    renkou::fuzz::checkNamesFile(layout, path);
    PopulationStore store;
    if (layout.ok() && layout.value() == TableLayout::Wide) {
        const auto added = store.addWideFile(path, WideTableSpec{QStringLiteral("resident_population"), QStringLiteral("persons"), {}});
        renkou::fuzz::checkNamesFile(added, path);
    } else {
        const auto added = store.addFile(path);
        renkou::fuzz::checkNamesFile(added, path);
        // A refused table adds nothing.
        if (!added.ok() && store.size() != 0)
            __builtin_trap();
    }
    return 0;
}
