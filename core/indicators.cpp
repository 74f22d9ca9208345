#include "indicators.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <set>

namespace renkou::core {

namespace {

const QString kResident = QStringLiteral("resident_population");
const QString kUrban = QStringLiteral("urban_population");

QString tr(const char *text)
{
    return QCoreApplication::translate("Indicators", text);
}

/// A value with everything that travels with it. No value: `notes` say why.
struct Cell {
    std::optional<double> value;
    bool fromBundle = false; ///< rests on a row of the bundle's own tables (not only on users' tables)
    QStringList sources;
    QStringList flags;
    QStringList notes;

    static Cell missing(const QString &why, const QString &flag = {})
    {
        Cell c;
        if (!why.isEmpty())
            c.notes << why;
        if (!flag.isEmpty())
            c.flags << flag;
        return c;
    }
    /// Takes over the sources, flags and notes of `other` (the value stays).
    void absorb(const Cell &other)
    {
        fromBundle = fromBundle || other.fromBundle;
        for (const QString &s : other.sources)
            if (!sources.contains(s))
                sources << s;
        for (const QString &f : other.flags)
            if (!flags.contains(f))
                flags << f;
        for (const QString &n : other.notes)
            if (!notes.contains(n))
                notes << n;
    }
};

/// Combines cells that must all have values; the first missing one decides the reason.
Cell combine(std::initializer_list<const Cell *> parts, double value)
{
    Cell out;
    for (const Cell *p : parts) {
        if (!p->value) {
            Cell m = Cell::missing({});
            m.absorb(*p);
            return m;
        }
        out.absorb(*p);
    }
    out.value = value;
    return out;
}

QString unitName(const Region &r)
{
    return r.nameEn.isEmpty() ? r.nameZh : r.nameEn;
}

class Engine {
public:
    explicit Engine(const IndicatorContext &c) : m_c(c) {}

    /// A table indicator for a unit in a year. Provinces use their own row, else the sum of their
    /// prefectures; NBS regions and the country are always the sum of their provinces (a consistent series:
    /// the published national total includes servicemen and is not the sum). Sums need every member.
    Cell stock(const Region &r, const QString &indicator, int year, bool censusOnly = false) const
    {
        if (r.level == Level::Province || r.level == Level::Prefecture) {
            if (auto own = ownRow(r.code, indicator, year, censusOnly))
                return *own;
            if (r.level == Level::Prefecture)
                return Cell::missing(tr("no %1 for %2").arg(indicator).arg(year));
        }
        if (m_c.store->unitOf(indicator) != u"persons")
            return Cell::missing(tr("no %1 for %2 (a rate is not summed from smaller units)").arg(indicator).arg(year));
        Cell sum = rollup(r, [&](const Region &m) { return stock(m, indicator, year, censusOnly); });
        if (!sum.value && r.level == Level::Province)
            sum.notes.prepend(tr("no %1 for %2").arg(indicator).arg(year));
        return sum;
    }

    /// Births − deaths from `from` to `to`, in persons: for each year, the natural growth rate (‰ of the
    /// mean population; else birth rate − death rate) times the mean of the year-end populations.
    Cell naturalIncrease(const Region &r, int from, int to) const
    {
        if (r.level == Level::Region || r.level == Level::Country)
            return rollup(r, [&](const Region &m) { return naturalIncrease(m, from, to); });
        if (r.level == Level::Prefecture)
            return Cell::missing(tr("no birth and death rates for prefecture-level units"));
        Cell out;
        double total = 0;
        for (int y = from + 1; y <= to; ++y) {
            const Cell p0 = stock(r, kResident, y - 1);
            const Cell p1 = stock(r, kResident, y);
            if (!p0.value || !p1.value)
                return Cell::missing(tr("no resident population for %1").arg(!p0.value ? y - 1 : y));
            const Cell rate = growthRate(r, y);
            if (!rate.value)
                return rate;
            total += *rate.value / 1000.0 * (*p0.value + *p1.value) / 2.0;
            out.absorb(p0);
            out.absorb(p1);
            out.absorb(rate);
        }
        out.value = total;
        return out;
    }

