#pragma once
#include "populationstore.h"

#include <QWidget>
#include <vector>

class QChart;
class QChartView;

namespace renkou::ui {

/// The trend chart of the side panel. The only place that uses Qt Charts (deprecated from Qt 6.10).
class ChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartPanel(QWidget *parent = nullptr);

    /// Plots one unit's series. Consecutive years are joined; a gap between years with data stays a gap.
    /// Census counts are drawn as separate markers. Persons are plotted in millions.
    void showSeries(const QString &name, const QString &unit, const std::vector<core::Observation> &series);
    void clear();

    /// Years plotted in the last showSeries().
    const std::vector<int> &plottedYears() const { return m_years; }

private:
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    std::vector<int> m_years;
};

} // namespace renkou::ui
