#include "chartpanel.h"

#include "maprenderer.h"

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
}

void ChartPanel::showSeries(const QString &name, const QString &unit, const std::vector<core::Observation> &series)
{
    clear();
    m_chart->setTitle(name);
    if (series.empty())
        return;
    const bool persons = unit == u"persons";
    const double scale = persons ? 1e-6 : 1.0;
    const QColor lineColor(0x22, 0x5e, 0xa8);

    auto *census = new QScatterSeries;
    census->setName(tr("Census count (1 November)"));
    census->setMarkerSize(9);
    census->setColor(QColor(0xd9, 0x48, 0x01));
    census->setBorderColor(Qt::white);

    // One line per run of consecutive estimate years: no line is drawn through a missing year.
    std::vector<QLineSeries *> runs;
    int previousYear = 0;
    double minV = series.front().value * scale;
    double maxV = minV;
    for (const core::Observation &o : series) {
        const double v = o.value * scale;
        minV = std::min(minV, v);
        maxV = std::max(maxV, v);
        m_years.push_back(o.year);
        if (o.flag == u"census") {
            census->append(o.year, v);
            previousYear = 0;
            continue;
        }
        if (runs.empty() || o.year != previousYear + 1) {
            auto *line = new QLineSeries;
            line->setPen(QPen(lineColor, 2));
            line->setPointsVisible(true);
            line->setName(runs.empty() ? tr("Year-end estimate") : QString());
            runs.push_back(line);
        }
        runs.back()->append(o.year, v);
        previousYear = o.year;
    }

    auto *axisX = new QValueAxis;
    axisX->setLabelFormat(QStringLiteral("%d"));
    const int first = series.front().year;
    const int last = series.back().year;
    axisX->setRange(first - 0.5, last + 0.5);
    axisX->setTickType(QValueAxis::TicksDynamic);
    axisX->setTickAnchor(first - first % 5);
    axisX->setTickInterval(5);
    auto *axisY = new QValueAxis;
    axisY->setTitleText(persons ? tr("million persons") : unit);
    const double pad = std::max((maxV - minV) * 0.1, std::abs(maxV) * 0.01);
    axisY->setRange(minV - pad, maxV + pad);
    axisY->setLabelFormat(QStringLiteral("%.1f"));
    axisY->applyNiceNumbers();
    m_chart->addAxis(axisX, Qt::AlignBottom);
    m_chart->addAxis(axisY, Qt::AlignLeft);

    auto attach = [&](QXYSeries *s) {
        m_chart->addSeries(s);
        s->attachAxis(axisX);
        s->attachAxis(axisY);
    };
    for (QLineSeries *line : runs)
        attach(line);
    if (census->count() > 0)
        attach(census);
    else
        delete census;
    // Only the first run and the census markers are named; hide the legend entries of the other runs.
    for (size_t i = 1; i < runs.size(); ++i) {
        for (QLegendMarker *marker : m_chart->legend()->markers(runs[i]))
            marker->setVisible(false);
    }
}

} // namespace renkou::ui
