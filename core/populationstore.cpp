#include "populationstore.h"

#include "csvreader.h"
#include "numbers.h"
#include "regionmatcher.h"

#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <set>

namespace renkou::core {

namespace {

QString key(const QString &code, const QString &indicator)
{
    return code + u'|' + indicator;
}

int flagRank(const QString &flag)
{
    return flag == u"estimate" ? 0 : 1;
}

} // namespace

const QStringList &PopulationStore::columns()
{
    static const QStringList c = {QStringLiteral("code"),  QStringLiteral("year"),   QStringLiteral("indicator"),
                                  QStringLiteral("value"), QStringLiteral("unit"),   QStringLiteral("source"),
                                  QStringLiteral("flag")};
    return c;
}

namespace {

Error rowError(const QString &path, int line, const QString &message, const QString &column = {})
{
    const QString where = column.isEmpty() ? QStringLiteral("line %1").arg(line)
                                           : QStringLiteral("line %1, column %2").arg(line).arg(column);
    return Error{Error::Code::Value, path, where, message};
}

std::optional<int> parseYear(const QString &text)
{
    bool ok = false;
    const int year = text.toInt(&ok);
    if (!ok || year < 1900 || year > 2100)
        return std::nullopt;
    return year;
}


/// A year column of a wide table: "2020" or "2020年".
std::optional<int> yearColumn(const QString &header)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})年?$"));
    const auto m = pattern.match(header.trimmed());
    return m.hasMatch() ? parseYear(m.captured(1)) : std::nullopt;
}

/// "values in 万人 converted to persons (× 10,000)", for the report.
QString conversionNote(const QString &unit, double factor)
{
    return QStringLiteral("values in %1 converted to persons (× %2)").arg(unit, QLocale(QLocale::English).toString(factor, 'f', 0));
}

/// More persons than this is not a count of anyone's population.
constexpr double kMaxPersons = 1e10;

} // namespace

WideTableSpec PopulationStore::fileSays(const CsvTable &csv)
{
    WideTableSpec said;
    for (const QString &line : csv.preamble()) {
        static const QRegularExpression title(QStringLiteral("^(?:指标|indicator)\\s*[:：]\\s*(.+)$"), QRegularExpression::CaseInsensitiveOption);
        if (const auto m = title.match(line); m.hasMatch() && said.indicator.isEmpty()) {
            const QString term = m.captured(1).trimmed();
            said.indicator = indicatorForTerm(term);
            if (said.indicator.isEmpty())
                said.indicator = withoutUnit(term);
        }
        if (said.unit.isEmpty())
            said.unit = personsUnitIn(line);
    }
    return said;
}

Result<TableShape> PopulationStore::inspect(const QString &path, const QString &encoding, const QString &sheet)
{
    auto csv = CsvTable::read(path, {}, encoding, sheet);
    if (!csv)
        return csv.error();
    auto layout = layoutOf(csv.value());
    if (!layout)
        return layout.error();
    return TableShape{layout.value(), fileSays(csv.value()), csv->encoding()};
}

Result<TableLayout> PopulationStore::detectLayout(const QString &path, const QString &encoding, const QString &sheet)
{
    auto shape = inspect(path, encoding, sheet);
    if (!shape)
        return shape.error();
    return shape->layout;
}

Result<TableLayout> PopulationStore::layoutOf(const CsvTable &table)
{
    const QString &path = table.path();
    QStringList missing;
    for (const QString &c : columns()) {
        if (table.column(c) < 0)
            missing << c;
    }
    if (missing.isEmpty())
        return TableLayout::Long;
    const bool hasYearColumn = std::any_of(table.header().begin(), table.header().end(),
                                           [](const QString &h) { return yearColumn(h).has_value(); });
    const bool hasOtherColumn = std::any_of(table.header().begin(), table.header().end(),
                                            [](const QString &h) { return !yearColumn(h).has_value(); });
    if (hasOtherColumn && hasYearColumn)
        return TableLayout::Wide;
    return Error{Error::Code::Schema, path, QStringLiteral("line %1").arg(table.headerLine()),
                 QStringLiteral("the header is neither the long layout (%1; missing: %2) nor the wide layout "
                                "(a column of codes or names and a column per year such as 2020)")
                     .arg(columns().join(u','), missing.join(QStringLiteral(", ")))};
}

Result<TableLoadReport> PopulationStore::addFile(const QString &path)
{
    auto table = readTable(path, {});
    if (!table)
        return table.error();
    return add(std::move(table).value());
}

