#!/bin/sh
# tests/cli/lanes_pg.sh - lanes.sh once more, on PostgreSQL: lanes
# through import and export byte for byte (the round trips into a second
# schema), refused lanes leave the schema unchanged.  No check is
# SQLite's only.
. "$MOT_TOP/tests/lib.sh"
on_backend lanes "$MOT_TOP/tests/cli/lanes.sh"
