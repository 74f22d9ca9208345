#include "maprenderer.h"
#include "language.h"

#include "palette.h"

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace renkou::ui {

namespace {
constexpr qreal kMargin = 12;
const QColor kTextColor(0x22, 0x22, 0x22);
const QColor kContextFill(0xee, 0xee, 0xee);
const QColor kHatchColor(0x96, 0x96, 0x96);

QPen cosmeticPen(const QColor &color, qreal width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(color, width, style);
    pen.setCosmetic(true);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

QBrush hatchBrush(const QTransform &worldToDevice)
{
    QBrush brush(kHatchColor, Qt::BDiagPattern);
    // Keep the hatch in device pixels whatever the world transform.
    brush.setTransform(worldToDevice.inverted());
    return brush;
}

bool intersects(const core::BoxD &a, const QRectF &b)
{
    return a.maxX >= b.left() && a.minX <= b.right() && a.maxY >= b.top() && a.minY <= b.bottom();
}

QPainterPath ringsPath(const core::MultiPolygon &polygons, double tolerance)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    auto addRing = [&](const core::Ring &ring) {
        const core::Ring r = core::simplified(ring, tolerance);
        if (r.empty())
            return;
        path.moveTo(r.front().x, r.front().y);
        for (size_t i = 1; i < r.size(); ++i)
            path.lineTo(r[i].x, r[i].y);
        path.closeSubpath();
    };
    for (const core::Polygon &poly : polygons) {
        addRing(poly.outer);
        for (const core::Ring &hole : poly.holes)
            addRing(hole);
    }
    return path;
}

/// The bounding box of a lon/lat box projected like `layer` (edges sampled: parallels curve in Albers).
core::BoxD projectedBox(const core::Projection &projection, double lon0, double lat0, double lon1, double lat1)
{
    core::BoxD box;
    for (int i = 0; i <= 8; ++i) {
        const double lon = lon0 + (lon1 - lon0) * i / 8.0;
        const double lat = lat0 + (lat1 - lat0) * i / 8.0;
        for (auto [x, y] : {std::pair{lon, lat0}, std::pair{lon, lat1}, std::pair{lon0, lat}, std::pair{lon1, lat}}) {
            if (auto p = core::projectPoint(projection, x, y))
                box.expand(p.value());
        }
    }
    return box;
}
} // namespace

QFont mapFont(qreal pointSize, bool bold)
{
    // Latin letters and digits from Noto Sans (TrueType: its text survives PDF export exactly), Chinese
    // from Noto Sans CJK SC.
    QFont font;
    font.setFamilies({QStringLiteral("Noto Sans"), QStringLiteral("Noto Sans CJK SC")});
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

/// Figures narrower than this (a journal column, a phone) set their text smaller.
constexpr qreal kNarrow = 500;

QFont titleFont(qreal figureWidth)
{
    return mapFont(figureWidth < kNarrow ? 11 : 14, true);
}

/// The years of an animation's frame, above its title: twice the title's type.
QFont headlineFont(qreal figureWidth)
{
    QFont font = titleFont(figureWidth);
    font.setPointSizeF(font.pointSizeF() * 2);
    return font;
}

QString wrapBetweenWords(const QString &text, const QFont &font, qreal width)
{
    const QFontMetricsF metrics(font);
    QStringList lines;
    for (const QString &word : text.split(u' ')) {
        if (metrics.horizontalAdvance(word) > width)
            return text;
        if (!lines.isEmpty() && metrics.horizontalAdvance(lines.back() + u' ' + word) <= width - 0.5)
            lines.back() += u' ' + word;
        else
            lines << word;
    }
    return lines.join(u'\n');
}

QFont textFont(qreal figureWidth, bool small)
{
    const qreal scale = figureWidth < kNarrow ? 0.82 : 1;
    return mapFont((small ? 8 : 9) * scale);
}

/// A legend row's text: the class and its count of units.
QString legendText(const LegendItem &item)
{
    if (core::currentLanguage() == core::Language::Chinese)
        return QStringLiteral("%1（%2）").arg(item.label).arg(item.count);
    return QStringLiteral("%1  (%2)").arg(item.label).arg(item.count);
}

QString shortName(const QString &nameZh)
{
    static const QRegularExpression suffix(
        QStringLiteral("(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市)$"));
    QString s = nameZh;
    s.remove(suffix);
    return s.isEmpty() ? nameZh : s;
}

MapRenderer::MapRenderer() = default;
MapRenderer::~MapRenderer() = default;

void MapRenderer::setLayers(const core::BoundaryLayer *fill, const core::BoundaryLayer *provinceOutlines,
                            const core::BoundaryLayer *nation, const core::BoundaryLayer *lines)
{
    m_fill = fill;
    m_outlines = provinceOutlines;
    m_nation = nation;
    m_lines = lines;
    m_cache.clear();
    m_index.reset();
    m_fills.clear();
    m_focus.clear();
    m_inFocus.clear();
    m_selection.clear();
    m_valueLabels.clear();
    m_hovered = -1;
    m_labelPoints.clear();
    m_placement.valid = false; // the names of another layer
    m_borderRuns.clear();
    m_linePaths.clear();
    m_lineKinds.clear();
    if (!fill)
        return;
    m_index = std::make_unique<core::SpatialIndex>(*fill);
    std::vector<const core::MultiPolygon *> shapes;
    for (const core::Feature &f : fill->features())
        shapes.push_back(&f.polygons);
    m_borderRuns = core::ownedEdgeRuns(shapes);
    for (const core::Feature &f : fill->features()) {
        const core::PointD p = core::interiorPoint(f.polygons);
        m_labelPoints.emplace_back(p.x, p.y);
    }
    if (lines) {
        for (const core::Feature &f : lines->features()) {
            QPainterPath path;
            for (const core::LineString &l : f.lines) {
                if (l.empty())
                    continue;
                path.moveTo(l.front().x, l.front().y);
                for (size_t i = 1; i < l.size(); ++i)
                    path.lineTo(l[i].x, l[i].y);
            }
            m_linePaths.push_back(path);
            m_lineKinds.push_back(f.properties.value(QStringLiteral("kind")));
        }
    }
    // The main map shows China north of 17.5°N (Hainan and north); the islands further south and the
    // nine-dash line are in the inset, as on the standard map.
    const core::Projection &projection = fill->projection();
    const auto cutoff = core::projectPoint(projection, 110, 17.5);
    m_fullExtent = {};
    for (const core::Feature &f : fill->features()) {
        for (const core::Polygon &poly : f.polygons) {
            const core::BoxD b = core::boundsOf(poly.outer);
            if (!cutoff || b.maxY >= cutoff->y)
                m_fullExtent.expand(b);
        }
    }
    if (m_fullExtent.isEmpty())
        m_fullExtent = fill->bounds();
    m_insetExtent = projectedBox(projection, 106.5, 3.0, 123.0, 24.0);
    m_view = m_fullExtent;
    m_layout.reset();
}

void MapRenderer::setFocus(std::vector<int> features)
{
    m_focus = std::move(features);
    m_inFocus.assign(m_fill ? m_fill->features().size() : 0, m_focus.empty() ? 1 : 0);
    for (int i : m_focus) {
        if (i >= 0 && size_t(i) < m_inFocus.size())
            m_inFocus[size_t(i)] = 1;
    }
}

void MapRenderer::setLegend(const QString &title, std::vector<LegendItem> items)
{
    m_legendTitle = title;
    m_legend = std::move(items);
    m_layout.reset();
}

bool MapRenderer::showsInset() const
{
    return m_fill && m_view.width() >= 0.99 * m_fullExtent.width() && m_view.height() >= 0.99 * m_fullExtent.height()
           && !m_insetExtent.isEmpty();
}

qreal MapRenderer::textBlockHeight(const QString &text, const QFont &font, qreal width) const
{
    if (text.isEmpty())
        return 0;
    return QFontMetricsF(font)
               .boundingRect(QRectF(0, 0, std::max<qreal>(width, 50), 10000), Qt::AlignLeft | Qt::TextWordWrap, text)
               .height()
           + 4;
}

qreal MapRenderer::footHeight(const QRectF &target) const
{
    const qreal w = target.width() - 2 * kMargin;
    return textBlockHeight(m_notes, textFont(target.width(), true), w) + textBlockHeight(m_source, textFont(target.width(), true), w);
}

QRectF MapRenderer::mapArea(const QRectF &target) const
{
    const qreal w = target.width() - 2 * kMargin;
    const qreal top = kMargin + textBlockHeight(m_headline, headlineFont(target.width()), w)
                      + textBlockHeight(wrapBetweenWords(m_title, titleFont(target.width()), w), titleFont(target.width()), w)
                      + textBlockHeight(m_subtitle, textFont(target.width(), false), w);
    const qreal bottom = kMargin + std::max(footHeight(target), m_footReserve);
    return target.adjusted(kMargin, top, -kMargin, -bottom);
}

QTransform MapRenderer::worldToDevice(const QRectF &target) const
{
    return layout(target).worldToDevice;
}

bool MapRenderer::coversUnit(const QRectF &r, const QTransform &xf) const
{
    // A margin of 3 pixels: outlines are stroked, and antialiasing reaches a pixel further.
    const QRectF world = xf.inverted().mapRect(r.adjusted(-3, -3, 3, 3));
    const core::BoxD box{world.left(), world.top(), world.right(), world.bottom()};
    for (const core::Feature &f : m_fill->features()) {
        if (f.bounds.maxX < box.minX || f.bounds.minX > box.maxX || f.bounds.maxY < box.minY || f.bounds.minY > box.maxY)
            continue;
        if (core::intersects(f.polygons, box))
            return true;
    }
    return false;
}

const MapRenderer::Layout &MapRenderer::layout(const QRectF &target) const
{
    if (m_layout && m_layout->target == target)
        return *m_layout;
    Layout out;
    out.target = target;
    // A narrow figure (a journal column, a phone) sets its legend smaller.
    m_compact = target.width() < kNarrow;
    out.mapArea = mapArea(target);
    out.title = wrapBetweenWords(m_title, titleFont(target.width()), target.width() - 2 * kMargin);
    out.mapClip = out.mapArea;
    out.labelArea = out.mapArea;
    if (!m_fill || m_view.isEmpty()) {
        m_layout = out;
        return *m_layout;
    }
    // With the inset, the country is fitted left of the inset's column, so that the two never overlap
    // (in a narrow window Taiwan would otherwise sit under the inset).
    QRectF area = out.mapArea;
    if (showsInset()) {
        out.inset = insetArea(target);
        area.setRight(out.inset.left() - 6);
    }
    // The map fitted into `a`, placed by `hAlign` and `vAlign` (0 left/top, 0.5 centre, 1 right/bottom).
    const auto fit = [&](const QRectF &a, qreal hAlign, qreal vAlign) {
        const qreal scale = std::min(a.width() / m_view.width(), a.height() / m_view.height());
        const qreal offsetX = a.left() + (a.width() - m_view.width() * scale) * hAlign;
        const qreal offsetY = a.top() + (a.height() - m_view.height() * scale) * vAlign;
        // Northing grows upwards, device y downwards.
        return QTransform(scale, 0, 0, -scale, offsetX - m_view.minX * scale, offsetY + m_view.maxY * scale);
    };
    // A figure of the whole country shows nothing beyond it: the islands and lines south of the view are in
    // the inset, not cut by the edge of a tall map area (a zoomed screen shows its surroundings).
    const bool whole = m_view.minX == m_fullExtent.minX && m_view.maxX == m_fullExtent.maxX && m_view.minY == m_fullExtent.minY
                       && m_view.maxY == m_fullExtent.maxY;
    const auto done = [&]() -> const Layout & {
        out.labelArea = out.mapClip;
        if (out.inset.isValid())
            out.insetCaption = insetCaption(out.inset);
        if (whole) {
            const QRectF shown = out.worldToDevice.mapRect(QRectF(m_view.minX, m_view.minY, m_view.width(), m_view.height()));
            out.mapClip = out.mapClip.intersected(shown);
            // Under a map that leaves room below it, the legend and the inset follow it, not the foot.
            for (QRectF *r : {&out.legend, &out.inset})
                if (r->isValid() && r->top() > shown.bottom() + 8)
                    r->moveTop(shown.bottom() + 8);
        }
        m_layout = out;
        return *m_layout;
    };
    // A map area taller than the map (a square, a phone) puts the map under the title, the room below it.
    const bool tall = area.height() / m_view.height() > area.width() / m_view.width();
    out.worldToDevice = fit(area, 0.5, tall ? 0 : 0.5);
    if (m_legend.empty())
        return done();
    // The legend sits in the bottom-left corner of the map area (the sea and the empty land south of Tibet
    // on the standard map). Placements, best first; the first whose legend covers no unit wins, else the
    // reserved band (beside or below the map) that leaves the larger map.
    const QSizeF size = legendSize(1);
    const QRectF legend(out.mapArea.left(), out.mapArea.bottom() - size.height(), size.width(), size.height());
    out.legend = legend;
    const std::pair<qreal, qreal> aligns[] = {{0.5, tall ? 0 : 0.5}, {1, 0.5}, {0.5, 0}, {1, 0}};
    for (const auto &[h, v] : aligns) {
        const QTransform xf = fit(area, h, v);
        if (!coversUnit(legend, xf) && !(out.inset.isValid() && legend.intersects(out.inset))) {
            out.worldToDevice = xf;
            return done();
        }
    }
    // Reserved space: a column for the legend beside the map, or a band under the map holding the legend
    // (left) and the inset (right), the map then using the full width. The larger map wins.
    const auto scaleOf = [&](const QRectF &a) { return std::min(a.width() / m_view.width(), a.height() / m_view.height()); };
    const QRectF beside = area.adjusted(size.width() + 8, 0, 0, 0);
    // In the band the legend takes as many columns (up to 3) as fit beside the inset: a lower band, a larger map.
    const qreal insetW = out.inset.isValid() ? out.inset.width() + 8 : 0;
    int columns = 1;
    while (columns < 3 && legendSize(columns + 1).width() + insetW <= out.mapArea.width())
        ++columns;
    const QSizeF bandLegend = legendSize(columns);
    const qreal bandH = std::max(bandLegend.height(), out.inset.isValid() ? out.inset.height() : 0.0) + 8;
    const QRectF above = out.mapArea.adjusted(0, 0, 0, -bandH);
    const bool bandFits = bandLegend.width() + insetW <= out.mapArea.width();
    if (bandFits && scaleOf(above) > scaleOf(beside)) {
        out.worldToDevice = fit(above, 0.5, 1);
        out.mapClip = above;
        out.legendColumns = columns;
        out.legend = QRectF(out.mapArea.left(), out.mapArea.bottom() - bandLegend.height(), bandLegend.width(), bandLegend.height());
        if (out.inset.isValid())
            out.inset.moveBottom(out.mapArea.bottom());
    } else {
        out.worldToDevice = fit(beside, 0.5, 0.5);
        out.mapClip = out.mapArea.adjusted(size.width() + 8, 0, 0, 0);
    }
    return done();
}

qreal MapRenderer::blankHeight(const QRectF &target) const
{
    const Layout &lay = layout(target);
    if (!m_fill || m_view.isEmpty())
        return 0;
    qreal bottom = lay.worldToDevice.mapRect(QRectF(m_view.minX, m_view.minY, m_view.width(), m_view.height())).bottom();
    for (const QRectF &r : {lay.legend, lay.inset})
        if (r.isValid())
            bottom = std::max(bottom, r.bottom());
    return std::max(0.0, lay.mapArea.bottom() - bottom - 4);
}

QRectF MapRenderer::insetArea(const QRectF &target) const
{
    const QRectF area = mapArea(target);
    const double aspect = m_insetExtent.height() / m_insetExtent.width();
    qreal w = area.width() * 0.16;
    qreal h = w * aspect;
    if (h > area.height() * 0.38) {
        h = area.height() * 0.38;
        w = h / aspect;
    }
    return QRectF(area.right() - w - 4, area.bottom() - h - 4, w, h);
}

MapRenderer::InsetCaption MapRenderer::insetCaption(const QRectF &inset) const
{
    // In smaller type where the inset is narrow (down to 5.5 pt), on one line if it fits, else on as few
    // lines as it needs.
    InsetCaption out;
    const QString name = m_labels == LabelLanguage::English ? QStringLiteral("South China Sea Islands") : QStringLiteral("南海诸岛");
    out.font = mapFont(7);
    while (out.font.pointSizeF() > 5.5 && QFontMetricsF(out.font).horizontalAdvance(name) > inset.width() - 6)
        out.font.setPointSizeF(out.font.pointSizeF() - 0.5);
    const QFontMetricsF fm(out.font);
    for (const QString &word : name.split(u' ')) {
        if (!out.lines.isEmpty() && fm.horizontalAdvance(out.lines.back() + u' ' + word) <= inset.width() - 6)
            out.lines.back() += u' ' + word;
        else
            out.lines << word;
    }
    out.height = fm.height() * qreal(out.lines.size()) + 3;
    return out;
}

QTransform MapRenderer::insetTransform(const QRectF &target) const
{
    const Layout &lay = layout(target);
    const QRectF r = lay.inset.adjusted(0, 0, 0, -lay.insetCaption.height); // the islands above the name
    const qreal scale = std::min(r.width() / m_insetExtent.width(), r.height() / m_insetExtent.height());
    return QTransform(scale, 0, 0, -scale, r.left() - m_insetExtent.minX * scale, r.top() + m_insetExtent.maxY * scale);
}

void MapRenderer::zoom(double factor, QPointF anchor, const QRectF &target)
{
    bool ok = false;
    const QPointF a = worldToDevice(target).inverted(&ok).map(anchor);
    if (!ok || factor <= 0)
        return;
    // Never further out than four times the full extent, never closer than about 1 km across.
    const double width = m_view.width() / factor;
    if (width > 4 * m_fullExtent.width() || width < 1000)
        return;
    m_layout.reset();
    m_view = {a.x() - (a.x() - m_view.minX) / factor, a.y() - (a.y() - m_view.minY) / factor,
              a.x() + (m_view.maxX - a.x()) / factor, a.y() + (m_view.maxY - a.y()) / factor};
}

void MapRenderer::pan(QPointF delta, const QRectF &target)
{
    const qreal scale = worldToDevice(target).m11();
    if (scale <= 0)
        return;
    const double dx = -delta.x() / scale;
    const double dy = delta.y() / scale;
    m_view = {m_view.minX + dx, m_view.minY + dy, m_view.maxX + dx, m_view.maxY + dy};
    m_layout.reset();
}

core::BoxD MapRenderer::boundsOf(const std::vector<int> &features) const
{
    core::BoxD box;
    for (int i : features) {
        if (m_fill && i >= 0 && size_t(i) < m_fill->features().size()) {
            // Leave out far-away specks (the South China Sea islands of Hainan) when there is a mainland part.
            for (const core::Polygon &p : m_fill->features()[size_t(i)].polygons) {
                const core::BoxD b = core::boundsOf(p.outer);
                if (b.maxY >= m_fullExtent.minY)
                    box.expand(b);
            }
        }
    }
    if (box.isEmpty())
        return m_fullExtent;
    const double padX = box.width() * 0.05;
    const double padY = box.height() * 0.05;
    return {box.minX - padX, box.minY - padY, box.maxX + padX, box.maxY + padY};
}

MapRenderer::Paths &MapRenderer::pathsFor(double pixelsPerUnit) const
{
    // About half a pixel (a power of two between 0.35 and 0.7 px) so that nearby scales share one cached set.
    const int step = int(std::lround(std::log2(0.5 / std::max(pixelsPerUnit, 1e-12))));
    auto it = m_cache.find(step);
    if (it != m_cache.end())
        return it->second;
    if (m_interactive && !m_cache.empty()) {
        // The nearest level already built; a coarser one if there is (it is cheaper to draw).
        auto best = m_cache.begin();
        for (auto c = m_cache.begin(); c != m_cache.end(); ++c) {
            if (std::abs(c->first - step) < std::abs(best->first - step))
                best = c;
        }
        return best->second;
    }
    if (m_cache.size() > 12)
        m_cache.clear();
    Paths paths;
    paths.tolerance = std::ldexp(1.0, step);
    paths.fill.resize(m_fill->features().size());
    paths.border.resize(m_fill->features().size());
    paths.outline.resize(m_outlines ? m_outlines->features().size() : 0);
    paths.nation.resize(m_nation ? m_nation->features().size() : 0);
    return m_cache.emplace(step, std::move(paths)).first->second;
}

namespace {
const QPainterPath &pathOf(std::vector<std::optional<QPainterPath>> &paths, size_t i, const core::Feature &f, double tolerance)
{
    if (!paths[i])
        paths[i] = ringsPath(f.polygons, tolerance);
    return *paths[i];
}
} // namespace

void MapRenderer::paintLayers(QPainter &painter, const QTransform &xf, const QRectF &clip, bool inset) const
{
    Paths &paths = pathsFor(xf.m11());
    const double tol = paths.tolerance;
    // Only what falls in this painter's clip (a band of a parallel render) is drawn.
    const QRectF shown = painter.hasClipping() ? clip.intersected(painter.clipBoundingRect()) : clip;
    const QRectF visible = xf.inverted().mapRect(shown);
    painter.save();
    painter.setClipRect(clip, painter.hasClipping() ? Qt::IntersectClip : Qt::ReplaceClip);
    painter.setTransform(xf, true);
    const QBrush hatch = hatchBrush(painter.transform());
    const QPen border = cosmeticPen(Qt::white, m_lineScale * (inset ? 0.4 : 0.7));
    const QPen noDataBorder = cosmeticPen(kHatchColor, m_lineScale * 0.7);
    const auto &features = m_fill->features();
    // Fills without antialiasing (their edges are covered by the antialiased borders drawn over them): the
    // raster fill is then about twice as fast.
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (size_t i = 0; i < features.size(); ++i) {
        if (!intersects(features[i].bounds, visible))
            continue;
        const bool focused = m_inFocus.empty() || m_inFocus[i];
        const std::optional<QColor> fill = i < m_fills.size() ? m_fills[i] : std::nullopt;
        const QPainterPath &path = pathOf(paths.fill, i, features[i], tol);
        painter.setPen(Qt::NoPen);
        if (!focused) {
            painter.setBrush(kContextFill);
            painter.drawPath(path);
        } else if (fill) {
            painter.setBrush(*fill);
            painter.drawPath(path);
        } else {
            painter.setBrush(core::noDataColor().lighter(115));
            painter.drawPath(path);
            painter.setBrush(hatch);
            painter.drawPath(path);
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    for (size_t i = 0; i < features.size(); ++i) {
        if (!intersects(features[i].bounds, visible))
            continue;
        const bool noData = (m_inFocus.empty() || m_inFocus[i]) && !(i < m_fills.size() && m_fills[i]);
        painter.setPen(noData ? noDataBorder : border);
        if (!paths.border[i]) {
            QPainterPath runs;
            for (const core::LineString &run : m_borderRuns[i]) {
                const core::LineString line = core::simplifiedLine(run, tol);
                runs.moveTo(line.front().x, line.front().y);
                for (size_t k = 1; k < line.size(); ++k)
                    runs.lineTo(line[k].x, line[k].y);
            }
            paths.border[i] = runs;
        }
        painter.drawPath(*paths.border[i]);
    }
    if (m_outlines) {
        // Width 1 at most keeps Qt's fast cosmetic stroker; darker instead of wider.
        painter.setPen(cosmeticPen(QColor(0x33, 0x33, 0x33), m_lineScale * (inset ? 0.6 : 1.0)));
        for (size_t i = 0; i < paths.outline.size(); ++i) {
            if (intersects(m_outlines->features()[i].bounds, visible))
                painter.drawPath(pathOf(paths.outline, i, m_outlines->features()[i], tol));
        }
    }
    if (m_nation) {
        painter.setPen(cosmeticPen(QColor(0x44, 0x44, 0x44), m_lineScale * (inset ? 0.6 : 0.9)));
        for (size_t i = 0; i < paths.nation.size(); ++i)
            painter.drawPath(pathOf(paths.nation, i, m_nation->features()[i], tol));
    }
    for (size_t i = 0; i < m_linePaths.size(); ++i) {
        const QString &kind = m_lineKinds[i];
        if (kind == u"nine_dash_line")
            painter.setPen(cosmeticPen(QColor(0x33, 0x33, 0x33), m_lineScale * (inset ? 1.0 : 1.6)));
        else if (kind == u"undetermined_border")
            painter.setPen(cosmeticPen(QColor(0x33, 0x33, 0x33), m_lineScale * 1.2, Qt::DashLine));
        else if (kind == u"sar_border")
            painter.setPen(cosmeticPen(QColor(0x99, 0x99, 0x99), m_lineScale * 0.6, Qt::DashLine));
        else
            painter.setPen(cosmeticPen(QColor(0x99, 0x99, 0x99), m_lineScale * 0.6));
        painter.drawPath(m_linePaths[i]);
    }
    if (!inset) {
        if (m_hovered >= 0 && size_t(m_hovered) < paths.fill.size()) {
            painter.setPen(cosmeticPen(QColor(0x11, 0x11, 0x11), m_lineScale * 2.0));
            painter.drawPath(pathOf(paths.fill, size_t(m_hovered), features[size_t(m_hovered)], tol));
        }
        painter.setPen(cosmeticPen(QColor(0xd9, 0x48, 0x01), m_lineScale * 2.6));
        for (int i : m_selection) {
            if (i >= 0 && size_t(i) < paths.fill.size())
                painter.drawPath(pathOf(paths.fill, size_t(i), features[size_t(i)], tol));
        }
    }
    painter.restore();
}

namespace {
/// A white halo under `text` drawn at `pos` in `font` (the painter's font): on screen the text drawn one device
/// pixel around its position (cached glyphs: cheap); larger than the screen (an export's scale) that would
/// show as copies of the text, and SVG and PDF should hold each name once, as text: there the outline is
/// stroked.
void drawHalo(QPainter &painter, const QPointF &pos, const QFont &font, const QString &text)
{
    const QColor halo(255, 255, 255, 230);
    if (painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster && std::abs(painter.worldTransform().m11()) < 1.5) {
        painter.setPen(halo);
        for (const QPointF &d : {QPointF(-1, -1), QPointF(1, 1), QPointF(-1, 1), QPointF(1, -1)})
            painter.drawText(pos + d, text);
        return;
    }
    QPainterPath outline;
    outline.addText(pos, font, text);
    painter.strokePath(outline, QPen(halo, 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
}
} // namespace

void MapRenderer::paintLabels(QPainter &painter, const QTransform &xf, const QRectF &area) const
{
    if (m_labels == LabelLanguage::None)
        return;
    const auto &features = m_fill->features();
    // Hundreds of prefecture labels over the whole country are unreadable: label a layer of many units
    // only in a drill-down or when zoomed in.
    if (features.size() > 60 && m_focus.empty() && m_view.width() > m_fullExtent.width() / 2)
        return;
    // Largest units first; a label is placed where it fits in its unit and overlaps no placed label.
    std::vector<size_t> order;
    for (size_t i = 0; i < features.size(); ++i) {
        if (m_inFocus.empty() || m_inFocus[i])
            order.push_back(i);
    }
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return features[a].bounds.width() * features[a].bounds.height()
               > features[b].bounds.width() * features[b].bounds.height();
    });
    // The label's type, and smaller type (down to 5.5 pt, the least a printed map should use) for a name
    // that does not fit its unit in it.
    const qreal basePoints = m_compact ? 6.5 : 8;
    std::vector<QFont> fonts;
    for (const qreal factor : {1.0, 0.85, 0.72})
        if (basePoints * factor >= 5.5 || factor == 1.0)
            fonts.push_back(mapFont(basePoints * factor));
    std::vector<QFontMetricsF> metrics;
    for (const QFont &f : fonts)
        metrics.emplace_back(f);
    // A label is the unit's name (Chinese labels the short forms of the standard map: 山东, 新疆, 北京; full
    // names are in the tables and tooltips), with its value on a second line when values are shown.
    const auto labelOf = [&](size_t i) {
        const QString zh = features[i].properties.value(QStringLiteral("name_zh"), features[i].code);
        QString text = m_labels == LabelLanguage::English ? features[i].properties.value(QStringLiteral("name_en"), features[i].code)
                                                          : shortName(zh);
        if (i < m_valueLabels.size() && !m_valueLabels[i].isEmpty())
            text += u'\n' + m_valueLabels[i];
        return text;
    };
    const auto sizeIn = [](const QFontMetricsF &m, const QString &text) {
        qreal width = 0;
        const QStringList lines = text.split(u'\n');
        for (const QString &line : lines)
            width = std::max(width, m.horizontalAdvance(line));
        return QSizeF(width, m.height() * qreal(lines.size()));
    };
    // The placement is kept while nothing it rests on changes (a hover, a recolour, the next frame of the same
    // view): measuring and fitting the names is most of a frame's fixed cost.
    const QRectF legendBox = m_layout ? m_layout->legend : QRectF();
    const QRectF insetBox = m_layout ? m_layout->inset : QRectF();
    LabelPlacement &cache = m_placement;
    if (!(cache.valid && cache.xf == xf && cache.area == area && cache.legend == legendBox && cache.inset == insetBox
          && cache.language == m_labels && cache.values == m_valueLabels && cache.inFocus == m_inFocus && cache.compact == m_compact)) {
        std::vector<QRectF> placed;
        std::vector<size_t> leaderOrder;
        // A layer of province-level units (or the NBS regions): every unit shown is named.
        const bool provinceLevel = features.size() <= 40;
        std::vector<PlacedLabel> labels;
        const auto free = [&](const QRectF &q) {
            return area.contains(q) && !q.intersects(legendBox) && !q.intersects(insetBox)
                   && std::none_of(placed.begin(), placed.end(), [&](const QRectF &o) { return o.intersects(q); });
        };
        const QTransform toWorld = xf.inverted();
        // The tiny units: Beijing, Tianjin, Shanghai, Hong Kong, Macao (bounds under 0.3 % of the extent).
        const auto isTiny = [&](size_t i) {
            return features[i].bounds.width() * features[i].bounds.height() < 0.003 * m_fullExtent.width() * m_fullExtent.height();
        };
        // Whether the device rectangle `r` lies inside unit `i` (its corners and centre do).
        const auto inside = [&](size_t i, const QRectF &r) {
            const QPointF points[] = {r.topLeft(), r.topRight(), r.bottomLeft(), r.bottomRight(), r.center()};
            return std::all_of(std::begin(points), std::end(points), [&](const QPointF &d) {
                const QPointF w = toWorld.map(d);
                return core::contains(features[i].polygons, core::PointD{w.x(), w.y()});
            });
        };
        for (size_t i : order) {
            if (std::isnan(m_labelPoints[i].x()))
                continue;
            const QPointF p = xf.map(m_labelPoints[i]);
            const QRectF unit = xf.mapRect(QRectF(features[i].bounds.minX, features[i].bounds.minY,
                                                  features[i].bounds.width(), features[i].bounds.height()));
            // The name over its value, else both on one line, else the name alone; each in the label's type,
            // else smaller.
            const QString full = labelOf(i);
            QStringList tries = {full};
            if (full.contains(u'\n'))
                tries << QString(full).replace(u'\n', u' ') << full.section(u'\n', 0, 0);
            bool done = false;
            for (const QString &name : tries) {
                for (size_t f = 0; f < fonts.size() && !done; ++f) {
                    const QSizeF size = sizeIn(metrics[f], name);
                    const bool fitsBox = size.width() <= unit.width() * 0.9 && size.height() <= unit.height() * 0.9;
                    // At the label point where the name fits the unit's bounds; else a little above, below or
                    // aside where it lies inside the unit (a narrow unit whose centre a neighbour's name takes).
                    const qreal h = size.height(), w = size.width();
                    for (const QPointF offset : {QPointF(0, 0), QPointF(0, -h), QPointF(0, h), QPointF(0, -2 * h), QPointF(0, 2 * h),
                                                 QPointF(-w / 3, 0), QPointF(w / 3, 0)}) {
                        const QRectF r(p.x() + offset.x() - w / 2, p.y() + offset.y() - h / 2, w, h);
                        const QRectF padded = r.adjusted(-2, -1, 2, 1);
                        if (!free(padded) || !(offset.isNull() ? fitsBox : inside(i, r)))
                            continue;
                        placed.push_back(padded);
                        labels.push_back({r, name, f});
                        done = true;
                        break;
                    }
                }
                if (done)
                    break;
            }
            if (!done && provinceLevel) {
                // A unit whose name does not fit in it (Beijing, Tianjin, Shanghai, Hong Kong, Macao; on a narrow
                // figure the coastal provinces too) gets its name beside it, with a leader line, where it covers no
                // other unit and meets no other label (below).
                leaderOrder.push_back(i);
            }
        }
        // The tiny units first (their names have nowhere else to go), then the others eastmost first (Tianjin
        // before Beijing, so each takes its own side). A label beside its unit goes where it covers no other unit
        // (the sea, beyond the border); else over neighbours that are named themselves — a tiny unit (Beijing,
        // Tianjin, Shanghai, Hong Kong, Macao: bounds under 0.3 % of the extent) at any of the distances, a small
        // one only close by — and never over another unit's label point, where it would read as that unit's name.
        std::sort(leaderOrder.begin(), leaderOrder.end(), [&](size_t a, size_t b) {
            return isTiny(a) != isTiny(b) ? isTiny(a) : m_labelPoints[a].x() > m_labelPoints[b].x();
        });
        std::vector<QPointF> unitPoints;
        for (size_t i = 0; i < features.size(); ++i)
            if (!std::isnan(m_labelPoints[i].x()) && (m_inFocus.empty() || m_inFocus[i]))
                unitPoints.push_back(xf.map(m_labelPoints[i]));
        // The units other than `own` that `box` covers.
        const auto covered = [&](const QRectF &box, size_t own) {
            const QRectF w = toWorld.mapRect(box);
            const core::BoxD b{w.left(), w.top(), w.right(), w.bottom()};
            std::vector<size_t> out;
            for (size_t k = 0; k < features.size(); ++k) {
                const core::BoxD &fb = features[k].bounds;
                if (k != own && fb.maxX >= b.minX && fb.minX <= b.maxX && fb.maxY >= b.minY && fb.minY <= b.maxY && core::intersects(features[k].polygons, b))
                    out.push_back(k);
            }
            return out;
        };
        std::vector<bool> named(features.size(), false);
        for (const PlacedLabel &l : labels)
            for (size_t k = 0; k < features.size(); ++k)
                if (!std::isnan(m_labelPoints[k].x()) && l.box.contains(xf.map(m_labelPoints[k])))
                    named[k] = true;
        // A leader line crosses no other unit, nor a placed label: else it would point from one unit to another's
        // name (Fujian's name beyond Taiwan). A tiny unit's (Beijing's, inside Hebei and under its name) may cross
        // named units and their names: there is no other way out.
        // `overNamed`: the line may cross named units; `overNames`: their names too.
        const auto lineClear = [&](const QPointF &from, const QPointF &to, size_t own, bool overNamed, bool overNames) {
            const int steps = std::max(3, int(QLineF(from, to).length() / 3));
            for (int k = 1; k <= steps; ++k) {
                const QPointF at = from + (to - from) * (qreal(k) / steps);
                if (!overNames && std::any_of(placed.begin(), placed.end(), [&](const QRectF &o) { return o.contains(at); }))
                    return false;
                const std::vector<size_t> under = covered(QRectF(at - QPointF(0.5, 0.5), QSizeF(1, 1)), own);
                if (overNamed ? std::any_of(under.begin(), under.end(), [&](size_t u) { return !named[u]; }) : !under.empty())
                    return false;
            }
            return true;
        };
        // Whether unit `k` lies next to unit `i`: their bounds meet, within 1 % of the map's width.
        const auto near = [&](size_t k, size_t i) {
            const double pad = 0.01 * m_fullExtent.width();
            const core::BoxD &a = features[k].bounds, &b = features[i].bounds;
            return a.maxX + pad >= b.minX && b.maxX + pad >= a.minX && a.maxY + pad >= b.minY && b.maxY + pad >= a.minY;
        };
        std::vector<std::pair<QPointF, QPointF>> leaders;
        std::vector<bool> led(features.size(), false);
        // Places the names of `units` beside them, in that order. Twice: a tiny unit whose neighbours were not
        // named yet (Beijing inside Hebei, named beside it after) tries again once they are.
        const auto placeLeaders = [&](const std::vector<size_t> &units) {
        for (int pass = 0; pass < 2; ++pass)
        for (size_t i : units) {
            if (led[i])
                continue;
            const QPointF p = xf.map(m_labelPoints[i]);
            const QString name = labelOf(i);
            const bool tiny = isTiny(i);
            const bool small = features[i].bounds.width() * features[i].bounds.height() < 0.015 * m_fullExtent.width() * m_fullExtent.height();
            bool done = false;
            // In the label's type, else smaller (a name beside a crowded coast).
            // A tiny unit's line crosses a name only where it has no other way out (Beijing's, inside Hebei).
            for (const bool overNames : {false, true})
            for (size_t f = 0; f < fonts.size() && !done && (!overNames || tiny); ++f)
            for (const bool overLand : {false, true}) {
              const QSizeF size = sizeIn(metrics[f], name);
              // Only a small unit's name may sit over land (its named neighbours'), a larger unit's would read as
              // theirs; only a tiny unit's further than close by.
              if (done || (overLand && !small))
                  break;
              for (const qreal distance : {m_compact ? 8.0 : 14.0, m_compact ? 14.0 : 24.0, m_compact ? 20.0 : 36.0, m_compact ? 28.0 : 50.0}) {
                if (overLand && !tiny && distance > (m_compact ? 8.0 : 14.0))
                    break;
                for (const QPointF dir : {QPointF(1, 0), QPointF(1, -1), QPointF(1, 1), QPointF(0, -1), QPointF(0, 1), QPointF(-1, 0),
                                          QPointF(-1, -1), QPointF(-1, 1)}) {
                    const QPointF end = p + dir * distance;
                    // The label's near side at the end of the line.
                    const QPointF topLeft(dir.x() > 0 ? end.x() : dir.x() < 0 ? end.x() - size.width() : end.x() - size.width() / 2,
                                          dir.y() > 0 ? end.y() : dir.y() < 0 ? end.y() - size.height() : end.y() - size.height() / 2);
                    const QRectF r(topLeft, size);
                    const QRectF padded = r.adjusted(-2, -1, 2, 1);
                    if (!free(padded)
                        || std::any_of(unitPoints.begin(), unitPoints.end(), [&](const QPointF &u) { return u != p && padded.adjusted(-3, -3, 3, 3).contains(u); })
                        )
                        continue;
                    // Over land only over named neighbours (Beijing's name over Hebei), never a farther unit's land
                    // (Macao's over Guangxi would read as a place there).
                    const std::vector<size_t> under = covered(padded, i);
                    if (overLand ? std::any_of(under.begin(), under.end(), [&](size_t k) { return !named[k] || !near(k, i); }) : !under.empty())
                        continue;
                    // A name over land touches its own unit, so that it reads as its (Shanxi's not over Shaanxi).
                    if (overLand && !tiny) {
                        const QRectF w = toWorld.mapRect(padded);
                        if (!core::intersects(features[i].polygons, core::BoxD{w.left(), w.top(), w.right(), w.bottom()}))
                            continue;
                    }
                    // Nor does it cross another leader line, nor the name lie across one (Hong Kong's line through
                    // "Macao" would pair the names wrongly).
                    const auto crosses = [&](const QLineF &line) {
                        if (padded.contains(line.p1()) || padded.contains(line.p2()))
                            return true;
                        const QLineF edges[] = {{padded.topLeft(), padded.topRight()}, {padded.topRight(), padded.bottomRight()},
                                                {padded.bottomRight(), padded.bottomLeft()}, {padded.bottomLeft(), padded.topLeft()}};
                        return std::any_of(std::begin(edges), std::end(edges),
                                           [&](const QLineF &e) { return line.intersects(e, nullptr) == QLineF::BoundedIntersection; });
                    };
                    if (!lineClear(p, end, i, tiny || overLand, overNames) || std::any_of(leaders.begin(), leaders.end(), [&](const auto &l) {
                            return QLineF(p, end).intersects(QLineF(l.first, l.second), nullptr) == QLineF::BoundedIntersection
                                   || crosses(QLineF(l.first, l.second));
                        }))
                        continue;
                    placed.push_back(padded);
                    labels.push_back({r, name, f});
                    leaders.emplace_back(p, end);
                    named[i] = true; // a line to Beijing's name may cross Tianjin, named beside it
                    led[i] = true;
                    done = true;
                    break;
                }
                if (done)
                    break;
              }
            }
        }
        };
        // The tiny units eastmost first, and again westmost first (Hong Kong and Macao share the delta's sea): the
        // placement that names more units wins, the first on a tie.
        const auto before = std::tuple{placed, labels, named};
        placeLeaders(leaderOrder);
        const auto east = std::tuple{placed, labels, named, leaders, led};
        std::tie(placed, labels, named) = before;
        leaders.clear();
        led.assign(features.size(), false);
        std::vector<size_t> westFirst = leaderOrder;
        std::sort(westFirst.begin(), westFirst.end(), [&](size_t a, size_t b) {
            return isTiny(a) != isTiny(b) ? isTiny(a) : isTiny(a) ? m_labelPoints[a].x() < m_labelPoints[b].x() : m_labelPoints[a].x() > m_labelPoints[b].x();
        });
        placeLeaders(westFirst);
        if (std::count(led.begin(), led.end(), true) <= std::count(std::get<4>(east).begin(), std::get<4>(east).end(), true))
            std::tie(placed, labels, named, leaders, led) = east;
        cache = {true, xf, area, legendBox, insetBox, m_labels, m_valueLabels, m_inFocus, m_compact, std::move(labels), std::move(leaders)};
    }
    const std::vector<PlacedLabel> &labels = cache.labels;
    const std::vector<std::pair<QPointF, QPointF>> &leaders = cache.leaders;
    painter.save();
    painter.setPen(QPen(QColor(0x55, 0x55, 0x55), 0.6));
    for (const auto &[from, to] : leaders)
        painter.drawLine(from, to);
    // Each line of a label centred in its box: (baseline position, text).
    struct Line {
        QPointF pos;
        QString text;
        size_t font = 0;
    };
    std::vector<Line> lines;
    for (const PlacedLabel &l : labels) {
        const QFontMetricsF &m = metrics[l.font];
        const QStringList parts = l.text.split(u'\n');
        for (qsizetype k = 0; k < parts.size(); ++k)
            lines.push_back({QPointF(l.box.center().x() - m.horizontalAdvance(parts[k]) / 2, l.box.top() + m.height() * qreal(k) + m.ascent()),
                             parts[k], l.font});
    }
    // Halos first, then every text on top; the font set only where it changes.
    std::stable_sort(lines.begin(), lines.end(), [](const Line &a, const Line &b) { return a.font < b.font; });
    for (size_t k = 0; k < lines.size(); ++k) {
        if (k == 0 || lines[k].font != lines[k - 1].font)
            painter.setFont(fonts[lines[k].font]);
        drawHalo(painter, lines[k].pos, fonts[lines[k].font], lines[k].text);
    }
    painter.setPen(kTextColor);
    for (size_t k = 0; k < lines.size(); ++k) {
        if (k == 0 || lines[k].font != lines[k - 1].font)
            painter.setFont(fonts[lines[k].font]);
        painter.drawText(lines[k].pos, lines[k].text);
    }
    painter.restore();
}

void MapRenderer::paint(QPainter &painter, const QRectF &target) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(target, Qt::white);
    const qreal w = target.width() - 2 * kMargin;
    qreal y = target.top() + kMargin / 2;
    painter.setPen(kTextColor);
    for (const auto &[text, font] : {std::pair{m_headline, headlineFont(target.width())},
                                     std::pair{layout(target).title, titleFont(target.width())},
                                     std::pair{m_subtitle, textFont(target.width(), false)}}) {
        if (text.isEmpty() || m_overlaysHidden)
            continue;
        painter.setFont(font);
        const qreal h = textBlockHeight(text, font, w);
        painter.drawText(QRectF(target.left() + kMargin, y, w, h), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, text);
        y += h;
    }
    if (m_fill) {
        const Layout &lay = layout(target);
        const QRectF area = lay.mapClip;
        const QTransform xf = lay.worldToDevice;
        paintLayers(painter, xf, area, false);
        if (m_overlaysHidden) {
            painter.restore();
            return;
        }
        paintLabels(painter, xf, lay.labelArea);
        if (lay.inset.isValid()) {
            const QRectF inset = lay.inset;
            // The inset's name in its own strip at its foot, right-aligned: the islands are fitted above it.
            const InsetCaption &caption = lay.insetCaption;
            painter.fillRect(inset, Qt::white);
            paintLayers(painter, insetTransform(target), inset.adjusted(0, 0, 0, -caption.height), true);
            painter.setPen(QPen(QColor(0x44, 0x44, 0x44), 1));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(inset);
            const QFontMetricsF fm(caption.font);
            painter.setFont(caption.font);
            painter.setPen(kTextColor);
            for (qsizetype k = 0; k < caption.lines.size(); ++k)
                painter.drawText(QPointF(inset.right() - 3 - fm.horizontalAdvance(caption.lines[k]),
                                         inset.bottom() - 2 - fm.descent() - fm.height() * qreal(caption.lines.size() - 1 - k)),
                                 caption.lines[k]);
        }
        paintLegend(painter, lay.legend, lay.legendColumns);
    }
    // Notes, then the source line, at the foot.
    const QFont small = textFont(target.width(), true);
    painter.setFont(small);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    qreal bottom = target.bottom() - kMargin / 2;
    for (const QString &text : {m_source, m_notes}) {
        if (text.isEmpty())
            continue;
        const qreal h = textBlockHeight(text, small, w);
        bottom -= h;
        painter.drawText(QRectF(target.left() + kMargin, bottom, w, h), Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap, text);
    }
    painter.restore();
}

QSizeF MapRenderer::legendSize(int columns) const
{
    const QFont titleFont = mapFont(m_compact ? 7.5 : 9, true);
    const QFontMetricsF itemMetrics(mapFont(m_compact ? 7 : 8.5));
    const qreal rowH = itemMetrics.height() + 4;
    const qreal swatch = rowH - 4;
    qreal item = 0;
    for (const LegendItem &i : m_legend)
        item = std::max(item, swatch * 1.4 + 6 + itemMetrics.horizontalAdvance(legendText(i)) + 8);
    const qreal width = std::max(QFontMetricsF(titleFont).horizontalAdvance(m_legendTitle), item * columns);
    const qint64 rows = (qint64(m_legend.size()) + columns - 1) / columns;
    const qreal height = QFontMetricsF(titleFont).height() + 4 + rowH * qreal(rows);
    return {width + 16, height + 8};
}

void MapRenderer::paintLegend(QPainter &painter, const QRectF &box, int columns) const
{
    if (m_legend.empty())
        return;
    const QFont titleFont = mapFont(m_compact ? 7.5 : 9, true);
    const QFont itemFont = mapFont(m_compact ? 7 : 8.5);
    const QFontMetricsF itemMetrics(itemFont);
    const qreal rowH = itemMetrics.height() + 4;
    const qreal swatch = rowH - 4;
    const qreal width = box.width() - 16;
    const qreal columnW = width / columns;
    const qint64 rows = (qint64(m_legend.size()) + columns - 1) / columns;
    const qreal titleH = QFontMetricsF(titleFont).height();
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawRect(box);

    const qreal top = box.top() + 4;
    painter.setFont(titleFont);
    painter.setPen(kTextColor);
    painter.drawText(QRectF(box.left() + 8, top, width, titleH), Qt::AlignLeft, m_legendTitle);
    painter.setFont(itemFont);
    // Items run down each column in turn.
    for (size_t i = 0; i < m_legend.size(); ++i) {
        const LegendItem &item = m_legend[i];
        const qreal x = box.left() + 8 + columnW * qreal(qint64(i) / rows);
        const qreal y = top + titleH + 4 + rowH * qreal(qint64(i) % rows);
        const QRectF sw(x, y + 2, swatch * 1.4, swatch);
        painter.setPen(QPen(QColor(0x99, 0x99, 0x99), 0.5));
        if (item.color.isValid()) {
            painter.setBrush(item.color);
            painter.drawRect(sw);
        } else {
            painter.setBrush(core::noDataColor().lighter(115));
            painter.drawRect(sw);
            painter.setBrush(QBrush(kHatchColor, Qt::BDiagPattern));
            painter.drawRect(sw);
        }
        painter.setPen(kTextColor);
        painter.drawText(QRectF(sw.right() + 6, y, columnW, rowH), Qt::AlignLeft | Qt::AlignVCenter, legendText(item));
    }
}

int MapRenderer::featureAt(QPointF device, const QRectF &target) const
{
    if (!m_index)
        return -1;
    const bool inInset = showsInset() && layout(target).inset.contains(device);
    bool invertible = false;
    const QPointF world = (inInset ? insetTransform(target) : worldToDevice(target)).inverted(&invertible).map(device);
    if (!invertible || (!inInset && !layout(target).mapArea.contains(device)))
        return -1;
    return m_index->featureAt({world.x(), world.y()});
}

std::optional<QPointF> MapRenderer::devicePointOf(const QString &code, const QRectF &target) const
{
    if (!m_fill)
        return std::nullopt;
    const int i = m_fill->indexOf(code);
    if (i < 0 || std::isnan(m_labelPoints[size_t(i)].x()))
        return std::nullopt;
    return worldToDevice(target).map(m_labelPoints[size_t(i)]);
}

} // namespace renkou::ui
