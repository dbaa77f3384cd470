#!/usr/bin/env bash
# Runs the BenchmarkDotNet suites and writes benchmarks/results/latest.md (quick) or full.md (mean, ratio to the Typed.S3 baseline,
# allocated bytes per operation and per row), plus BenchmarkDotNet's own markdown reports under
# benchmarks/results/<mode>/.
#   benchmarks/run.sh --quick     short job (8 warmup, 3 measured iterations, 1 launch), 10k rows only, and a 500k-row
#                                 (about 49 MB) object in the end-to-end S3 suite: minutes
#   benchmarks/run.sh             full: 1 launch, 6 warmup and 15 measured iterations (each at least 500 ms), 10k and
#                                 1M rows, a 2.1M-row (about 206 MB) object end to end: about half an hour on 2 cores
# The end-to-end suites read from Ceph's RADOS Gateway, which the benchmark program starts once on 127.0.0.1 (objects
# in memory): its Debian packages (radosgw ceph-mon ceph-osd ceph-common) are installed when missing, as root or
# through sudo -n.
# Extra arguments go to BenchmarkDotNet (e.g. --filter '*Csv*').
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mode=full
args=()
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick ;;
    *) args+=("$arg") ;;
  esac
done

filter=('*')
if printf '%s\n' "${args[@]+"${args[@]}"}" | grep -qx -- '--filter'; then filter=(); fi
job=()
if [[ "$mode" == quick ]]; then
  export TYPEDS3_BENCH_ROWS=10000
  export TYPEDS3_BENCH_LARGE_ROWS=500000
  # 8 warmup rather than the short job's 3: the end-to-end suites (SDK, HTTP, globbing) are still tiering up after 3.
  job=(--job short --warmupCount 8)
else
  unset TYPEDS3_BENCH_ROWS TYPEDS3_BENCH_LARGE_ROWS
  job=(--launchCount 1 --warmupCount 6 --iterationCount 15)
fi

artifacts="$here/results/$mode"
rm -rf "$artifacts"
export TYPEDS3_BENCH_MODE="$mode"
# The quick mode's table is latest.md; the full mode's, which the README quotes, full.md.
if [[ "$mode" == quick ]]; then summary="$here/results/latest.md"; else summary="$here/results/full.md"; fi
export TYPEDS3_BENCH_SUMMARY="$summary"
cd "$here/Typed.S3.Benchmarks"
dotnet run -c Release -- \
  ${filter[@]+--filter "${filter[@]}"} "${job[@]+"${job[@]}"}" \
  --memory --exporters github --artifacts "$artifacts" "${args[@]+"${args[@]}"}"
# Keep the markdown reports; drop the logs and BenchmarkDotNet's build output.
find "$artifacts" -mindepth 1 -maxdepth 1 ! -name results -exec rm -rf {} +
echo "Results: $TYPEDS3_BENCH_SUMMARY"
