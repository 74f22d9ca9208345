#include "chartpanel.h"

#include "language.h"
#include "classification.h"
#include "numbers.h"

#include <QGraphicsItemGroup>
#include <QGraphicsLayout>
#include <QGraphicsScene>

#include "maprenderer.h"

#include <QCoreApplication>
#include <QCursor>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QToolTip>
#include <QPainter>

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QLocale>
#include <QChart>
#include <QChartView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace renkou::ui {

namespace {

/// Years on x: a tick every 1, 2 or 5 years, as the span allows, half a year of room at either end.
QValueAxis *yearAxis(int first, int last)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setRange(first - 0.5, last + 0.5);
    axis->setTickType(QValueAxis::TicksDynamic);
    const int step = last - first <= 8 ? 1 : last - first <= 16 ? 2 : 5;
    axis->setTickAnchor(first - first % step);
    axis->setTickInterval(step);
    return axis;
}

/// The vertical axis title of `chart` in smaller type (down to 6 pt) where it is longer than the plot is
/// high: Qt cuts it ("thousa…").
void fitAxisTitle(QChart *chart)
{
    for (QAbstractAxis *axis : chart->axes(Qt::Vertical)) {
        QFont font = mapFont(8.5, true);
        while (font.pointSizeF() > 6 && QFontMetricsF(font).horizontalAdvance(axis->titleText()) > chart->plotArea().height() - 4)
            font.setPointSizeF(font.pointSizeF() - 0.5);
        if (font != axis->titleFont()) {
            axis->setTitleFont(font);
            if (chart->layout())
                chart->layout()->activate();
        }
    }
}

/// Adds the axes to `chart` in the map's fonts (Noto Sans, Chinese from Noto Sans CJK SC), not the system's
/// fallback, with whole-number ticks where the ticks are whole (140, not 140.0); `persons` as typesetAxis().
QValueAxis *addAxes(QChart *chart, QValueAxis *x, QValueAxis *y, double persons = 0)
{
    y = typesetAxis(y, persons);
    for (QValueAxis *axis : {x, y}) {
        axis->setLabelsFont(mapFont(8));
        axis->setTitleFont(mapFont(8.5, true));
    }
    chart->legend()->setFont(mapFont(8.5));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    return y;
}

/// Adds `series` to `chart` on its two axes; `inLegend` false leaves it unnamed and hides its marker in the
/// legend.
void attach(QChart *chart, QAbstractSeries *series, bool inLegend)
{
    if (!inLegend)
        series->setName(QString());
    chart->addSeries(series);
    for (QAbstractAxis *axis : chart->axes())
        series->attachAxis(axis);
    if (!inLegend) {
        for (QLegendMarker *marker : chart->legend()->markers(series))
            marker->setVisible(false);
    }
}

/// A bar from `low` to `high` between `left` and `right`, as a filled area (a missing value is no bar).
QAreaSeries *bar(double left, double right, double low, double high, const QColor &color)
{
    auto *upper = new QLineSeries;
    upper->append(left, high);
    upper->append(right, high);
    auto *lower = new QLineSeries;
    lower->append(left, low);
    lower->append(right, low);
    auto *area = new QAreaSeries(upper, lower);
    area->setColor(color);
    area->setBorderColor(color);
    return area;
}

/// Whether `chinese` charts count persons in ten thousands (万), as Chinese statistics print them.
bool inChinese()
{
    return core::currentLanguage() == core::Language::Chinese;
}

} // namespace

