// MainWindow: exports of the map, chart, numbers and the report pack.
#include "mainwindow.h"
#include "inputfile.h"
#include "workbook.h"

#include "owndatadialogs.h"

#include "chartpanel.h"
#include "componentsscatter.h"
#include "columnmodel.h"
#include "columntable.h"
#include "exporter.h"
#include "mapscene.h"
#include "mapview.h"
#include "palette.h"
#include "rankingview.h"
#include "sidepanel.h"
#include "timeline.h"
#include "animation.h"
#include "trendchart.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QEventLoop>
#include <QWindow>
#include <QFutureWatcher>
#include <QtConcurrent>
#include <QInputDialog>
#include <QPainter>
#include <QProgressDialog>
#include <QCryptographicHash>
#include <QHash>
#include <QSettings>
#include <QStandardPaths>
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
#include <limits>
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
    // A square for social media is seen on a phone: laid out at 540 and drawn at 2×, so that its text reads.
    {QT_TRANSLATE_NOOP("MainWindow", "Square: 1080×1080 px (540×540 at 2×)"), ui::ExportSize::atScale(2, {540, 540})},
    // A phone's map as tall as it needs (a chart keeps 640×900).
    {QT_TRANSLATE_NOOP("MainWindow", "Phone: 640 px wide at 2× (1280 px wide, as tall as the map needs)"),
     [] {
         ui::ExportSize phone = ui::ExportSize::atScale(2, {640, 900});
         phone.fitHeight = true;
         return phone;
     }()},
};

/// What an export asks before the file: the size (for pictures) and the figure language, whose default is
/// the window's.
struct ExportChoice {
    ui::ExportSize size = ui::ExportSize::atScale(2);
    core::Language language = core::Language::English;
    ui::FigureTexts texts; ///< what the author typed; empty fields keep the texts made from the data
};

/// The texts a figure would have in a language, made from the data: the export dialog's placeholders.
using Placeholders = std::function<ui::FigureTexts(core::Language)>;

/// The texts the author typed in the export dialog this session, by the dialog's title and the figure's title made
/// from the data.
QHash<QString, ui::FigureTexts> &typedBefore()
{
    static QHash<QString, ui::FigureTexts> typed;
    return typed;
}

