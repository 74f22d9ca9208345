#include "mapscene.h"

#include "numbers.h"
#include "language.h"
#include "palette.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QSet>

namespace renkou::ui {

namespace {
constexpr int kDivergingPerSide = 3;

/// The translation context of this file's texts (lupdate reads it from here).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(MapScene)
};
} // namespace

QString bilingualName(const core::Region &r)
{
    // In Chinese the Chinese name alone (the standard name of the unit); in English both.
    if (core::currentLanguage() == core::Language::Chinese)
        return r.nameZh;
    return r.nameEn.isEmpty() || r.nameEn == r.nameZh ? r.nameZh : QStringLiteral("%1  %2").arg(r.nameZh, r.nameEn);
}

std::vector<int> provinceFeatures(const core::BoundaryLayer &layer, const core::DataBundle &bundle,
                                  const QString &provinceCode)
{
    std::vector<int> out;
    const core::Region *province = bundle.regions.find(provinceCode, core::Level::Province);
    if (!province)
        return out;
    QStringList codes;
    for (const core::Region *r : bundle.regions.members(*province))
        codes << r->code;
    if (codes.isEmpty())
        codes << provinceCode;
    for (const QString &c : codes) {
        if (const int i = layer.indexOf(c); i >= 0)
            out.push_back(i);
    }
    return out;
}

MapQuery queryFor(const core::DataBundle &b, const core::View &v, const YearsOf &yearsOf)
{
    MapQuery q;
    q.level = !v.drill.isEmpty() ? core::Level::Prefecture : v.level;
    const auto &store = b.population;
    auto chosen = core::findIndicator(store, v.indicator);
    if (!chosen)
        chosen = core::findIndicator(store, QStringLiteral("population"));
    q.indicator = v.growth ? core::growthIndicator(store, chosen.value()) : chosen.value();
    const core::Period period = core::resolvePeriod(b.context(), q.level, q.indicator, v.year, v.from, yearsOf);
    q.year = period.year;
    q.from = period.from;
    q.notes = period.notes;
    q.nearestYear = period.nearestYear;
    q.nearestFrom = period.nearestFrom;
    q.drillProvince = q.level == core::Level::Prefecture ? v.drill : QString();
    q.scaleWithin = v.scaleWithin;
    q.diverging = v.growth;
    q.classes = v.classes;
    q.showValues = v.showValues;
    q.clusterSignificance = v.clusterSignificance;
    return q;
}

std::vector<double> valuesOfYears(const core::DataBundle &b, const core::View &view, std::vector<int> years)
{
    const auto yearsOf = [&b](core::Level l, const core::IndicatorInfo &i) { return core::yearsWithData(b.context(), l, i); };
    if (years.empty()) {
        const MapQuery q = queryFor(b, view, yearsOf);
        for (int y : core::yearsWithData(b.context(), q.level, q.indicator))
            years.push_back(y);
    }
    std::vector<double> all;
    for (int y : years) {
        core::View v = view;
        v.year = y;
        v.from.reset(); // a change: from the previous year with data
        const MapQuery q = queryFor(b, v, yearsOf);
        for (const core::ColumnEntry &e : core::computeColumn(b.context(), q.level, q.indicator, q.year, q.from).entries)
            if (e.value && (q.drillProvince.isEmpty() || e.region->parentCode == q.drillProvince || !q.scaleWithin))
                all.push_back(*e.value);
    }
    return all;
}

QStringList correctView(const core::DataBundle &b, core::View &v)
{
    QStringList problems;
    if (!core::findIndicator(b.population, v.indicator)) {
        problems << Tr::tr("The view's indicator '%1' is not in the loaded data: resident population is shown.").arg(v.indicator);
        v.indicator = QStringLiteral("population");
    }
    if (!v.drill.isEmpty() && !b.regions.find(v.drill, core::Level::Province)) {
        problems << Tr::tr("The view drills into '%1', which is no province: all of China is shown.").arg(v.drill);
        v.drill.clear();
    }
    const core::Level level = v.drill.isEmpty() ? v.level : core::Level::Prefecture;
    QStringList unknown;
    for (const QString &code : std::as_const(v.selection))
        if (!b.regions.find(code, level))
            unknown << code;
    if (!unknown.isEmpty()) {
        problems << Tr::tr("The view selects codes of no %1: %2 (left out).").arg(core::levelName(level), unknown.join(QStringLiteral(", ")));
        for (const QString &code : std::as_const(unknown))
            v.selection.removeAll(code);
    }
    return problems;
}

