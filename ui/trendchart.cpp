#include "trendchart.h"

#include "numbers.h"
#include "language.h"
#include "mapscene.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <map>
#include <set>

namespace renkou::ui {

namespace {
/// The translation context of this file's texts (lupdate reads it from here).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(TrendChart)
};
/// Adds the series breaks of `unit` in notes.csv to `breaks`, one per year.
void addBreaks(std::vector<ChartBreak> &breaks, const core::DataBundle &b, const core::Region &unit)
{
    for (const core::Note *n : b.notes.forUnit(unit.code, unit.level)) {
        if (n->kind == u"series_break" && n->year
            && std::none_of(breaks.begin(), breaks.end(), [&](const ChartBreak &x) { return x.year == *n->year; }))
            breaks.push_back({*n->year, n->text()});
    }
}

/// The places of a chart's title: up to five names ("Shandong, Guangdong"; 山东省、广东省), else their number.
QString placesOf(const QStringList &names)
{
    return names.size() <= 5 ? names.join(core::currentLanguage() == core::Language::Chinese ? QStringLiteral("、") : QStringLiteral(", "))
                             : Tr::tr("%1 units").arg(names.size());
}

/// Years as ranges: "2000–2004, 2024".
QString yearRanges(const std::set<int> &years)
{
    QStringList out;
    for (auto it = years.begin(); it != years.end();) {
        int end = *it;
        auto next = std::next(it);
        while (next != years.end() && *next == end + 1)
            end = *next++;
        out << core::yearsLabel(end > *it ? std::optional<int>(*it) : std::nullopt, end);
        it = next;
    }
    return out.join(QStringLiteral(", "));
}

/// trendChart() in mode Components.
TrendChart componentsChart(const core::DataBundle &b, const std::vector<const core::Region *> &units)
{
    TrendChart out;
    out.mode = ChartMode::Components;
    out.unit = QStringLiteral("persons");
    const bool chinese = core::currentLanguage() == core::Language::Chinese;
    std::vector<std::pair<QString, int>> sourceYears;
    std::map<QString, std::set<int>> missing; // why → years
    QStringList notes;
    int first = 0, last = 0;
    QStringList names;
    for (const core::Region *r : units) {
        const QString name = chinese ? r->nameZh : r->nameEn;
        names << name;
        std::vector<core::ChangeComponents> years = core::componentsOfChange(b.context(), *r);
        for (const core::ChangeComponents &c : years) {
            for (const QString &source : c.source.split(u';', Qt::SkipEmptyParts))
                sourceYears.emplace_back(source, c.year);
            first = first ? std::min(first, c.year) : c.year;
            last = std::max(last, c.year);
            // One line per reason, whatever the year it names ("… for 2012", "2012年…"): the years are listed.
            if (!c.why.isEmpty())
                missing[QString(c.why).remove(QRegularExpression(QStringLiteral("\\s*(for\\s+)?%1年?").arg(c.year)))].insert(c.year);
            for (const QString &n : c.notes)
                if (!notes.contains(n))
                    notes << n;
        }
        addBreaks(out.breaks, b, *r);
        out.components.push_back({name, std::move(years)});
    }
    out.title = Tr::tr("%1: natural increase and net migration, %2")
                    .arg(placesOf(names), core::yearsLabel(first && first < last ? std::optional<int>(first) : std::nullopt, last));
    if (sourceYears.empty())
        return out;
    out.subtitle = Tr::tr("Unit: %1.").arg(core::unitLabel(out.unit)) + u' '
                   + Tr::tr("Each year's change from the end of the year before: natural increase (the natural growth rate × the mean "
                            "population) plus net migration (the rest).");
    out.source = Tr::tr("Source: %1.").arg(core::citeSources(b.sources, sourceYears, &b.regions));
    QStringList lines;
    for (const auto &[why, years] : missing)
        lines << Tr::tr("• No components for %1 (%2): the grey bar is the change alone.").arg(yearRanges(years), why);
    // China as a whole: moves between provinces cancel out, so what is left is not migration.
    if (std::any_of(units.begin(), units.end(), [](const core::Region *r) { return r->level == core::Level::Country; }))
        lines << QStringLiteral("• ")
                     + Tr::tr("For China, the net migration bar is not migration: moves between provinces cancel out and "
                              "international migration is small. It is the gap between the sum of the provinces' year-end "
                              "estimates and their births and deaths — a measure of how far the two series disagree.");
    lines << QStringLiteral("• ") + core::netMigrationCaveat();
    for (const QString &n : notes)
        lines << QStringLiteral("• ") + core::typesetNumbers(n);
    out.notes = lines.join(u'\n');
    return out;
}

} // namespace

