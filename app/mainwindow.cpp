#include "mainwindow.h"
#include "exporter.h"
#include "palette.h"


#include "mapscene.h"
#include "mapview.h"
#include "sidepanel.h"
#include "helpdialogs.h"
#include "language.h"
#include "timeline.h"

#include <QAction>
#include <QHash>
#include <QIcon>
#include <QPixmap>
#include <QPainter>
#include <QActionGroup>
#include <QEvent>
#include <QDir>
#include <QApplication>
#include <QClipboard>
#include <QAbstractItemView>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QPushButton>
#include <QGuiApplication>
#include <QFileDialog>
#include <QSettings>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSplitter>
#include <QTabWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QMenu>
#include <QVBoxLayout>

namespace renkou::app {

using ui::bilingualName;
using core::levelLabel;

/// One step of the undo stack: a view before and after a change. Steps of a playing timeline merge.
class ViewCommand : public QUndoCommand {
public:
    ViewCommand(MainWindow *window, core::View before, core::View after, const QString &what, bool merge)
        : QUndoCommand(what), m_window(window), m_before(std::move(before)), m_after(std::move(after)), m_merge(merge)
    {
    }
    void undo() override { m_window->applyView(m_before); }
    void redo() override { m_window->applyView(m_after); }
    int id() const override { return m_merge ? 1 : -1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        m_after = static_cast<const ViewCommand *>(other)->m_after;
        return true;
    }

private:
    MainWindow *m_window;
    core::View m_before, m_after;
    bool m_merge;
};

MainWindow::MainWindow(const QString &dataDir, QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Renkou 人口 — China's population map"));
    setAcceptDrops(true);
    // The timeline and play keep one set of classes (breaks from every year), so that a colour means the same
    // number in each year; View → Classes turns it off. Saved views keep their own choice.
    m_view.classes.sameEveryYear = true;
    m_undo = new QUndoStack(this);
    buildUi();
    connect(&m_controller, &Controller::bundleReady, this, &MainWindow::onBundleReady);
    connect(&m_controller, &Controller::layersReady, this, &MainWindow::onLayersReady);
    connect(&m_controller, &Controller::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Could not load the data: %1").arg(message));
        m_map->renderer().setTitle(tr("Could not load the data"));
        m_map->renderer().setSubtitle(message);
        m_map->update();
        QMessageBox::critical(this, tr("Renkou cannot load the data"), message);
    });
    statusBar()->showMessage(tr("Loading %1 …").arg(dataDir));
    m_map->renderer().setTitle(tr("Loading data …"));
    m_controller.load(dataDir);
    resize(1280, 800);
    const QSettings settings;
    auto *splitter = qobject_cast<QSplitter *>(centralWidget());
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        splitter->setSizes({1000, 440}); // the map gets most of the width
    else
        splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
}

bool MainWindow::isFullyLoaded() const
{
    return bundle() && bundle()->hasAllLayers() && !m_controller.isLoading();
}

