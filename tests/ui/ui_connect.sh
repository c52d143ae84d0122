#!/bin/sh
# Drawing transitions with the cursor (c, C), the graph marks on the map
# (-> <- <->), deleting from either end, and the paths view (T).
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

cat >"$T/j.yaml" <<'YAML'
key: flow
title: Flow
entries:
  - to: ad
touchpoints:
  - key: ad
    name: Ad
    stage: lzmot
  - key: portal
    name: Portal
    stage: zmot
    phase: exploration
  - key: reviews
    name: Reviews
    stage: zmot
    phase: evaluation
  - key: form
    name: Form
    stage: fmot
  - key: confirm
    name: Confirm
    stage: smot
    conversion: true
  - key: review
    name: Review
    stage: tmot
YAML
"$MOT" import "$T/j.yaml" >/dev/null

ui_start 100 30 NO_COLOR=1 -- edit flow
expect_screen "the map opens" "Flow"
keys '$'
expect_screen "\$ goes to the last stage" ">Review"
keys 0
expect_screen "0 to the first" ">Ad"

# c on Ad: fan out to Portal and (weight 3) Reviews.
keys c
expect_screen "c starts connecting from the card" "CONNECT Ad -> Ad"
keys l
expect_screen "the movement keys pick the target" "CONNECT Ad -> Portal"
keys Enter
expect_screen "Enter draws the transition" "Saved: add transition 'Ad' -> 'Portal'"
expect_screen "the source is marked while connecting" "●Ad"
keys Enter
expect_screen "twice is refused, with the weight it has" \
	"'Ad' -> 'Portal' is there already (weight 1)"
keys j
keys -l "3"
expect_screen "digits typed are the weight" "weight 3"
keys Enter
expect_screen "the second transition" "Saved: add transition 'Ad' -> 'Reviews'"
keys h
expect_screen "a card to itself is refused" "CONNECT Ad -> Ad"
keys Enter
expect_screen "with a reason" "That is 'Ad' itself"
keys Escape
expect_screen "Esc ends and counts" "Connected: 2 transitions drawn"
expect_screen "back on the card it started from: its targets marked" "→Portal"
expect_screen "both targets marked" "→Reviews"

# C chains Portal -> Reviews -> Portal (the messy-middle loop) -> ...
keys l
keys C
expect_screen "C starts a chain" "CHAIN Portal -> Portal"
keys j Enter
expect_screen "Portal -> Reviews" "Saved: add transition 'Portal' -> 'Reviews'"
expect_screen "the chain goes on from Reviews" "CHAIN Reviews -> Reviews"
keys k Enter
expect_screen "Reviews -> Portal" "Saved: add transition 'Reviews' -> 'Portal'"
keys l Enter l Enter l Enter
expect_screen "across the stages to TMOT" \
	"Saved: add transition 'Confirm' -> 'Review'"
keys u
expect_screen "u undoes the last one while chaining" \
	"Undone: add transition 'Confirm' -> 'Review'"
expect_screen "and the chain goes on from where it started" \
	"CHAIN Confirm -> Review"
keys Enter
expect_screen "so Enter draws it again" \
	"Saved: add transition 'Confirm' -> 'Review'"
keys q
expect_screen "q ends the chain" "Connected: 6 transitions drawn"

# The marks read against the selected card: Portal leads to Reviews and
# back, and to Form.
keys h h h j
expect_screen "Reviews selected" ">Reviews"
expect_screen "<-> marks a card it leads to and comes from" "↔Portal"
keys k
expect_screen "from Portal: <- Ad, <-> Reviews, -> Form" "←Ad"
expect_screen "and Form" "→Form"

# T: the paths two steps out, in place of the curve.
keys T
expect_screen "T shows the paths" "Paths from Portal, two steps out"
expect_screen "with the shares two steps out" "→ Reviews 50%  → Portal 50%"
expect_screen "and the other way" "→ Form 50%  → Confirm 50%"
expect_screen "and where customers come from" "← from: Ad, Reviews"
keys T
expect_screen "T again: the curve" "Emotion along the most likely path"

# d while connecting deletes the transition to the selected card.
keys c l
expect_screen "connecting from Portal to Form" "CONNECT Portal -> Form"
keys d
expect_screen "d asks first" "Delete the transition Portal -> Form? (y/n)"
keys y
expect_screen "and deletes" "Saved: delete transition 'Portal' -> 'Form'"

# c while connecting goes on from the selected card; : asks for a label.
keys c
expect_screen "c goes on from Form" "CONNECT Form -> Form"
keys l l
keys :
expect_screen ": asks for the label" "Label of Form -> Review:"
keys -l "asks for feedback"
keys Enter
expect_screen "the labelled transition is drawn" "Saved: add transition 'Form' -> 'Review'"
keys Escape
expect_screen "Esc: back on Form" ">Form"

# A on the transitions screen adds one coming in.
keys t
expect_screen "Form's transitions: Reviews no longer leads here" "In: no transition leads here"
keys A
expect_screen "A asks where customers come from" "Where do customers come from?"
keys -l "revie"
keys Enter
expect_screen "the weight form for the incoming one" "New transition: Reviews -> Form"
keys Enter
expect_screen "saved from the target's end" "Saved: add transition 'Reviews' -> 'Form'"
expect_screen "listed as coming in" "<- Reviews"
keys q q q
expect_screen "mot ends" "EXIT=0"

exported flow >"$T/out"
awk '/^- key:/ { k = $3 } /^  - to:/ { t = $3 } /^    weight:/ { w[k " " t] = $2 }
     /^  - to:/ { print k " -> " $3 }' "$T/out" >"$T/edges"
for e in "ad -> portal" "ad -> reviews" "portal -> reviews" "reviews -> portal" \
	"reviews -> form" "form -> confirm" "confirm -> review" "form -> review"; do
	if grep -qx "$e" "$T/edges"; then ok "the database has $e"; else
		not_ok "the database has $e"; sed 's/^/#   /' "$T/edges"; fi
done
if grep -qx "portal -> form" "$T/edges"; then
	not_ok "portal -> form was deleted"; else ok "portal -> form was deleted"; fi
if grep -A1 "^  - to: reviews" "$T/out" | grep -q "weight: 3"; then
	ok "ad -> reviews has the typed weight 3"; else
	not_ok "ad -> reviews has the typed weight 3"; fi
expect_out "the label typed after :" "^    label: asks for feedback$"
