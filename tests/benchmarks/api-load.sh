#!/usr/bin/env bash
# Load benchmark of the REST API against a reference peer (run on demand; not part of ./test.sh).
#
#   tests/benchmarks/api-load.sh [--records N] [--duration S] [--rounds R] [--database URL]
#                                [--binary PATH] [--hello PATH] [--build DIR]
#
# Builds the Release binary and the bare QtHttpServer "hello" (bench_hello, in DIR, default
# build/bench: Release with the tests), fills an SQLite database with `admin demo-data --records N`
# (default one million), starts `serve` on loopback and, beside it, the reference peer of
# tests/benchmarks/peer (Node + better-sqlite3, installed there with `npm ci` when missing) on a
# copy of the same file. Checks that both answer two mentors' list pages alike (parsed JSON equal)
# and a POST with the same body, then runs wrk (2 threads, 50 connections, S seconds, default 10)
# on each scenario, the servers in turn (A B A B …, R rounds, default 3; medians): the health GET
# (beside bench_hello's "hello" and the peer's health), one mentor's page 1 again and again (a
# polling phone), a random mentor's page 1, a random mentor's random page, a record POST
# (synchronous=FULL on both), and the project's history and profile (no peer). For each: req/s,
# the ratio project/peer, the server's CPU time per request (utime+stime from /proc over the run /
# requests), its CPU % (over 150 %: both cores), p99 and peak RSS (VmHWM, reset before each run).
# Prints a Markdown table and the command line. --database postgresql://…: the same lists and POST
# on PostgreSQL too (the project only), each with its ratio to the project on SQLite. --binary:
# time that build of coordinator-console instead of building build/release (then bench_hello runs
# only if --hello names it or it lies in ../tests/benchmarks/ beside the binary's folder). Compare
# ratios, not absolute numbers: the machine is noisy.
set -euo pipefail
cd "$(dirname "$0")/../.."

command_line="tests/benchmarks/api-load.sh${*:+ $*}"
records=1000000
duration=10
rounds=3
database=""
bin=""
hello=""
bench_build=build/bench
while [[ $# -gt 0 ]]; do
    case $1 in
        --records) records=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --database) database=$2; shift 2 ;;
        --binary) bin=$2; shift 2 ;;
        --hello) hello=$2; shift 2 ;;
        --build) bench_build=$2; shift 2 ;;
        -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
        *) echo "api-load.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

for tool in wrk curl bc python3 node npm; do
    command -v "$tool" >/dev/null || { scripts/deps.sh test; break; }
done
source tests/benchmarks/common.sh
if [[ -z $bin ]]; then
    bench_console
    if [[ -z $hello ]]; then
        bench_target "$bench_build" bench_hello
        hello=$bench
    fi
elif [[ -z $hello && -x $(dirname "$bin")/../tests/benchmarks/bench_hello ]]; then
    hello=$(dirname "$bin")/../tests/benchmarks/bench_hello
fi

# --- the peer's better-sqlite3, compiled here -------------------------------------------------
# better-sqlite3's install step would download a prebuilt binary (peer/.prebuild-installrc says
# build from source instead) and node-gyp the headers of node (npm_config_nodedir points it at
# the ones installed beside node: Debian's libnode-dev and NodeSource's nodejs put them in
# /usr/include/node, a node from a tarball in its own include/node).
peer_dir=tests/benchmarks/peer
if ! (cd "$peer_dir" && node -e "require('better-sqlite3')" 2>/dev/null); then
    node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
    if [[ -f $node_prefix/include/node/node.h && -f $node_prefix/include/node/common.gypi ]]; then
        nodedir=$node_prefix
    elif [[ -f /usr/include/nodejs/common.gypi ]]; then
        nodedir=/usr/include/nodejs
    else
        echo "api-load.sh: no headers of node $(node --version) in $node_prefix/include/node;" \
            "on Debian: apt-get install libnode-dev (scripts/deps.sh test)" >&2
        exit 1
    fi
    echo "Installing the peer's packages (npm ci, better-sqlite3 compiled against $nodedir)…" >&2
    (cd "$peer_dir" && npm_config_nodedir=$nodedir npm ci --no-audit --no-fund >&2)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/cc-bench.XXXXXX")