void MainWindow::buildUi()
{
    m_map = new ui::MapView;
    m_map->setTooltipProvider([this](const QString &code) { return bundle() ? ui::unitTooltip(*bundle(), m_column, m_changeColumn, code) : QString(); });
    m_timeline = new ui::Timeline;
    m_breadcrumb = new QLabel;
    m_breadcrumb->setObjectName(QStringLiteral("breadcrumb"));
    m_breadcrumb->setTextFormat(Qt::RichText);
    connect(m_breadcrumb, &QLabel::linkActivated, this, [this] { drillOut(); });

    auto *mapColumn = new QWidget;
    auto *mapLayout = new QVBoxLayout(mapColumn);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    mapLayout->setSpacing(2);
    mapLayout->addWidget(m_breadcrumb);
    // The banner: the years asked have no data (or were swapped); one click shows the nearest years with data.
    m_banner = new QFrame;
    m_banner->setObjectName(QStringLiteral("yearBanner"));
    m_banner->setStyleSheet(QStringLiteral("#yearBanner { background: #fff4ce; border: 1px solid #e0c36c; border-radius: 3px; }"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 4, 4, 4);
    m_bannerText = new QLabel;
    m_bannerText->setObjectName(QStringLiteral("yearBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerButton = new QPushButton;
    m_bannerButton->setObjectName(QStringLiteral("yearBannerButton"));
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_bannerButton);
    m_banner->hide();
    connect(m_bannerButton, &QPushButton::clicked, this, [this] {
        if (!m_nearest.first)
            return;
        const int year = m_nearest.first;
        const std::optional<int> from = m_nearest.second;
        edit(tr("year"), [year, from](core::View &v) {
            v.year = year;
            v.from = from;
        });
    });
    mapLayout->addWidget(m_banner);
    mapLayout->addWidget(m_map, 1);
    mapLayout->addWidget(m_timeline);

    m_side = new ui::SidePanel;
    connect(m_side, &ui::SidePanel::chartModeChanged, this,
            [this](core::ChartMode mode) { edit(tr("chart"), [mode](core::View &v) { v.chartMode = mode; }); });
    connect(m_side, &ui::SidePanel::baseYearChanged, this,
            [this](std::optional<int> y) { edit(tr("base year"), [y](core::View &v) { v.baseYear = y; }); });
    connect(m_side, &ui::SidePanel::unitClicked, this, [this](const QString &code, bool add) { selectRegion(code, add); });
    connect(m_side, &ui::SidePanel::unitChosen, this, [this](const QString &code) { goTo(code); });
    connect(m_side, &ui::SidePanel::exportScatterRequested, this, &MainWindow::exportScatterDialog);
    // The scatter of components and the map point at the same unit.
    connect(m_side, &ui::SidePanel::unitHovered, m_map, &ui::MapView::highlight);
    connect(m_map, &ui::MapView::regionHovered, m_side, &ui::SidePanel::highlightUnit);

    auto *splitter = new QSplitter;
    splitter->addWidget(mapColumn);
    splitter->addWidget(m_side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    // Toolbar: level, indicator, growth/decline, scale, search.
    QToolBar *bar = addToolBar(tr("Map"));
    bar->setObjectName(QStringLiteral("mapToolBar"));
    bar->setMovable(false);
    m_levelBox = new QComboBox;
    m_levelBox->setObjectName(QStringLiteral("levelBox"));
    m_levelBox->addItem(tr("Provinces"), int(core::Level::Province));
    m_levelBox->addItem(tr("Prefectures"), int(core::Level::Prefecture));
    m_levelBox->addItem(tr("NBS regions"), int(core::Level::Region));
    bar->addWidget(m_levelBox);
    m_indicatorBox = new QComboBox;
    // A scrolling list of 20, not a wall of some sixty indicators (styles that pop the list up over the
    // current item ignore maxVisibleItems unless told).
    m_indicatorBox->setStyleSheet(QStringLiteral("QComboBox { combobox-popup: 0; }"));
    m_indicatorBox->setMaxVisibleItems(20);
    m_indicatorBox->view()->setMinimumWidth(620); // wider than the box: the names whole
    m_indicatorBox->view()->setTextElideMode(Qt::ElideRight);
    m_indicatorBox->setObjectName(QStringLiteral("indicatorBox"));
    m_indicatorBox->setMinimumContentsLength(28);
    m_indicatorBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon); // not to its longest item
    bar->addWidget(m_indicatorBox);
    m_growthAction = bar->addAction(tr("Growth / decline"));
    m_growthAction->setObjectName(QStringLiteral("growthAction"));
    m_growthAction->setCheckable(true);
    m_growthAction->setShortcut(QKeySequence(Qt::Key_G));
    m_growthAction->setToolTip(tr("Show the change since the previous year with data, decline red and growth blue (G)"));
    m_scaleWithinAction = bar->addAction(tr("Scale within province"));
    m_scaleWithinAction->setCheckable(true);
    m_scaleWithinAction->setEnabled(false);
    m_scaleWithinAction->setToolTip(tr("In a drill-down, classify the province's own units instead of using the national scale"));
    QAction *reset = bar->addAction(tr("Reset view"));
    reset->setShortcuts({QKeySequence(Qt::Key_0), QKeySequence(Qt::Key_Home)});
    bar->addSeparator();
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(tr("Find a region: 长沙, Changsha, 430100 …"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    bar->addWidget(m_search);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *openTableAction = file->addAction(tr("Open &table…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open table"), QString(),
                                                          tr("Tables (*.csv *.txt *.tsv *.xlsx *.xls *.ods);;All files (*)"));
        if (!path.isEmpty())
            openTable(path);
    });
    openTableAction->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open &boundaries…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open boundaries"), QString(),
            tr("Vector files (*.geojson *.json *.topojson *.shp *.gpkg *.kml *.gml *.fgb);;All files (*)"));
        if (!path.isEmpty())
            openBoundaries(path);
    });
    // Recent own files and views, newest first.
    QMenu *recent = file->addMenu(tr("Open &recent"));
    connect(recent, &QMenu::aboutToShow, this, [this, recent] {
        recent->clear();
        const QStringList files = QSettings().value(QStringLiteral("recentFiles")).toStringList();
        for (const QString &path : files)
            recent->addAction(QDir::toNativeSeparators(path), this, [this, path] { openFiles({path}); });
        recent->setEnabled(true);
        if (files.isEmpty())
            recent->addAction(tr("(none yet)"))->setEnabled(false);
    });
    file->addSeparator();
    QAction *openView = file->addAction(tr("Open &view…"), this, &MainWindow::openViewDialog);
    openView->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    QAction *saveView = file->addAction(tr("&Save view…"), this, &MainWindow::saveViewDialog);
    saveView->setShortcut(QKeySequence::Save);
    file->addSeparator();
    QAction *exportMap = file->addAction(tr("Export &map…"), this, &MainWindow::exportMapDialog);
    exportMap->setShortcut(QKeySequence(tr("Ctrl+E")));
    file->addAction(tr("Export &chart…"), this, &MainWindow::exportChartDialog)->setObjectName(QStringLiteral("exportChart"));
    file->addAction(tr("Export &scatter…"), this, &MainWindow::exportScatterDialog);
    file->addAction(tr("Export &data (CSV)…"), this, &MainWindow::exportDataDialog);
    file->addAction(tr("Export &report pack…"), this, &MainWindow::exportReportPackDialog);
    file->addAction(tr("Export &animation (GIF, MP4, WebM)…"), this, &MainWindow::exportAnimationDialog);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoAction = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_redoAction = m_undo->createRedoAction(this, tr("&Redo"));
    // Ctrl+Shift+Z and the platform's own redo keys, each once (a key listed twice is ambiguous: neither fires).
    QList<QKeySequence> redoKeys = {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::Redo))
        if (!redoKeys.contains(k))
            redoKeys << k;
    redo->setShortcuts(redoKeys);
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    editMenu->addAction(tr("&Copy view"), this, [this] {
        QGuiApplication::clipboard()->setText(view().toLink());
        statusBar()->showMessage(tr("The view is on the clipboard: paste it into another Renkou with Edit → Paste view."));
    });
    editMenu->addAction(tr("&Paste view"), this, &MainWindow::pasteView);
    editMenu->addSeparator();
    // The figures as images for a slide or a message: the map as exported at 850×600 2×, the chart likewise.
    QAction *copyMap = editMenu->addAction(tr("Copy &map as image"), this, &MainWindow::copyMapImage);
    copyMap->setObjectName(QStringLiteral("copyMapImage"));
    QAction *copyChart = editMenu->addAction(tr("Copy c&hart as image"), this, [this] {
        if (m_view.selection.isEmpty()) {
            statusBar()->showMessage(tr("Select a region first: its chart is what is copied."));
            return;
        }
        QGuiApplication::clipboard()->setImage(ui::pictureOf(ui::ExportSize::atScale(2), [this](QPainter &p, const QRectF &r) {
            m_side->renderChart(p, r, m_side->chartTexts());
        }));
        statusBar()->showMessage(tr("The chart is on the clipboard."));
    });
    copyChart->setObjectName(QStringLiteral("copyChartImage"));
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_growthAction);
    view->addAction(m_scaleWithinAction);
    view->addAction(reset);
    QAction *back = view->addAction(tr("Back to China"), this, &MainWindow::drillOut);
    back->setShortcut(QKeySequence(Qt::Key_Backspace));
    QAction *stepForward = view->addAction(tr("Next year"), m_timeline, &ui::Timeline::stepForward);
    stepForward->setShortcuts({QKeySequence(Qt::Key_Period), QKeySequence(Qt::Key_PageDown)});
    QAction *stepBack = view->addAction(tr("Previous year"), m_timeline, &ui::Timeline::stepBack);
    stepBack->setShortcuts({QKeySequence(Qt::Key_Comma), QKeySequence(Qt::Key_PageUp)});
    QAction *play = view->addAction(tr("Play / pause"), this, [this] { m_timeline->setPlaying(!m_timeline->isPlaying()); });
    play->setShortcut(QKeySequence(Qt::Key_P));
    m_englishLabelsAction = view->addAction(tr("Map labels in English"));
    m_englishLabelsAction->setCheckable(true);
    m_showValuesAction = view->addAction(tr("Show values on the map"));
    m_showValuesAction->setObjectName(QStringLiteral("showValuesAction"));
    m_showValuesAction->setCheckable(true);
    m_strictClustersAction = view->addAction(tr("Clusters only where p ≤ 0.01"));
    m_strictClustersAction->setObjectName(QStringLiteral("strictClustersAction"));
    m_strictClustersAction->setToolTip(tr("Maps of clusters (local Moran's I): a unit is in a cluster at p ≤ 0.01 instead of 0.05"));
    m_strictClustersAction->setCheckable(true);
    buildClassesMenu(view->addMenu(tr("&Classes")));
    // The language of the window and, by default, of figures: switched at once, remembered.
    QMenu *languages = view->addMenu(tr("&Language"));
    languages->setObjectName(QStringLiteral("languageMenu"));
    auto *languageGroup = new QActionGroup(languages);
    for (const auto &entry : {std::pair{core::Language::Chinese, QStringLiteral("中文")},
                              std::pair{core::Language::English, QStringLiteral("English")}}) {
        const core::Language language = entry.first; // a copy: lambdas capture no structured bindings (clang)
        QAction *a = languages->addAction(entry.second);
        a->setObjectName(QStringLiteral("language_") + core::languageCode(language));
        a->setCheckable(true);
        a->setChecked(core::currentLanguage() == language);
        languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [language] {
            if (core::currentLanguage() == language)
                return;
            QSettings().setValue(QStringLiteral("language"), core::languageCode(language));
            core::setLanguage(language);
        });
    }
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Data sources…"), this, [this] {
        if (bundle())
            showDataSources(this, bundle()->sources, &bundle()->regions);
    });
    help->addAction(tr("&About Renkou"), this, [this] { showAbout(this, bundle() ? bundle()->dir : QString()); });

    connect(m_map, &ui::MapView::regionClicked, this, [this](const QString &code, bool add) { selectRegion(code, add); });
    connect(m_map, &ui::MapView::regionDoubleClicked, this, [this](const QString &code) {
        if (level() == core::Level::Province) {
            drillInto(code);
        } else if (m_view.drill.isEmpty() && bundle()) {
            if (const core::Region *r = bundle()->regions.find(code, core::Level::Prefecture))
                drillInto(r->parentCode);
        }
    });
    connect(m_map, &ui::MapView::painted, this, [this] {
        if (!m_shown && bundle()) {
            m_shown = true;
            emit mapShown();
        }
    });
    connect(m_timeline, &ui::Timeline::notice, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_timeline, &ui::Timeline::changed, this, [this] {
        edit(tr("year"), [this](core::View &v) {
            v.year = m_timeline->year();
            v.from = m_timeline->from();
        });
    });
    connect(m_levelBox, &QComboBox::currentIndexChanged, this, [this] {
        edit(tr("level"), [this](core::View &v) {
            v.level = core::Level(m_levelBox->currentData().toInt());
            v.drill.clear();
            v.selection.clear();
        });
    });
    connect(m_indicatorBox, &QComboBox::currentIndexChanged, this, [this] {
        edit(tr("indicator"), [this](core::View &v) { v.indicator = m_indicatorBox->currentData().toString(); });
    });
    connect(m_growthAction, &QAction::toggled, this, [this](bool on) { edit(tr("growth / decline"), [on](core::View &v) { v.growth = on; }); });
    connect(m_scaleWithinAction, &QAction::toggled, this,
            [this](bool on) { edit(tr("scale within province"), [on](core::View &v) { v.scaleWithin = on; }); });
    connect(m_englishLabelsAction, &QAction::toggled, this,
            [this](bool english) { edit(tr("label language"), [english](core::View &v) { v.englishLabels = english; }); });
    connect(m_showValuesAction, &QAction::toggled, this,
            [this](bool show) { edit(tr("values on the map"), [show](core::View &v) { v.showValues = show; }); });
    connect(m_strictClustersAction, &QAction::toggled, this, [this](bool strict) {
        edit(tr("cluster significance"), [strict](core::View &v) { v.clusterSignificance = strict ? 0.01 : 0.05; });
    });
    connect(reset, &QAction::triggered, this, [this] {
        m_map->flyTo(m_view.drill.isEmpty() ? m_map->renderer().fullExtent() : m_map->renderer().boundsOf(drillFeatures()));
    });
    connect(m_map, &ui::MapView::menuRequested, this, &MainWindow::mapMenu);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        static const QRegularExpression code(QStringLiteral("\\b(\\d{6})\\b"));
        const auto m = code.match(m_search->text());
        if (m.hasMatch())
            goTo(m.captured(1));
        else if (m_search->completer() && m_search->completer()->completionCount() > 0)
            goTo(code.match(m_search->completer()->currentCompletion()).captured(1));
    });
}

