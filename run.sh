#!/usr/bin/env bash
# Build (Release) and run Coordinator Console.
#
#   ./run.sh              the desktop console with the embedded API server: first-start setup
#                         (your organisation, or demo data) on a new database, else sign-in;
#                         `serve` when there is no display
#   ./run.sh serve …      embedded REST server only
#   ./run.sh ARGS…        any other arguments go to the binary unchanged
#
# Installs missing Debian packages first (scripts/deps.sh run), configures
# build/release once, and rebuilds incrementally. Build output goes to stderr
# so that stdout belongs to the application.
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=build/release
BINARY=$BUILD_DIR/app/coordinator-console

scripts/deps.sh run

configured() {
    [[ -f $1/CMakeCache.txt ]] && [[ -f $1/build.ninja || -f $1/Makefile ]]
}

if ! configured "$BUILD_DIR"; then
    generator=()
    if command -v ninja >/dev/null 2>&1 && [[ ! -f $BUILD_DIR/CMakeCache.txt ]]; then
        generator=(-G Ninja)
    fi
    echo "run.sh: configuring $BUILD_DIR" >&2
    cmake -S . -B "$BUILD_DIR" "${generator[@]}" \
        -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >&2
fi

echo "run.sh: building $BUILD_DIR" >&2
cmake --build "$BUILD_DIR" -j2 >&2

if [[ ! -x $BINARY ]]; then
    echo "run.sh: error: $BINARY was not built" >&2
    exit 1
fi

if [[ $# -eq 0 && -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
    echo "run.sh: no display (\$DISPLAY and \$WAYLAND_DISPLAY are empty): starting the REST server instead of the desktop console (\`$0 serve\`)" >&2
    set -- serve
fi

exec "$BINARY" "$@"
