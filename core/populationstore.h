#pragma once
#include "result.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace renkou::core {

/// One row of a population/*.csv table (the bundle's long schema).
struct Observation {
    QString code;
    int year = 0;
    QString indicator; ///< resident_population, birth_rate, ...
    double value = 0;  ///< always a real value: a missing number has no Observation
    QString unit;      ///< persons, %, ‰, ...
    QString source;    ///< id in sources.csv
    QString flag;      ///< census (count on 1 November) or estimate (year-end)
    QString file;      ///< the table it was read from
    int line = 0;
};

/// Every observation loaded, indexed by (code, indicator). Missing is missing: a lookup without a row
/// gives std::nullopt, never 0.
class PopulationStore {
public:
    /// The columns every table must have.
    static const QStringList &columns();

    /// Reads one table and adds its rows. The file is checked whole first: on error nothing is added.
    Status addFile(const QString &path);

    /// The value shown for (code, year, indicator): the year-end estimate if there is one, else the census
    /// count. Among rows with the same flag the one loaded first wins.
    std::optional<Observation> value(const QString &code, int year, const QString &indicator) const;
    /// Every row for (code, year, indicator), estimates first.
    std::vector<Observation> observations(const QString &code, int year, const QString &indicator) const;
    /// One observation per year that has data (chosen as in value()), by year.
    std::vector<Observation> series(const QString &code, const QString &indicator) const;
    /// Indicators present, sorted.
    QStringList indicators() const;
    /// The unit the indicator's rows carry, or empty if the indicator is unknown.
    QString unitOf(const QString &indicator) const;
    /// Years with at least one row of the indicator, ascending.
    std::vector<int> years(const QString &indicator) const;
    int size() const { return int(m_rows.size()); }
    const QStringList &files() const { return m_files; }

private:
    std::vector<Observation> m_rows;
    QHash<QString, std::vector<int>> m_index; ///< key code + '|' + indicator → rows sorted by year, estimate first
    QHash<QString, QString> m_units;           ///< indicator → unit
    QStringList m_files;
};

} // namespace renkou::core
