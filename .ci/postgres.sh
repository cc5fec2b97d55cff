#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests, listening only on a Unix socket, and
# print the URL of an empty database on it. Usage: eval "$(bash .ci/postgres.sh start DIR)"
# (exports KPI_TEST_POSTGRES_URL) and later `bash .ci/postgres.sh stop DIR`.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?a folder for the server}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "echo 'PostgreSQL is not installed' >&2"; exit 0; }
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
port=54329
case "$action" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    fi
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses='' -k $dir -p $port -c fsync=off" start >/dev/null
    as_postgres "$bin/psql" -h "$dir" -p "$port" -U postgres -qAt \
      -c "SELECT 1 FROM pg_database WHERE datname='kpi_test'" postgres | grep -q 1 \
      || as_postgres "$bin/createdb" -h "$dir" -p "$port" -U postgres kpi_test
    echo "export KPI_TEST_POSTGRES_URL='postgresql://postgres@/kpi_test?host=$dir&port=$port'"
    ;;
  stop)
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
