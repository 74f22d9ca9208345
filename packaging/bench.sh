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
if ! dpkg-query -W -f='${Status}' python3-qgis 2>/dev/null | grep -q "install ok installed"; then
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends python3-qgis
fi
cmake --preset release -DRENKOU_DATA_DIR="$data" >/dev/null
cmake --build --preset release --target renkou-bench renkou

out=build/release/bench
mkdir -p "$out"
build/release/tests/renkou-bench --benchmark_format=json --benchmark_out="$out/renkou.json" --benchmark_out_format=json >/dev/null
QT_QPA_PLATFORM=offscreen /usr/bin/python3 "$peer" --data "$data" > "$out/qgis.json" 2>/dev/null

python3 - "$out/renkou.json" "$out/qgis.json" > BENCHMARKS.md.new <<'PY'
import json, sys, platform, datetime
ours = json.load(open(sys.argv[1]))
peer = json.load(open(sys.argv[2]))
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
print("## Other figures\n")
print("| benchmark | Renkou | target |")
print("|---|---:|---:|")
rows = [("first render of the prefecture layer (simplifies the geometry)", "BM_RenderFirstFrame/prefectures", "ms", None),
        ("recolour after a year change (prefectures: column, classes, colours)", "BM_Recolour", "ms", 2.0),
        ("hit test at a point (R-tree + point in polygon)", "BM_HitTest", "µs", 0.010),
        ("start to first painted map (app, offscreen; layer cache from an earlier start)", "BM_StartToFirstPaint/warm", "ms", 400.0),
        ("start to first painted map, first start ever (empty layer cache)", "BM_StartToFirstPaint/cold", "ms", None),
        ("load: tables + province layer (the first map's data)", "BM_LoadFirstMapData", "ms", None),
        ("load: whole bundle on one thread (as the CLI)", "BM_LoadBundle", "ms", None),
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
