#include "sourcetable.h"

#include "language.h"

#include <QFileInfo>
#include <QRegularExpression>

#include "csvreader.h"

#include <algorithm>

namespace renkou::core {

QString Source::citation() const
{
    QStringList detail;
    if (!publisher.isEmpty())
        detail << publisher;
    if (!version.isEmpty())
        detail << version;
    return detail.isEmpty() ? title : QStringLiteral("%1 (%2)").arg(title, detail.join(QStringLiteral(", ")));
}

Result<SourceTable> SourceTable::load(const QString &path)
{
    auto csv = CsvTable::read(path, {QStringLiteral("id"), QStringLiteral("title")});
    if (!csv)
        return csv.error();
    auto get = [&](const CsvRow &row, const char *name) {
        const int c = csv->column(QString::fromLatin1(name));
        return c < 0 ? QString() : row.fields.at(c).trimmed();
    };
    SourceTable table;
    for (const CsvRow &row : csv->rows()) {
        Source s{get(row, "id"),      get(row, "title"),   get(row, "publisher"), get(row, "where"),
                 get(row, "version"), get(row, "license"), get(row, "notes")};
        if (s.id.isEmpty())
            return Error{Error::Code::Value, path, CsvTable::lineRef(row), QStringLiteral("the source id is empty")};
        if (table.m_sources.contains(s.id))
            return Error{Error::Code::Value, path, CsvTable::lineRef(row),
                         QStringLiteral("source id '%1' appears twice").arg(s.id)};
        table.m_sources.insert(s.id, s);
    }
    return table;
}

const Source *SourceTable::find(const QString &id) const
{
    const auto it = m_sources.constFind(id);
    return it == m_sources.constEnd() ? nullptr : &*it;
}

} // namespace renkou::core

namespace renkou::core {

namespace {

/// A list of years as ranges: "2000–2004, 2010" ("2000—2004、2010年" in Chinese).
QString yearRanges(std::vector<int> ys, bool chinese)
{
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
    QStringList ranges;
    for (size_t i = 0; i < ys.size();) {
        size_t j = i;
        while (j + 1 < ys.size() && ys[j + 1] == ys[j] + 1)
            ++j;
        ranges << (j == i ? QString::number(ys[i]) : QStringLiteral("%1%2%3").arg(ys[i]).arg(QChar(chinese ? u'—' : u'–')).arg(ys[j]));
        i = j + 1;
    }
    return chinese ? ranges.join(u'、') + u'年' : ranges.join(QStringLiteral(", "));
}

} // namespace

std::vector<const Source *> SourceTable::all() const
{
    std::vector<const Source *> out;
    for (const Source &s : m_sources)
        out.push_back(&s);
    std::sort(out.begin(), out.end(), [](const Source *a, const Source *b) { return a->id < b->id; });
    return out;
}

QString publisherName(const Source &s, const RegionTable *regions)
{
    const bool zh = currentLanguage() == Language::Chinese;
    const auto pick = [zh](const char *english, const char *chinese) {
        return zh ? QString::fromUtf8(chinese) : QString::fromUtf8(english);
    };
    const QString &p = s.publisher;
    if (p.startsWith(u"National Bureau of Statistics"))
        return pick("National Bureau of Statistics", "国家统计局");
    static const QRegularExpression bureau(QStringLiteral("^(\\w+) (?:Provincial|Municipal) Bureau of Statistics"));
    if (const auto m = bureau.match(p); m.hasMatch()) {
        if (!zh)
            return m.captured(0);
        if (regions) {
            for (const Region *r : regions->ofLevel(Level::Province))
                if (r->nameEn == m.captured(1))
                    return r->nameZh + QStringLiteral("统计局");
        }
    }
    if (p.startsWith(u"provincial statistical bulletins"))
        return pick("provincial statistical bulletins (web reprints)", "各省统计公报（网页转载）");
    if (p.contains(u"reprinted on the web") || p.contains(u"reprint"))
        return pick("city and provincial statistics bureaus (web reprints)", "各市、省统计局发布（网络转载）");
    if (p.startsWith(u"news"))
        return pick("statistics bureaus quoted in news reports", "新闻报道转引的统计局发布");
    if (p.contains(u"quoting the yearbook"))
        return pick("web pages quoting the statistical yearbook", "转引统计年鉴的网页");
    if (p == u"loaded by the user") // a table the user opened (DataBundle::addTable): its file
        return (zh ? QStringLiteral("用户表格 %1") : QStringLiteral("own table %1")).arg(QFileInfo(s.where).fileName());
    if (p.startsWith(u"CTAmap"))
        return pick("CTAmap (cn-atlas)", "CTAmap（cn-atlas）");
    if (p.contains(u"tianditu") || p.contains(u"GeoSpatial"))
        return pick("Tianditu", "国家地理信息公共服务平台（天地图）");
    // Otherwise the publisher up to the first ';' (what follows is how the file was obtained).
    return p.section(u';', 0, 0).trimmed().isEmpty() ? s.id : p.section(u';', 0, 0).trimmed();
}

QString citeSources(const SourceTable &sources, const std::vector<std::pair<QString, int>> &sourceYears, const RegionTable *regions)
{
    // Figures cite the publisher and the years; the full citations are in sources.txt and Help → Data sources.
    const bool zh = currentLanguage() == Language::Chinese;
    QStringList order;
    QHash<QString, std::vector<int>> years;
    for (const auto &[id, year] : sourceYears) {
        const Source *s = sources.find(id);
        const QString publisher = s ? publisherName(*s, regions) : id;
        if (!years.contains(publisher))
            order << publisher;
        years[publisher].push_back(year);
    }
    QStringList parts;
    for (const QString &publisher : order)
        parts << QString(zh ? QStringLiteral("%1（%2）") : QStringLiteral("%1 (%2)")).arg(publisher, yearRanges(years.value(publisher), zh));
    return parts.join(zh ? QStringLiteral("；") : QStringLiteral("; "));
}

} // namespace renkou::core
