#pragma once
#include "boundarylayer.h"
#include "spatialindex.h"

#include <QColor>
#include <QFont>
#include <QPainterPath>
#include <QRectF>
#include <QString>
#include <QTransform>
#include <map>
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

enum class LabelLanguage { Chinese, English, None };

/// Paints a choropleth — fills, outlines, map lines, the South China Sea inset, labels, title, legend and
/// source line — on any QPaintDevice (screen, image, SVG, PDF). Geometry comes projected; it is simplified
/// to about half a pixel for the current scale and turned into paths once per scale step (cached). The
/// paint path does no projection. Not thread-safe: use one renderer from one thread.
class MapRenderer {
public:
    MapRenderer();
    ~MapRenderer();
    MapRenderer(const MapRenderer &) = delete;
    MapRenderer &operator=(const MapRenderer &) = delete;

    /// The layer to colour, and optional overlays: province outlines drawn thicker over it, the national
    /// outline, and the map lines (nine-dash line, undetermined border, maritime borders). Layers must
    /// outlive the renderer or the next setLayers(). Resets fills, focus, selection and view.
    void setLayers(const core::BoundaryLayer *fill, const core::BoundaryLayer *provinceOutlines = nullptr,
                   const core::BoundaryLayer *nation = nullptr, const core::BoundaryLayer *lines = nullptr);
    const core::BoundaryLayer *layer() const { return m_fill; }

    /// One fill per feature of the fill layer; std::nullopt draws the no-data hatch.
    void setFills(std::vector<std::optional<QColor>> fills) { m_fills = std::move(fills); }
    /// The fill of each feature of the layer (none: no data, hatched).
    const std::vector<std::optional<QColor>> &fills() const { return m_fills; }
    /// Features drawn in colour and labelled (a drill-down); the others are drawn as grey context.
    /// Empty: every feature.
    void setFocus(std::vector<int> features);
    const std::vector<int> &focus() const { return m_focus; }
    void setSelection(std::vector<int> features) { m_selection = std::move(features); }
    const std::vector<int> &selection() const { return m_selection; }
    void setHovered(int feature) { m_hovered = feature; }
    int hovered() const { return m_hovered; }
    void setLabelLanguage(LabelLanguage language) { m_labels = language; }
    /// A second line under each fill feature's label (its value, "−43万"); empty strings and an empty vector:
    /// names only.
    void setValueLabels(std::vector<QString> values) { m_valueLabels = std::move(values); }
    /// Device pixels per layout pixel for line widths (cosmetic pens ignore the painter's scale): 4 for a
    /// PNG exported at 4×.
    void setLineScale(double scale) { m_lineScale = scale; }

    void setLegend(const QString &title, std::vector<LegendItem> items);
    const std::vector<LegendItem> &legend() const { return m_legend; }
    void setTitle(const QString &title) { m_title = title; m_layout.reset(); }
    const QString &title() const { return m_title; }
    /// A line under the title: what the colours mean.
    void setSubtitle(const QString &text) { m_subtitle = text; m_layout.reset(); }
    /// The years of a frame of an animation, drawn large above the title (twice its type); empty: none.
    void setHeadline(const QString &years) { m_headline = years; m_layout.reset(); }
    const QString &headline() const { return m_headline; }
    const QString &subtitle() const { return m_subtitle; }
    /// The notes under the map, above the source line: what kind of values are shown, series breaks,
    /// substituted years, caveats.
    void setNotes(const QString &text) { m_notes = text; m_layout.reset(); }
    const QString &notes() const { return m_notes; }
    void setSourceLine(const QString &text) { m_source = text; m_layout.reset(); }
    /// The height of the notes and the source line in `target`, and a height the foot takes at least (the
    /// frames of an animation keep the map in one place whatever their notes).
    qreal footHeight(const QRectF &target) const;
    void setFootReserve(qreal height) { m_footReserve = height; m_layout.reset(); }
    /// The height left blank in `target` between the map (with its legend and inset) and the foot: a map area
    /// taller than the map (a phone's) puts the room there. 0 when the map fills its area.
    qreal blankHeight(const QRectF &target) const;
    const QString &sourceLine() const { return m_source; }
    /// The full citations of the sources the figure draws on, for an export's metadata (not drawn).
    void setCitations(const QString &text) { m_citations = text; }
    const QString &citations() const { return m_citations; }