    Cell compute(const Region &r, const IndicatorInfo &ind, int year, int from) const
    {
        const QString &n = ind.name;
        if (n == u"population")
            return stock(r, kResident, year);
        if (n == u"change" || n == u"change_pct" || n == u"cagr_pct") {
            const Cell a = stock(r, kResident, from);
            const Cell b = stock(r, kResident, year);
            if (!a.value || !b.value)
                return combine({&a, &b}, 0);
            if (n == u"change")
                return combine({&a, &b}, *b.value - *a.value);
            if (*a.value <= 0)
                return Cell::missing(tr("the population in %1 is not positive").arg(from));
            if (n == u"change_pct")
                return combine({&a, &b}, (*b.value - *a.value) / *a.value * 100.0);
            return combine({&a, &b}, (std::pow(*b.value / *a.value, 1.0 / (year - from)) - 1.0) * 100.0);
        }
        if (n == u"natural_increase")
            return naturalIncrease(r, from, year);
        if (n == u"net_migration" || n == u"net_migration_rate") {
            const Cell a = stock(r, kResident, from);
            const Cell b = stock(r, kResident, year);
            const Cell ni = naturalIncrease(r, from, year);
            if (!a.value || !b.value || !ni.value)
                return combine({&a, &b, &ni}, 0);
            const double migration = *b.value - *a.value - *ni.value;
            if (n == u"net_migration")
                return combine({&a, &b, &ni}, migration);
            const double mean = (*a.value + *b.value) / 2.0;
            return combine({&a, &b, &ni}, migration / (year - from) / mean * 1000.0);
        }
        if (n == u"share_pct") {
            const Cell v = stock(r, kResident, year);
            const Region *country = nullptr;
            for (const Region *c : m_c.regions->ofLevel(Level::Country))
                country = c;
            const auto national = country ? ownRow(country->code, kResident, year, false) : std::nullopt;
            if (!national)
                return Cell::missing(tr("no national total for %1").arg(year));
            return v.value ? combine({&v, &*national}, *v.value / *national->value * 100.0) : v;
        }
        if (n == u"density") {
            const Cell v = stock(r, kResident, year);
            const std::optional<double> km2 = area(r);
            if (!km2)
                return Cell::missing(tr("no boundary area for this unit"));
            if (!v.value)
                return v;
            Cell out = v;
            out.value = *v.value / *km2;
            return out;
        }
        if (n == u"urban_share_pct") {
            const Cell urban = stock(r, kUrban, year, true);
            const Cell total = stock(r, kResident, year, true);
            if (!urban.value || !total.value)
                return combine({&urban, &total}, 0);
            return combine({&urban, &total}, *urban.value / *total.value * 100.0);
        }
        if (n == u"capital_share_pct")
            return capitalShare(r, year);
        return stock(r, ind.baseIndicator, year);
    }

private:
    std::optional<Cell> ownRow(const QString &code, const QString &indicator, int year, bool censusOnly) const
    {
        std::optional<Observation> o;
        if (censusOnly) {
            for (const Observation &row : m_c.store->observations(code, year, indicator)) {
                if (row.flag == u"census") {
                    o = row;
                    break;
                }
            }
        } else {
            o = m_c.store->value(code, year, indicator);
        }
        if (!o)
            return std::nullopt;
        Cell c;
        c.value = o->value;
        c.fromBundle = !m_c.store->isUserFile(o->file);
        c.sources << o->source;
        c.flags << o->flag;
        return c;
    }

