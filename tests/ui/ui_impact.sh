#!/bin/sh
# The Moment-of-Truth impact view (m): touchpoints ranked by removal
# effect or by the gain from one point of better emotion, largest first;
# Enter jumps to the card on the map, or says the card is gone.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

# The numbers of a column of the ranked rows, one a line: removal effect
# (the first field ending in %) or emotion gain (the field before "pp").
removals() {
	screen | awk '/^[0-9]+ / { for (i = 2; i <= NF; i++)
		if ($i ~ /%$/) { sub(/%$/, "", $i); print $i + 0; break } }'
}
gains() {
	screen | awk '/^[0-9]+ / { for (i = 3; i <= NF; i++)
		if ($i == "pp") { print $(i - 1) + 0; break } }'
}
# expect_desc NAME FUNCTION: at least 5 rows, none above the one before
expect_desc() {
	if $2 | awk 'NR > 1 && $1 > prev + 1e-9 { bad = 1 } { prev = $1; n++ }
		     END { exit !(n >= 5 && !bad) }'; then ok "$1"; else
		not_ok "$1"
		dump_screen
	fi
}
# The name in the list at rank $1 (as far as its column shows it).
ranked_name() {
	screen | awk -v r="$1" '$1 == r && /^[0-9]+ / {
		s = substr($0, 5, 32); sub(/ +$/, "", s); print s; exit }'
}

ui_start 80 24 -- edit car-accident
expect_screen "the map opens" "Car accident claim"
keys s
expect_screen "the panel opens" "Customers"
keys Enter
expect_screen "the run ends" "Simulated 100,000 customers"
keys m
expect_screen "m on the results opens the impact view" "Moment-of-Truth impact"
expect_screen "ranked by removal effect first" "Ranked by removal effect"
expect_screen "with the columns named" "REMOVAL"
expect_screen "emotion gain in points" " pp "
expect_desc "the rows are ordered by removal effect, largest first" removals
keys r
expect_screen "r ranks by emotion gain" "Ranked by emotion gain"
expect_desc "the rows are then ordered by emotion gain" gains
keys r
expect_screen "r again goes back to removal" "Ranked by removal effect"
keys j j
name=$(ranked_name 3)
if [ -n "$name" ]; then ok "the third row has a name"; else
	not_ok "the third row has a name"; dump_screen
fi
keys Enter
expect_screen "Enter jumps to the map and names the card" "'$name"
expect_screen "the map shows again" "Emotion along the most likely path"
if screen | awk -v n="$name" 'index($0, n) == 1 { f = 1 } END { exit !f }'
then ok "the card is selected: the detail panel shows it"; else
	not_ok "the card is selected: the detail panel shows it"; dump_screen
fi
keys m
expect_screen "m on the map opens it too" "Moment-of-Truth impact"
keys End
expect_screen "End goes to the last rank" "31  "
keys q
expect_screen "q goes back to the map" "Emotion along the most likely path"
keys q q
expect_screen "mot quits" "EXIT=0"

# A card deleted since the run: the jump says so.  The plain model has
# no emotion gain.
cat >"$T/tiny.yaml" <<'EOF'
key: tiny
title: Tiny shop
entries:
- to: window
touchpoints:
- key: window
  name: Shop window
  stage: lzmot
  drop: 0
  next:
  - to: forum
- key: forum
  name: Forum
  stage: zmot
  drop: 0
  next:
  - to: till
- key: till
  name: Till
  stage: smot
  conversion: true
  drop: 0
  next:
  - to: review
- key: review
  name: Review site
  stage: tmot
  drop: 0
EOF
expect_rc "the tiny shop imports" 0 "$MOT" import "$T/tiny.yaml"
ui_start 80 24 -- edit tiny
expect_screen "the tiny shop opens" "Tiny shop"
keys s
expect_screen "the panel opens on the tiny shop" "Customers"
keys Tab Tab Tab Space
expect_screen "the model switches to plain" "< plain >"
keys Enter
expect_screen "the plain run ends" "Simulated 100,000 customers"
keys m
expect_screen "every card up to the till carries all conversions" \
	"100.0%"
expect_screen "the plain model has no emotion gain" "n/a in the plain model"
keys r
expect_screen "and r says it cannot rank by it" \
	"Emotion gain is n/a in the plain model"
keys q q
keys -l "/Forum"
keys Enter
expect_screen "the forum card is found" "Found 'Forum'"
keys d
expect_screen "delete asks" "(y/n)"
keys y
expect_screen "the card is deleted" "Saved: delete 'Forum'"
keys m
expect_screen "the impact view still lists the run's cards" "Forum"
keys j
expect_screen "the second rank is the forum" "2   Forum"
keys Enter
expect_screen "Enter on a card deleted since says so" \
	"'Forum' is no longer in the journey"
expect_screen "and stays on the list" "Moment-of-Truth impact"
keys q q q
expect_screen "mot quits after the tiny shop" "EXIT=0"

# 40x12: the list fits, the narrow columns go first.
ui_start 40 12 -- edit car-accident
keys s
expect_screen "40x12: the panel opens" "Customers"
keys Enter
expect_screen "40x12: the run ends" "Simulated"
keys m
expect_screen "40x12: the header fits" "REMOVAL"
expect_screen "40x12: the first rank shows" "1   "
keys q q q q
expect_screen "mot quits at 40x12" "EXIT=0"
