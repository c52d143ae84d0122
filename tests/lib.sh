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
	if [ -n "${T_SCHEMA:-}" ]; then
		for s in $T_SCHEMA $(cat "$T/schemas" 2>/dev/null); do
			psql "$MOT_TEST_PG" -qX -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $s CASCADE" >/dev/null 2>&1
		done
	fi
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
# new_db NAME: the name of a second, new database of the suite's backend
# (a file in $T, or a schema of its own dropped at the end).
new_db() {
	if on_sqlite; then
		echo "$T/$1.db"
	else
		echo "${T_SCHEMA}_$1" >>"$T/schemas"
		echo "$MOT_TEST_PG options=-csearch_path=${T_SCHEMA}_$1"
	fi
}
# db_sql SQL: run SQL on the suite's database as it is (sqlite3 or psql),
# to edit or read it behind mot's back; rows come out as sqlite3 prints
# them (columns apart by |).  Write char(N) as $(db_chr N): SQLite spells
# it char(), PostgreSQL chr(); and a comparison as CASE WHEN ... THEN 1
# ELSE 0 END (PostgreSQL prints a boolean as t or f).
db_sql() {
	if on_sqlite; then
		sqlite3 "$MOT_DB" "$1"
	else
		psql "$MOT_DB" -qXAt -v ON_ERROR_STOP=1 -c "$1"
	fi
}
db_chr() {
	if on_sqlite; then echo "char($1)"; else echo "chr($1)"; fi
}
# on_sqlite: true unless the suite runs on PostgreSQL (checks of the file)
on_sqlite() {
	[ "${MOT_TEST_BACKEND:-}" != pg ]
}
# on_backend NAME SCRIPT: run a shell suite again on PostgreSQL, each
# check named "... (PostgreSQL)"; without a server one SKIP line.
# Returns the suite's own exit status, so that tests/run sees a crash of
# it (a non-zero exit without a "not ok" line): sh has no pipefail, hence
# the output goes through a file instead of a pipe.
on_backend() {
	if [ -n "${MOT_TEST_PG:-}" ]; then
		MOT_TEST_BACKEND=pg sh "$2" >"$T/on_backend.out" 2>&1
		ob_rc=$?
		sed -E 's/^((not )?ok - .*)$/\1 (PostgreSQL)/' "$T/on_backend.out"
		[ "$ob_rc" -eq 0 ] || echo "# $1 on PostgreSQL: exit $ob_rc"
		return "$ob_rc"
	else
		echo "ok - $1 on PostgreSQL # SKIP ${MOT_TEST_PG_SKIP:-no PostgreSQL server (run the tests through tests/pg.sh, as make test does)}"
	fi
}
