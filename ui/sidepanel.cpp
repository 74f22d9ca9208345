#include "sidepanel.h"

#include "language.h"
#include "numbers.h"

#include "chartpanel.h"
#include "columnmodel.h"
#include "componentsscatter.h"
#include "maprenderer.h"
#include "mapscene.h"
#include "rankingview.h"
#include "trendchart.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <set>

namespace renkou::ui {

namespace {
QString noSelectionPrompt()
{
    return SidePanel::tr("Click a region to see its trend; Ctrl-click to compare several.");
}
} // namespace

SidePanel::SidePanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("sidePanel"));
    auto *layout = new QVBoxLayout(this);
    m_name = new QLabel(noSelectionPrompt());
    m_name->setObjectName(QStringLiteral("regionName"));
    m_name->setFont(mapFont(13, true));
    m_name->setWordWrap(true);
    m_details = new QLabel;
    m_details->setObjectName(QStringLiteral("regionDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chart = new ChartPanel;
    // The numbers behind the chart, for a spreadsheet.
    auto *copyNumbers = new QAction(tr("Copy the numbers behind the chart"), m_chart);
    copyNumbers->setObjectName(QStringLiteral("copyChartNumbers"));
    connect(copyNumbers, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(m_chartNumbers); });
    m_chart->addAction(copyNumbers);
    m_chart->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_caption = new QLabel;
    m_caption->setObjectName(QStringLiteral("chartCaption"));
    m_caption->setWordWrap(true);
    m_caption->setFont(mapFont(8.5));
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_chartMode = new QComboBox;
    m_chartMode->setObjectName(QStringLiteral("chartMode"));
    m_chartMode->addItem(tr("Values"));
    m_chartMode->addItem(tr("Indexed (base = 100)"));
    m_chartMode->addItem(tr("Change from year before"));
    m_chartMode->addItem(tr("Share of province"));
    m_chartMode->setItemData(3, tr("Share of its province; for a province, of the 31 provinces"), Qt::ToolTipRole);
    m_chartMode->addItem(tr("Births or migration? (components of change)"));
    m_chartMode->setItemData(4, tr("Each year's change split into natural increase (births − deaths) and net migration"), Qt::ToolTipRole);
    m_chartMode->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_chartMode->setMinimumContentsLength(16);
    m_baseYear = new QSpinBox;
    m_baseYear->setObjectName(QStringLiteral("baseYear"));
    m_baseYear->setRange(1900, 2100);
    m_baseYear->setPrefix(tr("base "));
    m_baseYear->setSpecialValueText(tr("base: auto"));
    m_baseYear->setToolTip(tr("Base year of the index; auto: the first year every selected unit has"));
    m_baseYear->setMinimum(1899); // the special value: the first year every selected unit has
    m_baseYear->setValue(1899);
    m_baseYear->setEnabled(false);
    connect(m_chartMode, &QComboBox::currentIndexChanged, this, [this](int i) { emit chartModeChanged(core::ChartMode(i)); });
    connect(m_baseYear, &QSpinBox::valueChanged, this,
            [this](int y) { emit baseYearChanged(y == m_baseYear->minimum() ? std::nullopt : std::optional<int>(y)); });
    auto *trend = new QWidget;
    auto *trendLayout = new QVBoxLayout(trend);
    trendLayout->setContentsMargins(0, 0, 0, 0);
    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(m_chartMode, 1);
    modeRow->addWidget(m_baseYear);
    trendLayout->addLayout(modeRow);
    trendLayout->addWidget(m_chart, 3);
    // The caption scrolls when the scatter of components leaves it little room.
    m_captionScroll = new QScrollArea;
    m_captionScroll->setWidget(m_caption);
    m_captionScroll->setWidgetResizable(true);
    m_captionScroll->setFrameShape(QFrame::NoFrame);
    m_captionScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_captionScroll->viewport()->setAutoFillBackground(false);
    m_caption->setAutoFillBackground(false);
    trendLayout->addWidget(m_captionScroll, 1);
    m_scatter = new ComponentsScatter;
    m_scatter->hide();
    connect(m_scatter, &ComponentsScatter::unitHovered, this, &SidePanel::unitHovered);
    connect(m_scatter, &ComponentsScatter::unitClicked, this, &SidePanel::unitClicked);
    connect(m_scatter, &ComponentsScatter::exportRequested, this, &SidePanel::exportScatterRequested);
    trendLayout->addWidget(m_scatter, 3);

    // The numbers behind the map: sortable (by value it is the ranking), the selection in bold, copyable.
    m_tableModel = new ColumnModel(this);
    auto *sorted = new ColumnSortModel(this);
    sorted->setSourceModel(m_tableModel);
    auto *table = new QTableView;
    table->setObjectName(QStringLiteral("numbersTable"));
    table->setModel(sorted);
    table->setSortingEnabled(true);
    table->sortByColumn(ColumnModel::Value, Qt::DescendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *copy = new QPushButton(tr("Copy table"));
    connect(copy, &QPushButton::clicked, this, [sorted] { QGuiApplication::clipboard()->setText(ColumnModel::toTsv(*sorted)); });
    auto *copyRows = new QAction(tr("Copy"), table);
    copyRows->setShortcut(QKeySequence::Copy);
    copyRows->setShortcutContext(Qt::WidgetShortcut);
    connect(copyRows, &QAction::triggered, this, [table, sorted] {
        QGuiApplication::clipboard()->setText(ColumnModel::toTsv(*sorted, table->selectionModel()->selectedRows()));
    });
    table->addAction(copyRows);
    connect(table, &QTableView::doubleClicked, this, [this, sorted](const QModelIndex &i) {
        emit unitChosen(sorted->index(i.row(), ColumnModel::Code).data().toString());
    });
    auto *numbers = new QWidget;
    auto *numbersLayout = new QVBoxLayout(numbers);
    numbersLayout->setContentsMargins(0, 0, 0, 0);
    numbersLayout->addWidget(table, 1);
    numbersLayout->addWidget(copy, 0, Qt::AlignRight);

    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("sideTabs"));
    tabs->addTab(trend, tr("Trend"));
    tabs->addTab(numbers, tr("Table"));
    m_ranking = new RankingView;
    connect(m_ranking, &RankingView::unitClicked, this, &SidePanel::unitClicked);
    auto *rankingScroll = new QScrollArea;
    rankingScroll->setObjectName(QStringLiteral("rankingScroll"));
    rankingScroll->setWidget(m_ranking);
    rankingScroll->setWidgetResizable(true);
    tabs->addTab(rankingScroll, tr("Ranking"));
    m_census = new QLabel;
    m_census->setObjectName(QStringLiteral("censusComparison"));
    m_census->setTextFormat(Qt::RichText);
    m_census->setWordWrap(true);
    m_census->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_census->hide();
    layout->addWidget(m_name);
    layout->addWidget(m_details);
    layout->addWidget(m_census);
    layout->addWidget(tabs, 1);

}

