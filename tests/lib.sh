# tests/lib.sh - helpers for the shell tests; source it.  Each check prints
# "ok - name" or "not ok - name" (TAP), which tests/run counts.
# $MOT is the binary under test; every test gets its own temp dir and DB.
set -u
: "${MOT:=build/mot}"
: "${MOT_TOP:=$(pwd)}"
T=$(mktemp -d "${TMPDIR:-/tmp}/mot-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export MOT_DB="$T/mot.db"
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
# db_sum: a checksum of the database content (to prove it did not change)
db_sum() {
	sqlite3 "$MOT_DB" .dump 2>/dev/null | md5sum
}
