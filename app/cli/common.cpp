#include "common.h"

namespace renkou::cli {

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

void addViewFiles(DataBundle &bundle, const View &view)
{
    auto warn = [](const Error &e) {
        std::fprintf(stderr, "renkou-cli: warning: the view is drawn without %s\n", qPrintable(e.toString()));
    };
    for (const OwnFile &f : view.files) {
        if (f.kind == OwnFile::Kind::Boundaries) {
            auto join = bundle.replaceBoundaries(f.path, f.boundaries, DataBundle::defaultCacheDir());
            if (!join) {
                warn(join.error());
                continue;
            }
            std::fprintf(stderr, "renkou-cli: %s\n", qPrintable(f.path + QStringLiteral(": ") + join->text(bundle.regions)));
            continue;
        }
        auto parsed = PopulationStore::readTable(f.path, TableReadOptions{f.wide, f.encoding, bundle.keys().get(), f.sheet});
        auto added = parsed ? bundle.addTable(std::move(parsed).value(), f.assigned) : Result<TableImport>(parsed.error());
        if (!added) {
            warn(added.error());
            continue;
        }
        for (const QString &line : added->text(bundle.regions).split(u'\n'))
            std::fprintf(stderr, "renkou-cli: %s\n", qPrintable(line));
    }
}

std::optional<int> settleView(const DataBundle &bundle, View &view, const QString &viewFile)
{
    if (const auto found = findIndicator(bundle.population, view.indicator); !found) {
        Error e = found.error();
        e.code = Error::Code::Value; // a view file that names what is not there: bad input, not bad usage
        e.path = viewFile;
        e.where = QStringLiteral("field \"indicator\"");
        return dataError(e);
    }
    for (const QString &problem : renkou::ui::correctView(bundle, view))
        std::fprintf(stderr, "renkou-cli: warning: %s: %s\n", qPrintable(viewFile), qPrintable(problem));
    return std::nullopt;
}

Result<DataBundle> loadBundle(const QCommandLineParser &parser, const Common &common,
                              DataBundle::Parts parts, const View *view)
{
    const auto dir = DataBundle::locate(parser.value(common.data), QCoreApplication::applicationDirPath());
    if (!dir)
        return dir.error();
    auto bundle = DataBundle::load(dir.value(), parts, DataBundle::defaultCacheDir());
    if (!bundle)
        return bundle;
    if (view)
        addViewFiles(bundle.value(), *view);
    if (auto ok = addOwnData(bundle.value(), parser, common); !ok)
        return ok.error();
    return bundle;
}

bool formatOk(const QCommandLineParser &parser, const Common &common)
{
    const QString f = parser.value(common.format);
    return f == u"csv" || f == u"json";
}

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
    const QStringList given = parser.optionNames();
    const auto isSet = [&](const QCommandLineOption &o) { return given.contains(o.names().front()); };
    if (isSet(common.level)) {
        const auto level = parseLevel(parser.value(common.level));
        if (level != Level::Province && level != Level::Prefecture && level != Level::Region)
            return usageError(QStringLiteral("with --view, --level must be province, prefecture or region"), name);
        v.level = *level;
        v.drill.clear();
    }
    if (isSet(common.indicator))
        v.indicator = parser.value(common.indicator);
    for (const QCommandLineOption *o : {&common.year, &common.from, &common.to}) {
        if (isSet(*o) && !yearOption(*o))
            return usageError(QStringLiteral("--%1 '%2' is not a year").arg(o->names().front(), parser.value(*o)), name);
    }
    if (isSet(common.year)) {
        v.year = yearOption(common.year);
        v.from.reset();
    }
    if (isSet(common.to))
        v.year = yearOption(common.to);
    if (isSet(common.from))
        v.from = yearOption(common.from);
    return std::optional<View>(v);
}

std::optional<int> setFigureLanguage(const QCommandLineParser &parser, const QCommandLineOption &lang, const QString &name)
{
    if (parser.value(lang) != u"zh" && parser.value(lang) != u"en")
        return usageError(QStringLiteral("--lang must be zh or en"), name);
    if (parser.isSet(lang) && parser.value(lang) == u"zh")
        setLanguage(Language::Chinese);
    return std::nullopt;
}

/// Reads --level, --indicator, --year, --from and --to and loads the bundle; an exit code on error.
std::variant<std::optional<double>, int> significanceOf(const QCommandLineParser &parser, const Common &common, const QString &name)
{
    if (!parser.isSet(common.significance))
        return std::optional<double>();
    const QString p = parser.value(common.significance);
    if (p != u"0.05" && p != u"0.01")
        return usageError(QStringLiteral("--significance must be 0.05 or 0.01"), name);
    return std::optional<double>(p.toDouble());
}

std::variant<Query, int> resolveQuery(const QCommandLineParser &parser, const Common &common, const QString &name,
                                      DataBundle::Parts parts, bool growth)
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
        if (const auto stop = settleView(q.bundle, shown, parser.value(common.view)))
            return *stop;
        const renkou::ui::MapQuery m = renkou::ui::queryFor(q.bundle, shown, [&q](Level l, const IndicatorInfo &i) {
            return yearsWithData(q.bundle.context(), l, i);
        });
        for (const QString &note : m.notes)
            std::fprintf(stderr, "renkou-cli: %s\n", qPrintable(note));
        q.level = m.level;
        q.indicator = m.indicator;
        q.year = m.year;
        q.from = m.from;
        q.notes = m.notes;
        q.clusterSignificance = m.clusterSignificance;
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
    // Indicators are known only once the tables are loaded; a density and clusters need the boundaries too.
    const QString indicatorName = parser.value(common.indicator);
    if (indicatorName == u"density" || indicatorName.endsWith(QStringLiteral("_clusters")))
        parts = DataBundle::Parts::Everything;
    auto bundle = loadBundle(parser, common, parts);
    if (!bundle)
        return dataError(bundle.error());
    q.bundle = std::move(bundle).value();
    auto indicator = findIndicator(q.bundle.population, indicatorName);
    if (!indicator)
        return dataError(indicator.error());
    // Growth/decline: a one-year indicator of the bundle becomes its change (a percentage its change in
    // percentage points); a user's own indicator (which may be a change already) stays as it is.
    q.indicator = growth ? growthIndicator(q.bundle.population, indicator.value()) : indicator.value();
    if (!q.indicator.spansYears && (from || to))
        return usageError(QStringLiteral("%1 is a value of one year: use --year").arg(q.indicator.name), name);
    if (from && to && *from >= *to)
        return usageError(QStringLiteral("--from must be before --to"), name);
    const auto yearsOf = [&q](Level l, const IndicatorInfo &i) { return yearsWithData(q.bundle.context(), l, i); };
    if (!year && !to && yearsOf(q.level, q.indicator).empty()) {
        std::fprintf(stderr, "renkou-cli: no %s data for any %s unit\n", qPrintable(q.indicator.name),
                     qPrintable(levelName(q.level)));
        return kExitData;
    }
    // The years as the window resolves them (the one rule for time): what has no data is said, not replaced.
    const Period period = resolvePeriod(q.bundle.context(), q.level, q.indicator, year ? year : to, from, yearsOf);
    for (const QString &note : period.notes)
        std::fprintf(stderr, "renkou-cli: %s\n", qPrintable(note));
    q.year = period.year;
    q.from = period.from;
    q.notes = period.notes;
    return q;
}

} // namespace renkou::cli
