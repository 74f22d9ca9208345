#include "mainwindow.h"

#include "chartpanel.h"
#include "classification.h"
#include "mapview.h"
#include "palette.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace renkou::app {

namespace {
constexpr int kClasses = 5;

QString bilingualName(const core::Region &r)
{
    return r.nameEn.isEmpty() ? r.nameZh : QStringLiteral("%1  %2").arg(r.nameZh, r.nameEn);
}
} // namespace

MainWindow::MainWindow(core::DataBundle bundle, QWidget *parent)
    : QMainWindow(parent), m_bundle(std::move(bundle))
{
    setWindowTitle(tr("Renkou 人口 — China's population map"));

    m_map = new ui::MapView;
    m_map->renderer().setLayer(&m_bundle.provinces);

    auto *side = new QWidget;
    side->setObjectName(QStringLiteral("sidePanel"));
    auto *layout = new QVBoxLayout(side);
    m_name = new QLabel(tr("Click a province to see its trend."));
    m_name->setObjectName(QStringLiteral("regionName"));
    m_name->setFont(ui::mapFont(14, true));
    m_name->setWordWrap(true);
    m_details = new QLabel;
    m_details->setObjectName(QStringLiteral("regionDetails"));
    m_details->setWordWrap(true);
    m_chart = new ui::ChartPanel;
    m_caption = new QLabel;
    m_caption->setObjectName(QStringLiteral("chartCaption"));
    m_caption->setWordWrap(true);
    m_caption->setFont(ui::mapFont(8.5));
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_name);
    layout->addWidget(m_details);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_caption);

    auto *splitter = new QSplitter;
    splitter->addWidget(m_map);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Renkou"), this, [this] {
        QMessageBox::about(this, tr("About Renkou"),
                           tr("<b>Renkou 人口</b> %1<br>Explore China's population map.<br>Data: %2")
                               .arg(QApplication::applicationVersion(), m_bundle.dir.toHtmlEscaped()));
    });
    statusBar()->showMessage(tr("Data: %1").arg(m_bundle.dir));

    connect(m_map, &ui::MapView::regionClicked, this, &MainWindow::selectRegion);

    m_indicator = core::findIndicator(m_bundle.population, QStringLiteral("population")).value();
    const auto year = core::latestYear(m_bundle.context(), core::Level::Province, m_indicator);
    showColumn(core::computeColumn(m_bundle.context(), core::Level::Province, m_indicator, year.value_or(0)));
    resize(1400, 860);
}

void MainWindow::showColumn(const core::Column &column)
{
    m_column = column;
    const QString unit = column.indicator.unit;
    const std::vector<core::ClassRange> classes =
        core::QuantileClassification().classes(column.values(), kClasses, unit);
    const std::vector<QColor> palette = core::sequentialPalette(int(classes.size()));

    const core::BoundaryLayer &layer = *m_map->renderer().layer();
    std::vector<std::optional<QColor>> fills(layer.features().size());
    int noData = 0;
    std::vector<std::pair<QString, int>> sourceYears;
    for (size_t i = 0; i < layer.features().size(); ++i) {
        const core::ColumnEntry *e = column.find(layer.features()[i].code);
        if (e && e->value) {
            const int c = core::classIndex(classes, *e->value);
            if (c >= 0)
                fills[i] = palette[size_t(c) % palette.size()];
            for (const QString &source : e->source.split(u';'))
                sourceYears.emplace_back(source, column.year);
        } else {
            ++noData;
        }
    }
    std::vector<ui::LegendItem> legend;
    for (size_t c = 0; c < classes.size(); ++c)
        legend.push_back({palette[c % palette.size()], classes[c].label, classes[c].count});
    if (noData > 0)
        legend.push_back({QColor(), tr("no data"), noData});

    ui::MapRenderer &r = m_map->renderer();
    r.setFills(std::move(fills));
    r.setLegend(tr("Resident population (%1)").arg(unit), std::move(legend));
    r.setTitle(tr("Resident population by province, %1").arg(column.year));
    r.setSourceLine(tr("Source: %1. Boundaries: %2.")
                        .arg(core::citeSources(m_bundle.sources, sourceYears),
                             m_bundle.sources.find(QStringLiteral("cn-atlas"))
                                 ? m_bundle.sources.find(QStringLiteral("cn-atlas"))->title
                                 : QStringLiteral("cn-atlas")));
    m_map->update();
}

void MainWindow::selectRegion(const QString &code)
{
    const core::Region *region = m_bundle.regions.find(code, core::Level::Province);
    if (!region)
        return;
    const int feature = m_map->renderer().layer()->indexOf(code);
    m_map->renderer().setSelection(feature >= 0 ? std::vector<int>{feature} : std::vector<int>{});
    m_map->update();

    m_name->setText(bilingualName(*region));
    const auto series = m_bundle.population.series(code, m_indicator.baseIndicator);
    const QString unit = m_indicator.unit;
    QString details = tr("Code %1 · %2 · %3").arg(region->code, region->type, region->region);
    if (const core::ColumnEntry *e = m_column.find(code); e && e->value)
        details += u'\n' + tr("%1 in %2: %3 %4").arg(m_indicator.description).arg(m_column.year)
                              .arg(core::formatFull(*e->value, unit), unit);
    else
        details += u'\n' + tr("%1 in %2: no data").arg(m_indicator.description).arg(m_column.year);
    m_details->setText(details);

    m_chart->showSeries(tr("%1 — resident population").arg(bilingualName(*region)), unit, series);
    if (series.empty()) {
        m_caption->setText(tr("No data for this unit in the loaded tables."));
        return;
    }
    std::vector<std::pair<QString, int>> sourceYears;
    for (const core::Observation &o : series)
        sourceYears.emplace_back(o.source, o.year);
    QString caption = tr("Unit: %1 (chart in millions). Source: %2.")
                          .arg(unit, core::citeSources(m_bundle.sources, sourceYears));
    const int first = series.front().year;
    const int last = series.back().year;
    for (const core::Note *note : m_bundle.notes.forUnit(code, core::Level::Province)) {
        // Notes on vital rates concern the rates, not this population series.
        if (note->kind == u"vital_rates")
            continue;
        if (!note->year || (*note->year >= first && *note->year <= last))
            caption += QStringLiteral("\n• ") + note->textEn;
    }
    m_caption->setText(caption);
}

} // namespace renkou::app
