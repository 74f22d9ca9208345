#include "mainwindow.h"
#include "inputfile.h"
#include "workbook.h"

#include "owndatadialogs.h"

#include "chartpanel.h"
#include "columnmodel.h"
#include "columntable.h"
#include "exporter.h"
#include "mapscene.h"
#include "mapview.h"
#include "palette.h"
#include "rankingview.h"
#include "sidepanel.h"
#include "timeline.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QPainter>
#include <QProgressDialog>
#include <QCryptographicHash>
#include <QSettings>
#include <QInputDialog>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSpinBox>
#include <QScrollArea>
#include <QSplitter>
#include <QHBoxLayout>
#include <QStatusBar>
#include <QStringListModel>
#include <QToolBar>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QTimer>
#include <QUndoStack>
#include <QCloseEvent>
#include <QMenu>
#include <QVBoxLayout>
#include <set>

namespace renkou::app {

using ui::bilingualName;
using ui::levelLabel;

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
    m_map->setTooltipProvider([this](const QString &code) { return tooltip(code); });
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
    mapLayout->addWidget(m_map, 1);
    mapLayout->addWidget(m_timeline);

    m_side = new ui::SidePanel;
    connect(m_side, &ui::SidePanel::chartModeChanged, this,
            [this](core::ChartMode mode) { edit(tr("chart"), [mode](core::View &v) { v.chartMode = mode; }); });
    connect(m_side, &ui::SidePanel::baseYearChanged, this,
            [this](std::optional<int> y) { edit(tr("base year"), [y](core::View &v) { v.baseYear = y; }); });
    connect(m_side, &ui::SidePanel::unitClicked, this, [this](const QString &code, bool add) { selectRegion(code, add); });
    connect(m_side, &ui::SidePanel::unitChosen, this, [this](const QString &code) { goTo(code); });

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
    bar->addWidget(m_levelBox);
    m_indicatorBox = new QComboBox;
    m_indicatorBox->setObjectName(QStringLiteral("indicatorBox"));
    m_indicatorBox->setMinimumContentsLength(28);
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
    file->addSeparator();
    QAction *openView = file->addAction(tr("Open &view…"), this, &MainWindow::openViewDialog);
    openView->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    QAction *saveView = file->addAction(tr("&Save view…"), this, &MainWindow::saveViewDialog);
    saveView->setShortcut(QKeySequence::Save);
    file->addSeparator();
    QAction *exportMap = file->addAction(tr("Export &map…"), this, &MainWindow::exportMapDialog);
    exportMap->setShortcut(QKeySequence(tr("Ctrl+E")));
    file->addAction(tr("Export &chart…"), this, &MainWindow::exportChartDialog);
    file->addAction(tr("Export &data (CSV)…"), this, &MainWindow::exportDataDialog);
    file->addAction(tr("Export &report pack…"), this, &MainWindow::exportReportPackDialog);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    editMenu->addAction(tr("&Copy view"), this, [this] {
        QGuiApplication::clipboard()->setText(view().toLink());
        statusBar()->showMessage(tr("The view is on the clipboard: paste it into another Renkou with Edit → Paste view."));
    });
    editMenu->addAction(tr("&Paste view"), this, &MainWindow::pasteView);
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
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Renkou"), this, [this] {
        QMessageBox::about(this, tr("About Renkou"),
                           tr("<b>Renkou 人口</b> %1<br>Explore China's population map.<br>Data: %2")
                               .arg(QApplication::applicationVersion(),
                                    bundle() ? bundle()->dir.toHtmlEscaped() : QString()));
    });

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

    if (latest)
        m_timeline->setYear(*latest);
    statusBar()->showMessage(tr("Data: %1 — loading prefecture boundaries …").arg(b.dir));
    refresh();
    m_map->flyTo(m_map->renderer().fullExtent(), false);
}

std::optional<int> MainWindow::showTables()
{
    const core::DataBundle &b = *bundle();
    m_yearsCache.clear();
    {
        const QSignalBlocker block(m_indicatorBox);
        m_indicatorBox->clear();
        for (const core::IndicatorInfo &i : core::availableIndicators(b.population))
            m_indicatorBox->addItem(QStringLiteral("%1 (%2)").arg(i.description, i.name), i.name);
        m_indicatorBox->setCurrentIndex(std::max(0, m_indicatorBox->findData(m_view.indicator)));
    }
    const auto years = b.population.years(QStringLiteral("resident_population"));
    if (years.empty())
        return std::nullopt;
    m_timeline->setRange(years.front(), years.back());
    return years.back();
}

