#pragma once
#include "chartpanel.h"
#include "databundle.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QWidget>
#include <optional>
#include <vector>

class QChart;
class QChartView;
class QGraphicsSimpleTextItem;
class QLabel;
class QPainter;
class QScatterSeries;

namespace renkou::ui {

/// The side panel's scatter of natural increase against net migration, both in ‰ of the mean population a
/// year (the indicators natural_increase_rate and net_migration_rate), of every unit of the map's level over a
/// span: each point coloured by its type of change (Webb, as on the map of migration_type), the diagonal of no
/// change between growth (above) and decline (below). Linked to the map: hovering a point emits unitHovered()
/// and clicking it unitClicked(); highlight() rings the unit under the mouse on the map; selected units are
/// drawn large and named. The only other user of Qt Charts beside ChartPanel.
class ComponentsScatter : public QWidget {
    Q_OBJECT
public:
    explicit ComponentsScatter(QWidget *parent = nullptr);

    /// Plots the units of `level` (only those in `shown` when it is not empty: a drill-down's) over `from`–`year`.
    /// When no unit has both rates for those years (no vital rates yet for the last year), the latest one-year
    /// span that has them, and the title says so; never a span without saying which. No unit with both rates
    /// at all (prefecture-level units have no vital rates): an empty plot and a line saying why.
    void show(const core::DataBundle &bundle, core::Level level, int from, int year, const QSet<QString> &shown,
              const QStringList &selection);
    /// Paints the scatter as a figure into `target` on any painter (image, SVG, PDF), for exports: the plot and
    /// the key of the types shown, in the frame of `texts` (paintChartFrame()).
    void render(QPainter &painter, const QRectF &target, const ChartTexts &texts);
    /// The scatter's texts as a figure: its title; what a point is and what the diagonal means (the subtitle);
    /// the span shown when not the one asked, the units left out, the caveats (the notes); the source line.
    const ChartTexts &texts() const { return m_texts; }
    /// The numbers behind the scatter, tab-separated with a header: code, name_zh, name_en, from_year, year,
    /// natural_increase_rate, net_migration_rate (‰ a year), type.
    QString numbersTsv() const { return m_numbers; }
    /// Rings the point of unit `code` (the unit under the mouse on the map); empty: none.
    void highlight(const QString &code);

    /// The points plotted.
    int pointCount() const { return int(m_points.size()); }
    /// The span plotted (from, to), none when nothing is.
    std::optional<std::pair<int, int>> span() const { return m_span; }
    /// The plotted point of `code` (natural increase ‰, net migration ‰ a year), if it has one.
    std::optional<QPointF> pointOf(const QString &code) const;
    /// The point's position in this widget's coordinates, for clicks.
    std::optional<QPoint> positionOf(const QString &code) const;
    QString title() const { return m_texts.title; }
    /// The unit ringed by highlight() (empty: none).
    QString highlighted() const { return m_highlighted; }

signals:
    void unitHovered(const QString &code);
    void unitClicked(const QString &code, bool add);
    /// Its menu's Export image…: the window asks for the file, size and language.
    void exportRequested();

private:
    void placeLabels();
    QString codeAt(const QPointF &point) const;

    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_key;
    QScatterSeries *m_ring = nullptr;
    class HoverTip *m_tip = nullptr;
    QString m_highlighted;
    std::optional<std::pair<int, int>> m_span;
    QString m_shortTitle; ///< on screen where the title does not fit: without the level
    bool m_inFigure = false; ///< render() is drawing the figure (its title is the frame's)
    struct Point {
        QString code;
        QString name;
        QPointF value;
    };
    std::vector<Point> m_points;
    QHash<QString, QString> m_tips; ///< code → hover text
    QString m_numbers;
    ChartTexts m_texts;             ///< the figure's title, what it shows, the caveats, the source
    std::vector<std::pair<QColor, QString>> m_types; ///< the types of change shown, for the key
    std::vector<std::pair<QGraphicsSimpleTextItem *, QPointF>> m_labels; ///< names of the selected units
    /// A figure's names of the other units, each where it covers no other name (else left out).
    std::vector<std::pair<QGraphicsSimpleTextItem *, QPointF>> m_otherLabels;
    /// A name on a white halo over the points, a child of the chart.
    QGraphicsSimpleTextItem *nameItem(const QString &name, bool bold);
};

} // namespace renkou::ui
