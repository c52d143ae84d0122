#!/bin/sh
# Two designers on one database (SQLite; PostgreSQL in ui_team_pg.sh),
# each in a tmux session of its own: a change made in one appears in the
# other within a second without a key press there (and while the other is
# typing), the cursor stays on its card, and an open form is not
# overwritten.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

now_ms() { date +%s%3N; }

# live NAME TEXT: after a change was seen saved (at $T0, milliseconds),
# the other session ($SOCK) shows TEXT within 1000 ms.
live() {
	lv_end=$((T0 + 1000))
	while :; do
		if screen | grep -qF -- "$2"; then
			ok "$1 ($(($(now_ms) - T0)) ms)"
			return
		fi
		if [ "$(now_ms)" -gt "$lv_end" ]; then
			not_ok "$1 (not within 1000 ms: screen lacks '$2')"
			dump_screen
			return
		fi
		sleep 0.05
	done
}
# saved_at TEXT: wait until this session ($SOCK) shows TEXT; T0 is then.
saved_at() {
	wait_for "$1" >/dev/null || { not_ok "the save shows '$1'"; dump_screen; }
	T0=$(now_ms)
}

two_mots 80 24 car-accident "Car accident claim"

# 1. A is idle; B raises the first card's emotion.
SOCK=$A
expect_screen "A shows the first card" ">-3 roadside"
SOCK=$B
keys +
saved_at "Emotion of 'Collision at the roadside': -3 -> -2"
SOCK=$A
live "A shows B's change within a second, without a key" ">-2 roadside"

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
saved_at "Emotion of 'Collision at the roadside': -2 -> -1"
SOCK=$A
live "A, typing, shows B's change within a second" ">-1 roadside"
wait "$BUSY"

# 3. The cursor stays on its card: A selects the second card, B moves the
# first one down below it.
SOCK=$A
keys j
expect_re "A selects Remembered TV" ">→?Remembered TV"
SOCK=$B
keys J
saved_at "Saved: move 'Collision at the roadside'"
SOCK=$A
live "A shows the move within a second" "1 roadside"
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
saved_at "Emotion of 'Remembered TV spot with the 24/7 number': +2 -> +3"
SOCK=$A
live "A shows B's next change" "+3 tv"
expect_screen "and still says what its own last key did" \
	"Cancelled: nothing was changed" 1

for s in $A $B; do
	SOCK=$s
	keys q q
	expect_screen "mot quits" "EXIT=0"
done
