#pragma once
#include "chartpanel.h"
#include "databundle.h"
#include "indicators.h"
#include "mapscene.h"
#include "view.h"

#include <optional>
#include <vector>

namespace renkou::ui {

/// Units' series of one indicator of each year as the side panel and `renkou-cli chart` draw them: the
/// series (gaps stay gaps), the mode, the series breaks of `notes.csv`, a title naming the units and the
/// measure and the years, a subtitle saying what is plotted in which unit, the short source line (publishers
/// and their years) and the notes that apply.
struct TrendChart {
    QString title;
    QString unit;                     ///< of the plotted values: the indicator's, or % for shares
    std::vector<ChartSeries> series;
    std::vector<ComponentsSeries> components; ///< of a chart of components of change (mode Components), instead of series
    ChartMode mode = ChartMode::Absolute;
    int baseYear = 0;                 ///< of an indexed chart: the one asked for, else the first year every unit has
    bool noCommonYear = false;        ///< indexed without a base year asked for, and no year every unit has
    std::vector<ChartBreak> breaks;
    QString subtitle;                 ///< what is plotted, in which unit
    QString source;                   ///< "Source: …": empty when no unit has a value
    QString notes;                    ///< one a line: the caveats of the units and years drawn
};

/// The trend chart of `units` for `indicator` (a value of each year: not a change) in `mode`; Share is the
/// share of the province's prefecture-level units (of the 31 provinces for a province) and needs resident
/// population. Components ignores `indicator`: each unit's components of change (core::componentsOfChange()),
/// its caption giving the years without components and why, and the residual caveat.
TrendChart trendChart(const core::DataBundle &bundle, const std::vector<const core::Region *> &units,
                      const core::IndicatorInfo &indicator, core::ChartMode mode, std::optional<int> baseYear);

/// The numbers behind a chart: a header and one row per unit and year with a value.
struct ChartNumbers {
    QStringList header;
    std::vector<QStringList> rows;
    /// Tab-separated, with the header, for the clipboard.
    QString toTsv() const;
};

/// The numbers behind `chart` of `units` (as given to trendChart(), in the same order). Components: code,
/// name_zh, name_en, year, change, natural_increase, net_migration (persons, whole; empty where missing, never
/// 0), note (why the components are missing, and the notes that apply). Other modes: code, name_zh, name_en,
/// year, value, unit, flag, the values before any index or share.
ChartNumbers chartNumbers(const TrendChart &chart, const std::vector<const core::Region *> &units);

/// The units of `view`'s selection at `level` (the map's: prefecture-level units in a drill-down), in the
/// order selected; codes of no unit at that level are left out.
std::vector<const core::Region *> selectedUnits(const core::DataBundle &bundle, const core::View &view, core::Level level);

/// The side panel's chart of `view`: the resident population of selectedUnits() in the view's chart mode and
/// base year, in the current language. Exports in another figure language draw it again with this.
TrendChart viewTrendChart(const core::DataBundle &bundle, const core::View &view, core::Level level);

/// Shows `chart` on `panel`; returns its texts as a figure, the notes led by a line naming the units left out of
/// an index for lack of a base-year value.
ChartTexts showTrendChart(ChartPanel &panel, const TrendChart &chart);

/// `texts` with the author's: a title, subtitle or source line given replaces the one made from the data; a
/// note goes first, before the notes on the data, which always stay (every caveat travels with the figure).
ChartTexts withAuthorTexts(ChartTexts texts, const FigureTexts &author);

} // namespace renkou::ui
