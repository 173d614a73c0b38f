#!/usr/bin/env bash
# Starts a throw-away PostgreSQL for the JDBC tests and prints the variables that point the tests at it:
#
#   eval "$(bash .ci/postgres.sh)"
#   mvn -B verify
#
# Only the `export ...` line goes to stdout (so eval is safe); everything else goes to stderr.
# Installs Debian's postgresql package when no initdb is found (as root). The cluster lives in a
# temporary directory, listens on 127.0.0.1 only, and belongs to a non-root user because initdb
# refuses to run as root. Running it again while the server is up just prints the exports.
#
# Settings (environment): GATEHOUSE_PG_PORT (55432), GATEHOUSE_PG_DIR (${TMPDIR:-/tmp}/gatehouse-pg-<port>),
# GATEHOUSE_PG_DB / GATEHOUSE_PG_USER / GATEHOUSE_PG_PASSWORD (gatehouse / gatehouse / gatehouse).
set -euo pipefail

port="${GATEHOUSE_PG_PORT:-55432}"
base="${GATEHOUSE_PG_DIR:-${TMPDIR:-/tmp}/gatehouse-pg-$port}"
db="${GATEHOUSE_PG_DB:-gatehouse}"
user="${GATEHOUSE_PG_USER:-gatehouse}"
password="${GATEHOUSE_PG_PASSWORD:-gatehouse}"
data="$base/data"

log() { echo "postgres.sh: $*" >&2; }

print_exports() {
    echo "export GATEHOUSE_PG_URL=jdbc:postgresql://127.0.0.1:$port/$db GATEHOUSE_PG_USER=$user GATEHOUSE_PG_PASSWORD=$password"
}

find_bin() {
    local dir
    # newest installed major version first
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

bin="$(find_bin || true)"
if [ -z "$bin" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        log "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin; install the postgresql package (as root)"
        exit 1
    fi
    log "installing the postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    bin="$(find_bin)" || { log "postgresql installed, but no initdb found under /usr/lib/postgresql/*/bin"; exit 1; }
fi
log "using $bin"

if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" 2>/dev/null; then
    log "a server already accepts connections on 127.0.0.1:$port"
    print_exports
    exit 0
fi

# initdb and the server refuse root: run them as the package's postgres user, or create one
if [ "$(id -u)" -eq 0 ]; then
    owner=postgres
    if ! id "$owner" >/dev/null 2>&1; then
        log "creating system user $owner"
        useradd --system --user-group --home-dir "$base" --shell /usr/sbin/nologin "$owner"
    fi
    as_owner() { runuser -u "$owner" -- "$@"; }
else
    owner="$(id -un)"
    as_owner() { "$@"; }
fi

mkdir -p "$base"
chown "$owner" "$base"
chmod 700 "$base"
# the owner may not be allowed into the caller's working directory (e.g. /root)
cd "$base"

if [ ! -s "$data/PG_VERSION" ]; then
    log "creating a cluster in $data"
    pwfile="$base/superuser-password"
    # the superuser only ever connects through the socket in $base (trust); tests use the password user
    ( umask 077; head -c 24 /dev/urandom | base64 > "$pwfile" )
    chown "$owner" "$pwfile"
    as_owner "$bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" -E UTF8 --locale=C \
        --auth-local=trust --auth-host=scram-sha-256 >&2
fi

log "starting the server on 127.0.0.1:$port"
as_owner "$bin/pg_ctl" -D "$data" -l "$base/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $base -c max_connections=200 -c fsync=off" start >&2 \
    || { log "the server did not start; its log:"; tail -n 30 "$base/server.log" >&2 || true; exit 1; }

for _ in $(seq 1 60); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
        break
    fi
    sleep 0.5
done
"$bin/pg_isready" -h 127.0.0.1 -p "$port" >&2 || { log "the server does not accept connections"; exit 1; }

psql_admin() { as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$base" -p "$port" -U postgres -d postgres "$@"; }

if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$user'")" != "1" ]; then
    log "creating role $user"
    psql_admin -c "CREATE ROLE \"$user\" LOGIN PASSWORD '$password'" >&2
else
    psql_admin -c "ALTER ROLE \"$user\" LOGIN PASSWORD '$password'" >&2
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
    log "creating database $db"
    psql_admin -c "CREATE DATABASE \"$db\" OWNER \"$user\" ENCODING 'UTF8' TEMPLATE template0" >&2
fi

log "ready: jdbc:postgresql://127.0.0.1:$port/$db (stop it with: pg_ctl -D $data stop, as $owner)"
print_exports