std::vector<int> featureIndices(const core::BoundaryLayer *layer, const QStringList &codes)
{
    std::vector<int> out;
    for (const QString &c : codes) {
        if (const int i = layer ? layer->indexOf(c) : -1; i >= 0)
            out.push_back(i);
    }
    return out;
}

bool classesFromEveryYear(const core::View &view, const core::IndicatorInfo &shown)
{
    return view.classes.sameEveryYear && !core::isCategorical(shown) && !(shown.spansYears && view.from);
}

MapScene renderView(MapRenderer &r, const core::DataBundle &b, const core::View &v, const std::vector<double> &classValues, bool yearsLead)
{
    MapQuery q = queryFor(b, v, [&b](core::Level l, const core::IndicatorInfo &i) { return core::yearsWithData(b.context(), l, i); });
    q.classValues = !classValues.empty() || !classesFromEveryYear(v, q.indicator) ? classValues : valuesOfYears(b, v);
    q.yearsLead = yearsLead;
    const MapScene scene = applyMapScene(r, b, q);
    r.setSelection(featureIndices(r.layer(), v.selection));
    r.setLabelLanguage(v.englishLabels ? LabelLanguage::English : LabelLanguage::Chinese);
    if (v.extent)
        r.setViewBox(*v.extent);
    else if (!v.drill.isEmpty() && r.layer())
        r.setViewBox(r.boundsOf(provinceFeatures(*r.layer(), b, v.drill)));
    else
        r.setViewBox(r.fullExtent());
    return scene;
}

