#!/bin/sh
# tests/ui/ui_whatif_pg.sh - ui_whatif.sh once more, on PostgreSQL: a
# what-if comparison saved as a scenario row on a server (its report
# checked as JSON by a jsonb cast, SQLite's json_valid there).  No check
# is SQLite's only.
. "$MOT_TOP/tests/lib.sh"
on_backend ui_whatif "$MOT_TOP/tests/ui/ui_whatif.sh"
