#include "sourcetable.h"

#include "csvreader.h"

#include <algorithm>

namespace renkou::core {

QString Source::citation() const
{
    QStringList detail;
    if (!publisher.isEmpty())
        detail << publisher;
    if (!version.isEmpty())
        detail << version;
    return detail.isEmpty() ? title : QStringLiteral("%1 (%2)").arg(title, detail.join(QStringLiteral(", ")));
}

Result<SourceTable> SourceTable::load(const QString &path)
{
    auto csv = CsvTable::read(path, {QStringLiteral("id"), QStringLiteral("title")});
    if (!csv)
        return csv.error();
    auto get = [&](const CsvRow &row, const char *name) {
        const int c = csv->column(QString::fromLatin1(name));
        return c < 0 ? QString() : row.fields.at(c).trimmed();
    };
    SourceTable table;
    for (const CsvRow &row : csv->rows()) {
        Source s{get(row, "id"),      get(row, "title"),   get(row, "publisher"), get(row, "where"),
                 get(row, "version"), get(row, "license"), get(row, "notes")};
        if (s.id.isEmpty())
            return Error{Error::Code::Value, path, CsvTable::lineRef(row), QStringLiteral("the source id is empty")};
        if (table.m_sources.contains(s.id))
            return Error{Error::Code::Value, path, CsvTable::lineRef(row),
                         QStringLiteral("source id '%1' appears twice").arg(s.id)};
        table.m_sources.insert(s.id, s);
    }
    return table;
}

const Source *SourceTable::find(const QString &id) const
{
    const auto it = m_sources.constFind(id);
    return it == m_sources.constEnd() ? nullptr : &*it;
}

} // namespace renkou::core

namespace renkou::core {

QString citeSources(const SourceTable &sources, const std::vector<std::pair<QString, int>> &sourceYears)
{
    QStringList order;
    QHash<QString, std::vector<int>> years;
    for (const auto &[id, year] : sourceYears) {
        if (!years.contains(id))
            order << id;
        years[id].push_back(year);
    }
    QStringList publishers; // in order of first appearance
    QHash<QString, QStringList> byPublisher;
    for (const QString &id : order) {
        std::vector<int> ys = years.value(id);
        std::sort(ys.begin(), ys.end());
        ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
        QStringList ranges;
        for (size_t i = 0; i < ys.size();) {
            size_t j = i;
            while (j + 1 < ys.size() && ys[j + 1] == ys[j] + 1)
                ++j;
            ranges << (j == i ? QString::number(ys[i]) : QStringLiteral("%1–%2").arg(ys[i]).arg(ys[j]));
            i = j + 1;
        }
        const Source *s = sources.find(id);
        const QString publisher = s ? s->publisher : QString();
        QString title = s ? s->title : id;
        if (s && !s->version.isEmpty())
            title += QStringLiteral(", ") + s->version;
        if (!byPublisher.contains(publisher))
            publishers << publisher;
        byPublisher[publisher] << QStringLiteral("%1: %2").arg(title, ranges.join(QStringLiteral(", ")));
    }
    QStringList parts;
    for (const QString &publisher : publishers) {
        const QString listed = byPublisher.value(publisher).join(QStringLiteral("; "));
        parts << (publisher.isEmpty() ? listed : QStringLiteral("%1 (%2)").arg(listed, publisher));
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace renkou::core
