#!/bin/sh
# Two mots on the same journey: an edit based on data the other changed is
# refused and the newer data shown, never silently overwritten; an idle
# mot picks up the other's changes by itself; undo refuses to undo over
# someone else's change.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

two_mots 80 24 car-accident "Car accident claim"

# A starts editing the first card; B changes the same card and saves.
SOCK=$A
keys Enter
expect_screen "A opens the editor" "Edit touchpoint: Collision at the roadside"
keys Tab Tab Tab
keys -l "2"
SOCK=$B
keys Enter
wait_for "Edit touchpoint: Collision" >/dev/null
keys Tab Tab Tab
keys -l -- "-1"
keys Enter
expect_screen "B saves its change" \
	"Saved: set emotion of 'Collision at the roadside' to -1"

# A saves: refused; A discards hers (ui_conflict_form.sh: or saves over)
# and now shows B's value.
SOCK=$A
keys Enter
expect_screen "A's save is refused as a conflict" \
	"Not saved: the touchpoint was changed by another mot since"
keys Escape
expect_screen "A shows the newer emotion" ">-1 roadside"
exported car-accident | awk '/^- key: accident-scene$/ { on = 1; next }
	/^- key:/ { on = 0 } on && /emotion:/ { print $2 }' >"$T/emo"
if [ "$(cat "$T/emo")" = -1 ]; then
	ok "the database keeps B's value"
else
	not_ok "the database keeps B's value (emotion $(cat "$T/emo"))"
fi

# B moves a card; A, idle, reloads by itself (and says so, its own last
# message having gone with a key).
SOCK=$A
keys C-l
SOCK=$B
keys J
expect_screen "B moves the card down" "Saved: move 'Collision at the roadside'"
SOCK=$A
expect_screen "idle A reloads the journey by itself" \
	"Reloaded: another mot changed this journey" 8
expect_screen "and shows the card where B put it" "→Remembered TV  →Searches"

# A adds a card, B renames it, A's undo must not delete B's work.
keys a
wait_for "New touchpoint" >/dev/null
keys -l "Roadside beacon app"
keys Enter
expect_screen "A adds a card" "Saved: add 'Roadside beacon app'"
SOCK=$B
expect_screen "B sees it after its own reload" " Roadside       " 8
keys -l "/beacon"
keys Enter Enter
expect_screen "B finds it and opens its editor" \
	"Edit touchpoint: Roadside beacon app"
keys End
keys -l " (beta)"
keys Enter
expect_screen "B renames A's card" "Saved: change the name of 'Roadside beacon app (beta)'"
SOCK=$A
keys u
expect_screen "A's undo is refused" \
	"Cannot undo add 'Roadside beacon app' to <ZMOT: the touchpoint was changed"
exported car-accident >"$T/out"
expect_out "B's renamed card is still there" "^  name: Roadside beacon app \(beta\)$"

for s in $A $B; do
	SOCK=$s
	keys q q
	expect_screen "mot quits" "EXIT=0"
done
