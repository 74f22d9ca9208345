#pragma once
#include "result.h"

#include <QHash>
#include <QString>
#include <optional>
#include <vector>

namespace renkou::core {

/// Level of a unit. Country, Province and Prefecture come from regions.csv; Region is one of the four NBS
/// groupings (East, Central, West, Northeast) of the provinces' `region` column.
enum class Level { Country, Region, Province, Prefecture };

QString levelName(Level level);
/// The units of a level in words, for titles and notes: "provinces", "prefecture-level units", "NBS regions",
/// "China".
QString levelLabel(Level level);
/// The units of a level as a figure title names them after "by": "province", "prefecture-level unit",
/// "NBS region" (in Chinese 各省份, 各地级单位, 四大地区); "China" for the country.
QString levelByLabel(Level level);
/// The kind of a unit (regions.csv `type`: "prefecture-level city", "autonomous region" …) in the language
/// installed ("地级市", "自治区"); an unknown kind as it is.
QString typeLabel(const QString &type);
/// Parses "country" (or "nation"), "region", "province" or "prefecture".
std::optional<Level> parseLevel(const QString &name);

/// One row of regions.csv.
struct Region {
    QString code;        ///< GB/T 2260 six-digit code, unique within a level
    Level level = Level::Province;
    QString parentCode;  ///< empty for the country
    QString nameZh;
    QString nameEn;
    QString type;        ///< "province", "municipality", "prefecture-level city", ...
    QString region;      ///< NBS grouping: East, Central, West, Northeast; empty for the country
    bool provincialCapital = false;
    bool synthesized = false; ///< a Region unit made from the `region` column, not a row of regions.csv
};

/// The units of regions.csv. Taiwan, Hong Kong and Macao appear at both province and prefecture level.
class RegionTable {
public:
    static Result<RegionTable> load(const QString &path);

    const std::vector<Region> &all() const { return m_regions; }
    /// The unit with `code` at `level`, or nullptr.
    const Region *find(const QString &code, Level level) const;
    /// The unit with `code` at the highest level that has it (country, then province, then prefecture).
    const Region *find(const QString &code) const;
    /// The code `code` stands for at `level`, matched as the bundle does: itself if the level has it; else a
    /// municipality's other code (110000 at prefecture level is 110100, 110100 at province level is 110000).
    /// Empty when the level has no such unit.
    QString matchCode(const QString &code, Level level) const;
    /// Units of a level, sorted by code.
    std::vector<const Region *> ofLevel(Level level) const;
    /// Units one level down whose parent is `unit`: the prefectures of a province (not the province's own
    /// code, as for Taiwan), the provinces of an NBS region, the provinces of the country that belong to a
    /// region (the 31 mainland units). Through an index: constant time per member.
    std::vector<const Region *> members(const Region &unit) const;

private:
    /// Key of m_members: a parent's level and code.
    static QString memberKey(Level level, const QString &code);

    std::vector<Region> m_regions; ///< sorted by level, then code
    QHash<QString, std::vector<int>> m_byCode;
    QHash<QString, std::vector<int>> m_members; ///< memberKey(parent) → members, in code order
    std::vector<int> m_countryMembers;          ///< the provinces that belong to an NBS region
};

} // namespace renkou::core