MapScene applyMapScene(MapRenderer &r, const core::DataBundle &b, const MapQuery &q)
{
    MapScene scene;
    const core::BoundaryLayer *layer = b.layer(q.level) ? b.layer(q.level) : &b.provinces;
    if (r.layer() != layer) {
        const core::BoxD view = r.viewBox();
        const bool hadView = r.layer() != nullptr;
        r.setLayers(layer, layer != &b.provinces ? &b.provinces : nullptr,
                    b.hasAllLayers() ? &b.nation : nullptr, b.hasAllLayers() ? &b.lines : nullptr);
        if (hadView)
            r.setViewBox(view);
    }
    core::IndicatorContext context = b.context();
    context.clusterSignificance = q.clusterSignificance;
    scene.column = core::computeColumn(context, q.level, q.indicator, q.year, q.from);

    // Classes: national scale, or the drilled province's own units.
    const std::vector<int> focus = q.drillProvince.isEmpty() ? std::vector<int>{} : provinceFeatures(*layer, b, q.drillProvince);
    r.setFocus(focus);
    QSet<QString> focusCodes;
    for (int i : focus)
        focusCodes.insert(layer->features()[size_t(i)].code);
    const bool within = q.scaleWithin && !q.drillProvince.isEmpty();
    std::vector<double> values;
    for (const core::ColumnEntry &e : scene.column.entries) {
        // Only units the map draws: boundaries of the user's may leave some out.
        if (e.value && layer->indexOf(e.region->code) >= 0 && (!within || focusCodes.contains(e.region->code)))
            values.push_back(*e.value);
    }
    const QString unit = q.indicator.unit;
    const std::vector<double> shownValues = values;
    if (!q.classValues.empty() && !values.empty())
        values = q.classValues;
    if (values.empty()) {
        // No values: no classes, the legend says "no data" only.
    } else if (core::isCategorical(q.indicator)) {
        // One class per category, each in its own colour and named in words.
        for (const core::Category &c : core::categoriesOf(q.indicator)) {
            core::ClassRange range;
            range.lower = c.code - 0.5;
            range.upper = c.code + 0.5;
            range.label = c.label;
            range.count = int(std::count(shownValues.begin(), shownValues.end(), double(c.code)));
            if (range.count == 0)
                continue; // a legend lists the categories the map shows
            scene.classes.push_back(range);
            scene.palette.push_back(c.color);
        }
    } else if (q.indicator.spansYears || q.diverging) {
        scene.classes = core::divergingQuantileClasses(values, kDivergingPerSide, unit == u"%" ? 0.05 : 0.0, unit);
        scene.palette = core::divergingPalette(kDivergingPerSide);
    } else {
        // The method, number and palette chosen (View → Classes): quantiles of 5 in YlGnBu unless said.
        const int k = std::clamp(q.classes.count, 3, 7);
        if (q.classes.method == u"equal")
            scene.classes = core::EqualIntervalClassification().classes(values, k, unit);
        else if (q.classes.method == u"jenks")
            scene.classes = core::JenksClassification().classes(values, k, unit);
        else
            scene.classes = core::QuantileClassification().classes(values, k, unit);
        const core::Palette *palette = q.classes.palette.isEmpty() ? nullptr : core::findPalette(q.classes.palette);
        scene.palette = palette && palette->type == core::Palette::Type::Sequential ? palette->colorsFor(int(scene.classes.size()))
                                                                                     : core::sequentialPalette(int(scene.classes.size()));
    }

    // Breaks from other values (every year of an animation): the counts are of this map's units.
    if (!q.classValues.empty()) {
        for (core::ClassRange &c : scene.classes)
            c.count = 0;
        for (double v : shownValues)
            if (const int c = core::classIndex(scene.classes, v); c >= 0)
                ++scene.classes[size_t(c)].count;
    }
    // In a drill-down the column is the province's units: its table, ranks, legend counts and exports.
    if (!focusCodes.isEmpty()) {
        core::keepUnits(scene.column, focusCodes);
        for (core::ClassRange &c : scene.classes)
            c.count = 0;
        for (const core::ColumnEntry &e : scene.column.entries) {
            const int c = e.value && layer->indexOf(e.region->code) >= 0 ? core::classIndex(scene.classes, *e.value) : -1;
            if (c >= 0)
                ++scene.classes[size_t(c)].count;
        }
    }

    QStringList notes = q.notes;
    std::vector<std::optional<QColor>> fills(layer->features().size());
    std::vector<QString> valueLabels(q.showValues ? layer->features().size() : 0);
    int noData = 0;       // hatched features shown (the legend's count)
    int units = 0;        // units of the level shown, and those without a value
    int unitsNoData = 0;
    std::vector<std::pair<QString, int>> sourceYears;
    for (size_t i = 0; i < layer->features().size(); ++i) {
        const QString &code = layer->features()[i].code;
        const core::ColumnEntry *e = scene.column.find(code);
        const bool shown = focusCodes.isEmpty() || focusCodes.contains(code);
        if (e && shown) {
            ++units;
            unitsNoData += e->value ? 0 : 1;
        }
        if (e && e->value) {
            const int c = core::classIndex(scene.classes, *e->value);
            if (c >= 0 && size_t(c) < scene.palette.size())
                fills[i] = scene.palette[size_t(c)];
            if (q.showValues) {
                // As the legend reads it ("1.2 M", "−43万"), a change with its sign.
                QString text = core::formatValue(*e->value, unit);
                text.replace(u'-', QChar(0x2212));
                valueLabels[i] = (q.indicator.spansYears || q.diverging) && *e->value > 0 ? u'+' + text : text;
            }
            if (shown) {
                // A change rests on both of its years.
                for (const QString &source : e->source.split(u';')) {
                    if (q.from && *q.from != q.year)
                        sourceYears.emplace_back(source, *q.from);
                    sourceYears.emplace_back(source, q.year);
                }
            }
        } else if (shown) {
            ++noData;
        }
    }
    // What kind of values the colours are: census or estimate at each end, series breaks, the residual.
    notes << core::caveats(b.context(), scene.column, focusCodes);
    // Breaks from every year: a class may hold no unit this year, and its bounds may be another year's values.
    if (!q.classValues.empty() && !core::isCategorical(q.indicator))
        notes << Tr::tr("The classes are the same for every year with data.");
    // A map that is mostly hatched says so on itself, not only in a join report.
    if (units > 0 && 2 * unitsNoData > units && unitsNoData < units)
        notes << Tr::tr("Values for only %1 of %2 units; the others have no data.").arg(units - unitsNoData).arg(units);
    else if (units > 0 && unitsNoData == units && q.nearestYear == std::nullopt)
        notes << Tr::tr("None of the %1 units shown has data for %2.").arg(units).arg(core::yearsLabel(q.from, q.year));
    // Boundaries of the user's that hold under half of the level's units say so on the map too.
    const int levelUnits = int(b.regions.ofLevel(q.level).size());
    if (focusCodes.isEmpty() && 2 * int(layer->features().size()) < levelUnits)
        notes << Tr::tr("The boundaries (%1) hold only %2 of the %3 %4.")
                     .arg(QFileInfo(layer->path()).fileName())
                     .arg(layer->features().size())
                     .arg(levelUnits)
                     .arg(core::levelLabel(q.level));
    std::vector<LegendItem> legend;
    // Classes that hold no unit shown are left out of the legend (their colours mean the same whether shown or
    // not), except in a frame of an animation: its legend stays the same from frame to frame.
    for (size_t c = 0; c < scene.classes.size(); ++c)
        if (scene.classes[c].count > 0 || q.yearsLead)
            legend.push_back({c < scene.palette.size() ? scene.palette[c] : QColor(), scene.classes[c].label, scene.classes[c].count});
    if (noData > 0)
        legend.push_back({QColor(), Tr::tr("no data"), noData});
    r.setFills(std::move(fills));
    r.setValueLabels(std::move(valueLabels));
    // The title names the measure, the place and the years; the subtitle what the colours mean; the notes
    // what kind of values they are. The legend gives the unit.
    const bool categorical = core::isCategorical(q.indicator);
    r.setLegend(!scene.column.statistic.isEmpty() ? scene.column.statistic : categorical ? Tr::tr("Type") : Tr::tr("Unit: %1%2").arg(core::unitLabel(unit),
                                         within ? Tr::tr(", scale within the province")
                                                : (q.drillProvince.isEmpty() ? QString() : Tr::tr(", national scale"))),
                std::move(legend));
    const QString when = core::yearsLabel(q.from, q.year);
    const QString measure = core::displayName(q.indicator);
    const core::Region *drilled = b.regions.find(q.drillProvince, core::Level::Province);
    if (q.yearsLead && drilled)
        r.setTitle(Tr::tr("%1 · %2 in %3 by %4").arg(when, measure, bilingualName(*drilled), core::levelByLabel(q.level)));
    else if (q.yearsLead)
        r.setTitle(Tr::tr("%1 · %2 by %3").arg(when, measure, core::levelByLabel(q.level)));
    else if (drilled)
        r.setTitle(Tr::tr("%1 in %2 by %3, %4").arg(measure, bilingualName(*drilled), core::levelByLabel(q.level), when));
    else if (q.level == core::Level::Country)
        r.setTitle(Tr::tr("%1 of China, %2").arg(measure, when));
    else
        r.setTitle(Tr::tr("%1 by %2, %3").arg(measure, core::levelByLabel(q.level), when));
    const bool diverging = q.indicator.spansYears || q.diverging;
    r.setSubtitle(categorical ? Tr::tr("%1. Each colour a type (legend); hatched: no data.").arg(q.indicator.description)
                  : diverging ? Tr::tr("%1. Blue: increase; red: decrease; hatched: no data.").arg(q.indicator.description)
                            : Tr::tr("%1. Darker: higher; hatched: no data.").arg(q.indicator.description));
    // A change across a series break (2004–2005: registered to resident population; 2009–2010: the census
    // revision) is mostly a revision of the statistics: said where the eye goes first, not only in the notes.
    if (q.indicator.spansYears
        && std::any_of(scene.column.entries.begin(), scene.column.entries.end(),
                       [](const core::ColumnEntry &e) { return e.value && e.flag.contains(u"series_break"); }))
        r.setSubtitle(Tr::tr("Across a series break: most of this change is a revision of the statistics, not people moving.") + u' '
                      + r.subtitle());
    // Chinese sentences end in 。 and follow each other without a space.
    r.setNotes(core::typesetNumbers(notes.join(core::currentLanguage() == core::Language::Chinese ? QString() : QStringLiteral(" "))));
    // A short source line: publishers and years, the boundaries' maker; the full citations are in
    // sources.txt and Help → Data sources. Boundaries the user opened are cited as their file and its date.
    const core::Source *atlas = b.sources.find(QStringLiteral("cn-atlas"));
    const core::Source *lines = b.sources.find(QStringLiteral("tianditu-lines"));
    QString boundaries = atlas ? core::publisherName(*atlas, &b.regions) : QStringLiteral("cn-atlas");
    if (!layer->path().startsWith(b.dir + u'/')) {
        const QFileInfo own(layer->path());
        boundaries = Tr::tr("own file %1 of %2").arg(own.fileName(), own.lastModified().toString(QStringLiteral("yyyy-MM-dd")));
    }
    if (lines && b.hasAllLayers())
        boundaries = Tr::tr("%1; map lines: %2").arg(boundaries, core::publisherName(*lines, &b.regions));
    // The full citations (title, publisher, version) go into an export's metadata.
    QStringList citations;
    QStringList cited;
    for (const auto &[id, year] : sourceYears)
        if (!cited.contains(id))
            cited << id;
    if (layer->path().startsWith(b.dir + u'/'))
        cited << QStringLiteral("cn-atlas") << QStringLiteral("tianditu-lines");
    for (const QString &id : cited)
        if (const core::Source *s = b.sources.find(id))
            citations << s->citation();
    r.setCitations(citations.join(QStringLiteral("; ")));
    r.setSourceLine(Tr::tr("Source: %1. Boundaries: %2.")
                        .arg(sourceYears.empty() ? Tr::tr("no data") : core::citeSources(b.sources, sourceYears, &b.regions), boundaries));
    return scene;
}

