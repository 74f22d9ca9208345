#include "rankingview.h"

#include "maprenderer.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

namespace renkou::ui {

namespace {
constexpr int kRowHeight = 18;
constexpr int kRankWidth = 30;
constexpr int kNameWidth = 96;
constexpr int kValueWidth = 74;
} // namespace

RankingView::RankingView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("rankingView"));
    setFont(mapFont(8.5));
    setMouseTracking(false);
}

void RankingView::setColumn(const core::Column &column, const std::vector<core::ClassRange> &classes,
                            const std::vector<QColor> &palette)
{
    m_rows.clear();
    m_unit = column.indicator.unit;
    m_low = 0;
    m_high = 0;
    for (const core::ColumnEntry &e : column.entries) {
        Row row{e.region->code, e.region->nameZh, e.value, {}};
        if (e.value) {
            const int c = core::classIndex(classes, *e.value);
            row.color = c >= 0 && size_t(c) < palette.size() ? palette[size_t(c)] : QColor(0x99, 0x99, 0x99);
            m_low = std::min(m_low, *e.value);
            m_high = std::max(m_high, *e.value);
        }
        m_rows.push_back(std::move(row));
    }
    // Largest first; units without data last, by code.
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        if (a.value.has_value() != b.value.has_value())
            return a.value.has_value();
        return a.value && *a.value > *b.value;
    });
    updateGeometry();
    resize(width(), sizeHint().height());
    update();
}

void RankingView::setSelection(const QSet<QString> &codes)
{
    m_selected = codes;
    update();
}

QStringList RankingView::order() const
{
    QStringList out;
    for (const Row &r : m_rows)
        out << r.code;
    return out;
}

int RankingView::indexOf(const QString &code) const
{
    const auto it = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row &r) { return r.code == code; });
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

QRect RankingView::rowRect(const QString &code) const
{
    const int i = indexOf(code);
    return i < 0 ? QRect() : QRect(0, i * kRowHeight, width(), kRowHeight);
}

QColor RankingView::barColor(const QString &code) const
{
    const int i = indexOf(code);
    return i < 0 ? QColor() : m_rows[size_t(i)].color;
}

QSize RankingView::sizeHint() const
{
    return QSize(kRankWidth + kNameWidth + 160 + kValueWidth, std::max(1, int(m_rows.size())) * kRowHeight + 4);
}

void RankingView::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    p.fillRect(event->rect(), Qt::white);
    const int barLeft = kRankWidth + kNameWidth;
    const int barWidth = std::max(20, width() - barLeft - kValueWidth);
    // Positions as fractions of the span, each end halved first: m_high − m_low overflows for values beyond
    // ±DBL_MAX / 2.
    const double halfSpan = m_high / 2 - m_low / 2;
    auto xOf = [&](double v) { return barLeft + (halfSpan > 0 ? (v / 2 - m_low / 2) / halfSpan * barWidth : 0.0); };
    const int first = std::max(0, event->rect().top() / kRowHeight);
    const int last = std::min(int(m_rows.size()) - 1, event->rect().bottom() / kRowHeight);
    const QFont normal = font();
    QFont bold = normal;
    bold.setBold(true);
    for (int i = first; i <= last; ++i) {
        const Row &r = m_rows[size_t(i)];
        const QRect row(0, i * kRowHeight, width(), kRowHeight);
        const bool selected = m_selected.contains(r.code);
        p.setFont(selected ? bold : normal);
        p.setPen(QColor(0x33, 0x33, 0x33));
        if (r.value)
            p.drawText(QRect(0, row.top(), kRankWidth - 4, kRowHeight), Qt::AlignRight | Qt::AlignVCenter, QString::number(i + 1));
        p.drawText(QRect(kRankWidth, row.top(), kNameWidth - 4, kRowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(r.name, Qt::ElideRight, kNameWidth - 4));
        if (r.value) {
            const double x0 = xOf(0);
            const double x1 = xOf(*r.value);
            const QRectF bar(std::min(x0, x1), row.top() + 3, std::max(1.0, std::abs(x1 - x0)), kRowHeight - 6);
            p.fillRect(bar, r.color);
            p.drawText(QRect(barLeft + barWidth + 4, row.top(), kValueWidth - 4, kRowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                       core::formatValue(*r.value, m_unit));
        } else {
            p.setPen(QColor(0x88, 0x88, 0x88));
            p.drawText(QRect(barLeft, row.top(), barWidth, kRowHeight), Qt::AlignLeft | Qt::AlignVCenter, tr("no data"));
        }
        if (selected) {
            p.setPen(QPen(QColor(0xd9, 0x48, 0x01), 2)); // the map's selection colour
            p.setBrush(Qt::NoBrush);
            p.drawRect(row.adjusted(1, 1, -2, -1));
        }
    }
    if (m_low < 0 && m_high > 0) {
        // The zero line, over the rows that have a value.
        const auto valued = std::count_if(m_rows.begin(), m_rows.end(), [](const Row &r) { return r.value.has_value(); });
        p.setPen(QColor(0x55, 0x55, 0x55));
        const int x = int(xOf(0));
        p.drawLine(x, 0, x, int(valued) * kRowHeight);
    }
}

void RankingView::mousePressEvent(QMouseEvent *event)
{
    const int i = int(event->position().y()) / kRowHeight;
    if (event->button() == Qt::LeftButton && i >= 0 && i < int(m_rows.size()))
        emit unitClicked(m_rows[size_t(i)].code, event->modifiers() & Qt::ControlModifier);
}

} // namespace renkou::ui
