#!/bin/sh
# tests/cli/sim_trace_pg.sh - sim_trace.sh once more, on PostgreSQL.
# No check is SQLite's only.
. "$MOT_TOP/tests/lib.sh"
on_backend sim_trace "$MOT_TOP/tests/cli/sim_trace.sh"