QValueAxis *typesetAxis(QValueAxis *axis, double persons)
{
    // A nice range (QValueAxis::applyNiceNumbers(), asked for 4 to 8 ticks; 3 or 4 where 3 are set: a small
    // multiple) that wastes little of the plot: of those within a fifth of the tightest, the one of fewest ticks.
    const double low = axis->min(), high = axis->max();
    const int fewest = std::min(axis->tickCount(), 4), most = axis->tickCount() <= 3 ? 4 : 8;
    std::vector<std::tuple<double, int, int>> tries; // span, ticks drawn, ticks asked
    for (int ticks = fewest; ticks <= most; ++ticks) {
        axis->setRange(low, high);
        axis->setTickCount(ticks);
        axis->applyNiceNumbers();
        tries.emplace_back(axis->max() - axis->min(), axis->tickCount(), ticks);
    }
    const double tightest = std::get<0>(*std::min_element(tries.begin(), tries.end()));
    int asked = 0, drawn = 0;
    for (const auto &[span, ticks, ask] : tries)
        if (span <= tightest * 1.2 && (asked == 0 || ticks < drawn)) {
            asked = ask;
            drawn = ticks;
        }
    axis->setRange(low, high);
    axis->setTickCount(asked);
    axis->applyNiceNumbers();
    const int ticks = axis->tickCount();
    const double step = ticks > 1 ? (axis->max() - axis->min()) / (ticks - 1) : 0;
    if (step <= 0)
        return axis;
    // Whole numbers where the ticks are whole (140, not 140.0).
    const QByteArray format = (step >= 1 ? QStringLiteral("%.0f") : axis->labelFormat()).toLatin1();
    auto *typeset = new QCategoryAxis;
    typeset->setRange(axis->min(), axis->max());
    typeset->setStartValue(axis->min() - step / 2);
    typeset->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    typeset->setTruncateLabels(false); // a category's label is cut to the category's height, "…" in a small chart
    typeset->setTitleText(axis->titleText());
    const QLocale english(QLocale::English);
    for (int i = 0; i < ticks; ++i) {
        const double v = axis->min() + i * step;
        QString label = QString::asprintf(format.constData(), std::abs(v) < step / 1e6 ? 0.0 : v);
        // Thousands separated in English ("1,500"), as the map's numbers are; a true minus sign.
        if (std::abs(v) >= 1000 && core::currentLanguage() != core::Language::Chinese && format == "%.0f")
            label = english.toString(std::round(v), 'f', 0);
        if (persons > 0) // counts of persons as the legends write them: "1.5 M", "−500 k", "200万"
            label = core::formatPersonsTick(v * persons, std::max(std::abs(axis->min()), std::abs(axis->max())) * persons, step * persons);
        typeset->append(core::typesetNumbers(label), v);
    }
    delete axis;
    return typeset;
}

/// The chart view of a ChartPanel: lays small multiples out again when it is resized.
class GridView : public QChartView {
public:
    GridView(QChart *chart, ChartPanel *panel) : QChartView(chart, panel), m_panel(panel) {}

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QChartView::resizeEvent(event);
        m_panel->layoutCharts(viewport()->size());
    }

private:
    ChartPanel *m_panel;
};

HoverTip::HoverTip(QWidget *viewport) : QObject(viewport), m_viewport(viewport)
{
    viewport->installEventFilter(this);
}

void HoverTip::set(const QString &text)
{
    m_text = text;
    text.isEmpty() ? QToolTip::hideText() : QToolTip::showText(QCursor::pos(), text, m_viewport);
}

bool HoverTip::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QObject::eventFilter(watched, event);
    if (!m_text.isEmpty())
        QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), m_text, m_viewport);
    return !m_text.isEmpty(); // else the scene's own tooltips (none) as before
}

ChartPanel::~ChartPanel() = default;

ChartPanel::ChartPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("chartPanel"));
    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setTitleFont(mapFont(11, true));
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_roundness = m_chart->backgroundRoundness();
    m_chart->layout()->getContentsMargins(&m_contentsMargins[0], &m_contentsMargins[1], &m_contentsMargins[2], &m_contentsMargins[3]);
    m_view = new GridView(m_chart, this);
    m_tip = new HoverTip(m_view->viewport());
    m_gridTitle = new QGraphicsSimpleTextItem;
    m_gridTitle->setFont(mapFont(11, true));
    m_gridTitle->hide();
    m_view->scene()->addItem(m_gridTitle);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(300, 180);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void ChartPanel::clear()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);
    m_chart->setTitle(QString());
    for (QChart *chart : m_multiples) {
        m_view->scene()->removeItem(chart);
        delete chart;
    }
    m_multiples.clear();
    m_chart->legend()->show();
    m_key.clear();
    delete m_keyItems;
    m_keyItems = nullptr;
    m_chart->setTitleFont(mapFont(11, true));
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(m_roundness);
    m_chart->layout()->setContentsMargins(m_contentsMargins[0], m_contentsMargins[1], m_contentsMargins[2], m_contentsMargins[3]);
    m_gridTitle->hide();
    layoutCharts(m_view->viewport()->size());
    m_years.clear();
    m_breaks.clear();
    m_leftOut.clear();
}

