#!/bin/sh
# tests/cli/store.sh - the database from the command line: read-only
# commands on a read-only file and in a read-only directory, and while a
# writer holds the lock; devices, damaged and empty files refused with
# the file named; a key in the database that is not a key never becomes
# a path.
. "$MOT_TOP/tests/lib.sh"
J="$MOT_TOP/journeys"

"$MOT" import "$J/car-accident.yaml" >/dev/null 2>&1 ||
	"$MOT" list >/dev/null 2>&1	# a new database is seeded

# --- read-only file, read-only directory ---------------------------------
# As root a mode bit stops nothing: run mot as nobody then.
as_reader() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
	else
		"$@"
	fi
}
R="$T/ro"
mkdir -p "$R/dir"
cp "$MOT_DB" "$R/dir/mot.db"
chmod 755 "$T" "$R"
chmod 444 "$R/dir/mot.db"
sum0=$(md5sum < "$R/dir/mot.db")
for c in "list" "show car-accident --width 80" "export car-accident" \
	 "simulate car-accident -n 200 --threads 1" "analyze car-accident"; do
	# shellcheck disable=SC2086
	expect_rc "$c on a read-only file" 0 as_reader "$MOT" --db "$R/dir/mot.db" $c
done
chmod 555 "$R/dir"
for c in "list" "show car-accident --width 80" "export car-accident"; do
	# shellcheck disable=SC2086
	expect_rc "$c in a read-only directory" 0 as_reader "$MOT" --db "$R/dir/mot.db" $c
done
expect_out "export in a read-only directory writes the journey" "^key: car-accident"
[ "$(md5sum < "$R/dir/mot.db")" = "$sum0" ] && ok "the read-only file is unchanged" ||
	not_ok "the read-only file is unchanged"
expect_rc "a change in a read-only directory is refused" 1 \
	as_reader "$MOT" --db "$R/dir/mot.db" new x --title X
expect_err "the refusal names the file" "$R/dir/mot.db"
chmod 755 "$R/dir"

# --- a writer at work does not block a reader ------------------------------
W="$T/w.db"
cp "$MOT_DB" "$W"
(echo "BEGIN IMMEDIATE; UPDATE journey SET title = 'Changing';"; sleep 4;
 echo "ROLLBACK;") | sqlite3 "$W" &
writer=$!
sleep 1
t0=$(date +%s)
expect_rc "list while a writer holds the lock" 0 "$MOT" --db "$W" list
expect_rc "show while a writer holds the lock" 0 "$MOT" --db "$W" show car-accident --width 80
t1=$(date +%s)
[ $((t1 - t0)) -lt 3 ] && ok "the reader did not wait for the writer" ||
	not_ok "the reader did not wait for the writer ($((t1 - t0)) s)"
wait "$writer"

# --- files that are not a mot database -------------------------------------
had_journal=0
[ -e /dev/null-journal ] && had_journal=1
expect_rc "--db on a device is refused" 1 "$MOT" --db /dev/null list
expect_err "a device is named as not a regular file" "/dev/null: not a regular file"
if [ "$had_journal" = 0 ]; then
	[ ! -e /dev/null-journal ] && ok "no -journal beside the device" ||
		{ not_ok "no -journal beside the device"; rm -f /dev/null-journal; }
fi
: > "$T/empty.db"
expect_rc "an empty file is refused" 1 "$MOT" --db "$T/empty.db" list
expect_err "the empty file is named" "$T/empty.db: an empty file"
[ ! -s "$T/empty.db" ] && ok "the empty file stays empty" || not_ok "the empty file stays empty"
cp "$MOT_DB" "$T/cut.db"
truncate -s 8192 "$T/cut.db"
expect_rc "a truncated database is refused" 1 "$MOT" --db "$T/cut.db" list
expect_err "a truncated database is called damaged" "$T/cut.db: the database is damaged"
sqlite3 "$T/neg.db" "CREATE TABLE t (x); PRAGMA application_id = 1836020769; PRAGMA user_version = -1"
expect_rc "a negative schema version is refused" 1 "$MOT" --db "$T/neg.db" list
expect_err "the schema version is named" "schema version -1"

# --- keys in the database ---------------------------------------------------
E="$T/esc.db"
cp "$MOT_DB" "$E"
sqlite3 "$E" "UPDATE journey SET key = '../escaped' WHERE key = 'car-accident'"
mkdir -p "$T/out.d/inner"
expect_rc "export of a key that is not a key is refused" 1 \
	"$MOT" --db "$E" export ../escaped -f csv -o "$T/out.d/inner"
[ -z "$(find "$T/out.d" -type f)" ] && ok "nothing written inside or outside the directory" ||
	not_ok "nothing written inside or outside the directory: $(find "$T/out.d" -type f)"
expect_err "the bad key is named" "'../escaped'"
expect_rc "list refuses a database with a bad key" 1 "$MOT" --db "$E" list
expect_err "list names the database" "$E"
