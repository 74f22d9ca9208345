#pragma once
#include <QColor>
#include <vector>

namespace renkou::core {

/// ColorBrewer YlGnBu (sequential, colour-blind safe) with `k` classes, 3 <= k <= 9 (clamped).
std::vector<QColor> sequentialPalette(int k);
/// The fill of a unit without data is drawn as a hatch over this colour, never a class colour.
QColor noDataColor();

} // namespace renkou::core