pids=()
server_pid=""
cleanup() {
    local p
    for p in "${pids[@]}"; do
        { kill "$p" && wait "$p"; } 2>/dev/null || true
    done
    rm -rf -- "$work"
    return 0
}
trap cleanup EXIT

sqlite_url="sqlite:$work/bench.db"
pg_url=""
case $database in
    "") ;;
    sqlite:*) sqlite_url=$database ;;
    postgresql://*|postgres://*) pg_url=$database ;;
    *) echo "api-load.sh: --database must be sqlite:PATH or postgresql://…" >&2; exit 2 ;;
esac
sqlite_file=${sqlite_url#sqlite:}
sqlite_file=${sqlite_file#//}

bench_fill "$sqlite_url" "$records"
fill_sqlite=$fill
token=$("$bin" admin token issue ingrid --database "$sqlite_url")
auth="Authorization: Bearer $token"
# The peer's own copy, so that its POSTs leave the project's file alone (and the other way round).
python3 - "$sqlite_file" "$work/peer.db" <<'PY'
import sqlite3, sys
source, target = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
source.backup(target)
target.close()
source.close()
PY
if [[ -n $pg_url ]]; then
    bench_fill "$pg_url" "$records"
    fill_pg=$fill
    pg_auth="Authorization: Bearer $("$bin" admin token issue ingrid --database "$pg_url")"
fi

bench_serve "$sqlite_url" "$work/serve.log"
pids+=("$server_pid")
project_pid=$server_pid
project=$base
if [[ -n $pg_url ]]; then
    bench_serve "$pg_url" "$work/serve-pg.log"
    pids+=("$server_pid")
    pg_pid=$server_pid
    pg=$base
fi

# start_listener NAME LOG COMMAND…: starts a server that prints "listening on HOST:PORT"; sets
# $listener_pid and $listener_port.
start_listener() {
    local name=$1 log=$2
    shift 2
    "$@" >"$log.out" 2>"$log" &
    listener_pid=$!
    pids+=("$listener_pid")
    for _ in $(seq 1 200); do
        listener_port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$log.out")
        [[ -n $listener_port ]] && return 0
        kill -0 "$listener_pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "api-load.sh: $name did not start:" >&2
    cat "$log.out" "$log" >&2
    exit 1
}
start_listener peer "$work/peer.log" node "$peer_dir/server.js" --db "$work/peer.db" --port 0
peer_pid=$listener_pid
peer=http://127.0.0.1:$listener_port/api/v1
sed 's/^/  /' "$work/peer.log" >&2
hello_pid=""
if [[ -n $hello ]]; then
    start_listener bench_hello "$work/hello.log" "$hello" --port 0
    hello_pid=$listener_pid
    hello_url=http://127.0.0.1:$listener_port/hello
else
    echo "  no bench_hello (build it: cmake --build BUILD --target bench_hello, then --hello PATH):" \
        "the health row is held against the peer's health only" >&2
fi

# --- what is asked -------------------------------------------------------------------------------
# mentors BASE AUTH: up to 1000 of the caller's mentors, one a line (the peer-mentors list, by name).
mentors() {
    local page
    for page in $(seq 1 10); do
        curl -fs -H "$2" "$1/peer-mentors?limit=100&page=$page" |
            python3 -c 'import json,sys; [print(m["peer_mentor_id"]) for m in json.load(sys.stdin)["data"]]'
    done
}
# A mentor with a long history: the newest record's mentor (one of the bulk mentors).
newest_mentor() {
    curl -fs -H "$2" "$1/notification-records?limit=1" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["peer_mentor_id"])'
}
mentor=$(newest_mentor "$project" "$auth")
mentors "$project" "$auth" >"$work/mentors.txt"
[[ -z $pg_url ]] || {
    pg_mentor=$(newest_mentor "$pg" "$pg_auth")
    mentors "$pg" "$pg_auth" >"$work/mentors-pg.txt"
}

# random.lua IDS PAGES: GET a random mentor's list, page 1 to PAGES. Each wrk thread draws from a
# seed of its own, the same in every run, so every server gets the same requests.
random_lua() {
    {
        echo "local ids = {"
        sed 's/.*/"&",/' "$1"
        echo "}"
        cat <<LUA
local pages = $2
local threads = 0
function setup(thread)
    threads = threads + 1
    thread:set("seed", threads)
end
function init(args)
    math.randomseed(seed * 7919)
end
function request()
    local id = ids[math.random(#ids)]
    local page = pages > 1 and math.random(pages) or 1
    return wrk.format("GET", "/api/v1/notification-records?peer_mentor_id=" .. id .. "&page=" .. page .. "&limit=20")
end
LUA
    } >"$3"
}
random_lua "$work/mentors.txt" 1 "$work/random.lua"
random_lua "$work/mentors.txt" 2 "$work/random-page.lua"
if [[ -n $pg_url ]]; then
    random_lua "$work/mentors-pg.txt" 1 "$work/random-pg.lua"
    random_lua "$work/mentors-pg.txt" 2 "$work/random-page-pg.lua"
fi
record='{"peer_mentor_id":"pm_551e8400","event_type":"pause_activated","effective_date":"2026-03-20","coordinator_id":"coord_9f8e7d6c","channels_notified":["push","in_app"]}'
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$record'
LUA

# --- the peer answers as the project does ------------------------------------------------------------
same() {   # WHAT PROJECT_FILE PEER_FILE [KEYS_TO_IGNORE]: parsed JSON equal, else exit 1
    python3 - "$@" <<'PY' || exit 1
import json, sys
what, a, b = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
ignore = sys.argv[4].split(",") if len(sys.argv) > 4 else []
for key in ignore:
    if (key in a) != (key in b):
        sys.exit(f"api-load.sh: {what}: '{key}' in one answer only")
    a.pop(key, None); b.pop(key, None)
if a != b:
    sys.stderr.write(f"api-load.sh: {what}: the peer's answer differs from the project's\n"
                     f"  project: {json.dumps(a, ensure_ascii=False)[:1500]}\n"
                     f"  peer:    {json.dumps(b, ensure_ascii=False)[:1500]}\n")
    sys.exit(1)
PY
}
check_list() {   # QUERY
    curl -fs -H "$auth" "$project/notification-records?$1" >"$work/a.json"
    curl -fs -H "$auth" "$peer/notification-records?$1" >"$work/b.json"
    same "GET ?$1" "$work/a.json" "$work/b.json"
}
check_list "peer_mentor_id=$mentor&page=1&limit=20"
check_list "peer_mentor_id=$(sed -n '7p' "$work/mentors.txt")&page=2&limit=20"
for side in project peer; do
    status=$(curl -s -o "$work/$side-post.json" -w '%{http_code}' -H "$auth" -H 'Content-Type: application/json' \
        -d "$record" "${!side}/notification-records")
    [[ $status == 201 ]] || { echo "api-load.sh: POST to the $side answered $status" >&2; cat "$work/$side-post.json" >&2; exit 1; }
done
same "POST" "$work/project-post.json" "$work/peer-post.json" id,sent_at
if cmp -s "$work/a.json" "$work/b.json"; then
    echo "  the peer answers as the project does (list pages byte for byte, POST but id and time)" >&2
else
    echo "  the peer answers as the project does (list pages as parsed JSON, POST but id and time)" >&2
fi

# --- measuring ---------------------------------------------------------------------------------------
ticks=$(getconf CLK_TCK)
cpu_ticks() {   # PID: utime + stime so far
    local stat
    stat=$(<"/proc/$1/stat")
    stat=${stat##*) }
    # shellcheck disable=SC2086  # the fields, split
    set -- $stat
    echo $((${12} + ${13}))
}
to_ms() {   # a wrk time (850.00us, 1.23ms, 1.02s, 1.50m) in milliseconds
    awk -v t="$1" 'BEGIN {
        n = t + 0
        if (t ~ /us$/) n /= 1000; else if (t ~ /ms$/) n = n; else if (t ~ /m$/) n *= 60000; else if (t ~ /s$/) n *= 1000
        printf "%.2f", n }'
}
declare -A rps p99 cpu pct hwm
failures=()
# measure KEY PID URL AUTH [LUA]: one wrk run; adds its figures to KEY's lists.
measure() {
    local key=$1 pid=$2 url=$3 header=$4 script=${5:-}
    # A timeout well beyond any p99, so that slow answers count in the latency rather than vanish.
    local args=(-t2 -c50 "-d${duration}s" --timeout 30s --latency -H "$header")
    [[ -n $script ]] && args+=(-s "$script")
    { echo 5 >"/proc/$pid/clear_refs"; } 2>/dev/null || true # VmHWM := VmRSS
    local t0 w0 out t1 w1 requests
    t0=$(cpu_ticks "$pid")
    w0=$(date +%s.%N)
    out=$(wrk "${args[@]}" "$url")
    t1=$(cpu_ticks "$pid")
    w1=$(date +%s.%N)
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    local r p
    r=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
    rps[$key]+=" $r"
    p99[$key]+=" $p"
    cpu[$key]+=" $(echo "scale=1; ($t1 - $t0) * 1000000 / $ticks / $requests" | bc)"
    pct[$key]+=" $(echo "scale=0; ($t1 - $t0) * 100 / $ticks / ($w1 - $w0)" | bc)"
    hwm[$key]+=" $(awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")"
    local errors
    errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr -s ' ' || true)
    if [[ -n $errors ]]; then
        errors="$key: $(tr '\n' ';' <<<"$errors")"
        echo "    $errors" >&2
        failures+=("$errors")
    fi
    echo "    $key: $r req/s, p99 $p ms" >&2
}
median() {   # the median of the numbers given
    printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
med() {   # ARRAY KEY: the median of KEY's figures in ARRAY, or an empty string
    local -n array=$1
    # shellcheck disable=SC2086  # the figures, split
    if [[ -n ${array[$2]:-} ]]; then median ${array[$2]}; fi
}

# scenario NAME PATH [LUA]: the project, the peer (and PostgreSQL) in turn, $rounds rounds.
scenario() {
    local name=$1 path=$2 script=${3:-} _
    echo "  $name" >&2
    for _ in $(seq 1 "$rounds"); do
        measure "$name/project" "$project_pid" "$project$path" "$auth" "$script"
        measure "$name/peer" "$peer_pid" "$peer$path" "$auth" "$script"
        if [[ -n $pg_url && $name != health ]]; then
            local pg_path=${path//$mentor/$pg_mentor} pg_script=${script/.lua/-pg.lua}
            [[ $script == */post.lua ]] && pg_script=$script
            measure "$name/postgresql" "$pg_pid" "$pg$pg_path" "$pg_auth" "$pg_script"
        fi
        if [[ $name == health && -n $hello_pid ]]; then
            measure "health/hello" "$hello_pid" "$hello_url" "$auth"
        fi
    done
}
project_only() {   # NAME PATH
    local _
    echo "  $1 (the project only)" >&2
    for _ in $(seq 1 "$rounds"); do
        measure "$1/project" "$project_pid" "$project$2" "$auth"
    done
}

echo "Measuring: wrk -t2 -c50 -d${duration}s, $rounds rounds…" >&2
scenario health /health
scenario mentor "/notification-records?peer_mentor_id=$mentor&page=1&limit=20"
scenario random "/notification-records" "$work/random.lua"
scenario random-page "/notification-records" "$work/random-page.lua"
project_only history "/notification-records/history/$mentor"
project_only profile "/notification-records/peer-mentor-profile/$mentor"
scenario post "/notification-records" "$work/post.lua"

# --- the table -------------------------------------------------------------------------------------
ratio() { [[ -n $1 && -n $2 ]] && printf '%.2f' "$(echo "scale=4; $1 / $2" | bc)" || echo "—"; }
or_dash() { [[ -n $1 ]] && echo "$1${2:-}" || echo "—"; }
row() {   # LABEL SCENARIO OTHER (peer or hello)
    local a=$2/project b=$2/$3
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" \
        "$(or_dash "$(med rps "$a")")" "$(or_dash "$(med rps "$b")")" "$(ratio "$(med rps "$a")" "$(med rps "$b")")" \
        "$(or_dash "$(med cpu "$a")")" "$(or_dash "$(med cpu "$b")")" \
        "$(or_dash "$(med p99 "$a")" " ms")" "$(or_dash "$(med p99 "$b")" " ms")" \
        "$(or_dash "$(med hwm "$a")" " MiB")" "$(or_dash "$(med hwm "$b")" " MiB")" \
        "$(or_dash "$(med pct "$a")" " %")"
}

busiest=0
for s in mentor random random-page post; do
    p=$(med pct "$s/project")
    [[ -n $p ]] && ((${p%.*} > busiest)) && busiest=${p%.*}
done
node_version=$(node --version)
sqlite_version=$(node -e "console.log(new (require('./$peer_dir/node_modules/better-sqlite3'))(':memory:').prepare('select sqlite_version() v').get().v)")
echo
echo "\`$command_line\`"
echo
echo "API load on $(nproc) cores, $records records on SQLite (filled in ${fill_sqlite%.*} s), wrk -t2 -c50" \
    "${duration} s a run, medians of $rounds rounds taken in turn. Peer: Node $node_version," \
    "better-sqlite3 (SQLite $sqlite_version), one process, on a copy of the same file."
echo
echo "| scenario | project req/s | peer req/s | project / peer | project CPU µs/req | peer CPU µs/req | project p99 | peer p99 | project peak RSS | peer peak RSS | project CPU |"
echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
[[ -n $hello_pid ]] && row "health vs bare QtHttpServer hello" health hello
row "health vs the peer's health" health peer
row "one mentor, page 1 (polling phone)" mentor peer
row "random mentor, page 1" random peer
row "random mentor, random page (1–2)" random-page peer
row "POST record (synchronous=FULL)" post peer
row "history (no peer)" history peer
row "profile (no peer)" profile peer
echo
for f in "${failures[@]}"; do
    echo "Errors in a run: $f"
done
if ((busiest > 150)); then
    echo "Both cores busy under c50: yes (the project's CPU up to $busiest % over a list or POST run)."
else
    echo "Both cores busy under c50: no (the project's CPU at most $busiest % over a list or POST run; 200 % is both cores)."
fi
if [[ -n $pg_url ]]; then
    echo
    echo "The same on PostgreSQL ($records records, filled in ${fill_pg%.*} s), the project only, in the same" \
        "turns; goal: the list at ≥ 0.5× SQLite. CPU and RSS are the project's process alone, not PostgreSQL's."
    echo
    echo "| scenario | PostgreSQL req/s | × SQLite | CPU µs/req | p99 | peak RSS | CPU |"
    echo "|---|--:|--:|--:|--:|--:|--:|"
    for s in mentor random random-page post; do
        k=$s/postgresql
        case $s in
            mentor) label="one mentor, page 1" ;;
            random) label="random mentor, page 1" ;;
            random-page) label="random mentor, random page" ;;
            post) label="POST record" ;;
        esac
        printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$(or_dash "$(med rps "$k")")" \
            "$(ratio "$(med rps "$k")" "$(med rps "$s/project")")" "$(or_dash "$(med cpu "$k")")" \
            "$(or_dash "$(med p99 "$k")" " ms")" "$(or_dash "$(med hwm "$k")" " MiB")" "$(or_dash "$(med pct "$k")" " %")"
    done
fi
