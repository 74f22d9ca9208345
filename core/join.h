#pragma once
#include "boundarylayer.h"
#include "regionmatcher.h"
#include "regiontable.h"

#include <QSet>
#include <QStringList>

namespace renkou::core {

/// How a map layer and the tables fit together: what the user is shown after opening either.
struct JoinReport {
    Level level = Level::Province;
    QString codeField;            ///< the map's field that gave the codes
    QStringList matched;          ///< codes on the map that have data
    QStringList unmatchedInTable; ///< codes with data (at this level) that no feature carries
    QStringList unmatchedOnMap;   ///< codes on the map without data
    QStringList duplicates;       ///< codes that more than one feature carries
    QStringList dissolved;        ///< "460000 (2 features)": features of one unit made one
    QStringList leftOut;          ///< "100000_JD (no unit)": features that name no unit of the level, not drawn as units
    QStringList recoded;          ///< "110000 → 110100": municipality codes matched as the bundle does
    QStringList warnings;         ///< repaired geometries, codes in no level, values already loaded
    QStringList areasKept;        ///< "海南省 460000: 34,828 km² here, 40,154 km² in the bundle": outlines that measure
                                  ///< more than 5 % off the bundle's area; densities keep the bundle's

    /// A few lines for a dialog or a terminal; long lists end with "and N more".
    QString text(const RegionTable &regions) const;
};

/// The level whose units match more of `codes` (municipality codes counted as matched); the province level
/// on a tie.
Level guessLevel(const QStringList &codes, const RegionTable &regions);
/// "what (11): a, b, … and 3 more": a report line with the first eight items of a list.
QString reportLine(const QString &what, const QStringList &items, const QString &separator = QStringLiteral(", "));
/// "北京市 110000, 天津市 120000 and 3 more": the first codes of a list with their units' names, for reports.
QString listCodes(const QStringList &codes, const RegionTable &regions);
/// The field of a layer whose values name the most units (codes in any form or names), or empty if none
/// names any.
QString bestKeyField(const BoundaryLayer::Attributes &attributes, const RegionMatcher &matcher);
/// Gives the layer's municipality codes the form `level` uses (RegionTable::matchCode); "old → new" lines.
QStringList matchMunicipalityCodes(BoundaryLayer &layer, const RegionTable &regions, Level level);
/// Joins a layer of `level` with the codes that have data; `dataCodes` may hold codes of any level.
JoinReport joinReport(const BoundaryLayer &layer, Level level, const QSet<QString> &dataCodes,
                      const RegionTable &regions);

} // namespace renkou::core
