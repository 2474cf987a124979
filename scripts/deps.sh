#!/usr/bin/env bash
# Installs the Debian packages Coordinator Console needs, and nothing else.
#
#   scripts/deps.sh run    build + run set (compiler, CMake, Qt 6, libsodium, …)
#   scripts/deps.sh test   the run set plus PostgreSQL, Xvfb, wrk, Node.js/npm (with its headers, for
#                          the benchmark peer's better-sqlite3), Python 3, clang-format
#   scripts/deps.sh dev    the test set plus clang-tidy (the `tidy` target) and debootstrap
#                          (scripts/fresh-check.sh)
#   scripts/deps.sh --list SET   print the set's entries, one per line, and install nothing
#                                (tests/app/deps_complete.sh reads them)
#
# Idempotent: it asks dpkg which packages are missing and, only if some are,
# runs `apt-get update` once and installs exactly those. When nothing is
# missing it makes no network access and returns in well under a second.
#
# An entry "a|b" is satisfied when either package is installed; if neither is,
# the first one the distribution has is installed (bookworm has clang-format-14,
# trixie only clang-format).
set -euo pipefail
cd "$(dirname "$0")/.."

RUN_PACKAGES=(
    build-essential
    cmake
    ninja-build
    ccache
    pkg-config
    qt6-base-dev
    qt6-httpserver-dev
    qt6-websockets-dev
    libqt6sql6-sqlite
    libqt6sql6-psql
    qt6-l10n-tools
    qt6-tools-dev
    qt6-tools-dev-tools
    qt6-charts-dev
    "libqt6opengl6-dev|qt6-base-dev"  # trixie: Qt6OpenGL's CMake config is in qt6-base-dev
    qt6-translations-l10n
    libsodium-dev
    libqrencode-dev
    libgl-dev
    qt6-qpa-plugins
    fonts-dejavu-core
    librsvg2-bin
    libssl-dev
    file # cpack's dependency step (dpkg-shlibdeps) for scripts/package.sh
)

TEST_PACKAGES=(
    "postgresql|postgresql-15"
    "postgresql-client|postgresql-client-15"
    xvfb
    xauth
    wrk
    curl
    bc
    openssl
    "clang-format-14|clang-format"
    clang
    "libclang-rt-dev|libclang-rt-14-dev"
    desktop-file-utils
    appstream
    python3 # the benchmarks' helpers and node-gyp (tests/benchmarks/peer's better-sqlite3)
)

DEV_PACKAGES=(
    "clang-tidy-14|clang-tidy"
    debootstrap # scripts/fresh-check.sh builds its clean systems with it
)

log() { printf 'deps: %s\n' "$*" >&2; }
die() { printf 'deps: error: %s\n' "$*" >&2; exit 1; }

usage() {
    printf 'usage: %s [--list] run|test|dev\n' "$0" >&2
    exit 2
}

list=0
if [[ ${1:-} == --list ]]; then
    list=1
    shift
fi
[[ $# -eq 1 ]] || usage
case "$1" in
run) wanted=("${RUN_PACKAGES[@]}") ;;
test) wanted=("${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}") ;;
dev) wanted=("${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${DEV_PACKAGES[@]}") ;;
-h | --help) usage ;;
*) usage ;;
esac

if ((list)); then
    printf '%s\n' "${wanted[@]}"
    # Node.js, npm and node's headers come from Debian when no node is on PATH (see below).
    [[ $1 == run ]] || printf '%s\n' nodejs npm libnode-dev
    exit 0
fi

is_installed() {
    local status
    status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
    [[ $status == "install ok installed" ]]
}

if ! command -v dpkg-query >/dev/null 2>&1; then
    die "dpkg-query not found: this script supports Debian/Ubuntu only; install the packages by hand: ${wanted[*]}"
fi

missing=()
for entry in "${wanted[@]}"; do
    IFS='|' read -r -a alternatives <<<"$entry"
    found=0
    for pkg in "${alternatives[@]}"; do
        if is_installed "$pkg"; then
            found=1
            break
        fi
    done
    ((found)) || missing+=("$entry")
done

# Node.js 20 and npm: keep whatever node is already on PATH (e.g. NodeSource
# builds, which bundle npm); only fall back to Debian's packages when absent.
# node-gyp compiles the benchmark peer's better-sqlite3 against node's headers,
# offline: NodeSource's nodejs and a node from a tarball have them beside node
# (include/node), Debian's nodejs in libnode-dev.
if [[ $1 == test || $1 == dev ]]; then
    if ! command -v node >/dev/null 2>&1; then
        missing+=(nodejs npm libnode-dev)
    else
        if ! command -v npm >/dev/null 2>&1; then
            if is_installed nodejs && [[ $(dpkg-query -W -f='${Version}' nodejs) == *nodesource* ]]; then
                die "node is installed from NodeSource but npm is not on PATH; reinstall nodejs from NodeSource"
            fi
            missing+=(npm)
        fi
        node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
        if [[ ! -f $node_prefix/include/node/node.h ]] && is_installed nodejs \
            && [[ $(dpkg-query -W -f='${Version}' nodejs) != *nodesource* ]] && ! is_installed libnode-dev; then
            missing+=(libnode-dev)
        fi
    fi
fi

if [[ ${#missing[@]} -eq 0 ]]; then
    log "all $1 packages present (${#wanted[@]} checked)"
    exit 0
fi

log "missing: ${missing[*]}"

if [[ $(id -u) -eq 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
elif command -v sudo >/dev/null 2>&1 && [[ -t 0 ]]; then
    as_root=(sudo)
else
    die "need root to install: ${missing[*]}
       run as root, configure sudo, or install them yourself:
       sudo apt-get install --no-install-recommends ${missing[*]}"
fi

export DEBIAN_FRONTEND=noninteractive
log "apt-get update"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q

# Each entry becomes the first of its alternatives that the distribution has.
has_candidate() {
    local candidate
    candidate=$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: //p')
    [[ -n $candidate && $candidate != "(none)" ]]
}
chosen=()
for entry in "${missing[@]}"; do
    IFS='|' read -r -a alternatives <<<"$entry"
    pick=""
    for pkg in "${alternatives[@]}"; do
        if has_candidate "$pkg"; then
            pick=$pkg
            break
        fi
    done
    [[ -n $pick ]] || die "no package of '$entry' is available from apt's sources"
    chosen+=("$pick")
done
missing=("${chosen[@]}")
log "apt-get install ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"

still=()
for pkg in "${missing[@]}"; do
    is_installed "$pkg" || still+=("$pkg")
done
[[ ${#still[@]} -eq 0 ]] || die "still missing after install: ${still[*]}"
log "installed: ${missing[*]}"
