#include "common.h"

namespace renkou::cli {

int cmdRegions(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    parser.addOptions({common.level, common.format, common.raw});
    parser.addOptions(common.dataOptions());
    if (auto stop = parse(parser, args, name,
                          QStringLiteral("The region table: code,level,parent_code,name_zh,name_en,type,region,"
                                         "provincial_capital; the units of regions.csv, or of one level (region: the four NBS regions).")))
        return *stop;
    std::optional<Level> level;
    if (parser.isSet(common.level)) {
        level = parseLevel(parser.value(common.level));
        if (!level)
            return usageError(QStringLiteral("--level must be nation, region, province or prefecture"), name);
    }
    if (!formatOk(parser, common))
        return usageError(QStringLiteral("--format must be csv or json"), name);
    auto bundle = loadBundle(parser, common);
    if (!bundle)
        return dataError(bundle.error());
    Table table{{QStringLiteral("code"), QStringLiteral("level"), QStringLiteral("parent_code"),
                 QStringLiteral("name_zh"), QStringLiteral("name_en"), QStringLiteral("type"),
                 QStringLiteral("region"), QStringLiteral("provincial_capital")},
                {},
                {QStringLiteral("provincial_capital")}};
    for (const Region &r : bundle->regions.all()) {
        // The NBS regions are made from the provinces' region column: listed only when asked for.
        if ((level && r.level != *level) || (!level && r.synthesized))
            continue;
        table.rows.push_back({r.code, levelName(r.level), r.parentCode, r.nameZh, r.nameEn, r.type, r.region,
                              r.provincialCapital ? QStringLiteral("1") : QStringLiteral("0")});
    }
    table.print(parser.value(common.format), parser.isSet(common.raw));
    return kExitOk;
}

} // namespace renkou::cli
