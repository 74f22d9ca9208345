#pragma once
#include "classification.h"
#include "controller.h"
#include "exporter.h"
#include "indicators.h"
#include "language.h"
#include "mapscene.h"
#include "view.h"

#include <QHash>
#include <QMainWindow>
#include <functional>
#include <memory>

class QAction;
class QDragEnterEvent;
class QDropEvent;
class QComboBox;
class QFrame;
class QPushButton;
class QLabel;
class QLineEdit;
class QSpinBox;
class QUndoStack;

namespace renkou::ui {
class ColumnModel;
class MapView;
class ChartPanel;
class RankingView;
class Timeline;
class SidePanel;
} // namespace renkou::ui

namespace renkou::app {

/// The main window: the choropleth with its timeline, the toolbar (level, indicator, growth/decline,
/// search) and the side panel with the selection's trend. Data loads in the background (Controller).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString &dataDir, QWidget *parent = nullptr);

    /// Shows the unit with `code` (of the map's current level) in the side panel; `add` keeps the units
    /// already selected.
    void selectRegion(const QString &code, bool add = false);
    /// Zooms into a province and shows its prefecture-level units.
    void drillInto(const QString &provinceCode);
    /// Back from a drill-down to the whole country.
    void drillOut();
    /// Finds a unit by code and goes to it (drilling into its province for a prefecture).
    bool goTo(const QString &code);
    /// The column the map shows now.
    const core::Column &column() const { return m_column; }
    /// The classes of the map legend now.
    const std::vector<core::ClassRange> &classes() const { return m_classes; }
    bool isFullyLoaded() const;
    /// Writes map.png, map.pdf, chart.png, chart.svg, data.csv and sources.txt for the current view into
    /// `dir`, their texts in `figureLanguage` (default: the window's); replaces existing files only when
    /// `overwrite`. Returns the first error, if any.
    core::Status writeReportPack(const QString &dir, bool overwrite, const std::function<bool(int step)> &progress = {},
                                 std::optional<core::Language> figureLanguage = {});
    /// Writes the map of the current view to `path` (PNG, SVG or PDF) with its texts in `language` and the
    /// author's `texts`, painted on a worker thread while the window keeps drawing (a busy indicator after
    /// 0.3 s). File → Export map without its dialogs.
    core::Status writeMap(const QString &path, const ui::ExportOptions &options, core::Language language, const ui::FigureTexts &texts = {});
    /// Adds the user's table and shows its data (no dialog); the error names the file and the problem.
    core::Result<core::TableImport> addTable(const QString &path, const std::optional<core::WideTableSpec> &wide = {});
    /// Replaces a boundary layer with the user's and shows it (no dialog).
    core::Result<core::JoinReport> replaceBoundaries(const QString &path, const core::BoundaryImportOptions &options);
    /// Opens files as File → Open does, asking what it needs: tables (.csv) and boundaries (any other);
    /// views (.renkou) as File → Open view does.
    void openFiles(const QStringList &paths);

