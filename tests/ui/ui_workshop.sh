#!/bin/sh
# Workshop mode: the simulation panel, a run in the background with its
# progress, the results, the overlay on the map's cards, a cancel in
# mid-run, a resize during a run, leaving mot while a run goes on, a
# small terminal, and a journey the engine refuses.
. "${MOT_TOP:-.}/tests/ui/tmux.lib"

# Runs are slower under the sanitizers: generous waits for results.
LONG=180

# The panel with its defaults, a run, the results.
ui_start 80 24 -- edit car-accident
expect_screen "the map opens" "Car accident claim"
keys R
expect_screen "R before any run says there are no results" \
	"No results yet: s simulates"
keys v
expect_screen "so does v" "No results to show on the cards yet"
keys m
expect_screen "and m (impact needs results)" "The impact view needs results"
keys s
expect_screen "s opens the simulation panel" "Simulate: Car accident claim"
expect_screen "customers default to 100000" "Customers> 100000"
expect_screen "all personas by default" "< all, by share >"
expect_screen "the full model by default" "< full >"
keys -l 0
expect_screen "a count below 1 is refused as typed" \
	"Customers must be a whole number"
keys C-u
keys -l 20000
keys Tab Tab
keys -l 7
keys Enter
expect_screen "Enter runs and shows the results" "Results: Car accident claim"
expect_re "the conversion with its 95% CI" \
	"Conversion [0-9.]+%  \(95% CI [0-9.]+% to [0-9.]+%\)" "$LONG"
expect_screen "with the settings it ran with" \
	"20,000 customers, seed 7, full model, all personas"
expect_re "customers, steps and seconds" \
	"20,000 customers, [0-9,]+ steps \([0-9.]+ each\), [0-9.]+ s"
expect_re "endings as a workshop reads them: bought, then the others" \
	"Endings: bought [0-9.]+%; without buying: left [0-9.]+%, dead end"
expect_screen "the funnel per stage" "Funnel: customers reaching each stage"
expect_re "as bars with the share" "SMOT +\[#+\.*\] +[0-9.]+%"
expect_screen "the loop histogram" "Exploration <-> evaluation loops"
expect_re "with 0 to 5+ loops" "^ 5\+ +\["
expect_re "and its mean, median, p90 and max" \
	"mean [0-9.]+  median [0-9]+  p90 [0-9]+  max [0-9]+"
keys G
expect_screen "G scrolls to the end: top paths" "Top paths"
expect_re "paths with share, mark and names" \
	"[0-9.]+% (buys|drop|exit|tired|cut) +Collision at the roadside"
expect_re "the ratings at TMOT" \
	"Promoters [0-9.]+%, passives [0-9.]+%, detractors [0-9.]+%"
expect_re "and the NPS" "NPS [-+][0-9]+  \(of [0-9,]+ rated\)"
keys g
expect_screen "g scrolls back to the top" "Conversion "
keys q
expect_screen "q goes back to the map" "<ZMOT 4 v 100%"
expect_re "the title says conversion and NPS" \
	"conv [0-9.]+% \([0-9.]+-[0-9.]+\) NPS [-+][0-9]+"
expect_re "the stage headers carry the funnel" "FMOT 6 (v )?[0-9]+%"
expect_re "the cards show visits and drop-off with a heat mark" \
	">-3 [0-9.]+v [0-9<]+%[░▒▓█]"
keys v
expect_screen "v turns the overlay off" "Results on the cards: off"
expect_screen "the title counts touchpoints again" "31 touchpoints"
expect_gone "the numbers go" "v 1"
keys v
expect_re "v turns it on again" "[0-9]\.[0-9][0-9]v [0-9<]+%"
keys R
expect_screen "R shows the last results again" "seed 7, full model"
keys Escape
expect_screen "Esc without a run goes back" "<ZMOT 4 v 100%"

# Cancel in mid-run: the previous results stay; mot answers at once.
keys s
expect_screen "the panel remembers the last settings" "Customers> 20000"
keys -l 100000000
keys Enter
expect_screen "a big run shows its progress" "of 100,000,000 customers"
expect_screen "with how to cancel" "Esc cancels"
expect_screen "and the previous results below, marked" \
	"Previous results, from before this run:"
keys Escape
expect_screen "Esc cancels the run" "Simulation cancelled"
expect_screen "the previous results are kept" "seed 7, full model"
expect_gone "no progress any more" "of 100,000,000 customers"
keys q
expect_screen "mot still answers after the cancel" "<ZMOT 4 v 100%"
keys j
expect_screen "and moves on the map" ">Remembered TV"