void ChartPanel::setTitleText(const QString &title)
{
    if (m_multiples.empty())
        m_chart->setTitle(title);
    else
        m_gridTitle->setText(title);
}

QString ChartPanel::title() const
{
    return m_multiples.empty() ? m_chart->title() : m_gridTitle->text();
}

int ChartPanel::chartCount() const
{
    return m_chart->series().isEmpty() ? 0 : 1 + int(m_multiples.size());
}

void ChartPanel::layoutCharts(const QSizeF &size)
{
    // A title wider than the chart is set smaller (down to 7 pt) rather than cut.
    const bool grid = !m_multiples.empty();
    QFont titleFont = mapFont(11, true);
    while (titleFont.pointSizeF() > 7 && QFontMetricsF(titleFont).horizontalAdvance(title()) > size.width() - 24)
        titleFont.setPointSizeF(titleFont.pointSizeF() - 0.5);
    grid ? m_gridTitle->setFont(titleFont) : m_chart->setTitleFont(titleFont);
    // The key under the chart (it wraps; Qt's legend cuts names), under the grid of small multiples.
    const qreal keyHeight = m_key.empty() ? 0 : placeKey(size);
    if (!grid) {
        m_chart->setGeometry(QRectF(QPointF(0, 0), QSizeF(size.width(), size.height() - keyHeight)));
        if (m_chart->layout())
            m_chart->layout()->activate();
        fitAxisTitle(m_chart);
        return;
    }
    // The title, a grid of as many columns as fit 300 px each (2 or 3), the key under it.
    const int n = 1 + int(m_multiples.size());
    // Three units side by side where they fit, not a grid with an empty cell.
    const int columns = n == 3 && size.width() >= 600 ? 3 : std::clamp(int(size.width() / 280), 2, 3);
    const int rows = (n + columns - 1) / columns;
    const qreal titleHeight = title().isEmpty() ? 0.0 : QFontMetricsF(m_gridTitle->font()).height() + 8;
    const qreal cellWidth = size.width() / columns;
    const qreal cellHeight = std::max(60.0, (size.height() - titleHeight - keyHeight) / rows);
    m_gridTitle->setPos(8, 4);
    for (int i = 0; i < n; ++i) {
        QChart *chart = i == 0 ? m_chart : m_multiples[size_t(i - 1)];
        chart->setGeometry(QRectF((i % columns) * cellWidth, titleHeight + (i / columns) * cellHeight, cellWidth, cellHeight));
        // A year label every 10 years where a cell is narrow (under 200 px), else every 5.
        if (auto *years = qobject_cast<QValueAxis *>(chart->axes(Qt::Horizontal).value(0)); years && years->max() - years->min() > 16)
            years->setTickInterval(cellWidth < 200 ? 10 : 5);
        if (chart->layout())
            chart->layout()->activate();
        fitAxisTitle(chart);
    }
}

