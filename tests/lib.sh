# tests/lib.sh - helpers for the shell tests; source it.  Each check prints
# "ok - name" or "not ok - name" (TAP), which tests/run counts.
# $MOT is the binary under test; every test gets its own temp dir and DB.
set -u
: "${MOT:=build/mot}"
: "${MOT_TOP:=$(pwd)}"
T=$(mktemp -d "${TMPDIR:-/tmp}/mot-test.XXXXXX")
# The database: an SQLite file, or with MOT_TEST_BACKEND=pg a schema of
# its own on the test server of tests/pg.sh, dropped at the end.
# lib_cleanup removes both (a script's own EXIT trap must call it).
if [ "${MOT_TEST_BACKEND:-}" = pg ]; then
	T_SCHEMA="mot_sh_$$"
	export MOT_DB="$MOT_TEST_PG options=-csearch_path=$T_SCHEMA"
else
	export MOT_DB="$T/mot.db"
fi
lib_cleanup() {
	[ -n "${T_SCHEMA:-}" ] && psql "$MOT_TEST_PG" -qX -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $T_SCHEMA CASCADE" >/dev/null 2>&1
	rm -rf "$T"
}
trap 'lib_cleanup' EXIT
export XDG_DATA_HOME="$T/xdg"
export HOME="$T/home"
mkdir -p "$HOME"
unset NO_COLOR

ok()     { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; }

# run CMD...: runs it, keeping stdout in $T/out, stderr in $T/err, status in $rc
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# expect_rc NAME RC CMD...
expect_rc() {
	name=$1 want=$2
	shift 2
	run "$@"
	if [ "$rc" = "$want" ]; then ok "$name"; else
		not_ok "$name (exit $rc, wanted $want)"
		sed 's/^/#   /' "$T/err" | head -n 10
	fi
}

# expect_out NAME PATTERN: last run's stdout matches grep -E PATTERN
expect_out() {
	if grep -Eq -- "$2" "$T/out"; then ok "$1"; else
		not_ok "$1 (stdout lacks /$2/)"; sed 's/^/#   /' "$T/out" | head -n 10
	fi
}
# expect_err NAME PATTERN: last run's stderr matches grep -E PATTERN
expect_err() {
	if grep -Eq -- "$2" "$T/err"; then ok "$1"; else
		not_ok "$1 (stderr lacks /$2/)"; sed 's/^/#   /' "$T/err" | head -n 10
	fi
}
# expect_same NAME FILE1 FILE2
expect_same() {
	if cmp -s "$2" "$3"; then ok "$1"; else
		not_ok "$1 ($2 and $3 differ)"; diff "$2" "$3" | head -n 10 | sed 's/^/#   /'
	fi
}
# db_sum: a checksum of the database content (to prove it did not change).
# Without the presence rows: an open designer refreshes its own every few
# seconds (who has which journey open, no journey data).
db_sum() {
	if on_sqlite; then
		sqlite3 "$MOT_DB" .dump 2>/dev/null |
			grep -Ev '^INSERT INTO "?presence"? ' | md5sum
	else
		# (without comments and the \restrict key, new in each dump)
		pg_dump -d "$MOT_TEST_PG" -n "$T_SCHEMA" --data-only \
			--exclude-table-data="$T_SCHEMA.presence" 2>/dev/null |
			grep -v -e '^--' -e '^\\' | md5sum
	fi
}
# on_sqlite: true unless the suite runs on PostgreSQL (checks of the file)
on_sqlite() {
	[ "${MOT_TEST_BACKEND:-}" != pg ]
}
# on_backend NAME SCRIPT: run a shell suite again on PostgreSQL, each
# check named "... (PostgreSQL)"; without a server one SKIP line.
on_backend() {
	if [ -n "${MOT_TEST_PG:-}" ]; then
		MOT_TEST_BACKEND=pg sh "$2" | sed -E 's/^((not )?ok - .*)$/\1 (PostgreSQL)/'
	else
		echo "ok - $1 on PostgreSQL # SKIP ${MOT_TEST_PG_SKIP:-no PostgreSQL server (run the tests through tests/pg.sh, as make test does)}"
	fi
}
