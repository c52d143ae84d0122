#!/bin/sh
# tests/cli/store.sh - the database from the command line: read-only
# commands on a read-only file and in a read-only directory, and while a
# writer holds the lock; devices, damaged and empty files refused with
# the file named; a key in the database that is not a key never becomes
# a path.
# On PostgreSQL (store_pg.sh) the same ideas for a server: a role that may
# only read (SELECT) runs every read-only command and is refused a change
# with the database named; a writer's open transaction does not block a
# reader; a bad key put in by hand is refused.  The checks of the file
# itself (modes, device, empty, truncated, negative user_version, sqlite3's
# lock) are SQLite's only: a PostgreSQL database has no file of mot's.
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
if on_sqlite; then
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
else
# A role of its own that may only read the suite's schema (the server
# trusts every local user: no password).
reader="${T_SCHEMA}_reader"
drop_reader() {
	psql "$MOT_TEST_PG" -qX -c "SET client_min_messages = warning; DROP OWNED BY $reader; DROP ROLE IF EXISTS $reader" >/dev/null 2>&1
	lib_cleanup
}
trap drop_reader EXIT
psql "$MOT_TEST_PG" -qX -v ON_ERROR_STOP=1 -c "CREATE ROLE $reader LOGIN;
	GRANT USAGE ON SCHEMA $T_SCHEMA TO $reader;
	GRANT SELECT ON ALL TABLES IN SCHEMA $T_SCHEMA TO $reader" >/dev/null
RDB=$(echo "$MOT_DB" | sed "s/user=[^ ]*/user=$reader/")
sum0=$(db_sum)
for c in "list" "show car-accident --width 80" "analyze car-accident" \
	 "simulate car-accident -n 200 --threads 1" "export car-accident"; do
	# shellcheck disable=SC2086
	expect_rc "$c as a role that may only read" 0 "$MOT" --db "$RDB" $c
done
expect_out "its export writes the journey" "^key: car-accident"
[ "$(db_sum)" = "$sum0" ] && ok "the database is unchanged" ||
	not_ok "the database is unchanged"
expect_rc "a change by a role that may only read is refused" 1 \
	"$MOT" --db "$RDB" new x --title X
expect_err "the refusal names the database" "postgresql://$reader@.*\\(schema $T_SCHEMA\\)"
fi

# --- a writer at work does not block a reader ------------------------------
if on_sqlite; then
	W="$T/w.db"
	cp "$MOT_DB" "$W"
	(echo "BEGIN IMMEDIATE; UPDATE journey SET title = 'Changing';"; sleep 4;
	 echo "ROLLBACK;") | sqlite3 "$W" &
	writer=$!
else
	W=$MOT_DB
	psql "$W" -qX -c "BEGIN; UPDATE journey SET title = 'Changing';
		SELECT pg_sleep(4); ROLLBACK" >/dev/null &
	writer=$!
fi
sleep 1
t0=$(date +%s)
expect_rc "list while a writer holds the lock" 0 "$MOT" --db "$W" list
expect_rc "show while a writer holds the lock" 0 "$MOT" --db "$W" show car-accident --width 80
t1=$(date +%s)
[ $((t1 - t0)) -lt 3 ] && ok "the reader did not wait for the writer" ||
	not_ok "the reader did not wait for the writer ($((t1 - t0)) s)"
wait "$writer"

# --- files that are not a mot database -------------------------------------
if on_sqlite; then
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
fi

# --- keys in the database ---------------------------------------------------
if on_sqlite; then
	E="$T/esc.db"
	cp "$MOT_DB" "$E"
	sqlite3 "$E" "UPDATE journey SET key = '../escaped' WHERE key = 'car-accident'"
	E_NAME=$E
else	# (the last section: the suite's own schema)
	E=$MOT_DB
	E_NAME="(schema $T_SCHEMA)"
	db_sql "UPDATE journey SET key = '../escaped' WHERE key = 'car-accident'"
fi
mkdir -p "$T/out.d/inner"
expect_rc "export of a key that is not a key is refused" 1 \
	"$MOT" --db "$E" export ../escaped -f csv -o "$T/out.d/inner"
[ -z "$(find "$T/out.d" -type f)" ] && ok "nothing written inside or outside the directory" ||
	not_ok "nothing written inside or outside the directory: $(find "$T/out.d" -type f)"
expect_err "the bad key is named" "'../escaped'"
expect_rc "list refuses a database with a bad key" 1 "$MOT" --db "$E" list
expect_err "list names the database" "$E_NAME"
