#!/bin/sh
# tests/cli/log_pg.sh - log.sh once more, on PostgreSQL: event logs
# imported, listed, removed, compared and fitted from a server.  No check
# is SQLite's only.
. "$MOT_TOP/tests/lib.sh"
on_backend log "$MOT_TOP/tests/cli/log.sh"
