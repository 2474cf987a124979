#!/usr/bin/env bash
# Scrolling benchmark of the console's records page (run on demand; not part of ./test.sh).
#
#   tests/benchmarks/records-model.sh [--records N] [--repeat R] [--database URL] [--build DIR]
#
# Builds the Release binary (build/release) and the benchmark (DIR, default build/bench: Release
# with the tests), fills a database with `admin demo-data` and `admin demo-data --records N`
# (default one million), then times RecordsModel as the demo org admin: opening it, its keyset
# pages (fetchMore) after 0, 10 000, 100 000, 500 000 and ~990 000 rows, the same over one
# coordinator's pause_activated records, window()'s OFFSET pages at the same depths, and
# totalCount(). Prints a markdown table with each median's ratio to the first page of the same
# list: compare ratios, not absolute numbers, because the machine is noisy. Before the table, a
# process of its own scrolls all records top to bottom and reports its peak memory (VmHWM).
set -euo pipefail
cd "$(dirname "$0")/../.."

records=1000000
repeat=7
database=""
bench_build=build/bench
while [[ $# -gt 0 ]]; do
    case $1 in
        --records) records=$2; shift 2 ;;
        --repeat) repeat=$2; shift 2 ;;
        --database) database=$2; shift 2 ;;
        --build) bench_build=$2; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "records-model.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

source tests/benchmarks/common.sh
bench_console
bench_target "$bench_build" bench_recordsmodel

work=$(mktemp -d "${TMPDIR:-/tmp}/cc-bench.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
[[ -n $database ]] || database="sqlite:$work/bench.db"

bench_fill "$database" "$records"

echo >&2
scroll=$("$bench" --database "$database" --scroll)
table=$("$bench" --database "$database" --repeat "$repeat")
echo
echo "Records model, $(nproc) cores, $records records ($(echo "$database" | cut -d: -f1)), filled in ${fill%.*} s"
echo "$table"
echo
echo "$scroll"
