#pragma once
#include <QColor>
#include <QString>
#include <map>
#include <vector>

namespace renkou::core {

/// A ColorBrewer palette, read from resources/palettes/colorbrewer.json.
struct Palette {
    enum class Type { Sequential, Diverging };
    QString name;
    Type type = Type::Sequential;
    bool colorblindSafe = true;
    std::map<int, std::vector<QColor>> colors; ///< by class count

    /// The colours for `n` classes: the palette's own set for n if it has one, else the nearest size.
    std::vector<QColor> colorsFor(int n) const;
};

/// Every palette, colour-blind-safe ones first (as in the data file).
const std::vector<Palette> &palettes();
/// The palette called `name`, or nullptr.
const Palette *findPalette(const QString &name);
/// The default sequential palette (YlGnBu) for `k` classes.
std::vector<QColor> sequentialPalette(int k);
/// The default diverging palette (RdBu: decline red, growth blue) for `perSide` classes each side of a
/// neutral middle colour: 2 × perSide + 1 colours, perSide from 1 to 5.
std::vector<QColor> divergingPalette(int perSide);
/// The fill of a unit without data is drawn as a hatch over this colour, never a class colour.
QColor noDataColor();

} // namespace renkou::core
