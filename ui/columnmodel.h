#pragma once
#include "indicators.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QSet>

namespace renkou::ui {

/// The numbers behind the map as a table: one row per unit of the current Column, with value, rank,
/// source, flag and note. Sorting by value (through a proxy) makes it the ranking view; selected units
/// are shown bold. Missing values are empty and sort last, never as 0.
class ColumnModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns { NameZh, NameEn, Code, Value, Unit, Rank, Source, Flag, Note, ColumnCount };
    /// The value's number for sorting (NaN without data).
    static constexpr int SortRole = Qt::UserRole + 1;
    /// Every digit of a value (the display rounds it for reading): for copies.
    static constexpr int FullTextRole = Qt::UserRole + 2;

    explicit ColumnModel(QObject *parent = nullptr);

    void setColumn(const core::Column &column);
    /// The ';'-separated flags of a value (census, estimate, rollup, incomplete, series_break) in words of
    /// the current language ("census count", 普查数); unknown flags as they are.
    static QString flagWords(const QString &flags);
    void setSelectedCodes(const QSet<QString> &codes);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Rows as tab-separated text with a header line (what Copy puts on the clipboard), every cell
    /// core::spreadsheetSafe().
    static QString toTsv(const QAbstractItemModel &model, const QModelIndexList &rows = {});

private:
    core::Column m_column;
    QSet<QString> m_selected;
};

/// Sorts a ColumnModel by its SortRole, with units without data last in either order.
class ColumnSortModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ColumnSortModel(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace renkou::ui
