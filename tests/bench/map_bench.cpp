// Map benchmarks: full-view render at 1920×1080, recolour after a year change, hit test, start-up.
#include "animation.h"
#include "classification.h"
#include "databundle.h"
#include "indicators.h"
#include "maprenderer.h"
#include "mapscene.h"
#include "moran.h"
#include "geometry.h"
#include "exporter.h"
#include "palette.h"

#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

using namespace renkou;

namespace {

const core::DataBundle &bundle()
{
    static const core::DataBundle b = std::move(core::DataBundle::load(QStringLiteral(RENKOU_BUNDLE_DIR))).value();
    return b;
}

/// What the app does on a year change: the column, its classes, one colour per feature.
std::vector<std::optional<QColor>> colours(const core::BoundaryLayer &layer, core::Level level, int year)
{
    const auto indicator = core::findIndicator(bundle().population, QStringLiteral("population")).value();
    const core::Column column = core::computeColumn(bundle().context(), level, indicator, year);
    const auto classes = core::QuantileClassification().classes(column.values(), 5, indicator.unit);
    const auto palette = core::sequentialPalette(int(classes.size()));
    std::vector<std::optional<QColor>> fills(layer.features().size());
    for (size_t i = 0; i < fills.size(); ++i) {
        const core::ColumnEntry *e = column.find(layer.features()[i].code);
        if (e && e->value) {
            const int c = core::classIndex(classes, *e->value);
            if (c >= 0)
                fills[i] = palette[size_t(c)];
        }
    }
    return fills;
}

void setUp(ui::MapRenderer &r, core::Level level)
{
    const core::BoundaryLayer &layer = level == core::Level::Province ? bundle().provinces : bundle().prefectures;
    r.setLayers(&layer, level == core::Level::Prefecture ? &bundle().provinces : nullptr, &bundle().nation, &bundle().lines);
    r.setFills(colours(layer, level, 2020));
    r.setTitle(QStringLiteral("Resident population, 2020"));
    r.setSourceLine(QStringLiteral("Source: benchmark"));
}

} // namespace

/// Steady-state full-view render (the first, which builds the simplified paths, is not counted, as in the
/// QGIS peer), with fills, outlines, map lines, inset, labels, legend and title.
static void BM_RenderFullView(benchmark::State &state, core::Level level)
{
    ui::MapRenderer r;
    setUp(r, level);
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter warm(&image);
        r.paint(warm, image.rect());
    }
    for (auto _ : state) {
        QPainter p(&image);
        r.paint(p, image.rect());
    }
}
BENCHMARK_CAPTURE(BM_RenderFullView, provinces, core::Level::Province)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK_CAPTURE(BM_RenderFullView, prefectures, core::Level::Prefecture)->Unit(benchmark::kMillisecond)->MinTime(2);

/// The first render of a layer, building its simplified paths.
static void BM_RenderFirstFrame(benchmark::State &state, core::Level level)
{
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        ui::MapRenderer r;
        setUp(r, level);
        QPainter p(&image);
        r.paint(p, image.rect());
    }
}
BENCHMARK_CAPTURE(BM_RenderFirstFrame, prefectures, core::Level::Prefecture)->Unit(benchmark::kMillisecond);

/// A year change at prefecture level: new column, classes and colours (the repaint is measured above).
static void BM_Recolour(benchmark::State &state)
{
    (void)bundle(); // loaded before timing
    int year = 2010;
    for (auto _ : state) {
        year = year == 2010 ? 2020 : 2010;
        benchmark::DoNotOptimize(colours(bundle().prefectures, core::Level::Prefecture, year));
    }
}
BENCHMARK(BM_Recolour)->Unit(benchmark::kMicrosecond);

/// The unit under a point: R-tree candidates, then point in polygon (Changsha, prefecture layer).
static void BM_HitTest(benchmark::State &state)
{
    const core::SpatialIndex index(bundle().prefectures);
    const core::PointD p = core::projectPoint(core::Projection::chinaAlbers(), 112.94, 28.23).value();
    for (auto _ : state)
        benchmark::DoNotOptimize(index.featureAt(p));
}
BENCHMARK(BM_HitTest)->Unit(benchmark::kMicrosecond);

/// Tables and the province layer: what the first map needs.
static void BM_LoadFirstMapData(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(core::DataBundle::load(QStringLiteral(RENKOU_BUNDLE_DIR), core::DataBundle::Parts::TablesAndProvinces).ok());
}
BENCHMARK(BM_LoadFirstMapData)->Unit(benchmark::kMillisecond);