void MainWindow::onBundleReady()
{
    const core::DataBundle &b = *bundle();
    const std::optional<int> latest = showTables();
    setUpSearch();
    if (latest)
        m_timeline->setYear(*latest);
    statusBar()->showMessage(tr("Data: %1 — loading prefecture boundaries …").arg(b.dir));
    refresh();
    m_map->flyTo(m_map->renderer().fullExtent(), false);
}

void MainWindow::setUpSearch()
{
    const core::DataBundle &b = *bundle();
    // Search: Chinese name, English name (also without spaces and apostrophes: pinyin as typed), code.
    QStringList entries;
    for (const core::Region &r : b.regions.all()) {
        if (r.level != core::Level::Province && r.level != core::Level::Prefecture)
            continue;
        QString plain = r.nameEn.toLower();
        plain.remove(QRegularExpression(QStringLiteral("[\\s'’\\-()]")));
        QString entry = QStringLiteral("%1 %2 · %3").arg(r.nameZh, r.nameEn, r.code);
        if (plain != r.nameEn.toLower())
            entry += QStringLiteral(" · ") + plain;
        if (!entries.contains(entry))
            entries << entry;
    }
    auto *completer = new QCompleter(entries, m_search);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &text) {
        static const QRegularExpression code(QStringLiteral("\\b(\\d{6})\\b"));
        goTo(code.match(text).captured(1));
    });
    m_search->setCompleter(completer);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // Every text is set where its widget is made: the widgets are made again, once, after the change.
    if (event->type() == QEvent::LanguageChange && m_map && !m_retranslating) {
        m_retranslating = true;
        QMetaObject::invokeMethod(this, &MainWindow::retranslate, Qt::QueuedConnection);
    }
}

