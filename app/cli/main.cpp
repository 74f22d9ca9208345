// renkou-cli: the headless face of Renkou. A stable contract: subcommands, flags, columns and exit codes
// are only ever extended. Exit status: 0 success, 1 data or input error, 2 usage error.
#include "databundle.h"
#include "classification.h"
#include "columntable.h"
#include "indicators.h"
#include "palette.h"
#include "chartpanel.h"
#include "exporter.h"
#include "mapscene.h"
#include "view.h"

#include <QCommandLineParser>
#include <QApplication>
#include <QCoreApplication>
#include <QPainter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>
#include <cstring>
#include <set>
#include <functional>
#include <map>
#include <memory>
#include <variant>

using namespace renkou::core;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitData = 1;
constexpr int kExitUsage = 2;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

int usageError(const QString &message, const QString &command)
{
    std::fprintf(stderr, "renkou-cli: %s\nTry 'renkou-cli %s--help'.\n", qPrintable(message),
                 qPrintable(command.isEmpty() ? QString() : command + u' '));
    return kExitUsage;
}

int dataError(const Error &error)
{
    std::fprintf(stderr, "renkou-cli: %s\n", qPrintable(error.toString()));
    return error.code == Error::Code::Usage ? kExitUsage : kExitData;
}

QString jsonString(const QString &s)
{
    const QByteArray json = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2)); // strip the brackets of ["..."]
}

QString numberText(double v)
{
    return tableNumber(v);
}

/// Rows of text cells with a header, printed as CSV or as a JSON array of objects. Cells listed in
/// `numeric` are written as JSON numbers (null when empty).
struct Table {
    QStringList header;
    std::vector<QStringList> rows;
    QSet<QString> numeric;

    /// In CSV, every cell is spreadsheetSafe() unless `raw`.
    void print(const QString &format, bool raw) const
    {
        if (format == u"json") {
            // Written by hand to keep the keys in header order.
            out() << "[";
            for (size_t r = 0; r < rows.size(); ++r) {
                out() << (r ? ",\n  {" : "\n  {");
                for (qsizetype i = 0; i < header.size(); ++i) {
                    const QString &cell = rows[r].at(i);
                    out() << (i ? ", " : "") << jsonString(header.at(i)) << ": ";
                    if (!numeric.contains(header.at(i)))
                        out() << jsonString(cell);
                    else
                        out() << (cell.isEmpty() ? QStringLiteral("null") : cell);
                }
                out() << "}";
            }
            out() << (rows.empty() ? "]\n" : "\n]\n");
        } else {
            out() << header.join(u',') << '\n';
            for (const QStringList &row : rows) {
                QStringList cells;
                for (const QString &c : row)
                    cells << csvField(raw ? c : spreadsheetSafe(c));
                out() << cells.join(u',') << '\n';
            }
        }
        out().flush();
    }
};

