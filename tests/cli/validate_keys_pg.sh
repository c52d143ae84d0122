#!/bin/sh
# tests/cli/validate_keys_pg.sh - validate_keys.sh once more, on
# PostgreSQL (the refused import).  No check is SQLite's only.
. "$MOT_TOP/tests/lib.sh"
on_backend validate_keys "$MOT_TOP/tests/cli/validate_keys.sh"