namespace {
/// A ColorBrewer palette's name for the menu: its own name in English; in Chinese its colours in words
/// (YlOrRd → 黄橙红), read from the name's colour codes.
QString paletteName(const QString &name)
{
    if (core::currentLanguage() != core::Language::Chinese)
        return name;
    static const QHash<QString, QString> words = {{QStringLiteral("Yl"), QStringLiteral("黄")}, {QStringLiteral("Or"), QStringLiteral("橙")},
                                                  {QStringLiteral("Rd"), QStringLiteral("红")}, {QStringLiteral("Gn"), QStringLiteral("绿")},
                                                  {QStringLiteral("Bu"), QStringLiteral("蓝")}, {QStringLiteral("Pu"), QStringLiteral("紫")},
                                                  {QStringLiteral("Br"), QStringLiteral("褐")}, {QStringLiteral("Blues"), QStringLiteral("蓝")},
                                                  {QStringLiteral("Greens"), QStringLiteral("绿")}, {QStringLiteral("Greys"), QStringLiteral("灰")},
                                                  {QStringLiteral("Oranges"), QStringLiteral("橙")}, {QStringLiteral("Purples"), QStringLiteral("紫")},
                                                  {QStringLiteral("Reds"), QStringLiteral("红")}};
    if (words.contains(name))
        return words.value(name) + QStringLiteral("色系");
    QString out;
    for (int i = 0; i + 1 < name.size(); i += 2)
        out += words.value(name.mid(i, 2), name.mid(i, 2));
    return out + QStringLiteral("色系");
}
} // namespace

