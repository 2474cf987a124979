#!/usr/bin/env bash
# What open event streams cost the request path (run on demand; not part of ./test.sh).
#
#   tests/benchmarks/event-streams.sh [--records N] [--streams S] [--duration D] [--rounds R]
#                                     [--binary PATH]
#
# Builds the Release binary, fills a database with `admin demo-data --records N` (default
# 100 000), starts `serve` (plain HTTP on loopback) and measures the list GET under load (wrk,
# 2 threads, 50 connections, D seconds) while a writer records 5 pauses a second, alternately
# without and with S open event streams (default 200) that read every event: A B A B …, R rounds
# (default 3). Then S/4 streams that never read while 2 000 records are written: the server's
# memory must stay bounded (it drops a reader more than 256 KiB behind). Prints the medians, the
# ratio "with streams / without" and the server's resident memory. --binary: time that build of
# coordinator-console instead of building build/release.
set -euo pipefail
cd "$(dirname "$0")/../.."

records=100000
streams=200
duration=10
rounds=3
bin=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --records) records=$2; shift 2 ;;
        --streams) streams=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --binary) bin=$2; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "event-streams.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

command -v wrk >/dev/null || scripts/deps.sh test
source tests/benchmarks/common.sh
[[ -n $bin ]] || bench_console

work=$(mktemp -d "${TMPDIR:-/tmp}/cc-bench.XXXXXX")
server_pid=""
helpers=()
cleanup() {
    local p
    for p in "${helpers[@]}"; do kill "$p" 2>/dev/null || true; done
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf -- "$work"
}
trap cleanup EXIT
database="sqlite:$work/bench.db"
bench_fill "$database" "$records"
token=$("$bin" admin token issue ingrid --database "$database")

bench_serve "$database" "$work/serve.log" --max-event-streams 100000 --max-event-streams-per-user 100000
auth="Authorization: Bearer $token"
record='{"peer_mentor_id":"pm_551e8400","event_type":"pause_activated","effective_date":"2026-03-20","coordinator_id":"coord_9f8e7d6c","channels_notified":["push"]}'

rss() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$server_pid/status"; }

# holder.py COUNT read|stall: opens COUNT event streams and reads them (or never does) until killed;
# on SIGTERM prints how many events the readers got.
cat >"$work/holder.py" <<'PY'
import selectors, signal, socket, sys
count, mode, port, token = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
sel = selectors.DefaultSelector()
socks = []
for _ in range(count):
    s = socket.create_connection(("127.0.0.1", port))
    if mode == "stall":
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.sendall(b"GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token.encode() + b"\r\n\r\n")
    socks.append(s)
    if mode == "read":
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ)
events = 0
def done(*_):
    print(events, flush=True)
    sys.exit(0)
signal.signal(signal.SIGTERM, done)
print("open", flush=True)
while True:
    if mode == "read":
        for key, _ in sel.select(timeout=1):
            data = key.fileobj.recv(65536)
            events += data.count(b"\nevent: record.created")
            if not data:
                sel.unregister(key.fileobj)
    else:
        signal.pause()
PY

writer() { # records 5 pauses a second until killed
    while true; do
        curl -fs -o /dev/null -X POST "$base/notification-records" -H "$auth" -H 'Content-Type: application/json' -d "$record" || true
        sleep 0.2
    done
}

list_rps() {
    wrk -t2 -c50 "-d${duration}s" -H "$auth" \
        "$base/notification-records?coordinator_id=coord_9f8e7d6c&event_type=pause_activated&page=3&limit=20" |
        awk '/Requests\/sec/ {print $2}'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

writer &
helpers+=($!)
without=()
with=()
rss_without=0
rss_with=0
received=0
for ((r = 1; r <= rounds; r++)); do
    without+=("$(list_rps)")
    rss_without=$(rss)
    echo "  round $r without streams: ${without[-1]} req/s, serve ${rss_without} MiB" >&2
    python3 "$work/holder.py" "$streams" read "$port" "$token" >"$work/holder.out" &
    holder=$!
    until grep -q open "$work/holder.out" 2>/dev/null; do sleep 0.1; done
    with+=("$(list_rps)")
    rss_with=$(rss)
    kill "$holder"
    wait "$holder" || true
    received=$(tail -n 1 "$work/holder.out")
    echo "  round $r with $streams streams: ${with[-1]} req/s, serve ${rss_with} MiB, $received record events read" >&2
done
kill "${helpers[0]}"

# Readers that never read, while 2 000 records are written.
stallers=$((streams / 4))
python3 "$work/holder.py" "$stallers" stall "$port" "$token" >"$work/stall.out" &
helpers+=($!)
until grep -q open "$work/stall.out" 2>/dev/null; do sleep 0.1; done
rss_before=$(rss)
for ((i = 0; i < 20; i++)); do
    seq 1 100 | xargs -P 4 -I{} curl -fs -o /dev/null -X POST "$base/notification-records" -H "$auth" \
        -H 'Content-Type: application/json' -d "$record"
done
sleep 1
rss_after=$(rss)
dropped=$(curl -fs -o /dev/null -w '%{http_code}' "$base/health")

a=$(printf '%s\n' "${without[@]}" | median)
b=$(printf '%s\n' "${with[@]}" | median)
echo
echo "Event streams, $(nproc) cores, $records records (sqlite), list GET with wrk -t2 -c50 ${duration}s, medians of $rounds (A B A B)"
echo "| list GET | req/s | × without | serve RSS |"
echo "|---|---:|---:|---:|"
printf '| without streams | %s | 1.00 | %s MiB |\n' "$a" "$rss_without"
printf '| with %s open streams (%s record events read in the last round) | %s | %s | %s MiB |\n' \
    "$streams" "$received" "$b" "$(printf '%.2f' "$(echo "scale=4; $b / $a" | bc)")" "$rss_with"
echo
echo "$stallers streams that never read, 2 000 records written: serve RSS ${rss_before} MiB before, ${rss_after} MiB after (health $dropped)"