core::Result<core::TableImport> MainWindow::addTable(const QString &path, const std::optional<core::WideTableSpec> &wide)
{
    auto result = showAddedTable(m_controller.addTable(path, wide));
    if (result) {
        core::OwnFile file;
        file.path = QFileInfo(path).absoluteFilePath();
        file.wide = wide;
        addedFile(file);
    }
    return result;
}

core::Result<core::TableImport> MainWindow::showAddedTable(core::Result<core::TableImport> result)
{
    if (!result)
        return result;
    // A table of one indicator of the user's own is shown at once, in its latest year.
    const bool ownIndicator = result->table.indicators.size() == 1
                              && bundle()->population.isUserIndicator(result->table.indicators.front());
    showTables();
    if (ownIndicator)
        edit(tr("own table"), [&](core::View &v) {
            v.indicator = result->table.indicators.front();
            v.year = result->table.lastYear;
            v.from.reset();
        });
    else
        refresh();
    statusBar()->showMessage(tr("Added %n value(s) from %1", nullptr, result->table.rows).arg(QFileInfo(result->table.path).fileName()));
    return result;
}

core::Result<core::JoinReport> MainWindow::replaceBoundaries(const QString &path, const core::BoundaryImportOptions &options)
{
    auto result = showNewBoundaries(m_controller.replaceBoundaries(path, options), path);
    if (result) {
        core::OwnFile file;
        file.kind = core::OwnFile::Kind::Boundaries;
        file.path = QFileInfo(path).absoluteFilePath();
        file.boundaries = options;
        addedFile(file);
    }
    return result;
}

core::Result<core::JoinReport> MainWindow::showNewBoundaries(core::Result<core::JoinReport> result, const QString &path)
{
    if (!result)
        return result;
    m_yearsCache.clear();
    m_map->renderer().setLayers(nullptr);
    edit(tr("own boundaries"), [&](core::View &v) {
        v.drill.clear();
        v.selection.clear();
        v.level = result->level;
    });
    refresh();
    m_map->flyTo(m_map->renderer().fullExtent(), false);
    statusBar()->showMessage(tr("%1 boundaries from %2").arg(levelLabel(result->level), QFileInfo(path).fileName()));
    return result;
}

