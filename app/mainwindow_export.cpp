// MainWindow: exports of the map, chart, numbers and the report pack.
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
    // The size chosen last time comes first.
    QSettings settings;
    const int last = std::clamp(settings.value(QStringLiteral("export/size"), 0).toInt(), 0, int(items.size()) - 1);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(parent, QCoreApplication::translate("MainWindow", "Export size"),
                                                 QCoreApplication::translate("MainWindow", "Size (PNG pixels; SVG and PDF are vector at the same layout):"),
                                                 items, last, false, &ok);
    if (!ok)
        return std::nullopt;
    settings.setValue(QStringLiteral("export/size"), items.indexOf(chosen));
    return kPresets[items.indexOf(chosen)].size;
}

/// The folder and format (suffix) of the last export, remembered.
QString lastExportPath(const QString &defaultName)
{
    const QSettings settings;
    const QString folder = settings.value(QStringLiteral("export/folder")).toString();
    const QString suffix = settings.value(QStringLiteral("export/format")).toString();
    QString name = defaultName;
    if (!suffix.isEmpty() && QFileInfo(name).suffix() != u"csv")
        name = QFileInfo(name).completeBaseName() + u'.' + suffix;
    return folder.isEmpty() ? name : QDir(folder).filePath(name);
}

void rememberExport(const QString &path)
{
    QSettings settings;
    settings.setValue(QStringLiteral("export/folder"), QFileInfo(path).absolutePath());
    if (const QString suffix = QFileInfo(path).suffix().toLower(); suffix != u"csv" && !suffix.isEmpty())
        settings.setValue(QStringLiteral("export/format"), suffix);
}

/// A size and a file for a picture export, or nullopt if the user cancels either question. QFileDialog
/// asks before replacing an existing file.
std::optional<std::pair<ui::ExportSize, QString>> askPictureTarget(QWidget *parent, const QString &title,
                                                                   const QString &defaultName)
{
    const auto size = askSize(parent);
    if (!size)
        return std::nullopt;
    const QString path = QFileDialog::getSaveFileName(parent, title, lastExportPath(defaultName),
                                                      QCoreApplication::translate("MainWindow", "PNG image (*.png);;SVG (*.svg);;PDF (*.pdf)"));
    if (path.isEmpty())
        return std::nullopt;
    rememberExport(path);
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
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the numbers behind the map"), lastExportPath(QStringLiteral("data.csv")),
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
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the report pack"),
                                                          QSettings().value(QStringLiteral("export/folder")).toString());
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
