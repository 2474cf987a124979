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
