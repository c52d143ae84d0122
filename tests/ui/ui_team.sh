#!/bin/sh
# Two designers on one database (SQLite; PostgreSQL in ui_team_pg.sh),
# each in a tmux session of its own: a change made in one appears in the
# other within a second without a key press there (and while the other is
# typing), the cursor stays on its card, and an open form is not
# overwritten.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

two_mots 80 24 car-accident "Car accident claim"

# 1. A is idle; B raises the first card's emotion.
SOCK=$A
expect_screen "A shows the first card" ">-3 roadside"
SOCK=$B
keys +
at "Emotion of 'Collision at the roadside': -3 -> -2"
SOCK=$A
within "A shows B's change within a second, without a key" ">-2 roadside" 1000

# 2. A keeps pressing keys (Ctrl-L, redraw) while B changes the card:
# the change still shows within a second.
SOCK=$A
(i=0; while [ $i -lt 30 ]; do
	tmux -L "$A" send-keys C-l 2>/dev/null; sleep 0.1; i=$((i + 1))
done) &
BUSY=$!
sleep 0.5
SOCK=$B
keys +
at "Emotion of 'Collision at the roadside': -2 -> -1"
SOCK=$A
within "A, typing, shows B's change within a second" ">-1 roadside" 1000
wait "$BUSY"

# 3. The cursor stays on its card: A selects the second card, B moves the
# first one down below it.
SOCK=$A
keys j
expect_re "A selects Remembered TV" ">→?Remembered TV"
SOCK=$B
keys J
at "Saved: move 'Collision at the roadside'"
SOCK=$A
within "A shows the move within a second" "1 roadside" 1000
expect_re "A's cursor stayed on Remembered TV" ">→?Remembered TV"

# 4. An open form is not overwritten: A types in a card's form while B
# changes that card.
SOCK=$A
keys Enter
expect_screen "A opens Remembered TV's form" "Edit touchpoint: Remembered TV"
keys Tab Tab C-u
keys -l "Streaming ads"
SOCK=$B
keys k +
wait_for "Emotion of 'Remembered" >/dev/null
SOCK=$A
sleep 1.5
expect_screen "A's form keeps what A typed" "Streaming ads"
expect_screen "A's form is still open" "Edit touchpoint: Remembered TV"
keys Escape
expect_screen "A cancels the form" "Cancelled: nothing was changed"

# A reload keeps the designer's own last message on the status line: it
# says what became of the last key.
SOCK=$B
keys +
at "Emotion of 'Remembered TV spot with the 24/7 number': +2 -> +3"
SOCK=$A
within "A shows B's next change" "+3 tv" 1000
expect_screen "and still says what its own last key did" \
	"Cancelled: nothing was changed" 1

for s in $A $B; do
	SOCK=$s
	keys q q
	expect_screen "mot quits" "EXIT=0"
done
