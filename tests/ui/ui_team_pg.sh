#!/bin/sh
# tests/ui/ui_team_pg.sh - ui_team.sh once more, on PostgreSQL: the live
# updates come through LISTEN/NOTIFY there instead of data_version.  No
# check is SQLite's only.
. "$MOT_TOP/tests/lib.sh"
on_backend ui_team "$MOT_TOP/tests/ui/ui_team.sh"
