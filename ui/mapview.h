#pragma once
#include "maprenderer.h"

#include <QWidget>
#include <functional>

class QVariantAnimation;

namespace renkou::ui {

/// The interactive map: paints through its MapRenderer and turns input into signals and view changes.
/// Wheel, +/- keys and pinch zoom; drag and arrow keys pan; 0 or Home resets the view.
class MapView : public QWidget {
    Q_OBJECT
public:
    explicit MapView(QWidget *parent = nullptr);

    MapRenderer &renderer() { return m_renderer; }
    const MapRenderer &renderer() const { return m_renderer; }
    /// A point in widget coordinates inside the unit with `code`, if it is drawn.
    std::optional<QPointF> pointOf(const QString &code) const;
    /// Tooltip text for a unit code (HTML); empty for none.
    void setTooltipProvider(std::function<QString(const QString &code)> provider) { m_tooltip = std::move(provider); }
    /// The tooltip text for the unit under `pos`, as shown on hover.
    QString tooltipAt(QPointF pos) const;
    /// Highlights unit `code` as if the mouse were over it (from a linked chart); empty: none.
    void highlight(const QString &code);
    /// Moves the view to `box` over a short animation (immediately when `animate` is false).
    void flyTo(const core::BoxD &box, bool animate = true);
    /// True while a flight is under way.
    bool isFlying() const;
    QSize sizeHint() const override { return {900, 680}; }

signals:
    /// A unit was clicked; `add` when Ctrl was held (add to the selection).
    void regionClicked(const QString &code, bool add);
    void regionDoubleClicked(const QString &code);
    /// A right click (or the menu key) over the unit `code` (empty: none) at `globalPos`.
    void menuRequested(const QString &code, const QPoint &globalPos);
    /// The mouse is over another unit (empty: none).
    void regionHovered(const QString &code);
    /// The map was painted (the first time: the start-up figure).
    void painted();

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QString codeAt(QPointF pos) const;
    void zoomBy(double factor, QPointF anchor);

    MapRenderer m_renderer;
    std::function<QString(const QString &)> m_tooltip;
    QPointF m_pressPos;
    QPointF m_lastDragPos;
    bool m_dragging = false;
    bool m_doubleClicked = false; ///< the next release ends a double-click
    QVariantAnimation *m_flight = nullptr;
    QMetaObject::Connection m_flightStep; ///< the running flight's valueChanged connection
};

} // namespace renkou::ui
