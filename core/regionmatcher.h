#pragma once
#include "regiontable.h"
#include "result.h"

#include <QHash>
#include <QStringList>
#include <optional>
#include <vector>

namespace renkou::core {

/// One row of the bundle's region_aliases.csv: another name or code by which files refer to a unit.
struct RegionAlias {
    QString code;  ///< the unit today (regions.csv)
    Level level = Level::Province;
    QString alias;
    QString kind;  ///< short_zh, traditional_zh, en_variant, iso3166_2, hasc, former_name, former_code, part_of, split
    std::optional<int> validFrom; ///< first year it was in use
    std::optional<int> validTo;   ///< first year it was no longer in use (exclusive)
};

/// Reads region_aliases.csv (`code, level, alias, kind, valid_from, valid_to, source`). Errors name the line.
Result<std::vector<RegionAlias>> loadRegionAliases(const QString &path);

/// How a key of a user's file (a code or a name in any common form) was matched to a unit.
enum class MatchKind {
    None,       ///< no unit has this key
    Code,       ///< a six-digit GB/T 2260 code of regions.csv
    CodeForm,   ///< another form of a code: 2- or 4-digit, 12-digit statistical, `440100.0`, a municipality's other code
    Name,       ///< the Chinese or English name of regions.csv
    ShortName,  ///< the name without its administrative suffix (北京, 内蒙古, 延边)
    Alias,      ///< a traditional form, another English or pinyin spelling, ISO 3166-2 or HASC code
    Former,     ///< an earlier name or code of the same unit (襄樊 → 襄阳)
    PartOf,     ///< an earlier unit that lies wholly inside this one: its values add into it (110200 → 110100)
    Split,      ///< an earlier unit divided among several: its values belong to none (`units` lists them)
    Ambiguous,  ///< several units of the level have this key (`units` lists them)
    Assigned,   ///< the user chose the unit for this key
};

/// "code", "name", "short name" … for reports.
QString matchKindName(MatchKind kind);

struct KeyMatch {
    MatchKind kind = MatchKind::None;
    QString code;      ///< the unit, for Code … PartOf
    QStringList units; ///< Split and Ambiguous: the candidate units
    QString detail;    ///< the alias kind, or what form of code
};

/// Matches the keys of users' files to units: codes of any common form and names of any common spelling,
/// from regions.csv and region_aliases.csv, with the normalising rules (case, spaces, punctuation, accents,
/// full-width forms, GADM's `北京|北京`, administrative suffixes).
class RegionMatcher {
public:
    RegionMatcher(const RegionTable &regions, const std::vector<RegionAlias> &aliases);

    /// The unit `key` stands for in a file of `level`. A six-digit code of any level is that unit (a
    /// municipality's province code is its prefecture-level unit at prefecture level, and back); names
    /// are looked for at `level` first, then at the other level. `year` (of the row) picks among aliases
    /// in use only for some years; without it they all count.
    KeyMatch match(const QString &key, Level level, std::optional<int> year = std::nullopt) const;
    /// True if `key` names an earlier unit in some years only (a former code or name with years): its match
    /// depends on the row's year.
    bool hasDatedAliases(const QString &key) const;
    /// The level (province or prefecture) at which more of `keys` match a unit; province on a tie.
    Level guessLevel(const QStringList &keys) const;
    /// How many of `keys` match a unit at `level` (for choosing the key column).
    int matchCount(const QStringList &keys, Level level) const;
    /// Up to `n` units of `level` whose names are nearest to `key` (edit distance), "name code" each.
    QStringList closest(const QString &key, Level level, int n = 3) const;

    /// The form keys are compared in: NFKD without accents, case-folded, without spaces and punctuation;
    /// GADM's `北京|北京` keeps its first part.
    static QString normalize(const QString &key);
    /// normalize() keeping accents and tone marks (Shǎnxī).
    static QString withAccents(const QString &key);

private:
    struct Entry {
        QString code;
        Level level;
        MatchKind kind;
        QString detail;
        std::optional<int> from, to;
    };
    void add(const QString &key, Entry entry);
    /// A code written in another form ("11", "4401", "440100000000", "440100.0") as six digits, or empty.
    static QString sixDigits(const QString &key);

    RegionTable m_regions; ///< a copy: the matcher outlives moves of the bundle that made it
    QHash<QString, std::vector<Entry>> m_index; ///< normalize(key) → entries
    QHash<QString, std::vector<Entry>> m_accented; ///< withAccents(key) → entries, for keys with accents
    QHash<QString, std::vector<Entry>> m_codes; ///< ISO 3166-2 and HASC codes, upper case as written → entries
};

} // namespace renkou::core
