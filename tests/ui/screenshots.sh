#!/usr/bin/env bash
# Pictures of the console: starts it under Xvfb on demo data (a fresh SQLite file) and saves a PNG
# of every page, and of the sign-in and first-start dialogs, in English and Norwegian, and in
# English with a dark palette.
#
#   tests/ui/screenshots.sh [OUT_DIR]     (default: build/screenshots)
#
# Uses the test build (build/test, configured like ./test.sh does) and needs xvfb-run (Debian: xvfb).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-build/screenshots}
BUILD=${BUILD_DIR:-build/test}

scripts/deps.sh test
if [[ ! -f $BUILD/CMakeCache.txt ]]; then
    cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug >&2
fi
cmake --build "$BUILD" -j2 --target coordinator-console console_screenshots >&2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="sqlite:$work/demo.db"
"$BUILD/app/coordinator-console" admin demo-data --database "$db" >"$work/accounts.txt"
admin=$(awk '/org_admin/ {print $1; exit}' "$work/accounts.txt")
password=$(awk '/org_admin/ {print $3; exit}' "$work/accounts.txt")
if [[ -z $admin ]]; then
    echo "screenshots: no org admin in the demo data:" >&2
    cat "$work/accounts.txt" >&2
    exit 1
fi
mkdir -p "$OUT"
for language in en nb; do
    # A desktop-sized screen with the fonts a Debian desktop has; the platform is the real xcb one.
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x860x24 -dpi 96" \
        "$BUILD/tests/ui/console_screenshots" --database "$db" --user "$admin" --password "$password" --language "$language" --out "$OUT"
done
# And in English with a dark palette: the icons, charts and highlighting follow it.
QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x860x24 -dpi 96" \
    "$BUILD/tests/ui/console_screenshots" --database "$db" --user "$admin" --password "$password" --language en --dark --out "$OUT"
echo "screenshots: saved in $OUT" >&2
