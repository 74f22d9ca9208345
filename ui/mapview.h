#pragma once
#include "maprenderer.h"

#include <QWidget>

namespace renkou::ui {

/// The interactive map: paints through its MapRenderer and turns clicks into region codes.
class MapView : public QWidget {
    Q_OBJECT
public:
    explicit MapView(QWidget *parent = nullptr);

    MapRenderer &renderer() { return m_renderer; }
    const MapRenderer &renderer() const { return m_renderer; }
    /// A point in widget coordinates inside the unit with `code`, if it is drawn.
    std::optional<QPointF> pointOf(const QString &code) const;
    QSize sizeHint() const override { return {900, 700}; }

signals:
    /// A unit was clicked; `code` is its code in the layer.
    void regionClicked(const QString &code);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    MapRenderer m_renderer;
    QPointF m_pressPos;
};

} // namespace renkou::ui
