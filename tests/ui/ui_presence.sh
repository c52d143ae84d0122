#!/bin/sh
# Presence and live updates between designers (issue 14): the status line
# shows who else has the journey open (user@host), updated within a
# second without a key press: someone opening it shows, someone going
# back to the journeys list, quitting or killed goes (killed: after
# STORE_PRESENCE_GONE_S, 15 s).  A write to another journey does not
# reload the open one.  Runs on PostgreSQL too (ui_presence_pg.sh).
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

HOST=$(hostname)
GONE_S=15	# STORE_PRESENCE_GONE_S (include/store.h)

# The status line (the last line of the screen).
status_line() { screen | tail -n 1; }

"$MOT" list >/dev/null	# the database, before mots race to create it

# A (user anna) opens the journey, then B (user bob).
ui_start 80 24 USER=anna -- edit car-accident
A=$SOCK
expect_screen "anna opens car-accident" "Car accident claim"
UI_KEEP=1 ui_start 80 24 USER=bob -- edit car-accident
B=$SOCK
at "Car accident claim"
within "bob's status line shows anna, without a key" \
	"also here: anna@$HOST" 1000
SOCK=$A
within "anna's status line shows bob within a second, without a key" \
	"also here: bob@$HOST" 1000
expect_re "anna's status line keeps hints beside it" \
	"q back .* also here: bob@$HOST\$"
SOCK=$B
if status_line | grep -qF "bob@$HOST"; then
	not_ok "bob is not listed to himself"; dump_screen
else
	ok "bob is not listed to himself"
fi

# anna goes back to the journeys list: gone from bob's line; she opens
# the journey again: back on it.
SOCK=$A
keys q
at "JOURNEY"
SOCK=$B
gone_within "anna back on the journeys list leaves bob's line" \
	"anna@$HOST" 1000
SOCK=$A
keys Enter
at "Car accident claim"
SOCK=$B
within "anna opening it again shows on bob's line" "also here: anna@$HOST" 1000

# A third designer with a long name: bob's line shortens to "+1 more"
# (at most half of the 80 columns for the others).
LONGUSER=carl-with-a-rather-long-user-name
UI_KEEP=1 ui_start 80 24 USER=$LONGUSER -- edit car-accident
C=$SOCK
at "Car accident claim"
SOCK=$B
if [ ${#HOST} -le 20 ]; then
	within "a long list shortens to +1 more" \
		"also here: anna@$HOST, +1 more" 1000
else
	ok "a long list shortens to +1 more # SKIP host name '$HOST' too long"
fi
SOCK=$C
keys q q
expect_screen "carl quits" "EXIT=0"
T0=$(now_ms)
SOCK=$B
gone_within "carl quitting leaves bob's line within a second" "+1 more" 1000
expect_screen "and anna stays on it" "also here: anna@$HOST" 1

# A change by anna shows in bob's map without a key, and says so.
SOCK=$B
keys C-l	# a key clears bob's status line message
SOCK=$A
keys +
at "Emotion of 'Collision at the roadside'"
SOCK=$B
within "anna's edit shows in bob's map within a second" \
	"Reloaded: another mot changed this journey" 1000

# A write to another journey (an import through the command line) is
# no change to this one: bob's view is not reloaded.
keys C-l
gone_within "bob's message is cleared by a key" "Reloaded" 1000
"$MOT" import "$MOT_TOP/tests/data/good/lanes.canonical.yaml" >/dev/null 2>&1 ||
	not_ok "the import of another journey"
T0=$(now_ms)
sleep 1.5
if screen | grep -qF "Reloaded"; then
	not_ok "an import of another journey does not reload bob's view"
	dump_screen
else
	ok "an import of another journey does not reload bob's view"
fi
# ... while bob's journeys list, when he goes back to it, has it.
keys q
expect_screen "bob's journeys list shows the imported journey" \
	"Lanes of a claim"
keys Enter
SOCK=$A
at "Car accident claim"	# (anna's screen is unchanged)

# anna quits: gone from bob's line within a second.
SOCK=$B
expect_screen "bob has the journey open again" "Car accident claim"
within "bob sees anna again" "also here: anna@$HOST" 2000
SOCK=$A
keys q q
at "EXIT=0"
SOCK=$B
gone_within "anna quitting leaves bob's line within a second" \
	"anna@$HOST" 1000

# anna again, killed with SIGKILL: her row stays until it is
# STORE_PRESENCE_GONE_S old, then goes from bob's line.  Meanwhile dora
# sits in a question (the search line) all that time: the heartbeat goes
# on there, and she stays.
UI_KEEP=1 ui_start 80 24 USER=dora -- edit car-accident
D=$SOCK
at "Car accident claim"
keys /
expect_screen "dora opens the search question" "Search names"
UI_KEEP=1 ui_start 80 24 USER=anna -- edit car-accident
A=$SOCK
at "Car accident claim"
SOCK=$B
within "anna, started again, shows" "also here: anna@$HOST, dora@$HOST" 1000
SOCK=$A
pid=$(mot_pid)
kill -9 "$pid"
at "EXIT=137"
SOCK=$B
gone_within "a killed mot leaves bob's line after $GONE_S s" "anna@$HOST" \
	$(((GONE_S + 2) * 1000))
expect_screen "dora, in a question as long, is still on it" \
	"also here: dora@$HOST" 1
SOCK=$D
keys Escape q q
expect_screen "dora quits" "EXIT=0"

SOCK=$B
keys q q
expect_screen "bob quits" "EXIT=0"