qreal ChartPanel::placeKey(const QSizeF &size)
{
    // The chart's key (for small multiples, of all of them) under it: entries in rows as wide as the figure.
    delete m_keyItems;
    m_keyItems = new QGraphicsItemGroup;
    m_view->scene()->addItem(m_keyItems);
    const QFont font = mapFont(size.width() < 500 ? 7.5 : 8.5);
    const QFontMetricsF metrics(font);
    const qreal line = metrics.height() + 4;
    qreal x = 8, y = 0;
    for (const KeyEntry &e : m_key) {
        const qreal width = 16 + metrics.horizontalAdvance(e.label) + 14;
        if (x + width > size.width() - 8 && x > 8) {
            x = 8;
            y += line;
        }
        const qreal mid = y + line / 2;
        QGraphicsItem *mark = nullptr;
        switch (e.shape) {
        case KeyEntry::Shape::Box: {
            auto *box = new QGraphicsRectItem(x, mid - 5, 10, 10);
            box->setBrush(QBrush(e.color, e.pattern));
            box->setPen(e.pattern == Qt::SolidPattern ? QPen(Qt::NoPen) : QPen(e.color, 1));
            mark = box;
            break;
        }
        case KeyEntry::Shape::Dot: {
            auto *dot = new QGraphicsEllipseItem(x + 1, mid - 4, 8, 8);
            dot->setBrush(e.color);
            dot->setPen(Qt::NoPen);
            mark = dot;
            break;
        }
        case KeyEntry::Shape::Dash: {
            auto *dash = new QGraphicsLineItem(x + 5, mid - 6, x + 5, mid + 6);
            dash->setPen(QPen(e.color, 1.5, Qt::DashLine));
            mark = dash;
            break;
        }
        case KeyEntry::Shape::Line: {
            auto *stroke = new QGraphicsLineItem(x - 1, mid, x + 11, mid);
            stroke->setPen(QPen(e.color, 2));
            mark = stroke;
            break;
        }
        }
        m_keyItems->addToGroup(mark);
        auto *text = new QGraphicsSimpleTextItem(e.label);
        text->setFont(font);
        text->setPos(x + 16, mid - metrics.height() / 2);
        m_keyItems->addToGroup(text);
        x += width;
    }
    const qreal height = y + line + 6;
    m_keyItems->setPos(0, size.height() - height + 2);
    return height;
}

QString ChartTexts::caption() const
{
    QStringList lines;
    for (const QString &text : {subtitle, source, notes})
        if (!text.isEmpty())
            lines << text;
    return lines.join(u'\n');
}

QRectF paintChartFrame(QPainter &painter, const QRectF &target, const ChartTexts &texts)
{
    constexpr qreal margin = 12;
    const qreal w = target.width() - 2 * margin;
    const auto heightOf = [&](const QString &text, const QFont &font) {
        return text.isEmpty() ? 0.0 : QFontMetricsF(font).boundingRect(QRectF(0, 0, w, 10000), Qt::TextWordWrap, text).height() + 4;
    };
    painter.save();
    painter.fillRect(target, Qt::white);
    // Above: the title and subtitle.
    qreal top = target.top() + margin / 2;
    painter.setPen(QColor(0x22, 0x22, 0x22));
    for (const auto &[text, font] : {std::pair{wrapBetweenWords(texts.title, titleFont(target.width()), w), titleFont(target.width())},
                                     std::pair{texts.subtitle, textFont(target.width(), false)}}) {
        const qreal h = heightOf(text, font);
        painter.setFont(font);
        painter.drawText(QRectF(target.left() + margin, top, w, h), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        top += h;
    }
    // Under: the notes, then the source line. The notes take at most 30 % of the figure, and leave the plot
    // (with its key) at least half of it.
    QFont small = textFont(target.width(), true);
    const qreal sourceHeight = heightOf(texts.source, small);
    const qreal room = std::max(0.0, std::min(target.height() * 0.3, target.bottom() - margin / 2 - sourceHeight - top - target.height() * 0.5));
    if (heightOf(texts.notes, small) > room)
        small.setPointSizeF(small.pointSizeF() * 0.85);
    QString notes = texts.notes;
    const QString more = u'\n' + QCoreApplication::translate("renkou::ui::ChartPanel", "• More notes on these data are listed with the figure's sources.");
    bool cut = false; // the last notes left out, for a line saying where they are
    while (heightOf(cut ? notes + more : notes, small) > room && notes.contains(u'\n')) {
        notes.truncate(notes.lastIndexOf(u'\n'));
        cut = true;
    }
    if (cut)
        notes += more;
    const qreal notesHeight = std::min(heightOf(notes, small), room);
    const qreal bottom = target.bottom() - margin / 2 - sourceHeight - notesHeight;
    painter.setFont(small);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    painter.drawText(QRectF(target.left() + margin, bottom, w, notesHeight), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, notes);
    painter.drawText(QRectF(target.left() + margin, bottom + notesHeight, w, sourceHeight), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                     texts.source);
    painter.restore();
    return QRectF(target.left(), top + 4, target.width(), std::max(60.0, bottom - top - 8));
}

void ChartPanel::render(QPainter &painter, const QRectF &target, const ChartTexts &texts)
{
    const QRectF chartRect = paintChartFrame(painter, target, texts);
    // Lay the chart out at the plot's size without its own title (the frame's is above), draw the scene
    // (a hidden view never gets the events that would lay it out), then give the chart back its title and its
    // size on screen.
    const QString shownTitle = title();
    const QSizeF onScreen = m_view->viewport()->size();
    setTitleText(QString());
    layoutCharts(chartRect.size());
    m_chart->scene()->render(&painter, chartRect, QRectF(QPointF(0, 0), chartRect.size()));
    setTitleText(shownTitle);
    layoutCharts(onScreen);
}

void ChartPanel::addBreaks(QChart *chart, const std::vector<ChartBreak> &breaks, int first, int last, bool keyed)
{
    // A dashed line between the last year before and the first year after, the note on hover.
    auto *axisY = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0));
    for (const ChartBreak &b : breaks) {
        if (b.year <= first || b.year > last)
            continue;
        auto *line = new QLineSeries;
        line->setName(tr("series break"));
        line->setPen(QPen(QColor(0x77, 0x77, 0x77), 1.5, Qt::DashLine));
        line->append(b.year - 0.5, axisY->min());
        line->append(b.year - 0.5, axisY->max());
        const QString text = b.text;
        connect(line, &QLineSeries::hovered, this, [this, text](const QPointF &, bool state) {
            m_tip->set(state ? text : QString());
        });
        attach(chart, line, keyed); // the first dashed line is in the legend, as the key of all of them
        keyed = false;
        if (chart == m_chart)
            m_breaks.push_back(b);
    }
}