/// Options every subcommand takes, and the bundle they point to.
struct Common {
    QCommandLineOption data{QStringLiteral("data"), QStringLiteral("Data bundle directory."), QStringLiteral("DIR")};
    QCommandLineOption format{QStringLiteral("format"), QStringLiteral("Output format: csv (default) or json."),
                              QStringLiteral("csv|json"), QStringLiteral("csv")};
    QCommandLineOption raw{QStringLiteral("raw"),
                           QStringLiteral("CSV cells exactly as in the data: without the ' that keeps a spreadsheet from "
                                          "running text beginning with = + - @ as a formula.")};
    QCommandLineOption level{QStringLiteral("level"), QStringLiteral("Level: province (default), prefecture, region (the four NBS regions) or nation."),
                             QStringLiteral("province|prefecture|region|nation")};
    QCommandLineOption indicator{QStringLiteral("indicator"),
                                 QStringLiteral("Indicator (see 'renkou-cli indicators'); default: population."),
                                 QStringLiteral("NAME"), QStringLiteral("population")};
    QCommandLineOption year{QStringLiteral("year"),
                            QStringLiteral("Year; for a change, its end year (from the year before). Default: the latest with data."),
                            QStringLiteral("Y")};
    QCommandLineOption from{QStringLiteral("from"), QStringLiteral("Start year of a change."), QStringLiteral("A")};
    QCommandLineOption to{QStringLiteral("to"), QStringLiteral("End year of a change."), QStringLiteral("B")};
    QCommandLineOption view{QStringLiteral("view"),
                            QStringLiteral("A view saved by the app (File → Save view, .renkou): its level, indicator, years, "
                                           "drill-down, selection, chart and own data; the options given here change it."),
                            QStringLiteral("FILE")};
    // The user's own data, on every subcommand.
    QCommandLineOption table{QStringLiteral("table"),
                             QStringLiteral("Add a table of your own (CSV in any common encoding, or a workbook: .xlsx, .xls, .ods): the bundle's long schema, or the wide layout "
                                            "code,name,2000,2001,... (then give --table-indicator and --table-unit). Repeatable."),
                             QStringLiteral("FILE")};
    QCommandLineOption tableIndicator{QStringLiteral("table-indicator"),
                                      QStringLiteral("Indicator of the numbers in a wide --table, e.g. resident_population; default: as the "
                                                     "file's title says (the NBS export's 指标：年末常住人口)."),
                                      QStringLiteral("NAME")};
    QCommandLineOption tableUnit{QStringLiteral("table-unit"), QStringLiteral("Unit of the numbers in a wide --table, e.g. persons, or 万人 (converted to persons); "
                                                "default: as the file's title says."),
                                 QStringLiteral("UNIT")};
    QCommandLineOption tableSource{QStringLiteral("table-source"),
                                   QStringLiteral("Source id of the numbers in a wide --table; default: the file's name."),
                                   QStringLiteral("ID")};
    QCommandLineOption tableKey{QStringLiteral("table-key"),
                                QStringLiteral("Column of a wide --table that names the units (codes or names); default: "
                                               "the column whose values match the most units."),
                                QStringLiteral("COLUMN")};
    QCommandLineOption tableEncoding{QStringLiteral("table-encoding"),
                                     QStringLiteral("Encoding of the --table files (UTF-8, GB18030, GBK, Big5, UTF-16 …); "
                                                    "default: detected."),
                                     QStringLiteral("NAME")};
    QCommandLineOption tableSheet{QStringLiteral("table-sheet"),
                                  QStringLiteral("Sheet of a workbook --table (.xlsx, .xls, .ods); default: the first sheet that holds a table. Repeat it to give each --table its sheet, in order."),
                                  QStringLiteral("NAME")};
    QCommandLineOption tableFlag{QStringLiteral("table-flag"), QStringLiteral("Flag of the numbers in a wide --table: estimate (default) or census."),
                                 QStringLiteral("estimate|census"), QStringLiteral("estimate")};
    QCommandLineOption boundaries{QStringLiteral("boundaries"),
                                  QStringLiteral("Boundaries of your own (any OGR format and CRS) in place of the province or "
                                                 "prefecture layer, whichever their codes match. Repeatable."),
                                  QStringLiteral("FILE")};
    QCommandLineOption boundariesLevel{QStringLiteral("boundaries-level"),
                                       QStringLiteral("The layer --boundaries replaces: province or prefecture (default: by their codes)."),
                                       QStringLiteral("province|prefecture")};
    QCommandLineOption boundariesLayer{QStringLiteral("boundaries-layer"),
                                       QStringLiteral("Layer of --boundaries to read, for files with several (GeoPackage, TopoJSON); default: the first."),
                                       QStringLiteral("NAME")};
    QCommandLineOption codeField{QStringLiteral("code-field"),
                                 QStringLiteral("Field of --boundaries that names the units: division codes in any form or names "
                                                "(default: the field whose values name the most units)."),
                                 QStringLiteral("FIELD")};

    /// --data and the own-data options, which every subcommand takes.
    QList<QCommandLineOption> dataOptions() const
    {
        return {data, table, tableIndicator, tableUnit, tableSource, tableFlag, tableKey, tableEncoding, tableSheet, boundaries, boundariesLevel,
                boundariesLayer, codeField};
    }
};

using Command = std::function<int(const QStringList &args, const QString &name)>;

/// Parses `args` for a subcommand; returns an exit code if the program should stop (help or usage error).
std::optional<int> parse(QCommandLineParser &parser, const QStringList &args, const QString &name,
                         const QString &description)
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args))
        return usageError(parser.errorText(), name);
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text = QStringLiteral("Usage: renkou-cli %1 [options]").arg(name) + text.mid(text.indexOf(u'\n'));
        out() << text;
        out().flush();
        return kExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().front()), name);
    return std::nullopt;
}

