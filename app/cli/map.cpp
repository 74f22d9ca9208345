#include "common.h"

namespace renkou::cli {

int cmdMap(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    OutputOptions output;
    TextOptions texts;
    const QCommandLineOption diverging(QStringLiteral("diverging"),
                                       QStringLiteral("Growth/decline: the change (unless the indicator is one already, or is your own table's) in diverging colours around 0."));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("Figure language. zh: every text in Chinese (title, legend, notes, sources, numbers in "
                                                 "万/亿) with Chinese labels; en: English texts and labels. Not given: English texts "
                                                 "with Chinese labels."),
                                  QStringLiteral("zh|en"), QStringLiteral("zh"));
    const QCommandLineOption values(QStringLiteral("show-values"), QStringLiteral("Each labelled unit's value under its name."));
    parser.addOptions({common.level, common.indicator, common.year, common.from, common.to, diverging, lang, values, common.view,
                       common.significance});
    parser.addOptions(common.dataOptions());
    parser.addOptions(output.all());
    parser.addOptions(texts.all());
    if (auto stop = parse(parser, args, name,
                          QStringLiteral("Draws the map as the app does — title, legend, source line, South China Sea inset — "
                                         "to a PNG, SVG or PDF file. Never replaces a file without --force.")))
        return *stop;
    const auto options = output.read(parser, name);
    if (const int *code = std::get_if<int>(&options))
        return *code;
    if (const auto stop = setFigureLanguage(parser, lang, name))
        return *stop;
    if (parser.isSet(common.level)) {
        const auto level = parseLevel(parser.value(common.level));
        if (level != Level::Province && level != Level::Prefecture && level != Level::Region)
            return usageError(QStringLiteral("map --level must be province, prefecture or region"), name);
    }
    const auto significance = significanceOf(parser, common, name);
    if (const int *code = std::get_if<int>(&significance))
        return *code;
    const std::optional<double> p = std::get<std::optional<double>>(significance);
    auto view = viewOf(parser, common, name);
    if (const int *code = std::get_if<int>(&view))
        return *code;
    if (auto v = std::get<std::optional<View>>(view)) {
        // The view as the window draws it: drill-down, selection, labels and extent too.
        v->growth = v->growth || parser.isSet(diverging);
        v->showValues = v->showValues || parser.isSet(values);
        v->clusterSignificance = p.value_or(v->clusterSignificance);
        if (parser.isSet(lang))
            v->englishLabels = parser.value(lang) == u"en";
        auto bundle = loadBundle(parser, common, DataBundle::Parts::Everything, &*v);
        if (!bundle)
            return dataError(bundle.error());
        if (const auto stop = settleView(bundle.value(), *v, parser.value(common.view)))
            return *stop;
        renkou::ui::MapRenderer renderer;
        printStatistic(renkou::ui::renderView(renderer, bundle.value(), *v).column);
        renkou::ui::applyFigureTexts(renderer, texts.read(parser));
        const auto status = renkou::ui::exportMap(renderer, parser.value(output.out), std::get<renkou::ui::ExportOptions>(options));
        return status ? kExitOk : dataError(status.error());
    }
    auto resolved = resolveQuery(parser, common, name, DataBundle::Parts::Everything, parser.isSet(diverging));
    if (const int *code = std::get_if<int>(&resolved))
        return *code;
    const Query &q = std::get<Query>(resolved);
    renkou::ui::MapRenderer renderer;
    renkou::ui::MapQuery query;
    query.level = q.level;
    query.indicator = q.indicator;
    query.year = q.year;
    query.from = q.from;
    query.notes = q.notes;
    query.diverging = parser.isSet(diverging);
    query.showValues = parser.isSet(values);
    query.clusterSignificance = p.value_or(0.05);
    // The app's default: the classes of every year with data (one-year maps and one-year changes), so that a
    // map of 2024 has the colours the window gives it.
    View shown;
    shown.level = q.level;
    shown.indicator = q.indicator.name;
    shown.year = q.year;
    if (parser.isSet(common.from))
        shown.from = q.from;
    shown.classes.sameEveryYear = true;
    if (renkou::ui::classesFromEveryYear(shown, q.indicator))
        query.classValues = renkou::ui::valuesOfYears(q.bundle, shown);
    printStatistic(renkou::ui::applyMapScene(renderer, q.bundle, query).column);
    renderer.setLabelLanguage(parser.value(lang) == u"en" ? renkou::ui::LabelLanguage::English : renkou::ui::LabelLanguage::Chinese);
    renkou::ui::applyFigureTexts(renderer, texts.read(parser));
    const auto status = renkou::ui::exportMap(renderer, parser.value(output.out), std::get<renkou::ui::ExportOptions>(options));
    return status ? kExitOk : dataError(status.error());
}

} // namespace renkou::cli
