#include "indicators.h"
#include "classification.h"
#include "boundarylayer.h"
#include "geometry.h"
#include "moran.h"

#include "language.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace renkou::core {

namespace {

const QString kResident = QStringLiteral("resident_population");
const QString kUrban = QStringLiteral("urban_population");
const QString kCensus = QStringLiteral("census");
const QString kInMigrants = QStringLiteral("interprovincial_in_migrants");

/// The translation context of this file's texts (lupdate reads it from here).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Indicators)
};

/// The bundle's table indicators (README "Observation schema"), named in words.
const QHash<QString, const char *> &tableNames()
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("urban_population"), QT_TRANSLATE_NOOP("Indicators", "Urban population (census)")},
        {QStringLiteral("household_size"), QT_TRANSLATE_NOOP("Indicators", "Average household size (census)")},
        {QStringLiteral("sex_ratio"), QT_TRANSLATE_NOOP("Indicators", "Sex ratio: males per 100 females (census)")},
        {QStringLiteral("share_age_0_14"), QT_TRANSLATE_NOOP("Indicators", "Share aged 0–14 (census)")},
        {QStringLiteral("share_age_15_59"), QT_TRANSLATE_NOOP("Indicators", "Share aged 15–59 (census)")},
        {QStringLiteral("share_age_60_plus"), QT_TRANSLATE_NOOP("Indicators", "Share aged 60 and over (census)")},
        {QStringLiteral("share_age_65_plus"), QT_TRANSLATE_NOOP("Indicators", "Share aged 65 and over (census)")},
        {QStringLiteral("birth_rate"), QT_TRANSLATE_NOOP("Indicators", "Birth rate")},
        {QStringLiteral("death_rate"), QT_TRANSLATE_NOOP("Indicators", "Death rate")},
        {QStringLiteral("natural_growth_rate"), QT_TRANSLATE_NOOP("Indicators", "Natural growth rate")},
        {QStringLiteral("interprovincial_in_migrants"),
         QT_TRANSLATE_NOOP("Indicators", "Residents registered in another province (census inflow)")},
        {QStringLiteral("registered_population"), QT_TRANSLATE_NOOP("Indicators", "Registered population (户籍人口)")},
    };
    return names;
}

