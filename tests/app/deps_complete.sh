#!/usr/bin/env bash
# deps_complete: every Debian package the build used is installed by scripts/deps.sh.
#
#   tests/app/deps_complete.sh BUILD_DIR
#
# What the build used: the package configs CMake found (the *_DIR entries of CMakeCache.txt),
# the header folders the compiler was given (-I/-isystem under /usr in build.ninja or the
# Makefiles' flags.make) and the libraries it linked by path or by -l. Each is owned by a Debian
# package (dpkg -S); that package must be listed in `scripts/deps.sh --list test` or be a
# dependency of one listed there (apt-cache depends --recurse --installed). A path owned by
# several packages passes when one of them is covered.
#
# A package installed earlier by hand hides a missing install step on a developer's machine but
# not on a clean one; this test names it on every run. Exit 0 when all are covered.
set -euo pipefail
build=${1:?usage: deps_complete.sh BUILD_DIR}
repo=$(cd "$(dirname "$0")/../.." && pwd)
cache=$build/CMakeCache.txt
[[ -f $cache ]] || {
    echo "deps_complete: $cache not found" >&2
    exit 1
}
command -v dpkg >/dev/null || {
    echo "deps_complete: not a Debian system (no dpkg): nothing to check"
    exit 0
}

# --- what the build used ----------------------------------------------------------------
paths=()
while IFS= read -r dir; do
    [[ -d $dir ]] && paths+=("$dir")
done < <(sed -nE 's/^[A-Za-z0-9_]+_DIR:PATH=(\/usr\/.*)$/\1/p' "$cache")

flag_files=()
[[ -f $build/build.ninja ]] && flag_files+=("$build/build.ninja")
while IFS= read -r f; do flag_files+=("$f"); done < <(find "$build" -name flags.make -o -name link.txt 2>/dev/null)
libdirs=(/usr/lib/x86_64-linux-gnu /usr/lib)
multiarch=$(gcc -print-multiarch 2>/dev/null || true)
[[ -n $multiarch ]] && libdirs=("/usr/lib/$multiarch" /usr/lib)
if ((${#flag_files[@]})); then
    while IFS= read -r dir; do
        # /usr/include itself belongs to dozens of packages and is searched anyway.
        [[ $dir == /usr/include || ! -e $dir ]] || paths+=("$dir")
    done < <(grep -ohE '(-isystem |-I)/usr/[^ ]+' "${flag_files[@]}" | sed -E 's/^(-isystem |-I)//' | sort -u)
    while IFS= read -r lib; do
        [[ -e $lib ]] && paths+=("$lib")
    done < <(grep -ohE '/usr/[^ ]+\.so(\.[0-9.]+)?' "${flag_files[@]}" | sort -u)
    while IFS= read -r name; do
        for d in "${libdirs[@]}"; do
            if [[ -e $d/lib$name.so ]]; then
                paths+=("$d/lib$name.so")
                break
            fi
        done
    done < <(grep -ohE '(^| )-l[A-Za-z0-9_+.-]+' "${flag_files[@]}" | sed -E 's/^ ?-l//' | sort -u)
fi
# A folder often belongs to several packages (qt6-base-dev owns cmake/Qt6OpenGL/ too); the files
# in it do not: ask for the config file of a package config, else the first file inside.
representative() {
    local dir=$1 f
    [[ -d $dir ]] || {
        echo "$dir"
        return
    }
    f=$(find "$dir" -maxdepth 1 \( -name '*Config.cmake' -o -name '*-config.cmake' \) -type f | sort | head -n 1)
    [[ -n $f ]] || f=$(find "$dir" -maxdepth 1 -type f | sort | head -n 1)
    echo "${f:-$dir}"
}
mapfile -t paths < <(for p in "${paths[@]}"; do representative "$p"; done | sort -u)

# --- what deps.sh installs, with everything those depend on ---------------------------------
listed=()
while IFS= read -r entry; do
    IFS='|' read -r -a alternatives <<<"$entry"
    listed+=("${alternatives[@]}")
done < <("$repo/scripts/deps.sh" --list test)
installed_listed=()
for p in "${listed[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' && installed_listed+=("$p")
done
declare -A covered=()
for p in "${listed[@]}"; do covered[$p]=1; done
while IFS= read -r p; do
    covered[$p]=1
done < <(apt-cache depends --recurse --installed --no-recommends --no-suggests --no-conflicts \
    --no-breaks --no-replaces --no-enhances "${installed_listed[@]}" 2>/dev/null |
    sed -nE 's/^ +(Pre)?Depends: <?([^ >]+)>?.*$/\2/p; s/^([^ <][^ ]*)$/\1/p' | sed 's/:any$//' | sort -u)

# --- every path owned by a covered package ------------------------------------------------
# One dpkg -S for all paths (and their real paths): "pkg1, pkg2:arch: /path" per line.
declare -A real_of=() owners_of=()
queries=()
for path in "${paths[@]}"; do
    real_of[$path]=$(readlink -f "$path")
    queries+=("$path" "${real_of[$path]}")
done
while IFS= read -r line; do
    who=${line%%: /*}
    what=${line#"$who: "}
    owners_of[$what]+="$(tr ',' '\n' <<<"$who" | sed -E 's/^ +//; s/:[a-z0-9]+$//')"$'\n'
done < <(dpkg -S "${queries[@]}" 2>/dev/null || true)

missing=()
checked=0
for path in "${paths[@]}"; do
    owners=$(printf '%s%s' "${owners_of[$path]:-}" "${owners_of[${real_of[$path]}]:-}" | sed '/^$/d' | sort -u)
    if [[ -z $owners ]]; then
        continue # not from a package (built here, or /usr/local): nothing apt could install
    fi
    checked=$((checked + 1))
    ok=0
    while IFS= read -r o; do
        [[ -n ${covered[$o]:-} ]] && ok=1
    done <<<"$owners"
    ((ok)) || missing+=("$(head -n 1 <<<"$owners") (for $path)")
done

if ((${#missing[@]})); then
    echo "deps_complete: the build used packages that scripts/deps.sh does not install:"
    printf '  %s\n' "${missing[@]}" | sort -u
    echo "add them to RUN_PACKAGES or TEST_PACKAGES in scripts/deps.sh (a clean machine lacks them)"
    exit 1
fi
echo "deps_complete: ${checked} package paths checked (configs, headers, libraries): all from packages deps.sh installs"
