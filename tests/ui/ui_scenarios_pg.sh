#!/bin/sh
# tests/ui/ui_scenarios_pg.sh - ui_scenarios.sh once more, on PostgreSQL:
# saved scenarios listed, shown and deleted from a server (put in with
# psql).  No check is SQLite's only.
. "$MOT_TOP/tests/lib.sh"
on_backend ui_scenarios "$MOT_TOP/tests/ui/ui_scenarios.sh"
