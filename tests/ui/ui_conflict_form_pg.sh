#!/bin/sh
# tests/ui/ui_conflict_form_pg.sh - ui_conflict_form.sh once more, on
# PostgreSQL: a form refused by a row version changed underneath keeps
# its typed text.  No check is SQLite's only.
. "$MOT_TOP/tests/lib.sh"
on_backend ui_conflict_form "$MOT_TOP/tests/ui/ui_conflict_form.sh"
