#!/usr/bin/env bash
# Runs every libFuzzer target of fuzz/ (ASan + UBSan, clang-14) for SECONDS each, two at a time,
# each seeded from tests/data (and assets/templates, fuzz/seeds). The documented long run is
# the default, 600 s (10 minutes) per target:
#
#   scripts/fuzz.sh                 # builds build-asan/ if needed, 600 s per target
#   scripts/fuzz.sh 15              # a short run (test.sh runs this in CI)
#   scripts/fuzz.sh 600 fuzz_vcard  # one target
#
# BUILD_DIR (default build-asan) is the sanitizer build folder. New inputs that reach new code
# are kept in BUILD_DIR/fuzz/corpus/TARGET (never in tests/data); a crash leaves its input in
# BUILD_DIR/fuzz/crash-TARGET-*, prints the sanitizer's report and makes the script fail.
# Reproduce one with: BUILD_DIR/fuzz/TARGET CRASH_FILE
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-600}"
shift || true
build="${BUILD_DIR:-$here/build-asan}"
jobs="${FUZZ_JOBS:-$(nproc)}"

all=(fuzz_vcard fuzz_csv_linkedin fuzz_csv_google fuzz_csv_outlook fuzz_csv_thunderbird fuzz_csv_csv
     fuzz_template fuzz_date fuzz_history)
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all[@]}")

if [[ ! -x "$build/fuzz/${targets[0]}" || -n "${FUZZ_BUILD:-}" ]]; then
  "$here/scripts/install-deps.sh" "$here/scripts/debian-packages-sanitize.txt"
  cmake -S "$here" -B "$build" -DREKINDLE_SANITIZE=ON >/dev/null
  cmake --build "$build" -j"$(nproc)" --target rekindle_fuzzers
fi

seeds() {
  local d="$here/tests/data"
  case "$1" in
    fuzz_vcard) echo "$d/vcard $d/fidelity $d/screens" ;;
    fuzz_csv_*) echo "$d/csv $d/fidelity" ;;
    fuzz_template) echo "$here/assets/templates" ;;
    fuzz_date) echo "$here/fuzz/seeds/date" ;;
    fuzz_history) echo "$d/history" ;;
  esac
}

run_one() {
  local target="$1" corpus="$build/fuzz/corpus/$1" log="$build/fuzz/$1.log"
  mkdir -p "$corpus"
  # -rss_limit_mb: a reader that grows without bound fails; -timeout: one input may take 10 s.
  # shellcheck disable=SC2046
  if "$build/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix="$build/fuzz/crash-$target-" \
       "$corpus" $(seeds "$target") >"$log" 2>&1; then
    echo "$target: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs in ${seconds} s, no error"
  else
    echo "$target: FAILED (log: $log)"
    grep -A40 -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|==ERROR' "$log" || tail -40 "$log"
    return 1
  fi
}
export -f run_one seeds
export build seconds here

printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one {}'
