#include "columntable.h"

#include <QRegularExpression>

namespace renkou::core {

QStringList columnTableHeader(const Column &column)
{
    QStringList header = {QStringLiteral("code"),  QStringLiteral("name_zh"), QStringLiteral("name_en"), QStringLiteral("year"),
                          QStringLiteral("value"), QStringLiteral("unit"),    QStringLiteral("source"),  QStringLiteral("flag"),
                          QStringLiteral("note"),  QStringLiteral("rank"),    QStringLiteral("from_year")};
    if (isCategorical(column.indicator))
        header << QStringLiteral("category");
    return header;
}

QStringList columnTableNumericColumns()
{
    return {QStringLiteral("year"), QStringLiteral("value"), QStringLiteral("rank"), QStringLiteral("from_year")};
}

QString tableNumber(double value)
{
    return QString::number(value, 'g', 12);
}

QStringList columnTableRow(const Column &column, const ColumnEntry &e)
{
    QStringList row = {e.region->code,
            e.region->nameZh,
            e.region->nameEn,
            QString::number(column.year),
            e.value ? tableNumber(*e.value) : QString(),
            column.indicator.unit,
            e.source,
            e.flag,
            e.note,
            e.rank ? QString::number(e.rank) : QString(),
            column.from ? QString::number(*column.from) : QString()};
    if (isCategorical(column.indicator))
        row << (e.value ? categoryLabel(column.indicator, *e.value) : QString());
    return row;
}

QString csvField(const QString &s)
{
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n') || s.contains(u'\r'))
        return u'"' + QString(s).replace(u'"', QStringLiteral("\"\"")) + u'"';
    return s;
}

QString spreadsheetSafe(const QString &cell)
{
    if (cell.isEmpty())
        return cell;
    const QChar first = cell.front();
    if (first == u'+' || first == u'-') {
        static const QRegularExpression number(QStringLiteral("^[+-](\\d[\\d,]*(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?\\s*(%|‰)?$"));
        if (number.match(cell).hasMatch())
            return cell;
    } else if (first != u'=' && first != u'@' && first != u'\t' && first != u'\r') {
        return cell;
    }
    return u'\'' + cell;
}

QByteArray columnCsv(const Column &column, bool bom)
{
    QString text = columnTableHeader(column).join(u',') + u'\n';
    for (const ColumnEntry &e : column.entries) {
        QStringList cells;
        for (const QString &c : columnTableRow(column, e))
            cells << csvField(spreadsheetSafe(c));
        text += cells.join(u',') + u'\n';
    }
    QByteArray out = bom ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    return out + text.toUtf8();
}

} // namespace renkou::core
