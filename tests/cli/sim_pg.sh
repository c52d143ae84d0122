#!/bin/sh
# tests/cli/sim_pg.sh - sim.sh once more, on PostgreSQL: simulate and
# analyze on journeys read from a server.  No check is SQLite's only.
. "$MOT_TOP/tests/lib.sh"
on_backend sim "$MOT_TOP/tests/cli/sim.sh"
