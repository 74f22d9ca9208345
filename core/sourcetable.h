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

/// A short citation for a figure: each publisher (publisherName()) once, with the years its values are of
/// ("National Bureau of Statistics (2005–2024); Guangdong Provincial Bureau of Statistics (2000–2004)";
/// in Chinese "国家统计局（2005—2024年）；广东省统计局（2000—2004年）"). `sourceYears` are (source id, year)
/// pairs, in order of first appearance; consecutive years are joined into ranges. Unknown ids are named as
/// they are. The full citations (title, where, version, licence) are in sources.txt and Help → Data sources.
QString citeSources(const SourceTable &sources, const std::vector<std::pair<QString, int>> &sourceYears,
                    const RegionTable *regions = nullptr);
/// The publisher of `s`, short, in the current language: the National Bureau of Statistics (国家统计局), a
/// provincial or municipal bureau (in Chinese its province's name from `regions`), web reprints, the
/// boundary makers; by rules on the English `publisher` of sources.csv, which has no Chinese column.
/// Otherwise the publisher up to its first ';' (what follows says how the file was obtained).
QString publisherName(const Source &source, const RegionTable *regions);

} // namespace renkou::core
