#include "common.h"

namespace renkou::cli {

int cmdSeries(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption code(QStringLiteral("code"), QStringLiteral("Unit code (six digits)."),
                                  QStringLiteral("CODE"));
    parser.addOptions({code, common.indicator, common.format, common.raw});
    parser.addOptions(common.dataOptions());
    if (auto stop = parse(parser, args, name,
                          QStringLiteral("One unit's series, one row per year with data: "
                                         "code,year,value,unit,source,flag (the year-end estimate where there is "
                                         "one, else the census count).")))
        return *stop;
    if (!parser.isSet(code))
        return usageError(QStringLiteral("--code is required"), name);
    if (!formatOk(parser, common))
        return usageError(QStringLiteral("--format must be csv or json"), name);
    auto bundle = loadBundle(parser, common);
    if (!bundle)
        return dataError(bundle.error());
    const QString c = parser.value(code);
    if (!bundle->regions.find(c) && c != u"100000") {
        std::fprintf(stderr, "renkou-cli: %s: no unit has the code '%s'\n",
                     qPrintable(bundle->dir + QStringLiteral("/regions.csv")), qPrintable(c));
        return kExitData;
    }
    const auto indicator = findIndicator(bundle->population, parser.value(common.indicator));
    if (!indicator)
        return dataError(indicator.error());
    Table table{{QStringLiteral("code"), QStringLiteral("year"), QStringLiteral("value"), QStringLiteral("unit"),
                 QStringLiteral("source"), QStringLiteral("flag")},
                {},
                {QStringLiteral("year"), QStringLiteral("value")}};
    for (const Observation &o : bundle->population.series(c, indicator->baseIndicator))
        table.rows.push_back({o.code, QString::number(o.year), numberText(o.value), o.unit, o.source, o.flag});
    table.print(parser.value(common.format), parser.isSet(common.raw));
    return kExitOk;
}

} // namespace renkou::cli
