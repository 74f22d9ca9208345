#include "timeline.h"

#include "maprenderer.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QToolButton>
#include <algorithm>

namespace renkou::ui {

namespace {
constexpr int kButtons = 114; ///< width kept for the play and from–to buttons on the left
}

Timeline::Timeline(QWidget *parent) : QWidget(parent), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(46);
    m_play = new QToolButton(this);
    m_play->setObjectName(QStringLiteral("timelinePlay"));
    m_play->setCheckable(true);
    m_play->setText(tr("▶ Play"));
    m_play->setToolTip(tr("Step through the years with data"));
    m_play->setGeometry(2, 10, 50, 26);
    m_range = new QToolButton(this);
    m_range->setObjectName(QStringLiteral("timelineRange"));
    m_range->setCheckable(true);
    m_range->setText(tr("from–to"));
    m_range->setToolTip(tr("Compare two years: Shift-click a year to choose the start"));
    m_range->setGeometry(54, 10, 58, 26);
    m_timer->setInterval(900);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_dataYears.empty() && m_year >= m_dataYears.back())
            setPlaying(false);
        else
            stepForward();
    });
    connect(m_play, &QToolButton::toggled, this, &Timeline::setPlaying);
    connect(m_range, &QToolButton::toggled, this, [this](bool on) {
        if (on) {
            // From–to starts as the span the map showed: from the previous year with data. From the first year
            // with data, the change runs to the next one, and the user is told.
            const auto it = std::lower_bound(m_dataYears.begin(), m_dataYears.end(), m_year);
            if (it != m_dataYears.begin()) {
                m_from = *std::prev(it);
            } else if (it != m_dataYears.end() && std::next(it) != m_dataYears.end()) {
                m_from = *it;
                m_year = *std::next(it);
                emit notice(tr("%1 is the first year with data: the change runs %1–%2.").arg(m_from).arg(m_year));
            }
        }
        setRangeMode(on, on ? std::optional<int>(m_from) : std::nullopt);
        emit changed();
    });
}

void Timeline::setRange(int first, int last)
{
    m_first = first;
    m_last = std::max(first, last);
    update();
}

void Timeline::setDataYears(std::vector<int> years, bool span)
{
    m_dataYears = std::move(years);
    std::sort(m_dataYears.begin(), m_dataYears.end());
    m_span = span;
    update();
}

void Timeline::setRangeAllowed(bool allowed, const QString &reason)
{
    m_range->setEnabled(allowed);
    m_range->setToolTip(allowed ? tr("Compare two years: Shift-click a year to choose the start") : reason);
}

bool Timeline::hasData(int year) const
{
    return std::binary_search(m_dataYears.begin(), m_dataYears.end(), year);
}

bool Timeline::canEnd(int year) const
{
    return hasData(year) && !(m_span && year == m_dataYears.front());
}

void Timeline::setYear(int year)
{
    m_year = year;
    if (m_rangeMode && m_from >= m_year) {
        auto it = std::lower_bound(m_dataYears.begin(), m_dataYears.end(), m_year);
        m_from = it == m_dataYears.begin() ? m_year - 1 : *std::prev(it);
    }
    update();
}

void Timeline::setRangeMode(bool on, std::optional<int> from)
{
    m_rangeMode = on;
    if (from) {
        m_from = *from;
    } else if (on && m_from >= m_year) {
        auto it = std::lower_bound(m_dataYears.begin(), m_dataYears.end(), m_year);
        m_from = it == m_dataYears.begin() ? m_year - 1 : *std::prev(it);
    }
    const QSignalBlocker block(m_range);
    m_range->setChecked(on);
    update();
}

bool Timeline::isPlaying() const
{
    return m_timer->isActive();
}

void Timeline::setPlaying(bool playing)
{
    if (playing && !m_dataYears.empty() && m_year >= m_dataYears.back()) {
        // From the first year that can be shown (a change from the second on; after the start in from–to).
        auto first = std::find_if(m_dataYears.begin(), m_dataYears.end(), [this](int y) { return canEnd(y) && (!m_rangeMode || y > m_from); });
        if (first != m_dataYears.end() && *first != m_year) {
            m_year = *first;
            emit changed();
        }
    }
    playing ? m_timer->start() : m_timer->stop();
    const QSignalBlocker block(m_play);
    m_play->setChecked(playing);
    m_play->setText(playing ? tr("❚❚ Pause") : tr("▶ Play"));
    update();
}

void Timeline::stepForward()
{
    const auto it = std::upper_bound(m_dataYears.begin(), m_dataYears.end(), m_year);
    if (it != m_dataYears.end()) {
        setYear(*it);
        emit changed();
    }
}