void MainWindow::buildClassesMenu(QMenu *menu)
{
    // View → Classes: the method, the number and the palette of a one-year map's classes, and the same classes
    // for every year (so that the timeline and play keep a colour's meaning). Each choice is an undoable step.
    m_classesMenu = menu;
    menu->setObjectName(QStringLiteral("classesMenu"));
    const auto add = [this](QMenu *m, QActionGroup *group, const QString &text, const QString &key, const QVariant &value) {
        QAction *a = m->addAction(text);
        a->setCheckable(true);
        a->setData(QVariantList{key, value});
        a->setObjectName(QStringLiteral("classes_%1_%2").arg(key, value.toString()));
        if (group)
            group->addAction(a);
        connect(a, &QAction::triggered, this, [this, key, value](bool checked) {
            edit(tr("classes"), [key, value, checked](core::View &v) {
                if (key == u"method")
                    v.classes.method = value.toString();
                else if (key == u"count")
                    v.classes.count = value.toInt();
                else if (key == u"palette")
                    v.classes.palette = value.toString();
                else
                    v.classes.sameEveryYear = checked;
            });
        });
        return a;
    };
    auto *methods = new QActionGroup(menu);
    add(menu, methods, tr("Quantiles (as many units in each class)"), QStringLiteral("method"), QStringLiteral("quantile"));
    add(menu, methods, tr("Equal intervals"), QStringLiteral("method"), QStringLiteral("equal"));
    add(menu, methods, tr("Natural breaks (Jenks)"), QStringLiteral("method"), QStringLiteral("jenks"));
    menu->addSeparator();
    auto *counts = new QActionGroup(menu);
    for (int k = 3; k <= 7; ++k)
        add(menu, counts, tr("%1 classes").arg(k), QStringLiteral("count"), k);
    menu->addSeparator();
    QMenu *palettes = menu->addMenu(tr("Palette"));
    auto *paletteGroup = new QActionGroup(palettes);
    // Colour-blind-safe palettes first, as the ColorBrewer data orders them; each with its colours as an icon
    // (four stripes, as menus draw icons square).
    const auto preview = [](const core::Palette &p) {
        QPixmap pixmap(16, 16);
        QPainter painter(&pixmap);
        const std::vector<QColor> colors = p.colorsFor(4);
        for (size_t i = 0; i < colors.size(); ++i)
            painter.fillRect(QRectF(4.0 * double(i), 0, 4, 16), colors[i]);
        return QIcon(pixmap);
    };
    for (const core::Palette &p : core::palettes()) {
        if (p.type != core::Palette::Type::Sequential)
            continue;
        const bool standard = p.name == u"YlGnBu";
        const QString name = standard ? tr("%1 (default)").arg(paletteName(p.name))
                             : p.colorblindSafe ? paletteName(p.name)
                                                : tr("%1 (not colour-blind safe)").arg(paletteName(p.name));
        add(palettes, paletteGroup, name, QStringLiteral("palette"), standard ? QString() : p.name)->setIcon(preview(p));
    }
    menu->addSeparator();
    add(menu, nullptr, tr("Same classes for every year"), QStringLiteral("same"), true);
    syncClassesMenu();
}

