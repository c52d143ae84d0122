#!/bin/sh
# tests/cli/store_pg.sh - store.sh once more, on PostgreSQL.  SQLite's
# only (no file of mot's on a server): the read-only file and directory,
# sqlite3's write lock, devices, empty and truncated files and a negative
# user_version.  In their place: a role that may only read, a writer's
# open transaction, and the bad key put in with psql.
. "$MOT_TOP/tests/lib.sh"
on_backend store "$MOT_TOP/tests/cli/store.sh"
