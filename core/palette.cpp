#include "palette.h"

#include <algorithm>

namespace renkou::core {

std::vector<QColor> sequentialPalette(int k)
{
    // ColorBrewer 2.0, YlGnBu (Cynthia Brewer, Apache-2.0 licence), by class count.
    static const std::vector<std::vector<const char *>> ylgnbu = {
        {"#edf8b1", "#7fcdbb", "#2c7fb8"},
        {"#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"},
        {"#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"},
        {"#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"},
        {"#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"},
        {"#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"},
        {"#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"},
    };
    const int n = std::clamp(k, 3, 9);
    std::vector<QColor> out;
    for (const char *hex : ylgnbu[size_t(n - 3)])
        out.emplace_back(QColor::fromString(QLatin1String(hex)));
    return out;
}

QColor noDataColor()
{
    return QColor(0xd9, 0xd9, 0xd9);
}

} // namespace renkou::core