    template <typename F>
    Cell sumOver(const Region &r, F valueOf) const
    {
        const auto members = m_c.regions->members(r);
        if (members.empty())
            return Cell::missing({});
        Cell out;
        double sum = 0;
        QStringList lacking;
        for (const Region *m : members) {
            const Cell c = valueOf(*m);
            if (!c.value) {
                lacking << unitName(*m);
                continue;
            }
            sum += *c.value;
            out.absorb(c);
        }
        if (lacking.size() == qsizetype(members.size()))
            return Cell::missing({}); // no member has data: nothing to sum, nothing incomplete
        if (!lacking.isEmpty()) {
            const QString shown = lacking.size() > 5 ? lacking.mid(0, 5).join(QStringLiteral(", ")) + QStringLiteral(", …")
                                                     : lacking.join(QStringLiteral(", "));
            return Cell::missing(tr("incomplete: %1 of %2 units have no data (%3)")
                                     .arg(lacking.size())
                                     .arg(members.size())
                                     .arg(shown),
                                 QStringLiteral("incomplete"));
        }
        out.value = sum;
        return out;
    }

    /// sumOver(), marked as a sum of smaller units.
    template <typename F>
    Cell rollup(const Region &r, F valueOf) const
    {
        Cell out = sumOver(r, valueOf);
        if (out.value) {
            if (!out.flags.contains(u"rollup"))
                out.flags << QStringLiteral("rollup");
            const auto n = m_c.regions->members(r).size();
            out.notes << (n == 1 ? tr("the value of its one unit") : tr("sum of its %1 units").arg(n));
        }
        return out;
    }

    Cell growthRate(const Region &r, int year) const
    {
        if (auto ngr = ownRow(r.code, QStringLiteral("natural_growth_rate"), year, false))
            return *ngr;
        const auto birth = ownRow(r.code, QStringLiteral("birth_rate"), year, false);
        const auto death = ownRow(r.code, QStringLiteral("death_rate"), year, false);
        if (birth && death)
            return combine({&*birth, &*death}, *birth->value - *death->value);
        return Cell::missing(tr("no natural growth rate (nor birth and death rates) for %1").arg(year));
    }

    std::optional<double> area(const Region &r) const
    {
        if (!m_c.areas)
            return std::nullopt;
        if (r.level == Level::Province || r.level == Level::Prefecture) {
            const auto &table = r.level == Level::Province ? m_c.areas->province : m_c.areas->prefecture;
            const auto it = table.constFind(r.code);
            return it == table.constEnd() ? std::nullopt : std::optional<double>(*it);
        }
        double sum = 0;
        for (const Region *m : m_c.regions->members(r)) {
            const auto a = area(*m);
            if (!a)
                return std::nullopt;
            sum += *a;
        }
        return sum;
    }

    /// The provincial capital's resident population as a share of the sum of the province's prefectures.
    Cell capitalShare(const Region &r, int year) const
    {
        if (r.level != Level::Province)
            return Cell::missing(tr("the capital's share is defined for provinces"));
        const Region *capital = nullptr;
        for (const Region *m : m_c.regions->members(r))
            capital = m->provincialCapital ? m : capital;
        if (!capital)
            return Cell::missing(tr("no provincial capital among its prefecture-level units (municipality or no split)"));
        const Cell total = sumOver(r, [&](const Region &m) { return stock(m, kResident, year); });
        const Cell cap = stock(*capital, kResident, year);
        if (!cap.value || !total.value)
            return combine({&cap, &total}, 0);
        Cell out = combine({&cap, &total}, *cap.value / *total.value * 100.0);
        out.notes << tr("%1 as a share of the sum of the province's %2 prefecture-level units")
                         .arg(unitName(*capital))
                         .arg(m_c.regions->members(r).size());
        return out;
    }

