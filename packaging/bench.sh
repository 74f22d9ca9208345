#!/usr/bin/env bash
# Runs Renkou's benchmarks (renkou-bench, Google Benchmark) and the QGIS peer (../shared/bench/qgis_render.py)
# in the same run, and writes BENCHMARKS.md with the figures and the ratios to QGIS.
# Usage: packaging/bench.sh [--data DIR]      (installs python3-qgis and the build dependencies if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${RENKOU_DATA_DIR:-../shared/data}"
if [ "${1:-}" = "--data" ]; then data="$2"; fi
peer="$(dirname "$data")/bench/qgis_render.py"
[ -f "$peer" ] || peer="../shared/bench/qgis_render.py"

packaging/install-deps.sh
for pkg in python3-qgis python3-pandas; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "$pkg"
  fi
done
cmake --preset release -DRENKOU_DATA_DIR="$data" >/dev/null
cmake --build --preset release --target renkou-bench renkou renkou-cli

out=build/release/bench
mkdir -p "$out"
# BM_ReadLongTable leaves its 712,500-row table in $out for the pandas comparison below.
RENKOU_BENCH_LONG_TABLE="$PWD/$out/long_table.csv" \
  build/release/tests/renkou-bench --benchmark_format=json --benchmark_out="$out/renkou.json" --benchmark_out_format=json >/dev/null
QT_QPA_PLATFORM=offscreen /usr/bin/python3 "$peer" --data "$data" > "$out/qgis.json" 2>/dev/null

# The same long table read by renkou-cli (the whole command: bundle, table, join, output) and by
# pandas.read_csv (Debian's python3-pandas), one after the other, three times each: wall time and the peak
# resident memory of each process (wait4's rusage of that process alone).
/usr/bin/python3 - "$out/long_table.csv" "$data" > "$out/longtable.json" <<'PY'
import json, os, subprocess, sys, time, statistics
table, data = sys.argv[1], sys.argv[2]
def run(cmd):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = p.stdout.read()
    _, status, usage = os.wait4(p.pid, 0)
    assert status == 0, cmd
    return time.perf_counter() - start, usage.ru_maxrss / 1024.0, out
renkou = ["build/release/app/renkou-cli", "table", "--data", data, "--level", "prefecture", "--indicator", "ind3",
          "--year", "2020", "--table", table]
pandas = ["/usr/bin/python3", "-c", "import sys, time, pandas\nt = time.perf_counter()\n"
          "d = pandas.read_csv(sys.argv[1])\nprint(time.perf_counter() - t, len(d))", table]
r = [run(renkou) for _ in range(3)]
p = [run(pandas) for _ in range(3)]
import pandas as pd
print(json.dumps({
    "rows": int(p[0][2].split()[1]),
    "bytes": os.path.getsize(table),
    "pandas_version": pd.__version__,
    "renkou_s": statistics.median(x[0] for x in r), "renkou_mb": max(x[1] for x in r),
    "pandas_read_s": statistics.median(float(x[2].split()[0]) for x in p), "pandas_process_s": statistics.median(x[0] for x in p),
    "pandas_mb": max(x[1] for x in p)}))
PY

python3 - "$out/renkou.json" "$out/qgis.json" "$out/longtable.json" > BENCHMARKS.md.new <<'PY'
import json, sys, platform, datetime
ours = json.load(open(sys.argv[1]))
peer = json.load(open(sys.argv[2]))
longtable = json.load(open(sys.argv[3]))
def ms(name):
    for b in ours["benchmarks"]:
        if b["name"].startswith(name):
            t = b["real_time"] if b.get("run_type") != "aggregate" else b["real_time"]
            unit = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b["time_unit"]]
            return t * unit
    return float("nan")
ctx = ours["context"]
print("# Benchmarks\n")
print(f"Written by `packaging/bench.sh` on {datetime.date.today()} — {ctx.get('num_cpus')} CPUs, "
      f"{platform.platform()}; Renkou release build; peer: {peer['peer']} (`../shared/bench/qgis_render.py`), "
      f"run right after Renkou in the same script. Both render {peer['width']}×{peer['height']}, antialiased, one thread.\n")
print("## Full-view render, Renkou vs QGIS\n")
print("| layer | Renkou (ms) | QGIS median (ms) | Renkou / QGIS | target |")
print("|---|---:|---:|---:|---:|")
for layer, target in (("provinces", 1/20), ("prefectures", 1/25)):
    r = ms(f"BM_RenderFullView/{layer}")
    q = peer["layers"][layer]["render_ms_median"]
    ratio = r / q
    ok = "met" if ratio <= target else "**not met**"
    print(f"| {layer} | {r:.1f} | {q:.1f} | 1/{q/r:.1f} | ≤ 1/{round(1/target)} ({ok}) |")
