#pragma once
#include "classification.h"
#include "indicators.h"

#include <QColor>
#include <QSet>
#include <QWidget>
#include <optional>
#include <vector>

namespace renkou::ui {

/// The ranking: every unit of a column as a horizontal bar, largest first, in the map's class colours
/// (changes grow left or right of zero); units without data last, marked "no data"; the selection
/// outlined as on the map. Clicking a row selects its unit (Ctrl-click adds it). Painted by hand: Qt
/// Charts stays inside ChartPanel.
class RankingView : public QWidget {
    Q_OBJECT
public:
    explicit RankingView(QWidget *parent = nullptr);

    void setColumn(const core::Column &column, const std::vector<core::ClassRange> &classes,
                   const std::vector<QColor> &palette);
    void setSelection(const QSet<QString> &codes);

    /// Codes in the order shown.
    QStringList order() const;
    /// The rectangle of the row of `code`, or an empty one.
    QRect rowRect(const QString &code) const;
    bool isHighlighted(const QString &code) const { return m_selected.contains(code); }
    /// The colour of the bar of `code` (invalid without a value).
    QColor barColor(const QString &code) const;
    QSize sizeHint() const override;

signals:
    void unitClicked(const QString &code, bool add);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Row {
        QString code;
        QString name;
        std::optional<double> value;
        QColor color;
    };
    int indexOf(const QString &code) const;

    std::vector<Row> m_rows;
    QSet<QString> m_selected;
    QString m_unit;
    double m_low = 0;  ///< the scale: min(0, smallest value) …
    double m_high = 0; ///< … max(0, largest value)
};

} // namespace renkou::ui
