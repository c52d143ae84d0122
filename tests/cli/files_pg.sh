#!/bin/sh
# tests/cli/files_pg.sh - files.sh once more, on PostgreSQL: -o, --trace
# and import - with the journeys on a server.  No check is SQLite's only.
. "$MOT_TOP/tests/lib.sh"
on_backend files "$MOT_TOP/tests/cli/files.sh"