void SidePanel::show(const core::DataBundle &bundle, const core::View &view, core::Level level, const core::Column &column,
                     const std::vector<core::ClassRange> &classes, const std::vector<QColor> &palette)
{
    const QSet<QString> codes(view.selection.begin(), view.selection.end());
    // The column is the map's: in a drill-down, the province's units only (applyMapScene()).
    m_tableModel->setColumn(column);
    m_tableModel->setSelectedCodes(codes);
    m_ranking->setColumn(column, classes, palette);
    m_ranking->setSelection(codes);
    {
        const QSignalBlocker b1(m_chartMode), b2(m_baseYear);
        m_chartMode->setCurrentIndex(int(view.chartMode));
        m_baseYear->setValue(view.baseYear.value_or(m_baseYear->minimum()));
        m_baseYear->setEnabled(view.chartMode == core::ChartMode::Indexed);
    }
    showTrend(bundle, view, level, column);
    // Births or migration: where the selected units stand among all the map's units.
    const bool components = view.chartMode == core::ChartMode::Components;
    m_scatter->setVisible(components);
    if (components)
        showScatter(*m_scatter, bundle, view, level, column);
}

void showScatter(ComponentsScatter &scatter, const core::DataBundle &bundle, const core::View &view, core::Level level,
                 const core::Column &column)
{
    QSet<QString> shown;
    for (const core::ColumnEntry &e : column.entries)
        shown.insert(e.region->code);
    scatter.show(bundle, level, column.from.value_or(column.year - 1), column.year, shown, view.selection);
}

void SidePanel::renderScatter(QPainter &painter, const QRectF &target, const ChartTexts &texts) const
{
    m_scatter->render(painter, target, texts);
}

bool SidePanel::scatterShown() const
{
    return !m_scatter->isHidden();
}

ChartTexts SidePanel::scatterTexts() const
{
    return m_scatter->texts();
}

void SidePanel::highlightUnit(const QString &code)
{
    m_scatter->highlight(code);
}

void SidePanel::clearSelection()
{
    // With nothing selected the panel says so: it never shows a unit, value or year the map does not.
    m_name->setText(noSelectionPrompt());
    m_details->clear();
    m_census->clear();
    m_census->hide();
    m_chart->clear();
    m_caption->clear();
    m_chartTexts = {};
    m_chartNumbers.clear();
}

void SidePanel::renderChart(QPainter &painter, const QRectF &target, const ChartTexts &texts) const
{
    m_chart->render(painter, target, texts);
}

