// Loading benchmarks: the bundle's tables and each boundary layer, read and projected.
#include "databundle.h"

#include <QFile>
#include <QTemporaryDir>
#include <random>
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

// regions.csv with `n` prefecture-level units spread over 31 provinces: loading it and listing every
// province's members must stay linear in n (issue 12: 100,000 units took 355 s when members() scanned).
static void BM_RegionsWithManyUnits(benchmark::State &state)
{
    const int n = int(state.range(0));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("regions.csv"));
    {
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        QByteArray text = "code,level,parent_code,name_zh,name_en,type,region,provincial_capital\n"
                          "100000,country,,中国,China,country,,0\n";
        for (int p = 0; p < 31; ++p)
            text += QByteArray::number(110000 + p * 10000) + ",province,100000,省" + QByteArray::number(p) + ",P"
                    + QByteArray::number(p) + ",province,East,0\n";
        for (int i = 0; i < n; ++i) // codes 400000–499999 are not the parent province of their unit: no clash with the 31 above
            text += QByteArray::number(400000 + i) + ",prefecture," + QByteArray::number(110000 + (i % 31) * 10000)
                    + ",市,City,prefecture-level city,,0\n";
        f.write(text);
    }
    for (auto _ : state) {
        auto table = RegionTable::load(path);
        if (!table) {
            state.SkipWithError(table.error().toString().toStdString().c_str());
            break;
        }
        size_t members = 0;
        for (const Region *p : table->ofLevel(Level::Province))
            members += table->members(*p).size();
        if (members != size_t(n))
            state.SkipWithError("members lost");
        benchmark::DoNotOptimize(members);
    }
    state.SetComplexityN(n);
}
BENCHMARK(BM_RegionsWithManyUnits)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);

// A user's long table of the size issue 13 names: 2,850 codes (the bundle's prefecture-level units, then codes
// of no unit from 900000) × 25 years (2000–2024) × 10 indicators = 712,500 rows, values with one decimal from
// a fixed seed. Written to $RENKOU_BENCH_LONG_TABLE when set (packaging/bench.sh reads the same file with
// renkou-cli and with pandas), else to a temporary directory.
static void BM_ReadLongTable(benchmark::State &state)
{
    auto bundle = DataBundle::load(QStringLiteral(RENKOU_BUNDLE_DIR), DataBundle::Parts::Tables);
    if (!bundle) {
        state.SkipWithError(bundle.error().toString().toStdString().c_str());
        return;
    }
    QTemporaryDir dir;
    const QString path = qEnvironmentVariableIsSet("RENKOU_BENCH_LONG_TABLE") ? qEnvironmentVariable("RENKOU_BENCH_LONG_TABLE")
                                                                               : dir.filePath(QStringLiteral("long.csv"));
    {
        QStringList codes;
        for (const Region *r : bundle->regions.ofLevel(Level::Prefecture))
            codes << r->code;
        for (int i = 0; codes.size() < 2850; ++i)
            codes << QString::number(900000 + i);
        codes.resize(2850);
        std::mt19937 random(13);
        std::uniform_int_distribution<int> tenths(0, 9'999'999);
        QByteArray text = "code,year,indicator,value,unit,source,flag\n";
        for (const QString &code : std::as_const(codes))
            for (int year = 2000; year <= 2024; ++year)
                for (int i = 0; i < 10; ++i) {
                    const int v = tenths(random);
                    text += code.toLatin1() + ',' + QByteArray::number(year) + ",ind" + QByteArray::number(i) + ','
                            + QByteArray::number(v / 10) + '.' + QByteArray::number(v % 10) + ",persons,mysource,estimate\n";
                }
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size()) {
            state.SkipWithError("cannot write the table");
            return;
        }
    }
    for (auto _ : state) {
        state.PauseTiming();
        DataBundle b = bundle.value();
        state.ResumeTiming();
        auto added = b.addTable(path, std::nullopt);
        if (!added) {
            state.SkipWithError(added.error().toString().toStdString().c_str());
            break;
        }
        benchmark::DoNotOptimize(added->table.rows);
    }
}
BENCHMARK(BM_ReadLongTable)->Unit(benchmark::kMillisecond);