void MainWindow::syncClassesMenu()
{
    if (!m_classesMenu)
        return;
    std::function<void(QMenu *)> sync = [&](QMenu *menu) {
        for (QAction *a : menu->actions()) {
            if (a->menu()) {
                sync(a->menu());
                continue;
            }
            const QVariantList d = a->data().toList();
            if (d.size() != 2)
                continue;
            const QString key = d[0].toString();
            const QSignalBlocker block(a);
            a->setChecked(key == u"method"    ? m_view.classes.method == d[1].toString()
                          : key == u"count"   ? m_view.classes.count == d[1].toInt()
                          : key == u"palette" ? m_view.classes.palette == d[1].toString()
                                              : m_view.classes.sameEveryYear);
        }
    };
    sync(m_classesMenu);
}

void MainWindow::retranslate()
{
    m_retranslating = false;
    // The data, the view, the undo history, the map's extent and the splitter stay; menus, toolbar, map,
    // timeline and side panel are made again in the new language.
    const core::BoxD extent = m_map->renderer().viewBox();
    const QList<int> sizes = qobject_cast<QSplitter *>(centralWidget())->sizes();
    const auto *tabs = centralWidget()->findChild<QTabWidget *>(QStringLiteral("sideTabs"));
    const int tab = tabs ? tabs->currentIndex() : 0;
    for (QToolBar *bar : findChildren<QToolBar *>()) {
        removeToolBar(bar);
        delete bar;
    }
    delete m_undoAction;
    delete m_redoAction;
    setMenuBar(new QMenuBar); // the old one and its menus go
    setWindowTitle(tr("Renkou 人口 — China's population map"));
    buildUi(); // replaces the central widget, deleting the old
    qobject_cast<QSplitter *>(centralWidget())->setSizes(sizes);
    if (auto *newTabs = centralWidget()->findChild<QTabWidget *>(QStringLiteral("sideTabs")))
        newTabs->setCurrentIndex(tab);
    if (bundle()) {
        showTables();
        setUpSearch();
        applyView(m_view);
        m_map->renderer().setViewBox(extent);
    }
}

std::optional<int> MainWindow::showTables()
{
    const core::DataBundle &b = *bundle();
    m_yearsCache.clear();
    m_allYearsCache.clear();
    {
        const QSignalBlocker block(m_indicatorBox);
        m_indicatorBox->clear();
        for (const core::IndicatorInfo &i : core::availableIndicators(b.population))
        {
            // English shows the name the CLI and saved views use; Chinese the words only, the name on hover.
            m_indicatorBox->addItem(core::currentLanguage() == core::Language::Chinese ? i.description
                                                                                        : QStringLiteral("%1 (%2)").arg(i.description, i.name),
                                    i.name);
            m_indicatorBox->setItemData(m_indicatorBox->count() - 1, i.name, Qt::ToolTipRole);
        }
        m_indicatorBox->setCurrentIndex(std::max(0, m_indicatorBox->findData(m_view.indicator)));
    }
    const auto years = b.population.years(QStringLiteral("resident_population"));
    if (years.empty())
        return std::nullopt;
    m_timeline->setRange(years.front(), years.back());
    return years.back();
}

void MainWindow::onLayersReady()
{
    statusBar()->showMessage(tr("Data: %1").arg(bundle()->dir));
    // Re-attach the layers so the nation outline and the map lines are drawn too; keep the view.
    const core::BoxD view = m_map->renderer().viewBox();
    m_map->renderer().setLayers(nullptr);
    refresh();
    m_map->renderer().setViewBox(view);
    m_map->update();
    restoreSettings();
    emit fullyLoaded();
}

core::Level MainWindow::level() const
{
    if (!(bundle() && bundle()->hasAllLayers()))
        return core::Level::Province; // prefecture boundaries not loaded yet
    if (!m_view.drill.isEmpty())
        return core::Level::Prefecture;
    return m_view.level;
}

std::vector<int> MainWindow::dataYears(core::Level lvl, const core::IndicatorInfo &indicator)
{
    const QString key = core::levelName(lvl) + u'|' + indicator.name;
    if (auto it = m_yearsCache.constFind(key); it != m_yearsCache.constEnd())
        return *it;
    const std::vector<int> out = core::yearsWithData(bundle()->context(), lvl, indicator);
    m_yearsCache.insert(key, out);
    return out;
}

