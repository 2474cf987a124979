#!/usr/bin/env bash
# Backup and restore benchmark (run on demand; not part of ./test.sh).
#
#   tests/benchmarks/backup.sh [--records N] [--repeat R] [--database URL] [--build DIR]
#
# Builds the Release binary (build/release) and the benchmark (DIR, default build/bench), fills a
# database with `admin demo-data` and `admin demo-data --records N` (default 100 000), then times
# Backup::run with SQLite's own copy (VACUUM INTO) and row by row, and Backup::restore into a new
# SQLite file. Prints a markdown table of medians with their ratio to SQLite's own copy: compare
# ratios, not absolute numbers, because the machine is noisy.
set -euo pipefail
cd "$(dirname "$0")/../.."

records=100000
repeat=5
database=""
bench_build=build/bench
while [[ $# -gt 0 ]]; do
    case $1 in
        --records) records=$2; shift 2 ;;
        --repeat) repeat=$2; shift 2 ;;
        --database) database=$2; shift 2 ;;
        --build) bench_build=$2; shift 2 ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "backup.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

source tests/benchmarks/common.sh
bench_console
bench_target "$bench_build" bench_backup

work=$(mktemp -d "${TMPDIR:-/tmp}/cc-bench.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
[[ -n $database ]] || database="sqlite:$work/bench.db"

bench_fill "$database" "$records"

table=$(TMPDIR=$work "$bench" --database "$database" --repeat "$repeat")
echo
echo "Backup and restore, $(nproc) cores, $records records ($(echo "$database" | cut -d: -f1))"
echo "$table"