Result<TableLoadReport> PopulationStore::addWideFile(const QString &path, const WideTableSpec &spec)
{
    auto table = readTable(path, TableReadOptions{spec, {}, nullptr});
    if (!table)
        return table.error();
    return add(std::move(table).value());
}

Result<ParsedTable> PopulationStore::readTable(const QString &path, const TableReadOptions &options)
{
    if (options.wide)
        return readWide(path, *options.wide, options);
    auto csv = CsvTable::read(path, columns(), options.encoding, options.sheet);
    if (!csv)
        return csv.error();
    const std::vector<int> col = csv->columns(columns());

    ParsedTable out{path, TableLayout::Long, {}, 0, csv->encoding(), {}};
    std::vector<Observation> &rows = out.rows;
    std::vector<CsvRow> records = csv->takeRows();
    rows.reserve(records.size());
    QSet<QString> converted;
    // Codes, indicators, units, sources and flags recur on every row: one shared copy of each (QString is
    // implicitly shared), and each unit's factor to persons found once.
    QSet<QString> pool;
    const auto interned = [&pool](const QString &s) { return *pool.insert(s); };
    QHash<QString, std::optional<double>> factors;
    for (CsvRow &row : records) {
        auto field = [&](int i) { return row.fields.at(col[i]).trimmed(); };
        Observation o;
        o.file = path;
        o.line = row.line;
        o.code = interned(field(0));
        const auto year = parseYear(field(1));
        if (!year)
            return rowError(path, row.line, QStringLiteral("year '%1' is not a year between 1900 and 2100").arg(field(1)));
        o.year = *year;
        o.indicator = interned(field(2));
        const QString valueText = field(3);
        if (valueText.isEmpty())
            return rowError(path, row.line, QStringLiteral("the value is empty (leave the row out when there is no data)"));
        const auto value = parseNumber(valueText);
        if (!value)
            return rowError(path, row.line, QStringLiteral("value '%1' is not a finite number").arg(valueText));
        o.value = *value;
        o.unit = interned(field(4));
        auto factorIt = factors.constFind(o.unit);
        if (factorIt == factors.constEnd())
            factorIt = factors.insert(o.unit, personsFactor(o.unit));
        // Counts in 万人, 千人 … become persons.
        if (const auto factor = *factorIt; factor && o.unit != u"persons") {
            converted.insert(conversionNote(o.unit, *factor));
            o.value *= *factor;
            o.unit = QStringLiteral("persons");
            if (!std::isfinite(o.value))
                return rowError(path, row.line, QStringLiteral("value '%1' %2 is beyond any number of persons").arg(valueText, field(4)));
        }
        o.source = interned(field(5));
        o.flag = interned(field(6));
        rows.push_back(std::move(o));
        row.fields = QStringList(); // freed as it goes
    }
    out.notes << QStringList(converted.begin(), converted.end());
    return out;
}

