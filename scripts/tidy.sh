#!/usr/bin/env bash
# clang-tidy with the project's .clang-tidy over every production .cpp (app, core, server, ui).
#
#   scripts/tidy.sh [CLANG_TIDY] [BUILD_DIR]    (the `tidy` build target calls it)
#
# Needs BUILD_DIR/compile_commands.json (every configure writes it). Exit 1 when it finds anything.
set -euo pipefail
cd "$(dirname "$0")/.."
tool=${1:-$(command -v clang-tidy-14 || command -v clang-tidy || true)}
build=${2:-build/test}
[[ -n $tool ]] || { echo "tidy: clang-tidy not found (scripts/deps.sh dev installs it)" >&2; exit 1; }
[[ -f $build/compile_commands.json ]] || { echo "tidy: no $build/compile_commands.json: configure first" >&2; exit 1; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
git ls-files -- 'app/*.cpp' 'core/*.cpp' 'server/*.cpp' 'ui/*.cpp' \
    | xargs -P "$(nproc)" -n 4 "$tool" -p "$build" --quiet >"$out" 2>/dev/null || true
if grep -q 'warning:\|error:' "$out"; then
    grep -A3 'warning:\|error:' "$out"
    echo "tidy: $(grep -c 'warning:\|error:' "$out") finding(s)" >&2
    exit 1
fi
echo "tidy: clean" >&2
