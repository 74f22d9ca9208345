// Loading benchmarks: the bundle's tables and each boundary layer, read and projected.
#include "databundle.h"

#include <benchmark/benchmark.h>

using namespace renkou::core;

namespace {
QString bundleFile(const char *rel)
{
    return QStringLiteral(RENKOU_BUNDLE_DIR "/") + QString::fromLatin1(rel);
}
} // namespace

static void BM_LoadTables(benchmark::State &state)
{
    for (auto _ : state) {
        auto b = DataBundle::load(QStringLiteral(RENKOU_BUNDLE_DIR), DataBundle::Parts::Tables);
        benchmark::DoNotOptimize(b.ok());
    }
}
BENCHMARK(BM_LoadTables)->Unit(benchmark::kMillisecond);

static void BM_ReadLayer(benchmark::State &state, const char *file)
{
    for (auto _ : state) {
        auto layer = BoundaryLayer::read(bundleFile(file), Projection::chinaAlbers());
        benchmark::DoNotOptimize(layer.ok());
    }
}
BENCHMARK_CAPTURE(BM_ReadLayer, provinces, "boundaries/provinces.geojson")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ReadLayer, prefectures, "boundaries/prefectures.geojson")->Unit(benchmark::kMillisecond);
