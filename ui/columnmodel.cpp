#include "columnmodel.h"
#include "language.h"

#include <QCoreApplication>
#include <QHash>
#include "columntable.h"

#include "classification.h"

#include <QFont>
#include <cmath>
#include <limits>

namespace renkou::ui {

ColumnModel::ColumnModel(QObject *parent) : QAbstractTableModel(parent) {}

void ColumnModel::setColumn(const core::Column &column)
{
    beginResetModel();
    m_column = column;
    endResetModel();
}

void ColumnModel::setSelectedCodes(const QSet<QString> &codes)
{
    m_selected = codes;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::FontRole});
}

int ColumnModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_column.entries.size());
}

int ColumnModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ColumnModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const core::ColumnEntry &e = m_column.entries[size_t(index.row())];
    if (role == Qt::FontRole) {
        if (!m_selected.contains(e.region->code))
            return {};
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == SortRole) {
        if (index.column() == Value || index.column() == Rank)
            return e.value ? (index.column() == Value ? *e.value : double(e.rank)) : std::numeric_limits<double>::quiet_NaN();
        return data(index, Qt::DisplayRole);
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == Value || index.column() == Rank ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    // The table shows values rounded for reading; a copy (FullTextRole) has every digit.
    if (role == FullTextRole && index.column() == Value)
        return e.value ? core::formatFull(*e.value, m_column.indicator.unit) : tr("no data");
    if (role == FullTextRole)
        role = Qt::DisplayRole;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameZh: return e.region->nameZh;
    case NameEn: return e.region->nameEn;
    case Code: return e.region->code;
    case Value: return e.value ? core::shownValue(m_column.indicator, *e.value) : tr("no data");
    case Unit: return core::unitLabel(m_column.indicator.unit);
    case Rank: return e.rank ? QVariant(e.rank) : QVariant();
    case Source: return e.source;
    case Flag: return flagWords(e.flag);
    case Note: return e.note;
    default: return {};
    }
}

QString ColumnModel::flagWords(const QString &flags)
{
    // The flags of the data (census, estimate, …) in words of the current language.
    static const QHash<QString, const char *> words = {
        {QStringLiteral("census"), QT_TRANSLATE_NOOP("Flag", "census count")},
        {QStringLiteral("estimate"), QT_TRANSLATE_NOOP("Flag", "year-end estimate")},
        {QStringLiteral("rollup"), QT_TRANSLATE_NOOP("Flag", "sum of its units")},
        {QStringLiteral("incomplete"), QT_TRANSLATE_NOOP("Flag", "incomplete sum")},
        {QStringLiteral("series_break"), QT_TRANSLATE_NOOP("Flag", "series break")},
    };
    QStringList out;
    for (const QString &f : flags.split(u';', Qt::SkipEmptyParts)) {
        const auto w = words.constFind(f);
        out << (w == words.constEnd() ? f : QCoreApplication::translate("Flag", *w));
    }
    return out.join(core::currentLanguage() == core::Language::Chinese ? QStringLiteral("；") : QStringLiteral("; "));
}

QVariant ColumnModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameZh: return tr("名称");
    case NameEn: return tr("Name (English)");
    case Code: return tr("Code");
    case Value: return m_column.indicator.description.isEmpty() ? tr("Value") : m_column.indicator.description;
    case Unit: return tr("Unit");
    case Rank: return tr("Rank");
    case Source: return tr("Source");
    case Flag: return tr("Flag");
    case Note: return tr("Note");
    default: return {};
    }
}

QString ColumnModel::toTsv(const QAbstractItemModel &model, const QModelIndexList &rows)
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < model.columnCount(); ++c)
        header << model.headerData(c, Qt::Horizontal).toString();
    lines << header.join(u'\t');
    QList<int> rowNumbers;
    for (const QModelIndex &i : rows)
        if (!rowNumbers.contains(i.row()))
            rowNumbers << i.row();
    std::sort(rowNumbers.begin(), rowNumbers.end());
    if (rows.isEmpty())
        for (int r = 0; r < model.rowCount(); ++r)
            rowNumbers << r;
    for (int r : rowNumbers) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c)
            cells << core::spreadsheetSafe(model.data(model.index(r, c), FullTextRole).toString().replace(u'\t', u' ').replace(u'\n', u' '));
        lines << cells.join(u'\t');
    }
    return lines.join(u'\n') + u'\n';
}

ColumnSortModel::ColumnSortModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ColumnModel::SortRole);
}

bool ColumnSortModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(ColumnModel::SortRole);
    const QVariant b = right.data(ColumnModel::SortRole);
    const bool numeric = left.column() == ColumnModel::Value || left.column() == ColumnModel::Rank;
    if (!numeric)
        return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
    const double x = a.toDouble();
    const double y = b.toDouble();
    if (std::isnan(x) || std::isnan(y)) {
        // No data sorts last whichever way the column is sorted.
        if (std::isnan(x) == std::isnan(y))
            return false;
        return std::isnan(x) == (sortOrder() == Qt::DescendingOrder);
    }
    return x < y;
}

} // namespace renkou::ui
