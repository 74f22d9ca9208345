#include "populationstore.h"

#include "csvreader.h"
#include "numbers.h"
#include "regionmatcher.h"

#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <tuple>
#include <set>

namespace renkou::core {

const QStringList &PopulationStore::columns()
{
    static const QStringList c = {QStringLiteral("code"),  QStringLiteral("year"),   QStringLiteral("indicator"),
                                  QStringLiteral("value"), QStringLiteral("unit"),   QStringLiteral("source"),
                                  QStringLiteral("flag")};
    return c;
}

namespace {

/// An error at a row: "line N" of a text file, "sheet 'X', row N" of a workbook (`readAs`: how the table was
/// read, CsvTable::encoding()), with the column when given.
Error rowError(const QString &path, const QString &readAs, int line, const QString &message, const QString &column = {})
{
    QString where = readAs.startsWith(u"sheet ") ? QStringLiteral("%1, row %2").arg(readAs).arg(line) : QStringLiteral("line %1").arg(line);
    if (!column.isEmpty())
        where += QStringLiteral(", column %1").arg(column);
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


/// A year column of a wide table: a header with one year (1900–2099) and no other digit, in any width:
/// "2020", "2020年", "２０２０年", "2020年(万人)", "2020年末常住人口数（人）", "Population 2024", "pop_2024", "Y2024".
const QRegularExpression &yearHeader()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\D*?)((?:19|20)\\d\\d)(?!\\d)\\s*年?(\\D*)$"));
    return pattern;
}

std::optional<int> yearColumn(const QString &header)
{
    const auto m = yearHeader().match(header.normalized(QString::NormalizationForm_KC).trimmed());
    return m.hasMatch() ? parseYear(m.captured(2)) : std::nullopt;
}

/// What a year column's header says beside its year: "(万人)" of "2024年(万人)", "常住人口(万人)" of
/// "2024年常住人口(万人)", "Population" of "Population 2024".
QString afterYear(const QString &header)
{
    const auto m = yearHeader().match(header.normalized(QString::NormalizationForm_KC).trimmed());
    return (m.captured(1) + u' ' + m.captured(3)).trimmed();
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
    // Else the year columns' headers may say it: 2024年常住人口(万人).
    for (const QString &h : csv.header()) {
        if (!yearColumn(h))
            continue;
        const QString rest = afterYear(h);
        if (said.unit.isEmpty())
            said.unit = personsUnitIn(rest);
        QString term = withoutUnit(rest);
        if (term.startsWith(u'末'))
            term = QStringLiteral("年") + term;
        if (said.indicator.isEmpty())
            said.indicator = indicatorForTerm(term);
    }
    return said;
}

Result<TableShape> PopulationStore::inspect(const QString &path, const QString &encoding, const QString &sheet)
{
    // The header and the lines above it say it all.
    auto head = CsvTable::head(path, encoding, sheet);
    if (!head)
        return head.error();
    auto layout = layoutOf(head.value());
    if (!layout)
        return layout.error();
    QStringList keyColumns;
    for (const QString &h : head->header())
        if (!yearColumn(h) && !h.isEmpty())
            keyColumns << h;
    return TableShape{layout.value(), fileSays(head.value()), head->encoding(), keyColumns};
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
    ParsedTable out;
    out.path = path;
    out.layout = TableLayout::Long;
    StringPool &strings = out.strings;
    std::vector<int> col;
    QSet<QString> converted;
    QHash<int, std::optional<double>> factors; // unit → its factor to persons, found once
    const int persons = strings.id(QStringLiteral("persons"));
    QString readAs;
    // The text of each column's last row and its number: codes, units, sources and flags mostly repeat the
    // row above, found without a lookup.
    struct Last {
        QByteArray bytes;
        int id = -1;
    };
    std::array<Last, 7> last;
    auto idOf = [&](const CsvFields &fields, int i) {
        const QByteArrayView f = fields[size_t(col[size_t(i)])];
        Last &l = last[size_t(i)];
        if (l.id < 0 || f != l.bytes) {
            l.bytes.resize(f.size()); // keeps its room: no allocation per row
            std::copy(f.begin(), f.end(), l.bytes.begin());
            l.id = strings.id(f);
        }
        return l.id;
    };
    // Each row is converted as it is split: the file is never held as rows of text.
    const CsvTable::Sink sink{
        [&](const CsvTable &head) -> std::optional<Error> {
            col = head.columns(columns());
            readAs = head.encoding();
            out.rows.reserve(size_t(head.lines()));
            return std::nullopt;
        },
        [&](int line, const CsvFields &fields) -> std::optional<Error> {
            auto text = [&](int i) { return QString::fromUtf8(fields[size_t(col[size_t(i)])]).trimmed(); };
            int year = 0;
            for (const char c : fields[size_t(col[1])].trimmed()) {
                if (c < '0' || c > '9' || year > 2100) {
                    year = 0;
                    break;
                }
                year = year * 10 + (c - '0');
            }
            if (year < 1900 || year > 2100)
                return rowError(path, readAs, line, QStringLiteral("year '%1' is not a year between 1900 and 2100").arg(text(1)));
            ObservationRow o;
            o.line = line;
            o.year = year;
            o.code = idOf(fields, 0);
            o.indicator = idOf(fields, 2);
            const auto value = parseNumber(fields[size_t(col[3])]);
            if (!value) {
                if (text(3).isEmpty())
                    return rowError(path, readAs, line, QStringLiteral("the value is empty (leave the row out when there is no data)"));
                return rowError(path, readAs, line, QStringLiteral("value '%1' is not a finite number").arg(text(3)));
            }
            o.value = *value;
            o.unit = idOf(fields, 4);
            auto factor = factors.constFind(o.unit);
            if (factor == factors.constEnd())
                factor = factors.insert(o.unit, personsFactor(strings.at(o.unit)));
            // Counts in 万人, 千人 … become persons.
            if (*factor && o.unit != persons) {
                converted.insert(conversionNote(strings.at(o.unit), **factor));
                o.value *= **factor;
                if (!std::isfinite(o.value))
                    return rowError(path, readAs, line, QStringLiteral("value '%1' %2 is beyond any number of persons").arg(text(3), text(4)));
                o.unit = persons;
            }
            o.source = idOf(fields, 5);
            o.flag = idOf(fields, 6);
            out.rows.push_back(o);
            return std::nullopt;
        }};
    auto csv = CsvTable::scan(path, columns(), options.encoding, options.sheet, sink);
    if (!csv)
        return csv.error();
    out.rows.shrink_to_fit();
    out.encoding = csv->encoding();
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
    QString tieNote;
    if (!spec.keyColumn.isEmpty()) {
        keyColumn = csv->column(spec.keyColumn);
        if (keyColumn < 0)
            return Error{Error::Code::Schema, path, headerLine,
                         QStringLiteral("has no column '%1' (header: %2)").arg(spec.keyColumn, csv->header().join(u','))};
    } else if (options.matcher) {
        int best = 0;
        QStringList tied; // other columns naming as many units
        for (int c : otherColumns) {
            QStringList keys;
            for (const CsvRow &row : csv->rows())
                keys << row.fields.at(c);
            const int n = std::max(options.matcher->matchCount(keys, Level::Province), options.matcher->matchCount(keys, Level::Prefecture));
            if (n > best) {
                best = n;
                keyColumn = c;
                tied.clear();
            } else if (n == best && n > 0) {
                tied << csv->header().at(c);
            }
        }
        if (!tied.isEmpty())
            tieNote = QStringLiteral("'%1' names as many units as the key column: name the key column if it is that one")
                          .arg(tied.join(QStringLiteral("', '")));
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

    ParsedTable out;
    out.path = path;
    out.layout = TableLayout::Wide;
    out.encoding = csv->encoding();
    const int indicatorId = out.strings.id(indicator), unitId = out.strings.id(storedUnit), sourceId = out.strings.id(source),
              flagId = out.strings.id(spec.flag);
    out.notes << QStringLiteral("key column '%1'; numbers: %2 in %3").arg(csv->header().at(keyColumn), indicator, unit);
    if (!tieNote.isEmpty())
        out.notes << tieNote;
    if (factor && *factor != 1)
        out.notes << conversionNote(unit, *factor);
    for (const CsvRow &row : csv->rows()) {
        const int key = out.strings.id(row.fields.at(keyColumn).trimmed());
        for (const auto &[column, year] : yearColumns) {
            const QString text = row.fields.at(column).trimmed();
            if (isNoDataMarker(text)) {
                ++out.noDataCells;
                continue;
            }
            ObservationRow o;
            o.line = row.line;
            o.code = key;
            o.year = year;
            o.indicator = indicatorId;
            const auto value = parseNumber(text);
            if (!value)
                return rowError(path, csv->encoding(), row.line, QStringLiteral("value '%1' is not a finite number").arg(text),
                                csv->header().at(column));
            o.value = *value * multiply;
            if (!std::isfinite(o.value))
                return rowError(path, csv->encoding(), row.line, QStringLiteral("value '%1' %2 is beyond any number of persons").arg(text, unit),
                                csv->header().at(column));
            o.unit = unitId;
            o.source = sourceId;
            o.flag = flagId;
            out.rows.push_back(o);
        }
    }
    return out;
}

Observation ParsedTable::observation(size_t i) const
{
    const ObservationRow &o = rows[i];
    return Observation{strings.at(o.code), o.year,          strings.at(o.indicator), o.value, strings.at(o.unit),
                       strings.at(o.source), strings.at(o.flag), path,                o.line};
}

Observation PopulationStore::observation(int row) const
{
    const ObservationRow &o = m_rows[size_t(row)];
    return Observation{m_strings.at(o.code), o.year, m_strings.at(o.indicator), o.value, m_strings.at(o.unit),
                       m_strings.at(o.source), m_strings.at(o.flag), m_files.at(o.file), o.line};
}

Result<TableLoadReport> PopulationStore::add(ParsedTable table)
{
    const QString &path = table.path;
    const std::vector<ObservationRow> &rows = table.rows;
    const StringPool &strings = table.strings;
    // A file is loaded once; each sheet of a workbook is a table of its own.
    const QString sheet = table.encoding.startsWith(u"sheet ") ? table.encoding : QString();
    const QString identity = QFileInfo(path).canonicalFilePath() + u'\n' + sheet;
    if (m_loaded.contains(identity))
        return Error{Error::Code::Exists, path, {}, sheet.isEmpty() ? QStringLiteral("is already loaded") : QStringLiteral("%1 is already loaded").arg(sheet)};
    if (rows.empty())
        return Error{Error::Code::Value, path, {}, QStringLiteral("has no rows with a value")};

    // Checks of each text, made once per text: a row names its texts by number.
    static const QRegularExpression codePattern(QStringLiteral("^\\d{6}$"));
    const int n = strings.size();
    enum Use : unsigned char { Code = 1, Indicator = 2, Unit = 4, Source = 8, Flag = 16 };
    std::vector<unsigned char> checked(size_t(n), 0);
    std::vector<int> unitOf(size_t(n), -1); // indicator → the unit of its first row here
    const std::optional<int> persons = strings.find(QStringLiteral("persons"));
    auto check = [&](const ObservationRow &o) -> std::optional<QString> {
        auto first = [&](int id, Use use) {
            const bool was = checked[size_t(id)] & use;
            checked[size_t(id)] |= use;
            return !was;
        };
        if (first(o.code, Code) && !codePattern.match(strings.at(o.code)).hasMatch())
            return QStringLiteral("code '%1' is not a six-digit division code").arg(strings.at(o.code));
        const QString &indicator = strings.at(o.indicator);
        if (first(o.indicator, Indicator) && indicator.isEmpty())
            return QStringLiteral("the indicator is empty");
        if (first(o.unit, Unit) && strings.at(o.unit).isEmpty())
            return QStringLiteral("the unit is empty");
        if (o.unit == persons) {
            // A count of residents is never negative; a change in persons (a user's pop_change) may be.
            if (o.value < 0 && (indicator.endsWith(u"population") || indicator.endsWith(u"migrants")))
                return QStringLiteral("a count of persons cannot be negative (%1)").arg(o.value, 0, 'g', 12);
            if (o.value > kMaxPersons)
                return QStringLiteral("%1 persons is more than 10 billion: not a population count").arg(o.value, 0, 'g', 6);
        }
        int &unit = unitOf[size_t(o.indicator)];
        if (unit < 0) {
            unit = o.unit;
            const QString known = m_units.value(indicator);
            if (!known.isEmpty() && known != strings.at(o.unit))
                return QStringLiteral("indicator %1 has unit '%2' here but '%3' elsewhere").arg(indicator, strings.at(o.unit), known);
        } else if (unit != o.unit) {
            return QStringLiteral("indicator %1 has unit '%2' here but '%3' elsewhere").arg(indicator, strings.at(o.unit), strings.at(unit));
        }
        if (first(o.source, Source)) {
            if (strings.at(o.source).isEmpty())
                return QStringLiteral("the source is empty: every value must name its source");
            if (strings.at(o.source).contains(u';'))
                return QStringLiteral("the source '%1' has a ';', which separates sources: write it without").arg(strings.at(o.source));
        }
        if (first(o.flag, Flag) && strings.at(o.flag) != u"census" && strings.at(o.flag) != u"estimate")
            return QStringLiteral("flag '%1' is not census or estimate").arg(strings.at(o.flag));
        return std::nullopt;
    };
    for (const ObservationRow &o : rows) {
        if (const auto message = check(o))
            return rowError(path, table.encoding, o.line, *message);
    }
    // A row that repeats another's code, year, indicator, flag and source: the first such row in the file
    // is named, with the line it repeats.
    {
        std::vector<int> order(rows.size());
        std::iota(order.begin(), order.end(), 0);
        auto tie = [&](int i) {
            const ObservationRow &o = rows[size_t(i)];
            return std::tie(o.code, o.year, o.indicator, o.flag, o.source);
        };
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return tie(a) < tie(b); });
        int repeat = -1, repeated = -1;
        for (size_t i = 1; i < order.size(); ++i) {
            if (tie(order[i]) == tie(order[i - 1]) && (repeat < 0 || order[i] < repeat)) {
                repeat = order[i];
                repeated = order[i - 1];
            }
        }
        if (repeat >= 0)
            return rowError(path, table.encoding, rows[size_t(repeat)].line,
                            QStringLiteral("repeats line %1 (same code, year, indicator, flag and source)").arg(rows[size_t(repeated)].line));
    }