/// Adds the user's --table and --boundaries to `bundle`; the reports go to stderr.
Status addOwnData(DataBundle &bundle, const QCommandLineParser &parser, const Common &common)
{
    auto note = [](const QString &text) {
        for (const QString &line : text.split(u'\n'))
            std::fprintf(stderr, "renkou-cli: %s\n", qPrintable(line));
    };
    BoundaryImportOptions boundaryOptions;
    boundaryOptions.codeField = parser.value(common.codeField);
    boundaryOptions.layerName = parser.value(common.boundariesLayer);
    if (parser.isSet(common.boundariesLevel)) {
        const auto level = parseLevel(parser.value(common.boundariesLevel));
        if (!level || (*level != Level::Province && *level != Level::Prefecture))
            return Error{Error::Code::Usage, {}, {}, QStringLiteral("--boundaries-level must be province or prefecture")};
        boundaryOptions.level = level;
    }
    for (const QString &path : parser.values(common.boundaries)) {
        auto join = bundle.replaceBoundaries(path, boundaryOptions, DataBundle::defaultCacheDir());
        if (!join)
            return join.error();
        note(QStringLiteral("%1: %2").arg(path, join->text(bundle.regions)));
    }
    const QString flag = parser.value(common.tableFlag);
    if (flag != u"estimate" && flag != u"census")
        return Error{Error::Code::Usage, {}, {}, QStringLiteral("--table-flag must be estimate or census")};
    const QString encoding = parser.value(common.tableEncoding);
    // --table-sheet once: for every table; repeated: the first for the first --table, and so on.
    const QStringList sheets = parser.values(common.tableSheet);
    const QStringList tables = parser.values(common.table);
    for (qsizetype i = 0; i < tables.size(); ++i) {
        const QString &path = tables[i];
        const QString sheet = sheets.size() == 1 ? sheets.front() : sheets.value(i);
        auto layout = PopulationStore::detectLayout(path, encoding, sheet);
        if (!layout)
            return layout.error();
        std::optional<WideTableSpec> wide;
        if (layout.value() == TableLayout::Wide)
            wide = WideTableSpec{parser.value(common.tableIndicator), parser.value(common.tableUnit),
                                 parser.value(common.tableSource), flag, parser.value(common.tableKey)};
        auto added = bundle.addTable(path, wide, encoding, sheet);
        if (!added) {
            Error e = added.error();
            if (e.code == Error::Code::Usage && wide && e.message.contains(QStringLiteral("does not")))
                e.message += QStringLiteral(" (a wide table: give --table-indicator and --table-unit)");
            return e;
        }
        note(added->text(bundle.regions));
    }
    return Done{};
}

/// Adds the own files of `view` as the app read them (their recorded choices); the reports go to stderr.
Status addViewFiles(DataBundle &bundle, const View &view)
{
    for (const OwnFile &f : view.files) {
        if (f.kind == OwnFile::Kind::Boundaries) {
            auto join = bundle.replaceBoundaries(f.path, f.boundaries, DataBundle::defaultCacheDir());
            if (!join)
                return join.error();
            std::fprintf(stderr, "renkou-cli: %s\n", qPrintable(f.path + QStringLiteral(": ") + join->text(bundle.regions)));
            continue;
        }
        auto parsed = PopulationStore::readTable(f.path, TableReadOptions{f.wide, f.encoding, bundle.keys().get(), f.sheet});
        if (!parsed)
            return parsed.error();
        auto added = bundle.addTable(std::move(parsed).value(), f.assigned);
        if (!added)
            return added.error();
        for (const QString &line : added->text(bundle.regions).split(u'\n'))
            std::fprintf(stderr, "renkou-cli: %s\n", qPrintable(line));
    }
    return Done{};
}

Result<DataBundle> loadBundle(const QCommandLineParser &parser, const Common &common,
                              DataBundle::Parts parts = DataBundle::Parts::Tables, const View *view = nullptr)
{
    const auto dir = DataBundle::locate(parser.value(common.data), QCoreApplication::applicationDirPath());
    if (!dir)
        return dir.error();
    auto bundle = DataBundle::load(dir.value(), parts, DataBundle::defaultCacheDir());
    if (!bundle)
        return bundle;
    if (view) {
        if (auto ok = addViewFiles(bundle.value(), *view); !ok)
            return ok.error();
    }
    if (auto ok = addOwnData(bundle.value(), parser, common); !ok)
        return ok.error();
    return bundle;
}

bool formatOk(const QCommandLineParser &parser, const Common &common)
{
    const QString f = parser.value(common.format);
    return f == u"csv" || f == u"json";
}

/// A resolved request for one indicator at one level, for `table` and `classify`.
struct Query {
    DataBundle bundle;
    IndicatorInfo indicator;
    Level level = Level::Province;
    int year = 0;
    std::optional<int> from;
    Column column() const { return computeColumn(bundle.context(), level, indicator, year, from); }
};

