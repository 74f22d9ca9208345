#include "maprenderer.h"

#include "palette.h"

#include <QFontMetricsF>
#include <QPainter>

namespace renkou::ui {

namespace {
constexpr qreal kMargin = 12;

QBrush noDataBrush(const QTransform &worldToDevice)
{
    QBrush brush(QColor(0x96, 0x96, 0x96), Qt::BDiagPattern);
    // Keep the hatch in device pixels whatever the world transform.
    brush.setTransform(worldToDevice.inverted());
    return brush;
}
} // namespace

QFont mapFont(qreal pointSize, bool bold)
{
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

MapRenderer::MapRenderer() = default;
MapRenderer::~MapRenderer() = default;

void MapRenderer::setLayer(const core::BoundaryLayer *layer)
{
    m_layer = layer;
    m_paths.clear();
    m_index.reset();
    m_fills.clear();
    m_selection.clear();
    if (!layer)
        return;
    m_paths.reserve(layer->features().size());
    for (const core::Feature &f : layer->features()) {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (const core::Polygon &poly : f.polygons) {
            auto addRing = [&path](const core::Ring &ring) {
                if (ring.empty())
                    return;
                path.moveTo(ring.front().x, ring.front().y);
                for (size_t i = 1; i < ring.size(); ++i)
                    path.lineTo(ring[i].x, ring[i].y);
                path.closeSubpath();
            };
            addRing(poly.outer);
            for (const core::Ring &hole : poly.holes)
                addRing(hole);
        }
        m_paths.push_back(std::move(path));
    }
    m_index = std::make_unique<core::SpatialIndex>(*layer);
}

void MapRenderer::setFills(std::vector<std::optional<QColor>> fills)
{
    m_fills = std::move(fills);
}

void MapRenderer::setLegend(const QString &title, std::vector<LegendItem> items)
{
    m_legendTitle = title;
    m_legend = std::move(items);
}

qreal MapRenderer::sourceHeight(qreal width) const
{
    const QRectF r = QFontMetricsF(mapFont(8)).boundingRect(QRectF(0, 0, width - 2 * kMargin, 1000),
                                                            Qt::AlignLeft | Qt::TextWordWrap, m_source);
    return r.height() + 4;
}

QRectF MapRenderer::mapArea(const QRectF &target) const
{
    const qreal top = m_title.isEmpty() ? kMargin : kMargin + QFontMetricsF(mapFont(14, true)).height() + 6;
    const qreal bottom = m_source.isEmpty() ? kMargin : kMargin + sourceHeight(target.width());
    return target.adjusted(kMargin, top, -kMargin, -bottom);
}

QTransform MapRenderer::worldToDevice(const QRectF &target) const
{
    if (!m_layer || m_layer->bounds().isEmpty())
        return {};
    const core::BoxD &b = m_layer->bounds();
    const QRectF area = mapArea(target);
    const qreal scale = std::min(area.width() / b.width(), area.height() / b.height());
    const qreal offsetX = area.left() + (area.width() - b.width() * scale) / 2;
    const qreal offsetY = area.top() + (area.height() - b.height() * scale) / 2;
    // Northing grows upwards, device y downwards.
    return QTransform(scale, 0, 0, -scale, offsetX - b.minX * scale, offsetY + b.maxY * scale);
}

int MapRenderer::featureAt(QPointF device, const QRectF &target) const
{
    if (!m_index)
        return -1;
    bool invertible = false;
    const QPointF world = worldToDevice(target).inverted(&invertible).map(device);
    return invertible ? m_index->featureAt({world.x(), world.y()}) : -1;
}

std::optional<QPointF> MapRenderer::devicePointOf(const QString &code, const QRectF &target) const
{
    if (!m_layer)
        return std::nullopt;
    const int i = m_layer->indexOf(code);
    if (i < 0)
        return std::nullopt;
    const core::PointD p = core::interiorPoint(m_layer->features()[size_t(i)].polygons);
    if (std::isnan(p.x))
        return std::nullopt;
    return worldToDevice(target).map(QPointF(p.x, p.y));
}

void MapRenderer::paint(QPainter &painter, const QRectF &target) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(target, Qt::white);

    if (!m_title.isEmpty()) {
        painter.setFont(mapFont(14, true));
        painter.setPen(QColor(0x22, 0x22, 0x22));
        painter.drawText(QRectF(target.left() + kMargin, target.top() + kMargin / 2, target.width() - 2 * kMargin,
                                QFontMetricsF(painter.font()).height() + 6),
                         Qt::AlignLeft | Qt::AlignVCenter, m_title);
    }

    const QTransform xf = worldToDevice(target);
    painter.save();
    painter.setTransform(xf, true);
    QPen border(QColor(0xff, 0xff, 0xff), 0.8);
    border.setCosmetic(true);
    painter.setPen(border);
    const QBrush hatch = noDataBrush(xf);
    QPen noDataBorder(QColor(0x96, 0x96, 0x96), 0.8);
    noDataBorder.setCosmetic(true);
    for (size_t i = 0; i < m_paths.size(); ++i) {
        const std::optional<QColor> fill = i < m_fills.size() ? m_fills[i] : std::nullopt;
        if (fill) {
            painter.setBrush(*fill);
            painter.drawPath(m_paths[i]);
        } else {
            painter.setPen(Qt::NoPen);
            painter.setBrush(core::noDataColor().lighter(115));
            painter.drawPath(m_paths[i]);
            painter.setPen(noDataBorder);
            painter.setBrush(hatch);
            painter.drawPath(m_paths[i]);
            painter.setPen(border);
        }
    }
    QPen selected(QColor(0xd9, 0x48, 0x01), 2.5);
    selected.setCosmetic(true);
    painter.setPen(selected);
    painter.setBrush(Qt::NoBrush);
    for (int i : m_selection) {
        if (i >= 0 && size_t(i) < m_paths.size())
            painter.drawPath(m_paths[size_t(i)]);
    }
    painter.restore();

    paintLegend(painter, mapArea(target));

    if (!m_source.isEmpty()) {
        painter.setFont(mapFont(8));
        painter.setPen(QColor(0x55, 0x55, 0x55));
        const qreal h = sourceHeight(target.width());
        painter.drawText(QRectF(target.left() + kMargin, target.bottom() - kMargin / 2 - h,
                                target.width() - 2 * kMargin, h),
                         Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap, m_source);
    }
    painter.restore();
}

void MapRenderer::paintLegend(QPainter &painter, const QRectF &area) const
{
    if (m_legend.empty())
        return;
    const QFont titleFont = mapFont(9, true);
    const QFont itemFont = mapFont(8.5);
    const qreal rowH = QFontMetricsF(itemFont).height() + 4;
    const qreal swatch = rowH - 4;
    qreal width = QFontMetricsF(titleFont).horizontalAdvance(m_legendTitle);
    for (const LegendItem &item : m_legend) {
        const QString text = QStringLiteral("%1  (%2)").arg(item.label).arg(item.count);
        width = std::max(width, swatch + 8 + QFontMetricsF(itemFont).horizontalAdvance(text));
    }
    const qreal height = QFontMetricsF(titleFont).height() + 4 + rowH * qreal(m_legend.size());
    QRectF box(area.left(), area.bottom() - height - 8, width + 16, height + 8);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 220));
    painter.drawRect(box);

    qreal y = box.top() + 4;
    painter.setFont(titleFont);
    painter.setPen(QColor(0x22, 0x22, 0x22));
    painter.drawText(QRectF(box.left() + 8, y, width, QFontMetricsF(titleFont).height()), Qt::AlignLeft, m_legendTitle);
    y += QFontMetricsF(titleFont).height() + 4;
    painter.setFont(itemFont);
    for (const LegendItem &item : m_legend) {
        const QRectF sw(box.left() + 8, y + 2, swatch * 1.4, swatch);
        painter.setPen(QPen(QColor(0x99, 0x99, 0x99), 0.5));
        if (item.color.isValid()) {
            painter.setBrush(item.color);
            painter.drawRect(sw);
        } else {
            painter.setBrush(core::noDataColor().lighter(115));
            painter.drawRect(sw);
            painter.setBrush(QBrush(QColor(0x96, 0x96, 0x96), Qt::BDiagPattern));
            painter.drawRect(sw);
        }
        painter.setPen(QColor(0x22, 0x22, 0x22));
        painter.drawText(QRectF(sw.right() + 6, y, width, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("%1  (%2)").arg(item.label).arg(item.count));
        y += rowH;
    }
}

} // namespace renkou::ui
