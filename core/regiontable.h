#pragma once
#include "result.h"

#include <QHash>
#include <QString>
#include <optional>
#include <vector>

namespace renkou::core {

/// Administrative level of a unit in regions.csv.
enum class Level { Country, Province, Prefecture };

QString levelName(Level level);
/// Parses "country", "province" or "prefecture".
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
    /// Units of a level, sorted by code.
    std::vector<const Region *> ofLevel(Level level) const;

private:
    std::vector<Region> m_regions; ///< sorted by level, then code
    QHash<QString, std::vector<int>> m_byCode;
};

} // namespace renkou::core
