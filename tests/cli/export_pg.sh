#!/bin/sh
# tests/cli/export_pg.sh - export.sh once more, on PostgreSQL: every
# format of journeys read from a server (names with quotes, line breaks,
# non-Latin text and every lane go through the server's text columns).
# No check is SQLite's only.
. "$MOT_TOP/tests/lib.sh"
on_backend export "$MOT_TOP/tests/cli/export.sh"