    /// China without the South China Sea (which the inset shows), in layer coordinates.
    core::BoxD fullExtent() const { return m_fullExtent; }
    /// The part of the map shown. The inset is drawn while the view is the full extent.
    void setViewBox(const core::BoxD &box) { m_view = box; m_layout.reset(); }
    const core::BoxD &viewBox() const { return m_view; }
    void resetView() { m_view = m_fullExtent; m_layout.reset(); }
    bool showsInset() const;
    /// Zooms by `factor` (> 1: closer) keeping the layer point under `anchor` in place.
    void zoom(double factor, QPointF anchor, const QRectF &target);
    /// Moves the view by a device-pixel offset (a drag).
    void pan(QPointF delta, const QRectF &target);
    /// The bounds of some features, padded by 5 %, for zooming to them.
    core::BoxD boundsOf(const std::vector<int> &features) const;

    void paint(QPainter &painter, const QRectF &target) const;
    /// Paints the units only — no title, legend, inset, labels, notes or source line — with the same layout:
    /// for tests that what is laid over the map covers no unit.
    void setOverlaysHidden(bool hidden) { m_overlaysHidden = hidden; }
    /// While the view moves (a flight, a drag), paint with the nearest cached detail level instead of
    /// simplifying anew at every scale step; the exact level is built when it stops.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    bool isInteractive() const { return m_interactive; }

    /// Where the parts of a map drawn into `target` go, in its coordinates: the map fitted with the legend
    /// and the inset over no unit. Of the placements tried — the map centred with the legend in a corner,
    /// the map moved right, up or down to free that corner, the map shrunk beside or above the legend —
    /// the largest map whose legend rectangle intersects no outline of the layer (Boost.Geometry, on the
    /// projected polygons) is taken. Cached until the target, the view, the texts or the legend change.
    /// The inset's name as drawn in an inset: its type, lines and the height of its strip at the foot.
    struct InsetCaption {
        QFont font;
        QStringList lines;
        qreal height = 0;
    };
    struct Layout {
        QRectF target;
        QTransform worldToDevice; ///< layer coordinates → device
        QRectF mapArea;           ///< between the title block and the source line
        QRectF mapClip;           ///< what the main map is fitted into and clipped to (no legend band or column)
        QRectF labelArea;         ///< where labels may go: the map's space (a figure of the whole country clips its map tighter)
        QRectF legend;            ///< empty without a legend
        int legendColumns = 1;
        QRectF inset;             ///< empty without the inset
        InsetCaption insetCaption; ///< the inset's name, under its islands
        QString title;             ///< the title with its line breaks (wrapBetweenWords())
    };
    const Layout &layout(const QRectF &target) const;
    /// Layer coordinates → device coordinates of the main map for a target rectangle.
    QTransform worldToDevice(const QRectF &target) const;
    /// The feature under a device point (main map or inset), or -1.
    int featureAt(QPointF device, const QRectF &target) const;
    /// A device point inside the feature with `code` (its largest part), or nullopt.
    std::optional<QPointF> devicePointOf(const QString &code, const QRectF &target) const;

private:
    /// Paths of one scale step, built per feature when first drawn (a zoomed view builds only what it shows).
    struct Paths {
        double tolerance = 0;
        std::vector<std::optional<QPainterPath>> fill, border, outline, nation;
    };
    QRectF mapArea(const QRectF &target) const;
    QRectF insetArea(const QRectF &target) const;
    QTransform insetTransform(const QRectF &target) const;
    InsetCaption insetCaption(const QRectF &inset) const;
    Paths &pathsFor(double pixelsPerUnit) const;

