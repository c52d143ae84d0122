#!/bin/sh
# What a new user ran into (issue 10, point 7), each seen on the screen:
# the search prompt's old term is replaced by typing; number fields say
# what an empty value means; the customers limit is named; undo names a
# description edit; singular counts; the personas screen's headers and
# its warning about shares; the curve's signs and the selected point;
# the export folder and the full path written.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

mkdir -p "$HOME/Documents"
cat >"$T/one.yaml" <<'YAML'
key: one
title: One card
entries:
  - to: only
touchpoints:
  - key: only
    name: Only card
    stage: zmot
    emotion: -1
    conversion: true
YAML
"$MOT" import "$T/one.yaml" >/dev/null

ui_start 100 30 -- edit one
# Plurals: one touchpoint, one step.
expect_re "one touchpoint, not 1 touchpoints" "1 touchpoint$"
keys l
expect_screen "one step, not 1 steps" "most likely path, 1 step;"
# The curve: -1 drawn with its sign, the selected card's point named.
expect_screen "the selected point is named on the curve's rule" \
	"selected: Only card -1, step 1"
expect_re "the point below the axis carries its sign" "^ +-1 *$"
# Number fields say what empty means; an empty emotion is 0.
keys Enter
wait_for "Edit touchpoint" >/dev/null
keys Tab Tab Tab
expect_screen "the emotion's range and default" \
	"a whole number from -3 to +3; empty: 0"
keys C-u Enter
expect_screen "an empty emotion is saved as 0" \
	"Saved: set emotion of 'Only card' to 0"
keys q
wait_for "mot - journeys" >/dev/null
keys q
wait_for "EXIT=" >/dev/null

ui_start 100 30 -- edit car-accident
expect_screen "the map opens" "Car accident claim"

# / : the last term is offered selected; typing replaces it.
keys /
keys -l "taxi home"
keys Enter
expect_screen "the first search finds the tow truck" "Found 'Tow truck"
keys /
expect_screen "the last term is offered" "Search names, notes and lanes: taxi home"
keys -l "replacement car next"
keys Enter
expect_screen "typing replaced it: the new term is searched" \
	"Found 'Replacement car next morning"

# The simulation panel names its real limit, the command line's.
keys s
wait_for "Customers" >/dev/null
expect_screen "the limit under the field" \
	"required: a whole number from 1 to 1,000,000,000,000"
keys -l "2000000000000"
expect_screen "too many customers: the real limit" \
	"Customers must be a whole number from 1 to 1,000,000,000,000"
keys Escape

# Undo names what it takes back: the description, not the title.
keys e
wait_for "Journey title and description" >/dev/null
keys Tab
keys -l " Rewritten."
keys Enter
expect_screen "the description is saved as such" \
	"Saved: change the description of 'car-accident'"
keys u
expect_screen "undo says it is the description" \
	"Undone: change the description of 'car-accident'"

# Personas: clear headers; shares that do not add up are pointed out,
# with what a simulation makes of them.
keys p
expect_screen "the headers say what the columns are" \
	"SHARE PATIENCE EXPLORE BIAS EMOTION SENSITIVITY"
keys a
wait_for "New persona" >/dev/null
keys -l "Fleet manager"
keys Tab Tab
keys -l "0.25"
keys Enter
expect_screen "the persona is saved" "Saved: add persona 'Fleet manager'"
expect_screen "the shares are said to be off" "The shares add up to 1.25, not 1"
expect_screen "with the shares a simulation uses" "a simulation scales them:"
expect_screen "and in the title bar" "shares off"
keys u
expect_gone "undo: the warning goes" "The shares add up to"
keys q

# Export: the documents folder offered, the full path written.
keys x
wait_for "Export the journey as" >/dev/null
keys Enter
expect_screen "the documents folder is offered" \
	"Export to: $HOME/Documents/car-accident.yaml"
keys Enter
expect_screen "the message names the full path" \
	"Wrote $HOME/Documents/car-accident.yaml (yaml)"
if [ -s "$HOME/Documents/car-accident.yaml" ]; then
	ok "the file is in the documents folder"
else
	not_ok "the file is in the documents folder"
fi
keys x
wait_for "Export the journey as" >/dev/null
keys Enter
keys -l "copy.yaml"
keys Enter
expect_screen "a bare name goes to the folder offered" \
	"Wrote $HOME/Documents/copy.yaml (yaml)"
if cmp -s "$HOME/Documents/car-accident.yaml" "$HOME/Documents/copy.yaml"; then
	ok "both files hold the journey"
else
	not_ok "both files hold the journey"
fi

# Results: the funnel and the loop histogram on one scale, and said so.
keys s
wait_for "Customers" >/dev/null
keys Enter
expect_screen "the run ends" "Simulated 100,000 customers"
expect_screen "the funnel's bars are shares of all customers" \
	"Funnel: customers reaching each stage (bars: share of all customers)"
keys G
expect_screen "the loops' bars too" \
	"loops per customer (bars: share of all customers)"
# Every bar on screen, funnel and loops alike: as long as its share.
screen | awk '
	/\[[#.]+\] +[0-9.]+%$/ {
		b = $0; sub(/^[^[]*\[/, "", b); sub(/\].*/, "", b)
		w = length(b); f = gsub(/#/, "#", b)
		p = $NF; sub(/%/, "", p)
		want = int(p / 100 * w + 0.5); if (p > 0 && want == 0) want = 1
		n++; if (f != want) bad++
	}
	END { exit !(n >= 4 && bad == 0) }' &&
	ok "bars of funnel and loops are drawn to one scale" ||
	{ not_ok "bars of funnel and loops are drawn to one scale"; dump_screen; }
# The map's detail line: "left here" labelled as the picture's, of those
# who came by (and early enough on the line to show at 100 columns).
keys q
expect_re "the map labels left here as a share of the card's visitors" \
	"visits/customer, [0-9]+% of visitors left here"
keys q q
expect_screen "mot ends" "EXIT=0"