/// The export dialog: size (for pictures), figure language, and the figure's texts that `placeholders` gives
/// (title, subtitle, note, source line), each shown greyed as made from the data in the figure language chosen.
std::optional<ExportChoice> askExportChoice(QWidget *parent, const QString &title, bool withSize,
                                            const Placeholders &placeholders = {})
{
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *form = new QFormLayout(&dialog);
    auto *size = new QComboBox(&dialog);
    size->setObjectName(QStringLiteral("exportSize"));
    for (const SizePreset &p : kPresets)
        size->addItem(QCoreApplication::translate("MainWindow", p.label));
    // The size chosen last time comes first.
    QSettings settings;
    size->setCurrentIndex(std::clamp(settings.value(QStringLiteral("export/size"), 0).toInt(), 0, size->count() - 1));
    if (withSize)
        form->addRow(QCoreApplication::translate("MainWindow", "Size (PNG pixels; SVG and PDF are vector at the same layout):"), size);
    else
        size->hide();
    auto *language = new QComboBox(&dialog);
    language->setObjectName(QStringLiteral("exportLanguage"));
    // Each language named in itself, as language menus do.
    language->addItem(QStringLiteral("中文"), int(core::Language::Chinese));
    language->addItem(QStringLiteral("English"), int(core::Language::English));
    language->setCurrentIndex(language->findData(int(core::currentLanguage())));
    form->addRow(QCoreApplication::translate("MainWindow", "Figure language (titles, legend, notes, sources):"), language);
    // The figure's texts: empty keeps the one made from the data, shown greyed in the figure's language; the
    // notes on the data always stay.
    QLineEdit *texts[4] = {};
    QString typedKey; // of typedBefore()
    if (placeholders) {
        const auto fields = [](const ui::FigureTexts &t) { return std::array{t.title, t.subtitle, t.note, t.source}; };
        const char *const labels[] = {QT_TRANSLATE_NOOP("MainWindow", "Title:"), QT_TRANSLATE_NOOP("MainWindow", "Subtitle:"),
                                      QT_TRANSLATE_NOOP("MainWindow", "Your note (before the notes on the data):"),
                                      QT_TRANSLATE_NOOP("MainWindow", "Source line:")};
        const auto shown = fields(placeholders(core::currentLanguage()));
        // What the author typed for this figure before (the same kind of export of the same title made from
        // the data), kept for the session: a print and a web version need not be typed twice.
        typedKey = title + u'\n' + shown[0].value_or(QString());
        const auto typed = fields(typedBefore().value(typedKey));
        for (size_t i = 0; i < 4; ++i) {
            if (!shown[i])
                continue;
            texts[i] = new QLineEdit(&dialog);
            texts[i]->setObjectName(QStringLiteral("exportText%1").arg(i));
            texts[i]->setPlaceholderText(*shown[i]);
            texts[i]->setText(typed[i].value_or(QString()));
            texts[i]->setMinimumWidth(420);
            form->addRow(QCoreApplication::translate("MainWindow", labels[i]), texts[i]);
        }
        QObject::connect(language, &QComboBox::currentIndexChanged, &dialog, [&texts, language, placeholders, fields] {
            const auto made = fields(placeholders(core::Language(language->currentData().toInt())));
            for (size_t i = 0; i < 4; ++i)
                if (texts[i])
                    texts[i]->setPlaceholderText(made[i].value_or(QString()));
        });
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    if (withSize)
        settings.setValue(QStringLiteral("export/size"), size->currentIndex());
    ExportChoice choice{kPresets[size->currentIndex()].size, core::Language(language->currentData().toInt()), {}};
    const auto typed = [](QLineEdit *e) { return e && !e->text().trimmed().isEmpty() ? std::optional<QString>(e->text().trimmed()) : std::nullopt; };
    choice.texts = {typed(texts[0]), typed(texts[1]), typed(texts[2]), typed(texts[3])};
    if (placeholders)
        typedBefore().insert(typedKey, choice.texts);
    return choice;
}

/// Runs `work` on a worker thread while the window repaints, and shows a busy indicator when it takes more
/// than 300 ms. The user's input waits until the work is done (it is delivered after).
core::Status whileBusy(QWidget *parent, const QString &label, std::function<core::Status()> work)
{
    QProgressDialog busy(label, QString(), 0, 0, parent);
    busy.setCancelButton(nullptr);
    busy.setWindowModality(Qt::WindowModal);
    busy.setMinimumDuration(300);
    QFutureWatcher<std::optional<core::Status>> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([work = std::move(work)] { return std::optional<core::Status>(work()); }));
    if (!watcher.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return *watcher.result();
}

/// The folder of the last export; before any, the user's documents folder (else home), never the folder the
/// app was started from.
QString exportFolder()
{
    const QString last = QSettings().value(QStringLiteral("export/folder")).toString();
    if (!last.isEmpty())
        return last;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

/// The file of an export by default: `defaultName` in the export folder, in the format of the last picture.
QString lastExportPath(const QString &defaultName)
{
    const QSettings settings;
    const QString folder = exportFolder();
    const QString suffix = settings.value(QStringLiteral("export/format")).toString();
    QString name = defaultName;
    if (!suffix.isEmpty() && QFileInfo(name).suffix() == u"png") // a picture: the format of the last one
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

/// A size, a figure language and a file for a picture export, or nullopt if the user cancels either
/// question. QFileDialog asks before replacing an existing file.
std::optional<std::pair<ExportChoice, QString>> askPictureTarget(QWidget *parent, const QString &title,
                                                                 const QString &defaultName, const Placeholders &placeholders)
{
    const auto choice = askExportChoice(parent, title, true, placeholders);
    if (!choice)
        return std::nullopt;
    const QString path = QFileDialog::getSaveFileName(parent, title, lastExportPath(defaultName),
                                                      QCoreApplication::translate("MainWindow", "PNG image (*.png);;SVG (*.svg);;PDF (*.pdf)"));
    if (path.isEmpty())
        return std::nullopt;
    rememberExport(path);
    return std::pair{*choice, path};
}
} // namespace

struct MainWindow::Figures {
    /// Switches the figure texts to `language` for the lifetime of the figures, and back.
    explicit Figures(core::Language language) : window(core::currentLanguage())
    {
        if (language == window)
            return;
        core::setLanguage(language);
        keepWindowsAsTheyAre();
    }
    ~Figures()
    {
        if (core::currentLanguage() == window)
            return;
        core::setLanguage(window);
        keepWindowsAsTheyAre();
    }
    /// A switch posts LanguageChange events — to the application, the top-level widgets and their native
    /// windows (QGuiApplication) — that would rebuild the windows in the figure language (while an export
    /// runs and events are processed: the menu bar deleted under the menu that started the export) and
    /// back: they are removed.
    static void keepWindowsAsTheyAre()
    {
        for (QWidget *w : QApplication::topLevelWidgets())
            QCoreApplication::removePostedEvents(w, QEvent::LanguageChange);
        for (QWindow *w : QGuiApplication::allWindows())
            QCoreApplication::removePostedEvents(w, QEvent::LanguageChange);
        QCoreApplication::removePostedEvents(qApp, QEvent::LanguageChange);
    }
    Figures(const Figures &) = delete;
    Figures &operator=(const Figures &) = delete;

    core::Language window;
    ui::MapRenderer *map = nullptr;
    const core::Column *column = nullptr;
    std::function<void(QPainter &, const QRectF &)> chart;
    // Drawn again in another language: the map by ui::renderView(), the chart by ui::viewTrendChart().
    std::unique_ptr<ui::MapRenderer> ownMap;
    ui::MapScene ownScene;
    ui::ChartTexts chartTexts; ///< the chart's, with the author's
    std::function<void(QPainter &, const QRectF &)> scatter; ///< the scatter of components, as shown beside its chart
    ui::ChartTexts scatterTexts; ///< the scatter's, with the author's
    std::unique_ptr<ui::ChartPanel> ownChart;
    std::unique_ptr<ui::ComponentsScatter> ownScatter;
};

std::unique_ptr<MainWindow::Figures> MainWindow::figuresIn(core::Language language, const ui::FigureTexts &texts, bool ownMap,
                                                          bool withScatter)
{
    auto f = std::make_unique<Figures>(language);
    // The window's own map when it is the figure: same language, its labels in it too, no texts of the author's.
    const bool labelsInLanguage = m_view.englishLabels == (language == core::Language::English);
    if (language == f->window && labelsInLanguage && texts.isEmpty() && !ownMap) {
        f->map = &m_map->renderer();
        f->column = &m_column;
        f->chartTexts = m_side->chartTexts();
        f->chart = [this, raw = f.get()](QPainter &p, const QRectF &r) { m_side->renderChart(p, r, raw->chartTexts); };
        f->scatterTexts = m_side->scatterTexts();
        f->scatter = [this, raw = f.get()](QPainter &p, const QRectF &r) { m_side->renderScatter(p, r, raw->scatterTexts); };
        return f;
    }
    f->ownMap = std::make_unique<ui::MapRenderer>();
    f->ownScene = ui::renderView(*f->ownMap, *bundle(), m_view);
    // A figure is labelled in its language.
    f->ownMap->setLabelLanguage(language == core::Language::Chinese ? ui::LabelLanguage::Chinese : ui::LabelLanguage::English);
    ui::applyFigureTexts(*f->ownMap, texts);
    f->ownChart = std::make_unique<ui::ChartPanel>();
    // The author's texts on the chart too.
    f->chartTexts = ui::withAuthorTexts(ui::showTrendChart(*f->ownChart, ui::viewTrendChart(*bundle(), m_view, f->ownScene.column.level)), texts);
    f->map = f->ownMap.get();
    f->column = &f->ownScene.column;
    f->chart = [raw = f.get()](QPainter &p, const QRectF &r) { raw->ownChart->render(p, r, raw->chartTexts); };
    if (!withScatter) // only its export draws the scatter again: not worth computing for a map or chart
        return f;
    f->ownScatter = std::make_unique<ui::ComponentsScatter>();
    ui::showScatter(*f->ownScatter, *bundle(), m_view, f->ownScene.column.level, f->ownScene.column);
    f->scatterTexts = ui::withAuthorTexts(f->ownScatter->texts(), texts);
    f->scatter = [raw = f.get()](QPainter &p, const QRectF &r) { raw->ownScatter->render(p, r, raw->scatterTexts); };
    return f;
}

QString MainWindow::sourcesText(const QString &title, const core::Column &column) const
{
    if (!bundle())
        return {};
    const core::DataBundle &b = *bundle();
    const bool chinese = core::currentLanguage() == core::Language::Chinese;
    QString text = title + QStringLiteral("\n\n");
    QStringList ids;
    for (const core::ColumnEntry &e : column.entries)
        for (const QString &id : e.source.split(u';', Qt::SkipEmptyParts))
            if (!ids.contains(id))
                ids << id;
    ids << QStringLiteral("cn-atlas") << QStringLiteral("tianditu-lines");
    for (const QString &id : ids) {
        if (const core::Source *s = b.sources.find(id)) {
            text += QStringLiteral("[%1] %2\n    %3\n    %4 %5\n    %6 %7\n")
                        .arg(s->id, s->title, chinese ? core::publisherName(*s, &b.regions) : s->publisher, tr("where:"), s->where,
                             tr("licence:"), s->license);
            if (!s->notes.isEmpty())
                text += QStringLiteral("    %1 %2\n").arg(tr("notes:"), s->notes);
            text += u'\n';
        }
    }
    QStringList notes;
    for (const core::ColumnEntry &e : column.entries)
        for (const QString &n : e.note.split(QStringLiteral(" | "), Qt::SkipEmptyParts))
            if (!notes.contains(n))
                notes << n;
    if (!notes.isEmpty())
        text += u'\n' + tr("Notes that apply:") + QStringLiteral("\n- ") + notes.join(QStringLiteral("\n- ")) + u'\n';
    text += u'\n' + tr("Data bundle: %1").arg(b.dir) + u'\n' + tr("Made with Renkou %1").arg(QApplication::applicationVersion()) + u'\n';
    return text;
}

void MainWindow::reportExport(const core::Status &status, const QString &path)
{
    if (!status)
        QMessageBox::warning(this, tr("Export failed"), status.error().toString());
    else
        statusBar()->showMessage(tr("Written: %1").arg(path));
}

std::function<ui::FigureTexts(core::Language)> MainWindow::mapPlaceholders()
{
    return [this](core::Language language) {
        const auto figures = figuresIn(language, {}, true);
        return ui::FigureTexts{figures->map->title(), figures->map->subtitle(), QString(), figures->map->sourceLine()};
    };
}

void MainWindow::exportMapDialog()
{
    if (!bundle())
        return;
    if (const auto target = askPictureTarget(this, tr("Export map"), QStringLiteral("map.png"), mapPlaceholders())) {
        const core::Status status = writeMap(target->second, {target->first.size, true}, target->first.language, target->first.texts);
        reportExport(status, target->second); // in the window's language, the figure's switched back
    }
}

core::Status MainWindow::writeMap(const QString &path, const ui::ExportOptions &options, core::Language language, const ui::FigureTexts &texts)
{
    // A map of its own, painted on a worker thread: a 600-dpi page takes about a second.
    const auto figures = figuresIn(language, texts, true);
    ui::MapRenderer *map = figures->map;
    return whileBusy(this, tr("Writing the map …"), [map, path, options] { return ui::exportMap(*map, path, options); });
}

void MainWindow::exportChartDialog()
{
    if (m_view.selection.isEmpty()) {
        QMessageBox::information(this, tr("Export chart"), tr("Select a region first: its chart is what is exported."));
        return;
    }
    // The chart's texts in the language (its map and scatter are not needed).
    const Placeholders placeholders = [this](core::Language language) {
        const Figures switched(language);
        const ui::TrendChart made = ui::viewTrendChart(*bundle(), m_view, m_column.level);
        return ui::FigureTexts{made.title, made.subtitle, QString(), made.source};
    };
    if (const auto target = askPictureTarget(this, tr("Export chart"), QStringLiteral("chart.png"), placeholders)) {
        core::Status status = core::Done{};
        {
            const auto figures = figuresIn(target->first.language, target->first.texts);
            // The file's title (PDF, SVG) and description: the figure's texts.
            status = ui::exportPicture(target->second, {target->first.size, true}, figures->chart,
                                       {figures->chartTexts.title, figures->chartTexts.caption()});
        }
        reportExport(status, target->second);
    }
}

void MainWindow::exportScatterDialog()
{
    if (!m_side->scatterShown()) {
        QMessageBox::information(this, tr("Export scatter"),
                                 tr("The scatter of natural increase and net migration is under the chart of components: choose "
                                    "“Births or migration?” in the side panel's chart box first."));
        return;
    }
    const Placeholders placeholders = [this](core::Language language) {
        const ui::ChartTexts made = figuresIn(language, {}, false, true)->scatterTexts;
        return ui::FigureTexts{made.title, made.subtitle, QString(), made.source};
    };
    if (const auto target = askPictureTarget(this, tr("Export scatter"), QStringLiteral("scatter.png"), placeholders)) {
        core::Status status = core::Done{};
        {
            const auto figures = figuresIn(target->first.language, target->first.texts, false, true);
            status = ui::exportPicture(target->second, {target->first.size, true}, figures->scatter,
                                       {figures->scatterTexts.title, figures->scatterTexts.caption()});
        }
        reportExport(status, target->second);
    }
}

void MainWindow::copyMapImage()
{
    if (!bundle())
        return;
    // Labels in the window's language too, as in an export.
    QGuiApplication::clipboard()->setImage(ui::mapPicture(*figuresIn(core::currentLanguage())->map, ui::ExportSize::atScale(2)));
    statusBar()->showMessage(tr("The map is on the clipboard."));
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

void MainWindow::exportAnimationDialog()
{
    if (!bundle())
        return;
    const std::vector<int> years = ui::animationYears(*bundle(), m_view, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    if (years.size() < 2) {
        QMessageBox::information(this, tr("Export animation"), tr("This map has data in fewer than two years: there is nothing to animate."));
        return;
    }
    // A frame's texts: its title follows the year, drawn large above it.
    const Placeholders placeholders = [this](core::Language language) {
        const Figures switched(language);
        ui::MapRenderer frame;
        ui::renderView(frame, *bundle(), m_view, {}, true);
        return ui::FigureTexts{frame.title().section(QStringLiteral(" · "), 1), frame.subtitle(), QString(), frame.sourceLine()};
    };
    const auto choice = askExportChoice(this, tr("Export animation"), true, placeholders);
    if (!choice)
        return;
    bool ok = false;
    const int from = QInputDialog::getInt(this, tr("Export animation"), tr("From the year:"), years.front(), years.front(), years.back(), 1, &ok);
    if (!ok)
        return;
    const int to = QInputDialog::getInt(this, tr("Export animation"), tr("To the year:"), std::max(m_view.year.value_or(years.back()), from + 1),
                                        from + 1, years.back(), 1, &ok);
    if (!ok)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export animation"), lastExportPath(QStringLiteral("map.gif")),
                                                      tr("Animated GIF (*.gif);;MP4 video, H.264 (*.mp4);;WebM video, VP9 (*.webm)"));
    if (path.isEmpty())
        return;
    const std::vector<int> shown = ui::animationYears(*bundle(), m_view, from, to);
    // One frame a year with data, the dialog kept alive between frames.
    QProgressDialog dialog(tr("Drawing the animation …"), tr("Cancel"), 0, int(shown.size()), this);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(0);
    std::vector<QImage> frames;
    {
        const Figures language(choice->language); // the figure language while the frames are drawn
        core::View view = m_view;
        view.extent.reset();
        view.englishLabels = choice->language == core::Language::English; // labels in the figure's language
        frames = ui::animationFrames(*bundle(), view, shown, choice->size, choice->texts, [&](int done) {
            dialog.setValue(done);
            QCoreApplication::processEvents();
            return !dialog.wasCanceled();
        });
    }
    if (dialog.wasCanceled())
        return;
    reportExport(whileBusy(this, tr("Encoding the animation …"), [&frames, path] { return ui::writeAnimation(path, frames, 800, true); }), path);
}

core::Status MainWindow::writeReportPack(const QString &dir, bool overwrite, const std::function<bool(int)> &progress,
                                         std::optional<core::Language> figureLanguage)
{
    const QDir d(dir);
    const ui::ExportOptions size{ui::ExportSize::atScale(2), overwrite};
    const auto figures = figuresIn(figureLanguage.value_or(core::currentLanguage()));
    const auto map = [&](const QString &p) { return ui::exportMap(*figures->map, p, size); };
    const auto chart = [&](const QString &p) {
        return ui::exportPicture(p, size, figures->chart, {figures->chartTexts.title, figures->chartTexts.caption()});
    };
    // With no unit selected there is no chart: the pack leaves it out and its sources.txt says so.
    const bool withChart = !m_view.selection.isEmpty();
    std::vector<std::pair<QString, std::function<core::Status(const QString &)>>> steps = {
        {QStringLiteral("map.png"), map},
        {QStringLiteral("map.pdf"), map},
        {QStringLiteral("chart.png"), chart},
        {QStringLiteral("chart.svg"), chart},
        {QStringLiteral("data.csv"), [&](const QString &p) { return core::writeFileAtomically(p, core::columnCsv(*figures->column, true), overwrite); }},
        {QStringLiteral("sources.txt"),
         [&](const QString &p) {
             QString text = sourcesText(figures->map->title(), *figures->column);
             // The chart's unit, source line and every note on its data (the figure shows as many as fit).
             if (withChart)
                 text += u'\n' + tr("Chart: %1").arg(figures->chartTexts.title) + u'\n' + figures->chartTexts.caption() + u'\n';
             if (!withChart)
                 text += u'\n' + tr("No unit was selected, so the pack has no chart: select units on the map to chart them.") + u'\n';
             return core::writeFileAtomically(p, text.toUtf8(), overwrite);
         }},
    };
    if (!withChart)
        std::erase_if(steps, [](const auto &step) { return step.first.startsWith(u"chart."); });
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
    const auto choice = askExportChoice(this, tr("Export report pack"), false);
    if (!choice)
        return;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the report pack"),
                                                          exportFolder());
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
    const core::Status status = writeReportPack(
        dir, overwrite,
        [&](int step) {
            dialog.setValue(step);
            QCoreApplication::processEvents();
            return !dialog.wasCanceled();
        },
        choice->language);
    reportExport(status, dir);
}

} // namespace renkou::app