/// The view of --view (if the command has it and it is given) with --level, --indicator, --year, --from and
/// --to of the command line on top; nullopt without --view; an exit code on error.
std::variant<std::optional<View>, int> viewOf(const QCommandLineParser &parser, const Common &common, const QString &name)
{
    if (!parser.optionNames().contains(common.view.names().front()) || !parser.isSet(common.view))
        return std::optional<View>();
    auto loaded = View::load(parser.value(common.view));
    if (!loaded)
        return dataError(loaded.error());
    View v = loaded.value();
    auto yearOption = [&](const QCommandLineOption &o) -> std::optional<int> {
        bool ok = false;
        const int y = parser.value(o).toInt(&ok);
        return ok ? std::optional<int>(y) : std::nullopt;
    };
    if (parser.isSet(common.level)) {
        const auto level = parseLevel(parser.value(common.level));
        if (level != Level::Province && level != Level::Prefecture)
            return usageError(QStringLiteral("with --view, --level must be province or prefecture"), name);
        v.level = *level;
        v.drill.clear();
    }
    if (parser.isSet(common.indicator))
        v.indicator = parser.value(common.indicator);
    for (const QCommandLineOption *o : {&common.year, &common.from, &common.to}) {
        if (parser.isSet(*o) && !yearOption(*o))
            return usageError(QStringLiteral("--%1 '%2' is not a year").arg(o->names().front(), parser.value(*o)), name);
    }
    if (parser.isSet(common.year)) {
        v.year = yearOption(common.year);
        v.from.reset();
    }
    if (parser.isSet(common.to))
        v.year = yearOption(common.to);
    if (parser.isSet(common.from))
        v.from = yearOption(common.from);
    return std::optional<View>(v);
}

/// Reads --level, --indicator, --year, --from and --to and loads the bundle; an exit code on error.
std::variant<Query, int> resolveQuery(const QCommandLineParser &parser, const Common &common, const QString &name,
                                      DataBundle::Parts parts = DataBundle::Parts::Tables, bool growth = false)
{
    Query q;
    auto view = viewOf(parser, common, name);
    if (const int *code = std::get_if<int>(&view))
        return *code;
    if (const auto &v = std::get<std::optional<View>>(view)) {
        // The view's map, as the window shows it (with every layer: a density needs the boundaries).
        View shown = *v;
        shown.growth = shown.growth || growth;
        auto bundle = loadBundle(parser, common, DataBundle::Parts::Everything, &shown);
        if (!bundle)
            return dataError(bundle.error());
        q.bundle = std::move(bundle).value();
        const auto found = findIndicator(q.bundle.population, shown.indicator);
        if (!found)
            return dataError(found.error());
        const renkou::ui::MapQuery m = renkou::ui::queryFor(q.bundle, shown, [&q](Level l, const IndicatorInfo &i) {
            return yearsWithData(q.bundle.context(), l, i);
        });
        for (const QString &note : m.notes)
            std::fprintf(stderr, "renkou-cli: %s\n", qPrintable(note));
        q.level = m.level;
        q.indicator = m.indicator;
        q.year = m.year;
        q.from = m.from;
        return q;
    }
    if (parser.isSet(common.level)) {
        const auto level = parseLevel(parser.value(common.level));
        if (!level)
            return usageError(QStringLiteral("--level must be province, prefecture, region or nation"), name);
        q.level = *level;
    }
    std::optional<int> year, from, to;
    for (auto [option, target] : {std::pair{&common.year, &year}, std::pair{&common.from, &from}, std::pair{&common.to, &to}}) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        *target = parser.value(*option).toInt(&ok);
        if (!ok)
            return usageError(QStringLiteral("--%1 '%2' is not a year").arg(option->names().front(), parser.value(*option)), name);
    }
    if (year && (from || to))
        return usageError(QStringLiteral("give --year, or --from and --to, not both"), name);
    // Indicators are known only once the tables are loaded; a density needs the boundaries too.
    const QString indicatorName = parser.value(common.indicator);
    if (indicatorName == u"density")
        parts = DataBundle::Parts::Everything;
    auto bundle = loadBundle(parser, common, parts);
    if (!bundle)
        return dataError(bundle.error());
    q.bundle = std::move(bundle).value();
    auto indicator = findIndicator(q.bundle.population, indicatorName);
    if (!indicator)
        return dataError(indicator.error());
    // Growth/decline: a one-year indicator of the bundle becomes its change; a user's own indicator (which
    // may be a change already) stays as it is.
    if (growth && !indicator->spansYears && !q.bundle.population.isUserIndicator(indicator->baseIndicator))
        indicator = findIndicator(q.bundle.population, QStringLiteral("change"));
    q.indicator = indicator.value();
    if (!q.indicator.spansYears && (from || to))
        return usageError(QStringLiteral("%1 is a value of one year: use --year").arg(q.indicator.name), name);
    if (from && to && *from >= *to)
        return usageError(QStringLiteral("--from must be before --to"), name);
    std::optional<int> end = year ? year : to;
    if (!end)
        end = latestYear(q.bundle.context(), q.level, q.indicator);
    if (!end) {
        std::fprintf(stderr, "renkou-cli: no %s data for any %s unit\n", qPrintable(q.indicator.name),
                     qPrintable(levelName(q.level)));
        return kExitData;
    }
    q.year = *end;
    if (q.indicator.spansYears)
        q.from = from.value_or(*end - 1);
    return q;
}

