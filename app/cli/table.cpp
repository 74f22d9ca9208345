#include "common.h"

namespace renkou::cli {

int cmdTable(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption sort(QStringLiteral("sort"), QStringLiteral("Row order: code (default) or value."),
                                  QStringLiteral("code|value"), QStringLiteral("code"));
    const QCommandLineOption desc(QStringLiteral("desc"), QStringLiteral("Descending order (largest value first); units without data stay last."));
    parser.addOptions({common.level, common.indicator, common.year, common.from, common.to, sort, desc, common.format, common.raw,
                       common.view, common.significance});
    parser.addOptions(common.dataOptions());
    if (auto stop = parse(parser, args, name,
                          QStringLiteral("One row per unit of a level: code,name_zh,name_en,year,value,unit,source,"
                                         "flag,note,rank,from_year. No data is an empty value (JSON null); the note says "
                                         "why. For a change, year is the end year and from_year the start year.")))
        return *stop;
    if (!formatOk(parser, common))
        return usageError(QStringLiteral("--format must be csv or json"), name);
    if (parser.value(sort) != u"code" && parser.value(sort) != u"value")
        return usageError(QStringLiteral("--sort must be code or value"), name);
    const auto significance = significanceOf(parser, common, name);
    if (const int *code = std::get_if<int>(&significance))
        return *code;
    auto resolved = resolveQuery(parser, common, name);
    if (const int *code = std::get_if<int>(&resolved))
        return *code;
    Query &q = std::get<Query>(resolved);
    q.clusterSignificance = std::get<std::optional<double>>(significance).value_or(q.clusterSignificance);
    Column column = q.column();
    printStatistic(column);
    const bool descending = parser.isSet(desc);
    if (parser.value(sort) == u"value") {
        std::stable_sort(column.entries.begin(), column.entries.end(), [&](const ColumnEntry &a, const ColumnEntry &b) {
            if (a.value.has_value() != b.value.has_value())
                return a.value.has_value();
            return a.value && (descending ? *a.value > *b.value : *a.value < *b.value);
        });
    } else if (descending) {
        std::reverse(column.entries.begin(), column.entries.end());
    }
    const QStringList numeric = columnTableNumericColumns();
    Table table{columnTableHeader(column), {}, QSet<QString>(numeric.begin(), numeric.end())};
    for (const ColumnEntry &e : column.entries)
        table.rows.push_back(columnTableRow(column, e));
    table.print(parser.value(common.format), parser.isSet(common.raw));
    return kExitOk;
}

} // namespace renkou::cli
