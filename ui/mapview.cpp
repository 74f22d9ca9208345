#include "mapview.h"

#include <QContextMenuEvent>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QToolTip>
#include <QVariantAnimation>
#include <QWheelEvent>

namespace renkou::ui {

MapView::MapView(QWidget *parent) : QWidget(parent), m_flight(new QVariantAnimation(this))
{
    setObjectName(QStringLiteral("mapView"));
    setMinimumSize(400, 300);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    m_flight->setDuration(350);
    connect(m_flight, &QVariantAnimation::finished, this, [this] {
        m_renderer.setInteractive(false);
        update();
    });
    m_flight->setEasingCurve(QEasingCurve::InOutCubic);
}

std::optional<QPointF> MapView::pointOf(const QString &code) const
{
    return m_renderer.devicePointOf(code, rect());
}

QString MapView::codeAt(QPointF pos) const
{
    const int i = m_renderer.featureAt(pos, rect());
    return i < 0 ? QString() : m_renderer.layer()->features()[size_t(i)].code;
}

QString MapView::tooltipAt(QPointF pos) const
{
    const QString code = codeAt(pos);
    return code.isEmpty() || !m_tooltip ? QString() : m_tooltip(code);
}

bool MapView::isFlying() const
{
    return m_flight->state() == QAbstractAnimation::Running;
}

void MapView::flyTo(const core::BoxD &box, bool animate)
{
    m_flight->stop();
    if (!animate) {
        m_renderer.setInteractive(false);
        m_renderer.setViewBox(box);
        update();
        return;
    }
    const core::BoxD start = m_renderer.viewBox();
    disconnect(m_flightStep); // only the previous flight's step; the finished handler stays
    m_renderer.setInteractive(true);
    m_flight->setStartValue(0.0);
    m_flight->setEndValue(1.0);
    m_flightStep = connect(m_flight, &QVariantAnimation::valueChanged, this, [this, start, box](const QVariant &v) {
        const double t = v.toDouble();
        auto mix = [t](double a, double b) { return a + (b - a) * t; };
        m_renderer.setViewBox({mix(start.minX, box.minX), mix(start.minY, box.minY), mix(start.maxX, box.maxX),
                               mix(start.maxY, box.maxY)});
        update();
    });
    m_flight->start();
}

void MapView::zoomBy(double factor, QPointF anchor)
{
    m_flight->stop();
    m_renderer.setInteractive(false);
    m_renderer.zoom(factor, anchor, rect());
    update();
}

bool MapView::event(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(1.0 + gesture->value(), gesture->position());
            return true;
        }
    }
    return QWidget::event(event);
}

void MapView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    m_renderer.paint(painter, rect());
    emit painted();
}

void MapView::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position();
    m_lastDragPos = event->position();
    m_dragging = false;
}

void MapView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        if (!m_dragging && (event->position() - m_pressPos).manhattanLength() > 4)
            m_dragging = true;
        if (m_dragging) {
            m_flight->stop();
            m_renderer.setInteractive(true);
            m_renderer.pan(event->position() - m_lastDragPos, rect());
            m_lastDragPos = event->position();
            setCursor(Qt::ClosedHandCursor);
            update();
        }
        return;
    }
    const int i = m_renderer.featureAt(event->position(), rect());
    if (i != m_renderer.hovered()) {
        m_renderer.setHovered(i);
        update();
        emit regionHovered(i < 0 ? QString() : m_renderer.layer()->features()[size_t(i)].code);
    }
    const QString text = tooltipAt(event->position());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void MapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging) {
        m_dragging = false;
        m_renderer.setInteractive(false);
        unsetCursor();
        update();
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    // The release that ends a double-click is no click: after a drill-down it would select whatever unit is
    // under the pointer on the zoomed map.
    if (std::exchange(m_doubleClicked, false))
        return;
    const QString code = codeAt(event->position());
    if (!code.isEmpty())
        emit regionClicked(code, event->modifiers() & Qt::ControlModifier);
}

void MapView::mouseDoubleClickEvent(QMouseEvent *event)
{
    m_doubleClicked = true;
    const QString code = codeAt(event->position());
    if (!code.isEmpty())
        emit regionDoubleClicked(code);
}

void MapView::contextMenuEvent(QContextMenuEvent *event)
{
    emit menuRequested(codeAt(event->pos()), event->globalPos());
    event->accept();
}

void MapView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.25, steps), event->position());
    event->accept();
}

void MapView::keyPressEvent(QKeyEvent *event)
{
    const QPointF centre = rect().center();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25, centre);
        break;
    case Qt::Key_Minus:
        zoomBy(0.8, centre);
        break;
    case Qt::Key_Left:
        m_renderer.pan({60, 0}, rect());
        update();
        break;
    case Qt::Key_Right:
        m_renderer.pan({-60, 0}, rect());
        update();
        break;
    case Qt::Key_Up:
        m_renderer.pan({0, 60}, rect());
        update();
        break;
    case Qt::Key_Down:
        m_renderer.pan({0, -60}, rect());
        update();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

void MapView::highlight(const QString &code)
{
    int feature = -1;
    if (!code.isEmpty() && m_renderer.layer()) {
        const auto &features = m_renderer.layer()->features();
        for (size_t i = 0; i < features.size() && feature < 0; ++i)
            if (features[i].code == code)
                feature = int(i);
    }
    if (feature != m_renderer.hovered()) {
        m_renderer.setHovered(feature);
        update();
    }
}

void MapView::leaveEvent(QEvent *)
{
    if (m_renderer.hovered() >= 0) {
        m_renderer.setHovered(-1);
        update();
        emit regionHovered(QString());
    }
}

} // namespace renkou::ui
