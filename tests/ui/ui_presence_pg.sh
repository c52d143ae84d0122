#!/bin/sh
# tests/ui/ui_presence_pg.sh - the presence and live-update suite
# (ui_presence.sh) once more, on PostgreSQL: changes arrive by
# LISTEN/NOTIFY there.
. "$MOT_TOP/tests/lib.sh"
on_backend ui_presence "$MOT_TOP/tests/ui/ui_presence.sh"
