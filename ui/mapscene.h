#pragma once
#include "classification.h"
#include "databundle.h"
#include "indicators.h"
#include "maprenderer.h"

#include <QStringList>
#include <optional>
#include <vector>

namespace renkou::ui {

/// What a map shows. The window, the CLI and the exports all set up the renderer from one of these, so
/// they show the same numbers, classes, colours, legend, title and sources.
struct MapQuery {
    core::Level level = core::Level::Province;
    core::IndicatorInfo indicator;
    int year = 0;
    std::optional<int> from;   ///< start year of a change
    QString drillProvince;     ///< a province shown with its prefecture-level units; empty: all of China
    bool scaleWithin = false;  ///< classify only the drilled province's units
    QStringList notes;         ///< lines the reader must see under the title (a substituted year, ...)
    bool diverging = false;    ///< diverging colours around 0 for a one-year indicator (a user's table of changes)
};

/// What applyMapScene() put on the map.
struct MapScene {
    core::Column column;
    std::vector<core::ClassRange> classes;
    std::vector<QColor> palette;  ///< one colour per class
};

/// Sets up `renderer` for `query`: layers (kept when unchanged, with the view), focus, column, classes
/// (quantile for values, diverging around 0 for changes), colours, legend, title, notes and source line.
MapScene applyMapScene(MapRenderer &renderer, const core::DataBundle &bundle, const MapQuery &query);

/// Indices in `layer` of the prefecture-level units of `provinceCode` (the unit itself for Taiwan, Hong
/// Kong and Macao).
std::vector<int> provinceFeatures(const core::BoundaryLayer &layer, const core::DataBundle &bundle,
                                  const QString &provinceCode);
/// "山东省  Shandong".
QString bilingualName(const core::Region &region);
/// "provinces", "prefecture-level units", ...
QString levelLabel(core::Level level);

} // namespace renkou::ui
