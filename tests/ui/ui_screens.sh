#!/bin/sh
# The other screens: journeys (new, rename, copy, delete with undo,
# import, export), personas and the journey's title, help, search,
# simulate, the mouse; and the terminal types and NO_COLOR.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

cat >"$T/bad.yaml" <<'EOF'
key: broken
title: Broken
touchpoints:
- key: a
  name: A
  stage: nowhere
EOF

# Without a terminal, or with an unknown journey, a clear message.
expect_rc "mot edit of an unknown journey fails" 1 "$MOT" edit no-such </dev/null
expect_err "and says which" "no journey 'no-such'"
expect_rc "mot without a terminal fails" 1 "$MOT" edit car-accident </dev/null
expect_err "and says why" "needs a terminal"
expect_rc "mot edit takes one journey" 2 "$MOT" edit a b </dev/null

# `mot` alone opens the journeys screen.
ui_start 80 24 --
expect_screen "mot without a command opens the journeys" "mot - journeys"
expect_screen "with touchpoint counts" "car-accident               31"

keys a
expect_screen "a asks for the title" "Title of the new journey:"
keys -l "Onboarding für Kunden"
keys Enter
expect_screen "and proposes a key made from it" "Its key: onboarding-fur-kunden"
keys Enter
expect_screen "the new journey opens on the map" \
	"New journey 'onboarding-fur-kunden': a adds a touchpoint"
keys q
keys r
expect_screen "r asks for the new key" "New key: onboarding-fur-kunden"
keys C-u
keys -l "onboarding"
keys Enter
expect_screen "the journey is renamed" \
	"Saved: rename journey 'onboarding-fur-kunden' to 'onboarding'"
keys c
expect_screen "c proposes a key for the copy" "Key of the copy: onboarding-2"
keys Enter
expect_screen "the copy is made" "Saved: copy journey 'onboarding' as 'onboarding-2'"
keys d
expect_screen "d asks first" "Delete journey 'onboarding-2' with its 0 touchpoints? (y/n)"
keys y
expect_screen "the copy is deleted" "Saved: delete journey 'onboarding-2'"
keys u
expect_screen "undo brings it back" "Undone: delete journey 'onboarding-2'"
keys i
expect_screen "i asks for a file" "YAML file to import:"
keys -l "$T/bad.yaml"
keys Enter
expect_screen "a bad file is refused with its line and column" \
	"bad.yaml:6:10:"
keys i
keys -l "$MOT_TOP/journeys/car-accident.yaml"
keys Enter
expect_screen "importing a journey that exists asks to replace it" \
	"Journey 'car-accident' exists. Replace it? (y/n)"
keys n
keys g j
keys x
expect_screen "x offers the export formats" "Export the journey as"
keys -l "markdown"
expect_screen "filtered as typed" "a Markdown journey map"
keys Enter
expect_screen "then asks where, in a folder it names in full" \
	"Export to: $HOME/car-accident.md"
keys C-u
keys -l "$T/map.md"
keys Enter
expect_screen "the export is written" "Wrote $T/map.md (md)"
keys q
expect_screen "mot quits" "EXIT=0"
if grep -q "Car accident claim" "$T/map.md" 2>/dev/null; then
	ok "the exported file holds the journey"
else
	not_ok "the exported file holds the journey"
fi
run "$MOT" list
expect_out "the renamed journey is in the database" "^onboarding "
expect_out "so is the copy whose delete was undone" "^onboarding-2 "

# The map's other keys.
ui_start 80 24 -- edit car-accident
expect_screen "the map opens" "Car accident claim"
keys s
expect_screen "s opens the simulation panel" "Simulate: Car accident claim"
keys Escape
expect_screen "Esc closes it" "Cancelled: nothing was changed"
keys -l "/claim"
keys Enter
expect_screen "/ finds a card by name" "Found 'A friend's claim story'"
keys n
expect_screen "n finds the next match, in the notes too" \
	"Found 'Searches \"car accident what to do\"' in its notes"
keys n
expect_screen "n finds the next match, ignoring case" "Found 'Claims page"
keys p
expect_screen "p shows the personas" "Personas and journey"
keys a
expect_screen "a opens the persona form" "New persona"
keys -l "Fleet manager"
keys Tab Tab
keys -l "0.1"
keys Enter
expect_screen "the persona is saved" "Saved: add persona 'Fleet manager'"
expect_screen "the shares no longer add up to 1, and it says so" \
	"The shares add up to"
keys e
expect_screen "e edits the journey's title" "Journey title and description"
keys End
keys -l " (2027)"
keys Enter
expect_screen "the title is saved" "Title: Car accident claim (2027)"
keys q
keys ?
expect_screen "? shows the help" "mot - keys"
for page in 1 2 3 4; do
	screen | grep -q "  Ctrl-R  " && break
	keys NPage
	sleep 0.2
done
expect_screen "help lists redo, a page or two down" "  Ctrl-R  "
keys End
expect_screen "help scrolls to the legend of the map" "Marks on the journey map"
keys q
expect_screen "q leaves the help" "Car accident claim (2027)"

# Mouse (SGR reports, as xterm sends them): click selects, double-click
# edits, the wheel scrolls the column under it.
keys -l "$(printf '\033[<0;35;7M\033[<0;35;7m')"
expect_screen "a click selects a card" "General service number with menu | FMOT"
keys -l "$(printf '\033[<0;35;7M\033[<0;35;7m\033[<0;35;7M\033[<0;35;7m')"
expect_screen "a double-click edits it" "Edit touchpoint: General service number"
keys Escape
keys -l "$(printf '\033[<65;50;5M')"
expect_screen "the wheel scrolls the column under the pointer" \
	"Replacement car next morning | SMOT"
keys q q
expect_screen "mot quits again" "EXIT=0"

# Terminal types; colour only where there is colour and NO_COLOR is unset.
for term in xterm-256color screen-256color linux vt100; do
	ui_start 80 24 TERM=$term -- edit car-accident
	expect_screen "TERM=$term shows the map" "Car accident claim (2027)"
	keys l j L
	expect_screen "TERM=$term takes keys" "Saved: move"
	keys u q q
	expect_screen "TERM=$term quits" "EXIT=0"
done
ui_start 80 24 -- edit car-accident
wait_for "Car accident claim" >/dev/null
if TM capture-pane -p -e | grep -q "$(printf '\033')\[3[0-7]m"; then
	ok "with colour by default"
else
	not_ok "with colour by default"
fi
keys q q
expect_screen "mot with colour quits" "EXIT=0"
ui_start 80 24 NO_COLOR=1 -- edit car-accident
wait_for "Car accident claim" >/dev/null
if TM capture-pane -p -e | grep -q "$(printf '\033')\[[34][0-7]m"; then
	not_ok "NO_COLOR: no colour"
else
	ok "NO_COLOR: no colour"
fi
expect_screen "NO_COLOR: emotions still read as numbers" ">-3 roadside"
keys q q
expect_screen "mot quits once more" "EXIT=0"
