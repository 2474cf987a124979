#!/usr/bin/env bash
# Checks the README's promises on a machine that has nothing: a clean Debian made here.
#
#   sudo scripts/fresh-check.sh [bookworm|trixie]      (default: bookworm)
#   sudo scripts/fresh-check.sh --keep trixie          keep the folder for a look afterwards
#
# 1. `debootstrap --variant=minbase` a clean system into a temporary folder (nothing else
#    installed: no compiler, no Qt, no git, no CA bundle).
# 2. Copy a clean clone of this repository (committed state only, `git clone`) into it, with
#    ../shared beside it, and give it the host's own trusted CA certificates
#    (/usr/local/share/ca-certificates) and npm configuration, so that it reaches Debian's and
#    npm's registries as the host does. Nothing else of the host goes in.
# 3. In that system, as root: `./test.sh` (deps.sh installs what it needs), then `./run.sh` with
#    no display, and check that the API answers /api/v1/health.
# 4. `scripts/package.sh` there, then a second clean system gets only the .deb
#    (`apt install ./coordinator-console_….deb`: no compiler), and `coordinator-console serve`
#    must answer health and `man coordinator-console` must show the page.
# 5. Print one summary line; remove everything it made (unless --keep).
#
# Takes 60-100 minutes on two cores, so it is not part of ./test.sh. Run it before resolving any
# issue that touches dependencies or the build. Exit status 0 only when every stage passed.
set -euo pipefail

keep=0
suite=bookworm
while [[ $# -gt 0 ]]; do
    case $1 in
    --keep) keep=1 ;;
    bookworm | trixie) suite=$1 ;;
    -h | --help)
        sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
        exit 0
        ;;
    *)
        printf 'fresh-check: unknown argument %q (want bookworm, trixie or --keep)\n' "$1" >&2
        exit 2
        ;;
    esac
    shift
done