TrendChart trendChart(const core::DataBundle &b, const std::vector<const core::Region *> &units, const core::IndicatorInfo &indicator,
                      core::ChartMode mode, std::optional<int> baseYear)
{
    if (mode == core::ChartMode::Components)
        return componentsChart(b, units);
    TrendChart out;
    std::vector<std::pair<QString, int>> sourceYears;
    std::set<int> commonYears;
    std::set<core::Level> levels;
    int first = 0, last = 0;
    for (const core::Region *r : units) {
        levels.insert(r->level);
        const auto raw = core::unitSeries(b.context(), *r, indicator.baseIndicator);
        const auto points = mode == core::ChartMode::Share ? core::shareOfWhole(b.context(), *r, raw) : raw;
        std::set<int> years;
        for (const core::Observation &o : points) {
            for (const QString &source : o.source.split(u';')) // a sum of provinces has several
                sourceYears.emplace_back(source, o.year);
            years.insert(o.year);
            first = first ? std::min(first, o.year) : o.year;
            last = std::max(last, o.year);
        }
        if (out.series.empty())
            commonYears = years;
        else
            std::erase_if(commonYears, [&](int y) { return !years.contains(y); });
        addBreaks(out.breaks, b, *r);
        // Named in the figure's language: the title, axes and notes are in it too.
        out.series.push_back({core::currentLanguage() == core::Language::Chinese ? r->nameZh : r->nameEn, points});
    }
    out.mode = mode == core::ChartMode::Indexed ? ChartMode::Indexed
               : mode == core::ChartMode::Change ? ChartMode::YearOnYear
                                                 : ChartMode::Absolute;
    // Indexed without a year every unit has: the values, and the caller says why.
    out.noCommonYear = mode == core::ChartMode::Indexed && !baseYear && commonYears.empty();
    if (out.noCommonYear) {
        out.mode = ChartMode::Absolute;
        mode = core::ChartMode::Values;
    }
    out.baseYear = baseYear.value_or(commonYears.empty() ? 0 : *commonYears.begin());
    out.unit = mode == core::ChartMode::Share ? QStringLiteral("%") : indicator.unit;
    const QString measure = indicator.baseIndicator == u"resident_population" ? Tr::tr("resident population") : indicator.description;
    // The title names the places, the measure and the years drawn.
    QStringList names;
    for (const core::Region *r : units)
        names << (core::currentLanguage() == core::Language::Chinese ? r->nameZh : r->nameEn);
    // The years drawn: a chart of changes starts with the change from the first year to the next.
    const int drawnFirst = mode == core::ChartMode::Change && first ? first + 1 : first;
    out.title = Tr::tr("%1: %2, %3").arg(placesOf(names), measure, core::yearsLabel(drawnFirst && drawnFirst < last ? std::optional<int>(drawnFirst) : std::nullopt, last));
    const bool allProvinces = levels == std::set<core::Level>{core::Level::Province};
    switch (mode) {
    case core::ChartMode::Indexed: out.title += Tr::tr(" — index, %1 = 100").arg(out.baseYear); break;
    case core::ChartMode::Change: out.title += Tr::tr(" — change from the year before"); break;
    case core::ChartMode::Share:
        out.title += allProvinces ? Tr::tr(" — share of the 31 provinces (%)") : Tr::tr(" — share of the province (%)");
        break;
    case core::ChartMode::Values:
    case core::ChartMode::Components: break;
    }
    out.title.replace(QStringLiteral(" — "), QStringLiteral("\u00a0— ")); // a wrapped title's dash ends its line
    if (sourceYears.empty())
        return out;
    QString unitLine = Tr::tr("Unit: %1.").arg(core::unitLabel(out.unit));
    if (out.mode == ChartMode::Indexed)
        unitLine = Tr::tr("Index: each unit's value in %1 = 100 (values in %2).").arg(out.baseYear).arg(core::unitLabel(out.unit));
    out.subtitle = unitLine;
    out.source = Tr::tr("Source: %1.").arg(core::citeSources(b.sources, sourceYears, &b.regions));
    if (mode == core::ChartMode::Share)
        out.subtitle += u' ' + Tr::tr("Shares: of the sum of the province's prefecture-level units (for a province: of the 31 "
                                      "provinces), only in years when every one of them has a value.");
    QStringList lines;
    QStringList seen;
    for (const core::Region *r : units) {
        for (const core::Note *note : b.notes.forUnit(r->code, r->level)) {
            // Notes on vital rates concern the rates, not a population series.
            if ((note->kind == u"vital_rates" && indicator.baseIndicator == u"resident_population") || seen.contains(note->text()))
                continue;
            if (!note->year || (*note->year >= first && *note->year <= last)) {
                lines << QStringLiteral("• ") + core::typesetNumbers(note->text());
                seen << note->text();
            }
        }
    }
    out.notes = lines.join(u'\n');
    return out;
}

