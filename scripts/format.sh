#!/usr/bin/env bash
# Checks (--check) or rewrites (--fix) every tracked C++ file with the project's .clang-format.
#
#   scripts/format.sh --check [CLANG_FORMAT]   exit 1 naming each unformatted file; 77 when no
#                                              clang-format 14 is there to check with
#   scripts/format.sh --fix [CLANG_FORMAT]     format them in place
#
# The tree is kept in clang-format 14's format (Debian 12); other major versions differ in details.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
tool=${2:-}
[[ $mode == --check || $mode == --fix ]] || { echo "usage: $0 --check|--fix [CLANG_FORMAT]" >&2; exit 2; }
if [[ -z $tool || $tool == *NOTFOUND ]]; then
    tool=$(command -v clang-format-14 || command -v clang-format || true)
fi
if [[ -z $tool ]]; then
    echo "format: clang-format not found (scripts/deps.sh test installs it)" >&2
    [[ $mode == --check ]] && exit 77
    exit 1
fi
version=$("$tool" --version | sed -n 's/.*version \([0-9]*\)\..*/\1/p')
if [[ $mode == --check && $version != 14 ]]; then
    echo "format: skipped: $tool is version $version; the tree is kept in clang-format 14's format" >&2
    exit 77
fi

mapfile -t files < <(git ls-files -- '*.cpp' '*.h' 2>/dev/null || find app core server ui tests -name '*.cpp' -o -name '*.h')
if [[ ${#files[@]} -eq 0 ]]; then
    echo "format: no C++ files found" >&2
    exit 1
fi

if [[ $mode == --fix ]]; then
    "$tool" -i --style=file "${files[@]}"
    echo "format: formatted ${#files[@]} files with $tool" >&2
    exit 0
fi

bad=()
for f in "${files[@]}"; do
    "$tool" --style=file --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [[ ${#bad[@]} -gt 0 ]]; then
    printf 'format: %d file(s) not formatted with .clang-format (run: cmake --build BUILD --target format):\n' "${#bad[@]}" >&2
    printf '  %s\n' "${bad[@]}" >&2
    exit 1
fi
echo "format: ${#files[@]} files formatted" >&2
