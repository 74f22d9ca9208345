#pragma once
#include "populationstore.h"
#include "regiontable.h"
#include "result.h"

#include <optional>
#include <vector>

namespace renkou::core {

/// An indicator the user can ask for by name.
struct IndicatorInfo {
    QString name;           ///< CLI and UI name: population, sex_ratio, ...
    QString storeIndicator; ///< the `indicator` of the rows it reads
    QString unit;
    QString description;
};

/// One unit's value in a Column. No value means no data (never 0).
struct ColumnEntry {
    const Region *region = nullptr;
    std::optional<double> value;
    QString source; ///< id in sources.csv; empty when there is no value
    QString flag;   ///< census or estimate
};

/// A value for every unit of a level: the one shape that the map, legend, tooltip, table and exports read.
struct Column {
    IndicatorInfo indicator;
    Level level = Level::Province;
    int year = 0;
    std::vector<ColumnEntry> entries; ///< one per unit of the level, sorted by code

    /// The entry for `code`, or nullptr.
    const ColumnEntry *find(const QString &code) const;
    /// The values that exist, in entry order.
    std::vector<double> values() const;
};

/// Indicators available over `store`: `population` and every indicator the tables carry.
std::vector<IndicatorInfo> availableIndicators(const PopulationStore &store);
/// The indicator called `name`, or an Error listing the known names.
Result<IndicatorInfo> findIndicator(const PopulationStore &store, const QString &name);
/// The latest year with data for the indicator at the level, or nullopt.
std::optional<int> latestYear(const PopulationStore &store, const RegionTable &regions, Level level,
                              const IndicatorInfo &indicator);
/// The indicator's value for every unit of `level` in `year`.
Column computeColumn(const PopulationStore &store, const RegionTable &regions, Level level,
                     const IndicatorInfo &indicator, int year);

} // namespace renkou::core