    TableLoadReport report;
    report.path = path;
    report.layout = table.layout;
    report.noDataCells = table.noDataCells;
    report.rows = int(rows.size());
    std::vector<unsigned char> used(size_t(n), 0);
    for (const ObservationRow &o : rows) {
        used[size_t(o.code)] |= Code;
        used[size_t(o.indicator)] |= Indicator;
        used[size_t(o.source)] |= Source;
        report.firstYear = report.firstYear ? std::min(report.firstYear, o.year) : o.year;
        report.lastYear = std::max(report.lastYear, o.year);
        // A row whose code, year, indicator and flag were loaded before: a user's earlier value stays shown; a
        // user's value is shown before the bundle's.
        if (const auto *earlier = rowsOf(strings.at(o.code), strings.at(o.indicator))) {
            bool byUser = false, byBundle = false;
            for (int r : *earlier) {
                const ObservationRow &e = m_rows[size_t(r)];
                if (e.year != o.year || m_strings.at(e.flag) != strings.at(o.flag))
                    continue;
                (m_fileIsUser[size_t(e.file)] ? byUser : byBundle) = true;
            }
            if (byUser || (byBundle && !table.user))
                ++report.shadowed;
            else if (byBundle)
                ++report.replaces;
        }
    }
    for (int id = 0; id < n; ++id) {
        if (used[size_t(id)] & Code)
            report.codes << strings.at(id);
        if (used[size_t(id)] & Indicator)
            report.indicators << strings.at(id);
        if (used[size_t(id)] & Source)
            report.sources << strings.at(id);
    }
    report.codes.sort();
    report.indicators.sort();
    report.sources.sort();

