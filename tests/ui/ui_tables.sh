#!/bin/sh
# The command line's tables (simulate, analyze, list) use the width
# they have (issue 10, point 6): into a pipe or a file nothing is cut;
# on a terminal a touchpoint key is cut only where the line would not
# fit, and never below 32 characters (mot(1)); list's key column is as
# wide as its longest key.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

K1=a-touchpoint-whose-key-is-much-longer-than-thirty-two
K2=the-purchase-touchpoint-with-a-key-of-forty-four
J=a-journey-whose-key-is-longer-than-twenty-eight
cat >"$T/long.yaml" <<YAML
key: $J
title: Long keys
entries:
- to: $K1
touchpoints:
- key: $K1
  name: First
  stage: zmot
  next:
  - to: $K2
- key: $K2
  name: Buy
  stage: fmot
  conversion: true
YAML
expect_rc "a journey with long keys is imported" 0 "$MOT" import "$T/long.yaml"

# Into a pipe: whole keys, the columns after them in line.
run "$MOT" simulate "$J" -n 1000
expect_out "simulate: the key of 53 characters whole" "^  $K1 +1000 "
expect_out "simulate: the shorter key in the same column" \
	"^  $K2      +1000 "
run "$MOT" analyze "$J"
expect_out "analyze: the key whole" "^  $K1 +1\.000000 "
run "$MOT" list
expect_out "list: the journey's key whole, then its counts" "^$J +2 +1 +0  "
if awk -v j="$J" 'NR == 1 { h = index($0, "TOUCH") + 5 }
	$1 == j || $1 == "car-accident" {
		p = index($0, " " $2 " ") + length($2) + 1
		if (p != h) bad = 1 } END { exit bad }' "$T/out"; then
	ok "list: the counts stay under their heading"
else
	not_ok "list: the counts stay under their heading"
	sed 's/^/#   /' "$T/out"
fi

# On a terminal wide enough: whole keys.
ui_start 160 60 -- simulate "$J" -n 1000
expect_re "a wide terminal: the key whole" "^  $K1 +1000 "
wait_for "EXIT=" >/dev/null
# On a narrow one: cut at 32, not narrower (the line wraps).
ui_start 80 40 -- analyze "$J"
expect_re "a narrow terminal: the key cut at 32" \
	"^  $(printf %.32s "$K1") +1\.000000"
wait_for "EXIT=" >/dev/null

# The designer's journeys list: the key column as wide as the longest
# key where the screen has room, not cut at a fixed 23.
ui_start 120 20 --
expect_screen "the journeys list opens" "mot - journeys"
expect_re "a key of 47 characters whole in the list" "^ $J +2 "
keys q
wait_for "EXIT=" >/dev/null
