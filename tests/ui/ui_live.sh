#!/bin/sh
# Live results (issue 10, point 5): once a journey has been simulated,
# a change to it runs the same simulation again on its own, and the top
# bar takes the new figures without r; a run too big to repeat on every
# change is marked "stale: r to rerun"; B puts the baseline's journey
# back as one change that u undoes.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

LONG=180

# The conversion on the map's top bar now ("conv 19.5%"), or nothing.
conv_now() {
	screen | head -n 1 | grep -o 'conv [0-9.]*%' | head -n 1
}

# Wait until the top bar's conversion is another than $1.
conv_changes() {
	cc_end=$(($(date +%s) + $2))
	while :; do
		cc_now=$(conv_now)
		[ -n "$cc_now" ] && [ "$cc_now" != "$1" ] && return 0
		[ "$(date +%s)" -ge "$cc_end" ] && return 1
		sleep 0.1
	done
}

ui_start 120 30 -- edit car-accident
expect_screen "the map opens" "Car accident claim"

keys s
wait_for "Customers" >/dev/null
keys -l 200000
keys Enter
expect_re "a simulation of 200,000 customers" "Conversion [0-9.]+%" "$LONG"
keys q
expect_re "the top bar shows its conversion" "conv [0-9.]+%"
before=$(conv_now)

# An emotion changed on the map: the figures follow without r.
keys +
expect_screen "the card's emotion changes" \
	"Emotion of 'Collision at the roadside': -3 -> -2"
if conv_changes "$before" "$LONG"; then
	ok "the top bar's conversion changes without r ($before -> $(conv_now))"
else
	not_ok "the top bar's conversion changes without r (still $before)"
	dump_screen
fi
expect_gone "and the figures are of the journey as it is" "stale"
expect_gone "no run is left going" "updating"
after=$(conv_now)
keys R
expect_screen "R shows the results" "Results: Car accident claim"
res=$(screen | grep -o 'Conversion [0-9.]*%' | head -n 1 |
	LC_ALL=C awk '{ sub("%", "", $2); printf "conv %.1f%%", $2 }')
if [ -n "$res" ] && [ "$res" = "$after" ]; then
	ok "which are of the changed journey ($res)"
else
	not_ok "which are of the changed journey ('$res', the map: '$after')"
	dump_screen
fi
if screen | head -n 1 | grep -q "stale\|updating"; then
	not_ok "the results' title marks nothing"; dump_screen
else
	ok "the results' title marks nothing"
fi

# What-if: b keeps these results; a change runs baseline and scenario
# again; B brings the baseline's journey back, u the change again.
keys b
expect_screen "b keeps a baseline" "Baseline kept (200,000 customers)"
keys q
keys +
expect_screen "a what-if change" \
	"Emotion of 'Collision at the roadside': -2 -> -1"
expect_screen "the card shows it" "| emotion -1 |"
keys R
expect_screen "the change runs baseline and scenario on its own" \
	"What-if: baseline and scenario" "$LONG"
expect_screen "with the change it made" \
	"Collision at the roadside: emotion -2 -> -1"
keys B
expect_screen "B restores the baseline's journey" \
	"Saved: restore the baseline of 'car-accident'"
keys q
expect_screen "the card has the baseline's emotion again" "| emotion -2 |"
exported car-accident >"$T/out"
if awk '/^- key: accident-scene$/ { on = 1; next } /^- key:/ { on = 0 }
	on && /^  emotion: -2$/ { found = 1 } END { exit !found }' "$T/out"; then
	ok "the database holds the baseline's emotion"
else
	not_ok "the database holds the baseline's emotion"
fi
keys u
expect_screen "u takes the restore back as one change" \
	"Undone: restore the baseline of 'car-accident'"
expect_screen "the what-if's emotion is back" "| emotion -1 |"

# Too big to repeat on every change: marked stale, never shown as if
# current.  (The run goes on in the background; leaving cancels it.)
keys s
wait_for "Customers" >/dev/null
keys C-u
keys -l 100000000
keys Enter
expect_screen "100,000,000 customers run" "Simulating 100,000,000 customers"
keys q
keys -
expect_screen "a change" "Emotion of 'Collision at the roadside': -1 -> -2"
expect_re "the top bar marks the figures stale" \
	"conv [0-9.]+%.*stale: r to rerun"
keys q
wait_for "mot - journeys" "$LONG" >/dev/null
keys q
expect_screen "mot quits, the big run cancelled" "EXIT=0" "$LONG"
