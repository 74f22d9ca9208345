#pragma once
#include "populationstore.h"

#include <QWidget>
#include <vector>

class QChart;
class QChartView;

namespace renkou::ui {

/// One unit's series for the chart.
struct ChartSeries {
    QString name;
    std::vector<core::Observation> points; ///< one per year with data, by year
};

/// The trend chart of the side panel. The only place that uses Qt Charts (deprecated from Qt 6.10).
class ChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartPanel(QWidget *parent = nullptr);

    /// Plots the series on one chart. Consecutive estimate years are joined; a gap between years with data
    /// stays a gap. Census counts are separate markers. Persons are plotted in millions.
    void showSeries(const QString &title, const QString &unit, const std::vector<ChartSeries> &series);
    void clear();

    int seriesCount() const { return int(m_years.size()); }
    /// Years plotted for series `i` in the last showSeries().
    std::vector<int> plottedYears(int i = 0) const { return size_t(i) < m_years.size() ? m_years[size_t(i)] : std::vector<int>{}; }

private:
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    std::vector<std::vector<int>> m_years;
};

} // namespace renkou::ui