void ChartPanel::showSeries(const QString &title, const QString &unit, const std::vector<ChartSeries> &input,
                            ChartMode mode, int baseYear, const std::vector<ChartBreak> &breaks)
{
    plotSeries(title, unit, input, mode, baseYear, breaks);
    // The key drawn under the chart from the legend's entries: it wraps, where Qt's legend cuts names
    // ("Guan…") and draws a dashed line as a square.
    for (QLegendMarker *marker : m_chart->legend()->markers()) {
        if (marker->label().isEmpty()) // a series not in the key (attach())
            continue;
        using Shape = KeyEntry::Shape;
        if (auto *line = qobject_cast<QLineSeries *>(marker->series()); line && marker->type() == QLegendMarker::LegendMarkerTypeXY)
            m_key.push_back({line->pen().style() == Qt::DashLine ? Shape::Dash : Shape::Line, line->pen().color(), marker->label()});
        else if (auto *dots = qobject_cast<QScatterSeries *>(marker->series()))
            m_key.push_back({Shape::Dot, dots->color(), marker->label()});
        else if (auto *area = qobject_cast<QAreaSeries *>(marker->series()))
            m_key.push_back({Shape::Box, area->color(), marker->label()});
    }
    m_chart->legend()->setVisible(m_key.empty());
    layoutCharts(m_view->viewport()->size()); // the title's and the key's type to the chart's width
}

