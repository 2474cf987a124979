#!/usr/bin/env bash
# Where a request's CPU goes (run on demand; not part of ./test.sh).
#
#   tests/benchmarks/profile.sh [--records N] [--requests N] [--database URL] [--binary PATH]
#                               [--top N] [--out DIR] [--filled]
#
# Fills a database like api-load.sh (default one million records), starts `serve` under
# valgrind's callgrind with instrumentation off, then for each scenario switches it on, sends
# --requests requests (default 200) over one keep-alive connection, switches it off and dumps.
# Prints per scenario the instructions per request and the functions that cost most, inclusive
# (what a call and everything under it cost) and exclusive; the raw callgrind files stay in --out
# (default a temporary folder, removed) for kcachegrind or callgrind_annotate.
#
# Instruction counts do not depend on how busy the machine is, so profiles of two commits compare
# even on a noisy machine. They do not show waiting: an fsync or a PostgreSQL round trip costs
# few instructions and much time; api-load.sh measures that.
#
# --filled: the --database given is already filled (by an earlier run): profile it as it is, so
# that two commits are profiled on the same data.
# --binary defaults to the RelWithDebInfo build of ./test.sh (build/test: optimised, with symbols).
set -euo pipefail
cd "$(dirname "$0")/../.."

records=1000000
requests=200
database=""
bin=build/test/app/coordinator-console
top=25
out=""
filled=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --records) records=$2; shift 2 ;;
        --requests) requests=$2; shift 2 ;;
        --database) database=$2; shift 2 ;;
        --binary) bin=$2; shift 2 ;;
        --top) top=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --filled) filled=1; shift ;;
        -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "profile.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

command -v valgrind >/dev/null || scripts/deps.sh dev
[[ -x $bin ]] || { echo "profile.sh: $bin not found: build it (./test.sh) or give --binary" >&2; exit 2; }
source tests/benchmarks/common.sh

work=$(mktemp -d "${TMPDIR:-/tmp}/cc-profile.XXXXXX")
server_pid=""
cleanup() {
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf -- "$work"
}
trap cleanup EXIT
[[ -n $database ]] || database="sqlite:$work/bench.db"
[[ -n $out ]] || out=$work/callgrind
mkdir -p "$out"

if ((filled)); then
    [[ -n $database ]] || { echo "profile.sh: --filled needs --database" >&2; exit 2; }
else
    bench_fill "$database" "$records"
fi
token=$("$bin" admin token issue ingrid --database "$database")
auth="Authorization: Bearer $token"

# serve under callgrind: slow (about 50×), so give it time to answer health.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
QT_LOGGING_RULES="console.server.info=false" valgrind --tool=callgrind --instr-atstart=no \
    --callgrind-out-file="$out/callgrind.%p" "$bin" serve --no-tls --listen "127.0.0.1:$port" \
    --database "$database" --max-requests-per-second 1000000 --max-records-per-minute 1000000 \
    >"$work/serve.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port/api/v1"
for _ in $(seq 1 600); do
    curl -fs "$base/health" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.2
done
curl -fs "$base/health" >/dev/null || { echo "serve did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }

mentor=$(curl -fs -H "$auth" "$base/notification-records?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["peer_mentor_id"])')
post='{"peer_mentor_id":"pm_551e8400","event_type":"pause_activated","effective_date":"2026-03-20","coordinator_id":"coord_9f8e7d6c","channels_notified":["push","in_app"]}'

# scenario NAME URL [curl option…]: one warm-up request, then $requests with collection on.
scenario() {
    local name=$1 url=$2
    shift 2
    curl -s -o /dev/null -H "$auth" "$@" "$url"
    callgrind_control -i on "$server_pid" >/dev/null 2>&1
    local urls=()
    for ((i = 0; i < requests; i++)); do urls+=(-o /dev/null "$url"); done
    curl -s -H "$auth" "$@" "${urls[@]}"
    callgrind_control -i off "$server_pid" >/dev/null 2>&1
    callgrind_control -d "$name" "$server_pid" >/dev/null 2>&1
}

scenario health "$base/health"
scenario list "$base/notification-records?peer_mentor_id=$mentor&page=1&limit=20"
scenario list-filtered "$base/notification-records?coordinator_id=coord_9f8e7d6c&event_type=pause_activated&page=3&limit=20"
scenario post "$base/notification-records" -H "Content-Type: application/json" -d "$post"

# top_functions: callgrind_annotate's function lines → "per-request  share  function [library]".
top_functions() {
    awk -v n="$requests" -v top="$top" '
        /^-+$/ { dashes++; next }
        dashes >= 5 && shown < top && match($0, /^ *[0-9,]+ +\( *[0-9.]+%\) +/) {
            head = substr($0, 1, RLENGTH); fn = substr($0, RLENGTH + 1)
            split(head, f, "(")
            ir = f[1]; gsub(/[ ,]/, "", ir); pct = f[2]; gsub(/[ )]/, "", pct)
            sub(/^[^:]*:/, "", fn)
            if (match(fn, /\[[^]]*\]$/)) {
                k = split(substr(fn, RSTART + 1, RLENGTH - 2), parts, "/")
                fn = substr(fn, 1, RSTART - 2) " [" parts[k] "]"
            }
            printf "%12d %7s  %s\n", ir / n, pct, substr(fn, 1, 150); shown++ }'
}

data="$records records"
((filled)) && data="the filled database"
echo "Profile: $(git rev-parse --short HEAD), $data ($(echo "$database" | cut -d: -f1)), $requests requests per scenario, $bin"
for name in health list list-filtered post; do
    file=$(grep -l -x "desc: Trigger: dump $name" "$out"/callgrind.* 2>/dev/null | head -n 1)
    [[ -n $file ]] || { echo "no dump for $name" >&2; continue; }
    total=$(callgrind_annotate "$file" 2>/dev/null | awk '/PROGRAM TOTALS/ && !done {gsub(",", "", $1); print $1; done = 1}')
    echo
    echo "== $name: $((total / requests)) instructions per request =="
    echo "-- inclusive (instructions per request, share of the total, function) --"
    callgrind_annotate --auto=no --inclusive=yes "$file" 2>/dev/null | top_functions
    echo "-- exclusive --"
    callgrind_annotate --auto=no "$file" 2>/dev/null | top_functions
done
