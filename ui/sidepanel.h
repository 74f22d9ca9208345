#pragma once
#include "chartpanel.h"
#include "classification.h"
#include "databundle.h"
#include "indicators.h"
#include <QString>
#include "view.h"

#include <QColor>
#include <QWidget>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QPainter;
class QScrollArea;
class QSpinBox;

namespace renkou::ui {

class ChartPanel;
class ColumnModel;
class ComponentsScatter;
class RankingView;

/// The side panel beside the map: the selected units' names and value, a prefecture's census 2010/2020
/// comparison, and three tabs — the trend chart (with its mode and base year; in the mode of components of
/// change with the scatter of natural increase against net migration of every unit under it), the numbers
/// behind the map and the ranking. It shows a View's selection against the map's Column; its controls emit edits of the View.
/// Shows in `scatter` the units of the map's `column` (at `level`) over its span (a one-year map: the year
/// before to its year), the selection of `view` named: what the side panel shows under a chart of components.
void showScatter(ComponentsScatter &scatter, const core::DataBundle &bundle, const core::View &view, core::Level level,
                 const core::Column &column);

class SidePanel : public QWidget {
    Q_OBJECT
public:
    explicit SidePanel(QWidget *parent = nullptr);

    /// Shows `view` (its selection, chart mode and base year) at `level` beside the map's `column`, drawn in
    /// `classes` and `palette`. Nothing selected: a prompt, never a unit, value or year the map does not show.
    void show(const core::DataBundle &bundle, const core::View &view, core::Level level, const core::Column &column,
              const std::vector<core::ClassRange> &classes, const std::vector<QColor> &palette);
    /// Rings unit `code` in the scatter of components (the unit under the mouse on the map); empty: none.
    void highlightUnit(const QString &code);
    /// Paints the scatter of components as a figure into `target`, for exports, in the frame of `texts`;
    /// whether it is shown (the chart mode of components) and its texts as a figure.
    void renderScatter(QPainter &painter, const QRectF &target, const ChartTexts &texts) const;
    bool scatterShown() const;
    ChartTexts scatterTexts() const;
    /// The trend chart's texts as a figure: title, subtitle (the unit), notes and source line; empty with
    /// nothing selected.
    const ChartTexts &chartTexts() const { return m_chartTexts; }
    /// Paints the trend chart as a figure into `target` in the frame of `texts`, for exports.
    void renderChart(QPainter &painter, const QRectF &target, const ChartTexts &texts) const;

signals:
    void chartModeChanged(core::ChartMode mode);
    /// The base year of the index; none: the first year every selected unit has.
    void baseYearChanged(std::optional<int> year);
    /// A unit clicked in the ranking (`add`: with Ctrl).
    void unitClicked(const QString &code, bool add);
    /// The scatter's Export image… was chosen.
    void exportScatterRequested();
    /// The mouse is over a unit's point in the scatter of components (empty: none).
    void unitHovered(const QString &code);
    /// A unit double-clicked in the table: go to it.
    void unitChosen(const QString &code);

private:
    void clearSelection();
    void showTrend(const core::DataBundle &bundle, const core::View &view, core::Level level, const core::Column &column);
    /// The census 2010 vs 2020 comparison of a prefecture-level unit as an HTML table (empty if no census).
    QString censusComparison(const core::DataBundle &bundle, const core::Region &unit) const;

    QLabel *m_name;
    QLabel *m_details;
    QLabel *m_census;
    ChartPanel *m_chart;
    QLabel *m_caption;
    ChartTexts m_chartTexts;
    QScrollArea *m_captionScroll;
    ComponentsScatter *m_scatter;
    QString m_chartNumbers; ///< the numbers behind the chart shown, tab-separated (chartNumbers())
    QComboBox *m_chartMode;
    QSpinBox *m_baseYear;
    ColumnModel *m_tableModel;
    RankingView *m_ranking;
};

} // namespace renkou::ui
