#include "common.h"

namespace renkou::cli {

int cmdClassify(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption method(QStringLiteral("method"), QStringLiteral("quantile (default), equal, jenks, manual, diverging (equal widths, symmetric) or "
                                                                         "diverging-quantile (each side's quantiles, open outer classes: as the maps)."),
                                    QStringLiteral("METHOD"), QStringLiteral("quantile"));
    const QCommandLineOption classes(QStringLiteral("classes"),
                                     QStringLiteral("Number of classes (for diverging: on each side of the neutral class). Default 5, diverging 3."),
                                     QStringLiteral("K"));
    const QCommandLineOption breaks(QStringLiteral("breaks"), QStringLiteral("Manual breaks: upper bounds, comma-separated."),
                                    QStringLiteral("B1,B2,..."));
    const QCommandLineOption neutral(QStringLiteral("neutral"),
                                     QStringLiteral("Diverging: half-width of the neutral band around 0 (default 0.05 for a change in per cent, else 0)."),
                                     QStringLiteral("X"));
    const QCommandLineOption palette(QStringLiteral("palette"), QStringLiteral("ColorBrewer palette for the color column (default YlGnBu, diverging RdBu)."),
                                     QStringLiteral("NAME"));
    parser.addOptions({common.level, common.indicator, common.year, common.from, common.to, method, classes, breaks,
                       neutral, palette, common.format, common.raw});
    parser.addOptions(common.dataOptions());
    if (auto stop = parse(parser, args, name,
                          QStringLiteral("Classes of an indicator's values at a level: class,lower,upper,count,label,color; "
                                         "a last row with an empty class counts the units without data.")))
        return *stop;
    if (!formatOk(parser, common))
        return usageError(QStringLiteral("--format must be csv or json"), name);
    const QString m = parser.value(method);
    if (!QStringList({QStringLiteral("quantile"), QStringLiteral("equal"), QStringLiteral("jenks"), QStringLiteral("manual"),
                      QStringLiteral("diverging"), QStringLiteral("diverging-quantile")}).contains(m))
        return usageError(QStringLiteral("--method must be quantile, equal, jenks, manual, diverging or diverging-quantile"), name);
    bool ok = true;
    const bool diverging = m.startsWith(u"diverging");
    const int k = parser.isSet(classes) ? parser.value(classes).toInt(&ok) : (diverging ? 3 : 5);
    if (!ok || k < 1 || k > (diverging ? 5 : 9))
        return usageError(QStringLiteral("--classes must be 1 to %1").arg(diverging ? 5 : 9), name);
    std::vector<double> manualBreaks;
    if (m == u"manual") {
        if (!parser.isSet(breaks))
            return usageError(QStringLiteral("--method manual needs --breaks"), name);
        for (const QString &b : parser.value(breaks).split(u',')) {
            manualBreaks.push_back(b.trimmed().toDouble(&ok));
            if (!ok)
                return usageError(QStringLiteral("--breaks: '%1' is not a number").arg(b), name);
        }
    }
    std::optional<double> neutralValue;
    if (parser.isSet(neutral)) {
        neutralValue = parser.value(neutral).toDouble(&ok);
        if (!ok || *neutralValue < 0)
            return usageError(QStringLiteral("--neutral must be a number ≥ 0"), name);
    }
    const Palette *pal = parser.isSet(palette) ? findPalette(parser.value(palette)) : nullptr;
    if (parser.isSet(palette) && !pal)
        return usageError(QStringLiteral("unknown palette '%1'").arg(parser.value(palette)), name);

    auto resolved = resolveQuery(parser, common, name);
    if (const int *code = std::get_if<int>(&resolved))
        return *code;
    const Query &q = std::get<Query>(resolved);
    const Column column = q.column();
    const QString unit = column.indicator.unit;
    std::vector<ClassRange> result;
    if (diverging) {
        const double x = neutralValue.value_or(unit == u"%" && column.indicator.spansYears ? 0.05 : 0.0);
        result = m == u"diverging" ? divergingClasses(column.values(), k, x, unit) : divergingQuantileClasses(column.values(), k, x, unit);
    } else {
        std::unique_ptr<ClassificationMethod> classifier;
        if (m == u"quantile")
            classifier = std::make_unique<QuantileClassification>();
        else if (m == u"equal")
            classifier = std::make_unique<EqualIntervalClassification>();
        else if (m == u"jenks")
            classifier = std::make_unique<JenksClassification>();
        else
            classifier = std::make_unique<ManualClassification>(manualBreaks);
        result = classifier->classes(column.values(), k, unit);
    }
    const int n = int(result.size());
    const std::vector<QColor> colors = pal ? pal->colorsFor(n)
                                           : (diverging ? divergingPalette(k) : sequentialPalette(n));
    Table table{{QStringLiteral("class"), QStringLiteral("lower"), QStringLiteral("upper"), QStringLiteral("count"),
                 QStringLiteral("label"), QStringLiteral("color")},
                {},
                {QStringLiteral("class"), QStringLiteral("lower"), QStringLiteral("upper"), QStringLiteral("count")}};
    for (int i = 0; i < n; ++i)
        table.rows.push_back({QString::number(i + 1), numberText(result[size_t(i)].lower), numberText(result[size_t(i)].upper),
                              QString::number(result[size_t(i)].count), result[size_t(i)].label,
                              size_t(i) < colors.size() ? colors[size_t(i)].name() : QString()});
    const int noData = int(column.entries.size() - column.values().size());
    table.rows.push_back({QString(), QString(), QString(), QString::number(noData), QStringLiteral("no data"),
                          noDataColor().name()});
    table.print(parser.value(common.format), parser.isSet(common.raw));
    return kExitOk;
}

} // namespace renkou::cli
