#!/usr/bin/env bash
# Longer fuzzing runs than ctest's: builds the asan preset (clang, ASan/UBSan, libFuzzer) and runs each fuzz
# target for SECONDS (default 600), keeping what it finds in build/asan/tests/fuzz/corpus/<target>.
# Usage: packaging/fuzz.sh [SECONDS] [table|regions|boundaries|workbook|echarts|view ...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(table regions boundaries workbook echarts view)
cmake --preset asan >/dev/null
cmake --build --preset asan --target renkou_fuzz_seeds "${targets[@]/#/fuzz-}"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# A 64 MB quarantine (ASan's default is 256 MB): the boundary fuzzer's RSS then stays under 800 MB in 10
# minutes; see tests/fuzz/CMakeLists.txt for what grows.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=64}
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0
for t in "${targets[@]}"; do
  dir=build/asan/tests/fuzz
  mkdir -p "$dir/corpus/$t" "$dir/crashes/$t"
  echo "== fuzz-$t for ${seconds}s"
  "$dir/fuzz-$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1536 -malloc_limit_mb=512 -print_final_stats=1 \
    -artifact_prefix="$dir/crashes/$t/" "$dir/corpus/$t" "$dir/seeds/$t"
done
