#pragma once
#include "boundarylayer.h"
#include "indicators.h"
#include "join.h"
#include "notetable.h"
#include "populationstore.h"
#include "regionmatcher.h"
#include "regiontable.h"
#include "result.h"
#include "sourcetable.h"

#include <QString>
#include <memory>
#include <optional>

namespace renkou::core {

/// A table the user added: what it holds and how it joins the maps that are loaded.
struct TableImport {
    TableLoadReport table;
    std::vector<JoinReport> joins; ///< one per level the table has codes of and whose map is loaded
    QStringList unknownCodes;      ///< six-digit codes of no unit in regions.csv (their rows are left out)
    QStringList recoded;           ///< "北京市 → 110000 (name)": keys that were not the unit's code, as matched
    QStringList readNotes;         ///< how the file was read: encoding, key column, unit conversion
    QStringList matchedBy;         ///< "31 by name", "2 by short name" …
    QStringList summed;            ///< "110100 北京市 2000 = 110100 + 110200 (parts summed)"
    QStringList unmatched;         ///< "'Foo' (closest: 北京市 110000, …)": keys of no unit, rows left out
    QStringList refused;           ///< split or ambiguous keys, rows left out, with the units named
    QStringList leftOutByUser;     ///< keys the user chose to leave out (KeyAssignmentDialog): rows not added

    QString text(const RegionTable &regions) const;
};

/// How to read boundaries the user opens.
struct BoundaryImportOptions {
    std::optional<Level> level; ///< the level the layer replaces; default: the one its codes match best
    QString codeField;          ///< default: the first of code, adcode, 区划码, id
    QString layerName;          ///< default: the first layer
};

/// The data bundle: where it is, whether this code can read it, and everything in it, loaded.
struct DataBundle {
    /// What load() reads: the tables only (the CLI), the tables and the province layer (enough for the first
    /// map; the rest comes from loadOtherLayers()), or everything.
    enum class Parts { Tables, TablesAndProvinces, Everything };

    /// The boundary layers that Parts::TablesAndProvinces leaves out.
    struct OtherLayers {
        BoundaryLayer prefectures;
        BoundaryLayer nation;
        BoundaryLayer lines;
    };

    QString dir;
    RegionTable regions;
    std::vector<RegionAlias> aliases; ///< region_aliases.csv; empty for a bundle without it
    /// Matches the keys of users' files (codes in any form, names in any spelling) to units; made by load().
    std::shared_ptr<const RegionMatcher> matcher;
    SourceTable sources;
    NoteTable notes;
    PopulationStore population;
    BoundaryLayer provinces;    ///< projected on Projection::chinaAlbers()
    BoundaryLayer prefectures;
    /// The four NBS regions, each the polygons of its provinces (Taiwan, Hong Kong and Macao, of no region,
    /// stay as themselves); made from `provinces` by makeRegionLayer().
    BoundaryLayer nbsRegions;
    BoundaryLayer nation;
    BoundaryLayer lines;        ///< map lines with property `kind`
    AreaTable areas;            ///< from the polygon layers; empty when only the tables were loaded

    /// What indicators are computed from: this bundle's tables, notes and areas.
    IndicatorContext context() const { return {&population, &regions, &notes, &areas, &provinces, &prefectures, contiguity.get()}; }
    /// Neighbours of the units of `provinces` and `prefectures`, computed when first asked.
    std::shared_ptr<ContiguityCache> contiguity = std::make_shared<ContiguityCache>();

    /// Finds the bundle: `explicitDir` (from --data) if given, else RENKOU_DATA_DIR from the environment,
    /// else `<appDir>/../share/renkou/data` (installed), else the bundle the build was configured with.
    /// The chosen directory must exist; the message says which rule chose it.
    static Result<QString> locate(const QString &explicitDir, const QString &appDir);
    /// The per-user cache of projected boundary layers, shared by the app and the CLI.
    static QString defaultCacheDir();
    /// Checks that `dir` has the files this code needs and the schema version it reads.
    static Status check(const QString &dir);
    /// Checks and loads the bundle at `dir`.
    /// `cacheDir`: where projected boundary layers are cached between runs (empty: no cache).
    static Result<DataBundle> load(const QString &dir, Parts parts = Parts::Everything, const QString &cacheDir = {});
    /// Reads the prefecture, nation and line layers of the bundle at `dir` (touches no DataBundle, so it can
    /// run on another thread while the first map is shown).
    static Result<OtherLayers> loadOtherLayers(const QString &dir, const QString &cacheDir = {});
    /// Takes over layers read by loadOtherLayers() and measures the prefectures' areas.
    void adopt(OtherLayers layers);
    /// Adds the user's table (long layout, or wide with `wide` saying what its numbers are). On error the
    /// bundle is as it was.
    /// `encoding`: empty to detect it; `sheet`: of a workbook, empty for the first.
    Result<TableImport> addTable(const QString &path, const std::optional<WideTableSpec> &wide = std::nullopt,
                                 const QString &encoding = {}, const QString &sheet = {});
    /// Replaces the province or prefecture layer with the user's boundaries (any OGR format and CRS) and
    /// reports the join with the tables. On error the bundle is as it was.
    Result<JoinReport> replaceBoundaries(const QString &path, const BoundaryImportOptions &options,
                                         const QString &cacheDir = {});
    /// The user's boundaries read and projected, not yet joined (the slow part of replaceBoundaries()).
    /// Pure: may run on any thread.
    /// Without a code field in `options`, the field whose values name the most units (by `matcher`) is used.
    static Result<BoundaryLayer> readBoundaries(const QString &path, const BoundaryImportOptions &options,
                                                const QString &cacheDir = {}, const RegionMatcher *matcher = nullptr);
    /// Replaces a layer with one readBoundaries() gave; as replaceBoundaries(path, …). Each feature's key is
    /// matched to a unit of the level (`matcher`); features of one unit are dissolved into one, features of
    /// no unit left out and listed. Error (Value) when no feature names a unit.
    Result<JoinReport> replaceBoundaries(BoundaryLayer layer, const BoundaryImportOptions &options);
    /// Adds a table PopulationStore::readTable() read; as addTable(path, …). Each row's key (a code in any
    /// form, a name in any spelling) is matched to a unit by `matcher` at the level most keys match; the
    /// parts of a unit (part_of aliases) are summed into it; rows of no unit, of a split former unit or of
    /// an ambiguous name are left out and listed. Error (Value) when no row names a unit, or two rows name
    /// the same unit, year, indicator and flag without being its parts.
    /// `assigned`: the user's choice for keys that name no unit or several (key → unit code; an empty code
    /// leaves the key's rows out), as chosen after unmatchedKeys(). In a table that names units of both
    /// levels, a short name that fits a unit of each (海南) names several.
    Result<TableImport> addTable(ParsedTable table, const QHash<QString, QString> &assigned = {});
    /// The keys of a read table that name no unit or several (in the order of the file), with the level they
    /// were looked for at: what the user may assign by hand before addTable().
    std::pair<QStringList, Level> unmatchedKeys(const ParsedTable &table) const;
    /// `matcher`, or one made now (a bundle not made by load()).
    std::shared_ptr<const RegionMatcher> keys() const;
    /// Makes `nbsRegions` from `provinces` and the provinces' `region` column (after the provinces change).
    void makeRegionLayer();
    /// The layer of a level (province, prefecture or NBS region), or nullptr for the country.
    const BoundaryLayer *layer(Level level) const;
    /// True once the prefecture layer is there.
    bool hasAllLayers() const { return !prefectures.features().empty(); }
};

} // namespace renkou::core
