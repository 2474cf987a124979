#!/usr/bin/env bash
# Load benchmark of the REST API (run on demand; not part of ./test.sh).
#
#   tests/benchmarks/api-load.sh [--records N] [--duration S] [--database URL]
#
# Builds the Release binary, fills a database with `admin demo-data --records N` (default one
# million), starts `serve` on loopback and measures with wrk: a bare health GET, a filtered list
# page, a history, a profile and a record POST, each at 1 and 50 connections. Prints req/s and p99
# latency, and each one's ratio to the health GET of the same run: compare ratios, not absolute
# numbers, because the machine is noisy.
set -euo pipefail
cd "$(dirname "$0")/../.."

records=1000000
duration=10
database=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --records) records=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --database) database=$2; shift 2 ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "api-load.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

command -v wrk >/dev/null || scripts/deps.sh test
source tests/benchmarks/common.sh
bench_console

work=$(mktemp -d "${TMPDIR:-/tmp}/cc-bench.XXXXXX")
server_pid=""
cleanup() {
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf -- "$work"
}
trap cleanup EXIT
[[ -n $database ]] || database="sqlite:$work/bench.db"

bench_fill "$database" "$records"
token=$("$bin" admin token issue ingrid --database "$database")

bench_serve "$database" "$work/serve.log"

auth="Authorization: Bearer $token"
# A mentor with a long history: the newest record's mentor (one of the bulk mentors).
mentor=$(curl -fs -H "$auth" "$base/notification-records?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["peer_mentor_id"])')

cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"peer_mentor_id":"pm_551e8400","event_type":"pause_activated","effective_date":"2026-03-20","coordinator_id":"coord_9f8e7d6c","channels_notified":["push","in_app"]}'
LUA

declare -A rps p99
run() {   # name connections url [lua]
    local name=$1 c=$2 url=$3 script=${4:-}
    local args=(-t1 "-c$c" "-d${duration}s" --latency -H "$auth")
    [[ -n $script ]] && args+=(-s "$script")
    local out
    out=$(wrk "${args[@]}" "$url")
    rps[$name/$c]=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99[$name/$c]=$(awk '$1 == "99%" {print $2}' <<<"$out")
    local errors
    errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
    [[ -n $errors ]] && echo "  $name/$c: $errors" >&2
    echo "  $name at $c: ${rps[$name/$c]} req/s, p99 ${p99[$name/$c]}" >&2
}

names=(health list history profile post)
for c in 1 50; do
    run health "$c" "$base/health"
    run list "$c" "$base/notification-records?coordinator_id=coord_9f8e7d6c&event_type=pause_activated&page=3&limit=20"
    run history "$c" "$base/notification-records/history/$mentor"
    run profile "$c" "$base/notification-records/peer-mentor-profile/$mentor"
    run post "$c" "$base/notification-records" "$work/post.lua"
done

echo
echo "API load, $(nproc) cores, $records records ($(echo "$database" | cut -d: -f1)), filled in ${fill%.*} s, wrk ${duration}s per row"
printf '| %-8s | %11s | %9s | %8s | %11s | %9s | %8s |\n' endpoint "req/s (1)" "p99 (1)" "× health" "req/s (50)" "p99 (50)" "× health"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' ---------- ------------- ----------- ---------- ------------- ----------- ----------
for n in "${names[@]}"; do
    r1=$(printf "%.3f" "$(echo "scale=4; ${rps[$n/1]} / ${rps[health/1]}" | bc)")
    r50=$(printf "%.3f" "$(echo "scale=4; ${rps[$n/50]} / ${rps[health/50]}" | bc)")
    printf '| %-8s | %11s | %9s | %8s | %11s | %9s | %8s |\n' "$n" "${rps[$n/1]}" "${p99[$n/1]}" "$r1" "${rps[$n/50]}" "${p99[$n/50]}" "$r50"
done
