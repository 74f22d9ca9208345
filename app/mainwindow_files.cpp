// MainWindow: the user's own files (tables, boundaries, views) in, remembered and restored.
#include "mainwindow.h"
#include "csvreader.h"
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

using core::levelLabel;

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
    m_allYearsCache.clear();
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
    // The sheet Renkou would read is offered first (a notes sheet before the table is not).
    using Sheets = std::pair<core::Result<QStringList>, QString>;
    inBackground<Sheets>(
        tr("Reading %1 …").arg(QFileInfo(path).fileName()),
        [path] {
            const auto head = core::CsvTable::head(path);
            return Sheets{core::workbookSheets(path), head ? head->encoding().section(u'\'', 1, -2) : QString()};
        },
        [this, path](Sheets found) {
            const core::Result<QStringList> &sheets = found.first;
            if (!sheets) {
                QMessageBox::warning(this, tr("Cannot add the table"), sheets.error().toString());
                return;
            }
            QString sheet;
            if (sheets->size() > 1) {
                bool ok = false;
                sheet = QInputDialog::getItem(this, tr("Open table: %1").arg(QFileInfo(path).fileName()),
                                              tr("Which sheet holds the table?"), sheets.value(),
                                              std::max(0, int(sheets->indexOf(found.second))), false, &ok);
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
                    const bool warn = !result->unknownCodes.isEmpty() || result->table.shadowed > 0 || result->table.replaces > 0 || !result->unmatched.isEmpty()
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

namespace {
/// Puts `path` first in File → Open recent (ten at most).
void rememberRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QStringLiteral("recentFiles"), recent.mid(0, 10));
}
} // namespace

void MainWindow::addedFile(const core::OwnFile &file)
{
    std::erase_if(m_view.files, [&](const core::OwnFile &f) { return f.kind == file.kind && f.path == file.path; });
    m_view.files.push_back(file);
    rememberRecent(file.path);
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
    rememberRecent(QFileInfo(path).absoluteFilePath());
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
    rememberRecent(QFileInfo(path).absoluteFilePath());
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
            menu.addAction(tr("Copy value (%1)").arg(core::shownValue(m_column.indicator, *e->value)), this, [e, this] {
                QGuiApplication::clipboard()->setText(QString::number(*e->value, 'g', 15));
                statusBar()->showMessage(tr("Copied: %1").arg(QString::number(*e->value, 'g', 15)));
            });
        menu.addSeparator();
    }
    if (!m_view.drill.isEmpty())
        menu.addAction(tr("Back to China"), this, &MainWindow::drillOut);
    menu.addAction(tr("Copy map image"), this, [this] {
        QGuiApplication::clipboard()->setImage(ui::mapPicture(m_map->renderer(), ui::ExportSize::atScale(2)));
    });
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

} // namespace renkou::app
