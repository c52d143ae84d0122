#!/bin/sh
# The designer at 80x24: open a sample journey, add a touchpoint through
# the form, change its emotion, add a transition, move it to another stage
# and back, undo and redo, delete with confirmation, quit; then read the
# database back through `mot export`.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

ui_start 80 24 -- edit car-accident
expect_screen "the map opens on the journey" "Car accident claim"
expect_screen "five stage columns at 80x24" "TMOT"
expect_screen "the emotion curve is drawn" "most likely path"

# Add a touchpoint to ZMOT through the form.
keys l a
expect_screen "a opens the form for the current stage" "New touchpoint in ZMOT"
keys -l "Vergleichsportal"
# The short form: name, phase, channel, emotion ...
keys Tab Right Right Tab Tab
keys -l -- "-2"
keys Enter
expect_screen "the touchpoint is saved" "Saved: add 'Vergleichsportal' to ZMOT"
expect_screen "its card shows its emotion and phase" "-2 XPLR"

# Change its emotion in the editor.
keys Enter
expect_screen "Enter edits the selected card" "Edit touchpoint: Vergleichsportal"
keys Tab Tab Tab
keys -l "1"
keys Enter
expect_screen "the emotion change is saved" \
	"Saved: set emotion of 'Vergleichsportal' to +1"

# The form opens with the cursor at the end of the name: typing appends.
keys Enter
expect_screen "the editor opens again" "Edit touchpoint: Vergleichsportal"
keys -l " NL"
expect_screen "typing appends to the name" "Name> Vergleichsportal NL"
keys Enter
expect_screen "the longer name is saved" \
	"Saved: change the name of 'Vergleichsportal NL'"
keys Enter C-u
keys -l "Vergleichsportal"
keys Enter
expect_screen "Ctrl-U clears the name for a new one" \
	"Saved: change the name of 'Vergleichsportal'"

# E makes the card an entry, and takes it back.
keys E
expect_screen "E makes the card an entry" \
	"Saved: make 'Vergleichsportal' an entry"
expect_screen "the detail panel shows the entry weight" "| entry 1"
keys E
expect_screen "E again: no entry any more" \
	"Saved: no entry at 'Vergleichsportal' any more"
expect_gone "no entry weight any more" "| entry 1"

# Add a transition, picking the target from a filtered list.
keys t
expect_screen "t shows the transitions" "Transitions of Vergleichsportal"
keys a
expect_screen "a opens the target list" "Pick the target"
keys -l "online cl"
expect_screen "the list filters as you type" "Online claim form  (FMOT)"
keys Enter
expect_screen "the weight form opens" "New transition: Vergleichsportal -> Online"
keys -l "3"
keys Tab
keys -l "compares offers"
keys Enter
expect_screen "the transition is saved" "3 100% compares offers"
keys q

# To the next stage and back.
keys L
expect_screen "L moves the card to FMOT" "Saved: move 'Vergleichsportal' to FMOT"
keys H
expect_screen "H moves it back to ZMOT" "Saved: move 'Vergleichsportal' to ZMOT"

# Undo and redo.
keys u
expect_screen "u undoes the last move" "Undone: move 'Vergleichsportal' to ZMOT"
expect_screen "the card is back in FMOT" "FMOT 7"
keys C-r
expect_screen "Ctrl-R redoes it" "Redone: move 'Vergleichsportal' to ZMOT"
expect_screen "the card is in ZMOT again" "ZMOT 8"

# Delete asks first; n keeps it, y deletes it, u brings it back whole.
keys d
expect_screen "d asks before deleting" "Delete 'Vergleichsportal' and its transitions? (y/n)"
keys n
expect_screen "n keeps it" "ZMOT 8"
keys d
wait_for "(y/n)" >/dev/null
keys y
expect_screen "y deletes it" "Saved: delete 'Vergleichsportal'"
expect_screen "the stage has one card less" "ZMOT 7"
keys u
expect_screen "undo restores the deleted card" "Undone: delete 'Vergleichsportal'"
expect_screen "with its transition" "out: Online claim form 100%"

keys q
expect_screen "q goes back to the journeys" "mot - journeys"
keys q
expect_screen "q on the journeys screen quits" "EXIT=0"
expect_screen "the terminal is back in cooked mode" "TTY=icanon echo"

exported car-accident >"$T/out"
expect_out "the database has the touchpoint" "^- key: vergleichsportal$"
expect_out "with the emotion set in the editor" "^  emotion: 1$"
expect_out "in ZMOT as exploration" "^  phase: exploration$"
expect_out "and the transition with weight and label" "^    label: compares offers$"
# It sits second in ZMOT: added after the first card, moved out and back.
awk '/^- key:/ { k = $3 } /^  stage: zmot$/ { print k }' "$T/out" |
	sed -n 2p >"$T/second"
if [ "$(cat "$T/second")" = vergleichsportal ]; then
	ok "moving to FMOT and back kept its place"
else
	not_ok "moving to FMOT and back kept its place (second is $(cat "$T/second"))"
fi