std::vector<int> MainWindow::featureIndices(const QStringList &codes) const
{
    return ui::featureIndices(m_map->renderer().layer(), codes);
}

std::vector<int> MainWindow::drillFeatures() const
{
    if (m_view.drill.isEmpty() || !bundle() || !m_map->renderer().layer())
        return {};
    return ui::provinceFeatures(*m_map->renderer().layer(), *bundle(), m_view.drill);
}

void MainWindow::refresh()
{
    if (!bundle())
        return;
    const core::DataBundle &b = *bundle();
    const core::Level lvl = level();
    ui::MapRenderer &r = m_map->renderer();
    m_levelBox->setEnabled(b.hasAllLayers());
    m_scaleWithinAction->setEnabled(!m_view.drill.isEmpty());

    core::View shown = m_view;
    if (!b.hasAllLayers()) { // prefecture boundaries not loaded yet
        shown.level = core::Level::Province;
        shown.drill.clear();
    }
    ui::MapQuery query = ui::queryFor(b, shown, [this](core::Level l, const core::IndicatorInfo &i) { return dataYears(l, i); });
    if (ui::classesFromEveryYear(shown, query.indicator)) {
        // Computed once per map, not on every selection or year change.
        const QString key = QStringLiteral("%1|%2|%3|%4|%5")
                                .arg(int(shown.level))
                                .arg(shown.indicator)
                                .arg(shown.growth)
                                .arg(shown.drill)
                                .arg(shown.scaleWithin);
        auto it = m_allYearsCache.find(key);
        if (it == m_allYearsCache.end())
            it = m_allYearsCache.insert(key, ui::valuesOfYears(b, shown));
        query.classValues = *it;
    }
    const bool span = query.indicator.spansYears;
    // The years either end can take; none when the indicator has no data at the level at all.
    m_timeline->setDataYears(dataYears(lvl, query.indicator).empty() ? std::vector<int>{}
                                                                     : dataYears(lvl, core::endsIndicator(b.population, query.indicator)),
                             span);
    m_timeline->setRangeAllowed(span, tr("%1 is a value of one year: switch on Growth / decline (G), or choose a change, to "
                                         "compare two years.").arg(query.indicator.description));
    if (!span && m_timeline->rangeMode()) {
        const QSignalBlocker block(m_timeline);
        m_timeline->setRangeMode(false);
    }
    if (query.year != m_timeline->year()) {
        const QSignalBlocker block(m_timeline);
        m_timeline->setYear(query.year);
    }
    const int year = query.year;
    const QString drill = query.drillProvince;
    m_nearest = {query.nearestYear.value_or(0), query.nearestFrom};
    m_banner->setVisible(!query.notes.isEmpty());
    m_bannerText->setText(query.notes.join(u' '));
    m_bannerButton->setVisible(query.nearestYear.has_value());
    if (query.nearestYear)
        m_bannerButton->setText(tr("Show %1 instead").arg(core::yearsLabel(query.nearestFrom, *query.nearestYear)));
    const ui::MapScene scene = ui::applyMapScene(r, b, query);
    m_column = scene.column;
    m_classes = scene.classes;
    // The tooltip of a population map gives the change since the previous year with data too.
    m_changeColumn = {};
    if (query.indicator.name == u"population") {
        const core::IndicatorInfo change = core::findIndicator(b.population, QStringLiteral("change")).value();
        const core::Period since = core::resolvePeriod(b.context(), lvl, change, year, std::nullopt,
                                                       [this](core::Level l, const core::IndicatorInfo &i) { return dataYears(l, i); });
        if (since.from && *since.from < year)
            m_changeColumn = core::computeColumn(b.context(), lvl, change, year, since.from);
    }
    m_map->renderer().setSelection(featureIndices(m_view.selection));
    m_side->show(b, m_view, lvl, m_column, m_classes, scene.palette);
    m_breadcrumb->setText(drill.isEmpty()
                              ? tr("China 中国 · %1").arg(levelLabel(lvl))
                              : tr("<a href=\"back\">China 中国</a> › %1  <span style=\"color:#777\">(Backspace: back)</span>")
                                    .arg(b.regions.find(drill, core::Level::Province)
                                             ? bilingualName(*b.regions.find(drill, core::Level::Province))
                                             : drill));
    m_map->update();
}

void MainWindow::selectRegion(const QString &code, bool add)
{
    edit(tr("select"), [&](core::View &v) {
        if (!add)
            v.selection = {code};
        else if (v.selection.contains(code))
            v.selection.removeAll(code);
        else
            v.selection << code;
    });
}

