#include "common.h"

namespace renkou::cli {

int cmdIndicators(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption lang = languageOption();
    parser.addOptions({common.format, common.raw, lang});
    parser.addOptions(common.dataOptions());
    if (auto stop = parse(parser, args, name,
                          QStringLiteral("Every indicator: name,unit,spans_years,description,needs. spans_years=1 means "
                                         "a change between two years (--from/--to).")))
        return *stop;
    if (const auto stop = setFigureLanguage(parser, lang, name))
        return *stop;
    if (!formatOk(parser, common))
        return usageError(QStringLiteral("--format must be csv or json"), name);
    auto bundle = loadBundle(parser, common);
    if (!bundle)
        return dataError(bundle.error());
    Table table{{QStringLiteral("name"), QStringLiteral("unit"), QStringLiteral("spans_years"),
                 QStringLiteral("description"), QStringLiteral("needs")},
                {},
                {QStringLiteral("spans_years")}};
    for (const IndicatorInfo &i : availableIndicators(bundle->population))
        table.rows.push_back({i.name, i.unit, i.spansYears ? QStringLiteral("1") : QStringLiteral("0"), i.description, i.needs});
    table.print(parser.value(common.format), parser.isSet(common.raw));
    return kExitOk;
}

} // namespace renkou::cli