    // The file is good: merge it, its texts renumbered in the store's pool.
    std::vector<int> renumber(size_t(n), -1);
    auto here = [&](int id) {
        int &r = renumber[size_t(id)];
        if (r < 0)
            r = m_strings.id(strings.at(id));
        return r;
    };
    const int file = int(m_files.size());
    m_fileIsUser.push_back(table.user);
    QSet<quint64> touched;
    m_rows.reserve(m_rows.size() + rows.size());
    for (const ObservationRow &o : rows) {
        ObservationRow stored{o.value, o.line, o.year, here(o.code), here(o.indicator), here(o.unit), here(o.source), here(o.flag), file};
        const quint64 k = indexKey(stored.code, stored.indicator);
        m_index[k].push_back(int(m_rows.size()));
        touched.insert(k);
        m_rows.push_back(stored);
    }
    for (int id = 0; id < n; ++id) {
        if (unitOf[size_t(id)] >= 0)
            m_units.insert(strings.at(id), strings.at(unitOf[size_t(id)]));
    }
    const std::optional<int> estimate = m_strings.find(QStringLiteral("estimate"));
    for (const quint64 k : std::as_const(touched)) {
        auto &index = m_index[k];
        std::stable_sort(index.begin(), index.end(), [&](int a, int b) {
            const ObservationRow &x = m_rows[size_t(a)];
            const ObservationRow &y = m_rows[size_t(b)];
            if (x.year != y.year)
                return x.year < y.year;
            if ((x.flag == estimate) != (y.flag == estimate))
                return x.flag == estimate;
            return m_fileIsUser[size_t(x.file)] && !m_fileIsUser[size_t(y.file)];
        });
    }
    m_files << path;
    m_loaded.insert(identity);
    if (!table.user)
        m_bundleIndicators.unite(QSet<QString>(report.indicators.begin(), report.indicators.end()));
    return report;
}

