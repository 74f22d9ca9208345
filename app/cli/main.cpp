// renkou-cli: the headless face of Renkou. A stable contract: subcommands, flags, columns and exit codes
// are only ever extended. Exit status: 0 success, 1 data or input error, 2 usage error.
#include "databundle.h"
#include "indicators.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>
#include <functional>
#include <map>

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

QString csvField(const QString &s)
{
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n'))
        return u'"' + QString(s).replace(u'"', QStringLiteral("\"\"")) + u'"';
    return s;
}

QString jsonString(const QString &s)
{
    const QByteArray json = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2)); // strip the brackets of ["..."]
}

QString numberText(double v)
{
    return QString::number(v, 'g', 15);
}

/// Rows of text cells with a header, printed as CSV or as a JSON array of objects. Cells listed in
/// `numeric` are written as JSON numbers (null when empty).
struct Table {
    QStringList header;
    std::vector<QStringList> rows;
    QSet<QString> numeric;

    void print(const QString &format) const
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
                    cells << csvField(c);
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
    QCommandLineOption level{QStringLiteral("level"), QStringLiteral("Administrative level."),
                             QStringLiteral("province|prefecture")};
    QCommandLineOption indicator{QStringLiteral("indicator"),
                                 QStringLiteral("Indicator (see the data tables); default: population."),
                                 QStringLiteral("NAME"), QStringLiteral("population")};
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

Result<DataBundle> loadTables(const QCommandLineParser &parser, const Common &common)
{
    const auto dir = DataBundle::locate(parser.value(common.data), QCoreApplication::applicationDirPath());
    if (!dir)
        return dir.error();
    return DataBundle::load(dir.value(), DataBundle::Parts::Tables);
}

std::optional<Level> levelOption(const QCommandLineParser &parser, const Common &common, Level fallback,
                                 bool allowCountry)
{
    if (!parser.isSet(common.level))
        return fallback;
    const auto level = parseLevel(parser.value(common.level));
    if (!level || (*level == Level::Country && !allowCountry))
        return std::nullopt;
    return level;
}

bool formatOk(const QCommandLineParser &parser, const Common &common)
{
    const QString f = parser.value(common.format);
    return f == u"csv" || f == u"json";
}

int cmdTable(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption year(QStringLiteral("year"), QStringLiteral("Year; default: the latest with data."),
                                  QStringLiteral("Y"));
    parser.addOptions({common.level, common.indicator, year, common.format, common.data});
    if (auto stop = parse(parser, args, name,
                          QStringLiteral("One row per unit of a level, sorted by code: "
                                         "code,name_zh,name_en,year,value,unit,source. No data is an empty value.")))
        return *stop;
    const auto level = levelOption(parser, common, Level::Province, false);
    if (!level)
        return usageError(QStringLiteral("--level must be province or prefecture"), name);
    if (!formatOk(parser, common))
        return usageError(QStringLiteral("--format must be csv or json"), name);
    std::optional<int> y;
    if (parser.isSet(year)) {
        bool ok = false;
        y = parser.value(year).toInt(&ok);
        if (!ok)
            return usageError(QStringLiteral("--year '%1' is not a year").arg(parser.value(year)), name);
    }
    auto bundle = loadTables(parser, common);
    if (!bundle)
        return dataError(bundle.error());
    const auto indicator = findIndicator(bundle->population, parser.value(common.indicator));
    if (!indicator)
        return dataError(indicator.error());
    if (!y)
        y = latestYear(bundle->population, bundle->regions, *level, indicator.value());
    if (!y) {
        std::fprintf(stderr, "renkou-cli: no %s data for any %s unit\n", qPrintable(indicator->name),
                     qPrintable(levelName(*level)));
        return kExitData;
    }
    const Column column = computeColumn(bundle->population, bundle->regions, *level, indicator.value(), *y);
    Table table{{QStringLiteral("code"), QStringLiteral("name_zh"), QStringLiteral("name_en"), QStringLiteral("year"),
                 QStringLiteral("value"), QStringLiteral("unit"), QStringLiteral("source")},
                {},
                {QStringLiteral("year"), QStringLiteral("value")}};
    for (const ColumnEntry &e : column.entries)
        table.rows.push_back({e.region->code, e.region->nameZh, e.region->nameEn, QString::number(column.year),
                              e.value ? numberText(*e.value) : QString(), column.indicator.unit, e.source});
    table.print(parser.value(common.format));
    return kExitOk;
}

int cmdSeries(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption code(QStringLiteral("code"), QStringLiteral("Unit code (six digits)."),
                                  QStringLiteral("CODE"));
    parser.addOptions({code, common.indicator, common.format, common.data});
    if (auto stop = parse(parser, args, name,
                          QStringLiteral("One unit's series, one row per year with data: "
                                         "code,year,value,unit,source,flag (the year-end estimate where there is "
                                         "one, else the census count).")))
        return *stop;
    if (!parser.isSet(code))
        return usageError(QStringLiteral("--code is required"), name);
    if (!formatOk(parser, common))
        return usageError(QStringLiteral("--format must be csv or json"), name);
    auto bundle = loadTables(parser, common);
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
    for (const Observation &o : bundle->population.series(c, indicator->storeIndicator))
        table.rows.push_back({o.code, QString::number(o.year), numberText(o.value), o.unit, o.source, o.flag});
    table.print(parser.value(common.format));
    return kExitOk;
}

int cmdRegions(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    parser.addOptions({common.level, common.format, common.data});
    if (auto stop = parse(parser, args, name,
                          QStringLiteral("The region table: code,level,parent_code,name_zh,name_en,type,region,"
                                         "provincial_capital; every level unless --level is given.")))
        return *stop;
    std::optional<Level> level;
    if (parser.isSet(common.level)) {
        level = parseLevel(parser.value(common.level));
        if (!level)
            return usageError(QStringLiteral("--level must be country, province or prefecture"), name);
    }
    if (!formatOk(parser, common))
        return usageError(QStringLiteral("--format must be csv or json"), name);
    auto bundle = loadTables(parser, common);
    if (!bundle)
        return dataError(bundle.error());
    Table table{{QStringLiteral("code"), QStringLiteral("level"), QStringLiteral("parent_code"),
                 QStringLiteral("name_zh"), QStringLiteral("name_en"), QStringLiteral("type"),
                 QStringLiteral("region"), QStringLiteral("provincial_capital")},
                {},
                {QStringLiteral("provincial_capital")}};
    for (const Region &r : bundle->regions.all()) {
        if (level && r.level != *level)
            continue;
        table.rows.push_back({r.code, levelName(r.level), r.parentCode, r.nameZh, r.nameEn, r.type, r.region,
                              r.provincialCapital ? QStringLiteral("1") : QStringLiteral("0")});
    }
    table.print(parser.value(common.format));
    return kExitOk;
}

const std::map<QString, std::pair<Command, QString>> &commands()
{
    static const std::map<QString, std::pair<Command, QString>> c = {
        {QStringLiteral("table"), {cmdTable, QStringLiteral("an indicator for every unit of a level")}},
        {QStringLiteral("series"), {cmdSeries, QStringLiteral("one unit's values over the years")}},
        {QStringLiteral("regions"), {cmdRegions, QStringLiteral("the region table")}},
    };
    return c;
}

void printUsage(FILE *stream)
{
    QString text = QStringLiteral("Usage: renkou-cli <command> [options]\n\nCommands:\n");
    for (const auto &[name, command] : commands())
        text += QStringLiteral("  %1  %2\n").arg(name, -8).arg(command.second);
    text += QStringLiteral("\nEvery command takes --help and --data DIR.\n"
                           "Exit status: 0 success, 1 data or input error, 2 usage error.\n");
    std::fputs(qPrintable(text), stream);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
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
