#!/usr/bin/env bash
# Builds the Debian package: build/package/coordinator-console_<version>_<arch>.deb
#
#   scripts/package.sh
#
# Installs missing build packages (scripts/deps.sh run), configures build/package once (Release,
# prefix /usr, no tests), builds, and runs `cpack -G DEB`; the runtime dependencies come from
# dpkg-shlibdeps. Install the result with `apt install ./build/package/coordinator-console_….deb`.
# Prints the package's path on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=build/package
scripts/deps.sh run

if [[ ! -f $BUILD_DIR/CMakeCache.txt ]]; then
    generator=()
    command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
    echo "package: configuring $BUILD_DIR" >&2
    cmake -S . -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
        -DCMAKE_INSTALL_PREFIX=/usr >&2
fi
echo "package: building $BUILD_DIR" >&2
cmake --build "$BUILD_DIR" -j2 >&2
rm -f "$BUILD_DIR"/coordinator-console_*.deb
(cd "$BUILD_DIR" && cpack -G DEB >&2)
deb=$(find "$BUILD_DIR" -maxdepth 1 -name 'coordinator-console_*.deb' | head -n 1)
[[ -n $deb ]] || {
    echo "package: error: cpack made no .deb" >&2
    exit 1
}
echo "package: $(dpkg-deb -f "$deb" Package Version Architecture | tr '\n' ' ')" >&2
echo "package: Depends: $(dpkg-deb -f "$deb" Depends)" >&2
echo "$deb"
