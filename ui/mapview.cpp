#include "mapview.h"

#include <QMouseEvent>
#include <QPainter>

namespace renkou::ui {

MapView::MapView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("mapView"));
    setMinimumSize(400, 300);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::PointingHandCursor);
}

std::optional<QPointF> MapView::pointOf(const QString &code) const
{
    return m_renderer.devicePointOf(code, rect());
}

void MapView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    m_renderer.paint(painter, rect());
}

void MapView::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position();
}

void MapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || (event->position() - m_pressPos).manhattanLength() > 4)
        return;
    const int i = m_renderer.featureAt(event->position(), rect());
    if (i >= 0)
        emit regionClicked(m_renderer.layer()->features()[size_t(i)].code);
}

} // namespace renkou::ui
