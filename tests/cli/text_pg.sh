#!/bin/sh
# tests/cli/text_pg.sh - text.sh once more, on PostgreSQL: the text rules
# for what comes in, and text edited by hand with psql (chr(27) for
# sqlite3's char(27)) never reaches the terminal raw.  No check is
# SQLite's only.
. "$MOT_TOP/tests/lib.sh"
on_backend text "$MOT_TOP/tests/cli/text.sh"
