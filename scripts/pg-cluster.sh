#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests.
#
#   scripts/pg-cluster.sh start DIR         create + start a cluster in DIR; prints its URL
#   scripts/pg-cluster.sh start --ssl DIR   the same, with TLS on (see below)
#   scripts/pg-cluster.sh stop DIR          stop it and remove DIR
#
# The server listens on 127.0.0.1 only, on a free port, with its unix socket
# inside DIR and fsync off. Superuser role cc_test / password cc_test;
# TCP connections need the password (scram-sha-256), the local socket is trust.
# As root the server runs as the `postgres` system user (PostgreSQL refuses to
# run as root); otherwise as the current user.
#
# `start` prints exactly one line on stdout:
#   postgresql://cc_test:cc_test@127.0.0.1:PORT/postgres
# Everything else goes to stderr. On failure the server log tail goes to
# stderr and the exit status is non-zero.
#
# With --ssl the server also accepts TLS (ssl = on) with a self-signed
# certificate for CN=localhost (EC P-256, valid 2 days, made by openssl);
# DIR/server.crt is a copy of it, readable by all, for sslrootcert. Without
# --ssl the server has no TLS at all (sslmode=require fails).
set -euo pipefail

PG_USER=cc_test
PG_PASSWORD=cc_test

log() { printf 'pg-cluster: %s\n' "$*" >&2; }
die() {
    printf 'pg-cluster: error: %s\n' "$*" >&2
    exit 1
}
usage() {
    printf 'usage: %s start [--ssl] DIR | stop DIR\n' "$0" >&2
    exit 2
}