void applyFigureTexts(MapRenderer &renderer, const FigureTexts &texts)
{
    if (texts.title)
        renderer.setTitle(*texts.title);
    if (texts.subtitle)
        renderer.setSubtitle(*texts.subtitle);
    if (texts.note && !texts.note->isEmpty()) {
        // The author's note is a sentence of its own before the notes on the data ("My note. 2015 and 2016: …").
        QString note = texts.note->trimmed();
        static const QString ends = QStringLiteral(".!?。！？…");
        if (!note.isEmpty() && !ends.contains(note.back()))
            note += core::currentLanguage() == core::Language::Chinese ? u'。' : u'.';
        renderer.setNotes(renderer.notes().isEmpty() ? note : note + u' ' + renderer.notes());
    }
    if (texts.source)
        renderer.setSourceLine(*texts.source);
}

QString unitTooltip(const core::DataBundle &bundle, const core::Column &column, const core::Column &change, const QString &code)
{
    const core::ColumnEntry *e = column.find(code);
    if (!e)
        return {};
    const core::Region &r = *e->region;
    const QString unit = column.indicator.unit;
    QString html = QStringLiteral("<b>%1</b><br>").arg(bilingualName(r).toHtmlEscaped());
    const QString when = core::yearsLabel(column.from, column.year);
    if (e->value) {
        html += Tr::tr("%1, %2: <b>%3 %4</b>").arg(column.indicator.description, when, core::typesetNumbers(core::shownValue(column.indicator, *e->value)), core::unitLabel(unit));
        if (e->rank > 0) // categories are not ranked
            html += QStringLiteral("<br>") + Tr::tr("Rank %1 of %2").arg(e->rank).arg(column.values().size());
    } else {
        html += Tr::tr("%1, %2: <b>no data</b>").arg(column.indicator.name, when);
    }
    // The change of population beside a map of population, never beside a density or a rate.
    if (const core::ColumnEntry *c = change.find(code); c && c->value && change.from && column.indicator.name == u"population")
        html += QStringLiteral("<br>") + Tr::tr("Change since %1: %2 persons").arg(*change.from)
                                              .arg((*c->value > 0 ? QStringLiteral("+") : QString()) + core::formatShown(*c->value, QStringLiteral("persons")));
    if (!e->source.isEmpty()) {
        QStringList cites;
        for (const QString &id : e->source.split(u';')) {
            const core::Source *s = bundle.sources.find(id);
            // English names the full citation; Chinese the publisher (the citations are English: Help → Data sources).
            const bool chinese = core::currentLanguage() == core::Language::Chinese;
            cites << (s ? (chinese ? core::publisherName(*s, &bundle.regions) : s->citation()) : id).toHtmlEscaped();
        }
        html += QStringLiteral("<br><small>") + Tr::tr("Source: %1").arg(cites.join(QStringLiteral("; "))) + QStringLiteral("</small>");
    }
    if (!e->note.isEmpty())
        html += QStringLiteral("<br><small><i>%1</i></small>").arg(e->note.toHtmlEscaped());
    return html;
}

} // namespace renkou::ui