template <typename T>
void MainWindow::inBackground(const QString &what, std::function<T()> work, std::function<void(T)> done)
{
    // A busy indicator with Cancel, shown only if the work takes more than 0.4 s; Cancel drops the result.
    // QProgressDialog's own timer is stopped (reset()): it would show the dialog after 4 s even once the
    // work is done, over the next message box. The dialog is deleted before `done` runs its own dialogs.
    auto *progress = new QProgressDialog(what, tr("Cancel"), 0, 0, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->reset();
    QTimer::singleShot(400, progress, &QWidget::show);
    connect(progress, &QProgressDialog::canceled, this, [this, progress] {
        m_controller.cancelImport();
        progress->deleteLater();
        statusBar()->showMessage(tr("Cancelled"));
    });
    m_controller.runImport<T>(std::move(work), [progress, done = std::move(done)](T result) {
        progress->disconnect(); // closing it now is not a Cancel
        delete progress;
        done(std::move(result));
    });
}

namespace {
/// A report in a message box: the first line as the text, the rest below it.
void showReport(QWidget *parent, const QString &title, const QString &report, bool warn)
{
    QMessageBox box(warn ? QMessageBox::Warning : QMessageBox::Information, title, report.section(u'\n', 0, 0),
                    QMessageBox::Ok, parent);
    box.setInformativeText(report.section(u'\n', 1));
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
}
} // namespace

void MainWindow::openTable(const QString &path)
{
    if (!bundle())
        return;
    if (!core::isWorkbook(path))
        return openTableSheet(path, {});
    // A workbook with several sheets: the user picks one.
    inBackground<core::Result<QStringList>>(
        tr("Reading %1 …").arg(QFileInfo(path).fileName()), [path] { return core::workbookSheets(path); },
        [this, path](core::Result<QStringList> sheets) {
            if (!sheets) {
                QMessageBox::warning(this, tr("Cannot add the table"), sheets.error().toString());
                return;
            }
            QString sheet;
            if (sheets->size() > 1) {
                bool ok = false;
                sheet = QInputDialog::getItem(this, tr("Open table: %1").arg(QFileInfo(path).fileName()),
                                              tr("Which sheet holds the table?"), sheets.value(), 0, false, &ok);
                if (!ok)
                    return;
            }
            openTableSheet(path, sheet);
        });
}

void MainWindow::openTableSheet(const QString &path, const QString &sheet)
{
    // Every read of the file runs in the background: the window never waits for a slow or special file.
    const QString name = QFileInfo(path).fileName();
    inBackground<core::Result<core::TableShape>>(
        tr("Reading %1 …").arg(name), [path, sheet] { return core::PopulationStore::inspect(path, {}, sheet); },
        [this, path, name, sheet](core::Result<core::TableShape> shape) {
            if (!shape) {
                QMessageBox::warning(this, tr("Cannot add the table"), shape.error().toString());
                return;
            }
            std::optional<core::WideTableSpec> wide;
            if (shape->layout == core::TableLayout::Wide) {
                WideTableDialog dialog(path, bundle()->population, shape->said, shape->keyColumns, this);
                if (dialog.exec() != QDialog::Accepted)
                    return;
                wide = dialog.spec();
            }
            const std::shared_ptr<const core::RegionMatcher> keys = bundle()->keys(); // immutable: safe on another thread
            inBackground<core::Result<core::ParsedTable>>(
                tr("Reading %1 …").arg(name),
                [path, wide, keys, sheet] {
                    return core::PopulationStore::readTable(path, core::TableReadOptions{wide, {}, keys.get(), sheet});
                },
                [this, path, wide, sheet](core::Result<core::ParsedTable> parsed) {
                    std::optional<QHash<QString, QString>> assigned;
                    if (parsed && !(assigned = askKeyAssignments(path, parsed.value())))
                        return; // cancelled
                    auto result = parsed ? showAddedTable(m_controller.addTable(std::move(parsed).value(), *assigned))
                                         : core::Result<core::TableImport>(parsed.error());
                    if (!result) {
                        QMessageBox::warning(this, tr("Cannot add the table"), result.error().toString());
                        return;
                    }
                    core::OwnFile file;
                    file.path = QFileInfo(path).absoluteFilePath();
                    file.wide = wide;
                    file.sheet = sheet;
                    file.assigned = *assigned;
                    addedFile(file);
                    const bool warn = !result->unknownCodes.isEmpty() || result->table.shadowed > 0 || !result->unmatched.isEmpty()
                                      || !result->refused.isEmpty();
                    showReport(this, tr("Table added"), result->text(bundle()->regions), warn);
                });
        });
}

std::optional<QHash<QString, QString>> MainWindow::askKeyAssignments(const QString &path, const core::ParsedTable &table)
{
    const auto [unmatched, level] = bundle()->unmatchedKeys(table);
    if (unmatched.isEmpty())
        return QHash<QString, QString>{};
    QSettings settings;
    const QString key = QStringLiteral("keyAssignments/")
                        + QString::fromLatin1(QCryptographicHash::hash(QFileInfo(path).canonicalFilePath().toUtf8(),
                                                                       QCryptographicHash::Sha1).toHex());
    QHash<QString, QString> remembered;
    const QVariantMap stored = settings.value(key).toMap();
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        remembered.insert(it.key(), it.value().toString());
    KeyAssignmentDialog dialog(path, unmatched, level, *bundle(), remembered, this);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const QHash<QString, QString> assigned = dialog.assignments();
    QVariantMap toStore;
    for (auto it = assigned.cbegin(); it != assigned.cend(); ++it)
        toStore.insert(it.key(), it.value());
    settings.setValue(key, toStore);
    return assigned;
}

void MainWindow::openBoundaries(const QString &path)
{
    if (!bundle())
        return;
    const QString name = QFileInfo(path).fileName();
    inBackground<core::Result<core::BoundaryLayer::Attributes>>(
        tr("Reading %1 …").arg(name), [path] { return core::BoundaryLayer::attributes(path); },
        [this, path, name](core::Result<core::BoundaryLayer::Attributes> attributes) {
            if (!attributes) {
                QMessageBox::warning(this, tr("Cannot open the boundaries"), attributes.error().toString());
                return;
            }
            BoundaryImportDialog dialog(path, std::move(attributes).value(), bundle()->keys(), this);
            if (dialog.exec() != QDialog::Accepted)
                return;
            const core::BoundaryImportOptions options = dialog.options();
            const QString cacheDir = core::DataBundle::defaultCacheDir();
            inBackground<core::Result<core::BoundaryLayer>>(
                tr("Reading and projecting %1 …").arg(name),
                [path, options, cacheDir] { return core::DataBundle::readBoundaries(path, options, cacheDir); },
                [this, path, options](core::Result<core::BoundaryLayer> layer) {
                    auto result = layer ? showNewBoundaries(m_controller.replaceBoundaries(std::move(layer).value(), options), path)
                                        : core::Result<core::JoinReport>(layer.error());
                    if (!result) {
                        QMessageBox::warning(this, tr("Cannot open the boundaries"), result.error().toString());
                        return;
                    }
                    core::OwnFile file;
                    file.kind = core::OwnFile::Kind::Boundaries;
                    file.path = QFileInfo(path).absoluteFilePath();
                    file.boundaries = options;
                    addedFile(file);
                    const bool warn = !result->warnings.isEmpty() || !result->leftOut.isEmpty() || result->matched.isEmpty();
                    showReport(this, tr("Boundaries joined"), result->text(bundle()->regions), warn);
                });
        });
}

void MainWindow::openFiles(const QStringList &paths)
{
    // A Shapefile comes with sidecar files; open the .shp only.
    static const QStringList sidecars = {QStringLiteral("shx"), QStringLiteral("dbf"), QStringLiteral("prj"),
                                         QStringLiteral("cpg"), QStringLiteral("qix"), QStringLiteral("sbn"),
                                         QStringLiteral("sbx"), QStringLiteral("xml")};
    for (const QString &path : paths) {
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (suffix == u"renkou")
            openView(path);
        else if (QStringList({QStringLiteral("csv"), QStringLiteral("txt"), QStringLiteral("tsv"), QStringLiteral("xlsx"),
                              QStringLiteral("xls"), QStringLiteral("ods")}).contains(suffix))
            openTable(path);
        else if (!sidecars.contains(suffix))
            openBoundaries(path);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && std::all_of(urls.begin(), urls.end(), [](const QUrl &u) { return u.isLocalFile(); }))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &u : event->mimeData()->urls())
        paths << u.toLocalFile();
    event->acceptProposedAction();
    // Dialogs open after the drop has finished, not inside the drag-and-drop event.
    QTimer::singleShot(0, this, [this, paths] { openFiles(paths); });
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

std::optional<int> MainWindow::previousDataYear(core::Level lvl, int year)
{
    const auto years = dataYears(lvl, core::findIndicator(bundle()->population, QStringLiteral("population")).value());
    const auto it = std::lower_bound(years.begin(), years.end(), year);
    return it == years.begin() ? std::nullopt : std::optional<int>(*std::prev(it));
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
    const ui::MapQuery query = ui::queryFor(b, shown, [this](core::Level l, const core::IndicatorInfo &i) { return dataYears(l, i); });
    m_timeline->setDataYears(dataYears(lvl, query.indicator));
    if (query.year != m_timeline->year()) {
        const QSignalBlocker block(m_timeline);
        m_timeline->setYear(query.year);
    }
    const int year = query.year;
    const QString drill = query.drillProvince;
    const ui::MapScene scene = ui::applyMapScene(r, b, query);
    m_column = scene.column;
    m_classes = scene.classes;
    const std::optional<int> previous = previousDataYear(lvl, year);
    m_changeColumn = previous ? core::computeColumn(b.context(), lvl, core::findIndicator(b.population, QStringLiteral("change")).value(),
                                                    year, previous)
                              : core::Column{};
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

QString MainWindow::tooltip(const QString &code) const
{
    const core::ColumnEntry *e = m_column.find(code);
    if (!e || !bundle())
        return {};
    const core::Region &r = *e->region;
    const QString unit = m_column.indicator.unit;
    QString html = QStringLiteral("<b>%1</b> %2<br>").arg(r.nameZh.toHtmlEscaped(), r.nameEn.toHtmlEscaped());
    const QString when = m_column.from ? QStringLiteral("%1–%2").arg(*m_column.from).arg(m_column.year)
                                       : QString::number(m_column.year);
    if (e->value) {
        html += tr("%1, %2: <b>%3 %4</b>").arg(m_column.indicator.name, when, core::formatFull(*e->value, unit), unit);
        html += QStringLiteral("<br>") + tr("Rank %1 of %2").arg(e->rank).arg(m_column.values().size());
    } else {
        html += tr("%1, %2: <b>no data</b>").arg(m_column.indicator.name, when);
    }
    if (const core::ColumnEntry *c = m_changeColumn.find(code); c && c->value && m_changeColumn.from)
        html += QStringLiteral("<br>") + tr("Change since %1: %2 persons").arg(*m_changeColumn.from)
                                              .arg((*c->value > 0 ? QStringLiteral("+") : QString()) + core::formatFull(*c->value, QStringLiteral("persons")));
    if (!e->source.isEmpty()) {
        QStringList cites;
        for (const QString &id : e->source.split(u';')) {
            const core::Source *s = bundle()->sources.find(id);
            cites << (s ? s->citation() : id).toHtmlEscaped();
        }
        html += QStringLiteral("<br><small>") + tr("Source: %1").arg(cites.join(QStringLiteral("; "))) + QStringLiteral("</small>");
    }
    if (!e->note.isEmpty())
        html += QStringLiteral("<br><small><i>%1</i></small>").arg(e->note.toHtmlEscaped());
    return html;
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
            b5(m_englishLabelsAction), b8(m_timeline);
        m_levelBox->setCurrentIndex(std::max(0, m_levelBox->findData(int(view.level))));
        if (const int i = m_indicatorBox->findData(view.indicator); i >= 0)
            m_indicatorBox->setCurrentIndex(i);
        m_growthAction->setChecked(view.growth);
        m_scaleWithinAction->setChecked(view.scaleWithin);
        m_englishLabelsAction->setChecked(view.englishLabels);
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
    loadOwnFiles(missing, {}, [this, view, undoable](const QStringList &problems) {
        if (!problems.isEmpty())
            QMessageBox::warning(this, tr("Some of the view's own data is missing"),
                                 tr("The view is shown without:\n%1").arg(problems.join(u'\n')));
        if (undoable)
            edit(tr("view"), [&](core::View &v) {
                const std::vector<core::OwnFile> files = v.files;
                v = view;
                v.files = files;
            });
        else
            applyView(view);
        if (view.extent)
            m_map->flyTo(*view.extent, false);
    });
}

void MainWindow::loadOwnFiles(std::vector<core::OwnFile> files, QStringList problems, std::function<void(QStringList)> done)
{
    if (files.empty())
        return done(problems);
    const core::OwnFile f = files.front();
    files.erase(files.begin());
    auto next = [this, files, problems, done](const std::optional<QString> &problem) mutable {
        if (problem)
            problems << *problem;
        loadOwnFiles(files, problems, done);
    };
    const QString name = QFileInfo(f.path).fileName();
    if (f.kind == core::OwnFile::Kind::Table) {
        const std::shared_ptr<const core::RegionMatcher> keys = bundle()->keys();
        inBackground<core::Result<core::ParsedTable>>(
            tr("Reading %1 …").arg(name),
            [f, keys] { return core::PopulationStore::readTable(f.path, core::TableReadOptions{f.wide, f.encoding, keys.get(), f.sheet}); },
            [this, f, next](core::Result<core::ParsedTable> parsed) mutable {
                auto added = parsed ? showAddedTable(m_controller.addTable(std::move(parsed).value(), f.assigned))
                                    : core::Result<core::TableImport>(parsed.error());
                if (added)
                    addedFile(f);
                next(added ? std::nullopt : std::optional<QString>(added.error().toString()));
            });
    } else {
        const QString cacheDir = core::DataBundle::defaultCacheDir();
        inBackground<core::Result<core::BoundaryLayer>>(
            tr("Reading and projecting %1 …").arg(name), [f, cacheDir] { return core::DataBundle::readBoundaries(f.path, f.boundaries, cacheDir); },
            [this, f, next](core::Result<core::BoundaryLayer> layer) mutable {
                auto joined = layer ? showNewBoundaries(m_controller.replaceBoundaries(std::move(layer).value(), f.boundaries), f.path)
                                    : core::Result<core::JoinReport>(layer.error());
                if (joined)
                    addedFile(f);
                next(joined ? std::nullopt : std::optional<QString>(joined.error().toString()));
            });
    }
}

void MainWindow::addedFile(const core::OwnFile &file)
{
    std::erase_if(m_view.files, [&](const core::OwnFile &f) { return f.kind == file.kind && f.path == file.path; });
    m_view.files.push_back(file);
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(file.path);
    recent.prepend(file.path);
    settings.setValue(QStringLiteral("recentFiles"), recent.mid(0, 10));
}

void MainWindow::saveViewDialog()
{
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("views/folder")).toString();
    QString path = QFileDialog::getSaveFileName(this, tr("Save view"), QDir(folder).filePath(QStringLiteral("view.renkou")),
                                                tr("Renkou views (*.renkou)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".renkou")))
        path += QStringLiteral(".renkou");
    const core::Status saved = view().save(path);
    if (!saved) {
        QMessageBox::warning(this, tr("Cannot save the view"), saved.error().toString());
        return;
    }
    settings.setValue(QStringLiteral("views/folder"), QFileInfo(path).absolutePath());
    statusBar()->showMessage(tr("View saved: %1").arg(path));
}

void MainWindow::openViewDialog()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open view"), settings.value(QStringLiteral("views/folder")).toString(),
                                                      tr("Renkou views (*.renkou);;All files (*)"));
    if (!path.isEmpty())
        openView(path);
}

void MainWindow::openView(const QString &path)
{
    const auto v = core::View::load(path);
    if (!v) {
        QMessageBox::warning(this, tr("Cannot open the view"), v.error().toString());
        return;
    }
    QSettings().setValue(QStringLiteral("views/folder"), QFileInfo(path).absolutePath());
    setView(v.value());
}

void MainWindow::pasteView()
{
    const auto v = core::View::fromLink(QGuiApplication::clipboard()->text());
    if (!v) {
        QMessageBox::warning(this, tr("Cannot paste the view"), v.error().toString());
        return;
    }
    setView(v.value());
}

void MainWindow::mapMenu(const QString &code, const QPoint &globalPos)
{
    QMenu menu(this);
    const core::Region *unit = bundle() && !code.isEmpty() ? bundle()->regions.find(code, level()) : nullptr;
    if (unit) {
        menu.addAction(tr("Select %1").arg(unit->nameZh), this, [this, code] { selectRegion(code); });
        menu.addAction(m_view.selection.contains(code) ? tr("Remove from the comparison") : tr("Add to the comparison"), this,
                       [this, code] { selectRegion(code, true); });
        if (unit->level == core::Level::Province && bundle()->hasAllLayers())
            menu.addAction(tr("Show its prefecture-level units"), this, [this, code] { drillInto(code); });
        const core::ColumnEntry *e = m_column.find(code);
        if (e && e->value)
            menu.addAction(tr("Copy value (%1)").arg(core::formatFull(*e->value, m_column.indicator.unit)), this, [e, this] {
                QGuiApplication::clipboard()->setText(QString::number(*e->value, 'g', 15));
                statusBar()->showMessage(tr("Copied: %1").arg(QString::number(*e->value, 'g', 15)));
            });
        menu.addSeparator();
    }
    if (!m_view.drill.isEmpty())
        menu.addAction(tr("Back to China"), this, &MainWindow::drillOut);
    menu.addAction(tr("Copy map image"), this, [this] { QGuiApplication::clipboard()->setImage(m_map->grab().toImage()); });
    menu.addAction(tr("Copy view"), this, [this] { QGuiApplication::clipboard()->setText(view().toLink()); });
    menu.exec(globalPos);
}

void MainWindow::restoreSettings()
{
    if (m_restored)
        return;
    m_restored = true;
    QSettings settings;
    const QByteArray text = settings.value(QStringLiteral("lastView")).toByteArray();
    if (text.isEmpty())
        return;
    const auto last = core::View::fromText(text, tr("the last session's view"));
    if (!last) {
        statusBar()->showMessage(last.error().toString());
        return;
    }
    showView(last.value(), false); // where the user starts, not a step to undo
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    if (auto *splitter = qobject_cast<QSplitter *>(centralWidget()))
        settings.setValue(QStringLiteral("window/splitter"), splitter->saveState());
    if (bundle())
        settings.setValue(QStringLiteral("lastView"), view().toText());
    QMainWindow::closeEvent(event);
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

namespace renkou::app {

namespace {
/// Export sizes offered in the GUI (the CLI takes any --scale or --width-mm/--dpi).
struct SizePreset {
    const char *label;
    ui::ExportSize size;
};
const SizePreset kPresets[] = {
    {QT_TRANSLATE_NOOP("MainWindow", "850×600 at 2× (1700×1200 px)"), ui::ExportSize::atScale(2)},
    {QT_TRANSLATE_NOOP("MainWindow", "Our World in Data: 850×600 at 4× (3400×2400 px)"), ui::ExportSize::atScale(4)},
    {QT_TRANSLATE_NOOP("MainWindow", "Journal column: 85 mm at 300 dpi"), ui::ExportSize::forPrint(85, 300)},
    {QT_TRANSLATE_NOOP("MainWindow", "Journal column: 85 mm at 600 dpi"), ui::ExportSize::forPrint(85, 600)},
    {QT_TRANSLATE_NOOP("MainWindow", "Journal page: 180 mm at 300 dpi"), ui::ExportSize::forPrint(180, 300)},
    {QT_TRANSLATE_NOOP("MainWindow", "Journal page: 180 mm at 600 dpi"), ui::ExportSize::forPrint(180, 600)},
};

std::optional<ui::ExportSize> askSize(QWidget *parent)
{
    QStringList items;
    for (const SizePreset &p : kPresets)
        items << QCoreApplication::translate("MainWindow", p.label);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(parent, QCoreApplication::translate("MainWindow", "Export size"),
                                                 QCoreApplication::translate("MainWindow", "Size (PNG pixels; SVG and PDF are vector at the same layout):"),
                                                 items, 0, false, &ok);
    if (!ok)
        return std::nullopt;
    return kPresets[items.indexOf(chosen)].size;
}

/// A size and a file for a picture export, or nullopt if the user cancels either question. QFileDialog
/// asks before replacing an existing file.
std::optional<std::pair<ui::ExportSize, QString>> askPictureTarget(QWidget *parent, const QString &title,
                                                                   const QString &defaultName)
{
    const auto size = askSize(parent);
    if (!size)
        return std::nullopt;
    const QString path = QFileDialog::getSaveFileName(parent, title, defaultName,
                                                      QCoreApplication::translate("MainWindow", "PNG image (*.png);;SVG (*.svg);;PDF (*.pdf)"));
    if (path.isEmpty())
        return std::nullopt;
    return std::pair{*size, path};
}
} // namespace

QString MainWindow::sourcesText() const
{
    if (!bundle())
        return {};
    const core::DataBundle &b = *bundle();
    QString text = m_map->renderer().title() + QStringLiteral("\n\n");
    QStringList ids;
    for (const core::ColumnEntry &e : m_column.entries)
        for (const QString &id : e.source.split(u';', Qt::SkipEmptyParts))
            if (!ids.contains(id))
                ids << id;
    ids << QStringLiteral("cn-atlas") << QStringLiteral("tianditu-lines");
    for (const QString &id : ids) {
        if (const core::Source *s = b.sources.find(id))
            text += QStringLiteral("[%1] %2\n    %3\n    where: %4\n    licence: %5\n%6\n")
                        .arg(s->id, s->title, s->publisher, s->where, s->license,
                             s->notes.isEmpty() ? QString() : QStringLiteral("    notes: ") + s->notes + u'\n');
    }
    QStringList notes;
    for (const core::ColumnEntry &e : m_column.entries)
        for (const QString &n : e.note.split(QStringLiteral(" | "), Qt::SkipEmptyParts))
            if (!notes.contains(n))
                notes << n;
    if (!notes.isEmpty())
        text += QStringLiteral("\nNotes that apply:\n- ") + notes.join(QStringLiteral("\n- ")) + u'\n';
    text += QStringLiteral("\nData bundle: %1\nMade with Renkou %2\n").arg(b.dir, QApplication::applicationVersion());
    return text;
}

void MainWindow::reportExport(const core::Status &status, const QString &path)
{
    if (!status)
        QMessageBox::warning(this, tr("Export failed"), status.error().toString());
    else
        statusBar()->showMessage(tr("Written: %1").arg(path));
}

void MainWindow::exportMapDialog()
{
    if (!bundle())
        return;
    if (const auto target = askPictureTarget(this, tr("Export map"), QStringLiteral("map.png")))
        reportExport(ui::exportMap(m_map->renderer(), target->second, {target->first, true}), target->second);
}

void MainWindow::exportChartDialog()
{
    if (m_view.selection.isEmpty()) {
        QMessageBox::information(this, tr("Export chart"), tr("Select a region first: its chart is what is exported."));
        return;
    }
    if (const auto target = askPictureTarget(this, tr("Export chart"), QStringLiteral("chart.png")))
        reportExport(ui::exportPicture(target->second, {target->first, true},
                                       [this](QPainter &p, const QRectF &r) { m_side->renderChart(p, r); }),
                     target->second);
}

void MainWindow::exportDataDialog()
{
    if (!bundle())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the numbers behind the map"), QStringLiteral("data.csv"),
                                                      tr("CSV, UTF-8 (*.csv)"));
    if (path.isEmpty())
        return;
    const bool bom = QMessageBox::question(this, tr("Excel"),
                                           tr("Add a byte-order mark, so that Excel on a Chinese Windows opens the file as UTF-8?"))
                     == QMessageBox::Yes;
    reportExport(core::writeFileAtomically(path, core::columnCsv(m_column, bom), true), path);
}

core::Status MainWindow::writeReportPack(const QString &dir, bool overwrite, const std::function<bool(int)> &progress)
{
    const QDir d(dir);
    const ui::ExportOptions size{ui::ExportSize::atScale(2), overwrite};
    const auto map = [&](const QString &p) { return ui::exportMap(m_map->renderer(), p, size); };
    const auto chart = [&](const QString &p) {
        return ui::exportPicture(p, size, [this](QPainter &pa, const QRectF &t) { m_side->renderChart(pa, t); });
    };
    const std::vector<std::pair<QString, std::function<core::Status(const QString &)>>> steps = {
        {QStringLiteral("map.png"), map},
        {QStringLiteral("map.pdf"), map},
        {QStringLiteral("chart.png"), chart},
        {QStringLiteral("chart.svg"), chart},
        {QStringLiteral("data.csv"), [&](const QString &p) { return core::writeFileAtomically(p, core::columnCsv(m_column, true), overwrite); }},
        {QStringLiteral("sources.txt"), [&](const QString &p) { return core::writeFileAtomically(p, sourcesText().toUtf8(), overwrite); }},
    };
    for (size_t i = 0; i < steps.size(); ++i) {
        if (progress && !progress(int(i)))
            return core::Error{core::Error::Code::Write, dir, {}, tr("cancelled; the files written so far are complete")};
        if (const core::Status s = steps[i].second(d.filePath(steps[i].first)); !s)
            return s;
    }
    if (progress)
        progress(int(steps.size()));
    return core::Done{};
}

void MainWindow::exportReportPackDialog()
{
    if (!bundle())
        return;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the report pack"));
    if (dir.isEmpty())
        return;
    bool overwrite = false;
    for (const char *name : {"map.png", "map.pdf", "chart.png", "chart.svg", "data.csv", "sources.txt"}) {
        if (QFileInfo::exists(QDir(dir).filePath(QString::fromLatin1(name)))) {
            if (QMessageBox::question(this, tr("Replace files?"),
                                      tr("%1 already holds report files. Replace them?").arg(dir)) != QMessageBox::Yes)
                return;
            overwrite = true;
            break;
        }
    }
    QProgressDialog dialog(tr("Writing the report pack …"), tr("Cancel"), 0, 6, this);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(200);
    const core::Status status = writeReportPack(dir, overwrite, [&](int step) {
        dialog.setValue(step);
        QCoreApplication::processEvents();
        return !dialog.wasCanceled();
    });
    reportExport(status, dir);
}

} // namespace renkou::app
