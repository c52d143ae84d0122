#!/bin/sh
# The walkthrough (w): simulated customers card to card, one step per
# key or played, with the events of each step in words and how the story
# ended; n and N change the customer; a journey the engine refuses stays
# on the map with a message.  Journeys without chance (every drop 0 or 1,
# one transition each) make every story certain.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

# Window, comparison (explore), reviews (evaluate), forum (explore again:
# a loop of the messy middle), demo, till (buys), review site (+3 all the
# way: a promoter), and no way on from there.
tiny() {	# key drop-at-window patience
	cat <<EOF
key: $1
title: Tiny shop $1
personas:
- key: bargain
  name: Bargain hunter
  share: 1
  patience: $3
entries:
- to: window
touchpoints:
- key: window
  name: Shop window
  stage: lzmot
  emotion: 3
  drop: $2
  next:
  - to: compare
- key: compare
  name: Comparison site
  stage: zmot
  phase: exploration
  emotion: 3
  drop: 0
  next:
  - to: reviews
- key: reviews
  name: Reviews
  stage: zmot
  phase: evaluation
  emotion: 3
  drop: 0
  next:
  - to: forum
- key: forum
  name: Forum
  stage: zmot
  phase: exploration
  emotion: 3
  drop: 0
  next:
  - to: demo
- key: demo
  name: Demo in store
  stage: fmot
  phase: evaluation
  emotion: 3
  drop: 0
  next:
  - to: till
- key: till
  name: Till
  stage: smot
  conversion: true
  emotion: 3
  drop: 0
  next:
  - to: review
- key: review
  name: Review site
  stage: tmot
  emotion: 3
  drop: 0
EOF
}
tiny tiny 0 50 >"$T/tiny.yaml"
tiny leaky 1 50 >"$T/leaky.yaml"
tiny impatient 0 3 >"$T/impatient.yaml"
expect_rc "the test journeys import" 0 "$MOT" import "$T/tiny.yaml" \
	"$T/leaky.yaml" "$T/impatient.yaml"
expect_rc "a journey without entries is made" 0 "$MOT" new no-entry \
	--title "No entry yet"

# The real flow: simulate from the map (s, Enter), then w on the results.
ui_start 80 24 -- edit tiny
expect_screen "the map opens" "Tiny shop tiny"
keys s
expect_screen "s opens the simulation panel" "Customers"
keys Enter
expect_screen "the run ends on the results" "Simulated 100,000 customers"
keys w
expect_screen "w opens the walkthrough at the first step" \
	"Customer 1, step 1 of 7 (Bargain hunter)"
expect_screen "the title says it is the walkthrough" "Walkthrough: Tiny shop tiny"
expect_screen "the customer's card is marked on the compact map" ">Shop window"
expect_screen "the first step says where the customer entered" \
	"enters the journey here"
expect_screen "with the mood after it" "mood +3.0, loops 0, at Shop window"
keys Space
expect_screen "Space takes a step" "step 2 of 7"
expect_screen "the card left is on the trail" "*Shop window"
keys l l
expect_screen "l steps too" "step 4 of 7"
expect_screen "coming back to exploring after evaluating is a loop" \
	"loops back to exploring"
expect_screen "and counted" "loops 1, at Forum"
expect_screen "the trail tells the order" \
	"Trail: Shop window > Comparison site > Reviews > Forum"
keys h
expect_screen "h goes a step back" "step 3 of 7"
keys Right Right Right
expect_screen "the till is where the customer buys" "BUYS"
keys Space
expect_screen "the last step rates the customer" "becomes a PROMOTER"
expect_screen "and says there is no way on" "no way on: leaves"
expect_screen "the last line tells how the story ended" \
	"The end after 7 steps: BOUGHT at step 6, a PROMOTER; no way on from Review site"
expect_screen "and n is offered for the next customer" \
	"The end of customer 1's story: n for the next customer"
keys n
expect_screen "n goes to the next customer, from the start" \
	"Customer 2, step 1 of 7"
keys N
expect_screen "N goes back to the one before" "Customer 1, step 1 of 7"
keys N
expect_screen "there is none before the first" "This is the first customer"
keys p
expect_screen "p plays the story" "Playing: a step every half second"
# A step every 450 ms: which one shows when the screen is read depends on
# the machine's speed (and on ASan), so only that it moved is checked,
# never one step, which shows for half a second and a slow poll misses.
expect_re "steps come without keys" "Customer 1, step [2-7] of 7" 5
expect_screen "the story's end shows" "The end after 7 steps" 8
expect_re "play goes on with the next customer" \
	"Customer 2, step [1-7] of 7" 8
expect_re "who walks too" "Customer 2, step [2-7] of 7" 8
keys p
expect_screen "p pauses" "Paused"
at=$(screen | grep -o "Customer [0-9]*, step [0-9]* of [0-9]*" | head -n 1)
sleep 1.5
now=$(screen | grep -o "Customer [0-9]*, step [0-9]* of [0-9]*" | head -n 1)
if [ -n "$at" ] && [ "$at" = "$now" ]; then
	ok "and nothing moves while paused ($at)"
else
	not_ok "and nothing moves while paused ('$at', then '$now')"
fi
keys q
expect_screen "q goes back to the results" "Results: Tiny shop tiny"
keys q
keys w
# (play may have gone on to customer 3 before p came)
expect_screen "w on the map opens it too, at the customer left" \
	"${at%%, step*}, step 1 of 7"
keys Escape
expect_screen "Esc goes back to the map" "Emotion along the most likely path"
keys q q
expect_screen "mot quits" "EXIT=0"

# Customers who drop, who run out of patience; a refused journey.
ui_start 80 24 -- edit leaky
expect_screen "the leaky shop opens" "Tiny shop leaky"
keys w
expect_screen "w works without a run first" "Customer 1, step 1 of 1"
expect_screen "a customer who leaves says so" "drops out here"
expect_screen "and the end says where" \
	"The end after 1 step: did not buy; dropped out at Shop window"
keys q q q
expect_screen "mot quits after the leaky shop" "EXIT=0"

ui_start 80 24 -- edit impatient
keys w
expect_screen "an impatient customer walks three steps" "step 1 of 3"
keys G
expect_screen "then runs out of patience" "runs out of patience"
expect_screen "as the end says" "ran out of patience at Reviews"
keys q q q
expect_screen "mot quits after the impatient shop" "EXIT=0"

ui_start 80 24 -- edit no-entry
expect_screen "the journey without entries opens" "No entry yet"
keys w
expect_screen "w on a journey the engine refuses says why" "No walkthrough:"
expect_gone "and stays on the map" "Customer 1, step"
keys q q
expect_screen "mot quits after the refused journey" "EXIT=0"

# The smallest terminal still tells the story.
ui_start 40 12 -- edit tiny
keys w
expect_screen "40x12: the step line fits" "Customer 1, step 1 of 7"
expect_screen "40x12: the event shows" "enters the journey here"
keys G
expect_screen "40x12: the end line shows" "The end after 7 steps: BOUGHT"
keys q q q
expect_screen "mot quits at 40x12" "EXIT=0"
