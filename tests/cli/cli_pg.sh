#!/bin/sh
# tests/cli/cli_pg.sh - the command-line suite (cli.sh) once more, on
# PostgreSQL: the same checks, the database a schema on the server of
# tests/pg.sh (checks of the SQLite file itself are left out there).
. "$MOT_TOP/tests/lib.sh"
on_backend cli "$MOT_TOP/tests/cli/cli.sh"
