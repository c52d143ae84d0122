#!/bin/sh
# A database edited by hand (sqlite3 or psql) must not crash the
# designer: figures far out of range in a saved scenario are drawn cut to
# their column, and mot quits normally (under ASan a one-byte overflow
# ends it with 99).
# An export the file system refuses says why on the status line, from the
# export interface's message, with nothing written to stderr.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

if on_sqlite && ! command -v sqlite3 >/dev/null 2>&1; then
	not_ok "the sqlite3 command is not installed"
	exit 1
fi
expect_rc "mot list creates the database" 0 "$MOT" list
db_sql "INSERT INTO scenario (journey_id, name, created,
	customers, seed, persona, plain, changes, base_conv, base_lo, base_hi,
	conv, conv_lo, conv_hi, diff, diff_lo, diff_hi, significant, base_nps,
	nps, report)
	SELECT id, 'Huge', 1764590400, 100, 7, NULL, 0, 'x', 0.2, 0.1, 0.3,
	1e300, -1e300, 1e300, 1e300, -1e300, 1e300, 1, -1e300, 1e300, '{}'
	FROM journey WHERE key = 'car-accident'"
ui_start 80 24 -- edit car-accident
expect_screen "the map opens" "Car accident claim"
keys S
expect_screen "the scenarios screen lists the hand-made one" "Huge"
keys Enter
expect_screen "and shows it" "Scenario: Huge"
keys q q q q
expect_screen "mot quits normally" "EXIT=0"

# stderr into a file: the export's reason must reach the screen without it.
ui_start 80 24 -- edit car-accident "2>'$T/ui.err'"
expect_screen "the map opens again" "Car accident claim"
keys x
expect_screen "x offers the export formats" "Export the journey as"
keys -l "markdown"
keys Enter
expect_screen "then asks for the file" "Export to:"
keys C-u
keys -l "$T/no-such-dir/map.md"
keys Enter
expect_screen "a refused export says which file and why" \
	"Could not write $T/no-such-dir/map.md: "
keys q q
expect_screen "mot quits after the refused export" "EXIT=0"
if [ -f "$T/ui.err" ] && [ ! -s "$T/ui.err" ]; then
	ok "nothing went to stderr"
else
	not_ok "nothing went to stderr"
	sed 's/^/#   /' "$T/ui.err" 2>/dev/null
fi