[[ $# -ge 1 ]] || usage
action=$1
shift
ssl=0
if [[ $action == start && ${1:-} == --ssl ]]; then
    ssl=1
    shift
fi
[[ $# -eq 1 && -n $1 ]] || usage
# Absolute path, relative to the caller's cwd (the server's own cwd is its data dir).
dir=$(realpath -m -- "$1")
[[ $dir != / ]] || die "refusing to use / as the cluster folder"

datadir="$dir/data"
sockdir="$dir/socket"
logfile="$dir/server.log"

find_bindir() {
    local candidate
    if command -v pg_config >/dev/null 2>&1; then
        candidate=$(pg_config --bindir 2>/dev/null || true)
        if [[ -n $candidate && -x $candidate/initdb && -x $candidate/pg_ctl ]]; then
            printf '%s\n' "$candidate"
            return 0
        fi
    fi
    # Newest installed version first.
    while IFS= read -r candidate; do
        if [[ -x $candidate/initdb && -x $candidate/pg_ctl ]]; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5,5nr)
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return 0
    fi
    return 1
}

bindir=$(find_bindir) || die "PostgreSQL server binaries (initdb, pg_ctl) not found; run scripts/deps.sh test"

# Run a command as the user that owns the cluster.
if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' system user"
    owner=postgres
    switch_user=1
    as_pg() { runuser -u postgres -- "$@"; }
else
    owner=$(id -un)
    switch_user=0
    as_pg() { "$@"; }
fi

# Write stdin to FILE as the cluster owner (mode 600); "append" appends.
as_pg_write() {
    local file=$1 mode=${2:-}
    if [[ $mode == append ]]; then
        as_pg tee -a -- "$file" >/dev/null
    else
        as_pg install -m 600 /dev/null "$file"
        as_pg tee -- "$file" >/dev/null
    fi
}

port_in_use() {
    local port=$1
    if command -v ss >/dev/null 2>&1; then
        if ss -Hltn "sport = :$port" 2>/dev/null | grep -q .; then
            return 0
        fi
    fi
    # Fallback / double check: does something answer on 127.0.0.1:port?
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        return 0
    fi
    return 1
}

pick_port() {
    local start=$((20000 + RANDOM % 20000)) i port
    for ((i = 0; i < 200; i++)); do
        port=$((start + i))
        if ! port_in_use "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    return 1
}

print_log_tail() {
    if [[ -r $logfile ]]; then
        log "--- last lines of $logfile ---"
        tail -n 40 "$logfile" >&2 || true
        log "--- end of server log ---"
    fi
}

start() {
    if [[ -e $datadir/postmaster.pid ]]; then
        die "$dir already holds a running (or crashed) cluster; run: $0 stop $dir"
    fi
    if [[ -d $dir && -n $(ls -A "$dir" 2>/dev/null) ]]; then
        die "$dir exists and is not empty"
    fi

    local created=0
    [[ -e $dir ]] || created=1
    mkdir -p "$dir"
    chmod 700 "$dir"
    if ((switch_user)); then
        chown postgres: "$dir"
        # postgres must be able to reach DIR through its parent folders.
        if ! runuser -u postgres -- test -w "$dir"; then
            if ((created)); then
                rmdir -- "$dir" || true
            fi
            die "user postgres cannot write to $dir (make its parent folders world-searchable, e.g. chmod 755)"
        fi
    fi
    as_pg mkdir -p "$sockdir"

    local pwfile="$dir/pwfile"
    printf '%s\n' "$PG_PASSWORD" | as_pg_write "$pwfile"

    log "initdb ($bindir) in $datadir as $owner"
    if ! as_pg "$bindir/initdb" --pgdata="$datadir" --username="$PG_USER" --pwfile="$pwfile" \
        --auth-host=scram-sha-256 --auth-local=trust --encoding=UTF8 --locale=C.UTF-8 \
        --no-sync >"$dir/initdb.log" 2>&1; then
        tail -n 40 "$dir/initdb.log" >&2 || true
        die "initdb failed (see above)"
    fi
    rm -f "$pwfile"

    local ssl_conf="ssl = off"
    if ((ssl)); then
        command -v openssl >/dev/null 2>&1 || die "openssl not found (needed for --ssl)"
        log "making a self-signed certificate for CN=localhost"
        if ! as_pg openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
            -subj /CN=localhost -keyout "$datadir/server.key" -out "$datadir/server.crt" \
            >"$dir/openssl.log" 2>&1; then
            tail -n 20 "$dir/openssl.log" >&2 || true
            die "openssl could not make the certificate (see above)"
        fi
        as_pg chmod 600 "$datadir/server.key"
        as_pg install -m 644 "$datadir/server.crt" "$dir/server.crt"
        ssl_conf="ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'"
    fi

    # Settings go into postgresql.conf so that pg_ctl status/stop see the same
    # cluster; only the port is passed on the command line (it may be retried).
    as_pg_write "$datadir/postgresql.conf" append <<CONF

# --- throwaway test cluster (scripts/pg-cluster.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sockdir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
shared_buffers = 64MB
$ssl_conf
CONF

    local attempt port=""
    for attempt in 1 2 3 4 5; do
        port=$(pick_port) || die "no free TCP port found"
        log "starting server on 127.0.0.1:$port (attempt $attempt)"
        # --wait returns once the server accepts connections (or has failed).
        if as_pg "$bindir/pg_ctl" --pgdata="$datadir" --log="$logfile" --wait --timeout=60 \
            --silent -o "-p $port" start >&2; then
            break
        fi
        # Lost a race for the port? Then retry with another one; else give up.
        if grep -qE 'could not bind|Address already in use' "$logfile" 2>/dev/null; then
            log "port $port was taken meanwhile, retrying"
            port=""
            continue
        fi
        print_log_tail
        die "server failed to start"
    done
    if [[ -z $port ]]; then
        print_log_tail
        die "server failed to start (no usable port)"
    fi

    local i ready=0
    for ((i = 0; i < 120; i++)); do
        if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -U "$PG_USER" -t 2; then
            ready=1
            break
        fi
        sleep 0.5
    done
    if ((!ready)); then
        print_log_tail
        as_pg "$bindir/pg_ctl" --pgdata="$datadir" --mode=immediate stop >/dev/null 2>&1 || true
        die "server did not become ready on 127.0.0.1:$port"
    fi

    printf '%s\n' "$port" | as_pg_write "$dir/port"
    log "ready on 127.0.0.1:$port (log: $logfile)"
    printf 'postgresql://%s:%s@127.0.0.1:%s/postgres\n' "$PG_USER" "$PG_PASSWORD" "$port"
}

stop() {
    if [[ ! -e $dir ]]; then
        log "$dir does not exist; nothing to stop"
        return 0
    fi
    if [[ -f $datadir/PG_VERSION && -f $datadir/postmaster.pid ]]; then
        log "stopping server in $datadir"
        if ! as_pg "$bindir/pg_ctl" --pgdata="$datadir" --mode=fast --wait --timeout=30 \
            --silent stop >&2; then
            log "fast stop failed, trying immediate"
            as_pg "$bindir/pg_ctl" --pgdata="$datadir" --mode=immediate --wait --timeout=30 \
                --silent stop >&2 || true
        fi
    fi
    # Safety: only remove folders that look like ours (or are empty).
    if [[ -f $datadir/PG_VERSION || -f $dir/initdb.log || -d $sockdir || -z $(ls -A "$dir") ]]; then
        rm -rf -- "$dir"
        log "removed $dir"
    else
        die "$dir does not look like a cluster made by this script; not removing it"
    fi
}

case "$action" in
start) start ;;
stop) stop ;;
*) usage ;;
esac
