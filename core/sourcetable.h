#pragma once
#include "regiontable.h"
#include "result.h"

#include <QHash>
#include <QString>
#include <utility>
#include <vector>

namespace renkou::core {

/// One row of sources.csv: where a number comes from and which vintage it is.
struct Source {
    QString id;
    QString title;
    QString publisher;
    QString where;
    QString version; ///< the vintage: commit, yearbook edition, ...
    QString license;
    QString notes;

    /// "title (publisher, version)" for captions and source lines.
    QString citation() const;
};

class SourceTable {
public:
    static Result<SourceTable> load(const QString &path);
    /// The source with `id`, or nullptr.
    const Source *find(const QString &id) const;
    /// Adds a source not in sources.csv (a user table's); an id already known is left as it is.
    void add(const Source &source) { if (!m_sources.contains(source.id)) m_sources.insert(source.id, source); }
    int size() const { return int(m_sources.size()); }
    /// Every source, sorted by id.
    std::vector<const Source *> all() const;

private:
    QHash<QString, Source> m_sources;
};

} // namespace renkou::core

namespace renkou::core {

/// "title, version: 2005–2024; title: 2000 (publisher)" for the sources behind a set of (source id, year)
/// pairs, in order of first appearance; consecutive years are joined into ranges; sources of one publisher
/// are listed together and the publisher named once. Unknown ids are named as they are.
/// With the Chinese language installed: publishers and years only, in Chinese ("国家统计局（2005—2024年）；
/// 广东省统计局（2000—2004年）"; a provincial bureau named from `regions`).
QString citeSources(const SourceTable &sources, const std::vector<std::pair<QString, int>> &sourceYears,
                    const RegionTable *regions = nullptr);
/// The publisher of `s` in Chinese: the National Bureau of Statistics (国家统计局), a provincial or municipal
/// bureau (its province's Chinese name from `regions`), web reprints, the boundary makers; by rules on the
/// English `publisher` of sources.csv, which has no Chinese column. The English text when no rule fits.
QString publisherZh(const Source &source, const RegionTable *regions);

} // namespace renkou::core
