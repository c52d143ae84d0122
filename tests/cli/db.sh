#!/bin/sh
# tests/cli/db.sh - databases by name: `mot db copy` between files, and
# with the PostgreSQL server of tests/pg.sh: --db and MOT_DB as URLs and
# connection strings, --schema, passwords kept off the command line, and
# copies from SQLite to PostgreSQL and back that keep every journey as it
# was, and from one PostgreSQL schema into another.  It chooses its
# databases itself (files and schemas): no db_pg.sh runs it again.
. "$MOT_TOP/tests/lib.sh"

# Every journey of a database, exported, in one file.
export_all() {	# DB OUT
	: > "$2"
	for k in $("$MOT" --db "$1" list | awk 'NR > 1 { print $1 }'); do
		"$MOT" --db "$1" export "$k" >> "$2" || echo "export of $k failed" >> "$2"
	done
}

# --- between two files ------------------------------------------------------
"$MOT" --db "$T/a.db" list >/dev/null
expect_rc "db copy into a new file" 0 "$MOT" db copy "$T/a.db" "$T/b.db"
expect_out "db copy says what it copied" "^copied 9 journeys, 0 scenarios and 0 event logs from $T/a.db to $T/b.db"
export_all "$T/a.db" "$T/a.yaml"
export_all "$T/b.db" "$T/b.yaml"
expect_same "the copy holds every journey as it was" "$T/a.yaml" "$T/b.yaml"
"$MOT" --db "$T/b.db" rm car-accident >/dev/null
sum=$(md5sum < "$T/b.db")
expect_rc "a copy onto journeys there already is refused" 1 "$MOT" db copy "$T/a.db" "$T/b.db"
expect_err "the journey in the way is named" "has a journey '[a-z0-9-]+' already; nothing was copied"
"$MOT" --db "$T/b.db" show car-accident >/dev/null 2>&1 &&
	not_ok "nothing was copied" || ok "nothing was copied"
expect_rc "db without copy is a usage error" 2 "$MOT" db
expect_rc "db copy needs FROM and TO" 2 "$MOT" db copy "$T/a.db"
expect_rc "db copy from a file that is not there" 1 "$MOT" db copy "$T/none/x.db" "$T/c.db"
expect_rc "--schema with a file is refused" 1 "$MOT" --db "$T/a.db" --schema team list
expect_err "--schema is for PostgreSQL" "--schema is for a PostgreSQL database"

# --- PostgreSQL -------------------------------------------------------------
if [ -z "${MOT_TEST_PG:-}" ]; then
	echo "ok - db copy and --db on PostgreSQL # SKIP ${MOT_TEST_PG_SKIP:-no PostgreSQL server (run the tests through tests/pg.sh, as make test does)}"
	exit 0
fi
S1="mot_db_$$_a" S2="mot_db_$$_b" S3="mot_db_$$_c"
cleanup_pg() {
	psql "$MOT_TEST_PG" -qX -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $S1 CASCADE; DROP SCHEMA IF EXISTS $S2 CASCADE; DROP SCHEMA IF EXISTS $S3 CASCADE" >/dev/null 2>&1
	lib_cleanup
}
trap cleanup_pg EXIT
expect_rc "db copy from a file into a PostgreSQL schema" 0 \
	"$MOT" db copy "$T/a.db" "$MOT_TEST_PG options=-csearch_path=$S1"
expect_out "the schema is named" "to postgresql://.*\\(schema $S1\\)"
expect_rc "--db with a connection string and --schema" 0 \
	"$MOT" --db "$MOT_TEST_PG" --schema "$S1" list
expect_out "lists the copied journeys" "^swiss-bank-onboarding "
expect_rc "MOT_DB with the schema in the connection string" 0 \
	env MOT_DB="$MOT_TEST_PG options=-csearch_path=$S1" "$MOT" show car-accident --width 80
expect_rc "db copy from PostgreSQL back into a file" 0 \
	"$MOT" db copy "$MOT_TEST_PG options=-csearch_path=$S1" "$T/c.db"
export_all "$T/c.db" "$T/c.yaml"
expect_same "SQLite -> PostgreSQL -> SQLite keeps every journey" "$T/a.yaml" "$T/c.yaml"
expect_rc "an edit on PostgreSQL" 0 "$MOT" --db "$MOT_TEST_PG" --schema "$S1" \
	new team-journey --title "Made by the team"
# (with the team's journey, which a new database's samples lack)
expect_rc "db copy from one PostgreSQL schema into another" 0 \
	"$MOT" db copy "$MOT_TEST_PG options=-csearch_path=$S1" \
	"$MOT_TEST_PG options=-csearch_path=$S3"
export_all "$MOT_TEST_PG options=-csearch_path=$S1" "$T/s1.yaml"
export_all "$MOT_TEST_PG options=-csearch_path=$S3" "$T/s3.yaml"
grep -q '^key: team-journey' "$T/s3.yaml" && ok "... the team's journey included" ||
	not_ok "... the team's journey included"
expect_same "PostgreSQL -> PostgreSQL keeps every journey" "$T/s1.yaml" "$T/s3.yaml"
expect_rc "a second mot database beside it" 0 "$MOT" --db "$MOT_TEST_PG" --schema "$S2" list
expect_rc "... holds its own journeys" 1 "$MOT" --db "$MOT_TEST_PG" --schema "$S2" show team-journey
url="postgresql://mot:secret@localhost/postgres"
expect_rc "a password in the URL is refused" 1 "$MOT" --db "$url" list
expect_err "the refusal points to ~/.pgpass" "~/\\.pgpass"
grep -q secret "$T/err" && not_ok "the password is not repeated" || ok "the password is not repeated"
expect_rc "db copy does not take --schema" 2 "$MOT" db copy "$T/a.db" "$MOT_TEST_PG" --schema "$S1"
psql "$MOT_TEST_PG" -qX -c "CREATE TABLE $S2.orders (id int)" >/dev/null 2>&1
psql "$MOT_TEST_PG" -qX -c "CREATE SCHEMA ${S2}_x; CREATE TABLE ${S2}_x.orders (id int)" >/dev/null 2>&1
expect_rc "a schema of another program is refused" 1 "$MOT" --db "$MOT_TEST_PG" --schema "${S2}_x" list
expect_err "... as not a mot database" "not a mot database"
n=$(psql "$MOT_TEST_PG" -qAtX -c "SELECT count(*) FROM pg_tables WHERE schemaname = '${S2}_x'")
[ "$n" = 1 ] && ok "... and left as it was" || not_ok "... and left as it was ($n tables)"
psql "$MOT_TEST_PG" -qX -c "SET client_min_messages = warning; DROP SCHEMA ${S2}_x CASCADE" >/dev/null 2>&1