    const IndicatorContext &m_c;
};

/// Notes of notes.csv that a reader must see with this value.
void attachNotes(const IndicatorContext &c, const Region &r, const IndicatorInfo &ind, int year, int from, Cell &cell)
{
    if (!c.notes)
        return;
    // The bundle's notes describe the bundle's numbers: not a user's value, nor a user's indicator.
    if ((cell.value && !cell.fromBundle) || (!cell.value && c.store->isUserIndicator(ind.baseIndicator)))
        return;
    std::vector<const Note *> notes = c.notes->forUnit(r.code, r.level);
    if (r.level == Level::Region || r.level == Level::Country) {
        // Sums of provinces carry the province-wide notes.
        for (const Note *n : c.notes->forUnit(QString(), Level::Province))
            notes.push_back(n);
    }
    const bool vital = ind.name == u"natural_increase" || ind.name.startsWith(u"net_migration");
    for (const Note *n : notes) {
        bool applies = false;
        if (n->year) {
            applies = ind.spansYears ? (*n->year > from && *n->year <= year) : *n->year == year;
            if (applies && ind.spansYears && n->kind == u"series_break" && !cell.flags.contains(u"series_break"))
                cell.flags << QStringLiteral("series_break");
        } else {
            applies = n->kind == u"no_data" || n->kind == u"national_total" || (vital && n->kind == u"vital_rates");
        }
        if (applies && !cell.notes.contains(n->textEn))
            cell.notes << n->textEn;
    }
}

} // namespace

const ColumnEntry *Column::find(const QString &code) const
{
    const auto it = index.constFind(code);
    if (it != index.constEnd() && size_t(*it) < entries.size() && entries[size_t(*it)].region->code == code)
        return &entries[size_t(*it)];
    for (const ColumnEntry &e : entries) { // entries reordered after computeColumn (a sorted table)
        if (e.region->code == code)
            return &e;
    }
    return nullptr;
}

std::vector<double> Column::values() const
{
    std::vector<double> out;
    for (const ColumnEntry &e : entries) {
        if (e.value)
            out.push_back(*e.value);
    }
    return out;
}

std::vector<IndicatorInfo> availableIndicators(const PopulationStore &store)
{
    const QString persons = QStringLiteral("persons");
    const QString pct = QStringLiteral("%");
    const QString permille = QStringLiteral("‰");
    const QString pop = tr("resident population");
    const QString vital = tr("resident population every year of the span; natural growth rate (or birth and death rates) every year after the first");
    std::vector<IndicatorInfo> out = {
        {QStringLiteral("population"), persons, tr("Resident population (常住人口)"), pop, false, kResident},
        {QStringLiteral("change"), persons, tr("Change in resident population between two years"), pop, true, kResident},
        {QStringLiteral("change_pct"), pct, tr("Relative change in resident population"), pop, true, kResident},
        {QStringLiteral("cagr_pct"), pct, tr("Compound annual growth rate of the resident population"), pop, true, kResident},
        {QStringLiteral("natural_increase"), persons, tr("Natural increase: births − deaths"), vital, true, kResident},
        {QStringLiteral("net_migration"), persons, tr("Net migration: change − natural increase (a residual)"), vital, true, kResident},
        {QStringLiteral("net_migration_rate"), permille, tr("Net migration per year in ‰ of the mean population"), vital, true, kResident},
        {QStringLiteral("share_pct"), pct, tr("Share of the national total"), tr("resident population; the national total of the same year"), false, kResident},
        {QStringLiteral("density"), QStringLiteral("persons per km²"), tr("Resident population per km² of land (area on the equal-area projection)"), tr("resident population; boundaries"), false, kResident},
        {QStringLiteral("capital_share_pct"), pct, tr("The provincial capital's share of its province (sum of the province's prefecture-level units)"), tr("resident population of every prefecture-level unit of the province; provincial_capital in regions.csv"), false, kResident},
        {QStringLiteral("urban_share_pct"), pct, tr("Urban share of the census population"), tr("census urban_population and resident_population"), false, kUrban},
    };
    for (const QString &name : store.indicators()) {
        if (name != kResident)
            // A user's indicator is named by its own name, on the map's title too.
            out.push_back({name, store.unitOf(name),
                           store.isUserIndicator(name) ? tr("%1 (own table)").arg(name) : tr("As published in the data tables"),
                           name, false, name});
    }
    return out;
}

Result<IndicatorInfo> findIndicator(const PopulationStore &store, const QString &name)
{
    QStringList names;
    for (const IndicatorInfo &info : availableIndicators(store)) {
        if (info.name == name)
            return info;
        names << info.name;
    }
    return Error{Error::Code::Usage, {}, {},
                 QStringLiteral("unknown indicator '%1' (known: %2)").arg(name, names.join(QStringLiteral(", ")))};
}

std::optional<int> latestYear(const IndicatorContext &context, Level level, const IndicatorInfo &indicator)
{
    std::vector<int> years = context.store->years(indicator.baseIndicator);
    std::sort(years.rbegin(), years.rend());
    for (int y : years) {
        if (!computeColumn(context, level, indicator, y).values().empty())
            return y;
    }
    return std::nullopt;
}

std::vector<int> yearsWithData(const IndicatorContext &context, Level level, const IndicatorInfo &indicator)
{
    const IndicatorInfo base = indicator.spansYears ? findIndicator(*context.store, QStringLiteral("population")).value() : indicator;
    std::vector<int> out;
    for (int y : context.store->years(base.baseIndicator)) {
        if (!computeColumn(context, level, base, y).values().empty())
            out.push_back(y);
    }
    if (indicator.spansYears && !out.empty())
        out.erase(out.begin());
    return out;
}

Column computeColumn(const IndicatorContext &context, Level level, const IndicatorInfo &indicator, int year,
                     std::optional<int> from)
{
    Column column;
    column.indicator = indicator;
    column.level = level;
    column.year = year;
    if (indicator.spansYears)
        column.from = from.value_or(year - 1);
    const Engine engine(context);
    for (const Region *r : context.regions->ofLevel(level)) {
        Cell cell = indicator.spansYears && *column.from >= year
                        ? Cell::missing(QStringLiteral("the start year must come before the end year"))
                        : engine.compute(*r, indicator, year, column.from.value_or(year));
        attachNotes(context, *r, indicator, year, column.from.value_or(year), cell);
        ColumnEntry e;
        e.region = r;
        e.value = cell.value;
        if (cell.value) {
            e.source = cell.sources.join(u';');
        }
        e.flag = cell.flags.join(u';');
        e.note = cell.notes.join(QStringLiteral(" | "));
        column.entries.push_back(e);
    }
    // Rank 1 = largest; equal values share a rank ("1224").
    std::vector<double> sorted = column.values();
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    for (size_t i = 0; i < column.entries.size(); ++i) {
        ColumnEntry &e = column.entries[i];
        column.index.insert(e.region->code, int(i));
        if (e.value)
            e.rank = 1 + int(std::lower_bound(sorted.begin(), sorted.end(), *e.value, std::greater<>()) - sorted.begin());
    }
    return column;
}

std::vector<Observation> shareOfWhole(const IndicatorContext &context, const Region &unit,
                                      const std::vector<Observation> &points)
{
    const RegionTable &regions = *context.regions;
    const Region *whole = unit.level == Level::Prefecture ? regions.find(unit.parentCode, Level::Province)
                                                          : regions.find(unit.parentCode, Level::Country);
    std::vector<Observation> out;
    if (!whole)
        return out;
    const auto members = regions.members(*whole);
    for (const Observation &o : points) {
        double total = 0;
        bool complete = !members.empty();
        for (const Region *m : members) {
            const auto v = context.store->value(m->code, o.year, QStringLiteral("resident_population"));
            complete = complete && v.has_value();
            total += v ? v->value : 0;
        }
        if (!complete || total <= 0)
            continue;
        Observation share = o;
        share.value = o.value / total * 100.0;
        share.unit = QStringLiteral("%");
        out.push_back(share);
    }
    return out;
}

} // namespace renkou::core
