#!/bin/sh
# The saved scenarios screen (S on the map): the list with its figures
# and what changed, one scenario in detail, delete after asking (and the
# row is gone from the database), the hint of an empty list; at 80x24 and
# at the smallest size, 40x12.  The scenarios are put into the database
# directly, as a saved comparison leaves them.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

if on_sqlite && ! command -v sqlite3 >/dev/null 2>&1; then
	not_ok "the sqlite3 command is not installed"
	exit 1
fi

# mot creates the database and puts the sample journeys in.
expect_rc "mot list creates the database" 0 "$MOT" list

# seed NAME CREATED CHANGES SIGNIFICANT [BASELINE]: a scenario of
# car-accident; without BASELINE the results of one run (NULLs).
seed() {
	if [ "${5:-}" = none ]; then
		base="NULL, NULL, NULL" diff="NULL, NULL, NULL" bnps=NULL
	else
		base="0.25, 0.247, 0.253" bnps=-12
		if [ "$4" = 1 ]; then diff="0.02, 0.015, 0.025"
		else diff="0.001, -0.002, 0.004"; fi
	fi
	db_sql "INSERT INTO scenario (journey_id, name, created,
		customers, seed, persona, plain, changes, base_conv, base_lo,
		base_hi, conv, conv_lo, conv_hi, diff, diff_lo, diff_hi,
		significant, base_nps, nps, report)
		SELECT id, '$1', $2, 100000, 7, NULL, 0, '$3', $base, 0.27,
		0.267, 0.273, $diff, $4, $bnps, 3, '{}'
		FROM journey WHERE key = 'car-accident'"
}
nl='
'
seed_all() {
	seed "Friendlier roadside" 1764590400 \
		"Roadside: emotion -3 -> -1${nl}added touchpoint ''Call back''" 1
	seed "Plain run" 1764500000 "" 0 none
	seed "Small tweak" 1764400000 "Claims page: drop 0.2 -> 0.19" 0
}
count() {
	db_sql "SELECT count(*) FROM scenario $1"
}

seed_all
if [ "$(count "")" = 3 ]; then ok "three scenarios seeded"; else
	not_ok "three scenarios seeded"; fi

# --- 80x24 ---------------------------------------------------------------
ui_start 80 24 -- edit car-accident
expect_screen "the map opens" "Car accident claim"
keys S
expect_screen "S lists the journey's scenarios" "Scenarios of car-accident"
expect_screen "with how many" "3 saved"
expect_screen "the newest first, with its date" \
	"Friendlier roadside"
expect_screen "when it was saved" "2025-12-01"
# (no per cent signs in what a test expects: tests/run prints it with
# printf when it fails)
expect_screen "conversion, difference marked significant, NPS" \
	"12:00    27.0"
expect_screen "the difference marked significant, and the NPS" "+2.00*    +3"
expect_screen "a difference that is not significant has no mark" \
	"+0.10     +3"
expect_screen "the first change and how many more" \
	"Roadside: emotion -3 -> -1 (+1 more)"
expect_screen "a run without a baseline says so" \
	"no baseline: the results of one run"
expect_screen "the legend of the mark" "* significant (95"
if screen | grep -n "Friendlier roadside" | grep -q "^3:" &&
   screen | grep -n "Small tweak" | grep -q "^7:"; then
	ok "newest first, two lines each"
else
	not_ok "newest first, two lines each"
	dump_screen
fi

keys Enter
expect_screen "Enter shows the scenario" "Scenario: Friendlier roadside"
expect_screen "the settings" "100000 customers, seed 7, all personas"
expect_screen "the scenario's conversion with its interval" \
	"scenario 27.00"
expect_screen "its interval" "(26.70"
expect_screen "the baseline's" "baseline 25.00"
expect_screen "the difference, its interval, significant" \
	": +1.50 to +2.50), significant"
expect_screen "NPS of both" "scenario +3, baseline -12"
expect_screen "every change" "added touchpoint 'Call back'"
keys Enter
expect_screen "Enter goes back to the list" "3 saved"
keys j j Enter
expect_screen "the detail of one not significant" "not significant"
keys Escape
expect_screen "Esc goes back to the list" "3 saved"

keys k
keys d
expect_screen "d asks first" "Delete scenario 'Plain run'? (y/n)"
keys n
expect_screen "n keeps it" "3 saved"
keys d
wait_for "(y/n)" >/dev/null
keys y
expect_screen "y deletes it" "Deleted scenario 'Plain run'"
expect_screen "the list shows the rest" "2 saved"
expect_gone "it is gone from the list" "no baseline: the results"
if [ "$(count "WHERE name = 'Plain run'")" = 0 ] &&
   [ "$(count "")" = 2 ]; then
	ok "and its row is gone from the database"
else
	not_ok "and its row is gone from the database"
fi

keys g Enter
wait_for "Scenario: Friendlier" >/dev/null
keys d
expect_screen "d in the detail asks too" \
	"Delete scenario 'Friendlier roadside'? (y/n)"
keys y
expect_screen "and back to the list" "1 saved"
keys d
wait_for "(y/n)" >/dev/null
keys y
expect_screen "the last one goes" "0 saved"
expect_screen "an empty list says how to make a scenario" \
	"No scenarios yet: run a simulation (s), keep it as the baseline (b),"
expect_screen "all of it" "run again (r) and save it (n)"
keys Enter
expect_screen "Enter on an empty list says there is none" \
	"No scenarios yet: save one from the results (n)"
if [ "$(count "")" = 0 ]; then ok "the database holds none"; else
	not_ok "the database holds none"; fi
keys q
expect_screen "q goes back to the map" "Car accident claim"
keys q q
expect_screen "mot quits" "EXIT=0"

# --- 40x12, the smallest size ----------------------------------------------
seed_all
ui_start 40 12 -- edit car-accident
expect_screen "40x12: the map opens" "Car accident"
keys S
expect_screen "40x12: the list" "3 saved"
expect_screen "40x12: name and figures on one line" \
	"Friendlier road   27.0"
expect_screen "40x12: the difference and the NPS" "+2.00*    +3"
expect_screen "40x12: the day goes before the changes" \
	"2025-12-01  Roadside: emotion -3"
expect_screen "40x12: the hints fit" "Enter show"
keys Enter
expect_screen "40x12: the detail" "Scenario: Friendlier roadside"
expect_screen "40x12: settings wrapped" "100000 customers, seed 7"
keys End
expect_screen "40x12: the detail scrolls to the changes" \
	"added touchpoint 'Call back'"
expect_screen "40x12: the difference is on the last page" \
	"significant"
keys q
expect_screen "40x12: q goes back to the list" "3 saved"
keys G
keys d
wait_for "(y/n)" >/dev/null
keys y
expect_screen "40x12: delete" "2 saved"
keys d
wait_for "(y/n)" >/dev/null
keys y
keys d
wait_for "(y/n)" >/dev/null
keys y
expect_screen "40x12: the empty list's hint, wrapped" \
	"No scenarios yet: run a simulation"
expect_screen "40x12: to the end" "save it (n)"
keys q q q
expect_screen "40x12: mot quits" "EXIT=0"
if [ "$(count "")" = 0 ]; then ok "40x12: the rows are gone"; else
	not_ok "40x12: the rows are gone"; fi
