#!/bin/sh
# tests/ui/ui_hostile_pg.sh - ui_hostile.sh once more, on PostgreSQL: a
# scenario with figures far out of range put in with psql.  No check is
# SQLite's only.
. "$MOT_TOP/tests/lib.sh"
on_backend ui_hostile "$MOT_TOP/tests/ui/ui_hostile.sh"
