#include "chartpanel.h"

#include "language.h"
#include "classification.h"

#include <QGraphicsLayout>
#include <QGraphicsScene>

#include "maprenderer.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QToolTip>
#include <QPainter>

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

namespace renkou::ui {

ChartPanel::ChartPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("chartPanel"));
    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setTitleFont(mapFont(11, true));
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(360, 280);
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
    m_years.clear();
    m_breaks.clear();
    m_leftOut.clear();
}

void ChartPanel::setTitle(const QString &title)
{
    m_chart->setTitle(title);
}

void ChartPanel::render(QPainter &painter, const QRectF &target, const QString &caption)
{
    // The caption (unit, sources, notes) takes at most 40 % of the figure: smaller type first, then the
    // notes from the last, ending in a line that says where the rest is.
    QFont font = mapFont(8);
    const auto heightOf = [&](const QString &text) {
        return text.isEmpty() ? 0.0
                              : QFontMetricsF(font).boundingRect(QRectF(0, 0, target.width() - 16, 10000), Qt::TextWordWrap, text).height() + 8;
    };
    const qreal room = target.height() * 0.4;
    if (heightOf(caption) > room)
        font = mapFont(6.5);
    QString shown = caption;
    const QString more = u'\n' + tr("• More notes: the report pack's sources.txt and the app's side panel.");
    while (heightOf(shown) > room && shown.contains(u'\n')) {
        shown.truncate(shown.lastIndexOf(u'\n'));
        if (heightOf(shown + more) <= room || !shown.contains(u'\n')) {
            shown += more;
            break;
        }
    }
    const qreal captionHeight = std::min(heightOf(shown), room);
    const QRectF chartRect = target.adjusted(0, 0, 0, -captionHeight);
    // Lay the chart out at the target's size now (a hidden view never gets the events that would), draw
    // the scene, then give the chart back its size on screen.
    const QRectF onScreen = m_chart->geometry();
    // A title wider than the figure is set smaller (down to 7 pt) rather than cut.
    const QFont screenTitle = m_chart->titleFont();
    QFont title = screenTitle;
    while (title.pointSizeF() > 7 && QFontMetricsF(title).horizontalAdvance(m_chart->title()) > chartRect.width() - 24)
        title.setPointSizeF(title.pointSizeF() - 0.5);
    m_chart->setTitleFont(title);
    m_chart->setGeometry(QRectF(QPointF(0, 0), chartRect.size()));
    if (m_chart->layout())
        m_chart->layout()->activate();
    painter.save();
    painter.fillRect(target, Qt::white);
    m_chart->scene()->render(&painter, chartRect, m_chart->geometry());
    m_chart->setGeometry(onScreen);
    m_chart->setTitleFont(screenTitle);
    painter.setFont(font);
    painter.setPen(QColor(0x44, 0x44, 0x44));
    painter.drawText(QRectF(target.left() + 8, chartRect.bottom() + 4, target.width() - 16, captionHeight),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, shown);
    painter.restore();
}

void ChartPanel::showSeries(const QString &title, const QString &unit, const std::vector<ChartSeries> &input,
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

    auto *axisX = new QValueAxis;
    axisX->setLabelFormat(QStringLiteral("%d"));
    axisX->setRange(first - 0.5, last + 0.5);
    axisX->setTickType(QValueAxis::TicksDynamic);
    // A tick every 1, 2 or 5 years, as the span allows.
    const int step = last - first <= 8 ? 1 : last - first <= 16 ? 2 : 5;
    axisX->setTickAnchor(first - first % step);
    axisX->setTickInterval(step);
    auto *axisY = new QValueAxis;
    axisY->setTitleText(mode == ChartMode::Indexed      ? tr("index, %1 = 100").arg(baseYear)
                        : mode == ChartMode::YearOnYear ? (personsChange ? (chinese ? tr("change (ten thousand persons)") : tr("change (thousand persons)"))
                                                                         : tr("change (%1)").arg(core::unitLabel(unit)))
                                                        : (persons ? (chinese ? tr("ten thousand persons") : tr("million persons")) : core::unitLabel(unit)));

    const double pad = std::max((maxV - minV) * 0.1, std::abs(maxV) * 0.01);
    axisY->setRange(minV - pad, maxV + pad);
    axisY->setLabelFormat(mode == ChartMode::YearOnYear || (persons && chinese) ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    axisY->applyNiceNumbers();
    // Whole numbers where the ticks are whole (140, not 140.0).
    if (axisY->tickCount() > 1 && (axisY->max() - axisY->min()) / (axisY->tickCount() - 1) >= 1)
        axisY->setLabelFormat(QStringLiteral("%.0f"));
    // The map's fonts (Noto Sans, Chinese from Noto Sans CJK SC), not the system's fallback.
    for (QValueAxis *axis : {axisX, axisY}) {
        axis->setLabelsFont(mapFont(8));
        axis->setTitleFont(mapFont(8.5, true));
    }
    m_chart->legend()->setFont(mapFont(8.5));
    m_chart->addAxis(axisX, Qt::AlignBottom);
    m_chart->addAxis(axisY, Qt::AlignLeft);
    auto attach = [&](QAbstractSeries *s, bool inLegend) {
        m_chart->addSeries(s);
        s->attachAxis(axisX);
        s->attachAxis(axisY);
        if (!inLegend) {
            for (QLegendMarker *marker : m_chart->legend()->markers(s))
                marker->setVisible(false);
        }
    };

    // Series breaks: a dashed line between the last year before and the first year after, the note on hover.
    bool breakKeyed = false; // the first dashed line is in the legend, as the key of all of them
    for (const ChartBreak &b : breaks) {
        if (b.year <= first || b.year > last)
            continue;
        auto *line = new QLineSeries;
        line->setName(tr("series break"));
        QPen pen(QColor(0x77, 0x77, 0x77), 1.5, Qt::DashLine);
        line->setPen(pen);
        line->append(b.year - 0.5, axisY->min());
        line->append(b.year - 0.5, axisY->max());
        const QString text = b.text;
        connect(line, &QLineSeries::hovered, this, [text](const QPointF &, bool state) {
            state ? QToolTip::showText(QCursor::pos(), text) : QToolTip::hideText();
        });
        attach(line, !breakKeyed);
        breakKeyed = true;
        m_breaks.push_back(b);
    }

    if (mode == ChartMode::YearOnYear) {
        // Bars as filled areas: a missing change is no bar, never a bar of 0.
        const double width = 0.8 / double(series.size());
        for (size_t k = 0; k < series.size(); ++k) {
            const QColor color = single ? QColor(0x22, 0x5e, 0xa8) : QColor::fromString(QLatin1String(dark2[k % 8]));
            bool named = false;
            for (const core::Observation &o : series[k].points) {
                m_years[k].push_back(o.year);
                const double left = o.year - 0.4 + width * double(k);
                auto *upper = new QLineSeries;
                upper->append(left, o.value * scale);
                upper->append(left + width, o.value * scale);
                auto *lower = new QLineSeries;
                lower->append(left, 0);
                lower->append(left + width, 0);
                auto *bar = new QAreaSeries(upper, lower);
                bar->setColor(color); // a loss in the series' own colour: the bar below 0 says it
                bar->setBorderColor(color);
                bar->setName(named ? QString() : series[k].name);
                attach(bar, !named);
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
            attach(runs[i], i == 0);
        if (census->count() == 0) {
            delete census;
            continue;
        }
        if (!single && runs.empty())
            census->setName(series[k].name);
        attach(census, single || runs.empty());
    }
}

} // namespace renkou::ui