repo=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$repo/.." && pwd)/shared
mirror=${FRESH_CHECK_MIRROR:-http://deb.debian.org/debian}
security=${FRESH_CHECK_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
started=$(date +%s)

log() { printf 'fresh-check %s: %s\n' "$suite" "$*" >&2; }
die() {
    printf 'fresh-check %s: error: %s\n' "$suite" "$*" >&2
    exit 1
}

[[ $(id -u) -eq 0 ]] || die "run as root (debootstrap and chroot need it)"
command -v debootstrap >/dev/null || die "debootstrap is not installed: scripts/deps.sh dev"
[[ -d $shared ]] || die "$shared not found: the repository expects ../shared beside it"
git -C "$repo" diff --quiet HEAD -- || log "note: uncommitted changes are not checked (a clean clone of HEAD is)"

work=$(mktemp -d "${FRESH_CHECK_TMPDIR:-/var/tmp}/cc-fresh-$suite.XXXXXX")
mounted=()
serve_pids=()

# shellcheck disable=SC2317  # invoked from the trap
cleanup() {
    local pid m i
    for pid in "${serve_pids[@]}"; do
        kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    done
    # Processes still running inside the roots (a PostgreSQL the tests left, say) hold the mounts.
    for m in "$work"/*/; do
        [[ -d $m ]] || continue
        for pid in $(ls /proc | grep -E '^[0-9]+$'); do
            if [[ $(readlink "/proc/$pid/root" 2>/dev/null) == "${m%/}"* ]]; then
                kill -9 "$pid" 2>/dev/null || true
            fi
        done
    done
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount -l "${mounted[i]}" 2>/dev/null || true
    done
    if ((keep)); then
        log "kept $work"
    else
        rm -rf --one-file-system -- "$work"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- stage 1: a clean system --------------------------------------------------
base=$work/base
log "debootstrap --variant=minbase $suite into $base"
debootstrap --variant=minbase "$suite" "$base" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    die "debootstrap failed; the last lines of $work/debootstrap.log:
$(tail -n 15 "$work/debootstrap.log")"
{
    echo "deb $mirror $suite main"
    echo "deb $mirror $suite-updates main"
    echo "deb $security $suite-security main"
} >"$base/etc/apt/sources.list"
# The host's own CA certificates (a proxy's, say) and npm configuration, nothing else.
mkdir -p "$base/usr/local/share/ca-certificates" "$base/root"
if compgen -G "/usr/local/share/ca-certificates/*" >/dev/null; then
    cp -a /usr/local/share/ca-certificates/. "$base/usr/local/share/ca-certificates/"
    cat /usr/local/share/ca-certificates/*.crt >"$base/etc/ssl-host-extra-ca.pem" 2>/dev/null || true
fi
[[ -f /root/.npmrc ]] && cp /root/.npmrc "$base/root/.npmrc"
[[ -f /etc/npmrc ]] && cp /etc/npmrc "$base/etc/npmrc"
echo "cc-fresh-$suite" >"$base/etc/hostname"

# A root of its own from the clean base: bind /dev, /proc, /sys.
make_root() {
    local dir=$1 m
    cp -a "$base" "$dir"
    for m in dev proc sys; do
        mount --rbind "/$m" "$dir/$m"
        mount --make-rslave "$dir/$m"
        mounted+=("$dir/$m")
    done
}

# Runs a command inside a root with a clean environment (no host variables leak in).
in_root() {
    local dir=$1
    shift
    local env_vars=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
        LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive)
    [[ -f $dir/etc/ssl-host-extra-ca.pem ]] && env_vars+=(NODE_EXTRA_CA_CERTS=/etc/ssl-host-extra-ca.pem)
    chroot "$dir" /usr/bin/env -i "${env_vars[@]}" "$@"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_health PORT SECONDS PID: 0 when GET /api/v1/health on 127.0.0.1:PORT answered 200, over
# HTTPS or plain HTTP, within SECONDS and while PID runs; prints the scheme that answered.
wait_health() {
    local port=$1 seconds=$2 pid=$3 i scheme
    for ((i = 0; i < seconds * 2; i++)); do
        kill -0 "$pid" 2>/dev/null || return 1
        for scheme in https http; do
            if [[ $(curl -ks -o /dev/null -w '%{http_code}' --max-time 2 "$scheme://127.0.0.1:$port/api/v1/health") == 200 ]]; then
                echo "$scheme"
                return 0
            fi
        done
        sleep 0.5
    done
    return 1
}

results=()
failed=0
result() { # result STAGE ok|FAIL DETAIL
    results+=("$1 $2${3:+ ($3)}")
    [[ $2 == ok ]] || failed=1
    log "$1: $2${3:+ ($3)}"
}

# --- stage 2 and 3: the two README commands -----------------------------------
build=$work/build
make_root "$build"
git clone -q --no-hardlinks "$repo" "$build/src/main"
cp -a "$shared" "$build/src/shared"
log "./test.sh in the clean root (log: $work/test.log)"
t0=$(date +%s)
if in_root "$build" bash -c 'cd /src/main && ./test.sh' >"$work/test.log" 2>&1; then
    summary=$(grep -E 'tests passed' "$work/test.log" | head -n 1)
    result test.sh ok "${summary:-passed}, $(($(date +%s) - t0)) s"
else
    result test.sh FAIL "see $work/test.log: $(grep -E 'tests passed|FAILED|error' "$work/test.log" | tail -n 1)"
    keep=1
fi

run_port=8080
if ! port_free "$run_port"; then
    result run.sh FAIL "port $run_port is in use on this host"
else
    log "./run.sh with no display (log: $work/run.log)"
    setsid chroot "$build" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
        bash -c 'cd /src/main && exec ./run.sh' >"$work/run.log" 2>&1 &
    serve_pids+=($!)
    # The first ./run.sh builds the release tree: give it time.
    if scheme=$(wait_health "$run_port" 1800 "${serve_pids[-1]}"); then
        result run.sh ok "health 200 over $scheme on port $run_port"
    else
        result run.sh FAIL "no health answer; see $work/run.log"
        keep=1
    fi
    kill -- "-${serve_pids[-1]}" 2>/dev/null || true
fi

# --- stage 4: the package, on a system that gets nothing but the package ------
log "scripts/package.sh (log: $work/package.log)"
deb=""
if in_root "$build" bash -c 'cd /src/main && scripts/package.sh' >"$work/package.log" 2>&1; then
    deb=$(find "$build/src/main/build/package" -maxdepth 1 -name 'coordinator-console_*.deb' | head -n 1)
fi
if [[ -z $deb ]]; then
    result package FAIL "no .deb; see $work/package.log"
    keep=1
else
    installed=$work/installed
    make_root "$installed"
    cp "$deb" "$installed/root/"
    # man-db only to read the page, as a person would; curl runs on the host.
    if in_root "$installed" bash -c "apt-get update -q && apt-get install -y -q --no-install-recommends \
            /root/$(basename "$deb") man-db" >"$work/install.log" 2>&1; then
        if in_root "$installed" bash -c 'command -v cc c++ g++ gcc' >/dev/null 2>&1; then
            result install FAIL "the package pulled in a compiler"
        else
            result install ok "$(basename "$deb"), $(du -h "$deb" | cut -f1)"
        fi
        port=$((30000 + RANDOM % 20000))
        while ! port_free "$port"; do port=$((port + 1)); done
        setsid chroot "$installed" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
            coordinator-console serve --listen "127.0.0.1:$port" --database sqlite:/root/cc.sqlite \
            >"$work/serve.log" 2>&1 &
        serve_pids+=($!)
        if scheme=$(wait_health "$port" 60 "${serve_pids[-1]}"); then
            result serve ok "installed binary, health 200 over $scheme"
        else
            result serve FAIL "no health answer; see $work/serve.log"
        fi
        kill -- "-${serve_pids[-1]}" 2>/dev/null || true
        if in_root "$installed" man -P cat coordinator-console 2>/dev/null | grep -q 'serve'; then
            result man ok "man coordinator-console"
        else
            result man FAIL "man coordinator-console shows no page"
        fi
    else
        result install FAIL "apt install of the .deb failed; see $work/install.log"
        keep=1
    fi
fi

elapsed=$(($(date +%s) - started))
line="fresh-check $suite: $( ((failed)) && echo FAILED || echo PASSED) in $((elapsed / 60)) min $((elapsed % 60)) s — $(
    IFS=';'
    echo "${results[*]}" | sed 's/;/; /g'
)"
echo "$line"
((failed == 0))