print("\nRenkou's frame holds more than QGIS's: fills and outlines as in QGIS, plus province borders over")
print("prefectures, the national outline, the map lines, the South China Sea inset, labels, legend, title and source")
print("line. The first frame of a layer, which simplifies the geometry for the scale, is not counted (as in the peer).\n")
print("## A big table in, Renkou vs pandas\n")
lt = longtable
print(f"A long table of {lt['rows']:,} rows ({lt['bytes']/1e6:.1f} MB: 2,850 codes × 25 years × 10 indicators), written by "
      f"`BM_ReadLongTable`, read three times each by `renkou-cli table --table` and by `pandas.read_csv` "
      f"(pandas {lt['pandas_version']}, Debian's python3-pandas); medians, and the peak resident memory of each process.\n")
print("| | Renkou | pandas | Renkou / pandas | target |")
print("|---|---:|---:|---:|---:|")
def row(label, ours_v, peer_v, fmt):
    r = ours_v / peer_v
    print(f"| {label} | {ours_v:{fmt}} | {peer_v:{fmt}} | {r:.2f} | ≤ 1 ({'met' if r <= 1 else '**not met**'}) |")
row("in process (s): Renkou reads, checks, joins and adds the table (`BM_ReadLongTable`); pandas `read_csv`",
    ms("BM_ReadLongTable") / 1000, lt["pandas_read_s"], ".2f")
row("whole process (s): `renkou-cli table --table …`; `python3 -c 'import pandas; pandas.read_csv(…)'`",
    lt["renkou_s"], lt["pandas_process_s"], ".2f")
row("peak memory of the process (MB)", lt["renkou_mb"], lt["pandas_mb"], ".0f")
print("\nRenkou's whole process loads the bundle, reads and checks every row, joins the codes (the bundle's "
      "prefecture-level units; the other codes are reported as of no unit), adds the table and prints the "
      "prefecture table; pandas' only reads the file into a data frame.\n")
print("## Other figures\n")
print("| benchmark | Renkou | target |")
print("|---|---:|---:|")
rows = [("first render of the prefecture layer (simplifies the geometry)", "BM_RenderFirstFrame/prefectures", "ms", None),
        ("recolour after a year change (prefectures: column, classes, colours)", "BM_Recolour", "ms", 2.0),
        ("local Moran's I, 999 permutations (and the global I's 999), prefecture-level units", "BM_LocalMoranPrefectures", "ms", 50.0),
        ("queen contiguity of the prefecture-level units from their outlines (Boost.Geometry), once a layer", "BM_QueenContiguityPrefectures", "ms", None),
        ("animated GIF of 10 years at 1700×1200: frames on shared classes, 256 colours, giflib", "BM_AnimateGif10Frames", "ms", 3000.0),
        ("map export 180 mm at 600 dpi (4252 px PNG): drawn and written", "BM_Export180mm600dpi", "ms", 1000.0),
        ("hit test at a point (R-tree + point in polygon)", "BM_HitTest", "µs", 0.010),
        ("start to first painted map (app, offscreen; layer cache from an earlier start)", "BM_StartToFirstPaint/warm", "ms", 400.0),
        ("start to first painted map, first start ever (empty layer cache)", "BM_StartToFirstPaint/cold", "ms", None),
        ("load: tables + province layer (the first map's data)", "BM_LoadFirstMapData", "ms", None),
        ("load: whole bundle on one thread (as the CLI)", "BM_LoadBundle", "ms", None),
        ("a user's long table of 712,500 rows: read, checked, joined, added (in process)", "BM_ReadLongTable", "ms", None),
        ("read provinces.geojson through GDAL, projected", "BM_ReadLayer/provinces", "ms", None),
        ("read prefectures.geojson through GDAL, projected", "BM_ReadLayer/prefectures", "ms", None)]
for label, name, unit, target in rows:
    v = ms(name)
    shown = f"{v*1000:.2f} µs" if unit == "µs" else f"{v:.2f} ms"
    t = "" if target is None else (f"≤ {target*1000:.0f} µs" if unit == "µs" else f"≤ {target:g} ms")
    if target is not None:
        t += " (met)" if v <= target else " (**not met**)"
    print(f"| {label} | {shown} | {t} |")
q = peer["layers"]
print(f"\nQGIS load times in the same run: provinces {q['provinces']['load_ms']} ms, prefectures {q['prefectures']['load_ms']} ms "
      "(open and classify; it reads features lazily while rendering).")
PY
mv BENCHMARKS.md.new BENCHMARKS.md
cat BENCHMARKS.md
