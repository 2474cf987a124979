# shellcheck shell=bash disable=SC2034  # sets $bin, $bench and $fill for the script that sources it
# Sourced by the benchmark scripts beside it (from the repository's root): building what they time
# and filling the database they time it on.

# Builds the Release console (build/release, configured on first use) and sets $bin to it.
bench_console() {
    local build=build/release
    if [[ ! -f $build/CMakeCache.txt ]]; then
        cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >&2
    fi
    cmake --build "$build" -j2 --target coordinator-console >&2
    bin=$build/app/coordinator-console
}

# bench_target BUILD TARGET: builds the benchmark TARGET in BUILD (Release with the tests,
# configured on first use) and sets $bench to it.
bench_target() {
    local build=$1 target=$2
    if [[ ! -f $build/CMakeCache.txt ]]; then
        cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON >&2
    fi
    cmake --build "$build" -j2 --target "$target" >&2
    bench=$build/tests/benchmarks/$target
}

# bench_fill DATABASE RECORDS: the demo organisation, then RECORDS records more, with $bin; sets
# $fill to the seconds the records took.
bench_fill() {
    local database=$1 records=$2 start
    echo "Filling $database with the demo organisation and $records records…" >&2
    "$bin" admin demo-data --database "$database" >/dev/null
    start=$(date +%s.%N)
    "$bin" admin demo-data --records "$records" --database "$database" >/dev/null
    fill=$(echo "$(date +%s.%N) - $start" | bc)
}

# bench_serve DATABASE LOG [OPTION…]: starts `$bin serve` on a free loopback port, plain HTTP and
# without the per-token ceilings (plus OPTION…), its output in LOG; sets $server_pid, $port and
# $base (http://127.0.0.1:PORT/api/v1) once it answers health, else prints LOG and exits 1.
bench_serve() {
    local database=$1 log=$2
    shift 2
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    QT_LOGGING_RULES="console.server.info=false" "$bin" serve --no-tls --listen "127.0.0.1:$port" \
        --database "$database" --max-requests-per-second 1000000 --max-records-per-minute 1000000 "$@" \
        >"$log" 2>&1 &
    server_pid=$!
    base="http://127.0.0.1:$port/api/v1"
    for _ in $(seq 1 100); do
        curl -fs "$base/health" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "serve did not start:" >&2
    cat "$log" >&2
    exit 1
}
