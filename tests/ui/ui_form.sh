#!/bin/sh
# Forms check values as they are typed and refuse to save bad ones: the
# database does not change until every field is right.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

"$MOT" list >/dev/null	# create and seed the database
before=$(db_sum)

ui_start 80 24 -- edit house-move
expect_screen "the map opens" "House move with the insurer"
keys a
expect_screen "the add form opens" "New touchpoint in <ZMOT"

# An empty name is refused on save, with the reason shown.
keys Enter
expect_screen "an empty name is refused" "Name must not be empty"

keys -l "Moving checklist"
keys Tab
expect_screen "Tab skips to the phase in the short form" "Phase> < none >"
expect_screen "the status line offers every field" "Ctrl-F all fields"
keys BTab C-f
expect_screen "Ctrl-F shows every field" "Every field (Ctrl-F: the short form)"
expect_screen "the long form shows the dwell" "Dwell (min)"
keys Tab
keys -l "Bad Key"
expect_screen "a bad key is reported as typed" "Key: lower-case letters a-z"
keys C-u
keys Tab Tab Tab Tab Tab
keys -l "5"
expect_screen "emotion 5 is reported at once" \
	"Emotion must be a whole number from -3 to +3"
keys BSpace
keys -l "x"
expect_screen "a word is not an emotion" "Emotion must be a whole number"
keys BSpace
keys -l -- "-3"
expect_gone "a good value clears the message" "Emotion must be"
keys Tab
keys -l "1.5"
expect_screen "drop 1.5 is out of range" "Drop must be a number from 0 to 1"
keys Enter
expect_screen "Enter does not save with a bad field" \
	"Drop must be a number from 0 to 1"
if [ "$(db_sum)" = "$before" ]; then ok "nothing was written"; else
	not_ok "nothing was written"; fi
keys C-u
keys -l "0,25"
expect_gone "a decimal comma is fine" "Drop must be"
keys Escape
expect_screen "Esc cancels the form" "Cancelled: nothing was changed"
if [ "$(db_sum)" = "$before" ]; then ok "cancelling wrote nothing"; else
	not_ok "cancelling wrote nothing"; fi

# A transition weight must be greater than 0.
keys t
expect_screen "the transitions screen opens" "Transitions of"
keys Enter
expect_screen "Enter changes the first transition" "Change transition:"
keys C-u
keys -l "0"
expect_screen "weight 0 is refused" "Weight must be a number greater than 0"
keys Enter
expect_screen "and not saved" "Weight must be a number greater than 0"
keys Escape q

# Personas: share above 1, patience below 1.
keys p
expect_screen "p shows the personas" "Personas and journey"
keys Enter
expect_screen "Enter edits a persona" "Edit persona"
keys Tab Tab Tab
keys -l "2"
expect_screen "a share above 1 is refused" "Share must be a number from 0 to 1"
keys C-u
keys -l "0.5"
keys Tab
keys -l "0"
expect_screen "patience 0 is refused" "Patience must be a whole number"
keys Escape
keys e
expect_screen "e edits the journey's title" "Journey title and description"
keys C-u Enter
expect_screen "an empty title is refused" "Title must not be empty"
keys Escape q q q
expect_screen "mot ends" "EXIT=0"
if [ "$(db_sum)" = "$before" ]; then ok "no bad value reached the database"
else not_ok "no bad value reached the database"; fi