int cmdTable(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption sort(QStringLiteral("sort"), QStringLiteral("Row order: code (default) or value."),
                                  QStringLiteral("code|value"), QStringLiteral("code"));
    const QCommandLineOption desc(QStringLiteral("desc"), QStringLiteral("Descending order (largest value first); units without data stay last."));
    parser.addOptions({common.level, common.indicator, common.year, common.from, common.to, sort, desc, common.format, common.raw,
                       common.view});
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
    auto resolved = resolveQuery(parser, common, name);
    if (const int *code = std::get_if<int>(&resolved))
        return *code;
    const Query &q = std::get<Query>(resolved);
    Column column = q.column();
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
    Table table{columnTableHeader(), {}, QSet<QString>(numeric.begin(), numeric.end())};
    for (const ColumnEntry &e : column.entries)
        table.rows.push_back(columnTableRow(column, e));
    table.print(parser.value(common.format), parser.isSet(common.raw));
    return kExitOk;
}

int cmdIndicators(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    parser.addOptions({common.format, common.raw});
    parser.addOptions(common.dataOptions());
    if (auto stop = parse(parser, args, name,
                          QStringLiteral("Every indicator: name,unit,spans_years,description,needs. spans_years=1 means "
                                         "a change between two years (--from/--to).")))
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

int cmdClassify(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption method(QStringLiteral("method"), QStringLiteral("quantile (default), equal, jenks, manual or diverging."),
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
                      QStringLiteral("diverging")}).contains(m))
        return usageError(QStringLiteral("--method must be quantile, equal, jenks, manual or diverging"), name);
    bool ok = true;
    const int k = parser.isSet(classes) ? parser.value(classes).toInt(&ok) : (m == u"diverging" ? 3 : 5);
    if (!ok || k < 1 || k > (m == u"diverging" ? 5 : 9))
        return usageError(QStringLiteral("--classes must be 1 to %1").arg(m == u"diverging" ? 5 : 9), name);
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
    if (m == u"diverging") {
        const double x = neutralValue.value_or(unit == u"%" && column.indicator.spansYears ? 0.05 : 0.0);
        result = divergingClasses(column.values(), k, x, unit);
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
                                           : (m == u"diverging" ? divergingPalette(k) : sequentialPalette(n));
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

/// --out, --force and the size options of map and chart; an exit code on a usage error.
struct OutputOptions {
    QCommandLineOption out{QStringLiteral("out"), QStringLiteral("Output file: .png, .svg or .pdf."), QStringLiteral("FILE")};
    QCommandLineOption force{QStringLiteral("force"), QStringLiteral("Replace FILE if it exists.")};
    QCommandLineOption scale{QStringLiteral("scale"), QStringLiteral("PNG pixels per layout pixel on an 850×600 layout (default 1; 4 for Our World in Data's size)."),
                             QStringLiteral("S")};
    QCommandLineOption widthMm{QStringLiteral("width-mm"), QStringLiteral("Width on paper in mm (85 and 180 are journal column widths)."), QStringLiteral("W")};
    QCommandLineOption dpi{QStringLiteral("dpi"), QStringLiteral("Resolution with --width-mm (default 300)."), QStringLiteral("D")};

    QList<QCommandLineOption> all() const { return {out, force, scale, widthMm, dpi}; }

    std::variant<renkou::ui::ExportOptions, int> read(const QCommandLineParser &parser, const QString &name) const
    {
        if (!parser.isSet(out))
            return usageError(QStringLiteral("--out FILE is required"), name);
        if (!renkou::ui::exportFormatOf(parser.value(out)))
            return usageError(QStringLiteral("--out must end in .png, .svg or .pdf"), name);
        if (parser.isSet(scale) && parser.isSet(widthMm))
            return usageError(QStringLiteral("give --scale or --width-mm, not both"), name);
        renkou::ui::ExportOptions options;
        options.overwrite = parser.isSet(force);
        bool ok = true;
        if (parser.isSet(widthMm)) {
            const double w = parser.value(widthMm).toDouble(&ok);
            const double d = parser.isSet(dpi) ? parser.value(dpi).toDouble(&ok) : 300.0;
            if (!ok || !(w >= 10 && w <= 2000) || !(d >= 36 && d <= 2400)) // NaN fails too
                return usageError(QStringLiteral("--width-mm must be 10–2000 and --dpi 36–2400"), name);
            options.size = renkou::ui::ExportSize::forPrint(w, d);
        } else if (parser.isSet(scale)) {
            const double sc = parser.value(scale).toDouble(&ok);
            if (!ok || !(sc >= 0.1 && sc <= 16)) // NaN fails too
                return usageError(QStringLiteral("--scale must be 0.1 to 16"), name);
            options.size = renkou::ui::ExportSize::atScale(sc);
        } else if (parser.isSet(dpi)) {
            return usageError(QStringLiteral("--dpi goes with --width-mm"), name);
        }
        return options;
    }
};

int exportError(const Error &error)
{
    std::fprintf(stderr, "renkou-cli: %s\n", qPrintable(error.toString()));
    return error.code == Error::Code::Usage ? kExitUsage : kExitData;
}

int cmdMap(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    OutputOptions output;
    const QCommandLineOption diverging(QStringLiteral("diverging"),
                                       QStringLiteral("Growth/decline: the change (unless the indicator is one already, or is your own table's) in diverging colours around 0."));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Label language: zh (default) or en."), QStringLiteral("zh|en"),
                                  QStringLiteral("zh"));
    parser.addOptions({common.level, common.indicator, common.year, common.from, common.to, diverging, lang, common.view});
    parser.addOptions(common.dataOptions());
    parser.addOptions(output.all());
    if (auto stop = parse(parser, args, name,
                          QStringLiteral("Draws the map as the app does — title, legend, source line, South China Sea inset — "
                                         "to a PNG, SVG or PDF file. Never replaces a file without --force.")))
        return *stop;
    const auto options = output.read(parser, name);
    if (const int *code = std::get_if<int>(&options))
        return *code;
    if (parser.value(lang) != u"zh" && parser.value(lang) != u"en")
        return usageError(QStringLiteral("--lang must be zh or en"), name);
    if (parser.isSet(common.level)) {
        const auto level = parseLevel(parser.value(common.level));
        if (level != Level::Province && level != Level::Prefecture)
            return usageError(QStringLiteral("map --level must be province or prefecture"), name);
    }
    auto view = viewOf(parser, common, name);
    if (const int *code = std::get_if<int>(&view))
        return *code;
    if (auto v = std::get<std::optional<View>>(view)) {
        // The view as the window draws it: drill-down, selection, labels and extent too.
        v->growth = v->growth || parser.isSet(diverging);
        if (parser.isSet(lang))
            v->englishLabels = parser.value(lang) == u"en";
        auto bundle = loadBundle(parser, common, DataBundle::Parts::Everything, &*v);
        if (!bundle)
            return dataError(bundle.error());
        if (const auto found = findIndicator(bundle->population, v->indicator); !found)
            return dataError(found.error());
        renkou::ui::MapRenderer renderer;
        renkou::ui::renderView(renderer, bundle.value(), *v);
        const auto status = renkou::ui::exportMap(renderer, parser.value(output.out), std::get<renkou::ui::ExportOptions>(options));
        return status ? kExitOk : exportError(status.error());
    }
    auto resolved = resolveQuery(parser, common, name, DataBundle::Parts::Everything, parser.isSet(diverging));
    if (const int *code = std::get_if<int>(&resolved))
        return *code;
    const Query &q = std::get<Query>(resolved);
    renkou::ui::MapRenderer renderer;
    renkou::ui::applyMapScene(renderer, q.bundle, {q.level, q.indicator, q.year, q.from, {}, false, {}, parser.isSet(diverging)});
    renderer.setLabelLanguage(parser.value(lang) == u"en" ? renkou::ui::LabelLanguage::English : renkou::ui::LabelLanguage::Chinese);
    const auto status = renkou::ui::exportMap(renderer, parser.value(output.out), std::get<renkou::ui::ExportOptions>(options));
    return status ? kExitOk : exportError(status.error());
}

