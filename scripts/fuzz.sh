#!/usr/bin/env bash
# Fuzz mynapin's parsers and the simulated card (issue 8), one target at a time, niced.
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]     (default: 60 s, every target)
#
# For each target (fuzz/fuzz_targets/*.rs; the checks are in fuzz/checks.rs):
# 1. runs it for SECONDS_PER_TARGET (libFuzzer -max_total_time) from its saved corpus
#    fuzz/corpus/<target>/ and its seeds fuzz/seeds/<target>/, under `nice -n 19`;
# 2. minimizes what it has (saved corpus + new inputs) with `cargo fuzz cmin` and writes it
#    back to fuzz/corpus/<target>/, pruned to at most $FUZZ_MAX_FILES files and
#    $FUZZ_MAX_KIB KiB (the largest inputs that fit are kept);
# 3. prints runs, final coverage (cov) and features (ft), corpus size and crashes.
# A crash (or leak, timeout, out-of-memory) leaves its input under fuzz/artifacts/<target>/
# and makes the script exit 1 once every target has run. Copy a real bug's input to
# fuzz/regressions/<target>/ (kept out of the corpus that tests/fuzz_corpus.rs replays).
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`).
# Environment: FUZZ_SANITIZER (address, the default, or none: about twice the speed),
# FUZZ_MAX_FILES (300), FUZZ_MAX_KIB (200), FUZZ_TIMEOUT (10 s for one input).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'fuzz: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

seconds=${1:-60}
[[ $seconds =~ ^[1-9][0-9]*$ ]] || die "SECONDS_PER_TARGET must be a positive number, not '$seconds'"
shift $(( $# > 0 ? 1 : 0 ))
sanitizer=${FUZZ_SANITIZER:-address}
max_files=${FUZZ_MAX_FILES:-300}
max_kib=${FUZZ_MAX_KIB:-200}
timeout_one=${FUZZ_TIMEOUT:-10}

command -v cargo >/dev/null || die "cargo not found"
cargo +nightly fuzz --version >/dev/null 2>&1 \
  || die "cargo-fuzz on nightly not found: rustup toolchain install nightly; cargo install cargo-fuzz --locked"

mapfile -t all_targets < <(cargo +nightly fuzz list)
[ ${#all_targets[@]} -gt 0 ] || die "no fuzz targets (cargo fuzz list is empty)"
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi
for t in "${targets[@]}"; do
  printf '%s\n' "${all_targets[@]}" | grep -qx -- "$t" || die "unknown target '$t' (known: ${all_targets[*]})"
done

fuzz=(nice -n 19 cargo +nightly fuzz)
build_flags=(--sanitizer "$sanitizer")

say "building ${#targets[@]} target(s) (sanitizer: $sanitizer)"
"${fuzz[@]}" build "${build_flags[@]}" "${targets[@]:0:1}" >/dev/null
[ ${#targets[@]} -gt 1 ] && for t in "${targets[@]:1}"; do "${fuzz[@]}" build "${build_flags[@]}" "$t" >/dev/null; done

logs=fuzz/corpus-run/logs
mkdir -p "$logs"
summary=()
failed=0
for t in "${targets[@]}"; do
  corpus=fuzz/corpus/$t
  seeds=fuzz/seeds/$t
  scratch=fuzz/corpus-run/$t
  artifacts=fuzz/artifacts/$t
  mkdir -p "$corpus" "$artifacts"
  rm -rf "$scratch"
  mkdir -p "$scratch"
  # The saved corpus is copied: the run adds to the copy, cmin minimizes it, and only then
  # does it replace the saved one (an interrupted run leaves fuzz/corpus/ as it was).
  find "$corpus" -maxdepth 1 -type f -exec cp -t "$scratch" {} +
  extra=()
  [ -d "$seeds" ] && extra+=("$seeds")
  before=$(find "$artifacts" -maxdepth 1 -type f | wc -l)

  say "$t: fuzzing for $seconds s"
  log=$logs/$t.log
  status=0
  "${fuzz[@]}" run "${build_flags[@]}" "$t" "$scratch" "${extra[@]}" -- \
    -max_total_time="$seconds" -timeout="$timeout_one" -print_final_stats=1 \
    >"$log" 2>&1 || status=$?

  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
  last=$(grep -E '^#[0-9]+' "$log" | grep -E ' cov: ' | tail -n1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  [ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")
  after=$(find "$artifacts" -maxdepth 1 -type f | wc -l)
  crashes=$(( after - before ))
  if [ "$status" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    failed=1
    say "$t: FAILED (exit $status, $crashes new artifact(s) in $artifacts); log: $log"
    grep -E '^(==[0-9]+==|thread .* panicked|SUMMARY|artifact_prefix|Test unit written)' "$log" | head -n 20 >&2 || true
  fi

  say "$t: minimizing $(find "$scratch" -maxdepth 1 -type f | wc -l) inputs"
  # -set_cover_merge keeps a smaller set than the default merge for the same features.
  if ! "${fuzz[@]}" cmin "${build_flags[@]}" "$t" "$scratch" -- -set_cover_merge=1 \
      >"$logs/$t.cmin.log" 2>&1; then
    failed=1
    say "$t: cmin failed, corpus left as it was; log: $logs/$t.cmin.log"
    summary+=("$(printf '%-14s %12s %8s %6s %6s %10s %s' "$t" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "-" "cmin failed")")
    continue
  fi
  # Prune to the budget, largest first: the large inputs are the deep ones (a whole valid
  # fixture or profile), the small ones mostly syntax errors; measured on fixture_toml, 300
  # largest kept 4007 of 4641 edges, 300 smallest 2538.
  kept=0 bytes=0 pruned=0
  while IFS=' ' read -r size file; do
    if [ "$kept" -lt "$max_files" ] && [ $(( bytes + size )) -le $(( max_kib * 1024 )) ]; then
      kept=$(( kept + 1 )) bytes=$(( bytes + size ))
    else
      rm -f -- "$file"; pruned=$(( pruned + 1 ))
    fi
  done < <(find "$scratch" -maxdepth 1 -type f -printf '%s %p\n' | sort -k1,1nr -k2,2)
  [ "$pruned" -gt 0 ] && say "$t: pruned $pruned input(s) over the budget ($max_files files, $max_kib KiB)"
  find "$corpus" -maxdepth 1 -type f -delete
  find "$scratch" -maxdepth 1 -type f -exec mv -t "$corpus" {} +
  note=ok
  [ "$crashes" -gt 0 ] && note="$crashes crash(es): $artifacts"
  [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ] && note="exit $status: $log"
  summary+=("$(printf '%-14s %12s %8s %6s %6s %10s %s' "$t" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "$kept/$(( (bytes + 1023) / 1024 ))K" "$note")")
done

printf '%-14s %12s %8s %6s %6s %10s %s\n' target runs exec/s cov ft corpus result
printf '%s\n' "${summary[@]}"
exit "$failed"
