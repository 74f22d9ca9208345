#pragma once
#include "result.h"
#include "stringpool.h"

#include <QHash>
#include <QSet>
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

/// An observation as stored: the texts as numbers of a StringPool. 40 bytes a row.
struct ObservationRow {
    double value = 0;
    int line = 0;
    int year = 0;
    int code = 0;      ///< the pool's numbers of the texts of Observation
    int indicator = 0;
    int unit = 0;
    int source = 0;
    int flag = 0;
    int file = 0;      ///< PopulationStore::files() index (0 in a ParsedTable)
};

/// The layouts a population table can have.
enum class TableLayout { Long, Wide };

/// What the numbers of a table in the wide layout (`code,name,2000,2001,…`, as spreadsheets write it) are:
/// the layout has one indicator and unit, which the user names.
struct WideTableSpec {
    QString indicator;  ///< empty: from the file's title (指标：年末常住人口 → resident_population)
    QString unit;       ///< empty: from the file's title or a comment; 万人, 千人, 亿人 … become persons
    QString source;                               ///< empty: the file's name
    QString flag = QStringLiteral("estimate");    ///< estimate or census
    QString keyColumn = {}; ///< the column of codes or names; empty: the one whose values name the most units
};

class RegionMatcher;
class CsvTable;

/// What a table is, from a first look: its layout, what its title says its numbers are (indicator and unit,
/// empty when it does not say), and how it was read.
struct TableShape {
    TableLayout layout = TableLayout::Long;
    WideTableSpec said;
    QString encoding;
    QStringList keyColumns; ///< a wide table's columns that are not years (one of them names the units)
};

/// How to read a user's table.
struct TableReadOptions {
    std::optional<WideTableSpec> wide; ///< the wide layout, and what its numbers are; none: the long layout
    QString encoding;                  ///< empty: detected (CsvTable::decode)
    const RegionMatcher *matcher = nullptr; ///< finds a wide table's key column; may be null
    QString sheet = {};                ///< of a workbook (.xlsx, .xls, .ods); empty: the first
};


/// What adding a table did, for the user's report.
struct TableLoadReport {
    QString path;
    TableLayout layout = TableLayout::Long;
    int rows = 0;            ///< observations added
    int noDataCells = 0;     ///< empty or "NA"/"-"/".." cells of a wide table, left as no data
    int shadowed = 0;        ///< rows whose key and flag a user's table loaded before has: the earlier value stays shown
    int replaces = 0;        ///< rows whose key and flag the bundle has: this table's value is shown, the bundle's kept
    QStringList indicators;  ///< indicators the table has, sorted
    QStringList codes;       ///< codes the table has, sorted
    QStringList sources;     ///< source ids the table names, sorted
    int firstYear = 0;
    int lastYear = 0;
};

/// A table read and checked row by row, not yet added to a store (PopulationStore::readTable). Safe to make
/// on any thread.
struct ParsedTable {
    QString path;
    TableLayout layout = TableLayout::Long;
    StringPool strings;               ///< the texts the rows name
    std::vector<ObservationRow> rows; ///< `code` is still the file's key (a code or name in any form)
    int noDataCells = 0; ///< empty or "NA"/"-"/".." cells of a wide table
    QString encoding;    ///< as read ("UTF-8", "GB18030 (GBK)" …)
    QStringList notes;   ///< how it was read: the key column, unit conversions
    bool user = false;   ///< a user's own table (not the bundle's): the bundle's notes do not apply to it

    /// Row `i` with its texts.
    Observation observation(size_t i) const;
};

/// Every observation loaded, indexed by (code, indicator). Missing is missing: a lookup without a row
/// gives std::nullopt, never 0.
class PopulationStore {
public:
    /// The columns every table must have.
    static const QStringList &columns();

    /// The layout of the table at `path`, from its header: Long (the columns above), or Wide (`code` and
    /// year columns such as `2000`). An error names the file and what its header lacks.
    static Result<TableLayout> detectLayout(const QString &path, const QString &encoding = {}, const QString &sheet = {});
    /// The layout and what the file says of its numbers (to prefill a dialog); errors as detectLayout().
    static Result<TableShape> inspect(const QString &path, const QString &encoding = {}, const QString &sheet = {});

    /// Reads one table in the long layout and adds its rows. The file is checked whole first: on error
    /// nothing is added. A file already loaded is refused.
    Result<TableLoadReport> addFile(const QString &path);
    /// Reads one table in the wide layout: a row per unit, a column per year; an empty (or NA, -, ..) cell
    /// is no data. Checked whole first like addFile().
    Result<TableLoadReport> addWideFile(const QString &path, const WideTableSpec &spec);
    /// Reads a table without adding it: the long layout, or with `wide` the wide layout (as addFile() and
    /// addWideFile() do). Pure: may run on any thread. Errors name the file, the line and the problem.
    static Result<ParsedTable> readTable(const QString &path, const TableReadOptions &options);
    /// Checks a read table against itself and the rows loaded, then adds it whole, or nothing.
    Result<TableLoadReport> add(ParsedTable table);

    /// The value shown for (code, year, indicator): the year-end estimate if there is one, else the census
    /// count. Among rows with the same flag a user's table comes before the bundle's (the user loaded it to see
    /// it), and among tables of the same kind the one loaded first.
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
    /// Every code with at least one row.
    QSet<QString> codes() const;
    /// True if `file` was added as a user's table (ParsedTable::user).
    bool isUserFile(const QString &file) const
    {
        const qsizetype i = m_files.indexOf(file);
        return i >= 0 && m_fileIsUser[size_t(i)];
    }
    /// True if every row of `indicator` comes from users' tables.
    bool isUserIndicator(const QString &indicator) const { return m_units.contains(indicator) && !m_bundleIndicators.contains(indicator); }

private:
    static Result<ParsedTable> readWide(const QString &path, const WideTableSpec &spec, const TableReadOptions &options);
    static Result<TableLayout> layoutOf(const CsvTable &csv);
    /// The indicator and unit a table's title or comments give (指标：年末常住人口(万人); # … 10000 persons).
    static WideTableSpec fileSays(const CsvTable &csv);

    /// Row `row` with its texts.
    Observation observation(int row) const;
    /// The rows of (code, indicator), sorted by year, estimates first; null if there are none.
    const std::vector<int> *rowsOf(const QString &code, const QString &indicator) const;
    static quint64 indexKey(int code, int indicator) { return quint64(quint32(code)) << 32 | quint32(indicator); }

    StringPool m_strings;
    std::vector<ObservationRow> m_rows;
    QHash<quint64, std::vector<int>> m_index; ///< indexKey(code, indicator) → rows sorted by year, estimate first
    QHash<QString, QString> m_units;           ///< indicator → unit
    std::vector<bool> m_fileIsUser;            ///< by files() index
    QSet<QString> m_loaded;                    ///< canonical path + '\n' + "sheet 'name'" of each table added
    QSet<QString> m_bundleIndicators;          ///< indicators with rows from the bundle's own tables
    QStringList m_files;
};

} // namespace renkou::core