void Timeline::stepBack()
{
    auto it = std::lower_bound(m_dataYears.begin(), m_dataYears.end(), m_year);
    if (it != m_dataYears.begin()) {
        const int y = *std::prev(it);
        if (canEnd(y) && (!m_rangeMode || y > m_from)) {
            setYear(y);
            emit changed();
        }
    }
}

QRectF Timeline::stripRect() const
{
    return QRectF(kButtons + 6, 6, width() - kButtons - 12, height() - 12);
}

QPoint Timeline::cellCenter(int year) const
{
    const QRectF r = stripRect();
    const qreal cell = r.width() / (m_last - m_first + 1);
    return QPointF(r.left() + cell * (year - m_first + 0.5), r.center().y()).toPoint();
}

int Timeline::yearAt(QPointF pos) const
{
    const QRectF r = stripRect();
    if (!r.contains(pos))
        return 0;
    const qreal cell = r.width() / (m_last - m_first + 1);
    return m_first + int((pos.x() - r.left()) / cell);
}

void Timeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = stripRect();
    const qreal cell = r.width() / (m_last - m_first + 1);
    p.setFont(mapFont(8));
    for (int y = m_first; y <= m_last; ++y) {
        const QRectF c(r.left() + cell * (y - m_first), r.top(), cell, r.height());
        const bool withData = hasData(y);
        const bool chosen = y == m_year || (m_rangeMode && y == m_from);
        const bool between = m_rangeMode && y > m_from && y < m_year;
        if (chosen)
            p.fillRect(c.adjusted(1, 1, -1, -1), QColor(0x22, 0x5e, 0xa8));
        else if (between)
            p.fillRect(c.adjusted(1, 1, -1, -1), QColor(0xc6, 0xdb, 0xef));
        p.setPen(chosen ? Qt::white : (withData ? QColor(0x22, 0x22, 0x22) : QColor(0xaa, 0xaa, 0xaa)));
        QFont f = mapFont(cell > 34 ? 8 : 7, withData);
        p.setFont(f);
        const QString label = cell > 34 ? QString::number(y) : QStringLiteral("’%1").arg(y % 100, 2, 10, QLatin1Char('0'));
        p.drawText(c.adjusted(0, 0, 0, -8), Qt::AlignCenter, label);
        if (withData) {
            p.setPen(Qt::NoPen);
            p.setBrush(chosen ? Qt::white : QColor(0x22, 0x5e, 0xa8));
            p.drawEllipse(QPointF(c.center().x(), c.bottom() - 6), 2.5, 2.5);
        }
    }
    if (hasFocus()) {
        p.setPen(QPen(palette().highlight().color(), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r);
    }
}

void Timeline::mousePressEvent(QMouseEvent *event)
{
    setFocus();
    const int y = yearAt(event->position());
    if (!y)
        return;
    if (!hasData(y)) {
        emit notice(tr("%1 has no data in this view.").arg(y));
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        if (!m_range->isEnabled()) {
            emit notice(m_range->toolTip());
            return;
        }
        if (y == m_year) {
            emit notice(tr("A change needs two different years: %1 is already the end.").arg(y));
            return;
        }
        // A start after the end: the two are swapped, and the user is told.
        if (y > m_year) {
            m_from = m_year;
            m_year = y;
            setRangeMode(true, m_from);
            emit notice(tr("%1 is after the end: the change runs %2–%1.").arg(y).arg(m_from));
        } else {
            setRangeMode(true, y);
        }
        emit changed();
        return;
    }
    if (m_rangeMode && y == m_from) {
        emit notice(tr("A change needs two different years: %1 is already the start.").arg(y));
        return;
    }
    if (m_rangeMode && y < m_from) {
        // A year before the start cannot be the end: it becomes the start, the end stays, and the user is told.
        m_from = y;
        update();
        emit notice(tr("%1 is before the start: the change now starts in %1 (%1–%2).").arg(y).arg(m_year));
        emit changed();
        return;
    }
    if (!canEnd(y)) {
        emit notice(m_rangeMode ? tr("%1 is the first year with data: it can only start a change (Shift-click it).").arg(y)
                                : tr("%1 is the first year with data: a change needs a start before it. Use from–to and Shift-click to start a change at %1.").arg(y));
        return;
    }
    setYear(y);
    emit changed();
}

void Timeline::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Period:
        stepForward();
        break;
    case Qt::Key_Left:
    case Qt::Key_Comma:
        stepBack();
        break;
    case Qt::Key_Space:
        setPlaying(!isPlaying());
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace renkou::ui
