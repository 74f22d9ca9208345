#pragma once
#include "classification.h"
#include "databundle.h"
#include "indicators.h"
#include "maprenderer.h"
#include "view.h"

#include <functional>

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
    /// When no unit has data for the years: the nearest years with data (core::Period), offered, not shown.
    std::optional<int> nearestYear, nearestFrom;
    /// Values to draw the class breaks from instead of the map's own (every year of an animation, so that a
    /// colour means the same in each frame); the counts are the map's.
    std::vector<double> classValues;
    core::ClassChoice classes; ///< method, number and palette of a one-year map's classes
    bool showValues = false; ///< each labelled unit's value under its name
    double clusterSignificance = 0.05; ///< of a map of clusters (core::IndicatorContext::clusterSignificance)
    bool yearsLead = false; ///< the title starts with the years (a frame of an animation: "2014 · Resident population by province")
};

/// What applyMapScene() put on the map.
struct MapScene {
    core::Column column;
    std::vector<core::ClassRange> classes;
    std::vector<QColor> palette;  ///< one colour per class
};

using core::YearsOf;

/// Whether a map of `view` takes its classes from every year (View → Classes → same for every year): not for
/// categories (a type, a cluster: the same in any year), nor for a span chosen from–to (its changes are not
/// the one-year steps of the timeline).
bool classesFromEveryYear(const core::View &view, const core::IndicatorInfo &shown);

/// The map a view asks for: its level (prefecture-level units in a drill-down), its indicator
/// (core::growthIndicator() in growth/decline; resident population if the bundle lacks it) and its years by
/// core::resolvePeriod(): exactly the years asked, with notes and the nearest years with data when there is
/// none.
MapQuery queryFor(const core::DataBundle &bundle, const core::View &view, const YearsOf &yearsOf);

/// What of `view` the bundle cannot show, set right in `view`: an indicator it lacks (resident population
/// instead), a drill-down into no province (all of China instead), selected codes of no unit at the view's
/// level (dropped). One message per problem; empty when the bundle shows the view as it is.
QStringList correctView(const core::DataBundle &bundle, core::View &view);

/// Sets up `renderer` to draw `view` whole, as the window does: the scene of queryFor(), the selection, the
/// label language and the extent (the view's, else the drilled province's, else all of China). For the CLI
/// and exports without a window.
MapScene renderView(MapRenderer &renderer, const core::DataBundle &bundle, const core::View &view,
                    const std::vector<double> &classValues = {}, bool yearsLead = false);

/// Texts of a figure the author sets: a title, subtitle or source line given replaces the one made from the
/// data; a note is put before the notes made from the data, which always stay (every caveat travels with
/// the figure).
struct FigureTexts {
    std::optional<QString> title, subtitle, note, source;
    bool isEmpty() const { return !title && !subtitle && !note && !source; }
};
void applyFigureTexts(MapRenderer &renderer, const FigureTexts &texts);

/// The values of `view`'s map in each of `years` (all the years with data when empty), together: the class
/// breaks of "same classes for every year" and of an animation.
std::vector<double> valuesOfYears(const core::DataBundle &bundle, const core::View &view, std::vector<int> years = {});

/// Indices in `layer` of the units `codes` that it draws.
std::vector<int> featureIndices(const core::BoundaryLayer *layer, const QStringList &codes);

/// Sets up `renderer` for `query`: layers (kept when unchanged, with the view), focus, column, classes
/// (quantile for values, diverging around 0 for changes), colours, legend, title, notes and source line.
MapScene applyMapScene(MapRenderer &renderer, const core::DataBundle &bundle, const MapQuery &query);

/// Indices in `layer` of the prefecture-level units of `provinceCode` (the unit itself for Taiwan, Hong
/// Kong and Macao).
std::vector<int> provinceFeatures(const core::BoundaryLayer &layer, const core::DataBundle &bundle,
                                  const QString &provinceCode);
/// The hover text (HTML) of unit `code` on a map of `column`: names, value and year (or "no data"), rank,
/// the change since the previous year with population data (`change`, may be empty), sources and notes.
QString unitTooltip(const core::DataBundle &bundle, const core::Column &column, const core::Column &change, const QString &code);
/// "山东省  Shandong"; "山东省" when the language installed is Chinese.
QString bilingualName(const core::Region &region);

} // namespace renkou::ui
