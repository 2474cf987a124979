#!/usr/bin/env bash
# Self-test of tools/validate-capture.mjs against ../../resources/openapi.json:
#   1. sample-capture.jsonl (the seed examples as the server answers them) must pass;
#   2. broken-capture.jsonl (an extra field, a wrong type, an undocumented status, route, method
#      and media type, …) must fail, every one of its lines;
#   3. routes.txt (the routes the server registers) must match the document's operations;
#   4. routes-broken.txt (one left out, one added) must not.
# Installs tools/node_modules with `npm ci` when it is missing. Exit 0 when all four hold.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tools=$(dirname "$here")
validate=("node" "$tools/validate-capture.mjs")

if [[ ! -d $tools/node_modules/ajv || ! -d $tools/node_modules/ajv-formats ]]; then
    (cd "$tools" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) || { echo "run.sh: npm ci failed" >&2; exit 1; }
fi

passed=0
failed=0
check() {   # check NAME EXPECTED_STATUS EXPECTED_SUMMARY_REGEX -- COMMAND...
    local name=$1 want=$2 summary=$3
    shift 4
    local out status
    out=$("$@" 2>&1)
    status=$?
    if [[ $status -eq $want ]] && grep -Eqx "$summary" <<<"$out"; then
        echo "ok   $name"
        passed=$((passed + 1))
    else
        echo "FAIL $name (exit $status, wanted $want; summary wanted: $summary)"
        sed 's/^/     | /' <<<"$out"
        failed=$((failed + 1))
    fi
}

broken_lines=$(grep -c . "$here/broken-capture.jsonl")
check "sample capture passes" 0 'openapi-responses: [1-9][0-9]* passed, 0 failed' -- \
    "${validate[@]}" "$here/sample-capture.jsonl"
check "broken capture fails on each of its $broken_lines lines" 1 "openapi-responses: 0 passed, $broken_lines failed" -- \
    "${validate[@]}" "$here/broken-capture.jsonl"
check "registered routes match the document" 0 'openapi-routes: [1-9][0-9]* passed, 0 failed' -- \
    "${validate[@]}" --routes "$here/routes.txt"
check "wrong routes are reported" 1 'openapi-routes: [0-9]+ passed, 2 failed' -- \
    "${validate[@]}" --routes "$here/routes-broken.txt"

echo "validate-capture-selftest: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
