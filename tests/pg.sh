#!/bin/sh
# tests/pg.sh CMD... - run CMD with a throwaway PostgreSQL server of its
# own, removed afterwards whatever CMD does (an interrupt included).
#
# The server lives in a temporary directory and listens only on a unix
# socket there (no TCP port, trust authentication: nothing outside this
# run can reach it).  PostgreSQL refuses to run as root: as root it runs as
# the unprivileged user nobody.  CMD gets
#   MOT_TEST_PG       a libpq connection string to its database
# or, when no server could be started,
#   MOT_TEST_PG_SKIP  why not: the PostgreSQL tests then print
#                     "ok - NAME # SKIP reason" and never count as passed.
set -u
unset MOT_TEST_PG MOT_TEST_PG_SKIP

skip() {
	MOT_TEST_PG_SKIP=$1
	export MOT_TEST_PG_SKIP
	echo "tests/pg.sh: no PostgreSQL for the tests: $1" >&2
}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
	skip "no PostgreSQL server (Debian package postgresql) is installed"
	exec "$@"
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/mot-pg.XXXXXX") || exit 1
as_server() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
	else
		"$@"
	fi
}
stop() {
	as_server "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop \
		>/dev/null 2>&1
	rm -rf "$dir"
}
trap 'stop' EXIT
trap 'exit 130' INT TERM HUP

[ "$(id -u)" = 0 ] && chown nobody:nogroup "$dir"
chmod 700 "$dir"
if ! as_server "$bindir/initdb" -D "$dir/data" -U mot -A trust -E UTF8 \
	--locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
	skip "initdb failed: $(tail -n 1 "$dir/initdb.log")"
elif ! as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
	-o "-k $dir -c listen_addresses= -c fsync=off -c full_page_writes=off" \
	start >/dev/null 2>&1; then
	skip "the server did not start: $(tail -n 1 "$dir/server.log")"
else
	MOT_TEST_PG="host=$dir port=5432 user=mot dbname=postgres"
	export MOT_TEST_PG
fi
"$@"