/// A table indicator in the words of the language installed for notes ("常住人口" in Chinese); in English its
/// name as the data and the CLI write it (resident_population).
QString indicatorWords(const QString &indicator)
{
    if (currentLanguage() != Language::Chinese)
        return indicator;
    if (indicator == kResident)
        return Tr::tr("resident population");
    const auto known = tableNames().constFind(indicator);
    return known == tableNames().constEnd() ? indicator : Tr::tr(*known);
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

/// The kinds of value a cell rests on: "census", "estimate" or both, ';'-separated.
QString kindsOf(const Cell &cell)
{
    QStringList out;
    for (const QString &f : cell.flags)
        if ((f == u"census" || f == u"estimate") && !out.contains(f))
            out << f;
    out.sort();
    return out.join(u';');
}

/// A unit's name in notes and caveats: its English name, its Chinese name in Chinese (or without an English one).
QString unitName(const Region &r)
{
    return r.nameEn.isEmpty() || currentLanguage() == Language::Chinese ? r.nameZh : r.nameEn;
}

class Engine {
public:
    explicit Engine(const IndicatorContext &c) : m_c(c) {}

    /// A table indicator for a unit in a year. Provinces use their own row, else the sum of their
    /// prefectures; NBS regions and the country are always the sum of their provinces (a consistent series:
    /// the published national total includes servicemen and is not the sum). Sums need every member.
    /// `flag`: only rows of that kind (census, estimate); empty: the row the store shows first.
    Cell stock(const Region &r, const QString &indicator, int year, const QString &flag = {}) const
    {
        if (r.level == Level::Province || r.level == Level::Prefecture) {
            if (auto own = ownRow(r.code, indicator, year, flag))
                return *own;
            if (r.level == Level::Prefecture)
                return Cell::missing(Tr::tr("no %1 for %2").arg(indicatorWords(indicator)).arg(year));
        }
        if (m_c.store->unitOf(indicator) != u"persons")
            return Cell::missing(Tr::tr("no %1 for %2 (a rate is not summed from smaller units)").arg(indicatorWords(indicator)).arg(year));
        Cell sum = rollup(r, [&](const Region &m) { return stock(m, indicator, year, flag); });
        if (!sum.value && r.level == Level::Province)
            sum.notes.prepend(Tr::tr("no %1 for %2").arg(indicatorWords(indicator)).arg(year));
        return sum;
    }

    /// The resident population at both ends of a change, of one kind where the unit has rows of its own of
    /// it: a census count is compared with a census count (Wuhan 2010→2020), a year-end estimate with an
    /// estimate; else the rows the store shows first (census against estimate, which the caveats then say).
    std::pair<Cell, Cell> ends(const Region &r, int from, int year) const
    {
        Cell a = stock(r, kResident, from);
        Cell b = stock(r, kResident, year);
        // Only the unit's own rows: a sum of smaller units is another tabulation, not the same kind of count.
        const bool own = r.level == Level::Province || r.level == Level::Prefecture;
        if (own && a.value && b.value && kindsOf(a) != kindsOf(b)) {
            if (auto match = ownRow(r.code, kResident, year, kindsOf(a)))
                b = *match;
            else if (auto earlier = ownRow(r.code, kResident, from, kindsOf(b)))
                a = *earlier;
        }
        return {a, b};
    }

    /// Births − deaths from `from` to `to`, in persons: for each year, the natural growth rate (‰ of the
    /// mean population; else birth rate − death rate) times the mean of the year-end populations.
    Cell naturalIncrease(const Region &r, int from, int to) const
    {
        if (r.level == Level::Region || r.level == Level::Country)
            return rollup(r, [&](const Region &m) { return naturalIncrease(m, from, to); });
        if (r.level == Level::Prefecture)
            return Cell::missing(Tr::tr("no birth and death rates for prefecture-level units"));
        Cell out;
        double total = 0;
        for (int y = from + 1; y <= to; ++y) {
            const Cell p0 = stock(r, kResident, y - 1);
            const Cell p1 = stock(r, kResident, y);
            if (!p0.value || !p1.value)
                return Cell::missing(Tr::tr("no resident population for %1").arg(!p0.value ? y - 1 : y));
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

    /// A census count of `part` in % of the census residents of the same year; no data without either.
    Cell censusShare(const Region &r, const QString &part, int year) const
    {
        const Cell count = stock(r, part, year, kCensus);
        const Cell total = stock(r, kResident, year, kCensus);
        if (!count.value || !total.value)
            return combine({&count, &total}, 0);
        return combine({&count, &total}, *count.value / *total.value * 100.0);
    }

    Cell compute(const Region &r, const IndicatorInfo &ind, int year, int from) const
    {
        const QString &n = ind.name;
        if (n == u"population")
            return stock(r, kResident, year);
        if (n == u"change" || n == u"change_pct" || n == u"cagr_pct") {
            const auto [a, b] = ends(r, from, year);
            if (!a.value || !b.value)
                return combine({&a, &b}, 0);
            if (n == u"change")
                return combine({&a, &b}, *b.value - *a.value);
            if (*a.value <= 0)
                return Cell::missing(Tr::tr("the population in %1 is not positive").arg(from));
            if (n == u"change_pct")
                return combine({&a, &b}, (*b.value - *a.value) / *a.value * 100.0);
            return combine({&a, &b}, (std::pow(*b.value / *a.value, 1.0 / (year - from)) - 1.0) * 100.0);
        }
        if (n == u"natural_increase")
            return naturalIncrease(r, from, year);
        if (n == u"natural_increase_rate") {
            const auto [a, b] = ends(r, from, year);
            const Cell ni = naturalIncrease(r, from, year);
            if (!a.value || !b.value || !ni.value)
                return combine({&a, &b, &ni}, 0);
            return combine({&a, &b, &ni}, *ni.value / (year - from) / ((*a.value + *b.value) / 2.0) * 1000.0);
        }
        if (n == u"net_migration" || n == u"net_migration_rate") {
            const auto [a, b] = ends(r, from, year);
            const Cell ni = naturalIncrease(r, from, year);
            if (!a.value || !b.value || !ni.value)
                return combine({&a, &b, &ni}, 0);
            const double migration = *b.value - *a.value - *ni.value;
            if (n == u"net_migration")
                return combine({&a, &b, &ni}, migration);
            const double mean = (*a.value + *b.value) / 2.0;
            return combine({&a, &b, &ni}, migration / (year - from) / mean * 1000.0);
        }
        if (n == u"migration_type") {
            const auto [a, b] = ends(r, from, year);
            const Cell ni = naturalIncrease(r, from, year);
            if (!a.value || !b.value || !ni.value)
                return combine({&a, &b, &ni}, 0);
            return combine({&a, &b, &ni}, webbType(*ni.value, *b.value - *a.value - *ni.value));
        }
        if (n == u"share_pct") {
            const Cell v = stock(r, kResident, year);
            const Region *country = nullptr;
            for (const Region *c : m_c.regions->ofLevel(Level::Country))
                country = c;
            const auto national = country ? ownRow(country->code, kResident, year, {}) : std::nullopt;
            if (!national)
                return Cell::missing(Tr::tr("no national total for %1").arg(year));
            return v.value ? combine({&v, &*national}, *v.value / *national->value * 100.0) : v;
        }
        if (n == u"density") {
            const Cell v = stock(r, kResident, year);
            const std::optional<double> km2 = area(r);
            if (!km2)
                return Cell::missing(Tr::tr("no boundary area for this unit"));
            if (!v.value)
                return v;
            Cell out = v;
            out.value = *v.value / *km2;
            return out;
        }
        if (n == u"urban_share_pct")
            return censusShare(r, kUrban, year);
        if (n == u"in_migrant_share_pct")
            return censusShare(r, kInMigrants, year);
        if (n == u"capital_share_pct")
            return capitalShare(r, year);
        if (!ind.changeOf.isEmpty()) {
            // The change of a percentage, in percentage points: the same indicator at both ends.
            IndicatorInfo of = ind;
            of.name = ind.changeOf;
            of.changeOf.clear();
            of.spansYears = false;
            const Cell a = compute(r, of, from, from);
            const Cell b = compute(r, of, year, year);
            return combine({&a, &b}, a.value && b.value ? *b.value - *a.value : 0.0);
        }
        return stock(r, ind.baseIndicator, year);
    }

private:
    std::optional<Cell> ownRow(const QString &code, const QString &indicator, int year, const QString &flag) const
    {
        std::optional<Observation> o;
        if (!flag.isEmpty()) {
            for (const Observation &row : m_c.store->observations(code, year, indicator)) {
                if (row.flag == flag) {
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
            return Cell::missing(Tr::tr("incomplete: %1 of %2 units have no data (%3)")
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
            out.notes << (n == 1 ? Tr::tr("the value of its one unit") : Tr::tr("sum of its %1 units").arg(n));
        }
        return out;
    }

    Cell growthRate(const Region &r, int year) const
    {
        if (auto ngr = ownRow(r.code, QStringLiteral("natural_growth_rate"), year, {}))
            return *ngr;
        const auto birth = ownRow(r.code, QStringLiteral("birth_rate"), year, {});
        const auto death = ownRow(r.code, QStringLiteral("death_rate"), year, {});
        if (birth && death)
            return combine({&*birth, &*death}, *birth->value - *death->value);
        return Cell::missing(Tr::tr("no natural growth rate (nor birth and death rates) for %1").arg(year));
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

    /// The provincial capital's resident population as a share of its province, both of one kind: a census
    /// count over the sum of the province's prefecture-level units' counts; a year-end estimate over the sum of
    /// their estimates, or, where that sum is incomplete (partial prefecture estimates), over the province's
    /// own year-end total, said in the note.
    Cell capitalShare(const Region &r, int year) const
    {
        if (r.level != Level::Province)
            return Cell::missing(Tr::tr("the capital's share is defined for provinces"));
        const Region *capital = nullptr;
        for (const Region *m : m_c.regions->members(r))
            capital = m->provincialCapital ? m : capital;
        if (!capital)
            return Cell::missing(Tr::tr("no provincial capital among its prefecture-level units (municipality or no split)"));
        const Cell cap = stock(*capital, kResident, year);
        if (!cap.value)
            return Cell::missing(Tr::tr("no resident population of %1, the capital, for %2").arg(unitName(*capital)).arg(year));
        const QString kind = cap.flags.value(0);
        const auto members = m_c.regions->members(r).size();
        Cell total = sumOver(r, [&](const Region &m) { return stock(m, kResident, year, kind); });
        QString how = Tr::tr("%1 as a share of the sum of the province's %2 prefecture-level units").arg(unitName(*capital)).arg(members);
        if (!total.value && kind == u"estimate") {
            if (auto own = ownRow(r.code, kResident, year, kind)) {
                total = *own;
                how = Tr::tr("%1's year-end estimate as a share of the province's own year-end total (the sum of its "
                         "prefecture-level units is incomplete for %2)").arg(unitName(*capital)).arg(year);
            }
        }
        if (!total.value)
            return combine({&cap, &total}, 0);
        Cell out = combine({&cap, &total}, *cap.value / *total.value * 100.0);
        out.notes << how;
        return out;
    }

    const IndicatorContext &m_c;
};

/// Notes of notes.csv that a reader must see with this value; `censusOnly`: the value rests on census counts
/// alone (at both ends of a change), to which the series breaks of the annual estimates do not apply.
void attachNotes(const IndicatorContext &c, const Region &r, const IndicatorInfo &ind, int year, int from, Cell &cell,
                 bool censusOnly = false)
{
    if (!c.notes)
        return;
    // The bundle's notes describe the bundle's numbers: not a user's value, nor a user's indicator.
    if ((cell.value && !cell.fromBundle) || (!cell.value && c.store->isUserIndicator(ind.baseIndicator)))
        return;
    const std::vector<const Note *> notes = c.notes->forUnit(r.code, r.level);
    const bool vital = ind.name.startsWith(u"natural_increase") || ind.name.startsWith(u"net_migration") || ind.name == u"migration_type";
    // A value of one year carries the note of the series break in its year, else of the next break after it:
    // a break's note describes the values before it (first-published, never revised …).
    std::optional<int> basisBreak;
    if (!ind.spansYears) {
        for (const Note *n : notes) {
            if (n->kind == u"series_break" && n->year && *n->year >= year && (!basisBreak || *n->year < *basisBreak))
                basisBreak = n->year;
        }
    }
    for (const Note *n : notes) {
        bool applies = false;
        if (n->year) {
            // A break or an event lies between two years: it concerns a change across it. Other dated notes
            // (census basis, vintage, boundaries) describe the values of their year, at either end of a change.
            const bool between = n->kind == u"series_break" || n->kind == u"event";
            if (censusOnly && n->kind == u"series_break")
                applies = false; // a break of the annual estimates is not in census counts
            else if (ind.spansYears && between && ind.name.startsWith(u"natural_increase"))
                applies = false; // births and deaths are counted from rates: a break in the population is not in them
            else if (ind.spansYears)
                applies = between ? (*n->year > from && *n->year <= year) : (*n->year == from || *n->year == year);
            else
                applies = n->kind == u"series_break" ? n->year == basisBreak : *n->year == year;
            if (applies && ind.spansYears && n->kind == u"series_break" && !cell.flags.contains(u"series_break"))
                cell.flags << QStringLiteral("series_break");
        } else {
            applies = n->kind == u"no_data" || n->kind == u"national_total" || (vital && n->kind == u"vital_rates");
        }
        if (applies && !cell.notes.contains(n->text()))
            cell.notes << n->text();
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
    const QString pop = Tr::tr("resident population");
    const QString vital = Tr::tr("resident population every year of the span; natural growth rate (or birth and death rates) every year after the first");
    std::vector<IndicatorInfo> out = {
        {QStringLiteral("population"), persons, Tr::tr("Resident population"), pop, false, kResident, {}, Tr::tr("Resident population")},
        {QStringLiteral("change"), persons, Tr::tr("Change in resident population between two years"), pop, true, kResident, {}, Tr::tr("Resident population change")},
        {QStringLiteral("change_pct"), pct, Tr::tr("Relative change in resident population"), pop, true, kResident, {}, Tr::tr("Resident population growth")},
        {QStringLiteral("cagr_pct"), pct, Tr::tr("Compound annual growth rate of the resident population"), pop, true, kResident, {}, Tr::tr("Average annual growth of the resident population")},
        {QStringLiteral("natural_increase"), persons, Tr::tr("Natural increase: births − deaths"), vital, true, kResident, {}, Tr::tr("Natural increase")},
        {QStringLiteral("natural_increase_rate"), permille, Tr::tr("Natural increase per year in ‰ of the mean population"), vital, true, kResident, {}, Tr::tr("Natural increase rate")},
        {QStringLiteral("net_migration"), persons, Tr::tr("Net migration: change − natural increase (a residual)"), vital, true, kResident, {}, Tr::tr("Net migration (residual)")},
        {QStringLiteral("net_migration_rate"), permille, Tr::tr("Net migration per year in ‰ of the mean population"), vital, true, kResident, {}, Tr::tr("Net migration rate")},
        {QStringLiteral("migration_type"), QStringLiteral("category"),
         Tr::tr("Type of population change (Webb): growth or decline, and which is larger, natural increase or net migration (a residual)"),
         vital, true, kResident, {}, Tr::tr("Type of population change")},
        {QStringLiteral("share_pct"), pct, Tr::tr("Share of the national total"), Tr::tr("resident population; the national total of the same year"), false, kResident, {}, Tr::tr("Share of China's resident population")},
        {QStringLiteral("density"), QStringLiteral("persons per km²"), Tr::tr("Resident population per km² of land (area on the equal-area projection)"), Tr::tr("resident population; boundaries"), false, kResident, {}, Tr::tr("Population density")},
        {QStringLiteral("capital_share_pct"), pct, Tr::tr("The provincial capital's share of its province (census: of its prefecture-level units' sum; year-end: of the province's total where city estimates are incomplete)"), Tr::tr("resident population of every prefecture-level unit of the province; provincial_capital in regions.csv"), false, kResident, {}, Tr::tr("The provincial capital's share of the population")},
        {QStringLiteral("in_migrant_share_pct"), pct,
         Tr::tr("Residents registered in another province, in % of the residents (census of 1 November)"),
         Tr::tr("census interprovincial_in_migrants and resident_population"), false, kInMigrants, {},
         Tr::tr("Share of residents registered in another province")},
        {QStringLiteral("urban_share_pct"), pct, Tr::tr("Urban share of the census population"), Tr::tr("census urban_population and resident_population"), false, kUrban, {}, Tr::tr("Urban share of the population")},
    };
    for (const QString &name : store.indicators()) {
        if (name == kResident)
            continue;
        // A user's indicator is named by its own name, on the map's title too.
        QString description = Tr::tr("As published in the data tables");
        if (store.isUserIndicator(name))
            description = Tr::tr("%1 (own table)").arg(name);
        else if (const auto known = tableNames().constFind(name); known != tableNames().constEnd())
            description = Tr::tr(*known);
        out.push_back({name, store.unitOf(name), description, name, false, name, {}, {}});
    }
    // The change of every one-year percentage, in percentage points. Table indicators are titled by their
    // descriptions (displayName()).
    const size_t oneYear = out.size();
    for (size_t i = 0; i < oneYear; ++i) {
        const IndicatorInfo &of = out[i];
        if (of.spansYears || of.unit != pct)
            continue;
        IndicatorInfo change{of.name + QStringLiteral("_change_pp"), QStringLiteral("percentage points"),
                             Tr::tr("Change in percentage points: %1").arg(of.description), of.needs, true, of.baseIndicator, of.name,
                             Tr::tr("Change of: %1").arg(displayName(of))};
        out.push_back(change);
    }
    // Clusters (local Moran's I) of every rate, share and density: where high values neighbour high ones.
    const size_t measures = out.size();
    for (size_t i = 0; i < measures; ++i) {
        const IndicatorInfo &of = out[i];
        if (of.unit != pct && of.unit != permille && of.unit != u"persons per km²" && of.unit != u"percentage points")
            continue;
        IndicatorInfo clusters{of.name + QStringLiteral("_clusters"), QStringLiteral("category"),
                               Tr::tr("Clusters of: %1 (local Moran's I, queen contiguity, 999 permutations)").arg(of.description),
                               of.needs + Tr::tr("; boundaries"), of.spansYears, of.baseIndicator, {},
                               Tr::tr("Clusters of: %1").arg(displayName(of))};
        out.push_back(clusters);
    }
    return out;
}

IndicatorInfo endsIndicator(const PopulationStore &store, const IndicatorInfo &indicator)
{
    if (!clustersOf(indicator).isEmpty())
        return endsIndicator(store, findIndicator(store, clustersOf(indicator)).value());
    if (!indicator.spansYears)
        return indicator;
    return findIndicator(store, indicator.changeOf.isEmpty() ? QStringLiteral("population") : indicator.changeOf).value();
}

IndicatorInfo growthIndicator(const PopulationStore &store, const IndicatorInfo &indicator)
{
    if (indicator.spansYears || store.isUserIndicator(indicator.baseIndicator))
        return indicator;
    if (indicator.unit == u"%") {
        if (auto pp = findIndicator(store, indicator.name + QStringLiteral("_change_pp")))
            return pp.value();
    }
    return findIndicator(store, QStringLiteral("change")).value();
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

std::vector<int> yearsWithData(const IndicatorContext &context, Level level, const IndicatorInfo &indicator)
{
    const IndicatorInfo base = endsIndicator(*context.store, indicator);
    std::vector<int> out;
    for (int y : context.store->years(base.baseIndicator)) {
        if (!computeColumn(context, level, base, y).values().empty())
            out.push_back(y);
    }
    if (indicator.spansYears && !out.empty())
        out.erase(out.begin());
    return out;
}

namespace {
/// Ranks the entries (1 = largest; equal values share a rank: "1224") and rebuilds the index.
void rankAndIndex(Column &column)
{
    const bool categorical = isCategorical(column.indicator);
    std::vector<double> sorted = column.values();
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    column.index.clear();
    for (size_t i = 0; i < column.entries.size(); ++i) {
        ColumnEntry &e = column.entries[i];
        column.index.insert(e.region->code, int(i));
        // Categories (types, clusters) are not ranked: their codes are not amounts.
        e.rank = e.value && !categorical ? 1 + int(std::lower_bound(sorted.begin(), sorted.end(), *e.value, std::greater<>()) - sorted.begin()) : 0;
    }
}
} // namespace

const QHash<QString, QStringList> &ContiguityCache::neighbours(Level level, const BoundaryLayer &layer)
{
    const std::lock_guard lock(m_mutex);
    std::optional<QHash<QString, QStringList>> &cached = level == Level::Province ? m_province : m_prefecture;
    if (!cached) {
        std::vector<const MultiPolygon *> polygons;
        for (const Feature &f : layer.features())
            polygons.push_back(&f.polygons);
        const std::vector<std::vector<int>> adjacent = queenContiguity(polygons);
        cached.emplace();
        for (size_t i = 0; i < adjacent.size(); ++i) {
            QStringList &codes = (*cached)[layer.features()[i].code];
            for (int j : adjacent[i])
                if (const QString &c = layer.features()[size_t(j)].code; c != layer.features()[i].code && !codes.contains(c))
                    codes << c;
        }
    }
    return *cached;
}

int webbType(double n, double m)
{
    if (n + m >= 0) { // growth
        if (m <= 0)
            return 1; // A: natural increase exceeds out-migration
        if (n >= m)
            return 2; // B: natural increase exceeds in-migration
        return n > 0 ? 3 /* C: in-migration exceeds natural increase */ : 4 /* D: in-migration exceeds natural decrease */;
    }
    if (m >= 0)
        return 5; // E: natural decrease exceeds in-migration
    if (n <= 0)
        return -n >= -m ? 6 /* F: natural decrease exceeds out-migration */ : 7 /* G: out-migration exceeds natural decrease */;
    return 8; // H: out-migration exceeds natural increase
}

QString clustersOf(const IndicatorInfo &indicator)
{
    static const QString suffix = QStringLiteral("_clusters");
    return indicator.unit == u"category" && indicator.name.endsWith(suffix) ? indicator.name.chopped(suffix.size()) : QString();
}

bool isCategorical(const IndicatorInfo &indicator)
{
    return indicator.unit == u"category";
}

std::vector<Category> categoriesOf(const IndicatorInfo &indicator)
{
    if (!clustersOf(indicator).isEmpty()) {
        // GeoDa's LISA cluster colours.
        return {
            {1, Tr::tr("High–high cluster"), QColor(0xd7, 0x19, 0x1c)},
            {2, Tr::tr("Low–low cluster"), QColor(0x2c, 0x7b, 0xb6)},
            {3, Tr::tr("Low–high outlier"), QColor(0xab, 0xd9, 0xe9)},
            {4, Tr::tr("High–low outlier"), QColor(0xfd, 0xae, 0x61)},
            {0, Tr::tr("Not significant"), QColor(0xee, 0xee, 0xee)},
            {5, Tr::tr("No neighbour (an island)"), QColor(0x99, 0x99, 0x99)}, // GeoDa's "Neighborless"
        };
    }
    if (indicator.name == u"migration_type") {
        // Growth in greens (natural increase the larger) and blues (in-migration the larger); decline in
        // oranges (natural decrease the larger) and reds (out-migration the larger): ColorBrewer hues.
        return {
            {1, Tr::tr("A  Growth: natural increase exceeds out-migration"), QColor(0xa6, 0xdb, 0xa0)},
            {2, Tr::tr("B  Growth: natural increase exceeds in-migration"), QColor(0x1b, 0x78, 0x37)},
            {3, Tr::tr("C  Growth: in-migration exceeds natural increase"), QColor(0x21, 0x66, 0xac)},
            {4, Tr::tr("D  Growth: in-migration exceeds natural decrease"), QColor(0x92, 0xc5, 0xde)},
            {5, Tr::tr("E  Decline: natural decrease exceeds in-migration"), QColor(0xfd, 0xd4, 0x9e)},
            {6, Tr::tr("F  Decline: natural decrease exceeds out-migration"), QColor(0xe6, 0x61, 0x01)},
            {7, Tr::tr("G  Decline: out-migration exceeds natural decrease"), QColor(0xb2, 0x18, 0x2b)},
            {8, Tr::tr("H  Decline: out-migration exceeds natural increase"), QColor(0xf4, 0xa5, 0x82)},
        };
    }
    return {};
}

QString categoryLabel(const IndicatorInfo &indicator, double value)
{
    for (const Category &c : categoriesOf(indicator))
        if (c.code == value)
            return c.label;
    return {};
}

QString shownValue(const IndicatorInfo &indicator, double value)
{
    return isCategorical(indicator) ? categoryLabel(indicator, value) : formatShown(value, indicator.unit);
}

namespace {
/// The clusters of clustersOf(indicator) over the units of `level` (local Moran's I, localMoran()): the
/// value is the category (1 high–high … 0 not significant); a unit without the measure, or without a
/// neighbour that has it, has none and says why; the global I is the column's statistic.
Column clustersColumn(const IndicatorContext &context, Level level, const IndicatorInfo &indicator, int year, std::optional<int> from)
{
    Column column = computeColumn(context, level, findIndicator(*context.store, clustersOf(indicator)).value(), year, from);
    column.indicator = indicator;
    const BoundaryLayer *layer = level == Level::Province ? context.provinceLayer : level == Level::Prefecture ? context.prefectureLayer : nullptr;
    if (!layer || layer->features().empty() || !context.contiguity) {
        for (ColumnEntry &e : column.entries) {
            e.value.reset();
            e.note = Tr::tr("clusters need the boundaries of provinces or prefecture-level units");
        }
        return column;
    }
    const QHash<QString, QStringList> &neighbours = context.contiguity->neighbours(level, *layer);
    std::vector<std::optional<double>> values;
    std::vector<std::vector<int>> links;
    for (const ColumnEntry &e : column.entries) {
        values.push_back(e.value);
        std::vector<int> own;
        for (const QString &code : neighbours.value(e.region->code))
            if (const auto it = column.index.constFind(code); it != column.index.cend())
                own.push_back(it.value());
        links.push_back(std::move(own));
    }
    const MoranResult moran = localMoran(values, links, context.clusterSignificance);
    for (size_t i = 0; i < column.entries.size(); ++i) {
        ColumnEntry &e = column.entries[i];
        switch (moran.cluster[i]) {
        case Cluster::HighHigh: e.value = 1; break;
        case Cluster::LowLow: e.value = 2; break;
        case Cluster::LowHigh: e.value = 3; break;
        case Cluster::HighLow: e.value = 4; break;
        case Cluster::None: e.value = 0; break;
        case Cluster::NoNeighbour:
            e.value = 5;
            e.note = Tr::tr("no neighbour with a value (an island, or its neighbours have no data)");
            break;
        case Cluster::NoData: e.value.reset(); break;
        }
    }
    if (moran.units > 0)
        column.statistic = Tr::tr("Global Moran's I %1 (p = %2); clusters at p ≤ %3")
                               .arg(QString::number(moran.global, 'f', 3), QString::number(moran.globalP, 'g', 2),
                                    QString::number(context.clusterSignificance, 'g', 2));
    rankAndIndex(column);
    return column;
}
} // namespace

Column computeColumn(const IndicatorContext &context, Level level, const IndicatorInfo &indicator, int year,
                     std::optional<int> from)
{
    if (!clustersOf(indicator).isEmpty())
        return clustersColumn(context, level, indicator, year, from);
    Column column;
    column.indicator = indicator;
    column.level = level;
    column.year = year;
    if (indicator.spansYears)
        column.from = from.value_or(year - 1);
    const Engine engine(context);
    const IndicatorInfo ends = endsIndicator(*context.store, indicator);
    for (const Region *r : context.regions->ofLevel(level)) {
        Cell cell = indicator.spansYears && *column.from >= year
                        ? Cell::missing(QStringLiteral("the start year must come before the end year"))
                        : engine.compute(*r, indicator, year, column.from.value_or(year));
        ColumnEntry e;
        e.region = r;
        if (indicator.spansYears && indicator.changeOf.isEmpty()) {
            const auto [a, b] = engine.ends(*r, *column.from, year);
            e.startKind = kindsOf(a);
            e.endKind = kindsOf(b);
        } else if (indicator.spansYears) {
            e.startKind = kindsOf(engine.compute(*r, ends, *column.from, *column.from));
            e.endKind = kindsOf(engine.compute(*r, ends, year, year));
        } else {
            e.endKind = kindsOf(cell);
        }
        // Census counts (at both ends of a change) are not the annual estimates whose series breaks notes.csv gives.
        const bool censusOnly = e.endKind == u"census" && (!indicator.spansYears || e.startKind == u"census");
        attachNotes(context, *r, indicator, year, column.from.value_or(year), cell, censusOnly);
        e.value = cell.value;
        if (cell.value) {
            e.source = cell.sources.join(u';');
        }
        e.flag = cell.flags.join(u';');
        e.note = cell.notes.join(QStringLiteral(" | "));
        column.entries.push_back(e);
    }
    rankAndIndex(column);
    return column;
}

void keepUnits(Column &column, const QSet<QString> &codes)
{
    std::erase_if(column.entries, [&](const ColumnEntry &e) { return !codes.contains(e.region->code); });
    rankAndIndex(column);
}

std::vector<Observation> unitSeries(const IndicatorContext &context, const Region &unit, const QString &indicator)
{
    if (unit.level == Level::Province || unit.level == Level::Prefecture)
        return context.store->series(unit.code, indicator);
    std::vector<Observation> out;
    const Engine engine(context);
    for (int year : context.store->years(indicator)) {
        const Cell c = engine.stock(unit, indicator, year);
        if (!c.value)
            continue;
        Observation o;
        o.code = unit.code;
        o.year = year;
        o.indicator = indicator;
        o.value = *c.value;
        o.unit = context.store->unitOf(indicator);
        o.source = c.sources.join(u';');
        o.flag = c.flags.join(u';');
        out.push_back(o);
    }
    return out;
}

std::vector<ChangeComponents> componentsOfChange(const IndicatorContext &context, const Region &unit)
{
    std::vector<ChangeComponents> out;
    const Engine engine(context);
    IndicatorInfo change;
    change.name = QStringLiteral("change");
    change.spansYears = true;
    change.baseIndicator = kResident;
    IndicatorInfo migration = change;
    migration.name = QStringLiteral("net_migration");
    IndicatorInfo naturalIncrease = change;
    naturalIncrease.name = QStringLiteral("natural_increase");
    std::set<int> years;
    for (const Observation &o : unitSeries(context, unit, kResident))
        years.insert(o.year);
    for (const int year : years) {
        if (!years.contains(year - 1))
            continue;
        Cell total = engine.compute(unit, change, year, year - 1);
        if (!total.value)
            continue;
        const Cell natural = engine.compute(unit, naturalIncrease, year, year - 1);
        ChangeComponents c;
        c.year = year;
        c.change = *total.value;
        if (natural.value) {
            c.naturalIncrease = natural.value;
            c.netMigration = *total.value - *natural.value;
        } else {
            c.why = natural.notes.value(0);
        }
        total.absorb(natural);
        c.source = total.sources.join(u';');
        // Only the notes of notes.csv (not how the cells were made): a break, the vital rates' caveats.
        Cell noted;
        noted.value = total.value;
        noted.fromBundle = total.fromBundle;
        attachNotes(context, unit, migration, year, year - 1, noted);
        c.seriesBreak = noted.flags.contains(u"series_break");
        c.notes = noted.notes;
        out.push_back(std::move(c));
    }
    return out;
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

QString Period::label() const
{
    return yearsLabel(from, year);
}

namespace {

bool contains(const std::vector<int> &sorted, int year)
{
    return std::binary_search(sorted.begin(), sorted.end(), year);
}

/// The years of `candidates` in order of distance from `year`, the earlier first on a tie.
std::vector<int> byDistance(std::vector<int> candidates, int year)
{
    std::stable_sort(candidates.begin(), candidates.end(), [year](int a, int b) {
        return std::abs(a - year) != std::abs(b - year) ? std::abs(a - year) < std::abs(b - year) : a < b;
    });
    return candidates;
}

} // namespace

Period resolvePeriod(const IndicatorContext &context, Level level, const IndicatorInfo &indicator,
                     std::optional<int> year, std::optional<int> from, const YearsOf &yearsOf)
{
    Period p;
    bool noStart = false; // a change with no year with data before its end
    // The years that either end of a change may take: those of the indicator it is the change of.
    const std::vector<int> endYears = yearsOf(level, endsIndicator(*context.store, indicator));
    const std::vector<int> years = yearsOf(level, indicator);
    p.year = year.value_or(years.empty() ? (endYears.empty() ? 0 : endYears.back()) : years.back());
    if (!indicator.spansYears) {
        p.hasData = contains(years, p.year);
        if (!p.hasData) {
            const auto near = byDistance(years, p.year);
            if (!near.empty())
                p.nearestYear = near.front();
        }
    } else {
        if (from && *from > p.year) {
            p.notes << Tr::tr("The start year %1 came after the end year %2: the years are swapped.").arg(*from).arg(p.year);
            std::swap(*from, p.year);
        }
        if (!from || *from == p.year) {
            const auto it = std::lower_bound(endYears.begin(), endYears.end(), p.year);
            noStart = it == endYears.begin();
            from = noStart ? p.year - 1 : *std::prev(it);
        }
        p.from = from;
        const auto valuesFor = [&](int f, int y) {
            return !computeColumn(context, level, indicator, y, f).values().empty();
        };
        p.hasData = contains(endYears, *p.from) && contains(endYears, p.year) && valuesFor(*p.from, p.year);
        if (!p.hasData) {
            // The nearest pair with data: the end nearest the asked end (of the years in which a change from the
            // previous year has data), then the start nearest the asked start.
            for (int y : byDistance(years, p.year)) {
                for (int f : byDistance(endYears, *p.from)) {
                    if (f < y && valuesFor(f, y)) {
                        p.nearestYear = y;
                        p.nearestFrom = f;
                        break;
                    }
                }
                if (p.nearestYear)
                    break;
            }
        }
    }
    if (!p.hasData) {
        const bool china = level == Level::Country;
        QString line = noStart ? (china ? Tr::tr("China has no data before %1: a change to %1 has no start.").arg(p.year)
                                        : Tr::tr("No %1 have data before %2: a change to %2 has no start.").arg(levelLabel(level)).arg(p.year))
                               : (china ? Tr::tr("China has no data for %1.").arg(p.label())
                                        : Tr::tr("No %1 have data for %2.").arg(levelLabel(level), p.label()));
        if (years.empty()) {
            // No year at all: say why, as the units' notes do ("no birth and death rates for prefecture-level units").
            const Column c = computeColumn(context, level, indicator, p.year, p.from);
            const QString why = c.entries.empty() ? QString() : c.entries.front().note.section(QStringLiteral(" | "), 0, 0);
            line = Tr::tr("No %1 have data of %2 in any year%3.")
                       .arg(levelLabel(level), indicator.name, why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why));
        }
        if (p.nearestYear) {
            const QString nearest = yearsLabel(p.nearestFrom, *p.nearestYear);
            line += u' ' + (p.nearestFrom ? Tr::tr("Nearest years with data: %1.") : Tr::tr("Nearest year with data: %1.")).arg(nearest);
        }
        p.notes << line;
    }
    return p;
}

namespace {

/// "year-end estimates", or for a mix the kind most units have and the others named: "year-end estimates;
/// census counts of 1 November for Qinghai, Ningxia, Xinjiang".
QString describeKinds(const std::map<QString, QStringList> &units)
{
    const auto words = [](const QString &kind) {
        return kind == u"census" ? Tr::tr("census counts of 1 November") : Tr::tr("year-end estimates");
    };
    if (units.size() == 1)
        return words(units.begin()->first);
    const QStringList &census = units.at(QStringLiteral("census"));
    const QStringList &estimate = units.at(QStringLiteral("estimate"));
    const bool censusFewer = census.size() < estimate.size();
    const QStringList &fewer = censusFewer ? census : estimate;
    const QString who = fewer.size() <= 6 ? fewer.join(QStringLiteral(", ")) : Tr::tr("%1 units").arg(fewer.size());
    return Tr::tr("%1; %2 for %3").arg(words(censusFewer ? QStringLiteral("estimate") : QStringLiteral("census")),
                                   words(censusFewer ? QStringLiteral("census") : QStringLiteral("estimate")), who);
}

} // namespace

QString netMigrationCaveat()
{
    return Tr::tr("Net migration is a residual: the change minus natural increase, computed from first-published birth and "
                  "death rates; it is an approximation, and not migration at all across a series break.");
}

QStringList caveats(const IndicatorContext &context, const Column &column, const QSet<QString> &shown)
{
    QStringList out;
    std::map<QString, QStringList> startKinds, endKinds; // kind → units
    QSet<QString> attached;
    for (const ColumnEntry &e : column.entries) {
        if (!e.value || (!shown.isEmpty() && !shown.contains(e.region->code)))
            continue;
        // A unit of both kinds (a sum of census counts and estimates) counts under each.
        for (const QString &k : e.startKind.split(u';', Qt::SkipEmptyParts))
            startKinds[k] << unitName(*e.region);
        for (const QString &k : e.endKind.split(u';', Qt::SkipEmptyParts))
            endKinds[k] << unitName(*e.region);
        for (const QString &n : e.note.split(QStringLiteral(" | ")))
            attached.insert(n);
    }
    // Census counts (1 November) against year-end estimates (31 December), at one end or between the two.
    const auto kindsOnly = [](const std::map<QString, QStringList> &m) {
        std::set<QString> k;
        for (const auto &[kind, units] : m)
            k.insert(kind);
        return k;
    };
    // The kind of value is always said: which years, which kind.
    if (column.from && !startKinds.empty() && !endKinds.empty()
        && (kindsOnly(startKinds) != kindsOnly(endKinds) || startKinds.size() > 1 || endKinds.size() > 1))
        out << Tr::tr("%1: %2. %3: %4.").arg(*column.from).arg(describeKinds(startKinds)).arg(column.year).arg(describeKinds(endKinds));
    else if (column.from && !endKinds.empty())
        out << Tr::tr("%1 and %2: %3.").arg(*column.from).arg(column.year).arg(describeKinds(endKinds));
    else if (!endKinds.empty())
        out << Tr::tr("%1: %2.").arg(column.year).arg(describeKinds(endKinds));
    if (column.level == Level::Region || column.level == Level::Country)
        out << Tr::tr("Each is the sum of its provinces (31 mainland provinces; not the published national total).");
    // The notes of notes.csv on the basis of a whole level (not one unit's: those stay with the unit), by their
    // first sentence.
    if (context.notes) {
        for (const Note &n : context.notes->all()) {
            if (!n.code.startsWith(u'*') || !attached.contains(n.text()))
                continue;
            QString first = n.text();
            if (const auto stop = first.indexOf(QStringLiteral(". ")); stop > 0)
                first = first.left(stop + 1);
            else if (const auto full = first.indexOf(u'。'); full > 0)
                first = first.left(full + 1);
            if (n.kind == u"series_break" && n.year && column.from) {
                // A break matters to a change across it (attachNotes() gives natural increase none).
                out << Tr::tr("Series break in %1: %2 Part of a change across it is a revision, not migration.").arg(*n.year).arg(first);
            } else if (n.kind == u"series_break" && n.year && *n.year > column.year) {
                out << first; // the basis of the values before the next break
            } else if (n.kind == u"vintage" || n.kind == u"census" || n.kind == u"boundary") {
                out << first;
            }
        }
    }
    const QString &name = column.indicator.name;
    if (name.startsWith(u"natural_increase"))
        out << Tr::tr("Natural increase is computed from first-published birth and death rates, not revised after the 2020 census; "
                  "net migration (the change minus natural increase) is a residual of them.");
    else if (name.startsWith(u"net_migration") || name == u"migration_type")
        out << netMigrationCaveat();
    out.removeDuplicates();
    return out;
}

} // namespace renkou::core
