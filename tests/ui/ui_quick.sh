#!/bin/sh
# Quick add (i on the map): cards typed one after another with shorthand,
# Tab to the next stage, every card its own undoable change.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

"$MOT" new energy --title "Switching energy supplier" >/dev/null

ui_start 120 30 -- edit energy
expect_screen "the empty map opens" "Switching energy supplier"
keys i
expect_screen "i opens the quick-add line on <ZMOT" "+ <ZMOT>"
expect_screen "with the shorthand as a placeholder" "@channel -1 #xplr"
keys -l "Annual settlement bill @letter -2 >3 ~"
keys Enter
expect_screen "Enter adds the card and says what the shorthand set" \
	"Added 'Annual settlement bill' to <ZMOT: letter, emotion -2, entry 3, not controlled"
expect_screen "the card is on the map" ">Annual settlement bill"
keys -l "Price increase letter @letter -2 >2 !"
keys Enter
expect_screen "the next card follows in the same stage" \
	"Added 'Price increase letter' to <ZMOT"
expect_screen "the stage holds both" "<ZMOT 2"
keys Tab
expect_screen "Tab goes to the next stage" "+ ZMOT>"
keys -l "Comparison portal @comparison-site -1 #xplr 10% ~"
keys Enter
expect_screen "phase and drop from the shorthand" \
	"to ZMOT: comparison-site, emotion -1, exploration, drop 0.1, not controlled"
keys -l "Top 3 deals"
keys Enter
expect_screen "words that are not shorthand stay in the name" \
	"Added 'Top 3 deals' to ZMOT"
keys BTab
expect_screen "Shift-Tab goes back a stage" "+ <ZMOT>"
keys BTab
expect_screen "not before the first" "+ <ZMOT>"
keys Tab Tab Tab
expect_screen "Tab goes on to SMOT" "+ SMOT>"
keys -l "Welcome call H +2"
keys Enter
keys Escape
expect_screen "Esc ends and counts the cards" "Quick add: 5 cards added"

# Each card is its own change: u takes the last one back.
keys u
expect_screen "u undoes the last card" "Undone: add 'Welcome call' to SMOT"
expect_screen "SMOT is empty again" "SMOT 0"

# Enter on an empty line ends too.
keys h h i
expect_screen "i again, on ZMOT" "+ ZMOT>"
keys Enter
expect_screen "an empty line ends" "Quick add: 0 cards added"

keys q q
expect_screen "mot ends" "EXIT=0"

exported energy >"$T/out"
expect_out "the first card's key comes from its name" "^- key: annual-settlement-bill$"
expect_out "with its channel" "^  channel: letter$"
expect_out "not controlled" "^  controlled: false$"
expect_out "the entry weights" "^  weight: 3$"
expect_out "the critical mark" "^  critical: true$"
expect_out "the exploration phase" "^  phase: exploration$"
expect_out "the drop" "^  drop: 0.1$"
expect_out "the name with words that are not shorthand" "^  name: Top 3 deals$"
if grep -q "welcome-call" "$T/out"; then
	not_ok "the undone card is not in the database"
else
	ok "the undone card is not in the database"
fi
# Cards stay in the order typed.
awk '/^- key:/ { print $3 }' "$T/out" | tr '\n' ' ' >"$T/order"
if [ "$(cat "$T/order")" = "annual-settlement-bill price-increase-letter comparison-portal top-3-deals " ]; then
	ok "the cards are in the order they were typed"
else
	not_ok "the cards are in the order they were typed ($(cat "$T/order"))"
fi
