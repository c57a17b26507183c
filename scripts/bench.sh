#!/bin/sh
# Builds rekindle and rekindle_bench (with its peer, rekindle_bench_peer_window) in Release
# (build-bench/) and runs the benchmark under Xvfb (for the window figures; without xvfb-run it
# runs on $DISPLAY or skips them).
# Extra arguments go to rekindle_bench, e.g. scripts/bench.sh --runs 11 --sections 1,2
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BENCH_BUILD_DIR:-$here/build-bench}
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target rekindle_bench rekindle >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(date -u +%Y-%m-%d)"
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  exec xvfb-run -a -s "-screen 0 1280x1024x24" "$build/rekindle_bench" --exe "$build/rekindle" "$@"
fi
exec "$build/rekindle_bench" --exe "$build/rekindle" "$@"