void ChartPanel::plotSeries(const QString &title, const QString &unit, const std::vector<ChartSeries> &input,
                            ChartMode mode, int baseYear, const std::vector<ChartBreak> &breaks)
{
    clear();
    m_leftOut.clear();
    m_breaks.clear();
    m_chart->setTitle(title);
    std::vector<ChartSeries> series;
    if (mode == ChartMode::Indexed) {
        for (const ChartSeries &s : input) {
            const auto base = std::find_if(s.points.begin(), s.points.end(), [&](const core::Observation &o) { return o.year == baseYear; });
            if (base == s.points.end() || base->value == 0) {
                m_leftOut << s.name;
                continue;
            }
            ChartSeries indexed{s.name, s.points};
            for (core::Observation &o : indexed.points)
                o.value = o.value / base->value * 100.0;
            series.push_back(std::move(indexed));
        }
    } else if (mode == ChartMode::YearOnYear) {
        // The change from the year before, only where both years have a value.
        for (const ChartSeries &s : input) {
            ChartSeries change{s.name, {}};
            for (size_t i = 1; i < s.points.size(); ++i) {
                if (s.points[i].year != s.points[i - 1].year + 1)
                    continue;
                core::Observation o = s.points[i];
                o.value = s.points[i].value - s.points[i - 1].value;
                change.points.push_back(o);
            }
            series.push_back(std::move(change));
        }
    } else {
        series = input;
    }
    bool any = false;
    double minV = 0, maxV = 0;
    int first = 0, last = 0;
    for (const ChartSeries &s : series) {
        for (const core::Observation &o : s.points) {
            minV = any ? std::min(minV, o.value) : o.value;
            maxV = any ? std::max(maxV, o.value) : o.value;
            first = any ? std::min(first, o.year) : o.year;
            last = any ? std::max(last, o.year) : o.year;
            any = true;
        }
    }
    m_years.assign(series.size(), {});
    if (!any)
        return;
    if (mode == ChartMode::YearOnYear) {
        minV = std::min(minV, 0.0); // bars start at 0
        maxV = std::max(maxV, 0.0);
    }
    // Persons in millions (a change in thousands), in Chinese in 万 (ten thousands), as Chinese statistics
    // print them: no seven-digit tick.
    const bool persons = unit == u"persons" && mode == ChartMode::Absolute;
    const bool personsChange = unit == u"persons" && mode == ChartMode::YearOnYear;
    const bool chinese = core::currentLanguage() == core::Language::Chinese;
    const double scale = persons ? (chinese ? 1e-4 : 1e-6) : personsChange ? (chinese ? 1e-4 : 1e-3) : 1.0;
    minV *= scale;
    maxV *= scale;
    // ColorBrewer Dark2 for several units; one unit in blue.
    static const char *const dark2[] = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"};
    const bool single = series.size() == 1;

    auto *axisX = yearAxis(first, last);
    auto *axisY = new QValueAxis;
    // Ticks of persons read as counts ("1.5 M", "200万"): the title names the unit alone.
    axisY->setTitleText(mode == ChartMode::Indexed      ? tr("index, %1 = 100").arg(baseYear)
                        : mode == ChartMode::YearOnYear ? tr("change (%1)").arg(core::unitLabel(unit))
                                                        : core::unitLabel(unit));

    const double pad = std::max((maxV - minV) * 0.1, std::abs(maxV) * 0.01);
    axisY->setRange(minV - pad, maxV + pad);
    axisY->setLabelFormat(mode == ChartMode::YearOnYear || (persons && chinese) ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    axisY = addAxes(m_chart, axisX, axisY, persons || personsChange ? 1 / scale : 0);

    addBreaks(m_chart, breaks, first, last, true);

    if (mode == ChartMode::YearOnYear) {
        // Bars as filled areas: a missing change is no bar, never a bar of 0.
        const double width = 0.8 / double(series.size());
        for (size_t k = 0; k < series.size(); ++k) {
            const QColor color = single ? QColor(0x22, 0x5e, 0xa8) : QColor::fromString(QLatin1String(dark2[k % 8]));
            bool named = false;
            for (const core::Observation &o : series[k].points) {
                m_years[k].push_back(o.year);
                const double left = o.year - 0.4 + width * double(k);
                // A loss in the series' own colour: the bar below 0 says it.
                QAreaSeries *b = bar(left, left + width, 0, o.value * scale, color);
                b->setName(named ? QString() : series[k].name);
                attach(m_chart, b, !named);
                named = true;
            }
        }
        return;
    }

    for (size_t k = 0; k < series.size(); ++k) {
        const QColor color = single ? QColor(0x22, 0x5e, 0xa8) : QColor::fromString(QLatin1String(dark2[k % 8]));
        auto *census = new QScatterSeries;
        census->setName(single ? tr("Census count (1 November)") : QString());
        census->setMarkerSize(9);
        census->setColor(single ? QColor(0xd9, 0x48, 0x01) : color);
        census->setBorderColor(Qt::white);
        // One line per run of consecutive estimate years: no line is drawn through a missing year.
        std::vector<QLineSeries *> runs;
        int previousYear = 0;
        for (const core::Observation &o : series[k].points) {
            const double v = o.value * scale;
            m_years[k].push_back(o.year);
            if (o.flag == u"census") {
                census->append(o.year, v);
                previousYear = 0;
                continue;
            }
            if (runs.empty() || o.year != previousYear + 1) {
                auto *line = new QLineSeries;
                line->setPen(QPen(color, 2));
                line->setPointsVisible(true);
                line->setName(runs.empty() ? (single ? tr("Year-end estimate") : series[k].name) : QString());
                runs.push_back(line);
            }
            runs.back()->append(o.year, v);
            previousYear = o.year;
        }
        for (size_t i = 0; i < runs.size(); ++i)
            attach(m_chart, runs[i], i == 0);
        if (census->count() == 0) {
            delete census;
            continue;
        }
        if (!single && runs.empty())
            census->setName(series[k].name);
        attach(m_chart, census, single || runs.empty());
    }
}

void ChartPanel::showComponents(const QString &title, const std::vector<ComponentsSeries> &units, const std::vector<ChartBreak> &breaks)
{
    clear();
    m_years.assign(units.size(), {});
    // One scale for every unit: the extremes of the bars (stacked or on either side of 0) and the changes.
    bool any = false;
    double minV = 0, maxV = 0;
    int first = 0, last = 0;
    for (const ComponentsSeries &u : units) {
        for (const core::ChangeComponents &c : u.years) {
            const double n = c.naturalIncrease.value_or(0), m = c.netMigration.value_or(0);
            const double top = std::max({c.change, n, m, n > 0 && m > 0 ? n + m : 0.0});
            const double bottom = std::min({c.change, n, m, n < 0 && m < 0 ? n + m : 0.0});
            minV = std::min(minV, bottom);
            maxV = std::max(maxV, top);
            first = any ? std::min(first, c.year) : c.year;
            last = any ? std::max(last, c.year) : c.year;
            any = true;
        }
    }
    if (!any)
        return;
    const bool chinese = inChinese();
    const double scale = chinese ? 1e-4 : 1e-3;
    minV *= scale;
    maxV *= scale;
    const double pad = std::max((maxV - minV) * 0.08, 0.5);
    // The map's colours of the typology: natural increase in green, net migration in blue.
    const QColor naturalColor(0x5a, 0xae, 0x61), migrationColor(0x43, 0x93, 0xc3), aloneColor(0xbd, 0xbd, 0xbd);
    const auto signedValue = [](double v) { return (v > 0 ? QStringLiteral("+") : QString()) + core::typesetNumbers(core::formatValue(v, QStringLiteral("persons"))); };

    const bool grid = units.size() > 1;
    bool anyAlone = false, anyBreak = false;
    for (size_t k = 0; k < units.size(); ++k) {
        QChart *chart = m_chart;
        if (k > 0) {
            chart = new QChart;
            chart->legend()->hide();
            m_view->scene()->addItem(chart);
            m_multiples.push_back(chart);
        }
        if (grid) {
            // Small multiples: little room around each plot.
            chart->setMargins(QMargins(2, 2, 2, 2));
            chart->layout()->setContentsMargins(0, 0, 0, 0);
            chart->setBackgroundRoundness(0);
        }
        chart->setTitle(grid ? units[k].name : title);
        chart->setTitleFont(grid ? mapFont(9, true) : mapFont(11, true));
        auto *axisX = yearAxis(first, last);
        auto *axisY = new QValueAxis;
        axisY->setTitleText(core::unitLabel(QStringLiteral("persons")));
        axisY->setRange(minV - pad, maxV + pad);
        axisY->setLabelFormat(QStringLiteral("%.0f"));
        if (grid)
            axisY->setTickCount(3);
        axisY = addAxes(chart, axisX, axisY, 1 / scale); // ticks read as counts of persons: "1.5 M", "200万"
        if (grid) {
            axisX->setLabelsFont(mapFont(7));
            axisY->setLabelsFont(mapFont(7));
        }
        addBreaks(chart, breaks, first, last, k == 0);

        bool keyedNatural = false, keyedMigration = false, keyedAlone = false;
        auto *change = new QScatterSeries;
        change->setName(tr("Change"));
        change->setMarkerSize(grid ? 6 : 8);
        change->setColor(QColor(0x22, 0x22, 0x22));
        change->setBorderColor(Qt::white);
        QHash<int, QString> hover;
        for (const core::ChangeComponents &c : units[k].years) {
            m_years[k].push_back(c.year);
            QString text = tr("%1 %2: change %3").arg(units[k].name).arg(c.year).arg(signedValue(c.change));
            const double left = c.year - 0.38, right = c.year + 0.38;
            std::vector<QAreaSeries *> bars;
            if (c.naturalIncrease && c.netMigration) {
                const double n = *c.naturalIncrease * scale, m = *c.netMigration * scale;
                text += u'\n' + tr("natural increase %1").arg(signedValue(*c.naturalIncrease)) + u'\n'
                        + tr("net migration %1").arg(signedValue(*c.netMigration));
                // Stacked where both have the same sign, else on either side of 0: their sum is the change.
                const double migrationBase = (n > 0) == (m > 0) ? n : 0.0;
                QAreaSeries *natural = bar(left, right, 0, n, naturalColor);
                natural->setName(tr("Natural increase"));
                attach(chart, natural, !keyedNatural);
                keyedNatural = true;
                QAreaSeries *migration = bar(left, right, migrationBase, migrationBase + m, migrationColor);
                // Across a series break the residual is mostly a revision of the estimates: hatched, not solid.
                if (c.seriesBreak) {
                    migration->setBrush(QBrush(migrationColor, Qt::BDiagPattern));
                    anyBreak = true;
                }
                migration->setName(tr("Net migration"));
                attach(chart, migration, !keyedMigration);
                keyedMigration = true;
                bars = {natural, migration};
            } else {
                text += u'\n' + tr("no components: %1").arg(c.why);
                QAreaSeries *alone = bar(left, right, 0, c.change * scale, aloneColor);
                alone->setName(tr("Change (not split)"));
                attach(chart, alone, !keyedAlone);
                keyedAlone = true;
                anyAlone = true;
                bars = {alone};
            }
            if (c.seriesBreak)
                text += u'\n' + tr("series break: part of this change is a revision, not migration");
            for (QAreaSeries *b : bars) {
                connect(b, &QAreaSeries::hovered, this, [this, text](const QPointF &, bool state) {
                    m_tip->set(state ? text : QString());
                });
            }
            change->append(c.year, c.change * scale);
            hover.insert(c.year, text);
        }
        connect(change, &QScatterSeries::hovered, this, [this, hover](const QPointF &p, bool state) {
            m_tip->set(state ? hover.value(int(std::lround(p.x()))) : QString());
        });
        attach(chart, change, true);
    }
    // One key (for small multiples: for all of them) under the chart: it wraps, where Qt's legend cuts names.
    m_chart->legend()->hide();
    {
        using Shape = KeyEntry::Shape;
        if (!m_breaks.empty())
            m_key.push_back({Shape::Dash, QColor(0x77, 0x77, 0x77), tr("series break")});
        m_key.push_back({Shape::Box, naturalColor, tr("Natural increase")});
        m_key.push_back({Shape::Box, migrationColor, tr("Net migration")});
        if (anyBreak)
            m_key.push_back({Shape::Box, migrationColor, tr("Across a break: mostly revision"), Qt::BDiagPattern});
        if (anyAlone)
            m_key.push_back({Shape::Box, aloneColor, tr("Change (not split)")});
        m_key.push_back({Shape::Dot, QColor(0x22, 0x22, 0x22), tr("Change")});
    }
    if (grid) {
        m_gridTitle->setText(title);
        m_gridTitle->show();
    }
    layoutCharts(m_view->viewport()->size());
}

} // namespace renkou::ui
