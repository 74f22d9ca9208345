#include "indicators.h"

#include <QCoreApplication>

namespace renkou::core {

const ColumnEntry *Column::find(const QString &code) const
{
    for (const ColumnEntry &e : entries) {
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
    std::vector<IndicatorInfo> out;
    out.push_back({QStringLiteral("population"), QStringLiteral("resident_population"), QStringLiteral("persons"),
                   QCoreApplication::translate("Indicators", "Resident population (常住人口)")});
    for (const QString &name : store.indicators()) {
        if (name != u"resident_population")
            out.push_back({name, name, store.unitOf(name),
                           QCoreApplication::translate("Indicators", "As published in the data tables")});
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

std::optional<int> latestYear(const PopulationStore &store, const RegionTable &regions, Level level,
                              const IndicatorInfo &indicator)
{
    std::optional<int> latest;
    for (const Region *r : regions.ofLevel(level)) {
        const auto series = store.series(r->code, indicator.storeIndicator);
        if (!series.empty() && (!latest || series.back().year > *latest))
            latest = series.back().year;
    }
    return latest;
}

Column computeColumn(const PopulationStore &store, const RegionTable &regions, Level level,
                     const IndicatorInfo &indicator, int year)
{
    Column column;
    column.indicator = indicator;
    column.level = level;
    column.year = year;
    for (const Region *r : regions.ofLevel(level)) {
        ColumnEntry entry;
        entry.region = r;
        if (const auto o = store.value(r->code, year, indicator.storeIndicator)) {
            entry.value = o->value;
            entry.source = o->source;
            entry.flag = o->flag;
        }
        column.entries.push_back(entry);
    }
    return column;
}

} // namespace renkou::core
