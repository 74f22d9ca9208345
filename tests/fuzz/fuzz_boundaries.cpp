// Fuzzes the boundary reader (GDAL/OGR, then projection, make-valid and the conversion to our geometry).
#include "boundarylayer.h"
#include "fuzzinput.h"

using namespace renkou::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = renkou::fuzz::writeInput(data, size, "boundaries.geojson");
    const auto layer = BoundaryLayer::read(path, Projection::chinaAlbers());
    renkou::fuzz::checkNamesFile(layer, path);
    if (layer.ok()) {
        for (const Feature &f : layer->features()) {
            if (f.code.isEmpty() || layer->indexOf(f.code) < 0)
                __builtin_trap(); // every polygon feature has a code that finds it
            (void)area(f.polygons);
        }
    }
    const auto attributes = BoundaryLayer::attributes(path);
    renkou::fuzz::checkNamesFile(attributes, path);
    return 0;
}