const std::vector<int> *PopulationStore::rowsOf(const QString &code, const QString &indicator) const
{
    const auto c = m_strings.find(code);
    const auto i = m_strings.find(indicator);
    if (!c || !i)
        return nullptr;
    const auto it = m_index.constFind(indexKey(*c, *i));
    return it == m_index.constEnd() ? nullptr : &*it;
}

QSet<QString> PopulationStore::codes() const
{
    QSet<QString> out;
    for (auto it = m_index.constBegin(); it != m_index.constEnd(); ++it)
        out.insert(m_strings.at(m_rows[size_t(it->front())].code));
    return out;
}

std::vector<Observation> PopulationStore::observations(const QString &code, int year, const QString &indicator) const
{
    std::vector<Observation> out;
    if (const auto *rows = rowsOf(code, indicator)) {
        for (int i : *rows) {
            if (m_rows[size_t(i)].year == year)
                out.push_back(observation(i));
        }
    }
    return out;
}

std::optional<Observation> PopulationStore::value(const QString &code, int year, const QString &indicator) const
{
    const auto *rows = rowsOf(code, indicator);
    if (!rows)
        return std::nullopt;
    const auto pos = std::lower_bound(rows->begin(), rows->end(), year, [this](int row, int y) { return m_rows[size_t(row)].year < y; });
    if (pos == rows->end() || m_rows[size_t(*pos)].year != year)
        return std::nullopt;
    return observation(*pos);
}

std::vector<Observation> PopulationStore::series(const QString &code, const QString &indicator) const
{
    std::vector<Observation> out;
    if (const auto *rows = rowsOf(code, indicator)) {
        for (int i : *rows) {
            if (out.empty() || out.back().year != m_rows[size_t(i)].year)
                out.push_back(observation(i));
        }
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
    const auto id = m_strings.find(indicator);
    std::set<int> ys;
    if (id) {
        for (const ObservationRow &o : m_rows) {
            if (o.indicator == *id)
                ys.insert(o.year);
        }
    }
    return {ys.begin(), ys.end()};
}

} // namespace renkou::core