QString ChartNumbers::toTsv() const
{
    QString out = header.join(u'\t') + u'\n';
    for (const QStringList &row : rows)
        out += row.join(u'\t') + u'\n';
    return out;
}

ChartNumbers chartNumbers(const TrendChart &chart, const std::vector<const core::Region *> &units)
{
    ChartNumbers out;
    const auto whole = [](const std::optional<double> &v) { return v ? QString::number(*v, 'f', 0) : QString(); };
    if (chart.mode == ChartMode::Components) {
        out.header = {QStringLiteral("code"), QStringLiteral("name_zh"), QStringLiteral("name_en"), QStringLiteral("year"),
                      QStringLiteral("change"), QStringLiteral("natural_increase"), QStringLiteral("net_migration"), QStringLiteral("note")};
        for (size_t i = 0; i < units.size() && i < chart.components.size(); ++i) {
            for (const core::ChangeComponents &c : chart.components[i].years) {
                QStringList notes = c.notes;
                if (!c.why.isEmpty())
                    notes.prepend(c.why);
                out.rows.push_back({units[i]->code, units[i]->nameZh, units[i]->nameEn, QString::number(c.year), whole(c.change),
                                    whole(c.naturalIncrease), whole(c.netMigration), notes.join(QStringLiteral(" | "))});
            }
        }
        return out;
    }
    out.header = {QStringLiteral("code"), QStringLiteral("name_zh"), QStringLiteral("name_en"), QStringLiteral("year"),
                  QStringLiteral("value"), QStringLiteral("unit"), QStringLiteral("flag")};
    for (size_t i = 0; i < units.size() && i < chart.series.size(); ++i)
        for (const core::Observation &o : chart.series[i].points)
            out.rows.push_back({units[i]->code, units[i]->nameZh, units[i]->nameEn, QString::number(o.year),
                                QString::number(o.value, 'g', 12), chart.unit, o.flag});
    return out;
}

std::vector<const core::Region *> selectedUnits(const core::DataBundle &bundle, const core::View &view, core::Level level)
{
    std::vector<const core::Region *> units;
    for (const QString &code : view.selection)
        if (const core::Region *r = bundle.regions.find(code, level))
            units.push_back(r);
    return units;
}

TrendChart viewTrendChart(const core::DataBundle &bundle, const core::View &view, core::Level level)
{
    return trendChart(bundle, selectedUnits(bundle, view, level),
                      core::findIndicator(bundle.population, QStringLiteral("population")).value(), view.chartMode, view.baseYear);
}

ChartTexts showTrendChart(ChartPanel &panel, const TrendChart &chart)
{
    if (chart.mode == ChartMode::Components)
        panel.showComponents(chart.title, chart.components, chart.breaks);
    else
        panel.showSeries(chart.title, chart.unit, chart.series, chart.mode, chart.baseYear, chart.breaks);
    ChartTexts texts{chart.title, chart.subtitle, chart.notes, chart.source};
    if (!panel.leftOut().isEmpty())
        texts.notes.prepend(Tr::tr("No value in %1 for %2: left out of the index.").arg(chart.baseYear).arg(panel.leftOut().join(QStringLiteral(", ")))
                            + (texts.notes.isEmpty() ? QString() : QStringLiteral("\n")));
    return texts;
}

ChartTexts withAuthorTexts(ChartTexts texts, const FigureTexts &author)
{
    if (author.title)
        texts.title = *author.title;
    if (author.subtitle)
        texts.subtitle = *author.subtitle;
    if (author.note && !author.note->trimmed().isEmpty())
        texts.notes.prepend(author.note->trimmed() + (texts.notes.isEmpty() ? QString() : QStringLiteral("\n")));
    if (author.source)
        texts.source = *author.source;
    return texts;
}

} // namespace renkou::ui
