#pragma once
#include "notetable.h"
#include "populationstore.h"
#include "regiontable.h"
#include "result.h"

#include <QColor>
#include <QHash>
#include <QSet>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace renkou::core {

/// An indicator the user can ask for by name. Every one is computed on demand from the tables.
struct IndicatorInfo {
    QString name;           ///< CLI and UI name: population, change, net_migration, sex_ratio, ...
    QString unit;           ///< persons, %, ‰, persons per km², ...
    QString description;
    QString needs;          ///< the data it reads
    bool spansYears = false; ///< a change between two years (--from/--to) rather than a value of one year
    QString baseIndicator;  ///< the table indicator whose years it follows (resident_population, ...)
    QString changeOf;       ///< for the change of a percentage (in percentage points): the one-year indicator
    QString title;          ///< short name in words for figure titles ("Resident population change"); see displayName()
};

/// For the clusters of an indicator (`<name>_clusters`, local Moran's I): that indicator's name; else empty.
QString clustersOf(const IndicatorInfo &indicator);

/// The name of `indicator` for a figure's title: its title, else its description.
inline const QString &displayName(const IndicatorInfo &indicator)
{
    return indicator.title.isEmpty() ? indicator.description : indicator.title;
}

/// Land area in km² of each unit, measured on the equal-area projection.
struct AreaTable {
    QHash<QString, double> province;
    QHash<QString, double> prefecture;
};

class BoundaryLayer;

/// The queen contiguity of the province and prefecture-level layers (queenContiguity()), by unit code,
/// computed on first use and kept (about 22 ms for the prefecture-level units, BENCHMARKS.md): a map of clusters needs
/// it, a start does not. Thread-safe. A bundle whose layer changes takes a new cache.
class ContiguityCache {
public:
    /// Each unit's neighbours (codes) in `layer`, the layer of `level` (Province or Prefecture).
    const QHash<QString, QStringList> &neighbours(Level level, const BoundaryLayer &layer);

private:
    std::mutex m_mutex;
    std::optional<QHash<QString, QStringList>> m_province, m_prefecture;
};

/// What indicators are computed from. The pointers must outlive every computation; notes and areas may be
/// null (then no notes are attached, and density has no data); without layers and a contiguity cache,
/// clusters have no data.
struct IndicatorContext {
    const PopulationStore *store = nullptr;
    const RegionTable *regions = nullptr;
    const NoteTable *notes = nullptr;
    const AreaTable *areas = nullptr;
    const BoundaryLayer *provinceLayer = nullptr;
    const BoundaryLayer *prefectureLayer = nullptr;
    ContiguityCache *contiguity = nullptr;
    /// The p-value at or below which a unit's local Moran's I makes it part of a cluster: 0.05 (GeoDa's
    /// default) or 0.01.
    double clusterSignificance = 0.05;
};

/// One unit's value in a Column. No value means no data (never 0); then `note` says why.
struct ColumnEntry {
    const Region *region = nullptr;
    std::optional<double> value;
    QString source; ///< ids in sources.csv, ';'-separated
    QString flag;   ///< ';'-separated: census, estimate, rollup, incomplete, series_break
    QString note;   ///< notes a reader must see (series breaks, why there is no data), ' | '-separated
    int rank = 0;   ///< 1 = largest value of the level; 0 without a value
    /// The kind of value at the start of a change and at its end (or in the year): "census", "estimate" or
    /// "census;estimate" (a sum of both), of the one-year indicator at each end (endsIndicator()); empty
    /// without a value there. What the caveats of a map are made from.
    QString startKind, endKind;
};

/// A value for every unit of a level: the one shape that the map, legend, tooltip, table and exports read.
struct Column {
    IndicatorInfo indicator;
    Level level = Level::Province;
    int year = 0;            ///< the year, or the end year of a change
    std::optional<int> from; ///< the start year of a change
    std::vector<ColumnEntry> entries; ///< one per unit of the level, sorted by code
    QHash<QString, int> index;        ///< code → position in entries (as built by computeColumn)
    /// A statistic of the whole map, for its legend and the CLI's stderr: clusters' global Moran's I
    /// ("Global Moran's I 0.420 (p = 0.001)"); empty for others.
    QString statistic;