int cmdChart(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    OutputOptions output;
    const QCommandLineOption codes(QStringLiteral("codes"), QStringLiteral("Unit codes, comma-separated."), QStringLiteral("C1,C2,..."));
    const QCommandLineOption mode(QStringLiteral("mode"),
                                  QStringLiteral("absolute (default), indexed, change (from the year before, as bars), or share "
                                                 "(of the province; for a province, of the 31 provinces)."),
                                  QStringLiteral("MODE"), QStringLiteral("absolute"));
    const QCommandLineOption base(QStringLiteral("base-year"), QStringLiteral("Base year of an indexed chart (default: the first year every unit has)."),
                                  QStringLiteral("Y"));
    parser.addOptions({codes, common.indicator, mode, base, common.view});
    parser.addOptions(common.dataOptions());
    parser.addOptions(output.all());
    if (auto stop = parse(parser, args, name,
                          QStringLiteral("Draws the units' series over the years — gaps stay gaps, census counts as dots — with "
                                         "unit, sources and notes under it, to a PNG, SVG or PDF file.")))
        return *stop;
    const auto options = output.read(parser, name);
    if (const int *code = std::get_if<int>(&options))
        return *code;
    auto view = viewOf(parser, common, name);
    if (const int *code = std::get_if<int>(&view))
        return *code;
    const std::optional<View> &v = std::get<std::optional<View>>(view);
    // A view's chart: its selection, mode and base year, unless the command line says otherwise.
    const QString codeList = parser.isSet(codes) || !v ? parser.value(codes) : v->selection.join(u',');
    if (codeList.isEmpty())
        return usageError(v ? QStringLiteral("the view selects no unit: give --codes") : QStringLiteral("--codes is required"), name);
    const QString m = parser.isSet(mode) || !v ? parser.value(mode) : chartModeName(v->chartMode);
    if (m != u"absolute" && m != u"indexed" && m != u"change" && m != u"share")
        return usageError(QStringLiteral("--mode must be absolute, indexed, change or share"), name);
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
    const auto indicator = findIndicator(bundle->population, parser.value(common.indicator));
    if (!indicator)
        return dataError(indicator.error());
    if (indicator->spansYears)
        return usageError(QStringLiteral("chart plots a value of each year: choose population or a table indicator"), name);
    std::vector<renkou::ui::ChartSeries> series;
    std::vector<std::pair<QString, int>> sourceYears;
    QStringList notes;
    std::vector<renkou::ui::ChartBreak> breaks;
    std::set<int> common_years;
    std::set<Level> levels;
    for (const QString &c : codeList.split(u',', Qt::SkipEmptyParts)) {
        const Region *r = bundle->regions.find(c.trimmed());
        if (!r) {
            std::fprintf(stderr, "renkou-cli: %s: no unit has the code '%s'\n",
                         qPrintable(bundle->dir + QStringLiteral("/regions.csv")), qPrintable(c));
            return kExitData;
        }
        levels.insert(r->level);
        auto points = bundle->population.series(r->code, indicator->baseIndicator);
        if (m == u"share") {
            if (indicator->baseIndicator != u"resident_population")
                return usageError(QStringLiteral("--mode share is for population"), name);
            points = shareOfWhole(bundle->context(), *r, points);
        }
        std::set<int> years;
        for (const Observation &o : points) {
            sourceYears.emplace_back(o.source, o.year);
            years.insert(o.year);
        }
        if (series.empty())
            common_years = years;
        else
            std::erase_if(common_years, [&](int y) { return !years.contains(y); });
        for (const Note *n : bundle->notes.forUnit(r->code, r->level)) {
            if (n->kind == u"series_break" && n->year && !notes.contains(n->textEn)) {
                notes << n->textEn;
                breaks.push_back({*n->year, n->textEn});
            }
        }
        series.push_back({renkou::ui::bilingualName(*r), points});
    }
    if (m == u"indexed" && !baseYear) {
        if (common_years.empty()) {
            std::fprintf(stderr, "renkou-cli: no year in which every unit has a value: give --base-year\n");
            return kExitData;
        }
        baseYear = *common_years.begin();
    }
    const bool allProvinces = levels == std::set<Level>{Level::Province};
    renkou::ui::ChartPanel chart;
    const QString suffix = m == u"indexed" ? QStringLiteral(" — index, %1 = 100").arg(*baseYear)
                           : m == u"change" ? QStringLiteral(" — change from the year before")
                           : m == u"share"  ? (allProvinces ? QStringLiteral(" — share of the 31 provinces (%)")
                                                                : QStringLiteral(" — share of the province (%)"))
                                            : QString();
    const renkou::ui::ChartMode chartMode = m == u"indexed" ? renkou::ui::ChartMode::Indexed
                                            : m == u"change" ? renkou::ui::ChartMode::YearOnYear
                                                             : renkou::ui::ChartMode::Absolute;
    const QString unit = m == u"share" ? QStringLiteral("%") : indicator->unit;
    chart.showSeries(indicator->description + suffix, unit, series, chartMode, baseYear.value_or(0), breaks);
    if (!chart.leftOut().isEmpty()) {
        std::fprintf(stderr, "renkou-cli: no value in %d for %s\n", *baseYear, qPrintable(chart.leftOut().join(QStringLiteral(", "))));
        return kExitData;
    }
    QString caption = QStringLiteral("Unit: %1. Source: %2.").arg(unit, citeSources(bundle->sources, sourceYears));
    if (m == u"share")
        caption += QStringLiteral(" Shares of the sum of the province's prefecture-level units (for a province: of the 31 "
                                  "provinces); no share in a year in which one of them has no value.");
    for (const QString &n : notes)
        caption += QStringLiteral(" Note: ") + n;
    const auto exportOptions = std::get<renkou::ui::ExportOptions>(options);
    const auto status = renkou::ui::exportPicture(parser.value(output.out), exportOptions,
                                                  [&](QPainter &painter, const QRectF &target) { chart.render(painter, target, caption); });
    return status ? kExitOk : exportError(status.error());
}