/// The whole bundle, loaded as the CLI does (one thread).
static void BM_LoadBundle(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(core::DataBundle::load(QStringLiteral(RENKOU_BUNDLE_DIR)).ok());
}
BENCHMARK(BM_LoadBundle)->Unit(benchmark::kMillisecond);

/// From process start to the first painted map of the real app (offscreen), as the app reports it: with
/// the layer cache that earlier starts left (`warm`), or with an empty one (`cold`).
static void BM_StartToFirstPaint(benchmark::State &state, bool cold)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (auto _ : state) {
        QTemporaryDir emptyCache;
        if (cold)
            env.insert(QStringLiteral("XDG_CACHE_HOME"), emptyCache.path());
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(RENKOU_APP), {QStringLiteral("--benchmark-first-paint")});
        p.waitForFinished(30000);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const double ms = out.section(QStringLiteral("first-paint-ms "), 1).trimmed().toDouble();
        if (ms <= 0) {
            state.SkipWithError("the app did not report its first paint");
            break;
        }
        state.SetIterationTime(ms / 1000.0);
    }
}
BENCHMARK_CAPTURE(BM_StartToFirstPaint, warm, false)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK_CAPTURE(BM_StartToFirstPaint, cold, true)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);

/// A 10-frame animated GIF at 1700×1200 (850×600 at 2×): the frames drawn on shared classes, reduced to 256
/// colours and encoded (renkou-cli animate; issue 17 asks under 3 s).
static void BM_AnimateGif10Frames(benchmark::State &state)
{
    const core::View view;
    const std::vector<int> years = ui::animationYears(bundle(), view, 2015, 2024);
    QTemporaryDir dir;
    for (auto _ : state) {
        const auto frames = ui::animationFrames(bundle(), view, years, ui::ExportSize::atScale(2));
        if (!ui::writeAnimatedGif(dir.filePath(QStringLiteral("a.gif")), frames, 800, true).ok())
            state.SkipWithError("the GIF was not written");
    }
}
BENCHMARK(BM_AnimateGif10Frames)->Unit(benchmark::kMillisecond)->Iterations(3);

/// A 180 mm figure at 600 dpi (4252 px wide PNG): drawn and written (issue 17 asks under 1 s).
static void BM_Export180mm600dpi(benchmark::State &state)
{
    core::View view;
    ui::MapRenderer r;
    ui::renderView(r, bundle(), view);
    QTemporaryDir dir;
    for (auto _ : state) {
        if (!ui::exportMap(r, dir.filePath(QStringLiteral("map.png")), {ui::ExportSize::forPrint(180, 600), true}).ok())
            state.SkipWithError("the PNG was not written");
    }
}
BENCHMARK(BM_Export180mm600dpi)->Unit(benchmark::kMillisecond)->Iterations(3);

namespace {
/// Queen contiguity of a layer's units (what a cluster map computes once per layer).
std::vector<std::vector<int>> neighboursOf(const core::BoundaryLayer &layer)
{
    std::vector<const core::MultiPolygon *> polygons;
    for (const core::Feature &f : layer.features())
        polygons.push_back(&f.polygons);
    return core::queenContiguity(polygons);
}
} // namespace

/// Queen contiguity of the prefecture-level units from their outlines (Boost.Geometry), computed once a layer.
static void BM_QueenContiguityPrefectures(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(neighboursOf(bundle().prefectures));
}
BENCHMARK(BM_QueenContiguityPrefectures)->Unit(benchmark::kMillisecond)->Iterations(3);

/// Local Moran's I with 999 permutations (and the global I's 999) over the prefecture-level units: the
/// change 2010–2020 in %, queen contiguity given.
static void BM_LocalMoranPrefectures(benchmark::State &state)
{
    static const auto neighbours = neighboursOf(bundle().prefectures);
    const auto indicator = core::findIndicator(bundle().population, QStringLiteral("change_pct")).value();
    const core::Column column = core::computeColumn(bundle().context(), core::Level::Prefecture, indicator, 2020, 2010);
    std::vector<std::optional<double>> values;
    for (const core::Feature &f : bundle().prefectures.features()) {
        const core::ColumnEntry *e = column.find(f.code);
        values.push_back(e ? e->value : std::nullopt);
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(core::localMoran(values, neighbours));
    state.counters["units"] = double(core::localMoran(values, neighbours).units);
}
BENCHMARK(BM_LocalMoranPrefectures)->Unit(benchmark::kMillisecond);