    /// What the window shows, as a value (its extent: the map's now).
    core::View view() const;
    /// Shows `view`: one undoable step when it changes what is shown. Own files it names that are not loaded
    /// are read first, with the choices it records (no dialog); a missing one is reported, the rest shown.
    void setView(const core::View &view);
    /// Undo and redo of view changes (Edit menu).
    QUndoStack *undoStack() const { return m_undo; }


signals:
    /// The first map with data was painted.
    void mapShown();
    /// Every layer is loaded and drawn.
    void fullyLoaded();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    /// A new language (View → Language): the window's texts are made again in it (retranslate()).
    void changeEvent(QEvent *event) override;

private:
    friend class ViewCommand;
    /// The one place a view is applied: the widgets show it (their signals blocked), the map, side panel and
    /// timeline are redrawn, the map flies when the level or drill-down changed. Own files are not touched.
    void applyView(const core::View &view);
    /// Changes the view by `change` as one undoable step named `what` ("select", "year" …).
    void edit(const QString &what, const std::function<void(core::View &)> &change);
    /// setView(), as one undoable step or (restoring the last session) not.
    void showView(const core::View &view, bool undoable);
    /// Records an own file read (in the view and the recent files).
    void addedFile(const core::OwnFile &file);
    /// Reads the own files of `files` not loaded yet, one after the other in the background, then calls
    /// `done` with the problems (one line per file that could not be read).
    void loadOwnFiles(std::vector<core::OwnFile> files, QStringList problems, std::function<void(QStringList)> done);
    /// The last view, window geometry and splitter from QSettings, once the bundle is loaded.
    void restoreSettings();
    void saveViewDialog();
    void openViewDialog();
    void openView(const QString &path);
    void pasteView();
    /// The right-click menu on the map at `globalPos`, for the unit `code` (empty: none under the pointer).
    void mapMenu(const QString &code, const QPoint &globalPos);
    void buildUi();
    /// Makes menus, toolbar, map, timeline and side panel again in the language now installed, keeping the
    /// data, view, undo history, extent and splitter.
    void retranslate();
    /// The search box's completer: every unit's names and code.
    void setUpSearch();
    void openTable(const QString &path);
    /// Keys of `table` that name no unit: the user assigns each to a unit or leaves it out (remembered per
    /// file in QSettings). Empty when there are none; nullopt when the user cancels.
    std::optional<QHash<QString, QString>> askKeyAssignments(const QString &path, const core::ParsedTable &table);
    /// openTable() for one sheet of a workbook (empty: the first that holds a table, or a CSV file).
    void openTableSheet(const QString &path, const QString &sheet);
    void openBoundaries(const QString &path);
    /// Runs `work` in the background (Controller::runImport) behind a busy dialog with Cancel, then `done`.
    template <typename T>
    void inBackground(const QString &what, std::function<T()> work, std::function<void(T)> done);
    /// Shows what adding a table or replacing boundaries did on the map, the timeline and the status bar.
    core::Result<core::TableImport> showAddedTable(core::Result<core::TableImport> result);
    core::Result<core::JoinReport> showNewBoundaries(core::Result<core::JoinReport> result, const QString &path);
    /// Fills the indicator list and the timeline's range from the bundle's tables; returns the latest year.
    std::optional<int> showTables();
    void exportMapDialog();
    /// Tells the user how an export went: a warning naming the file and problem, or a status message.
    void reportExport(const core::Status &status, const QString &path);
    void exportChartDialog();
    /// Export of the scatter of components (PNG, SVG, PDF) at a size and in a language asked for.
    void exportScatterDialog();
    void exportDataDialog();
    void exportReportPackDialog();
    void exportAnimationDialog();
    /// Edit → Copy map as image: the map as an export in the window's language draws it, at 1700×1200.
    void copyMapImage();
    void buildClassesMenu(QMenu *menu);
    /// Checks the entries of View → Classes that the view has.
    void syncClassesMenu();
    struct Figures;
    /// The view's map, chart and numbers with their texts in `language`: the window's own in its language,
    /// else drawn again (the language is switched while the returned value lives).
    /// With `texts`, or `ownMap` (a map to paint on another thread), the map is drawn again (the window's own
    /// stays as it is).
    std::unique_ptr<Figures> figuresIn(core::Language language, const ui::FigureTexts &texts = {}, bool ownMap = false,
                                       bool withScatter = false);
    /// The map's texts made from the data in a language: the export dialog's placeholders.
    std::function<ui::FigureTexts(core::Language)> mapPlaceholders();
    /// sources.txt of the report pack: the figure's title, every source of `column` and the boundaries with
    /// where, licence and notes, the notes that apply, the bundle and the version, in the current language.
    QString sourcesText(const QString &title, const core::Column &column) const;
    void onBundleReady();
    void onLayersReady();
    void refresh();
    core::Level level() const;
    /// Years in which some unit of `level` has a value of the indicator (cached).
    std::vector<int> dataYears(core::Level level, const core::IndicatorInfo &indicator);
    std::vector<int> featureIndices(const QStringList &codes) const;
    std::vector<int> drillFeatures() const;
    const core::DataBundle *bundle() const { return m_controller.bundle(); }

    Controller m_controller;
    ui::MapView *m_map = nullptr;
    ui::Timeline *m_timeline = nullptr;
    ui::SidePanel *m_side = nullptr;
    QLabel *m_breadcrumb = nullptr;
    QFrame *m_banner = nullptr;          ///< the years asked have no data: what to show instead
    QLabel *m_bannerText = nullptr;
    QPushButton *m_bannerButton = nullptr;
    std::pair<int, std::optional<int>> m_nearest; ///< the banner's years (year 0: none)
    QAction *m_undoAction = nullptr;     ///< Edit → Undo and Redo (owned by the window, made by the undo stack)
    QAction *m_redoAction = nullptr;
    bool m_retranslating = false;        ///< a retranslate() is queued
    QComboBox *m_levelBox = nullptr;
    QComboBox *m_indicatorBox = nullptr;
    QLineEdit *m_search = nullptr;
    QAction *m_growthAction = nullptr;
    QAction *m_scaleWithinAction = nullptr;
    QAction *m_englishLabelsAction = nullptr;
    QAction *m_showValuesAction = nullptr;
    QAction *m_strictClustersAction = nullptr; ///< clusters at p ≤ 0.01 instead of 0.05
    QMenu *m_classesMenu = nullptr;

    core::View m_view;           ///< what is shown; the widgets show it, their edits change it
    QUndoStack *m_undo = nullptr;
    bool m_restored = false;     ///< the last view was restored (once, after the first full load)
    core::Column m_column;
    core::Column m_changeColumn; ///< population change since the previous year with data, for tooltips
    std::vector<core::ClassRange> m_classes;
    QHash<QString, std::vector<int>> m_yearsCache;
    /// The values of every year of a map (same classes for every year), by what they depend on; cleared with
    /// m_yearsCache when the data changes.
    QHash<QString, std::vector<double>> m_allYearsCache;
    bool m_shown = false;
};

} // namespace renkou::app
