#!/usr/bin/env bash
# Build and run the whole test suite.
#
#   ./test.sh               all tests
#   ./test.sh -R Ids        extra arguments go to ctest (here: only tests matching "Ids")
#   WITH_ASAN=1 ./test.sh   build with AddressSanitizer + UBSan
#
# Installs missing Debian packages (scripts/deps.sh test), configures
# build/test once (RelWithDebInfo, BUILD_TESTING=ON), builds incrementally,
# starts a throwaway PostgreSQL cluster (CC_TEST_POSTGRES_URL) that is removed
# again on exit, runs ctest, and — when tools/package.json exists — the
# OpenAPI lint and response check (ctest runs them; npm installs tools/ first),
# then each libFuzzer target for CC_FUZZ_SECONDS (30; 0 skips) in build/fuzz.
# Exit status: ctest's status, else the fuzzing's.
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=build/test

export QT_QPA_PLATFORM=offscreen
export CTEST_OUTPUT_ON_FAILURE=1
# Sanitizer defaults (only take effect in a WITH_ASAN build; the caller's settings win).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

log() { printf 'test.sh: %s\n' "$*" >&2; }

scripts/deps.sh test

# --- configure (once; again only when WITH_ASAN changes) --------------------
want_asan=OFF
if [[ ${WITH_ASAN:-0} == 1 || ${WITH_ASAN:-} == ON ]]; then
    want_asan=ON
fi

cached_asan() {
    sed -n 's/^WITH_ASAN:BOOL=//p' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null | head -n 1
}

if [[ ! -f $BUILD_DIR/CMakeCache.txt ]] || [[ ! -f $BUILD_DIR/build.ninja && ! -f $BUILD_DIR/Makefile ]]; then
    generator=()
    if command -v ninja >/dev/null 2>&1 && [[ ! -f $BUILD_DIR/CMakeCache.txt ]]; then
        generator=(-G Ninja)
    fi
    log "configuring $BUILD_DIR (WITH_ASAN=$want_asan)"
    cmake -S . -B "$BUILD_DIR" "${generator[@]}" \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON -DWITH_ASAN="$want_asan"
elif [[ $(cached_asan) != "$want_asan" ]]; then
    log "reconfiguring $BUILD_DIR: WITH_ASAN $(cached_asan) -> $want_asan (full rebuild)"
    cmake -S . -B "$BUILD_DIR" -DWITH_ASAN="$want_asan"
fi

log "building $BUILD_DIR"
cmake --build "$BUILD_DIR" -j2

# --- throwaway PostgreSQL ----------------------------------------------------
pg_tmp=""
pg_dir=""
# shellcheck disable=SC2317  # invoked from the traps below
cleanup() {
    if [[ -n $pg_dir ]]; then
        scripts/pg-cluster.sh stop "$pg_dir" || log "warning: could not stop the cluster in $pg_dir"
        pg_dir=""
    fi
    if [[ -n $pg_tmp ]]; then
        rm -rf -- "$pg_tmp"
        pg_tmp=""
    fi
}
trap cleanup EXIT
trap 'cleanup; trap - INT; kill -INT $$' INT
trap 'cleanup; trap - TERM; kill -TERM $$' TERM

pg_tmp=$(mktemp -d "${TMPDIR:-/tmp}/cc-test-pg.XXXXXX")
# As root the server runs as user postgres, which must be able to enter the folder;
# pg-cluster.sh creates the cluster folder inside and chowns it.
chmod 755 "$pg_tmp"
pg_dir=$pg_tmp/cluster
log "starting throwaway PostgreSQL in $pg_dir"
CC_TEST_POSTGRES_URL=$(scripts/pg-cluster.sh start "$pg_dir")
export CC_TEST_POSTGRES_URL
log "CC_TEST_POSTGRES_URL=$CC_TEST_POSTGRES_URL"

# --- API tooling (OpenAPI lint and response validation run as ctest tests) -------
if [[ -f tools/package.json ]] && { [[ ! -d tools/node_modules ]] || [[ tools/package-lock.json -nt tools/node_modules ]]; }; then
    log "npm ci --prefix tools"
    # --ignore-scripts: no install script is needed (core-js only prints a banner), and Debian 13's
    # npm 9.2 dies in them ("Exit handler never called").
    npm ci --prefix tools --no-audit --no-fund --ignore-scripts </dev/null
    touch tools/node_modules
fi

# --- tests -------------------------------------------------------------------
status=0
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 "$@" </dev/null || status=$?
if ((status != 0)); then
    log "ctest FAILED (status $status)"
fi

# --- fuzz targets (libFuzzer, clang; tests/fuzz) ------------------------------
# Each parser that takes outside bytes runs CC_FUZZ_SECONDS (30) from its seed corpus, in a clang
# build of core and server of its own. Skipped when ctest was given arguments or
# CC_FUZZ_SECONDS=0.
FUZZ_DIR=build/fuzz
fuzz_seconds=${CC_FUZZ_SECONDS:-30}
if [[ $# -eq 0 && $fuzz_seconds != 0 ]]; then
    if [[ ! -f $FUZZ_DIR/CMakeCache.txt ]]; then
        log "configuring $FUZZ_DIR (clang, WITH_FUZZING)"
        CC=clang CXX=clang++ cmake -S . -B "$FUZZ_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DWITH_FUZZING=ON -DBUILD_TESTING=OFF >/dev/null
    fi
    cmake "$FUZZ_DIR" -DCC_FUZZ_SECONDS="$fuzz_seconds" >/dev/null
    log "building $FUZZ_DIR"
    cmake --build "$FUZZ_DIR" -j2
    fuzz_status=0
    ctest --test-dir "$FUZZ_DIR" --output-on-failure -j2 </dev/null || fuzz_status=$?
    if ((fuzz_status != 0)); then
        log "fuzzing FAILED (status $fuzz_status): the input that failed is in $FUZZ_DIR/tests/fuzz"
        ((status != 0)) || status=$fuzz_status
    fi
fi
exit "$status"
