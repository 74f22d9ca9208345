#pragma once
#include "indicators.h"
#include "populationstore.h"

#include <QStringList>
#include <array>
#include <QWidget>
#include <vector>

class QChart;
class QChartView;
class QGraphicsItemGroup;
class QGraphicsSimpleTextItem;
class QPainter;
class QValueAxis;

namespace renkou::ui {

/// The tooltip of a chart view: the text of the series item under the mouse, set by its hovered() signal.
/// QGraphicsScene answers a view's tooltip event itself and, finding no item with a tooltip, hides any shown
/// by QToolTip::showText() — so the view's tooltip events are answered here instead.
class HoverTip : public QObject {
public:
    /// Answers the tooltip events of `viewport` (a chart view's).
    explicit HoverTip(QWidget *viewport);
    /// Shows `text` now and on the viewport's tooltip events; empty: none.
    void set(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_viewport;
    QString m_text;
};

/// The texts of a chart as a figure: a title and subtitle above the plot, notes and a source line under it.
struct ChartTexts {
    QString title;
    QString subtitle; ///< what is plotted, in which unit
    QString notes;    ///< one a line: the caveats that apply to the units and years drawn
    QString source;   ///< short: the publishers and their years; the full citations are in sources.txt
    /// The subtitle, source and notes as one text, one a line: the caption under the side panel's chart and
    /// the description in an exported file's metadata.
    QString caption() const;
};

/// Paints `texts` as a figure's frame in `target` on white (after OWID's grapher): the title (bold) and the
/// subtitle above, each word-wrapped; the source line at the foot and the notes above it. The notes take at
/// most 30 % of the figure: smaller type first, then the last are left out for a line saying where they are.
/// Fonts as the map's (titleFont(), textFont()). Returns the rectangle left for the plot.
QRectF paintChartFrame(QPainter &painter, const QRectF &target, const ChartTexts &texts);

/// One unit's series for the chart.
struct ChartSeries {
    QString name;
    std::vector<core::Observation> points; ///< one per year with data, by year
};

/// A break in a series (notes.csv `series_break`): drawn as a dashed line before `year`, with `text` on hover.
struct ChartBreak {
    int year = 0;
    QString text;
};

/// The axis `axis` with nice ticks (QValueAxis::applyNiceNumbers(), the count of 4 to 8 — 3 or 4 where 3 are set —
/// whose range is the tightest around its own) labelled as the map labels numbers: a true
/// minus sign (Qt formats ticks with printf: "-1000"), thousands separated in English; whole numbers where the
/// ticks are whole. Takes `axis` (deleted) and returns the axis to add in its place (a QCategoryAxis).
/// With `persons` (persons per plotted unit: 1e3 for a chart in thousands), the ticks read as counts of persons
/// in one unit as the legends write them (core::formatPersonsTick(): "1.5 M", "−500 k", "200万").
QValueAxis *typesetAxis(QValueAxis *axis, double persons = 0);

/// One unit's components of change for the chart.
struct ComponentsSeries {
    QString name;
    std::vector<core::ChangeComponents> years; ///< by year
};

/// How series are plotted: as given, indexed to a base year (= 100), or as the change from the year before
/// (bars; a year whose previous year has no value has no bar).
/// Components: natural increase and net migration of each year (showComponents()).
enum class ChartMode { Absolute, Indexed, YearOnYear, Components };

/// The trend chart of the side panel. The only place that uses Qt Charts (deprecated from Qt 6.10).
class ChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartPanel(QWidget *parent = nullptr);
    ~ChartPanel() override;

    /// Plots the series on one chart. Consecutive estimate years are joined; a gap between years with data
    /// stays a gap. Census counts are separate markers. Persons are plotted in millions.
    /// Indexed: every value over the series' value in `baseYear` × 100 (a series without a value in the base
    /// year is left out and named in the chart's caption line).
    void showSeries(const QString &title, const QString &unit, const std::vector<ChartSeries> &series,
                    ChartMode mode = ChartMode::Absolute, int baseYear = 0, const std::vector<ChartBreak> &breaks = {});
    /// Plots each unit's components of change: per year a bar of natural increase and one of net migration
    /// (stacked where they have the same sign, on either side of 0 where not), whose sum is the change, drawn
    /// as a dark marker; a year without components has a grey bar of the change alone. Persons in thousands
    /// (in Chinese in ten thousands). Several units: small multiples on one scale, under one title, with one
    /// key. Hovering a bar or marker shows the year's three numbers.
    void showComponents(const QString &title, const std::vector<ComponentsSeries> &units, const std::vector<ChartBreak> &breaks = {});
    /// The breaks drawn by the last showSeries() (those inside the plotted years).
    const std::vector<ChartBreak> &drawnBreaks() const { return m_breaks; }
    /// Paints the chart as a figure into `target` on any painter (image, SVG, PDF), in the frame of `texts`
    /// (paintChartFrame(): its title replaces the one on screen).
    void render(QPainter &painter, const QRectF &target, const ChartTexts &texts);
    void clear();
    QString title() const;
    /// The number of charts drawn: 1, or one per unit of small multiples (0 when empty).
    int chartCount() const;

    int seriesCount() const { return int(m_years.size()); }
    /// Years plotted for series `i` in the last showSeries().
    std::vector<int> plottedYears(int i = 0) const { return size_t(i) < m_years.size() ? m_years[size_t(i)] : std::vector<int>{}; }

    /// Series left out of an indexed chart for lack of a base-year value.
    const QStringList &leftOut() const { return m_leftOut; }

private:
    /// Sets the title drawn over the chart (over the grid of small multiples), without laying it out again.
    void setTitleText(const QString &title);
    /// Places the charts in `size`: the one chart over all of it, or the title, a grid of small multiples and
    /// the key under them.
    void layoutCharts(const QSizeF &size);
    /// Draws the key (m_key) at the bottom of `size`; returns its height.
    qreal placeKey(const QSizeF &size);
    /// showSeries() but for the layout.
    void plotSeries(const QString &title, const QString &unit, const std::vector<ChartSeries> &series, ChartMode mode,
                    int baseYear, const std::vector<ChartBreak> &breaks);
    /// Draws the series breaks of `breaks` inside first–last on `chart` as dashed lines, the first in the
    /// legend when `keyed`; those of the first chart are kept for drawnBreaks().
    void addBreaks(QChart *chart, const std::vector<ChartBreak> &breaks, int first, int last, bool keyed);
    friend class GridView;

    HoverTip *m_tip = nullptr;
    QStringList m_leftOut;
    std::vector<QChart *> m_multiples;
    /// An entry of the one key under small multiples.
    struct KeyEntry {
        enum class Shape { Box, Dot, Dash, Line } shape = Shape::Box;
        QColor color;
        QString label;
        Qt::BrushStyle pattern = Qt::SolidPattern; ///< of a box
    };
    std::vector<KeyEntry> m_key;
    QGraphicsItemGroup *m_keyItems = nullptr; ///< the key drawn under small multiples
    qreal m_roundness = 0;                   ///< the chart's background roundness, as Qt sets it
    std::array<qreal, 4> m_contentsMargins{}; ///< the chart layout's contents margins, as Qt sets them   ///< the charts after the first of small multiples
    QGraphicsSimpleTextItem *m_gridTitle = nullptr; ///< the title over small multiples
    std::vector<ChartBreak> m_breaks;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    std::vector<std::vector<int>> m_years;
};

} // namespace renkou::ui
