#!/bin/sh
# A database edited by hand (sqlite3) must not crash the designer: figures
# far out of range in a saved scenario are drawn cut to their column, and
# mot quits normally (under ASan a one-byte overflow ends it with 99).
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

if ! command -v sqlite3 >/dev/null 2>&1; then
	not_ok "the sqlite3 command is not installed"
	exit 1
fi
expect_rc "mot list creates the database" 0 "$MOT" list
sqlite3 "$MOT_DB" "INSERT INTO scenario (journey_id, name, created,
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
