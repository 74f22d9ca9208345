#pragma once
#include "boundarylayer.h"
#include "spatialindex.h"

#include <QColor>
#include <QPainterPath>
#include <QRectF>
#include <QString>
#include <QTransform>
#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace renkou::ui {

/// One row of the map legend.
struct LegendItem {
    QColor color;   ///< invalid colour: the no-data hatch
    QString label;
    int count = 0;
};

/// Paints a choropleth with its title, legend and source line on any QPaintDevice (screen, image, SVG,
/// PDF). Geometry comes projected; it is turned into paths once, in setLayer(). Not thread-safe: use from
/// one thread at a time.
class MapRenderer {
public:
    MapRenderer();
    ~MapRenderer();

    /// The layer to draw; it must outlive the renderer or the next setLayer().
    void setLayer(const core::BoundaryLayer *layer);
    const core::BoundaryLayer *layer() const { return m_layer; }
    /// One fill per feature of the layer; std::nullopt draws the no-data hatch.
    void setFills(std::vector<std::optional<QColor>> fills);
    void setLegend(const QString &title, std::vector<LegendItem> items);
    void setTitle(const QString &title) { m_title = title; }
    void setSourceLine(const QString &text) { m_source = text; }
    /// Features drawn with a highlight outline.
    void setSelection(std::vector<int> features) { m_selection = std::move(features); }

    void paint(QPainter &painter, const QRectF &target) const;

    /// Layer coordinates → device coordinates for a target rectangle.
    QTransform worldToDevice(const QRectF &target) const;
    /// The feature under a device point, or -1.
    int featureAt(QPointF device, const QRectF &target) const;
    /// A device point inside the feature with `code` (its largest part), or nullopt.
    std::optional<QPointF> devicePointOf(const QString &code, const QRectF &target) const;

private:
    QRectF mapArea(const QRectF &target) const;
    /// Height of the word-wrapped source line in a target of `width`.
    qreal sourceHeight(qreal width) const;
    void paintLegend(QPainter &painter, const QRectF &area) const;

    const core::BoundaryLayer *m_layer = nullptr;
    std::vector<QPainterPath> m_paths; ///< per feature, in layer coordinates
    std::unique_ptr<core::SpatialIndex> m_index;
    std::vector<std::optional<QColor>> m_fills;
    std::vector<int> m_selection;
    QString m_legendTitle;
    std::vector<LegendItem> m_legend;
    QString m_title;
    QString m_source;
};

/// The font used for map and chart text: Noto Sans CJK SC, so that Chinese names render everywhere.
QFont mapFont(qreal pointSize, bool bold = false);

} // namespace renkou::ui
