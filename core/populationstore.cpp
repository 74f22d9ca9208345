#include "populationstore.h"

#include "csvreader.h"

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

Status PopulationStore::addFile(const QString &path)
{
    auto csv = CsvTable::read(path, columns());
    if (!csv)
        return csv.error();
    std::vector<int> col;
    for (const QString &c : columns())
        col.push_back(csv->column(c));

    static const QRegularExpression codePattern(QStringLiteral("^\\d{6}$"));
    std::vector<Observation> added;
    added.reserve(csv->rows().size());
    QHash<QString, QString> units = m_units;
    for (const CsvRow &row : csv->rows()) {
        auto field = [&](int i) { return row.fields.at(col[i]).trimmed(); };
        auto fail = [&](const QString &message) {
            return Error{Error::Code::Value, path, CsvTable::lineRef(row), message};
        };
        Observation o;
        o.file = path;
        o.line = row.line;
        o.code = field(0);
        if (!codePattern.match(o.code).hasMatch())
            return fail(QStringLiteral("code '%1' is not a six-digit division code").arg(o.code));
        bool ok = false;
        o.year = field(1).toInt(&ok);
        if (!ok || o.year < 1900 || o.year > 2100)
            return fail(QStringLiteral("year '%1' is not a year between 1900 and 2100").arg(field(1)));
        o.indicator = field(2);
        if (o.indicator.isEmpty())
            return fail(QStringLiteral("the indicator is empty"));
        const QString valueText = field(3);
        if (valueText.isEmpty())
            return fail(QStringLiteral("the value is empty (leave the row out when there is no data)"));
        o.value = valueText.toDouble(&ok);
        if (!ok || !std::isfinite(o.value))
            return fail(QStringLiteral("value '%1' is not a finite number").arg(valueText));
        o.unit = field(4);
        if (o.unit.isEmpty())
            return fail(QStringLiteral("the unit is empty"));
        if (o.unit == u"persons" && o.value < 0)
            return fail(QStringLiteral("a count of persons cannot be negative (%1)").arg(valueText));
        const QString known = units.value(o.indicator);
        if (!known.isEmpty() && known != o.unit)
            return fail(QStringLiteral("indicator %1 has unit '%2' here but '%3' elsewhere")
                            .arg(o.indicator, o.unit, known));
        units.insert(o.indicator, o.unit);
        o.source = field(5);
        if (o.source.isEmpty())
            return fail(QStringLiteral("the source is empty: every value must name its source"));
        o.flag = field(6);
        if (o.flag != u"census" && o.flag != u"estimate")
            return fail(QStringLiteral("flag '%1' is not census or estimate").arg(o.flag));
        added.push_back(std::move(o));
    }

    // The file is good: merge it.
    std::set<QString> touched;
    for (Observation &o : added) {
        const QString k = key(o.code, o.indicator);
        m_index[k].push_back(int(m_rows.size()));
        touched.insert(k);
        m_rows.push_back(std::move(o));
    }
    for (const QString &k : touched) {
        auto &rows = m_index[k];
        std::stable_sort(rows.begin(), rows.end(), [this](int a, int b) {
            const Observation &x = m_rows[a];
            const Observation &y = m_rows[b];
            return x.year != y.year ? x.year < y.year : flagRank(x.flag) < flagRank(y.flag);
        });
    }
    m_units = units;
    m_files << path;
    return Done{};
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