    const ColumnEntry *find(const QString &code) const;
    /// The values that exist, in entry order.
    std::vector<double> values() const;
};

/// A class of a categorical indicator (unit "category"): the value that codes it, its label in words (in the
/// language installed) and its colour on a map.
struct Category {
    int code = 0;
    QString label;
    QColor color;
};

/// Whether `indicator` codes classes (its unit is "category") rather than measuring an amount.
bool isCategorical(const IndicatorInfo &indicator);
/// The classes of a categorical indicator, in legend order; empty for others.
std::vector<Category> categoriesOf(const IndicatorInfo &indicator);
/// The label of the class `value` codes ("C  Growth: in-migration exceeds natural increase"); empty when none.
QString categoryLabel(const IndicatorInfo &indicator, double value);

/// A value of `indicator` for the screen: the class's label of a categorical indicator, else formatShown().
QString shownValue(const IndicatorInfo &indicator, double value);

/// The type of population change of a unit over a span, 1–8 for Webb's types A–H, from its natural increase
/// `n` and net migration `m` (persons; any consistent unit): growth (n + m ≥ 0) A natural increase exceeds
/// out-migration, B natural increase exceeds in-migration, C in-migration exceeds natural increase, D
/// in-migration exceeds natural decrease; decline E natural decrease exceeds in-migration, F natural
/// decrease exceeds out-migration, G out-migration exceeds natural decrease, H out-migration exceeds natural
/// increase. Source: J. W. Webb, "The natural and migrational components of population changes in England
/// and Wales, 1921–1931", Economic Geography 39 (1963) 130–148, as used in European demographic atlases
/// (e.g. BBSR, ESPON). A tie goes to the type of the larger component named first.
int webbType(double n, double m);

/// Keeps the entries of the units `codes` only (a drill-down's), ranked among themselves (1 = largest).
void keepUnits(Column &column, const QSet<QString> &codes);

/// A unit's series of a table indicator, one observation a year: a province's or prefecture-level unit's own
/// rows (PopulationStore::series()); for an NBS region or the country the sum of its provinces, in the years
/// every province has a value (flag `rollup`; years without are left out, never filled).
std::vector<Observation> unitSeries(const IndicatorContext &context, const Region &unit, const QString &indicator);

/// One year of a unit's components of change: the change of its resident population from the year before and
/// its two parts, natural increase (births − deaths, from the vital rates) and net migration (the change minus
/// natural increase: a residual, which also takes up revisions and errors of the estimates), in persons.
struct ChangeComponents {
    int year = 0;                          ///< the change runs from the end of year − 1 to the end of year
    double change = 0;                     ///< resident population at the end of `year` − at the end of year − 1
    std::optional<double> naturalIncrease; ///< none without vital rates for the year (`why` says so)
    std::optional<double> netMigration;    ///< change − natural increase; none without natural increase
    QString why;                           ///< why the components are missing; empty when both are there
    bool seriesBreak = false;              ///< a series break of notes.csv falls in the year: the change is not all births, deaths and moves
    QString source;                        ///< ids in sources.csv, ';'-separated
    QStringList notes;                     ///< notes of notes.csv that apply (series breaks, vital rates), in the language installed
};

/// The components of change of `unit` (a province, an NBS region or the country; a prefecture-level unit has no
/// vital rates, so only its change) for every year whose resident population and the previous year's both have
/// a value, ascending. Missing vital rates leave a year's components empty, never 0. Regions and the country
/// are the sums of their provinces (Engine's rule), so a year lacks a component when any province lacks it.
std::vector<ChangeComponents> componentsOfChange(const IndicatorContext &context, const Region &unit);

