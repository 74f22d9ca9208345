#pragma once
#include "databundle.h"
#include "indicators.h"

#include <QMainWindow>

class QLabel;

namespace renkou::ui {
class MapView;
class ChartPanel;
} // namespace renkou::ui

namespace renkou::app {

/// The main window: the province choropleth of the latest year and a side panel with the clicked
/// province's trend.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(core::DataBundle bundle, QWidget *parent = nullptr);

    /// Shows the unit with `code` in the side panel and outlines it on the map.
    void selectRegion(const QString &code);

private:
    void showColumn(const core::Column &column);

    core::DataBundle m_bundle;
    core::IndicatorInfo m_indicator;
    core::Column m_column;
    ui::MapView *m_map = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_details = nullptr;
    ui::ChartPanel *m_chart = nullptr;
    QLabel *m_caption = nullptr;
};

} // namespace renkou::app
