#!/usr/bin/env bash
# The server under the three attacks of the security issue (run on demand; not part of ./test.sh):
#
#   tests/benchmarks/attacks.sh [--binary PATH]
#
# Starts `serve` over HTTPS on loopback with a fresh SQLite database and a self-signed certificate,
# then, one after the other:
#   1. 200 TCP connections that never send a ClientHello, held for 5 s;
#   2. smuggled heads ("Content-Length : 7", a header name with a space, 120 header fields) each
#      followed by 512 MiB of body;
#   3. a 413 (Content-Length 1 GiB) followed by the whole GiB, over plain HTTP and over TLS.
# During and after each one it asks GET /api/v1/health, and it prints the server's peak resident
# memory (VmHWM) and its memory after each attack. Needs curl and openssl (scripts/deps.sh test).
set -euo pipefail
cd "$(dirname "$0")/../.."

binary=build/test/app/coordinator-console
while [[ $# -gt 0 ]]; do
    case $1 in
        --binary) binary=$2; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "attacks.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ -x $binary ]] || { echo "attacks.sh: no $binary; build first (./test.sh)" >&2; exit 1; }

work=$(mktemp -d)
server=""
cleanup() {
    [[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=127.0.0.1 \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

start() { # start TLS|PLAIN PORT
    local tls=()
    [[ $1 == TLS ]] && tls=(--tls-cert "$work/cert.pem" --tls-key "$work/key.pem")
    "$binary" serve --listen "127.0.0.1:$2" --database "sqlite:$work/$1.db" "${tls[@]}" \
        >"$work/$1.log" 2>&1 &
    server=$!
    for _ in $(seq 100); do
        kill -0 "$server" 2>/dev/null || break
        [[ $(health "$1" "$2") == 200 ]] && return 0
        sleep 0.1
    done
    echo "attacks.sh: the server did not start:" >&2
    cat "$work/$1.log" >&2
    exit 1
}
stop() {
    kill "$server"
    wait "$server" 2>/dev/null || true
    server=""
}
health() { # health TLS|PLAIN PORT -> the status code (000: no answer)
    local scheme=http
    [[ $1 == TLS ]] && scheme=https
    curl -sk -m 5 -o /dev/null -w '%{http_code}' "$scheme://127.0.0.1:$2/api/v1/health" || true
}
memory() { # memory FIELD -> MiB
    awk -v f="$1:" '$1 == f { printf "%d", $2 / 1024 }' "/proc/$server/status"
}
report() { # report NAME DURING AFTER
    printf '%-44s peak %5s MiB  now %5s MiB  health during %s, after %s\n' \
        "$1" "$(memory VmHWM)" "$(memory VmRSS)" "$2" "$3"
}

# 1. Silent connections to the HTTPS port.
fds=()
start TLS 18443
for i in $(seq 200); do
    exec {fd}<>/dev/tcp/127.0.0.1/18443
    fds+=("$fd")
done
sleep 1.5
during=$(health TLS 18443)
sleep 3.5
for fd in "${fds[@]}"; do exec {fd}>&-; done
sleep 0.5
report "1. 200 silent TLS connections, 5 s" "$during" "$(health TLS 18443)"
stop

# 2. Smuggled heads, each with 512 MiB behind it.
start PLAIN 18080
smuggle() { # smuggle HEAD-LINES
    {
        printf 'POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\n%b\r\n' "$1"
        head -c 536870912 /dev/zero
    } 2>/dev/null | timeout 20 curl -s -m 20 -o /dev/null telnet://127.0.0.1:18080 2>/dev/null || true
}
many=""
for i in $(seq 120); do many+="X-Field-$i: v\r\n"; done
smuggle 'Content-Length : 536870912\r\n' &
attack=$!
sleep 1
during=$(health PLAIN 18080)
wait "$attack" || true
smuggle 'Content Length: 536870912\r\nContent-Length: 536870912\r\n'
smuggle "${many}Content-Length: 536870912\r\n"
report "2. three smuggled heads + 512 MiB each" "$during" "$(health PLAIN 18080)"
stop

# 3. A refused body sent anyway while the connection lingers: plain HTTP, then TLS.
flood() { # flood TLS|PLAIN PORT NAME
    start "$1" "$2"
    local send=(curl -s -m 20 -o /dev/null "telnet://127.0.0.1:$2")
    [[ $1 == TLS ]] && send=(openssl s_client -quiet -connect "127.0.0.1:$2")
    {
        printf 'POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n\r\n'
        head -c 1073741824 /dev/zero
    } 2>/dev/null | timeout 20 "${send[@]}" >/dev/null 2>&1 &
    local attack=$!
    sleep 1
    local during
    during=$(health "$1" "$2")
    wait "$attack" || true
    report "$3" "$during" "$(health "$1" "$2")"
    stop
}
flood PLAIN 18080 "3a. 413, then 1 GiB sent anyway (HTTP)"
flood TLS 18443 "3b. 413, then 1 GiB sent anyway (HTTPS)"
