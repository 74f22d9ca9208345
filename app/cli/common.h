#pragma once
// renkou-cli: what every subcommand shares — exit codes, the output table, the options for the data and the
// user's own files, loading the bundle, resolving a query or a saved view. Each subcommand is in a file of its own.
#include "databundle.h"
#include "classification.h"
#include "columntable.h"
#include "indicators.h"
#include "language.h"
#include "palette.h"
#include "chartpanel.h"
#include "animation.h"
#include "exporter.h"
#include "mapscene.h"
#include "trendchart.h"
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

namespace renkou::cli {

using namespace renkou::core;

inline constexpr int kExitOk = 0;
inline constexpr int kExitData = 1;
inline constexpr int kExitUsage = 2;

/// Standard output.
QTextStream &out();

/// Prints a usage error for `command` (empty: the program) to stderr; returns kExitUsage.
int usageError(const QString &message, const QString &command);

/// Prints `error` (file, place, problem) to stderr; returns kExitUsage for a usage error, else kExitData.
int dataError(const Error &error);

/// `s` as a JSON string literal, quotes included.
QString jsonString(const QString &s);

/// A number as the tables print it (columntable.h tableNumber()).
QString numberText(double v);

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
                            QStringLiteral("Year; for a change, its end year (from the previous year with data at the level). Default: the latest with data."),
                            QStringLiteral("Y")};
    QCommandLineOption from{QStringLiteral("from"), QStringLiteral("Start year of a change."), QStringLiteral("A")};
    QCommandLineOption significance{QStringLiteral("significance"),
                                    QStringLiteral("Of a map or table of clusters (<indicator>_clusters): the p-value at or below "
                                                   "which a unit is in a cluster, 0.05 (default) or 0.01."),
                                    QStringLiteral("P")};
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

/// --lang of chart and indicators: the language of a figure's texts or of descriptions.
inline QCommandLineOption languageOption()
{
    return {QStringLiteral("lang"), QStringLiteral("Language: en (default) or zh (every text in Chinese, numbers in 万/亿)."),
            QStringLiteral("zh|en"), QStringLiteral("en")};
}

using Command = std::function<int(const QStringList &args, const QString &name)>;

/// A resolved request for one indicator at one level, for `table` and `classify`.
struct Query {
    DataBundle bundle;
    IndicatorInfo indicator;
    Level level = Level::Province;
    int year = 0;
    std::optional<int> from;
    QStringList notes; ///< what the years shown need said (core::Period::notes)
    double clusterSignificance = 0.05; ///< --significance, or the view's
    Column column() const
    {
        IndicatorContext context = bundle.context();
        context.clusterSignificance = clusterSignificance;
        return computeColumn(context, level, indicator, year, from);
    }
};

/// --out, --force and the size options of map and chart; an exit code on a usage error.
struct OutputOptions {
    QCommandLineOption out{QStringLiteral("out"), QStringLiteral("Output file: .png, .svg or .pdf."), QStringLiteral("FILE")};
    QCommandLineOption force{QStringLiteral("force"), QStringLiteral("Replace FILE if it exists.")};
    QCommandLineOption scale{QStringLiteral("scale"), QStringLiteral("PNG pixels per layout pixel on an 850×600 layout (default 1; 4 for Our World in Data's size)."),
                             QStringLiteral("S")};
    QCommandLineOption widthMm{QStringLiteral("width-mm"), QStringLiteral("Width on paper in mm (85 and 180 are journal column widths)."), QStringLiteral("W")};
    QCommandLineOption dpi{QStringLiteral("dpi"), QStringLiteral("Resolution with --width-mm (default 300)."), QStringLiteral("D")};
    QCommandLineOption layout{QStringLiteral("layout"),
                              QStringLiteral("Layout size in CSS pixels, e.g. 1080x1080 (a square) or 640x900 (a phone); default "
                                             "850x600. With --width-mm, its aspect sets the height."),
                              QStringLiteral("WxH")};

    bool animation = false; ///< animate: --out is a .gif, .mp4 or .webm, sized as a PNG
    QList<QCommandLineOption> all() const { return {out, force, scale, widthMm, dpi, layout}; }

    std::variant<renkou::ui::ExportOptions, int> read(const QCommandLineParser &parser, const QString &name) const
    {
        if (!parser.isSet(out))
            return usageError(QStringLiteral("--out FILE is required"), name);
        if (animation ? !renkou::ui::animationFormatOf(parser.value(out)) : !renkou::ui::exportFormatOf(parser.value(out)))
            return usageError(animation ? QStringLiteral("--out must end in .gif, .mp4 or .webm") : QStringLiteral("--out must end in .png, .svg or .pdf"),
                              name);
        if (parser.isSet(scale) && parser.isSet(widthMm))
            return usageError(QStringLiteral("give --scale or --width-mm, not both"), name);
        renkou::ui::ExportOptions options;
        options.overwrite = parser.isSet(force);
        bool ok = true;
        std::optional<QSizeF> layoutSize;
        if (parser.isSet(layout)) {
            const QStringList wh = parser.value(layout).split(u'x');
            const double w = wh.size() == 2 ? wh[0].toDouble(&ok) : 0;
            const double h = ok && wh.size() == 2 ? wh[1].toDouble(&ok) : 0;
            if (!ok || !(w >= 200 && w <= 5000) || !(h >= 200 && h <= 5000))
                return usageError(QStringLiteral("--layout must be WxH with each 200–5000, e.g. 1080x1080"), name);
            layoutSize = QSizeF(w, h);
        }
        if (parser.isSet(widthMm)) {
            const double w = parser.value(widthMm).toDouble(&ok);
            const double d = parser.isSet(dpi) ? parser.value(dpi).toDouble(&ok) : 300.0;
            if (!ok || !(w >= 10 && w <= 2000) || !(d >= 36 && d <= 2400)) // NaN fails too
                return usageError(QStringLiteral("--width-mm must be 10–2000 and --dpi 36–2400"), name);
            options.size = renkou::ui::ExportSize::forPrint(w, d);
            if (layoutSize)
                options.size.layout.setHeight(options.size.layout.width() * layoutSize->height() / layoutSize->width());
        } else if (parser.isSet(scale)) {
            const double sc = parser.value(scale).toDouble(&ok);
            if (!ok || !(sc >= 0.1 && sc <= 16)) // NaN fails too
                return usageError(QStringLiteral("--scale must be 0.1 to 16"), name);
            options.size = renkou::ui::ExportSize::atScale(sc, layoutSize.value_or(QSizeF(850, 600)));
        } else if (parser.isSet(dpi)) {
            return usageError(QStringLiteral("--dpi goes with --width-mm"), name);
        } else if (layoutSize) {
            options.size = renkou::ui::ExportSize::atScale(1, *layoutSize);
        }
        return options;
    }
};

