#!/bin/sh
# Word of mouth over time (o): the settings form opens at once when there
# is no run yet; a run draws the adoption curve with its summary; a long
# run shows its progress and Esc cancels it, keeping the curve before.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

# Rows of the chart that hold a plotted point of each kind.
plotted() {	# character
	screen | awk -v c="$1" '/^ *[0-9]*%? *\|/ && index(substr($0, 7), c) { n++ }
		END { print n + 0 }'
}

ui_start 80 24 -- edit car-accident
expect_screen "the map opens" "Car accident claim"
keys o
expect_screen "o opens the settings form at once" "Market size (people)"
expect_screen "with the days" "Days"
expect_screen "and Bass's p and q" "q, imitation a day"
expect_screen "and the detractors' push back" "qd, held back a day"
keys Escape
expect_screen "Esc leaves the form; the screen says there is no run yet" \
	"No word-of-mouth run yet"
keys s
expect_screen "s opens the form again" "Market size (people)"
keys Tab
keys -l "30"
keys Enter
# p and q depend on the journey's market (mot simulate --days requires
# them): the form has none to offer until the designer gave them.
expect_screen "p is asked for, not assumed" \
	"p, innovation a day: type a number"
keys -l "0.03"
keys Enter
expect_screen "q too" "q, imitation a day: type a number"
keys -l "0.38"
keys Enter
expect_screen "the run ends with a message" "Word of mouth done: 30 days"
expect_screen "the chart has its axis" "100% |"
expect_screen "and its days" "day 30"
expect_screen "a legend that reads without colour" \
	"* adopters (bought, cumulative)   o promoters   x detractors"
expect_re "the summary counts promoters and detractors" \
	"Final adopters [0-9,]+ \([0-9.]+%\) \| promoters [0-9,]+, detractors [0-9,]+ \(qd 0.38\)"
expect_screen "the summary names the final adopters" "Final adopters "
expect_screen "and the peak of new entrants" "new entrants a day (day "
n=$(plotted '*')
if [ "$n" -ge 3 ]; then ok "adopters are plotted ($n rows)"; else
	not_ok "adopters are plotted ($n rows)"; dump_screen
fi
n=$(plotted 'o')
if [ "$n" -ge 2 ]; then ok "promoters are plotted ($n rows)"; else
	not_ok "promoters are plotted ($n rows)"; dump_screen
fi
expect_screen "the title holds the settings" "M 100,000, 30 days, p 0.03, q 0.38"

# A long run: progress, then Esc cancels and the curve before stays.
keys s
expect_screen "the form offers the p given before" "0.03"
keys -l "1000000000"
keys Enter
expect_screen "a long run shows its progress" "of 1,000,000,000 people"
keys Escape
expect_screen "Esc cancels it" "Cancelled: the word-of-mouth run stopped"
expect_screen "the curve before is kept" "M 100,000, 30 days"
expect_gone "no progress any more" "of 1,000,000,000 people"
keys Escape
expect_screen "Esc with no run goes back to the map" \
	"Emotion along the most likely path"
keys o
expect_screen "o with a run shows the curve, no form" "Final adopters "
keys q
keys s
expect_screen "s on the map opens the simulation panel" "Customers"
keys Enter
expect_screen "a run ends" "Simulated 100,000 customers"
keys o
expect_screen "o on the results opens the curve" "Final adopters "
keys q q q q
expect_screen "mot quits" "EXIT=0"

# 40x12: the chart still fits.
ui_start 40 12 -- edit car-accident
keys o
expect_screen "40x12: the form" "Market size"
keys Enter
keys -l "0.03"
keys Enter
keys -l "0.38"
keys Enter
expect_screen "40x12: the axis" "100% |"
expect_screen "40x12: the summary" "Final adopters"
keys q q q
expect_screen "mot quits at 40x12" "EXIT=0"
