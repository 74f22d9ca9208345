#include "regiontable.h"

#include "csvreader.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>

namespace renkou::core {

QString levelName(Level level)
{
    switch (level) {
    case Level::Country: return QStringLiteral("country");
    case Level::Region: return QStringLiteral("region");
    case Level::Province: return QStringLiteral("province");
    case Level::Prefecture: return QStringLiteral("prefecture");
    }
    return {};
}

QString levelLabel(Level level)
{
    switch (level) {
    case Level::Province: return QCoreApplication::translate("Level", "provinces");
    case Level::Prefecture: return QCoreApplication::translate("Level", "prefecture-level units");
    case Level::Region: return QCoreApplication::translate("Level", "NBS regions");
    case Level::Country: return QCoreApplication::translate("Level", "China");
    }
    return {};
}

QString levelByLabel(Level level)
{
    switch (level) {
    case Level::Province: return QCoreApplication::translate("Level", "province");
    case Level::Prefecture: return QCoreApplication::translate("Level", "prefecture-level unit");
    case Level::Region: return QCoreApplication::translate("Level", "NBS region");
    case Level::Country: return QCoreApplication::translate("Level", "China");
    }
    return {};
}

QString typeLabel(const QString &type)
{
    // The kinds of regions.csv, for lupdate; translated at run time by their text.
    static const char *const kinds[] = {
        QT_TRANSLATE_NOOP("RegionType", "country"),
        QT_TRANSLATE_NOOP("RegionType", "province"),
        QT_TRANSLATE_NOOP("RegionType", "autonomous region"),
        QT_TRANSLATE_NOOP("RegionType", "municipality"),
        QT_TRANSLATE_NOOP("RegionType", "special administrative region"),
        QT_TRANSLATE_NOOP("RegionType", "prefecture-level city"),
        QT_TRANSLATE_NOOP("RegionType", "autonomous prefecture"),
        QT_TRANSLATE_NOOP("RegionType", "prefecture"),
        QT_TRANSLATE_NOOP("RegionType", "league"),
        QT_TRANSLATE_NOOP("RegionType", "county-level unit under the province"),
        QT_TRANSLATE_NOOP("RegionType", "county-level unit under the province (XPCC)"),
        QT_TRANSLATE_NOOP("RegionType", "NBS region"),
    };
    for (const char *kind : kinds)
        if (type == QLatin1String(kind))
            return QCoreApplication::translate("RegionType", kind);
    return type;
}

std::optional<Level> parseLevel(const QString &name)
{
    if (name == u"nation")
        return Level::Country;
    for (Level l : {Level::Country, Level::Region, Level::Province, Level::Prefecture}) {
        if (levelName(l) == name)
            return l;
    }
    return std::nullopt;
}

Result<RegionTable> RegionTable::load(const QString &path)
{
    const QStringList columns = {QStringLiteral("code"), QStringLiteral("level"), QStringLiteral("parent_code"),
                                 QStringLiteral("name_zh"), QStringLiteral("name_en"), QStringLiteral("type"),
                                 QStringLiteral("region"), QStringLiteral("provincial_capital")};
    auto csv = CsvTable::read(path, columns);
    if (!csv)
        return csv.error();
    const std::vector<int> col = csv->columns(columns);

    static const QRegularExpression codePattern(QStringLiteral("^\\d{6}$"));
    RegionTable table;
    for (const CsvRow &row : csv->rows()) {
        auto field = [&](int i) { return row.fields.at(col[i]).trimmed(); };
        auto fail = [&](const QString &message) {
            return Error{Error::Code::Value, path, CsvTable::lineRef(row), message};
        };
        Region r;
        r.code = field(0);
        if (!codePattern.match(r.code).hasMatch())
            return fail(QStringLiteral("code '%1' is not a six-digit division code").arg(r.code));
        const auto level = parseLevel(field(1));
        if (!level)
            return fail(QStringLiteral("level '%1' is not country, province or prefecture").arg(field(1)));
        r.level = *level;
        r.parentCode = field(2);
        r.nameZh = field(3);
        r.nameEn = field(4);
        r.type = field(5);
        r.region = field(6);
        const QString capital = field(7);
        if (capital != u"0" && capital != u"1")
            return fail(QStringLiteral("provincial_capital '%1' is not 0 or 1").arg(capital));
        r.provincialCapital = capital == u"1";
        if (r.nameZh.isEmpty() && r.nameEn.isEmpty())
            return fail(QStringLiteral("unit %1 has no name").arg(r.code));
        if (table.find(r.code, r.level))
            return fail(QStringLiteral("code %1 appears twice at level %2").arg(r.code, levelName(r.level)));
        table.m_regions.push_back(r);
        table.m_byCode[r.code].push_back(int(table.m_regions.size()) - 1);
    }
    // The NBS regions named in the provinces' `region` column become units of their own.
    static const QHash<QString, QString> chineseNames = {{QStringLiteral("East"), QStringLiteral("东部")},
                                                         {QStringLiteral("Central"), QStringLiteral("中部")},
                                                         {QStringLiteral("West"), QStringLiteral("西部")},
                                                         {QStringLiteral("Northeast"), QStringLiteral("东北")}};
    QStringList regionNames;
    for (const Region &r : table.m_regions) {
        if (r.level == Level::Province && !r.region.isEmpty() && !regionNames.contains(r.region))
            regionNames << r.region;
    }
    const Region *country = nullptr;
    for (const Region &r : table.m_regions)
        country = r.level == Level::Country ? &r : country;
    const QString countryCode = country ? country->code : QString();
    for (const QString &name : regionNames) {
        Region r;
        r.code = name;
        r.level = Level::Region;
        r.parentCode = countryCode;
        r.nameZh = chineseNames.value(name, name);
        r.nameEn = name;
        r.type = QStringLiteral("NBS region");
        r.region = name;
        r.synthesized = true;
        table.m_regions.push_back(r);
    }
    // Sort for stable, code-ordered listings, then rebuild the index.
    std::stable_sort(table.m_regions.begin(), table.m_regions.end(), [](const Region &a, const Region &b) {
        return a.level != b.level ? a.level < b.level : a.code < b.code;
    });
    table.m_byCode.clear();
    for (int i = 0; i < int(table.m_regions.size()); ++i)
        table.m_byCode[table.m_regions[i].code].push_back(i);
    // Members by parent, in code order (the order of m_regions).
    for (int i = 0; i < int(table.m_regions.size()); ++i) {
        const Region &r = table.m_regions[i];
        if (r.level == Level::Province && !r.region.isEmpty()) {
            table.m_countryMembers.push_back(i);
            table.m_members[memberKey(Level::Region, r.region)].push_back(i);
        } else if (r.level == Level::Prefecture && r.code != r.parentCode) {
            table.m_members[memberKey(Level::Province, r.parentCode)].push_back(i);
        }
    }
    return table;
}

const Region *RegionTable::find(const QString &code, Level level) const
{
    const auto it = m_byCode.constFind(code);
    if (it == m_byCode.constEnd())
        return nullptr;
    for (int i : *it) {
        if (m_regions[i].level == level)
            return &m_regions[i];
    }
    return nullptr;
}

const Region *RegionTable::find(const QString &code) const
{
    const auto it = m_byCode.constFind(code);
    return it == m_byCode.constEnd() ? nullptr : &m_regions[it->front()];
}

QString RegionTable::matchCode(const QString &code, Level level) const
{
    if (find(code, level))
        return code;
    static const QString municipality = QStringLiteral("municipality");
    if (level == Level::Prefecture) {
        const Region *province = find(code, Level::Province);
        if (province && province->type == municipality) {
            const Region *city = find(code.left(2) + QStringLiteral("0100"), Level::Prefecture);
            if (city && city->parentCode == province->code)
                return city->code;
        }
    } else if (level == Level::Province) {
        const Region *city = find(code, Level::Prefecture);
        if (city && city->type == municipality) {
            if (const Region *province = find(city->parentCode, Level::Province); province && province->type == municipality)
                return province->code;
        }
    }
    return {};
}

QString RegionTable::memberKey(Level level, const QString &code)
{
    return QString::number(int(level)) + u'|' + code;
}

std::vector<const Region *> RegionTable::members(const Region &unit) const
{
    const std::vector<int> *indices = nullptr;
    if (unit.level == Level::Country) {
        indices = &m_countryMembers;
    } else if (unit.level == Level::Region || unit.level == Level::Province) {
        const auto it = m_members.constFind(memberKey(unit.level, unit.code));
        if (it != m_members.constEnd())
            indices = &*it;
    }
    std::vector<const Region *> out;
    if (indices) {
        out.reserve(indices->size());
        for (int i : *indices)
            out.push_back(&m_regions[size_t(i)]);
    }
    return out;
}

std::vector<const Region *> RegionTable::ofLevel(Level level) const
{
    std::vector<const Region *> out;
    for (const Region &r : m_regions) {
        if (r.level == level)
            out.push_back(&r);
    }
    return out;
}

} // namespace renkou::core