# q while running: back to the map, the run goes on.
keys s
keys -l 100000000
keys Enter
expect_screen "another run starts" "of 100,000,000 customers"
keys q
expect_re "the map's status line shows the run" \
	"simulating (\[#*\.*\] +[0-9]+%|[0-9]+%)" 5
keys k
expect_screen "the map answers keys meanwhile" ">Collision at "
keys R
expect_screen "R shows the run going on" "of 100,000,000 customers"
keys Escape
expect_screen "and Esc there cancels it" "Simulation cancelled"
# A run that ends while the map shows: the results arrive there.
keys s
keys -l 2000000
keys Enter
keys q
expect_screen "the results arrive on the map" \
	"Simulated 2,000,000 customers" "$LONG"
keys R
expect_screen "and R shows them" "2,000,000 customers, seed 7"
keys q

# A resize during a run: no crash, the results still arrive.
keys s
keys -l 60000000
keys Enter
expect_screen "a longer run starts" "of 60,000,000 customers"
TM resize-window -x 60 -y 20
expect_re "the progress redraws at 60 columns" "\[#*\.*\] +[0-9]+%" 5
TM resize-window -x 40 -y 12
expect_screen "and at 40x12" "Running" 5
TM resize-window -x 100 -y 30
expect_screen "the results arrive after the resizes" \
	"60,000,000 customers, seed 7" "$LONG"
expect_re "with their conversion" "Conversion [0-9.]+%" 5
TM resize-window -x 80 -y 24

# Leaving mot while a run goes on: the run is cancelled, the terminal
# restored, nothing leaks (ASan would fail the exit status).
keys s
keys -l 100000000
keys Enter
expect_screen "a run to leave" "of 100,000,000 customers"
keys q
expect_screen "back on the map" "simulating"
keys q
expect_screen "closing the journey" "mot - journeys"
keys q
expect_screen "q quits while the run was going" "EXIT=0" 30
expect_screen "and restores the terminal" "TTY=icanon echo"

ui_start 80 24 -- edit car-accident
expect_screen "the map opens again" "Car accident claim"
keys s
keys -l 100000000
keys Enter
expect_screen "a run to be killed in" "of 100,000,000 customers"
kill -TERM "$(mot_pid)"
expect_screen "SIGTERM during a run ends mot cleanly" "EXIT=143" 30
expect_screen "SIGTERM during a run restores the terminal" "TTY=icanon echo"

# A small terminal: the results scroll.
ui_start 40 12 TERM=screen-256color -- edit retail-purchase
expect_screen "the map opens at 40x12" "touchpoints"
keys s
expect_screen "the panel fits" "Customers> 100000"
keys -l 10000
keys Enter
expect_re "the results at 40x12" "Conversion [0-9.]+%" "$LONG"
expect_re "say where the scroll is" "1-10 of [0-9]+"
keys G
expect_re "G shows the end" "NPS [-+][0-9]+"
keys k
expect_re "k scrolls up a line" "[0-9]+-[0-9]+ of [0-9]+"
keys q
expect_re "the cards show the drop-off at 40 columns" "[0-9<]+%[░▒▓█]"
keys q q
expect_screen "mot at 40x12 quits" "EXIT=0"

# A journey the engine refuses: its message, and no results screen.
ui_start 80 24 --
expect_screen "the journeys screen" "mot - journeys"
keys a
expect_screen "a new journey" "Title of the new journey:"
keys -l "Nothing yet"
keys Enter
wait_for "Its key:" >/dev/null
keys Enter
expect_screen "its empty map" "a adds a touchpoint"
keys s
expect_screen "the panel opens" "Simulate: Nothing yet"
keys Enter
expect_screen "the engine's message shows" \
	"Cannot simulate: journey 'nothing-yet' has no entry"
expect_screen "still on the map" "(empty: a adds)"
keys q q
expect_screen "mot quits" "EXIT=0"

# Without colour the heat reads as . : * #
ui_start 80 24 NO_COLOR=1 -- edit car-accident
expect_screen "the map without colour" "Car accident claim"
keys s
keys -l 20000
keys Enter
expect_re "results" "Conversion [0-9.]+%" "$LONG"
keys q
expect_re "the heat mark is ASCII without colour" \
	"[0-9]\.[0-9][0-9]v [0-9<]+%[.:*#]"
keys q q
expect_screen "mot quits" "EXIT=0"