    void paintLayers(QPainter &painter, const QTransform &xf, const QRectF &clip, bool inset) const;
    void paintLabels(QPainter &painter, const QTransform &xf, const QRectF &area) const;
    void paintLegend(QPainter &painter, const QRectF &box, int columns) const;
    QSizeF legendSize(int columns) const;
    /// True if the device rectangle `r` under `xf` meets a unit of the fill layer.
    bool coversUnit(const QRectF &r, const QTransform &xf) const;
    qreal textBlockHeight(const QString &text, const QFont &font, qreal width) const;

    const core::BoundaryLayer *m_fill = nullptr;
    const core::BoundaryLayer *m_outlines = nullptr;
    const core::BoundaryLayer *m_nation = nullptr;
    const core::BoundaryLayer *m_lines = nullptr;
    std::unique_ptr<core::SpatialIndex> m_index;
    std::vector<QPointF> m_labelPoints; ///< per fill feature, layer coordinates
    std::vector<std::vector<core::LineString>> m_borderRuns; ///< per fill feature: the edges it strokes
    std::vector<QPainterPath> m_linePaths;    ///< per line feature
    std::vector<QString> m_lineKinds;
    mutable std::map<int, Paths> m_cache;     ///< by scale step (log2 of the simplification tolerance)
    core::BoxD m_fullExtent;
    core::BoxD m_insetExtent;
    core::BoxD m_view;

    std::vector<std::optional<QColor>> m_fills;
    std::vector<int> m_focus;
    std::vector<char> m_inFocus; ///< per feature: drawn in colour
    std::vector<int> m_selection;
    int m_hovered = -1;
    bool m_interactive = false;
    double m_lineScale = 1;
    LabelLanguage m_labels = LabelLanguage::Chinese;
    std::vector<QString> m_valueLabels;
    QString m_legendTitle;
    std::vector<LegendItem> m_legend;
    QString m_title;
    QString m_subtitle;
    QString m_headline;
    QString m_source;
    QString m_notes;
    QString m_citations;
    qreal m_footReserve = 0;
    mutable std::optional<Layout> m_layout;
    /// A name placed on the map: its box, its text (a second line its value) and its type (paintLabels()'s).
    struct PlacedLabel {
        QRectF box;
        QString text;
        size_t font = 0;
    };
    /// The names placed by the last paintLabels() and what they rest on; invalid after setLayers().
    struct LabelPlacement {
        bool valid = false;
        QTransform xf;
        QRectF area, legend, inset;
        LabelLanguage language = LabelLanguage::Chinese;
        std::vector<QString> values;
        std::vector<char> inFocus;
        bool compact = false;
        std::vector<PlacedLabel> labels;
        std::vector<std::pair<QPointF, QPointF>> leaders;
    };
    mutable LabelPlacement m_placement;
    bool m_overlaysHidden = false;
    mutable bool m_compact = false; ///< the layout is narrow: smaller legend text
};

/// The font used for map and chart text: Noto Sans for Latin script and digits, Noto Sans CJK SC for Chinese.
QFont mapFont(qreal pointSize, bool bold = false);
/// A figure's title font (bold): 14 pt, 11 pt on a figure narrower than 500 layout pixels (a journal column,
/// a phone).
QFont titleFont(qreal figureWidth);
/// A figure's subtitle font (`small` false: 9 pt) or its notes' and source line's (8 pt); × 0.82 on a figure
/// narrower than 500 layout pixels.
QFont textFont(qreal figureWidth, bool small);
/// `text` with line breaks between its words where it is wider than `width` in `font` ("…, 2023–2024" never
/// breaks after the dash, as Qt's word wrap would). Text whose words do not fit one a line (Chinese, written
/// without spaces) is returned as it is, for Qt's word wrap.
QString wrapBetweenWords(const QString &text, const QFont &font, qreal width);
/// A unit's name without its administrative suffix, for labels: 广西壮族自治区 → 广西, 长沙市 → 长沙.
QString shortName(const QString &nameZh);

} // namespace renkou::ui
