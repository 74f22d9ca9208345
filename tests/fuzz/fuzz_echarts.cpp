// Fuzzes the decoder of ECharts maps with encoded coordinates (UTF8Encoding): any bytes give GeoJSON or an
// Error with a message.
#include "echartsmap.h"

#include <QByteArray>

using namespace renkou::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)isEChartsEncoded(bytes);
    const auto decoded = decodeEChartsMap(bytes);
    if (!decoded.ok() && decoded.error().message.isEmpty())
        __builtin_trap();
    return 0;
}
