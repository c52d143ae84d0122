#!/bin/sh
# tests/cli/locale_pg.sh - locale.sh once more, on PostgreSQL: the
# server's numbers read back under a decimal-comma locale.  No check is
# SQLite's only.
. "$MOT_TOP/tests/lib.sh"
on_backend locale "$MOT_TOP/tests/cli/locale.sh"
