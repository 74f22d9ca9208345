#include "common.h"

namespace renkou::cli {

int cmdComponents(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption codes(QStringLiteral("codes"), QStringLiteral("Unit codes, comma-separated: provinces, NBS regions or 100000 (China)."),
                                   QStringLiteral("C1,C2,..."));
    parser.addOptions({codes, common.format, common.raw});
    parser.addOptions(common.dataOptions());
    if (auto stop = parse(parser, args, name,
                          QStringLiteral("The numbers behind 'chart --mode components': one row per unit and year, "
                                         "code,name_zh,name_en,year,change,natural_increase,net_migration,note — the change of "
                                         "the resident population from the end of the year before and its components, in persons. "
                                         "Net migration is the change minus natural increase (a residual). A year without vital "
                                         "rates has the change alone; the note says why.")))
        return *stop;
    if (!parser.isSet(codes))
        return usageError(QStringLiteral("--codes is required"), name);
    if (!formatOk(parser, common))
        return usageError(QStringLiteral("--format must be csv or json"), name);
    auto bundle = loadBundle(parser, common);
    if (!bundle)
        return dataError(bundle.error());
    std::vector<const Region *> units;
    for (const QString &c : parser.value(codes).split(u',', Qt::SkipEmptyParts)) {
        const Region *r = bundle->regions.find(c.trimmed());
        if (!r) {
            std::fprintf(stderr, "renkou-cli: %s: no unit has the code '%s'\n", qPrintable(bundle->dir + QStringLiteral("/regions.csv")),
                         qPrintable(c));
            return kExitData;
        }
        units.push_back(r);
    }
    const auto population = findIndicator(bundle->population, QStringLiteral("population"));
    const renkou::ui::TrendChart chart = renkou::ui::trendChart(bundle.value(), units, population.value(), ChartMode::Components, std::nullopt);
    const renkou::ui::ChartNumbers numbers = renkou::ui::chartNumbers(chart, units);
    if (numbers.rows.empty()) {
        std::fprintf(stderr, "renkou-cli: no resident population of two consecutive years for %s: no change to split\n",
                     qPrintable(parser.value(codes)));
        return kExitData;
    }
    Table table{numbers.header, numbers.rows,
                {QStringLiteral("year"), QStringLiteral("change"), QStringLiteral("natural_increase"), QStringLiteral("net_migration")}};
    table.print(parser.value(common.format), parser.isSet(common.raw));
    return kExitOk;
}

} // namespace renkou::cli