void SidePanel::showTrend(const core::DataBundle &b, const core::View &view, core::Level lvl, const core::Column &column)
{
    const std::vector<const core::Region *> units = selectedUnits(b, view, lvl);
    if (units.empty())
        return clearSelection();
    const core::Region *current = units.back(); // the last selected unit the level has
    QStringList names;
    for (const core::Region *r : units)
        names << bilingualName(*r);
    m_name->setText(names.join(QStringLiteral(" · ")));
    const QString unit = column.indicator.unit;
    const core::Region *region = current->region.isEmpty() ? nullptr : b.regions.find(current->region, core::Level::Region);
    const QString regionName = region && core::currentLanguage() == core::Language::Chinese ? region->nameZh : current->region;
    QString details = tr("Code %1 · %2 · %3").arg(current->code, core::typeLabel(current->type), regionName);
    const QString when = core::yearsLabel(column.from, column.year);
    if (const core::ColumnEntry *e = column.find(current->code); e && e->value) {
        details += u'\n' + (e->rank > 0 ? tr("%1 in %2: %3 %4 (rank %5)")
                                                .arg(column.indicator.description, when, core::typesetNumbers(core::shownValue(column.indicator, *e->value)), core::unitLabel(unit))
                                                .arg(e->rank)
                                          : tr("%1 in %2: %3").arg(column.indicator.description, when, core::typesetNumbers(core::shownValue(column.indicator, *e->value))));
        // A share against the nation's.
        if (unit == u"%" && current->level != core::Level::Country) {
            const core::Column nation = core::computeColumn(b.context(), core::Level::Country, column.indicator, column.year, column.from);
            if (!nation.entries.empty() && nation.entries.front().value)
                details += u'\n' + tr("China: %1").arg(core::withUnitSign(core::formatShown(*nation.entries.front().value, unit), unit));
        }
    } else
        details += u'\n' + tr("%1 in %2: no data").arg(column.indicator.description, when);
    m_details->setText(details);
    const QString census = current->level == core::Level::Prefecture ? censusComparison(b, *current) : QString();
    m_census->setText(census);
    m_census->setVisible(!census.isEmpty());

    const TrendChart chart = viewTrendChart(b, view, lvl);
    m_chartTexts = showTrendChart(*m_chart, chart);
    m_chartNumbers = chartNumbers(chart, units).toTsv();
    m_caption->setText(chart.source.isEmpty() ? tr("No resident population data for this unit in the loaded tables.") : m_chartTexts.caption());
}

QString SidePanel::censusComparison(const core::DataBundle &b, const core::Region &unit) const
{
    const auto ctx = b.context();
    struct Row {
        QString label;
        QString indicator;
    };
    const Row rows[] = {{tr("Resident population"), QStringLiteral("population")},
                        {tr("Urban share"), QStringLiteral("urban_share_pct")},
                        {tr("Aged 0–14"), QStringLiteral("share_age_0_14")},
                        {tr("Aged 15–59"), QStringLiteral("share_age_15_59")},
                        {tr("Aged 60+"), QStringLiteral("share_age_60_plus")}};
    QString html = tr("<table cellspacing=\"0\" cellpadding=\"2\"><tr><th align=\"left\">Census (1 November)</th>"
                      "<th align=\"right\">2010</th><th align=\"right\">2020</th><th align=\"right\">change</th></tr>");
    std::vector<std::pair<QString, int>> sourceYears;
    bool any = false;
    for (const Row &row : rows) {
        const auto info = core::findIndicator(b.population, row.indicator);
        if (!info)
            continue;
        std::optional<double> v[2];
        for (int i = 0; i < 2; ++i) {
            const int year = i == 0 ? 2010 : 2020;
            if (row.indicator == u"population") {
                // The census count of 1 November, not a year-end estimate of the same year.
                for (const core::Observation &o : b.population.observations(unit.code, year, QStringLiteral("resident_population"))) {
                    if (o.flag == u"census") {
                        v[i] = o.value;
                        any = true;
                        sourceYears.emplace_back(o.source, year);
                        break;
                    }
                }
                continue;
            }
            const core::Column c = core::computeColumn(ctx, core::Level::Prefecture, info.value(), year);
            if (const core::ColumnEntry *e = c.find(unit.code); e && e->value) {
                v[i] = e->value;
                any = true;
                for (const QString &id : e->source.split(u';'))
                    sourceYears.emplace_back(id, year);
            }
        }
        const QString u = info->unit;
        auto cell = [&](const std::optional<double> &x) {
            return x ? (u == u"persons" ? core::formatShown(*x, u) : core::withUnitSign(QString::number(*x, 'f', 1), u))
                     : tr("no data");
        };
        QString change = tr("—");
        if (v[0] && v[1]) {
            const double d = *v[1] - *v[0];
            change = (d > 0 ? QStringLiteral("+") : QString())
                     + (u == u"persons" ? core::formatShown(d, u) : QString::number(d, 'f', 1) + tr(" pts"));
        }
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td><td align=\"right\">%4</td></tr>")
                    .arg(row.label, cell(v[0]), cell(v[1]), change);
    }
    if (!any)
        return {};
    html += QStringLiteral("</table><small>") + tr("Source: %1.").arg(core::citeSources(b.sources, sourceYears, &b.regions).toHtmlEscaped())
            + QStringLiteral("</small>");
    return html;
}

} // namespace renkou::ui