/// A unit's series as a share (%) of the resident population of the whole it belongs to: a prefecture-level
/// unit of its province (the sum of the province's prefecture-level units), a province of the 31 provinces.
/// Only years in which every unit of the whole has a value: otherwise no share, not a guess.
std::vector<Observation> shareOfWhole(const IndicatorContext &context, const Region &unit,
                                      const std::vector<Observation> &points);

/// Every indicator: the computed ones, then each indicator the tables carry (as published), then the change
/// in percentage points of every one-year percentage (`<name>_change_pp`).
std::vector<IndicatorInfo> availableIndicators(const PopulationStore &store);
/// The indicator called `name`, or a usage Error listing the known names.
Result<IndicatorInfo> findIndicator(const PopulationStore &store, const QString &name);
/// The years in which some unit of `level` has a value of `indicator`, ascending. For an indicator of change
/// (spansYears): the years of resident population with data but the first (a change runs from one to the next).
std::vector<int> yearsWithData(const IndicatorContext &context, Level level, const IndicatorInfo &indicator);
/// The indicator that growth/decline shows for `indicator`: itself for a change or a user's own indicator
/// (which may be a change already), the change in percentage points of a percentage, else the change of the
/// resident population.
IndicatorInfo growthIndicator(const PopulationStore &store, const IndicatorInfo &indicator);

/// The one-year indicator whose years either end of a change can take: resident population for a change of
/// population (natural increase, net migration …), the percentage for a change in percentage points;
/// `indicator` itself when it is of one year.
IndicatorInfo endsIndicator(const PopulationStore &store, const IndicatorInfo &indicator);

/// Years with data of an indicator at a level (yearsWithData(), or a cache of it).
using YearsOf = std::function<std::vector<int>(Level, const IndicatorInfo &)>;

/// The years a map, table, chart or export really shows: the one rule for time.
struct Period {
    int year = 0;            ///< the year, or the end year of a change
    std::optional<int> from; ///< the start year of a change
    bool hasData = false;    ///< some unit of the level has a value for exactly these years
    /// When there is no data for these years: the nearest years that have some (year, and from for a change).
    std::optional<int> nearestYear, nearestFrom;
    QStringList notes;       ///< what the reader must be told (years swapped, no data and the nearest years)
    /// "2024", "2020–2024".
    QString label() const;
};

/// Resolves the years asked for `indicator` at `level`, never substituting others: no `year` means the
/// latest with data; a change without `from` starts at the previous year with resident population at the
/// level (the year before for provinces; 2010 before 2020 for prefecture-level units); a start after the end
/// is swapped (said in a note); a `from` is ignored for a one-year indicator. When no unit has a value for
/// the years, `hasData` is false and the nearest years with data are offered (by distance in years, the
/// earlier on a tie), never shown in their place.
Period resolvePeriod(const IndicatorContext &context, Level level, const IndicatorInfo &indicator,
                     std::optional<int> year, std::optional<int> from, const YearsOf &yearsOf);

/// The caveat that goes with every figure of net migration: a residual of first-published vital rates, not
/// migration across a series break (in the language installed).
QString netMigrationCaveat();

/// The caveats a map or table of `column` carries in its notes line, one sentence each, for the units
/// `shown` (all when empty) that have values: census counts at one end and year-end estimates at the
/// other, or a mix of both, naming the fewer ("2000: year-end estimates; census counts of 1 November for
/// Qinghai, Ningxia, Xinjiang. 2010: year-end estimates."), a level's series breaks (for a
/// change across one), vintages, census and boundary bases of notes.csv (their first sentence), and the residual nature of net migration whenever natural
/// increase or net migration is shown.
QStringList caveats(const IndicatorContext &context, const Column &column, const QSet<QString> &shown = {});

/// The indicator for every unit of `level`: in `year`, or for a change from `from` (default: the year
/// before) to `year`.
Column computeColumn(const IndicatorContext &context, Level level, const IndicatorInfo &indicator, int year,
                     std::optional<int> from = std::nullopt);

} // namespace renkou::core
