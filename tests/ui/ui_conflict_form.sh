#!/bin/sh
# A card's form whose save is refused because another mot changed the card
# underneath stays open with the typed text, names the fields that differ,
# and lets the designer save over the new version (one undoable change)
# or discard; a card deleted underneath can be added again.  The same for
# the journey's title and description, a persona and a transition.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

# field KEY NAME: a touchpoint's field as stored, through the CLI.
field() {
	exported car-accident | awk -v k="$1" -v f="$2" '
		$0 == "- key: " k { on = 1; next }
		/^- key:/ { on = 0 }
		on && $1 == f ":" { sub(/^ *[a-z_]+: */, ""); print; exit }'
}
expect_field() {	# name key field value
	got=$(field "$2" "$3")
	if [ "$got" = "$4" ]; then ok "$1"; else
		not_ok "$1 ($3 is '$got', wanted '$4')"
	fi
}
# open_card: the editor of the selected card (the first one)
open_card() {
	keys Enter
	wait_for "Edit touchpoint: $1" >/dev/null
}

two_mots 80 24 car-accident "Car accident claim"

# 1. Different fields: A types a channel, B changes the emotion and saves.
SOCK=$A
open_card Collision
keys Tab Tab C-u
keys -l "Emergency phone line"
SOCK=$B
open_card Collision
keys Tab Tab Tab
keys -l -- "-1"
keys Enter
expect_screen "B saves its emotion" "Saved: set emotion of 'Collision"
SOCK=$A
keys Enter
expect_screen "A's refused save keeps the form open" \
	"Changed underneath by another mot: Emotion"
expect_screen "with A's typed channel" "Emergency phone line"
expect_re "and B's emotion taken into the untouched field" "Emotion.*-1"
expect_field "nothing of A's is stored yet" accident-scene channel roadside
keys Enter
expect_screen "A saves over the new version" \
	"Saved: change the channel of 'Collision at the roadside'"
expect_gone "the form closes" "Edit touchpoint: Collision"
expect_field "A's channel is stored" accident-scene channel \
	"Emergency phone line"
expect_field "B's emotion is not lost" accident-scene emotion -1
keys u
expect_screen "one u takes back A's change" \
	"Undone: change the channel of 'Collision at the roadside'"
expect_field "the channel is back" accident-scene channel roadside
expect_field "B's emotion stays" accident-scene emotion -1

# 2. The same field: both change the emotion; A discards hers.
SOCK=$B
expect_screen "B sees A's undo by itself" ">-1 roadside" 8
open_card Collision
keys Tab Tab Tab
keys -l "2"
SOCK=$A
open_card Collision
keys Tab Tab Tab
keys -l "1"
SOCK=$B
keys Enter
expect_screen "B saves +2" "Saved: set emotion of 'Collision"
SOCK=$A
keys Enter
expect_screen "A is told the emotion changed underneath" \
	"Changed underneath by another mot: Emotion"
expect_screen "the field holds A's value and says B's" "another mot: 2"
keys Escape
expect_screen "Esc discards A's version" "Discarded"
expect_field "B's +2 is stored" accident-scene emotion 2

# 3. The same field again; this time A saves over it, and undo goes back
# to B's value, not to the one A started from.
SOCK=$B
expect_screen "B is idle" "Car accident claim" 3
open_card Collision
keys Tab Tab Tab
keys -l -- "-2"
SOCK=$A
open_card Collision
keys Tab Tab Tab
keys -l "3"
SOCK=$B
keys Enter
expect_screen "B saves -2" "Saved: set emotion of 'Collision"
SOCK=$A
keys Enter
expect_screen "A's save is refused" "Changed underneath by another mot"
keys Enter
expect_screen "A saves +3 over B's -2" "Saved: set emotion of 'Collision"
expect_field "+3 is stored" accident-scene emotion 3
keys u
expect_screen "A undoes" "Undone: set emotion"
expect_field "undo gives back B's -2" accident-scene emotion -2

# 4. B deletes the card A is editing: A may add it again.
SOCK=$A
expect_screen "A is idle" "Car accident claim" 3
open_card Collision
keys End
keys -l " (kept)"
SOCK=$B
expect_screen "B sees A's undo by itself" ">-2 roadside" 8
keys d
wait_for "Delete" >/dev/null
keys y
expect_screen "B deletes the card" "Saved: delete 'Collision"
SOCK=$A
keys Enter
expect_screen "A is told the card is gone" "Deleted by another mot"
expect_screen "A's name is kept" "Collision at the roadside (kept)"
keys Enter
expect_screen "A adds it again" "Saved: add 'Collision at the roadside (kept)'"
expect_field "the card is back under its key" accident-scene name \
	"Collision at the roadside (kept)"

# 5. The journey's title and description: A types a description while
# B renames the journey; A's save keeps both.
SOCK=$B
expect_screen "B shows A's card again" "Collision at the roadside (kept)" 8
SOCK=$A
keys e
wait_for "Journey title and description" >/dev/null
keys Tab End
keys -l " (A's words)"
SOCK=$B
keys e
wait_for "Journey title and description" >/dev/null
keys End
keys -l " (B)"
keys Enter
expect_screen "B saves a new title" "Saved: change the title"
SOCK=$A
keys Enter
expect_screen "A's description form stays open, naming the title" \
	"Changed underneath by another mot: Title"
keys Enter
expect_screen "A saves over the new title" "Saved: change the description"
exported car-accident >"$T/out"
expect_out "B's title is stored" "^title: Car accident claim \(B\)$"
expect_out "A's description is stored" "^description: .*\(A's words\)'?$"

# 6. A persona: A changes its share while B renames it.
SOCK=$B
expect_screen "B shows A's description" "Car accident claim (B)" 3
keys p
wait_for "Personas" >/dev/null
SOCK=$A
keys p
wait_for "Personas" >/dev/null
keys Enter
wait_for "Edit persona" >/dev/null
keys Tab Tab
keys -l "0.5"
SOCK=$B
keys Enter
wait_for "Edit persona" >/dev/null
keys End
keys -l " (B)"
keys Enter
expect_screen "B renames the persona" "Saved: edit persona 'Stressed first-time claimant (B)'"
SOCK=$A
keys Enter
expect_screen "A's persona form stays open, naming the name" \
	"Changed underneath by another mot: Name"
keys Enter
expect_screen "A saves its share over B's name" \
	"Saved: edit persona 'Stressed first-time claimant (B)'"
exported car-accident >"$T/out"
expect_out "B's persona name is stored" "^  name: Stressed first-time claimant \(B\)$"
expect_out "A's share is stored" "^  share: 0.5$"
keys q
SOCK=$B
keys q

# 7. A transition: A changes its weight while B labels it.
for s in $A $B; do
	SOCK=$s
	keys 0 g t
	wait_for "Transitions" >/dev/null
	keys Enter
	wait_for "Change transition:" >/dev/null
done
SOCK=$A
keys -l "7"
SOCK=$B
keys Tab C-u
keys -l "via B"
keys Enter
expect_screen "B labels the transition" "Saved: change transition"
SOCK=$A
keys Enter
expect_screen "A's weight form stays open, naming the label" \
	"Changed underneath by another mot: Label"
keys Enter
expect_screen "A saves its weight over B's label" "Saved: change transition"
exported car-accident >"$T/out"
expect_out "A's weight and B's label are stored" "^    label: via B$"
expect_out "with A's weight" "^    weight: 7$"
keys q
SOCK=$B
keys q

for s in $A $B; do
	SOCK=$s
	keys q q
	expect_screen "mot quits" "EXIT=0"
done
