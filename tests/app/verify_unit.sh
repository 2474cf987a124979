#!/usr/bin/env bash
# systemd_unit_valid: `systemd-analyze verify` accepts the service unit (as installed: ExecStart's
# /usr/bin/coordinator-console may be missing here, so a stand-in executable is put on a copy's path).
#   tests/app/verify_unit.sh UNIT            exit 77 (skipped) where systemd-analyze is not installed
set -euo pipefail
unit=${1:?usage: verify_unit.sh UNIT}
if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "systemd-analyze not found: skipped"
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
printf '#!/bin/sh\n' >"$work/bin/coordinator-console"
chmod +x "$work/bin/coordinator-console"
sed "s|/usr/bin/coordinator-console|$work/bin/coordinator-console|" "$unit" >"$work/coordinator-console.service"
out=$(SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no "$work/coordinator-console.service" 2>&1) || {
    echo "$out"
    exit 1
}
# verify exits 0 on some warnings; every line it prints about the unit is a problem here.
if grep -F "coordinator-console.service" <<<"$out"; then
    exit 1
fi
echo "systemd-analyze verify: the unit is valid"