Result<ParsedTable> PopulationStore::readWide(const QString &path, const WideTableSpec &spec, const TableReadOptions &options)
{
    auto csv = CsvTable::read(path, {}, options.encoding, options.sheet);
    if (!csv)
        return csv.error();
    const QString headerLine = QStringLiteral("line %1").arg(csv->headerLine());
    std::vector<std::pair<int, int>> yearColumns; // column index, year
    QSet<int> seenYears;
    std::vector<int> otherColumns;
    for (int i = 0; i < csv->header().size(); ++i) {
        const auto year = yearColumn(csv->header().at(i));
        if (!year) {
            otherColumns.push_back(i);
            continue;
        }
        if (seenYears.contains(*year))
            return Error{Error::Code::Schema, path, headerLine, QStringLiteral("year %1 has two columns").arg(*year)};
        seenYears.insert(*year);
        yearColumns.push_back({i, *year});
    }
    if (yearColumns.empty())
        return Error{Error::Code::Schema, path, headerLine,
                     QStringLiteral("has no year columns (a column per year such as 2020 or 2020年)")};

    // The key column: the one named, else the one whose values name the most units (codes or names), else
    // `code`.
    int keyColumn = -1;
    if (!spec.keyColumn.isEmpty()) {
        keyColumn = csv->column(spec.keyColumn);
        if (keyColumn < 0)
            return Error{Error::Code::Schema, path, headerLine,
                         QStringLiteral("has no column '%1' (header: %2)").arg(spec.keyColumn, csv->header().join(u','))};
    } else if (options.matcher) {
        int best = 0;
        for (int c : otherColumns) {
            QStringList keys;
            for (const CsvRow &row : csv->rows())
                keys << row.fields.at(c);
            const int n = std::max(options.matcher->matchCount(keys, Level::Province), options.matcher->matchCount(keys, Level::Prefecture));
            if (n > best) {
                best = n;
                keyColumn = c;
            }
        }
    }
    if (keyColumn < 0)
        keyColumn = csv->column(QStringLiteral("code"));
    if (keyColumn < 0)
        return Error{Error::Code::Schema, path, headerLine,
                     QStringLiteral("has no column whose values are division codes or unit names (header: %1)")
                         .arg(csv->header().join(u','))};

    // What the numbers are: as given, else as the file's title says (the NBS export's 指标：年末常住人口(万人)).
    const WideTableSpec said = fileSays(csv.value());
    const QString indicator = spec.indicator.isEmpty() ? said.indicator : spec.indicator;
    const QString unit = spec.unit.isEmpty() ? said.unit : spec.unit;
    if (indicator.isEmpty())
        return Error{Error::Code::Usage, path, {},
                     QStringLiteral("is a wide table that does not say what its numbers are: name the indicator")};
    if (unit.isEmpty())
        return Error{Error::Code::Usage, path, {}, QStringLiteral("is a wide table that does not give its unit: name the unit")};
    const auto factor = personsFactor(unit);
    const double multiply = factor ? *factor : 1.0;
    const QString storedUnit = factor ? QStringLiteral("persons") : unit;
    const QString source = spec.source.isEmpty() ? QFileInfo(path).fileName() : spec.source;

    ParsedTable out{path, TableLayout::Wide, {}, 0, csv->encoding(), {}};
    out.notes << QStringLiteral("key column '%1'; numbers: %2 in %3").arg(csv->header().at(keyColumn), indicator, unit);
    if (factor && *factor != 1)
        out.notes << conversionNote(unit, *factor);
    for (const CsvRow &row : csv->rows()) {
        const QString key = row.fields.at(keyColumn).trimmed();
        for (const auto &[column, year] : yearColumns) {
            const QString text = row.fields.at(column).trimmed();
            if (isNoDataMarker(text)) {
                ++out.noDataCells;
                continue;
            }
            Observation o;
            o.file = path;
            o.line = row.line;
            o.code = key;
            o.year = year;
            o.indicator = indicator;
            const auto value = parseNumber(text);
            if (!value)
                return rowError(path, row.line, QStringLiteral("value '%1' is not a finite number").arg(text),
                                csv->header().at(column));
            o.value = *value * multiply;
            if (!std::isfinite(o.value))
                return rowError(path, row.line, QStringLiteral("value '%1' %2 is beyond any number of persons").arg(text, unit),
                                csv->header().at(column));
            o.unit = storedUnit;
            o.source = source;
            o.flag = spec.flag;
            out.rows.push_back(std::move(o));
        }
    }
    return out;
}