core::View MainWindow::view() const
{
    core::View v = m_view;
    v.extent = m_map->renderer().viewBox();
    if (v.extent->isEmpty())
        v.extent.reset();
    return v;
}

void MainWindow::edit(const QString &what, const std::function<void(core::View &)> &change)
{
    core::View next = m_view;
    change(next);
    if (next.sameContent(m_view))
        return;
    // Steps of a playing timeline make one undo step.
    m_undo->push(new ViewCommand(this, m_view, next, what, what == tr("year") && m_timeline->isPlaying()));
}

void MainWindow::applyView(const core::View &view)
{
    const core::View old = m_view;
    m_view = view;
    m_view.files = old.files; // own data stays loaded: files change only by reading them
    m_view.extent.reset();
    {
        const QSignalBlocker b1(m_levelBox), b2(m_indicatorBox), b3(m_growthAction), b4(m_scaleWithinAction),
            b5(m_englishLabelsAction), b6(m_showValuesAction), b7(m_strictClustersAction), b8(m_timeline);
        m_levelBox->setCurrentIndex(std::max(0, m_levelBox->findData(int(view.level))));
        if (const int i = m_indicatorBox->findData(view.indicator); i >= 0)
            m_indicatorBox->setCurrentIndex(i);
        m_growthAction->setChecked(view.growth);
        m_scaleWithinAction->setChecked(view.scaleWithin);
        m_englishLabelsAction->setChecked(view.englishLabels);
        m_showValuesAction->setChecked(view.showValues);
        m_strictClustersAction->setChecked(view.clusterSignificance == 0.01);
        syncClassesMenu();
        m_timeline->setRangeMode(view.from.has_value(), view.from);
        if (view.year)
            m_timeline->setYear(*view.year);
    }
    m_map->renderer().setLabelLanguage(view.englishLabels ? ui::LabelLanguage::English : ui::LabelLanguage::Chinese);
    refresh();
    if (old.level != view.level || old.drill != view.drill)
        m_map->flyTo(view.drill.isEmpty() || level() != core::Level::Prefecture ? m_map->renderer().fullExtent()
                                                                                 : m_map->renderer().boundsOf(drillFeatures()));
}

void MainWindow::setView(const core::View &view)
{
    showView(view, true);
}

void MainWindow::showView(const core::View &view, bool undoable)
{
    if (!bundle())
        return;
    std::vector<core::OwnFile> missing;
    for (const core::OwnFile &f : view.files)
        if (std::find(m_view.files.begin(), m_view.files.end(), f) == m_view.files.end())
            missing.push_back(f);
    loadOwnFiles(missing, {}, [this, view = view, undoable](QStringList problems) mutable {
        if (!problems.isEmpty())
            problems.prepend(tr("The view is shown without:"));
        problems << ui::correctView(*bundle(), view);
        if (!problems.isEmpty())
            QMessageBox::warning(this, tr("The view is shown with changes"), problems.join(u'\n'));
        if (undoable)
            edit(tr("view"), [&](core::View &v) {
                const std::vector<core::OwnFile> files = v.files;
                v = view;
                v.files = files;
            });
        else
            applyView(view);
        if (!undoable)
            m_undo->clear(); // the restored view is where the user starts: its files' steps are no steps back
        if (view.extent)
            m_map->flyTo(*view.extent, false);
    });
}

void MainWindow::drillInto(const QString &provinceCode)
{
    if (!bundle() || !bundle()->hasAllLayers() || !bundle()->regions.find(provinceCode, core::Level::Province))
        return;
    edit(tr("drill down"), [&](core::View &v) {
        v.drill = provinceCode;
        v.selection.clear();
    });
}

void MainWindow::drillOut()
{
    if (m_view.drill.isEmpty())
        return;
    edit(tr("back to China"), [](core::View &v) {
        v.drill.clear();
        v.selection.clear();
        v.scaleWithin = false;
    });
}

bool MainWindow::goTo(const QString &code)
{
    if (!bundle())
        return false;
    const core::DataBundle &b = *bundle();
    if (const core::Region *p = b.regions.find(code, core::Level::Province); p && level() == core::Level::Province) {
        selectRegion(code);
        m_map->flyTo(m_map->renderer().boundsOf(featureIndices({code})));
        return true;
    }
    const core::Region *r = b.regions.find(code, core::Level::Prefecture);
    if (!r)
        r = b.regions.find(code, core::Level::Province);
    if (!r || !b.hasAllLayers())
        return false;
    if (r->level == core::Level::Prefecture && m_view.drill != r->parentCode && b.regions.find(r->parentCode, core::Level::Province))
        drillInto(r->parentCode);
    else if (r->level == core::Level::Province)
        drillInto(r->code);
    selectRegion(code);
    m_map->flyTo(m_map->renderer().boundsOf(featureIndices({code})));
    return true;
}

} // namespace renkou::app
