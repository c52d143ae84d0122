#!/bin/sh
# tests/ui/ui_conflict_pg.sh - the two-designer conflict suite
# (ui_conflict.sh) once more, on PostgreSQL.
. "$MOT_TOP/tests/lib.sh"
on_backend ui_conflict "$MOT_TOP/tests/ui/ui_conflict.sh"