const std::map<QString, std::pair<Command, QString>> &commands()
{
    static const std::map<QString, std::pair<Command, QString>> c = {
        {QStringLiteral("table"), {cmdTable, QStringLiteral("an indicator for every unit of a level")}},
        {QStringLiteral("series"), {cmdSeries, QStringLiteral("one unit's values over the years")}},
        {QStringLiteral("regions"), {cmdRegions, QStringLiteral("the region table")}},
        {QStringLiteral("indicators"), {cmdIndicators, QStringLiteral("every indicator, its unit and the data it needs")}},
        {QStringLiteral("classify"), {cmdClassify, QStringLiteral("classes of an indicator's values, for a map legend")}},
        {QStringLiteral("map"), {cmdMap, QStringLiteral("the map as a PNG, SVG or PDF file")}},
        {QStringLiteral("chart"), {cmdChart, QStringLiteral("units' series as a PNG, SVG or PDF chart")}},
    };
    return c;
}

void printUsage(FILE *stream)
{
    QString text = QStringLiteral("Usage: renkou-cli <command> [options]\n\nCommands:\n");
    for (const auto &[name, command] : commands())
        text += QStringLiteral("  %1  %2\n").arg(name, -10).arg(command.second);
    text += QStringLiteral("\nEvery command takes --help, --data DIR, and --table FILE / --boundaries FILE for data of your own.\n"
                           "Exit status: 0 success, 1 data or input error, 2 usage error.\n");
    std::fputs(qPrintable(text), stream);
}

} // namespace

int main(int argc, char *argv[])
{
    // Drawing maps and charts needs fonts and widgets: a QApplication on the offscreen platform. Other
    // commands need no GUI at all.
    const bool draws = argc > 1 && (std::strcmp(argv[1], "map") == 0 || std::strcmp(argv[1], "chart") == 0);
    if (draws && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application = draws ? std::make_unique<QApplication>(argc, argv)
                                                          : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    Q_UNUSED(app);
    QCoreApplication::setApplicationName(QStringLiteral("renkou-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RENKOU_VERSION));
    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        printUsage(stderr);
        return kExitUsage;
    }
    const QString name = args.at(1);
    if (name == u"--help" || name == u"-h" || name == u"help") {
        printUsage(stdout);
        return kExitOk;
    }
    if (name == u"--version") {
        std::printf("renkou-cli %s\n", RENKOU_VERSION);
        return kExitOk;
    }
    const auto it = commands().find(name);
    if (it == commands().end())
        return usageError(QStringLiteral("unknown command '%1'").arg(name), {});
    args.removeAt(1);
    return it->second.first(args, name);
}