/// --title, --subtitle, --note and --source-text of map: the figure's texts as the author wants them.
/// A map's statistic (clusters: the global Moran's I) on stderr, beside the output; nothing for others.
inline void printStatistic(const Column &column)
{
    if (!column.statistic.isEmpty())
        std::fprintf(stderr, "renkou-cli: %s\n", qPrintable(column.statistic));
}

struct TextOptions {
    QCommandLineOption title{QStringLiteral("title"), QStringLiteral("Title of the figure (default: the measure, the place and the years)."), QStringLiteral("TEXT")};
    QCommandLineOption subtitle{QStringLiteral("subtitle"), QStringLiteral("Subtitle (default: what is shown: a map's colours, a chart's unit)."), QStringLiteral("TEXT")};
    QCommandLineOption note{QStringLiteral("note"), QStringLiteral("A note of yours, put before the notes on the data (which stay)."), QStringLiteral("TEXT")};
    QCommandLineOption source{QStringLiteral("source-text"), QStringLiteral("Source line (default: the publishers and their years; a map's also names its boundaries)."), QStringLiteral("TEXT")};

    QList<QCommandLineOption> all() const { return {title, subtitle, note, source}; }
    renkou::ui::FigureTexts read(const QCommandLineParser &parser) const
    {
        renkou::ui::FigureTexts t;
        const auto get = [&](const QCommandLineOption &o) { return parser.isSet(o) ? std::optional<QString>(parser.value(o)) : std::nullopt; };
        t.title = get(title);
        t.subtitle = get(subtitle);
        t.note = get(note);
        t.source = get(source);
        return t;
    }
};

/// The figure language of --lang: given as zh, every text of the figure is Chinese (titles, legend, notes,
/// sources, numbers in 万/亿: core::setLanguage()); en or not given, English. An exit code when it is neither.
std::optional<int> setFigureLanguage(const QCommandLineParser &parser, const QCommandLineOption &lang, const QString &name);

/// Parses `args` for a subcommand; returns an exit code if the program should stop (help or usage error).
std::optional<int> parse(QCommandLineParser &parser, const QStringList &args, const QString &name,
                         const QString &description);

/// Adds the user's --table and --boundaries to `bundle`; the reports go to stderr.
Status addOwnData(DataBundle &bundle, const QCommandLineParser &parser, const Common &common);

/// Adds the own files of `view` as the app read them (their recorded choices); the reports go to stderr. A file
/// that cannot be read is a warning, as in the app: the view is drawn without it.
void addViewFiles(DataBundle &bundle, const View &view);

/// Checks `view` (read from `viewFile`) against the loaded bundle: an indicator it lacks is an error naming the
/// view file (an exit code); a drill-down into no province or selected codes of no unit are set right, with a
/// warning on stderr (ui::correctView()).
std::optional<int> settleView(const DataBundle &bundle, View &view, const QString &viewFile);

Result<DataBundle> loadBundle(const QCommandLineParser &parser, const Common &common,
                              DataBundle::Parts parts = DataBundle::Parts::Tables, const View *view = nullptr);

bool formatOk(const QCommandLineParser &parser, const Common &common);

/// The view of --view (if the command has it and it is given) with --level, --indicator, --year, --from and
/// --to of the command line on top; nullopt without --view; an exit code on error.
std::variant<std::optional<View>, int> viewOf(const QCommandLineParser &parser, const Common &common, const QString &name);

/// Reads --level, --indicator, --year, --from and --to and loads the bundle; an exit code on error.
/// --significance as given (0.05 or 0.01); none when not given; an exit code on any other value.
std::variant<std::optional<double>, int> significanceOf(const QCommandLineParser &parser, const Common &common, const QString &name);

std::variant<Query, int> resolveQuery(const QCommandLineParser &parser, const Common &common, const QString &name,
                                      DataBundle::Parts parts = DataBundle::Parts::Tables, bool growth = false);

// The subcommands: (arguments after the command name, the command name) → exit code.
int cmdTable(const QStringList &args, const QString &name);
int cmdIndicators(const QStringList &args, const QString &name);
int cmdClassify(const QStringList &args, const QString &name);
int cmdSeries(const QStringList &args, const QString &name);
int cmdComponents(const QStringList &args, const QString &name);
int cmdRegions(const QStringList &args, const QString &name);
int cmdMap(const QStringList &args, const QString &name);
int cmdChart(const QStringList &args, const QString &name);
int cmdAnimate(const QStringList &args, const QString &name);

} // namespace renkou::cli