Result<TableLoadReport> PopulationStore::add(ParsedTable table)
{
    const QString &path = table.path;
    std::vector<Observation> &rows = table.rows;
    const QString canonical = QFileInfo(path).canonicalFilePath();
    for (const QString &f : std::as_const(m_files)) {
        if (QFileInfo(f).canonicalFilePath() == canonical)
            return Error{Error::Code::Exists, path, {}, QStringLiteral("is already loaded")};
    }
    if (rows.empty())
        return Error{Error::Code::Value, path, {}, QStringLiteral("has no rows with a value")};

    static const QRegularExpression codePattern(QStringLiteral("^\\d{6}$"));
    TableLoadReport report;
    report.path = path;
    report.layout = table.layout;
    report.noDataCells = table.noDataCells;
    QHash<QString, QString> units = m_units;
    QHash<QString, int> firstLine; // full key → line
    QSet<QString> indicators, codes, sources;
    for (const Observation &o : rows) {
        auto fail = [&](const QString &message) { return rowError(path, o.line, message); };
        if (!codePattern.match(o.code).hasMatch())
            return fail(QStringLiteral("code '%1' is not a six-digit division code").arg(o.code));
        if (o.indicator.isEmpty())
            return fail(QStringLiteral("the indicator is empty"));
        if (o.unit.isEmpty())
            return fail(QStringLiteral("the unit is empty"));
        // A count of residents is never negative; a change in persons (a user's pop_change) may be.
        if (o.unit == u"persons" && o.value < 0 && (o.indicator.endsWith(u"population") || o.indicator.endsWith(u"migrants")))
            return fail(QStringLiteral("a count of persons cannot be negative (%1)").arg(o.value, 0, 'g', 12));
        if (o.unit == u"persons" && o.value > kMaxPersons)
            return fail(QStringLiteral("%1 persons is more than 10 billion: not a population count").arg(o.value, 0, 'g', 6));
        const QString known = units.value(o.indicator);
        if (!known.isEmpty() && known != o.unit)
            return fail(QStringLiteral("indicator %1 has unit '%2' here but '%3' elsewhere").arg(o.indicator, o.unit, known));
        units.insert(o.indicator, o.unit);
        if (o.source.isEmpty())
            return fail(QStringLiteral("the source is empty: every value must name its source"));
        if (o.source.contains(u';'))
            return fail(QStringLiteral("the source '%1' has a ';', which separates sources: write it without").arg(o.source));
        if (o.flag != u"census" && o.flag != u"estimate")
            return fail(QStringLiteral("flag '%1' is not census or estimate").arg(o.flag));
        const QString full = QStringList{o.code, QString::number(o.year), o.indicator, o.flag, o.source}.join(u'|');
        if (const int earlier = firstLine.value(full); earlier > 0)
            return fail(QStringLiteral("repeats line %1 (same code, year, indicator, flag and source)").arg(earlier));
        firstLine.insert(full, o.line);
        const auto already = observations(o.code, o.year, o.indicator);
        if (std::any_of(already.begin(), already.end(), [&](const Observation &a) { return a.flag == o.flag; }))
            ++report.shadowed;
        indicators.insert(o.indicator);
        codes.insert(o.code);
        sources.insert(o.source);
        report.firstYear = report.firstYear ? std::min(report.firstYear, o.year) : o.year;
        report.lastYear = std::max(report.lastYear, o.year);
    }
    report.rows = int(rows.size());
    report.indicators = QStringList(indicators.begin(), indicators.end());
    report.indicators.sort();
    report.codes = QStringList(codes.begin(), codes.end());
    report.codes.sort();
    report.sources = QStringList(sources.begin(), sources.end());
    report.sources.sort();

    // The file is good: merge it.
    std::set<QString> touched;
    for (Observation &o : rows) {
        const QString k = key(o.code, o.indicator);
        m_index[k].push_back(int(m_rows.size()));
        touched.insert(k);
        m_rows.push_back(std::move(o));
    }
    for (const QString &k : touched) {
        auto &index = m_index[k];
        std::stable_sort(index.begin(), index.end(), [this](int a, int b) {
            const Observation &x = m_rows[a];
            const Observation &y = m_rows[b];
            return x.year != y.year ? x.year < y.year : flagRank(x.flag) < flagRank(y.flag);
        });
    }
    m_units = units;
    m_files << path;
    if (table.user)
        m_userFiles.insert(path);
    else
        m_bundleIndicators.unite(QSet<QString>(report.indicators.begin(), report.indicators.end()));
    return report;
}

QSet<QString> PopulationStore::codes() const
{
    QSet<QString> out;
    for (auto it = m_index.constBegin(); it != m_index.constEnd(); ++it)
        out.insert(m_rows[it->front()].code);
    return out;
}

std::vector<Observation> PopulationStore::observations(const QString &code, int year, const QString &indicator) const
{
    std::vector<Observation> out;
    const auto it = m_index.constFind(key(code, indicator));
    if (it == m_index.constEnd())
        return out;
    for (int i : *it) {
        if (m_rows[i].year == year)
            out.push_back(m_rows[i]);
    }
    return out;
}

std::optional<Observation> PopulationStore::value(const QString &code, int year, const QString &indicator) const
{
    const auto it = m_index.constFind(key(code, indicator));
    if (it == m_index.constEnd())
        return std::nullopt;
    const auto pos = std::lower_bound(it->begin(), it->end(), year,
                                      [this](int row, int y) { return m_rows[row].year < y; });
    if (pos == it->end() || m_rows[*pos].year != year)
        return std::nullopt;
    return m_rows[*pos];
}

std::vector<Observation> PopulationStore::series(const QString &code, const QString &indicator) const
{
    std::vector<Observation> out;
    const auto it = m_index.constFind(key(code, indicator));
    if (it == m_index.constEnd())
        return out;
    for (int i : *it) {
        if (out.empty() || out.back().year != m_rows[i].year)
            out.push_back(m_rows[i]);
    }
    return out;
}

QStringList PopulationStore::indicators() const
{
    QStringList out = m_units.keys();
    out.sort();
    return out;
}

QString PopulationStore::unitOf(const QString &indicator) const
{
    return m_units.value(indicator);
}

std::vector<int> PopulationStore::years(const QString &indicator) const
{
    std::set<int> ys;
    for (const Observation &o : m_rows) {
        if (o.indicator == indicator)
            ys.insert(o.year);
    }
    return {ys.begin(), ys.end()};
}

} // namespace renkou::core
