#include "common.h"

namespace renkou::cli {

int cmdChart(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    OutputOptions output;
    const TextOptions texts;
    const QCommandLineOption codes(QStringLiteral("codes"), QStringLiteral("Unit codes, comma-separated."), QStringLiteral("C1,C2,..."));
    const QCommandLineOption mode(QStringLiteral("mode"),
                                  QStringLiteral("absolute (default), indexed, change (from the year before, as bars), share "
                                                 "(of the province; for a province, of the 31 provinces), or components (each "
                                                 "year's change as natural increase and net migration; --indicator is ignored)."),
                                  QStringLiteral("MODE"), QStringLiteral("absolute"));
    const QCommandLineOption base(QStringLiteral("base-year"), QStringLiteral("Base year of an indexed chart (default: the first year every unit has)."),
                                  QStringLiteral("Y"));
    const QCommandLineOption lang = languageOption();
    parser.addOptions({codes, common.indicator, mode, base, common.view, lang});
    parser.addOptions(common.dataOptions());
    parser.addOptions(output.all());
    parser.addOptions(texts.all());
    if (auto stop = parse(parser, args, name,
                          QStringLiteral("Draws the units' series over the years — gaps stay gaps, census counts as dots — with "
                                         "unit, sources and notes under it, to a PNG, SVG or PDF file.")))
        return *stop;
    const auto options = output.read(parser, name);
    if (const int *code = std::get_if<int>(&options))
        return *code;
    if (const auto stop = setFigureLanguage(parser, lang, name))
        return *stop;
    auto view = viewOf(parser, common, name);
    if (const int *code = std::get_if<int>(&view))
        return *code;
    std::optional<View> v = std::get<std::optional<View>>(view);
    // A view's chart: its selection, mode and base year, unless the command line says otherwise.
    if (!v && !parser.isSet(codes))
        return usageError(QStringLiteral("--codes is required"), name);
    const QString m = parser.isSet(mode) || !v ? parser.value(mode) : chartModeName(v->chartMode);
    if (!parseChartMode(m))
        return usageError(QStringLiteral("--mode must be absolute, indexed, change, share or components"), name);
    std::optional<int> baseYear = v && !parser.isSet(base) ? v->baseYear : std::nullopt;
    if (parser.isSet(base)) {
        bool ok = false;
        baseYear = parser.value(base).toInt(&ok);
        if (!ok)
            return usageError(QStringLiteral("--base-year '%1' is not a year").arg(parser.value(base)), name);
    }
    auto bundle = loadBundle(parser, common, DataBundle::Parts::Tables, v ? &*v : nullptr);
    if (!bundle)
        return dataError(bundle.error());
    if (v) {
        if (const auto stop = settleView(bundle.value(), *v, parser.value(common.view)))
            return *stop;
    }
    const QString codeList = parser.isSet(codes) || !v ? parser.value(codes) : v->selection.join(u',');
    if (codeList.isEmpty())
        return usageError(QStringLiteral("the view selects no unit: give --codes"), name);
    const auto indicator = findIndicator(bundle->population, parser.value(common.indicator));
    if (!indicator)
        return dataError(indicator.error());
    if (indicator->spansYears && m != u"components")
        return usageError(QStringLiteral("chart plots a value of each year: choose population or a table indicator"), name);
    std::vector<const Region *> units;
    for (const QString &c : codeList.split(u',', Qt::SkipEmptyParts)) {
        // A view's units are of its level (Hong Kong is a province and a prefecture-level unit).
        const Region *r = v ? bundle->regions.find(c.trimmed(), v->drill.isEmpty() ? v->level : Level::Prefecture) : nullptr;
        if (!r)
            r = bundle->regions.find(c.trimmed());
        if (!r) {
            std::fprintf(stderr, "renkou-cli: %s: no unit has the code '%s'\n",
                         qPrintable(bundle->dir + QStringLiteral("/regions.csv")), qPrintable(c));
            return kExitData;
        }
        units.push_back(r);
    }
    if (m == u"share" && indicator->baseIndicator != u"resident_population")
        return usageError(QStringLiteral("--mode share is for population"), name);
    const renkou::ui::TrendChart trend = renkou::ui::trendChart(bundle.value(), units, indicator.value(), *parseChartMode(m), baseYear);
    if (trend.noCommonYear) {
        std::fprintf(stderr, "renkou-cli: no year in which every unit has a value: give --base-year\n");
        return kExitData;
    }
    if (m == u"components" && trend.source.isEmpty()) {
        std::fprintf(stderr, "renkou-cli: no resident population of two consecutive years for %s: no change to split\n", qPrintable(codeList));
        return kExitData;
    }
    renkou::ui::ChartPanel chart;
    // The author's texts replace those made from the data; a note goes before the notes, which stay.
    const renkou::ui::ChartTexts shown = renkou::ui::withAuthorTexts(renkou::ui::showTrendChart(chart, trend), texts.read(parser));
    if (!chart.leftOut().isEmpty()) {
        std::fprintf(stderr, "renkou-cli: no value in %d for %s\n", trend.baseYear, qPrintable(chart.leftOut().join(QStringLiteral(", "))));
        return kExitData;
    }
    const auto exportOptions = std::get<renkou::ui::ExportOptions>(options);
    const auto status = renkou::ui::exportPicture(parser.value(output.out), exportOptions,
                                                  [&](QPainter &painter, const QRectF &target) { chart.render(painter, target, shown); },
                                                  {shown.title, shown.caption()});
    return status ? kExitOk : dataError(status.error());
}

} // namespace renkou::cli
